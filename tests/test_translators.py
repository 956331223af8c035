"""Translators translate their own site into their own language, nothing else."""

import polib
import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from cms.models import StandardPage
from tests.factories import make_member, make_site, make_user
from tests.translating import fill_strings, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeds(db):
    return make_site(name="Leeds", hostname="leeds.localhost", languages=["cy", "ar"])


@pytest.fixture
def bristol(db):
    return make_site(name="Bristol", hostname="bristol.localhost", languages=["cy"])


@pytest.fixture
def translator(leeds):
    return make_member(leeds, "translator", "leeds-welsh", language="cy")


def about(site):
    return site.root_page.get_children().get(slug="about").specific


@pytest.fixture
def translations(leeds, bristol):
    """The About page of Leeds in Welsh and Arabic, and of Bristol in Welsh."""
    return {
        "own": start_translation(about(leeds), "cy"),
        "other language": start_translation(about(leeds), "ar"),
        "other site": start_translation(about(bristol), "cy"),
    }


REFUSED = ["other language", "other site"]


def refused(response):
    """Wagtail's admin turns a permission error into a redirect to its home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def target(translation):
    return translation.get_target_instance()


def po_for(client, translation, text, msgid="About us"):
    """The translation's PO file, downloaded, with `msgid` translated as `text`."""
    response = client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.id])
    )
    po = polib.pofile(response.content.decode())
    for entry in po:
        if entry.msgid == msgid:
            entry.msgstr = text
    return po


def upload(client, translation, po):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    file = SimpleUploadedFile("about.po", str(po).encode(), "text/x-gettext")
    return client.post(url, {"file": file, "next": "/admin/pages/"})


def welsh_strings(translation):
    return StringTranslation.objects.filter(locale=translation.target_locale)


def test_translator_opens_own_languages_page_in_the_translation_editor(
    client, translator, translations
):
    client.force_login(translator)
    page = target(translations["own"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert response.status_code == 200
    names = [t.name for t in response.templates]
    assert "wagtail_localize/admin/edit_translation.html" in names


@pytest.mark.parametrize("which", [*REFUSED, "source"])
def test_translator_cannot_edit_other_languages_sites_or_the_source(
    client, translator, translations, which
):
    client.force_login(translator)
    page = (
        about(translations["own"].source.get_source_instance().get_site())
        if (which == "source")
        else target(translations[which])
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    assert refused(client.get(url))
    assert refused(client.post(url, {"title": "Changed", "slug": page.slug}))
    page.refresh_from_db()
    assert page.title != "Changed"
    assert page.latest_revision is None or "Changed" not in str(
        page.latest_revision.content
    )


def test_translator_uploads_po_for_own_language(client, translator, translations):
    client.force_login(translator)
    translation = translations["own"]
    po = po_for(client, translation, "Amdanom ni")
    response = upload(client, translation, po)
    assert response.url == "/admin/pages/"
    assert welsh_strings(translation).filter(data="Amdanom ni").exists()


@pytest.mark.parametrize("which", REFUSED)
def test_translator_cannot_download_or_upload_po_of_other_translations(
    client, translator, translations, network_admin, which
):
    translation = translations[which]
    client.force_login(network_admin)
    po = po_for(client, translation, "Hacked")
    client.force_login(translator)
    download = reverse("wagtail_localize:download_pofile", args=[translation.id])
    assert refused(client.get(download))
    assert refused(upload(client, translation, po))
    assert not StringTranslation.objects.filter(data="Hacked").exists()


@pytest.mark.parametrize("which", ["own", *REFUSED])
def test_translator_edits_strings_only_of_own_language_and_site(
    client, translator, translations, which
):
    client.force_login(translator)
    translation = translations[which]
    segment = StringSegment.objects.filter(
        source=translation.source, string__data="About us"
    ).get()
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.id, segment.id],
    )
    response = client.put(
        url, "value=Cyfieithiad", content_type="application/x-www-form-urlencoded"
    )
    saved = StringTranslation.objects.filter(
        locale=translation.target_locale, data="Cyfieithiad"
    ).exists()
    assert (response.status_code, saved) == (
        (201, True) if which == "own" else (403, False)
    )


def submit(client, page, language):
    locale = Locale.objects.get(language_code=language)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    return client.post(url, {"locales": [locale.pk]})


def test_translator_starts_translation_of_own_sites_page_into_own_language(
    client, translator, leeds
):
    page = about(leeds).add_child(instance=StandardPage(title="Volunteer", slug="vol"))
    client.force_login(translator)
    form = BeautifulSoup(
        client.get(
            reverse("wagtail_localize:submit_page_translation", args=[page.id])
        ).content,
        "html.parser",
    )
    offered = {
        label.get_text(strip=True)
        for label in form.select("input[name=locales]")
        for label in [label.find_parent("label") or label]
    }
    assert len(form.select("input[name=locales]")) == 1, offered
    response = submit(client, page, "cy")
    assert response.status_code == 302
    assert page.has_translation(Locale.objects.get(language_code="cy"))


def test_translator_cannot_start_translation_into_another_language(
    client, translator, leeds
):
    page = about(leeds)
    client.force_login(translator)
    response = submit(client, page, "ar")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert not page.has_translation(Locale.objects.get(language_code="ar"))


def test_translator_cannot_start_translation_of_another_sites_page(
    client, translator, bristol
):
    page = about(bristol)
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    assert refused(client.get(url))
    assert refused(submit(client, page, "cy"))
    assert not page.has_translation(Locale.objects.get(language_code="cy"))


def test_site_editor_cannot_start_translations(client, leeds):
    editor = make_member(leeds, "editor", "leeds-editor")
    client.force_login(editor)
    assert refused(submit(client, about(leeds), "cy"))
    assert not about(leeds).has_translation(Locale.objects.get(language_code="cy"))


def test_translator_syncs_own_sites_source_but_cannot_publish_every_language(
    client, translator, translations
):
    client.force_login(translator)
    source = translations["own"].source
    url = reverse("wagtail_localize:update_translations", args=[source.id])
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    field = soup.find("input", attrs={"name": "publish_translations"})
    assert field["type"] == "hidden"
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert not target(translations["other language"]).live


def test_translator_cannot_sync_another_sites_source(client, translator, translations):
    client.force_login(translator)
    source = translations["other site"].source
    before = source.last_updated_at
    url = reverse("wagtail_localize:update_translations", args=[source.id])
    assert refused(client.get(url))
    assert refused(client.post(url, {}))
    source.refresh_from_db()
    assert source.last_updated_at == before


def test_translator_publishes_own_language(
    client, translator, translations, django_capture_on_commit_callbacks
):
    translation = translations["own"]
    fill_strings(translation, {"About us": "Amdanom ni"})
    client.force_login(translator)
    page = target(translation)
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.live, page.title) == (True, "Amdanom ni")


def test_site_moderator_publishes_every_language_of_the_site(
    client, leeds, translations, django_capture_on_commit_callbacks
):
    moderator = make_member(leeds, "moderator", "leeds-moderator")
    translation = translations["other language"]
    fill_strings(translation, {"About us": "من نحن"})
    client.force_login(moderator)
    page = target(translation)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "publish"}
        )
    page.refresh_from_db()
    assert (page.live, page.title) == (True, "من نحن")


def test_network_translation_report_is_for_network_admins_only(
    client, translator, network_admin, translations
):
    url = reverse("wagtail_localize:translations_report")
    client.force_login(translator)
    assert refused(client.get(url))
    client.force_login(network_admin)
    assert client.get(url).status_code == 200


def test_po_upload_without_a_file_is_a_clear_400(client, translator, translations):
    client.force_login(translator)
    url = reverse("wagtail_localize:upload_pofile", args=[translations["own"].id])
    assert client.post(url, {}).status_code == 400
    bad = SimpleUploadedFile("x.po", b'msgid "a"\nmsgstr "b"\n')
    assert client.post(url, {"file": bad}).status_code == 400


def test_grant_translator_refuses_a_language_the_site_does_not_publish_in(leeds):
    from django.core.management import CommandError, call_command

    make_user("reza")
    with pytest.raises(CommandError, match="does not publish in fa"):
        call_command(
            "grant_site_role",
            "--hostname=leeds.localhost",
            "--role=translator",
            "--user=reza",
            "--language=fa",
        )


def test_translator_of_a_language_gets_its_home_when_enabled_later(
    client, leeds, django_capture_on_commit_callbacks
):
    from cms.models import SiteIdentity

    identity = SiteIdentity.for_site(leeds)
    farsi = Locale.objects.get(language_code="fa")
    identity.languages.add(farsi)
    person = make_member(leeds, "translator", "leeds-farsi", language="fa")
    home = leeds.root_page.get_translation(farsi)
    assert home.permissions_for_user(person).can_publish()
    assert not leeds.root_page.permissions_for_user(person).can_edit()
    assert not Page.objects.filter(locale=farsi).exclude(pk=home.pk).exists()


@pytest.mark.parametrize(
    "options",
    [{}, {"recursive": True}, {"copy_parents": True, "alias": True}],
    ids=["page", "subtree", "alias"],
)
def test_translator_cannot_translate_another_sites_page_through_the_admin_api(
    client, translator, bristol, options
):
    page = about(bristol)
    client.force_login(translator)
    url = reverse(
        "wagtailadmin_api:pages:action", args=[page.id, "copy_for_translation"]
    )
    response = client.post(
        url, {"locale": "cy", **options}, content_type="application/json"
    )
    assert response.status_code in (403, 404)
    assert not page.has_translation(Locale.objects.get(language_code="cy"))


def test_the_admin_api_is_no_way_around_the_translation_views(
    client, translator, leeds
):
    """Even on the translator's own site the API starts no translation (it is
    not among the pages they may open): only the scoped submit view does."""
    page = about(leeds)
    client.force_login(translator)
    url = reverse(
        "wagtailadmin_api:pages:action", args=[page.id, "copy_for_translation"]
    )
    response = client.post(url, {"locale": "cy"}, content_type="application/json")
    assert response.status_code in (403, 404)
    assert not page.has_translation(Locale.objects.get(language_code="cy"))


def test_translator_cannot_stop_preview_or_alias_another_sites_translation(
    client, translator, translations
):
    translation = translations["other site"]
    page = target(translation)
    client.force_login(translator)
    preview = reverse("wagtail_localize:preview_translation", args=[translation.id])
    assert refused(client.get(preview))
    stop = reverse("wagtail_localize:stop_translation", args=[translation.id])
    assert refused(client.post(stop))
    alias = reverse("wagtail_localize:convert_to_alias", args=[page.id])
    assert refused(client.post(alias))
    translation.refresh_from_db()
    page.refresh_from_db()
    assert translation.enabled
    assert page.alias_of_id is None


def test_translator_cannot_submit_another_sites_translated_page_for_moderation(
    client, translator, translations
):
    page = target(translations["other site"])
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    assert refused(client.post(url, {"action": "submit"}))
    page.refresh_from_db()
    assert page.current_workflow_state is None

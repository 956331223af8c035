"""Translating offline with PO files, machine translation rules, admin language."""

import subprocess
import sys

import polib
import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from cms.models import StoryIndexPage, StoryPage
from tests.factories import make_member, make_site
from tests.translating import start_translation

pytestmark = pytest.mark.django_db
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def wales(db):
    return make_site(name="Wales", hostname="wales.localhost", languages=["cy"])


def about(site):
    return site.root_page.get_children().get(slug="about").specific


def test_po_round_trip_puts_welsh_on_the_public_page(
    client, wales, django_capture_on_commit_callbacks
):
    translator = make_member(wales, "translator", "cyfieithydd", language="cy")
    translation = start_translation(about(wales), "cy")
    client.force_login(translator)
    download = client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.id])
    )
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = po.find("About us")
    assert entry.msgstr == ""
    entry.msgstr = "Amdanom ni"
    uploaded = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("about-cy.po", str(po).encode()), "next": "/x/"},
    )
    assert uploaded.url == "/x/"
    page = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "publish"}
        )
    client.logout()
    response = client.get("/cy/about/", HTTP_HOST="wales.localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.h1.get_text(strip=True) == "Amdanom ni"
    assert soup.html["lang"] == "cy"


def test_machine_translation_is_off_by_default(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert "cms.StoryPage" in settings.MACHINE_TRANSLATION_NEVER


def settings_from_environment(**env):
    code = (
        "from cms.settings import base;"
        "print(base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR);"
        "print(base.MACHINE_TRANSLATION_NEVER)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_deepl_is_configured_by_environment_and_stories_still_excluded():
    translator, never = settings_from_environment(
        MACHINE_TRANSLATION_BACKEND="deepl", DEEPL_API_KEY="key-123"
    )
    assert "DeepLTranslator" in translator and "key-123" in translator
    assert never == "['cms.StoryPage']"
    _translator, never = settings_from_environment(MACHINE_TRANSLATE_STORIES="1")
    assert never == "[]"


def machine_translate(client, translation):
    url = reverse("wagtail_localize:machine_translate", args=[translation.id])
    return client.post(url, {"next": "/admin/pages/"})


def test_stories_are_never_machine_translated(client, wales, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    index = wales.root_page.get_children().type(StoryIndexPage).get()
    story = index.add_child(
        instance=StoryPage(title="Finding home", slug="home", storyteller="A.")
    )
    translation = start_translation(story, "cy")
    moderator = make_member(wales, "moderator", "wales-moderator")
    client.force_login(moderator)
    response = machine_translate(client, translation)
    assert response.url == reverse("wagtailadmin_home")
    assert not StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()


def test_other_pages_are_machine_translated_when_a_backend_is_set(
    client, wales, settings
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    translation = start_translation(about(wales), "cy")
    client.force_login(make_member(wales, "moderator", "wales-moderator"))
    response = machine_translate(client, translation)
    assert response.url == "/admin/pages/"
    assert StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()


def test_admin_speaks_the_editors_preferred_language(client, wales, settings):
    codes = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    assert codes == ["en", "cy", "ar", "fa", "uk", "fr"]
    editor = make_member(wales, "editor", "golygydd")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "cy"
    profile.save()
    client.force_login(editor)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert soup.html["lang"] == "cy"

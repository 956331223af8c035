"""Form submissions: seen by the site's moderators only, mailed without their
words, deleted whole or not at all, and kept no longer than the form says."""

import io
from datetime import timedelta

import pytest

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from cms.models import FormField, FormPage

HOST = "sheffield.localhost"
SECRET = "Xantheloquy"


def site_form(site):
    form = FormPage.objects.descendant_of(site.root_page).get(slug="get-involved")
    if not form.form_fields.exists():
        FormField.objects.create(page=form, label="Message", field_type="multiline")
    return form


def submit(form, text, days_ago=0):
    submission = FormSubmission.objects.create(page=form, form_data={"message": text})
    if days_ago:
        FormSubmission.objects.filter(pk=submission.pk).update(
            submit_time=timezone.now() - timedelta(days=days_ago)
        )
    return submission


def url(name, *args, query=""):
    return reverse(name, args=args) + (f"?{query}" if query else "")


def delete_url(form, *ids):
    query = "&".join(f"selected-submissions={pk}" for pk in ids)
    return url("wagtailforms:delete_submissions", form.pk, query=query)


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/submissions/" not in response["Location"]
    )


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def forms(group_site, other_group_site):
    a, b = site_form(group_site), site_form(other_group_site)
    return a, b, submit(a, "Own words"), submit(b, f"Words of {SECRET}")


def test_moderator_of_a_cannot_list_export_or_delete_bs_submissions(
    client, forms, site_moderator
):
    _a, b, _own, theirs = forms
    client.force_login(site_moderator)
    addresses = [
        url("wagtailforms:list_submissions", b.pk),
        url("wagtailforms:list_submissions_results", b.pk),
        url("wagtailforms:list_submissions", b.pk, query="export=csv"),
        url("wagtailforms:list_submissions", b.pk, query="export=xlsx"),
        delete_url(b, theirs.pk),
    ]
    for address in addresses:
        for response in (client.get(address), client.post(address)):
            assert refused(response), (address, response.status_code)
            assert SECRET not in body(response), address
    index = client.get(url("wagtailforms:index"))
    assert index.status_code == 200
    assert reverse("wagtailforms:list_submissions", args=[b.pk]) not in body(index)
    assert FormSubmission.objects.filter(pk=theirs.pk).exists()


def test_moderator_lists_and_exports_own_sites_submissions(
    client, forms, site_moderator
):
    a, _b, _own, _theirs = forms
    client.force_login(site_moderator)
    listing = client.get(url("wagtailforms:list_submissions", a.pk))
    assert "Own words" in body(listing)
    export = client.get(url("wagtailforms:list_submissions", a.pk, query="export=csv"))
    assert export.status_code == 200
    assert "Own words" in body(export)


def test_site_editor_cannot_list_or_export_own_sites_submissions(
    client, forms, site_editor
):
    a, _b, _own, _theirs = forms
    client.force_login(site_editor)
    for query in ("", "export=csv"):
        response = client.get(url("wagtailforms:list_submissions", a.pk, query=query))
        assert refused(response)
        assert "Own words" not in body(response)


def test_mixed_selection_of_own_and_other_sites_ids_is_refused_whole(
    client, forms, site_moderator
):
    a, _b, own, theirs = forms
    client.force_login(site_moderator)
    response = client.post(delete_url(a, own.pk, theirs.pk))
    assert response.status_code == 403
    assert "none was deleted" in body(response)
    assert FormSubmission.objects.filter(pk__in=[own.pk, theirs.pk]).count() == 2
    assert client.get(delete_url(a, own.pk, theirs.pk)).status_code == 403


def test_own_selection_is_deleted(client, forms, site_moderator):
    a, _b, own, theirs = forms
    second = submit(a, "More words")
    client.force_login(site_moderator)
    response = client.post(delete_url(a, own.pk, second.pk))
    assert response.status_code == 302
    assert not FormSubmission.objects.filter(pk__in=[own.pk, second.pk]).exists()
    assert FormSubmission.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("value", ["abc", "1.5", "", "1;DELETE", "٣"])
def test_malformed_submission_ids_are_a_bad_request(
    client, forms, site_moderator, value
):
    a, _b, own, _theirs = forms
    client.force_login(site_moderator)
    address = url(
        "wagtailforms:delete_submissions",
        a.pk,
        query=f"selected-submissions={own.pk}&selected-submissions={value}",
    )
    assert client.post(address).status_code == 400
    assert FormSubmission.objects.filter(pk=own.pk).exists()


def test_unknown_or_malformed_form_ids_are_refused_not_a_crash(
    client, forms, site_moderator
):
    client.force_login(site_moderator)
    assert client.post("/admin/forms/submissions/999999/delete/").status_code == 403
    assert client.post("/admin/forms/submissions/abc/delete/").status_code == 404


def test_notification_mail_says_someone_wrote_but_not_what(client, group_site):
    form = site_form(group_site)
    form.to_address = "moderators@example.org"
    form.subject = "New message"
    form.save_revision().publish()
    response = client.post(form.url, {"message": f"I am {SECRET}"}, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form).count() == 1
    [message] = mail.outbox
    assert message.to == ["moderators@example.org"]
    assert SECRET not in message.body
    assert SECRET not in message.subject
    assert "Someone filled in the form" in message.body
    listing = reverse("wagtailforms:list_submissions", args=[form.pk])
    assert listing in message.body


def test_retention_is_between_one_day_and_two_years(group_site):
    form = site_form(group_site)
    assert form.retention_days == 90
    for days in (0, 731):
        form.retention_days = days
        with pytest.raises(ValidationError) as error:
            form.full_clean()
        assert "retention_days" in error.value.message_dict


def purge(*args):
    out = io.StringIO()
    call_command("purge_form_submissions", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_submissions_older_than_their_forms_retention(
    group_site, other_group_site
):
    short = site_form(group_site)
    FormPage.objects.filter(pk=short.pk).update(retention_days=30)
    default = site_form(other_group_site)
    old = submit(short, "old", days_ago=31)
    recent = submit(short, "recent", days_ago=29)
    kept_longer = submit(default, "kept", days_ago=60)
    too_old = submit(default, "too old", days_ago=91)

    output = purge()

    remaining = set(FormSubmission.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, kept_longer.pk}
    assert old.pk not in remaining and too_old.pk not in remaining
    assert "In all, deleted 2 submissions." in output


def test_purge_dry_run_counts_but_deletes_nothing(group_site):
    form = site_form(group_site)
    submit(form, "old", days_ago=100)
    submit(form, "recent", days_ago=1)
    output = purge("--dry-run")
    assert FormSubmission.objects.count() == 2
    assert "would delete 1" in output
    assert "In all, would delete 1 submissions." in output

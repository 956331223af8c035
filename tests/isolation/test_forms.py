"""Isolation of form submissions: only the site's moderators see them."""

from wagtail.contrib.forms.models import FormSubmission

from cms.models import FormPage
from tests.isolation.common import OWN, form_with_a_message_field, refused, url

REFUSED = [
    lambda net: url("wagtailforms:list_submissions", net.b_form.pk),
    lambda net: url("wagtailforms:list_submissions", net.b_form.pk, query="export=csv"),
    lambda net: url("wagtailforms:delete_submissions", net.b_form.pk),
]

LISTINGS = [
    lambda net: url("wagtailforms:index"),
]

POSTS = [
    (
        lambda net: url(
            "wagtailforms:delete_submissions",
            net.b_form.pk,
            query=f"selected-submissions={net.b_submission.pk}",
        ),
        {},
    ),
]


def test_site_a_moderator_sees_only_site_as_form_submissions(client, net):
    a_form = form_with_a_message_field(net.a)
    FormSubmission.objects.create(page=a_form, form_data={"message": OWN})
    client.force_login(net.users["moderator"])
    response = client.get(url("wagtailforms:list_submissions", a_form.pk))
    assert response.status_code == 200
    assert OWN.encode() in response.content
    mixed = f"selected-submissions={net.b_submission.pk}"
    client.post(url("wagtailforms:delete_submissions", a_form.pk, query=mixed))
    assert FormSubmission.objects.filter(pk=net.b_submission.pk).exists()


def test_site_editors_do_not_see_their_own_sites_submissions(client, net):
    a_form = net.a.root_page.get_children().type(FormPage).get().specific
    client.force_login(net.users["editor"])
    address = url("wagtailforms:list_submissions", a_form.pk)
    assert refused(client.get(address), address)

"""What every isolation surface shares: the sentinels, addresses, verdicts."""

from django.urls import reverse

from cms.models import FormField, FormPage

SENTINEL = "Zq7Sentinel"
OWN = "Ay4Own"
WORD = "marmalade"
TAG = "kitchen"
ROLES = ["editor", "moderator", "translator"]
CHARTER = "wagtailsnippets_cms_charterstatement"  # a global snippet
SEARCH = f"q={WORD}"  # matches A's and B's objects; the query itself is echoed
B_NAMES = (f"{SENTINEL}-editor", f"{SENTINEL}-moderator")  # people are private too


def url(name, *args, query=""):
    return reverse(name, args=args) + (f"?{query}" if query else "")


def page_action(name):
    return lambda net: url(f"wagtailadmin_pages:{name}", net.b_draft.pk)


def form_with_a_message_field(site):
    form = site.root_page.get_children().type(FormPage).get().specific
    FormField.objects.create(page=form, label="Message", field_type="multiline")
    return form


def refused(response, requested):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"] != requested


def no_sentinel(response):
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return SENTINEL.encode() not in body

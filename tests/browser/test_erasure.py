import pytest

from cms.models import ErasureRecord, StoryIndexPage, StoryPage
from tests import content
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)


def test_moderator_erases_a_story_through_the_admin(page, site_url):
    make_site(kind="national", name="City of Sanctuary", hostname="localhost")
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    moderator = make_member(site, "moderator", username="mona")
    index = StoryIndexPage.objects.child_of(site.root_page).get()
    story = content.publish(
        index,
        StoryPage(
            title="Tesfay's road to Sheffield",
            storyteller="Tesfay Berhane",
            body=content.paragraphs("I walked a long way."),
            **content.CONSENT,
        ),
    )

    path = story.get_url_parts()[2]
    assert page.goto(site_url("sheffield.localhost", path)).status == 200
    log_in(page, site_url, moderator.username, PASSWORD)
    page.goto(site_url("localhost", f"/admin/pages/{story.pk}/edit/"))
    page.locator("header").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Erase story").click()
    page.wait_for_url(f"**/admin/stories/{story.pk}/erase/")
    assert "This cannot be undone." in page.locator("main").inner_text()
    page.get_by_role("button", name="Yes, erase the story").click()

    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    main = page.locator("main").inner_text()
    assert "The story was erased" in page.content()
    assert "Tesfay" not in main
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert ErasureRecord.objects.get().erased_by == moderator
    assert page.goto(site_url("sheffield.localhost", path)).status == 404

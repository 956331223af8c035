"""Isolation of pages: actions, revisions, workflow, choosers, the admin API,
explorer and search, reports and translations of another site's pages."""

from tests.isolation.common import SEARCH, WORD, page_action, refused, url

REFUSED = [
    page_action("edit"),
    page_action("delete"),
    page_action("unpublish"),
    page_action("move"),
    page_action("copy"),
    page_action("history"),
    page_action("revisions_index"),
    page_action("preview_on_edit"),
    page_action("view_draft"),
    page_action("add_subpage"),
    page_action("lock"),
    page_action("unlock"),
    page_action("set_privacy"),
    page_action("workflow_history"),
    page_action("usage"),
    lambda net: url("wagtailadmin_pages:edit", net.b.root_page_id),
    lambda net: url(
        "wagtailadmin_pages:add", "cms", "standardpage", net.b.root_page_id
    ),
    lambda net: url(
        "wagtailadmin_pages:move_confirm", net.b_draft.pk, net.a.root_page_id
    ),
    lambda net: url("wagtailadmin_pages:revisions_view", net.b_draft.pk, net.b_rev1.pk),
    lambda net: url(
        "wagtailadmin_pages:revisions_revert", net.b_draft.pk, net.b_rev1.pk
    ),
    lambda net: url(
        "wagtailadmin_pages:revisions_compare",
        net.b_draft.pk,
        net.b_rev1.pk,
        net.b_rev2.pk,
    ),
    lambda net: url("wagtailadmin_choose_page_child", net.b.root_page_id),
    lambda net: url("wagtailadmin_choose_page_child", net.b_draft.pk),
    lambda net: url("wagtailadmin_api:pages:detail", net.b_draft.pk),
    lambda net: url("wagtail_localize:submit_page_translation", net.b_draft.pk),
    lambda net: url("wagtailadmin_reports:page_types_usage"),
]

LISTINGS = [
    lambda net: url("wagtailadmin_home"),
    lambda net: url("wagtailadmin_explore_root"),
    lambda net: url("wagtailadmin_explore", net.a.root_page_id),
    lambda net: url("wagtailadmin_explore", 1),
    lambda net: url("wagtailadmin_explore", 1, query=f"{SEARCH}&search_all=1"),
    lambda net: url("wagtailadmin_pages:search", query=SEARCH),
    lambda net: url("wagtailadmin_pages:search_results", query=SEARCH),
    lambda net: url("wagtailadmin_choose_page"),
    lambda net: url("wagtailadmin_choose_page", query="page_type=cms.standardpage"),
    lambda net: url("wagtailadmin_choose_page_search", query=SEARCH),
    lambda net: url(
        "wagtailadmin_choose_page_search",
        query=f"{SEARCH}&allow_external_link=true&allow_email_link=true",
    ),
    lambda net: url("wagtailadmin_api:pages:listing", query="child_of=root"),
    lambda net: url("wagtailadmin_api:pages:listing", query=f"search={WORD}"),
    lambda net: url("wagtailadmin_reports:locked_pages"),
    lambda net: url("wagtailadmin_reports:workflow"),
    lambda net: url("wagtailadmin_reports:workflow_tasks"),
    lambda net: url("wagtailadmin_reports:site_history"),
    lambda net: url("wagtailadmin_reports:aging_pages"),
    lambda net: url("wagtail_localize:translations_report"),
]

POSTS = [
    (
        page_action("edit"),
        {"title": "Changed", "slug": "changed", "action-publish": "1"},
    ),
    (page_action("delete"), {}),
    (lambda net: url("wagtailadmin_pages:unpublish", net.b_published.pk), {}),
    (
        lambda net: url(
            "wagtailadmin_pages:move_confirm", net.b_published.pk, net.a.root_page_id
        ),
        {},
    ),
    (
        lambda net: url("wagtailadmin_pages:copy", net.b_published.pk),
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": "{a_home}"},
    ),
    (page_action("lock"), {}),
    (page_action("unlock"), {}),
    (
        lambda net: url(
            "wagtailadmin_pages:workflow_action",
            net.b_draft.pk,
            "approve",
            net.b_task_state.pk,
        ),
        {"comment": "ok"},
    ),
    (
        lambda net: url(
            "wagtailadmin_pages:add", "cms", "standardpage", net.b.root_page_id
        ),
        {"title": "Intruder", "slug": "intruder", "action-publish": "1"},
    ),
    (
        lambda net: url("wagtail_localize:submit_page_translation", net.b_draft.pk),
        {"locales": "{ar_locale}", "include_subtree": "on"},
    ),
]


def test_site_a_editor_opens_site_as_pages_but_not_bs(client, net):
    client.force_login(net.users["editor"])
    a_page = net.a.root_page.get_children().first()
    assert client.get(url("wagtailadmin_pages:edit", a_page.pk)).status_code == 200
    response = client.get(url("wagtailadmin_pages:edit", net.b_draft.pk))
    assert refused(response, url("wagtailadmin_pages:edit", net.b_draft.pk))

"""Who works on what: every isolation rule of the network, and where it is enforced.

A role of one site never reads or changes another site's content (DESIGN.md,
docs/security.md T1-T6, T13, T14). The rules:

Which sites and pages a person works on (sites.py)
  member_sites, current_site     the sites a person holds a role on; the one chosen
  site_for_page, site_pages      which site a page belongs to, in every language
  explorable_pages               pages a person may see: their sites' trees
  moderated_pages                pages a person publishes (form submissions)
  objects_in_scope               pages, media and site-owned records a person may use
  is_national_team               THE national-team rule (national editors, admins);
  NationalTeamPolicy             endorsements; the Network area; network-wide reports

Roles (roles.py)
  PAGE_/COLLECTION_/SITE_PERMISSIONS  what each role may do, on its site's tree,
                                 its collection and its settings and site data
  moderated_sites, is_site_moderator  THE site-moderator rule (erasure, audit trail,
                                 network news, members, translation control)
  can_view_members               national team or the site's moderators
  site_collection                a site's media collection, by link, never by name
  grant_role, revoke_role        every grant, logged for the audit trail

Enforced in the admin
  wagtail_hooks.py (cms/)        page chooser and explorer narrowed to
                                 explorable_pages; form submissions to
                                 moderated_pages; move only within one's sites;
                                 the admin API's media endpoints scoped; the
                                 page types report for the national team only
  admin_views.py                 Wagtail views with no hook, replaced at their own
                                 addresses ahead of Wagtail's (cms/urls.py): explorer,
                                 workflow actions, bulk actions, choosers, reports
  tags.py                        tag suggestions and filters from one's own sites
  media.py                       every admin form accepts only choosable images and
                                 documents (fields, StreamFields, inline forms): T3
  viewsets.py                    site-owned data (supporters, award schemes, search
                                 promotions) on Wagtail's SitePermissionPolicy;
                                 another site's object is a 404
  submissions.py                 deleting submissions: the whole selection or none (T14)
  checks.py                      cms.E001: nobody but superusers manages users,
                                 groups or sites (T6)
  ../i18n/access.py              translators: one site, one language (T13)
  ../transfer/wordpress/admin_views.py  WordPress imports: network admins only

docs/upgrading.md lists the Wagtail addresses mounted over and the internal APIs
these rules use. tests/isolation/ and tests/security/test_admin_crawler.py prove them.
"""

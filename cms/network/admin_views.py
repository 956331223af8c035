"""The admin's Network area: every site, adding a site, and each site's members."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Site

from cms.access.roles import can_invite, can_view_members, grant_role, revoke_role
from cms.access.sites import is_national_team, member_sites, remember_site
from cms.models import Invitation, Role
from cms.network.forms import (
    AddMemberForm,
    AddSiteForm,
    ChooseSiteForm,
    InviteForm,
    RemoveMemberForm,
)
from cms.network.invitations import send_invitation
from cms.network.kinds import SiteKind
from cms.pagination import admin_page_of
from groups.models import GroupHomePage, Stage

ROLE_GRANTED = {
    Role.EDITOR: gettext_lazy("%(person)s is now an editor of %(site)s."),
    Role.MODERATOR: gettext_lazy("%(person)s is now a moderator of %(site)s."),
    Role.TRANSLATOR: gettext_lazy("%(person)s is now a translator of %(site)s."),
}


class TitledView(WagtailAdminTemplateMixin):
    """An admin page whose header names it, after the dashboard."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def network_sites():
    """Every site with what the list shows, in a fixed number of queries."""
    pages = Page.objects.filter(path__startswith=OuterRef("root_page__path"))
    last_published = pages.filter(last_published_at__isnull=False).order_by(
        "-last_published_at"
    )
    stage = GroupHomePage.objects.filter(pk=OuterRef("root_page_id"))
    return (
        Site.objects.select_related("root_page__content_type", "siteidentity")
        .prefetch_related("siteidentity__languages")
        .annotate(
            members=Count("roles__group__user", distinct=True),
            last_published=Subquery(last_published.values("last_published_at")[:1]),
            stage=Subquery(stage.values("stage")[:1]),
        )
        .order_by("-is_default_site", "site_name")
    )


class NationalTeamOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_national_team(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SiteListView(NationalTeamOnly, TitledView, TemplateView):
    template_name = "cms/admin/site_list.html"
    page_title = gettext_lazy("Network")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sites, pagination = admin_page_of(self.request, network_sites(), 100)
        context.update(pagination)
        for site in sites:
            kind = SiteKind.of_home(site.root_page.content_type)
            site.kind = kind.label if kind else ""
            site.stage_label = Stage(site.stage).label if site.stage else ""
            identity = getattr(site, "siteidentity", None)
            extra = (
                [loc.language_code for loc in identity.languages.all()]
                if identity
                else []
            )
            site.language_codes = ["en", *extra]
        context["sites"] = sites
        return context


class AddSiteView(NationalTeamOnly, TitledView, FormView):
    template_name = "cms/admin/add_site.html"
    form_class = AddSiteForm
    page_title = gettext_lazy("Add a site")
    header_icon = "site"

    def form_valid(self, form):
        try:
            site = form.save(owner=self.request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is ready at %(address)s.")
            % {"name": site.site_name, "address": site.root_url},
        )
        return redirect("cms_network:members", site.pk)


def members_of(site):
    people = get_user_model().objects.order_by("username")
    roles = site.roles.select_related("locale").prefetch_related(
        Prefetch("group__user_set", queryset=people, to_attr="people")
    )
    return sorted(roles, key=lambda r: (list(Role.values).index(r.role), str(r)))


class SiteMembersView(TitledView, TemplateView):
    template_name = "cms/admin/members.html"
    header_icon = "group"

    def dispatch(self, request, site_id):
        self.site = get_object_or_404(Site, pk=site_id)
        if not can_view_members(request.user, self.site):
            raise PermissionDenied
        return super().dispatch(request, site_id)

    def get_page_title(self):
        return _("Members of %(site)s") % {"site": self.site.site_name}

    def get_context_data(self, form=None, invite_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        context["roles"] = members_of(self.site)
        context["can_manage"] = is_national_team(self.request.user)
        context["form"] = form or AddMemberForm()
        context["can_invite"] = can_invite(self.request.user, self.site)
        context["invite_form"] = invite_form or InviteForm(site=self.site)
        context["invitations"] = Invitation.objects.filter(site=self.site).pending()
        return context

    def post(self, request, site_id):
        if not is_national_team(request.user):
            raise PermissionDenied
        form = AddMemberForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        grant_role(
            data["person"],
            self.site,
            data["role"],
            data["language"] or None,
            by=request.user,
        )
        messages.success(
            request,
            ROLE_GRANTED[data["role"]]
            % {"person": data["person"].get_username(), "site": self.site.site_name},
        )
        return redirect("cms_network:members", self.site.pk)


class InviteView(SiteMembersView):
    """The Members screen's invitation form, posted."""

    http_method_names = ["post"]

    def post(self, request, site_id):
        if not can_invite(request.user, self.site):
            raise PermissionDenied
        form = InviteForm(request.POST, site=self.site)
        if not form.is_valid():
            context = self.get_context_data(invite_form=form)
            return self.render_to_response(context, status=400)
        invitation = send_invitation(self.site, form.cleaned_data, request.user)
        messages.success(
            request,
            _("We emailed an invitation to %(email)s. It works once, for a week.")
            % {"email": invitation.email},
        )
        return redirect("cms_network:members", self.site.pk)


@require_POST
def remove_member(request, site_id):
    site = get_object_or_404(Site, pk=site_id)
    if not is_national_team(request.user):
        raise PermissionDenied
    form = RemoveMemberForm(request.POST, site=site)
    if not form.is_valid():
        messages.error(request, _("That person does not hold that role here."))
        return redirect("cms_network:members", site.pk)
    person, role = form.cleaned_data["person"], form.cleaned_data["role"]
    language = role.locale.language_code if role.locale else None
    revoke_role(person, site, role.role, language, by=request.user)
    messages.success(
        request,
        _("%(person)s is no longer in %(group)s.")
        % {"person": person.get_username(), "group": role.group.name},
    )
    return redirect("cms_network:members", site.pk)


@require_POST
def choose_site(request):
    form = ChooseSiteForm(request.POST, sites=member_sites(request.user))
    if form.is_valid():
        remember_site(request, form.cleaned_data["site"])
    else:
        messages.error(request, _("You do not work on that site."))
    return redirect(reverse("wagtailadmin_home"))


urlpatterns = [
    path("", SiteListView.as_view(), name="sites"),
    path("add/", AddSiteView.as_view(), name="add"),
    path("<int:site_id>/members/", SiteMembersView.as_view(), name="members"),
    path("<int:site_id>/members/remove/", remove_member, name="remove_member"),
    path("<int:site_id>/members/invite/", InviteView.as_view(), name="invite"),
    path("choose-site/", choose_site, name="choose_site"),
]

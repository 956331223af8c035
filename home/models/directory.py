"""The group directory: every group of the network, with a map."""

from django import forms
from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from cms.models import BasePage
from groups.models import GroupHomePage, PlaceType, Region, Stage


def _choices(choices):
    return [("", _("Any")), *choices]


class DirectoryFilter(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    place_type = forms.ChoiceField(
        label=_("Kind of place"), required=False, choices=_choices(PlaceType.choices)
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=_choices(Region.choices)
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=_choices(Stage.choices)
    )

    def filter(self, groups):
        if not self.is_valid():
            return groups
        data = self.cleaned_data
        if data["q"]:
            groups = groups.filter(title__icontains=data["q"])
        for name in ("place_type", "region", "stage"):
            if data[name]:
                groups = groups.filter(**{name: data[name]})
        return groups


def directory_entries(groups):
    """Each group with the address of its site, in one query."""
    rows = groups.annotate(
        hostname=F("sites_rooted_here__hostname"), port=F("sites_rooted_here__port")
    ).order_by("title")
    entries = []
    for group in rows:
        group.site_url = Site(hostname=group.hostname, port=group.port).root_url + "/"
        entries.append(group)
    return entries


def map_points(entries):
    return [
        {
            "name": group.title,
            "url": group.site_url,
            "stage": str(group.get_stage_display()),
            "lat": float(group.latitude),
            "lon": float(group.longitude),
        }
        for group in entries
        if group.latitude is not None and group.longitude is not None
    ]


class GroupDirectoryPage(BasePage):
    """Lists every group of the network; the list is primary, the map an extra."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("group directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilter(request.GET or None)
        groups = GroupHomePage.objects.live().filter(sites_rooted_here__isnull=False)
        entries = directory_entries(form.filter(groups) if form.is_bound else groups)
        context.update(
            form=form,
            groups=entries,
            map_points=map_points(entries),
            map_tiles=settings.NETWORK_MAP_TILES_URL,
            map_attribution=settings.NETWORK_MAP_ATTRIBUTION,
        )
        return context

"""Network news: national news that chosen group and stream sites show too."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PageManager, Site

from cms.access.media import SitePageForm
from cms.access.sites import site_label
from cms.models import NewsPage
from cms.models.news import NewsQuerySet
from groups.models import GroupHomePage, Region
from home.fields import ChoiceListField
from streams.models import StreamHomePage

from .home import HomePage

SYNDICATE_PERMISSION = "cms.syndicate_news"
SYNDICATION_FIELDS = ("syndication", "syndicated_regions", "syndicated_sites")


class Syndication(models.TextChoices):
    NONE = "none", _("Not syndicated: national site only")
    ALL = "all", _("Every group and stream site")
    GROUPS = "groups", _("Every group site")
    STREAMS = "streams", _("Every stream site")
    REGIONS = "regions", _("Group sites in the chosen regions")
    SITES = "sites", _("The chosen sites")


class NetworkNewsQuerySet(NewsQuerySet):
    def syndicated_to(self, site):
        """Live, public network news chosen for `site` (a group or stream site)."""
        home_class = site.root_page.specific_class
        chosen = Q(
            syndication=Syndication.SITES,
            pk__in=NetworkNewsPage.syndicated_sites.through.objects.filter(
                site=site
            ).values("networknewspage_id"),
        )
        if home_class is GroupHomePage:
            region = GroupHomePage.objects.filter(pk=site.root_page_id).values_list(
                "region", flat=True
            )
            chosen |= Q(syndication__in=[Syndication.ALL, Syndication.GROUPS])
            chosen |= Q(
                syndication=Syndication.REGIONS,
                syndicated_regions__contains=ChoiceListField.pattern(region.first()),
            )
        elif home_class is StreamHomePage:
            chosen |= Q(syndication__in=[Syndication.ALL, Syndication.STREAMS])
        else:
            return self.none()
        return self.live().public().filter(chosen)


class NetworkNewsForm(SitePageForm):
    """Server-side guard: only national editors may change syndication fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or not user.has_perm(SYNDICATE_PERMISSION):
            for name in SYNDICATION_FIELDS:
                self.fields.pop(name, None)
        if "syndicated_sites" in self.fields:
            self.fields["syndicated_sites"].label_from_instance = site_label


class NetworkNewsPage(NewsPage):
    """National news that can also appear on chosen group and stream sites."""

    syndication = models.CharField(
        _("show this news on"),
        max_length=20,
        choices=Syndication.choices,
        default=Syndication.NONE,
    )
    syndicated_regions = ChoiceListField(
        _("regions"),
        list_choices=Region.choices,
        help_text=_("Used when showing on group sites in the chosen regions."),
    )
    syndicated_sites = ParentalManyToManyField(
        Site,
        blank=True,
        related_name="+",
        verbose_name=_("sites"),
        help_text=_("Used when showing on the chosen sites."),
    )

    objects = PageManager.from_queryset(NetworkNewsQuerySet)()
    base_form_class = NetworkNewsForm

    content_panels = [
        *NewsPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("syndication", permission=SYNDICATE_PERMISSION),
                FieldPanel("syndicated_regions", permission=SYNDICATE_PERMISSION),
                FieldPanel(
                    "syndicated_sites",
                    permission=SYNDICATE_PERMISSION,
                    widget=forms.CheckboxSelectMultiple,
                ),
            ],
            _("Network syndication"),
            permission=SYNDICATE_PERMISSION,
        ),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/news_page.html"

    class Meta:
        verbose_name = _("network news")

    @classmethod
    def can_exist_under(cls, parent):
        """Only under the news index of the national site."""
        grandparent = parent.get_parent()
        return (
            super().can_exist_under(parent)
            and grandparent is not None
            and grandparent.specific_class is HomePage
        )


class SyndicationChoice(models.Model):
    """A site's own choice about one syndicated item: hide it, or pin it."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="syndication_choices"
    )
    news = models.ForeignKey(
        NetworkNewsPage, on_delete=models.CASCADE, related_name="site_choices"
    )
    hidden = models.BooleanField(_("hidden from this site"), default=False)
    pinned = models.BooleanField(_("pinned to the top of the home page"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "news"], name="one_syndication_choice_per_site"
            )
        ]

    def __str__(self):
        return f"{self.news} on {self.site}"

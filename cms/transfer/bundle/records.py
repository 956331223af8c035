"""Records a site owns beside its pages: settings, redirects, search promotions,
supporters, award schemes with their awards, endorsements and, as personal
data, form submissions. One generic reader and writer serves them all."""

import copy
from dataclasses import dataclass

from django.apps import apps

from modelcluster.models import (
    ClusterableModel,
    get_all_child_relations,
    get_serializable_data_for_fields,
    model_from_serializable_data,
)
from wagtail.contrib.settings.models import BaseSiteSetting

from .privacy import without_contacts
from .references import rewrite


@dataclass(frozen=True)
class Records:
    member: str
    label: str
    owner: str  # "site": a foreign key to the site; else the page field's name
    personal: bool = False

    @property
    def model(self):
        return apps.get_model(self.label)

    def of(self, site, page_ids):
        if self.owner == "site":
            return self.model.objects.filter(site=site).order_by("pk")
        return self.model.objects.filter(**{f"{self.owner}__in": page_ids}).order_by(
            "pk"
        )


RECORDS = [
    Records("redirects.json", "wagtailredirects.Redirect", "site"),
    Records("promotions.json", "search.SitePromotion", "site"),
    Records("supporters.json", "groups.SupportingOrganisation", "site"),
    Records("awards.json", "streams.AwardScheme", "site"),
    Records("endorsements.json", "home.Endorsement", "declaration"),
    Records("submissions.json", "wagtailforms.FormSubmission", "page", personal=True),
]
# Other models pointing at a site, and why they stay behind.
LEFT_BEHIND = {
    "cms.siterole": "roles are made by provisioning on import",
    "cms.sitecollection": "the collection is made by provisioning on import",
    "wagtailcore.groupsitepermission": "made by provisioning with the roles",
    "cms.erasurerecord": "the erasure log stays with the installation",
    "home.networknewspage": "national news belongs to the national site",
    "home.syndicationchoice": "choices about another site's news",
    "cms.siteexport": "this installation's record of exports",
    "cms.wordpressimport": "this installation's record of imports",
    "cms.wordpressitem": "which WordPress item became which page, here",
    "cms.invitation": "invitations open accounts on this installation only",
}


def setting_models():
    return [m for m in apps.get_models() if issubclass(m, BaseSiteSetting)]


def serialise(obj):
    if isinstance(obj, ClusterableModel):
        data = obj.serializable_data()
    else:
        data = get_serializable_data_for_fields(obj)
    for field in obj._meta.many_to_many:
        data[field.name] = list(getattr(obj, field.name).values_list("pk", flat=True))
    return data


def outward(obj, resolve, personal):
    model = type(obj)
    data = rewrite(model, serialise(obj), resolve)
    data.pop("pk", None)
    data.pop("site", None)
    if not personal:
        without_contacts(model._meta.label_lower, data)
    for relation in get_all_child_relations(model):
        for child in data.get(relation.get_accessor_name(), []):
            child.pop("pk", None)
            if not personal:
                without_contacts(relation.related_model._meta.label_lower, child)
    return data


def export_records(writer, site, page_ids, resolve, personal):
    settings = {}
    for model in setting_models():
        obj = model.objects.filter(site=site).first()
        if obj is not None:
            settings[model._meta.label_lower] = outward(obj, resolve, personal)
    writer.add_json("settings.json", settings)
    for records in RECORDS:
        if records.personal and not personal:
            continue
        rows = [outward(o, resolve, personal) for o in records.of(site, page_ids)]
        writer.add_json(records.member, rows, count=len(rows))


def build(model, data, resolve):
    data = rewrite(model, copy.deepcopy(data), resolve)
    data["pk"] = None
    many = {f.name: data.pop(f.name, []) for f in model._meta.many_to_many}
    if issubclass(model, ClusterableModel):
        obj = model.from_serializable_data(data)
    else:
        obj = model_from_serializable_data(model, data)
    obj.pk = None
    return obj, many


def import_records(reader, site, resolve):
    for label, data in reader.json("settings.json", default={}).items():
        model = apps.get_model(label)
        obj, many = build(model, data, resolve)
        existing = model.objects.filter(site=site).first()
        obj.pk = existing.pk if existing else None
        obj.site = site
        obj.save()
        for name, values in many.items():
            getattr(obj, name).set(values)
    counts = {}
    for records in RECORDS:
        rows = reader.json(records.member, default=[])
        for data in rows:
            obj, _many = build(records.model, data, resolve)
            if records.owner == "site":
                obj.site = site
            if _dangling(obj):
                continue
            obj.save()
            _keep_dates(obj, data)
        counts[records.member.removesuffix(".json")] = len(rows)
    return counts


def _dangling(obj):
    """A record whose required page or picture did not come with the bundle."""
    return any(
        field.many_to_one and not field.null and getattr(obj, field.attname) is None
        for field in obj._meta.fields
    )


def _keep_dates(obj, data):
    """Fields set on creation (submission times) keep their bundle value."""
    dates = {
        f.name: data[f.name]
        for f in obj._meta.fields
        if getattr(f, "auto_now_add", False) and data.get(f.name)
    }
    if dates:
        type(obj).objects.filter(pk=obj.pk).update(**dates)

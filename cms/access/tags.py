"""Tags stay within a person's sites.

Taggit's tags are shared by the whole network, and Wagtail suggests and lists
them network-wide: in tag suggestions, the images and documents listings'
tag filter and the image chooser's popular tags. A tag's name can tell of
another site's private documents, so site roles see only the tags on what they
may see themselves; the national team sees every tag. Mounted ahead of
Wagtail's admin URLs with the rest of `cms/access/admin_views.py`.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import JsonResponse
from django.urls import path

from taggit.models import Tag, TaggedItem
from wagtail.admin.filters import PopularTagsFilter
from wagtail.admin.views import tags
from wagtail.documents import get_document_model
from wagtail.documents.views import documents
from wagtail.images import get_image_model
from wagtail.images.views import images
from wagtail.images.views.chooser import ImageChooseView
from wagtail.images.views.chooser import viewset as image_chooser

from cms.access.sites import explorable_pages, is_national_team, objects_in_scope
from cms.models import ResourcePageTag


def tagged(user, model):
    return TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=objects_in_scope(user, model, ["choose"]).values("pk"),
    )


def own_tags(user):
    """Tags on what a person may see: their sites' pages, images and documents."""
    pages = ResourcePageTag.objects.filter(content_object__in=explorable_pages(user))
    tag_ids = set(pages.values_list("tag_id", flat=True))
    for model in (get_image_model(), get_document_model()):
        tag_ids.update(tagged(user, model).values_list("tag_id", flat=True))
    return Tag.objects.filter(pk__in=tag_ids)


def popular_own_tags(user, model, count=10):
    """Like Wagtail's popular_tags_for_model, over what the person may see."""
    items = tagged(user, model)
    return (
        Tag.objects.filter(taggit_taggeditem_items__in=items)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )


def tag_autocomplete(request, app_name=None, model_name=None):
    if is_national_team(request.user) or (app_name and model_name):
        return tags.autocomplete(request, app_name, model_name)
    term = request.GET.get("term", "")
    names = []
    if term:
        names = list(
            own_tags(request.user)
            .filter(name__istartswith=term)
            .order_by("name")
            .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(names, safe=False)


class OwnTagsFilterMixin:
    """The listing's tag filter offers only the person's own popular tags."""

    def __init__(self, *args, request=None, is_searching=None, **kwargs):
        super().__init__(*args, request=request, is_searching=is_searching, **kwargs)
        if "tag" not in self.filters or is_national_team(request.user):
            return
        own = popular_own_tags(request.user, self._meta.model)
        if not own:
            del self.filters["tag"]
            return
        old = self.filters["tag"]
        self.filters["tag"] = PopularTagsFilter(
            label=old.label,
            field_name="tags__name",
            choices=[(tag.name, tag.name) for tag in own],
            widget=forms.CheckboxSelectMultiple,
            use_subquery=is_searching,
            help_text=old.extra.get("help_text"),
        )


class OwnTagsImagesFilterSet(OwnTagsFilterMixin, images.ImagesFilterSet):
    pass


class OwnTagsDocumentsFilterSet(OwnTagsFilterMixin, documents.DocumentsFilterSet):
    pass


class ImageIndexView(images.IndexView):
    filterset_class = OwnTagsImagesFilterSet


class DocumentIndexView(documents.IndexView):
    filterset_class = OwnTagsDocumentsFilterSet


class OwnTagsImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not is_national_team(self.request.user):
            context["popular_tags"] = popular_own_tags(self.request.user, self.model)
        return context


def image_choose_view():
    """Built as Wagtail's image chooser builds its own, with our class."""
    view_class = image_chooser.inject_view_methods(
        OwnTagsImageChooseView, ["get_object_list"]
    )
    return image_chooser.construct_view(
        view_class,
        icon=image_chooser.icon,
        page_title=image_chooser.page_title,
        search_tab_label=image_chooser.search_tab_label,
        creation_tab_label=image_chooser.creation_tab_label,
    )


def tag_urls():
    return [
        path("tag-autocomplete/", tag_autocomplete),
        path("images/", ImageIndexView.as_view()),
        path("images/results/", ImageIndexView.as_view(results_only=True)),
        path("documents/", DocumentIndexView.as_view()),
        path("documents/results/", DocumentIndexView.as_view(results_only=True)),
        path("images/chooser/", image_choose_view()),
    ]

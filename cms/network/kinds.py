"""The kinds of network site, and the home page type each one has."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteKind(models.TextChoices):
    NATIONAL = "national", _("National")
    GROUP = "group", _("Group")
    STREAM = "stream", _("Stream")

    @property
    def home_model(self):
        """The home page type of this kind, as an app_label.ModelName string."""
        return HOME_MODELS[self]

    @classmethod
    def of_home(cls, content_type):
        """The kind whose home page type this content type is, or None."""
        label = f"{content_type.app_label}.{content_type.model}"
        for kind, model in HOME_MODELS.items():
            if model.lower() == label:
                return kind
        return None


HOME_MODELS = {
    SiteKind.NATIONAL: "home.HomePage",
    SiteKind.GROUP: "groups.GroupHomePage",
    SiteKind.STREAM: "streams.StreamHomePage",
}

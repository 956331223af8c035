from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from cms.access.sites import NationalTeamPolicy
        from home.models import Endorsement

        register_permission_policy(Endorsement, NationalTeamPolicy(Endorsement))

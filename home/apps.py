from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.models import Endorsement
        from home.permissions import NationalTeamPolicy

        register_permission_policy(Endorsement, NationalTeamPolicy(Endorsement))

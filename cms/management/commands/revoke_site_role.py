from cms.access.roles import revoke_role

from .grant_site_role import Command as GrantCommand


class Command(GrantCommand):
    help = "Take a role on one site away from a person."
    message = "Revoked {role} on {hostname} from {user}."

    def publishes_in(self, site, language):
        return True

    def apply(self, person, site, role, language, by):
        revoke_role(person, site, role, language, by=by)

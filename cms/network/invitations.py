"""Inviting a person to a site: a moderator (or the national team) enters an
email address and a role; the person gets a link, valid for a week and once,
to choose a username and password; the role is then granted through
grant_role, and both steps are in the site's audit trail."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordMixin
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.log_actions import log
from wagtail.models import Locale

from cms.access.roles import grant_role
from cms.access.sites import remember_site
from cms.models import Invitation, Role

INVITED = "cms.invitation_sent"
ACCEPTED = "cms.invitation_accepted"


def send_invitation(site, data, by):
    """Records the invitation, emails its link and logs it on the site."""
    locale = None
    if data["role"] == Role.TRANSLATOR:
        locale = Locale.objects.get(language_code=data["language"])
    invitation = Invitation(
        site=site, email=data["email"], role=data["role"], locale=locale, invited_by=by
    )
    token = invitation.new_token()
    invitation.save()
    link = settings.WAGTAILADMIN_BASE_URL + reverse("cms_invitation", args=[token])
    context = {"invitation": invitation, "link": link, "by": by}
    send_mail(
        _("You are invited to work on %(site)s") % {"site": site.site_name},
        render_to_string("cms/admin/invitation_email.txt", context),
        None,
        [invitation.email],
    )
    log(
        instance=site,
        action=INVITED,
        user=by,
        data={"email": invitation.email, "role": invitation.role},
    )
    return invitation


class AcceptForm(SetPasswordMixin, forms.Form):
    """The account the invited person makes: a username and their own password."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("You sign in with it. Letters, digits and @ . + - _ only."),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        get_user_model().username_validator(username)
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken: choose another."))
        return username

    def clean(self):
        self.validate_passwords()
        user = get_user_model()(
            username=self.cleaned_data.get("username", ""),
            email=self.invitation.email,
        )
        self.validate_password_for_user(user)
        return super().clean()


@sensitive_post_parameters("password1", "password2")
@never_cache
def accept(request, token):
    invitation = Invitation.objects.select_related("site").for_token(token)
    if invitation is None:
        return TemplateResponse(
            request, "cms/admin/invitation_invalid.html", status=404
        )
    form = AcceptForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        user = accept_invitation(invitation, form)
        if user is None:
            return TemplateResponse(
                request, "cms/admin/invitation_invalid.html", status=404
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        remember_site(request, invitation.site)
        return redirect("wagtailadmin_home")
    context = {"form": form, "invitation": invitation}
    return TemplateResponse(request, "cms/admin/invitation_accept.html", context)


def accept_invitation(invitation, form):
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None:
            return None  # used meanwhile, in another tab
        user = get_user_model().objects.create_user(
            username=form.cleaned_data["username"],
            email=invitation.email,
            password=form.cleaned_data["password1"],
        )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        site = invitation.site
        grant_role(
            user, site, invitation.role, invitation.language, by=invitation.invited_by
        )
        log(
            instance=site,
            action=ACCEPTED,
            user=user,
            data={"email": invitation.email, "role": invitation.role},
        )
    return user


urlpatterns = [path("invitation/<str:token>/", accept, name="cms_invitation")]

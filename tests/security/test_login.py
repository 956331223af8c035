"""T11: brute force on admin logins is slowed by django-axes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import F

from tests.factories import PASSWORD

LOGIN = "/admin/login/"
LIMIT = 5
WRONG = "wrong-password"


def log_in(client, username, password=WRONG, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail_until_locked(client, username, **headers):
    return [log_in(client, username, **headers).status_code for _ in range(LIMIT)]


def shift_attempts_back(minutes):
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - timedelta(minutes=minutes)
    )


def test_production_limits_are_five_failures_and_a_fifteen_minute_cool_off():
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_admin_login_answers_429_after_five_failures(client, site_editor):
    assert fail_until_locked(client, site_editor.username) == [200] * 4 + [429]
    locked = log_in(client, site_editor.username, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_locked_out_user_stays_locked_during_the_cool_off(client, site_editor):
    fail_until_locked(client, site_editor.username)
    shift_attempts_back(14)
    assert log_in(client, site_editor.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_correct_password_works_again_after_the_cool_off(client, site_editor):
    fail_until_locked(client, site_editor.username)
    shift_attempts_back(16)
    response = log_in(client, site_editor.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(site_editor.pk)


def test_lockout_is_per_username_and_address(client, site_editor, site_moderator):
    fail_until_locked(client, site_editor.username, REMOTE_ADDR="203.0.113.7")
    other_user = log_in(
        client, site_moderator.username, PASSWORD, REMOTE_ADDR="203.0.113.7"
    )
    assert other_user.status_code == 302
    client.logout()
    other_address = log_in(
        client, site_editor.username, PASSWORD, REMOTE_ADDR="198.51.100.20"
    )
    assert other_address.status_code == 302


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_proxies_a_spoofed_forwarded_for_does_not_escape_the_lockout(
    client, site_editor, settings, proxies
):
    settings.TRUSTED_PROXY_COUNT = proxies
    proxy_hops = ["192.0.2.1"] * (proxies - 1)
    statuses = [
        log_in(
            client,
            site_editor.username,
            HTTP_X_FORWARDED_FOR=", ".join([f"10.9.9.{n}", "203.0.113.7", *proxy_hops]),
            REMOTE_ADDR="192.0.2.1",
        ).status_code
        for n in range(LIMIT)
    ]
    assert statuses == [200] * 4 + [429]
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_behind_a_proxy_each_client_address_is_counted_apart(
    client, site_editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    fail_until_locked(client, site_editor.username, HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = log_in(
        client, site_editor.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert response.status_code == 302


def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, site_editor):
    statuses = [
        log_in(
            client, site_editor.username, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}"
        ).status_code
        for n in range(LIMIT)
    ]
    assert statuses == [200] * 4 + [429]

"""Sign-in throttling: wrong passwords lock an account or an address for a while; how to unlock."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-long-password"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor():
    user = User.objects.create_user("ana", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def other_editor():
    return User.objects.create_user("ben", password=PASSWORD, is_staff=True)


def from_address(address):
    return Client(REMOTE_ADDR=address)


def sign_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def signed_in(client):
    return client.get("/admin/").status_code == 200


def assert_locked_out(response):
    assert response.status_code == 429
    assert "Signing in is locked for a while" in response.content.decode()


def test_the_right_password_signs_in_after_fewer_wrong_ones_than_the_limit(editor):
    client = from_address("127.0.0.2")
    for _ in range(LIMIT - 1):
        assert sign_in(client, "ana", "wrong").status_code == 200
    assert sign_in(client, "ana", PASSWORD).status_code == 302
    assert signed_in(client)


def test_wrong_passwords_for_an_account_lock_it_from_every_address(editor):
    guesser = from_address("127.0.0.2")
    for _ in range(LIMIT):
        sign_in(guesser, "ana", "wrong")
    response = sign_in(guesser, "ana", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is locked for a while" in page
    assert f"There have been {LIMIT} wrong passwords in a row" in page
    assert "No password is accepted for 15 minutes" in page
    assert not signed_in(guesser)

    ana = from_address("127.0.0.3")
    assert_locked_out(sign_in(ana, "ana", PASSWORD))
    assert not signed_in(ana)


def test_wrong_passwords_from_an_address_lock_it_for_every_account(editor, other_editor):
    guesser = from_address("127.0.0.2")
    for number in range(LIMIT):
        sign_in(guesser, f"someone-{number}", "wrong")
    assert_locked_out(sign_in(guesser, "ben", PASSWORD))
    assert not signed_in(guesser)
    # Others, from elsewhere, sign in as usual.
    ben = from_address("127.0.0.3")
    assert sign_in(ben, "ben", PASSWORD).status_code == 302
    assert signed_in(ben)


def test_axes_reset_unlocks(editor):
    client = from_address("127.0.0.2")
    for _ in range(LIMIT):
        sign_in(client, "ana", "wrong")
    assert_locked_out(sign_in(client, "ana", PASSWORD))
    call_command("axes_reset", verbosity=0)
    assert sign_in(client, "ana", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_by_deleting_the_access_attempts_in_the_admin(editor):
    client = from_address("127.0.0.2")
    for _ in range(LIMIT):
        sign_in(client, "ana", "wrong")
    assert_locked_out(sign_in(client, "ana", PASSWORD))

    admin = Client()
    admin.force_login(User.objects.create_superuser("root", password=PASSWORD))
    changelist = admin.get("/admin/axes/accessattempt/")
    assert changelist.status_code == 200
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    assert attempts
    confirmed = admin.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert confirmed.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "ana", PASSWORD).status_code == 302
    assert signed_in(client)


def test_editors_cannot_see_or_clear_the_access_attempts(editor):
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/axes/accessattempt/").status_code == 403


def change_password(client, old, new="a-new-long-password-2"):
    return client.post(
        "/admin/password_change/", {"old_password": old, "new_password1": new, "new_password2": new}
    )


def test_wrong_old_passwords_on_the_password_change_count_and_lock(editor):
    client = from_address("127.0.0.2")
    client.force_login(editor)
    for _ in range(LIMIT - 1):
        response = change_password(client, "wrong")
        assert response.status_code == 200
        assert "Your old password was entered incorrectly" in response.content.decode()
    assert AccessAttempt.objects.get(username="ana").failures_since_start == LIMIT - 1
    assert_locked_out(change_password(client, "wrong"))
    assert_locked_out(change_password(client, PASSWORD))
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_the_right_old_password_changes_it(editor):
    client = from_address("127.0.0.2")
    client.force_login(editor)
    assert change_password(client, PASSWORD).status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a-new-long-password-2")


def test_a_staff_session_ends_with_the_browser_and_after_eight_hours(editor):
    client = from_address("127.0.0.2")
    response = sign_in(client, "ana", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert cookie["expires"] == ""  # a browser-session cookie
    assert cookie["max-age"] == ""
    assert client.session.get_expiry_age() == 8 * 60 * 60

"""The small commands a deployer runs."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_ensure_administrator_creates_the_first_superuser_once(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-administrator-password")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.org")
    call_command("ensure_administrator")
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("a-long-administrator-password")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "another-password-entirely")
    call_command("ensure_administrator")
    assert "already exists; it was left as it is" in capsys.readouterr().out
    admin.refresh_from_db()
    assert admin.check_password("a-long-administrator-password")


def test_ensure_administrator_without_a_password_says_what_to_set(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="Set DJANGO_SUPERUSER_PASSWORD"):
        call_command("ensure_administrator")
    assert not User.objects.exists()

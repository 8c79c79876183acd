from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from scenario_ui.accounts.demo_user import DEFAULT_DEMO_PASSWORD, ensure_demo_user

pytestmark = pytest.mark.django_db


def test_creates_a_user_that_can_sign_in():
    login = ensure_demo_user()
    assert login.created
    assert authenticate(username="demo", password=DEFAULT_DEMO_PASSWORD) is not None


def test_is_idempotent_and_resets_the_password(monkeypatch):
    ensure_demo_user()
    monkeypatch.setenv("DEMO_PASSWORD", "another-long-password")
    login = ensure_demo_user()
    assert not login.created
    assert authenticate(username="demo", password="another-long-password") is not None


def test_command_prints_the_login_in_sandbox_mode(capsys):
    call_command("ensure_demo_user")
    assert "username: demo  password: scenario-demo" in capsys.readouterr().out


def test_command_creates_nothing_against_the_real_api(settings, capsys):
    settings.SCENARIO_SANDBOX = False
    call_command("ensure_demo_user")
    assert "no demo user" in capsys.readouterr().out
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="demo").exists()

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from scenario_ui.accounts.demo_names import DEFAULT_DEMO_PASSWORD
from scenario_ui.accounts.demo_user import ensure_demo_team, ensure_demo_user
from scenario_ui.team.models import AuditEntry
from scenario_ui.team.roles import Role, role_of

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
    assert not get_user_model().objects.filter(username="demo").exists()


def test_the_demo_user_is_a_member_and_the_team_has_one_login_per_role():
    demo, *team = ensure_demo_team()
    assert (demo.username, demo.role) == ("demo", Role.MEMBER)
    assert [(login.username, login.role) for login in team] == [
        ("demo-lead", Role.LEAD),
        ("demo-member-1", Role.MEMBER),
        ("demo-member-2", Role.MEMBER),
        ("demo-viewer", Role.VIEWER),
    ]
    for login in team:
        user = authenticate(username=login.username, password=DEFAULT_DEMO_PASSWORD)
        assert user is not None
        assert role_of(user) is login.role


def test_seeding_the_team_twice_changes_nothing_and_records_no_new_role():
    ensure_demo_team()
    entries = AuditEntry.objects.count()
    again = ensure_demo_team()
    assert not any(login.created for login in again)
    assert AuditEntry.objects.count() == entries
    assert get_user_model().objects.count() == 5


def test_command_prints_the_team_logins(capsys):
    call_command("ensure_demo_user")
    out = capsys.readouterr().out
    assert "  lead    username: demo-lead  password: scenario-demo" in out
    assert "  viewer  username: demo-viewer  password: scenario-demo" in out

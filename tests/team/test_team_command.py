from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from scenario_ui.team.models import AuditEntry
from scenario_ui.team.roles import Role, role_of
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def test_add_gives_a_user_a_role(capsys: pytest.CaptureFixture[str]) -> None:
    user = user_with_role("ana", None)
    call_command("team", "add", "ana", "--role", "lead")
    assert role_of(user) is Role.LEAD
    assert "ana is now a lead." in capsys.readouterr().out
    entry = AuditEntry.objects.get()
    assert entry.actor_name == "command line"


def test_an_unknown_role_is_refused_with_the_valid_ones() -> None:
    user_with_role("ana", None)
    with pytest.raises(CommandError, match="The roles are: viewer, member, lead"):
        call_command("team", "add", "ana", "--role", "owner")


def test_an_unknown_user_is_refused_with_how_to_create_one() -> None:
    with pytest.raises(CommandError, match=r'no user "nobody"\. Create it first'):
        call_command("team", "add", "nobody", "--role", "viewer")


def test_list_shows_every_user_and_role(capsys: pytest.CaptureFixture[str]) -> None:
    user_with_role("ana", "viewer")
    user_with_role("bo", None)
    call_command("team", "list")
    assert capsys.readouterr().out.splitlines() == ["ana\tviewer", "bo\tno role"]

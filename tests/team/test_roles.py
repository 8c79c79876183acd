from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from scenario_ui.team.models import AuditEntry
from scenario_ui.team.roles import (
    ROLE_PERMISSIONS,
    Role,
    UnknownRole,
    parse_role,
    role_of,
    set_role,
)
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def test_the_migration_made_each_roles_group_with_its_permissions() -> None:
    for role, names in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role.value)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(names)


def test_each_role_holds_the_one_below_it() -> None:
    viewer, member, lead = (set(ROLE_PERMISSIONS[role]) for role in Role)
    assert viewer < member < lead
    assert "team.spend_credits" not in viewer
    assert "team.oversee_team" not in member


@pytest.mark.parametrize(
    ("role", "browse", "spend", "oversee"),
    [
        ("viewer", True, False, False),
        ("member", True, True, False),
        ("lead", True, True, True),
        (None, False, False, False),
    ],
)
def test_what_each_role_may_do(role: str | None, browse: bool, spend: bool, oversee: bool) -> None:
    user = user_with_role("someone", role)
    assert user.has_perm("team.browse_models") is browse
    assert user.has_perm("team.spend_credits") is spend
    assert user.has_perm("team.oversee_team") is oversee
    assert role_of(user) == (Role(role) if role else None)


def test_a_new_role_replaces_the_old_one_and_is_audited() -> None:
    user = user_with_role("someone", "viewer")
    lead = user_with_role("boss", "lead")

    set_role(user=user, role=Role.MEMBER, actor=lead)

    assert list(user.groups.values_list("name", flat=True)) == ["member"]
    entry = AuditEntry.objects.first()
    assert entry is not None
    assert (entry.actor, entry.actor_name, entry.action) == (lead, "boss", "role.set")
    assert entry.summary == "someone: role viewer → member"


def test_giving_the_same_role_again_records_nothing() -> None:
    user = user_with_role("someone", "member")
    entries = AuditEntry.objects.count()
    set_role(user=user, role=Role.MEMBER, actor=None)
    assert AuditEntry.objects.count() == entries


def test_the_highest_group_wins_when_a_user_is_in_several() -> None:
    user = user_with_role("someone", "viewer")
    user.groups.add(Group.objects.get(name="lead"))
    assert role_of(user) is Role.LEAD


def test_an_unknown_role_names_the_valid_ones() -> None:
    assert parse_role(" Lead ") is Role.LEAD
    with pytest.raises(UnknownRole, match=r'no role "admin"\. The roles are: viewer, member, lead'):
        parse_role("admin")

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from scenario_ui.team.roles import Role, set_role
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def fresh(user: Any) -> Any:
    """The user as a new request loads it (Django keeps permissions on the instance too)."""
    return get_user_model().objects.get(pk=user.pk)


def test_permissions_are_read_once_then_from_the_cache(django_assert_num_queries: Any) -> None:
    user = user_with_role("ana", "member")
    assert fresh(user).has_perm("team.spend_credits")
    again = fresh(user)
    with django_assert_num_queries(0):
        assert again.has_perm("team.spend_credits")


def test_a_role_change_is_seen_by_the_next_check() -> None:
    user = user_with_role("ana", "member")
    assert fresh(user).has_perm("team.spend_credits")
    set_role(user=user, role=Role.VIEWER, actor=None)
    assert not fresh(user).has_perm("team.spend_credits")


def test_a_change_to_a_groups_permissions_is_seen_by_the_next_check() -> None:
    user = user_with_role("ana", "viewer")
    assert not fresh(user).has_perm("team.spend_credits")
    viewer = Group.objects.get(name="viewer")
    viewer.permissions.add(*Group.objects.get(name="member").permissions.all())
    assert fresh(user).has_perm("team.spend_credits")


def test_an_inactive_user_has_no_permissions() -> None:
    user = user_with_role("ana", "lead")
    user.is_active = False
    user.save()
    assert not fresh(user).has_perm("team.browse_models")

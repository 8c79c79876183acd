"""The three roles of the team, as Django groups made of permissions.

The groups are created by a data migration (`migrations/0002_roles.py`) from
`ROLE_PERMISSIONS`, so the admin, `manage.py team add` and the views all read
the same definition. A user's role is the highest group they are in; a user in
none has no role and may do nothing but sign in and out.
"""

from __future__ import annotations

from enum import StrEnum

from django.apps.registry import Apps
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import Q

from scenario_ui.team.audit import record
from scenario_ui.team.models import AuditEntry


class Role(StrEnum):
    VIEWER = "viewer"
    MEMBER = "member"
    LEAD = "lead"


# "app_label.codename" of each role's permissions; each role holds the one before it.
_VIEWER = ("team.browse_models",)
_MEMBER = (*_VIEWER, "team.spend_credits")
_LEAD = (
    *_MEMBER,
    "team.oversee_team",
    # The budgets and the audit trail, on /team/ and in the admin (for staff leads).
    "team.view_budget",
    "team.add_budget",
    "team.change_budget",
    "team.delete_budget",
    "team.view_auditentry",
)
ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.VIEWER: _VIEWER,
    Role.MEMBER: _MEMBER,
    Role.LEAD: _LEAD,
}
ROLE_NAMES = ", ".join(role.value for role in Role)


class UnknownRole(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f'There is no role "{name}". The roles are: {ROLE_NAMES}.')


def parse_role(name: str) -> Role:
    try:
        return Role(name.strip().lower())
    except ValueError:
        raise UnknownRole(name) from None


def role_of(user: User) -> Role | None:
    """The highest role among the user's groups, or None for a user in no role's group."""
    return role_among(set(user.groups.values_list("name", flat=True)))


def role_among(group_names: set[str]) -> Role | None:
    """The highest role of these groups (for users whose groups are already loaded)."""
    return next((role for role in reversed(Role) if role.value in group_names), None)


def set_role(*, user: User, role: Role, actor: User | None) -> None:
    """Put the user in this role's group alone (roles replace each other), audited.

    Giving a user the one role they have already changes and records nothing.
    """
    held = set(user.groups.filter(name__in=[r.value for r in Role]))
    if {group.name for group in held} == {role.value}:
        return
    previous = role_of(user)
    with transaction.atomic():
        user.groups.remove(*held)
        user.groups.add(Group.objects.get(name=role.value))
        record(
            actor=actor,
            action=AuditEntry.Action.ROLE_SET,
            summary=f"{user.get_username()}: role {previous or 'none'} → {role}",
            details={"user": user.get_username(), "from": previous, "to": role.value},
        )


def sync_role_groups(apps: Apps) -> None:
    """Make each role's group hold exactly its permissions (idempotent).

    Run by the data migration, and after every `migrate` and test database flush
    (`apps.TeamConfig.ready`), so the groups always match this module.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, names in ROLE_PERMISSIONS.items():
        wanted = Q()
        for name in names:
            app_label, codename = name.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(permission_model.objects.filter(wanted))
        assert len(permissions) == len(names), f"missing permissions for {role}"
        group, _ = group_model.objects.get_or_create(name=role.value)
        group.permissions.set(permissions)

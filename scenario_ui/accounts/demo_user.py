"""The sandbox's demo logins, so a newcomer can sign in right after `make run`.

`demo` is a member; the demo team around it has one login per role, to try
what each may do. All share the advertised password.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from scenario_ui.accounts.demo_names import DEFAULT_DEMO_PASSWORD, DEMO_USERNAME
from scenario_ui.team.roles import Role, set_role

# The demo team, by username: a lead, two members and a viewer.
DEMO_TEAM: dict[str, Role] = {
    "demo-lead": Role.LEAD,
    "demo-member-1": Role.MEMBER,
    "demo-member-2": Role.MEMBER,
    "demo-viewer": Role.VIEWER,
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    created: bool
    role: Role


def ensure_demo_user() -> DemoLogin:
    """Create the demo user (a member), or reset its password to the advertised one."""
    return _ensure_login(DEMO_USERNAME, Role.MEMBER)


def ensure_demo_team() -> list[DemoLogin]:
    """The demo user and the demo team, created or reset (idempotent)."""
    return [ensure_demo_user()] + [_ensure_login(name, role) for name, role in DEMO_TEAM.items()]


def _ensure_login(username: str, role: Role) -> DemoLogin:
    password = os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
    user, created = get_user_model().objects.get_or_create(username=username)
    user.set_password(password)
    user.save()
    set_role(user=user, role=role, actor=None)
    return DemoLogin(username=username, password=password, created=created, role=role)

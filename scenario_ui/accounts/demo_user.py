"""The sandbox's demo login, so a newcomer can sign in right after `make run`."""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model

DEMO_USERNAME = "demo"
DEFAULT_DEMO_PASSWORD = "scenario-demo"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    created: bool


def ensure_demo_user() -> DemoLogin:
    """Create the demo user, or reset its password to the advertised one."""
    password = os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=DEMO_USERNAME)
    user.set_password(password)
    user.save()
    return DemoLogin(username=DEMO_USERNAME, password=password, created=created)

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from scenario_ui.accounts.demo_user import ensure_demo_user
from scenario_ui.scenario.client import is_sandbox


class Command(BaseCommand):
    help = "In sandbox mode, create the demo user and print its login."

    def handle(self, *args: Any, **options: Any) -> None:
        if not is_sandbox():
            self.stdout.write("Real Scenario API configured: no demo user is created.")
            return
        login = ensure_demo_user()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox demo login -> username: {login.username}  password: {login.password}"
            )
        )

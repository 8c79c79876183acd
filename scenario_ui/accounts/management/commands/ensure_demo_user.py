from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from scenario_ui.accounts.demo_user import ensure_demo_team
from scenario_ui.scenario.client import is_sandbox


class Command(BaseCommand):
    help = "In sandbox mode, create the demo user and the demo team, and print their logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if not is_sandbox():
            self.stdout.write("Real Scenario API configured: no demo user is created.")
            return
        demo, *team = ensure_demo_team()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox demo login -> username: {demo.username}  password: {demo.password}"
            )
        )
        self.stdout.write("Demo team, one login per role:")
        for login in team:
            self.stdout.write(
                f"  {login.role:<7} username: {login.username}  password: {login.password}"
            )

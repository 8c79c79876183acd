from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.team.history_import import HistoryRefused, import_team_history


class Command(BaseCommand):
    help = (
        "Sandbox mode only: record the sandbox's last 30 days of jobs and trainings as the "
        "demo team's (run after seed_sandbox_history and ensure_demo_user; re-running adds "
        "nothing)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            imported = import_team_history()
        except (HistoryRefused, ScenarioError) as error:
            raise CommandError(f"Team history not imported: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Team history: read {imported.read} jobs of the last 30 days; recorded "
                f"{imported.generations} generations ({imported.external} external) and "
                f"{imported.trainings} trainings (already recorded ones skipped)."
            )
        )

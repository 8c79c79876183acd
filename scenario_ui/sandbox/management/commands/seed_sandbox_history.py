from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from scenario_ui.sandbox.history import HistoryError, seed_history


class Command(BaseCommand):
    help = (
        "Give the sandbox 30 days of past jobs and a few trainings (seeded: the same ones "
        "every time; re-running adds nothing). Run after seed_sandbox."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = seed_history()
        except HistoryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox history: {summary.jobs_created} past jobs and "
                f"{summary.trainings_created} trainings created (existing ones kept)."
            )
        )

"""`manage.py bench [--runs N]`: the form's server times, one `<name> <value>` line each."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.catalog.benchmark import run_bench

DEFAULT_RUNS = 200


class Command(BaseCommand):
    help = (
        "Measure, in-process, the median time to render the model form (largest demo "
        "definition, and a generated 200-input one) and to answer one live re-validation, "
        "and that answer's size. Prints render_ms_p50, revalidate_ms_p50, revalidate_bytes "
        "and render200_ms_p50, one per line."
    )
    # A measure of templates and the form engine: no database, no project checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--runs", type=int, default=DEFAULT_RUNS, help="timed runs per figure (after warm-up)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        runs: int = options["runs"]
        if runs < 1:
            raise CommandError("--runs must be at least 1")
        for line in run_bench(runs).lines():
            self.stdout.write(line)

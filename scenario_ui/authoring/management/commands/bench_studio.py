"""`manage.py bench_studio [--runs N]`: the studio's server times, one `<name> <value>` a line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.authoring.benchmark import run_studio_bench

DEFAULT_RUNS = 50


class Command(BaseCommand):
    help = (
        "Measure, in-process, the median server time of the studio's answer to an edit of a "
        "generated 200-input definition (target: studio_update_ms_p50 <= 50), and its parts: "
        "reading the text (JSON, schema, linter) and building the preview and rules."
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
        for line in run_studio_bench(runs).lines():
            self.stdout.write(line)

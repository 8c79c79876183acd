"""`manage.py bench_team [--rows N] [--runs N]`: the team dashboard's server-side figures."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.benchmarks.team_suite import BenchRefused, run_team_bench

DEFAULT_ROWS = 100_000
DEFAULT_RUNS = 30


class Command(BaseCommand):
    help = (
        "With N job rows in a PostgreSQL database of its own: p50/p95 server time of the "
        "team feed for each filter combination (target 50 ms) and of the spend page for "
        "30 days (target 100 ms), and the peak RSS of the feed's CSV export of a tenth and "
        "of all the rows. One `<name> <value>` line per figure; a page not built yet is "
        "reported missing."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="job rows to create")
        parser.add_argument(
            "--runs", type=int, default=DEFAULT_RUNS, help="timed runs per page (after warm-up)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rows: int = options["rows"]
        runs: int = options["runs"]
        if rows < 10 or runs < 1:
            raise CommandError("--rows must be at least 10 and --runs at least 1")
        try:
            for line in run_team_bench(rows=rows, runs=runs):
                self.stdout.write(line)
        except BenchRefused as error:
            raise CommandError(str(error)) from error

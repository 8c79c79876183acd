"""`manage.py bench [--runs N]`: the form's server-side figures, one `<name> <value>` line each."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.benchmarks.suite import run_bench

DEFAULT_RUNS = 200


class Command(BaseCommand):
    help = (
        "Measure in-process, side by side with Django's own forms.Form on the same inputs: "
        "the first render of the FLUX.1 [dev] form, of the 200-input synthetic form and of a "
        "generated 200-input form using every input type; the model page and a live update "
        "through their views (sizes raw and gzipped); and the page's JS and CSS, gzipped. "
        "Medians of --runs runs; one `<name> <value>` line per figure."
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
        for line in run_bench(runs):
            self.stdout.write(line)

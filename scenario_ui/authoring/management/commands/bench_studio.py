"""`manage.py bench_studio [--runs N]`: the studio's server times, one `<name> <value>` a line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError

from scenario_ui.authoring.benchmark import run_studio_bench
from scenario_ui.benchmarks.management.commands import bench


class Command(bench.Command):
    """`manage.py bench`'s options and checks, the studio's figures."""

    help = (
        "Measure in-process, side by side with the model page's first view of a new "
        "definition version: the studio's answer to an edit of a generated 200-input "
        "definition (target: studio_update_ms_p50 <= 50) and the reading of its text (JSON, "
        "schema, linter). Medians of --runs runs; one `<name> <value>` line per figure."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        runs: int = options["runs"]
        if runs < 1:
            raise CommandError("--runs must be at least 1")
        for line in run_studio_bench(runs).lines():
            self.stdout.write(line)

"""`manage.py sandbox_stats [--reset]`: the API calls the sandbox served, per route."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from scenario_ui.sandbox.call_counts import call_counts, reset_counts


class Command(BaseCommand):
    help = "Print how many API calls the sandbox served, per route (JSON with --json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="One JSON object.")
        parser.add_argument("--reset", action="store_true", help="Then start counting from 0.")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = call_counts()
        if options["json"]:
            self.stdout.write(json.dumps(counts.as_json()))
        else:
            for route, count in counts.routes.items():
                self.stdout.write(f"{count:>8}  {route}")
            self.stdout.write(f"{counts.total:>8}  total")
        if options["reset"]:
            reset_counts()

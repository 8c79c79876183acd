from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.sandbox.added_models import add_models, read_model_file
from scenario_ui.sandbox.catalog import CatalogError


class Command(BaseCommand):
    help = (
        'Add model records from JSON files to the sandbox (a {"model": {...}} record or a '
        "bare model with an id), so the app shows them like the demo catalog. Catalog fields "
        "a file leaves out get defaults: type custom, privacy private, status trained."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[Path] = options["files"]
        try:
            added = add_models([read_model_file(path) for path in files])
        except CatalogError as error:
            raise CommandError(f"Nothing added to the sandbox: {error}") from error
        summary = added.summary
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox models {', '.join(added.ids)}: {summary.created} created, "
                f"{summary.updated} updated, {summary.unchanged} unchanged."
            )
        )

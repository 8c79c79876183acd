from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from scenario_ui.sandbox.catalog import CatalogError, load_demo_catalog, seed_sandbox


class Command(BaseCommand):
    help = "Create or update the sandbox's demo models from scenario_ui/sandbox/demo_catalog."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            records = load_demo_catalog()
        except CatalogError as error:
            raise CommandError(f"Demo catalog not seeded: {error}") from error
        summary = seed_sandbox(records)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox seeded with {len(records)} demo models: {summary.created} created, "
                f"{summary.updated} updated, {summary.unchanged} unchanged."
            )
        )

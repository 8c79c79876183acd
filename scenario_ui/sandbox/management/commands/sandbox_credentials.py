"""`manage.py sandbox_credentials [--base-url URL]`: keep and print the sandbox API's key pair."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from scenario_ui.sandbox.credentials import save_key_pair


class Command(BaseCommand):
    help = (
        "In sandbox mode, keep this process's sandbox API key and secret in "
        "SANDBOX_CREDENTIALS_FILE (once; later runs read it) and print them, so clients "
        "outside the app can call the sandbox with the official SDK."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="where the sandbox API is served")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.SCENARIO_SANDBOX:
            self.stdout.write("Real Scenario API configured: the sandbox API is not served.")
            return
        from_environment = "SANDBOX_API_KEY" in os.environ and "SANDBOX_API_SECRET" in os.environ
        if not from_environment:
            save_key_pair(
                settings.SANDBOX_CREDENTIALS_FILE,
                key=settings.SANDBOX_API_KEY,
                secret=settings.SANDBOX_API_SECRET,
            )
        where = f"base URL: {options['base_url']}  " if options["base_url"] else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox API -> {where}key: {settings.SANDBOX_API_KEY}  "
                f"secret: {settings.SANDBOX_API_SECRET}"
            )
        )

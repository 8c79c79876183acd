"""`manage.py scenario_webhook register|list|remove`: this app's endpoints on Scenario.

Two endpoints: the project's (job and training outcomes) and, when SCENARIO_TEAM_ID is set,
the team's (its credit alerts, shown to leads as a banner).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from scenario_ui.scenario import webhooks
from scenario_ui.scenario.charged import REFUSAL_STATUSES
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.worker.models import WebhookEndpoint


class Command(BaseCommand):
    help = (
        "Manage the webhook endpoints through which Scenario tells this app that jobs and "
        "trainings ended (SCENARIO_PROJECT_ID's project) and that the team's credit use "
        "crossed a threshold (SCENARIO_TEAM_ID's team, when set)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        register = actions.add_parser(
            "register", help="Create the endpoints and keep their tokens."
        )
        register.add_argument(
            "--base-url",
            required=True,
            help="Where Scenario reaches this app, e.g. https://ui.example.com",
        )
        register.add_argument(
            "--if-missing",
            action="store_true",
            help="Skip each endpoint of ours (project, team) already pointing at --base-url.",
        )
        actions.add_parser("list", help="The project's endpoints, ours marked.")
        remove = actions.add_parser("remove", help="Delete an endpoint on Scenario and here.")
        remove.add_argument("endpoint_id")

    def handle(self, *args: Any, **options: Any) -> None:
        project_id = settings.SCENARIO_PROJECT_ID
        if not project_id:
            raise CommandError(
                "Set SCENARIO_PROJECT_ID to the project whose jobs this app follows."
            )
        try:
            match options["action"]:
                case "register":
                    self._register(
                        project_id, options["base_url"], if_missing=options["if_missing"]
                    )
                case "list":
                    self._list(project_id)
                case "remove":
                    self._remove(project_id, options["endpoint_id"])
        except ScenarioError as error:
            raise CommandError(f"{error.title}: {error.message}") from error

    def _register(self, project_id: str, base_url: str, *, if_missing: bool) -> None:
        base = base_url.rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise CommandError("--base-url must start with http:// or https://")
        owners = [(WebhookEndpoint.Owner.PROJECT, project_id)]
        if settings.SCENARIO_TEAM_ID:
            owners.append((WebhookEndpoint.Owner.TEAM, settings.SCENARIO_TEAM_ID))
        for owner, owner_id in owners:
            ours = WebhookEndpoint.objects.filter(owner_type=owner, url__startswith=f"{base}/")
            if if_missing and ours.exists():
                self.stdout.write(f"Webhook endpoint already registered for {base} ({owner})")
                continue
            self._create(owner, owner_id, base)

    def _create(self, owner: str, owner_id: str, base: str) -> None:
        token = secrets.token_urlsafe(32)
        url = base + reverse("worker:scenario_hook", args=[token])
        create = (
            webhooks.create_team_endpoint
            if owner == WebhookEndpoint.Owner.TEAM
            else webhooks.create_endpoint
        )
        try:
            created = create(owner_id, url=url)
        except ScenarioError as error:
            if error.request_sent and error.status_code not in REFUSAL_STATUSES:
                raise CommandError(
                    f"{error.title}: {error.message} The endpoint may have been created without "
                    "this app knowing its token: run `scenario_webhook list` and remove any "
                    "endpoint marked other that points here, then register again."
                ) from error
            raise
        WebhookEndpoint.objects.create(
            endpoint_id=str(created.get("id", "")),
            owner_type=owner,
            token=token,
            url=url,
            secret=str(created.get("secret") or ""),
        )
        self.stdout.write(f"Webhook endpoint {created.get('id')} ({owner}) -> {url}")

    def _list(self, project_id: str) -> None:
        ours = set(WebhookEndpoint.objects.values_list("endpoint_id", flat=True))
        team_id = settings.SCENARIO_TEAM_ID
        endpoints = webhooks.list_endpoints(project_id)
        if team_id:
            endpoints += webhooks.list_team_endpoints(team_id)
        for endpoint in endpoints:
            mark = "ours" if endpoint.get("id") in ours else "other"
            events = ",".join(str(e) for e in endpoint.get("enabledEvents") or [])
            self.stdout.write(f"{endpoint.get('id')}  {mark}  {endpoint.get('url')}  {events}")

    def _remove(self, project_id: str, endpoint_id: str) -> None:
        ours = WebhookEndpoint.objects.filter(endpoint_id=endpoint_id).first()
        if ours is not None and ours.owner_type == WebhookEndpoint.Owner.TEAM:
            webhooks.delete_team_endpoint(settings.SCENARIO_TEAM_ID, endpoint_id)
        else:
            webhooks.delete_endpoint(project_id, endpoint_id)
        WebhookEndpoint.objects.filter(endpoint_id=endpoint_id).delete()
        self.stdout.write(f"Removed webhook endpoint {endpoint_id}")

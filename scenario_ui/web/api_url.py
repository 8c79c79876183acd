from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from scenario_ui.scenario.client import is_sandbox


def public_api_base_url(request: HttpRequest) -> str:
    """The base URL to show in copyable snippets: this server's sandbox, or the real API."""
    if is_sandbox():
        return request.build_absolute_uri("/sandbox/v1")
    return str(settings.SCENARIO_BASE_URL)

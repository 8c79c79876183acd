from __future__ import annotations

from django.http import HttpRequest

from scenario_ui.scenario.client import is_sandbox


def scenario_mode(request: HttpRequest) -> dict[str, bool]:
    """Every page shows whether it talks to the embedded sandbox or the real API."""
    return {"scenario_sandbox": is_sandbox()}

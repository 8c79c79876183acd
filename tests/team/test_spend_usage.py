from __future__ import annotations

from datetime import date

import httpx

from scenario_ui.scenario.usages import UsageReport
from scenario_ui.team.spend_usage import UsageUnavailable, scenario_usage
from tests.team.spend_support import days

PERIOD = days(date(2026, 11, 1), date(2026, 11, 30))


def test_scenarios_figures_when_the_api_answers(fake_api) -> None:
    fake_api(lambda request: httpx.Response(200, json={"consumption": [], "modelUsages": []}))
    assert isinstance(scenario_usage(period=PERIOD), UsageReport)


def test_a_failing_api_is_said_not_raised(fake_api) -> None:
    fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    assert scenario_usage(period=PERIOD) == UsageUnavailable(
        title="Scenario had an internal error",
        message="Scenario failed with HTTP 503: maintenance.",
    )

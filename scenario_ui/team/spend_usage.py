"""Scenario's own figures for the spend page, or why they cannot be shown this time."""

from __future__ import annotations

from dataclasses import dataclass

from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.usages import UsageReport, usage_report
from scenario_ui.team.ranges import DateRange


@dataclass(frozen=True)
class UsageUnavailable:
    """The usage API failed: the page says so and shows our own records alone."""

    title: str
    message: str


def scenario_usage(*, period: DateRange) -> UsageReport | UsageUnavailable:
    try:
        return usage_report(first=period.first, last=period.last)
    except ScenarioError as error:
        return UsageUnavailable(title=error.title, message=error.message)

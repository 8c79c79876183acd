"""The spend page's request (range and grouping) and everything it shows."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.http import urlencode

from scenario_ui.scenario.usages import CACHE_SECONDS, UsageReport
from scenario_ui.team.ranges import PRESET_LABELS, DateRange, RangeRefused, read_range, shown_range
from scenario_ui.team.spend_chart import Chart, stacked_chart
from scenario_ui.team.spend_tables import DEFAULT_GROUPING, GROUPINGS, SpendReport, spend_report
from scenario_ui.team.spend_usage import UsageUnavailable, scenario_usage

CU = "CU"


@dataclass(frozen=True)
class SpendChoice:
    """What the URL asked for, as shown; `refusals` says what could not be shown as asked."""

    period: DateRange
    by: str
    refusals: tuple[str, ...]

    @property
    def query_string(self) -> str:
        """The URL parameters that give this choice back (for the CSV links)."""
        return urlencode({**self.period.query(), "by": self.by})


@dataclass(frozen=True)
class SpendPage:
    choice: SpendChoice
    report: SpendReport
    chart: Chart
    usage: UsageReport | UsageUnavailable
    usage_cache_minutes: int
    range_labels: dict[str, str]
    groupings: tuple[str, ...]

    @property
    def usage_report(self) -> UsageReport | None:
        return self.usage if isinstance(self.usage, UsageReport) else None

    @property
    def usage_failure(self) -> UsageUnavailable | None:
        return self.usage if isinstance(self.usage, UsageUnavailable) else None


def read_choice(params: QueryDict) -> SpendChoice:
    read = read_range(params)
    refusals = [read.message] if isinstance(read, RangeRefused) else []
    by = params.get("by", DEFAULT_GROUPING) or DEFAULT_GROUPING
    if by not in GROUPINGS:
        refusals.append(f"Unknown grouping {by!r}: choose one of {', '.join(GROUPINGS)}.")
        by = DEFAULT_GROUPING
    return SpendChoice(period=shown_range(read), by=by, refusals=tuple(refusals))


def spend_page(*, choice: SpendChoice) -> SpendPage:
    report = spend_report(period=choice.period, by=choice.by)
    return SpendPage(
        choice=choice,
        report=report,
        chart=stacked_chart(series=report.series, days=report.days, unit=CU),
        usage=scenario_usage(period=choice.period),
        usage_cache_minutes=CACHE_SECONDS // 60,
        range_labels=PRESET_LABELS,
        groupings=GROUPINGS,
    )

"""The geometry of the CU-per-day chart: stacked bars the template draws as SVG.

Only numbers and plain text leave here; the template writes them into the SVG, so every
label is escaped there like any other text. Colours are classes (`series-N`), set by the
stylesheet for light and dark themes: the strict CSP allows no inline style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from scenario_ui.team.spend_tables import DayStack

# viewBox units: the SVG scales to its box, so these only set the proportions; the
# stylesheet sizes the text for wide and narrow screens.
WIDTH: Final = 640
HEIGHT: Final = 300
LEFT: Final = 64
RIGHT: Final = 8
TOP: Final = 14
BOTTOM: Final = 36
BAR_SHARE: Final = 0.72
TICKS: Final = 4
MAX_DAY_LABELS: Final = 6


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class DayLabel:
    x: float
    label: str
    # Every other label, hidden on narrow screens where they would touch.
    minor: bool


@dataclass(frozen=True)
class Chart:
    segments: tuple[Segment, ...]
    ticks: tuple[Tick, ...]
    day_labels: tuple[DayLabel, ...]
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def is_empty(self) -> bool:
        return not self.segments


def stacked_chart(*, series: Sequence[str], days: Sequence[DayStack], unit: str) -> Chart:
    """Bars of each day's values stacked bottom-up in series order, on a round scale."""
    top = nice_ceiling(max((day.total for day in days), default=0.0))
    plot_height = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT - RIGHT) / max(len(days), 1)
    segments: list[Segment] = []
    for position, day in enumerate(days):
        x = LEFT + position * step + step * (1 - BAR_SHARE) / 2
        bottom = float(HEIGHT - BOTTOM)
        for index, value in enumerate(day.values):
            if value <= 0:
                continue
            height = value / top * plot_height
            bottom -= height
            segments.append(
                Segment(
                    x=round(x, 2),
                    y=round(bottom, 2),
                    width=round(step * BAR_SHARE, 2),
                    height=round(height, 2),
                    series=index,
                    title=f"{day.day.isoformat()}, {series[index]}: {value:.2f} {unit}",
                )
            )
    ticks = tuple(
        Tick(y=round(HEIGHT - BOTTOM - plot_height * n / TICKS, 2), label=f"{top * n / TICKS:g}")
        for n in range(TICKS + 1)
    )
    every = math.ceil(len(days) / MAX_DAY_LABELS) or 1
    labels = tuple(
        DayLabel(
            x=round(LEFT + (position + 0.5) * step, 2),
            label=day.day.strftime("%b %-d"),
            minor=position % (2 * every) != 0,
        )
        for position, day in enumerate(days)
        if position % every == 0
    )
    return Chart(
        segments=tuple(segments),
        ticks=ticks,
        day_labels=labels,
        description=_description(days, unit=unit),
    )


def nice_ceiling(value: float) -> float:
    """The smallest round number at least `value` (> 0) whose quarters are round too (the
    scale's four ticks): 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6 or 8 times a power of ten. Steps
    this close keep the tallest bar in the top fifth of the chart."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    steps = (1.0, 1.2, 1.6, 2.0, 2.4, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
    return next(m * power for m in steps if m * power >= value)


def _description(days: Sequence[DayStack], *, unit: str) -> str:
    if not days:
        return "No days in this range."
    busiest = max(days, key=lambda day: day.total)
    total = sum(day.total for day in days)
    if not total:
        return f"No {unit} spent on any of the {len(days)} days."
    return (
        f"{total:.2f} {unit} over {len(days)} days; the busiest day was "
        f"{busiest.day.isoformat()} with {busiest.total:.2f} {unit}. "
        "The table below the chart lists every day."
    )

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scenario_ui.team.spend_chart import BOTTOM, HEIGHT, TOP, nice_ceiling, stacked_chart
from scenario_ui.team.spend_tables import DayStack

NOV_3 = date(2026, 11, 3)


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0, 1), (0.3, 0.3), (1, 1), (7, 8), (120, 120), (240, 240), (540, 600), (4100, 5000)],
)
def test_the_scale_ends_on_a_round_number(value: float, ceiling: float) -> None:
    assert nice_ceiling(value) == pytest.approx(ceiling)


def test_values_stack_bottom_up_in_series_order() -> None:
    chart = stacked_chart(
        series=("Lumen", "Flux"),
        days=[
            DayStack(day=NOV_3, values=(3, 1)),
            DayStack(day=NOV_3 + timedelta(1), values=(0, 0)),
        ],
        unit="CU",
    )
    plot = HEIGHT - TOP - BOTTOM
    lumen, flux = chart.segments
    assert (lumen.series, flux.series) == (0, 1)
    assert lumen.height == pytest.approx(plot * 3 / 4)  # the scale ends at 4
    assert lumen.y + lumen.height == pytest.approx(HEIGHT - BOTTOM)
    assert flux.y + flux.height == pytest.approx(lumen.y)
    assert lumen.title == "2026-11-03, Lumen: 3.00 CU"
    assert [tick.label for tick in chart.ticks] == ["0", "1", "2", "3", "4"]
    assert chart.description.startswith("4.00 CU over 2 days; the busiest day was 2026-11-03")


def test_day_labels_are_thinned_and_every_other_one_is_minor() -> None:
    month = [DayStack(day=NOV_3 + timedelta(n), values=(1,)) for n in range(30)]
    chart = stacked_chart(series=("Lumen",), days=month, unit="CU")
    assert [label.label for label in chart.day_labels] == [
        "Nov 3",
        "Nov 8",
        "Nov 13",
        "Nov 18",
        "Nov 23",
        "Nov 28",
    ]
    assert [label.minor for label in chart.day_labels] == [False, True] * 3


def test_a_range_without_spend_draws_nothing() -> None:
    chart = stacked_chart(series=(), days=[DayStack(day=NOV_3, values=())], unit="CU")
    assert chart.is_empty
    assert chart.description == "No CU spent on any of the 1 days."

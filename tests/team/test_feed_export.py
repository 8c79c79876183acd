"""The feed's CSV columns."""

from __future__ import annotations

import pytest

from scenario_ui.team.feed_export import HEADER, csv_cells
from scenario_ui.team.feed_rows import generation_row, training_row
from tests.conftest import user_with_role
from tests.team.feed_support import IMAGE, generation, training

pytestmark = pytest.mark.django_db


def test_a_generation_line_has_every_column() -> None:
    ann = user_with_role("ann", "member")
    long_prompt = "a fox " * 30
    made = generation(ann, prompt=long_prompt, results=[IMAGE], creative_units=2.5)
    cells = dict(zip(HEADER, csv_cells(generation_row(made)), strict=True))
    assert cells == {
        "created_at": made.created_at.isoformat(),
        "kind": "generation",
        "id": made.pk,
        "user": "ann",
        "model_id": "model_a",
        "model_name": "Model A",
        "status": "success",
        "progress_percent": 100,
        "creative_units": 2.5,
        "prompt": long_prompt,
        "first_output_url": "/a/1.png",
        "page": f"/jobs/{made.pk}/",
    }


def test_unknown_figures_are_empty_cells() -> None:
    ann = user_with_role("ann", "member")
    cells = dict(zip(HEADER, csv_cells(training_row(training(ann, status="failed"))), strict=True))
    assert (cells["progress_percent"], cells["creative_units"], cells["prompt"]) == ("", "", "")
    assert cells["first_output_url"] == ""

"""`manage.py bench_studio`: figures measured side by side, in-process, named one per line."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scenario_ui.authoring import benchmark
from scenario_ui.authoring.models import Draft
from scenario_ui.benchmarks.generated import generated_definition


def test_the_answer_measured_is_the_views_answer_to_an_edit() -> None:
    text = json.dumps(generated_definition(), indent=2)

    answer = benchmark.answer(Draft(title="Bench", text=text), text)

    assert 'id="studio-findings"' in answer
    assert '<div id="studio-preview-form" hx-swap-oob="innerHTML">' in answer
    assert answer.count('class="field field--') >= 200
    assert 'id="studio-rules" hx-swap-oob="true"' in answer


def test_the_command_prints_one_figure_a_line() -> None:
    out = StringIO()
    call_command("bench_studio", "--runs", "1", stdout=out)

    names = [line.split()[0] for line in out.getvalue().splitlines()]
    assert names == [
        "studio_inputs",
        "studio_update_ms_p50",
        "studio_model_page_first_view_ms_p50",
        "studio_update_to_first_view_ratio",
        "studio_read_ms_p50",
        "studio_answer_bytes",
    ]
    with pytest.raises(CommandError, match="--runs must be at least 1"):
        call_command("bench_studio", "--runs", "0")

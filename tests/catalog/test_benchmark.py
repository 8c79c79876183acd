"""The bench's parts: which definition, the generated one, the live POST, the measure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scenario_ui.catalog import benchmark
from scenario_ui.catalog.bench_definition import INPUT_COUNT, generated_definition
from scenario_ui.catalog.benchmark import (
    TYPED_PROMPT,
    WARM_UP_RUNS,
    Figures,
    count_inputs,
    largest_definition_file,
    live_post,
    median_ms,
    render_form,
    revalidate,
    run_bench,
)
from scenario_ui.forms import evaluate, values_from_data
from scenario_ui.forms.live import SHOWN
from scenario_ui.schema import INPUT_TYPES, ModelDefinition, lint_definition, parse_definition

FLAT: dict[str, Any] = {
    "id": "model_flat",
    "inputs": [{"name": name, "type": "string"} for name in ("a", "b", "c")],
}
NESTED: dict[str, Any] = {
    "id": "model_nested",
    "inputs": [
        {
            "name": "rows",
            "type": "inputs_array",
            "inputs": [{"name": name, "type": "number"} for name in ("x", "y", "z")],
        }
    ],
}
LIVE_MODEL: dict[str, Any] = {
    "id": "model_live",
    "inputs": [
        {"name": "width", "type": "number", "min": 256, "max": 2048, "step": 16, "default": 512},
        {"name": "height", "type": "number", "min": 256, "max": 2048, "step": 16, "default": 512},
        {"name": "prompt", "type": "string", "prompt": True, "required": {"always": True}},
        {"name": "count", "type": "number", "allowedValues": [1, 2], "default": 1},
        {"name": "strength", "type": "number", "min": 0.1, "max": 1, "step": 0.1, "default": 0.5},
    ],
    "uiConfig": {
        "resolutionComponent": {
            "label": "Size",
            "widthInput": "width",
            "heightInput": "height",
            "presets": [{"label": "Small", "width": 512, "height": 512}],
        }
    },
}


def _catalog(directory: Path, files: dict[str, object]) -> Path:
    for name, content in files.items():
        (directory / name).write_text(json.dumps(content))
    return directory


def test_count_inputs_counts_row_inputs_too() -> None:
    assert count_inputs(FLAT) == 3
    assert count_inputs(NESTED) == 4
    assert count_inputs({"id": "m"}) == 0
    assert count_inputs([]) == 0


def test_the_largest_file_counts_nested_inputs_and_reads_records(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, {"a.json": {"model": FLAT}, "b.json": NESTED})

    assert largest_definition_file(catalog) == tmp_path / "b.json"


def test_equal_counts_pick_the_first_file_by_name(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, {"b.json": FLAT, "a.json": {"model": FLAT}})

    assert largest_definition_file(catalog) == tmp_path / "a.json"


def test_an_empty_catalog_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no \*\.json definitions"):
        largest_definition_file(tmp_path)


def test_the_generated_definition_is_large_varied_and_sound() -> None:
    data = generated_definition()
    definition = parse_definition(data)

    assert generated_definition() == data
    assert len(definition.inputs) == INPUT_COUNT
    assert len(set(definition.input_names)) == INPUT_COUNT
    assert {spec.type for spec in definition.inputs} == set(INPUT_TYPES)
    assert definition.ui_config.resolution_component is not None
    assert definition.ui_config.loras_component is not None
    assert len({spec.group for spec in definition.inputs if spec.group}) > 1
    rules = [spec.required for spec in definition.inputs if spec.required is not None]
    for kind in ("always", "if_defined", "if_not_defined", "conditional"):
        assert any(getattr(rule, kind) for rule in rules), kind
    assert [p for p in lint_definition(definition) if p.severity == "error"] == []


def test_the_live_post_types_the_prompt_and_changes_one_typed_number() -> None:
    definition = parse_definition(LIVE_MODEL)

    data, trigger_name = live_post(definition)

    # Not width (the picker sets it) nor count (a select): the first typed number.
    assert trigger_name == "strength"
    assert data["strength"] == ["0.1"]
    assert data["prompt"] == [TYPED_PROMPT]
    assert data[SHOWN] == [""]
    assert data["width"] == ["512"]
    assert evaluate(definition, values_from_data(definition, data)).is_valid


def test_a_definition_without_numbers_posts_no_trigger() -> None:
    data, trigger_name = live_post(parse_definition(FLAT))

    assert trigger_name is None
    assert data["a"] == [TYPED_PROMPT]


def test_the_measured_work_renders_what_the_views_answer() -> None:
    definition = parse_definition(LIVE_MODEL)
    data, trigger_name = live_post(definition)

    form = render_form(definition)
    answer = revalidate(definition, data, trigger_name)

    assert form.strip().startswith('<form id="model-form"')
    assert 'id="request-preview"' in answer
    assert 'hx-swap-oob="true"' in answer
    assert TYPED_PROMPT in answer
    assert "<form" not in answer


def test_median_ms_warms_up_then_times_each_run() -> None:
    calls: list[None] = []

    median = median_ms(lambda: calls.append(None), 5)

    assert len(calls) == WARM_UP_RUNS + 5
    assert median >= 0


def test_figures_print_two_decimals_and_whole_bytes() -> None:
    figures = Figures(
        render_ms_p50=1.234, revalidate_ms_p50=2, revalidate_bytes=3456, render200_ms_p50=40.004
    )

    assert figures.lines() == [
        "render_ms_p50 1.23",
        "revalidate_ms_p50 2.00",
        "revalidate_bytes 3456",
        "render200_ms_p50 40.00",
    ]


def test_run_bench_measures_the_largest_catalog_definition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = _catalog(tmp_path, {"live.json": {"model": LIVE_MODEL}, "flat.json": FLAT})
    measured: list[str] = []

    def answer(definition: ModelDefinition, *_: object) -> str:
        measured.append(definition.id)
        return "é"  # Two bytes in UTF-8: the size is counted in bytes, not characters.

    monkeypatch.setattr(benchmark, "revalidate", answer)

    figures = run_bench(1, catalog)

    assert set(measured) == {"model_live"}
    assert figures.revalidate_bytes == 2

"""The bench's parts: its definitions, the live POST, requests through the views, sizes."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from django.core.cache import cache

from scenario_ui.benchmarks.generated import INPUT_COUNT, generated_definition
from scenario_ui.benchmarks.server import (
    FLUX_FILE,
    SYNTHETIC_FILE,
    TYPED_PROMPT,
    Pages,
    answer_of,
    live_post,
    read_record,
    records_in_cache,
    render_form,
)
from scenario_ui.benchmarks.suite import CONDITIONAL_CHANGE, _asset_gzip_bytes
from scenario_ui.forms import evaluate, values_from_data
from scenario_ui.forms.live import SHOWN
from scenario_ui.scenario import gateway
from scenario_ui.schema import INPUT_TYPES, lint_definition, parse_definition
from tests.forms.html import parse_html

FLAT: dict[str, Any] = {
    "id": "model_flat",
    "inputs": [{"name": name, "type": "string"} for name in ("a", "b", "c")],
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


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


def test_the_browser_bench_definitions_are_sound() -> None:
    flux = parse_definition(read_record(FLUX_FILE))
    synthetic = parse_definition(read_record(SYNTHETIC_FILE))

    assert (len(flux.inputs), len(synthetic.inputs)) == (17, 200)
    for definition in (flux, synthetic):
        assert [p for p in definition.problems if p.severity == "error"] == []
    controller, value = CONDITIONAL_CHANGE
    data, _ = live_post(synthetic)
    before = evaluate(synthetic, values_from_data(synthetic, data)).required
    after = evaluate(synthetic, values_from_data(synthetic, {**data, controller: [value]})).required
    assert set(after) - set(before) == {"cond16a"}


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


def test_the_records_are_served_from_the_cache_and_forgotten_after() -> None:
    record = read_record(FLUX_FILE)

    with records_in_cache([record]):
        assert gateway.retrieve_model(record["id"]) == record
        assert gateway.model_version(record["id"]) == gateway.record_version(record)

    assert gateway.model_version(record["id"]) is None


def test_the_measured_work_renders_what_the_views_answer() -> None:
    record = read_record(FLUX_FILE)
    definition = parse_definition(record)
    data, trigger_name = live_post(definition)
    pages = Pages()

    form = render_form(definition)
    with records_in_cache([record]):
        page = answer_of(pages.model_page(record["id"])())
        answer = answer_of(pages.live_update(record["id"], data, trigger_name)())

    assert form.strip().startswith('<form id="model-form"')
    assert page.gzip_bytes < page.raw_bytes
    root = parse_html(page.body.decode())
    assert root.one("form", id="model-form").get("action") == f"/models/{record['id']}/generate/"
    live = answer.body.decode()
    assert 'id="request-preview"' in live
    assert 'hx-swap-oob="true"' in live
    assert TYPED_PROMPT in live
    assert "<form" not in live
    assert gzip.decompress(gzip.compress(answer.body)) == answer.body


def test_the_assets_are_the_pages_scripts_and_styles() -> None:
    page = (
        '<link rel="stylesheet" href="/static/css/app.css"><link rel="icon" href="/static/x.svg">'
        '<script src="/static/js/model-form.js"></script><script src="https://cdn.example/x.js">'
        "</script>"
    )
    size = _asset_gzip_bytes(page)
    only_css = _asset_gzip_bytes('<link rel="stylesheet" href="/static/css/app.css">')

    assert 0 < only_css < size


def test_a_missing_asset_is_an_error() -> None:
    with pytest.raises(FileNotFoundError, match=r"js/nowhere\.js"):
        _asset_gzip_bytes('<script src="/static/js/nowhere.js"></script>')

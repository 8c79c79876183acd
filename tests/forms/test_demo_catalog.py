"""The form engine over every model of the demo catalog, read straight from its JSON files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string

import scenario_ui.sandbox
from scenario_ui.forms import build_payload, evaluate, initial_values, values_from_json
from scenario_ui.forms.render import Moment, form_view
from scenario_ui.schema import (
    BooleanInput,
    FileArrayInput,
    FileInput,
    InputBase,
    InputsArrayInput,
    ModelArrayInput,
    ModelDefinition,
    ModelPickerInput,
    NumberArrayInput,
    NumberInput,
    StringArrayInput,
    StringInput,
    UnknownInput,
    parse_definition,
)
from tests.forms.html import controls, is_labelled, parse_html

DEMO_CATALOG = Path(scenario_ui.sandbox.__file__).resolve().parent / "demo_catalog"
DEMO_FILES = sorted(DEMO_CATALOG.glob("*.json"))


def read_definition(path: Path) -> ModelDefinition:
    document = json.loads(path.read_text(encoding="utf-8"))
    return parse_definition(document["model"])


def render(definition: ModelDefinition, values: Any = None, **options: Any) -> str:
    view = form_view(definition, values or initial_values(definition), **options)
    return render_to_string(
        "forms/model_form.html#form",
        {"form": view, "live_url": "/live/", "submit_url": "/submit/"},
    )


def consumed_by_components(definition: ModelDefinition) -> set[str]:
    """Inputs a component may draw in its own way (width/height only for a custom size)."""
    ui = definition.ui_config
    names: set[str] = set()
    if ui.resolution_component is not None:
        names |= {ui.resolution_component.width_input, ui.resolution_component.height_input}
    if ui.loras_component is not None:
        names.add(ui.loras_component.scale_input)
    return names


# --- a valid value for any input, built from its own constraints -------------------------


def valid_number(spec: NumberInput | NumberArrayInput) -> int | float:
    if spec.allowed_values:
        return spec.allowed_values[0]
    # `min` is on the step grid by definition; without it the grid starts at 0.
    return spec.min if spec.min is not None else 0


def valid_count(spec: Any) -> int:
    return max(getattr(spec, "min_length", None) or 1, 1)


def valid_value(spec: InputBase) -> Any:
    """One branch per input type."""
    if isinstance(spec, BooleanInput):
        return True
    if isinstance(spec, NumberInput):
        return valid_number(spec)
    if isinstance(spec, NumberArrayInput):
        return [valid_number(spec)] * valid_count(spec)
    if isinstance(spec, StringInput):
        if spec.allowed_values:
            return spec.allowed_values[0]
        if spec.color:
            return "#336699"
        return "x" * max(spec.min_length or 0, 12 if spec.max_length is None else 1)
    if isinstance(spec, StringArrayInput):
        item = spec.allowed_values[0] if spec.allowed_values else "detail"
        return [item] * valid_count(spec)
    if isinstance(spec, FileInput):
        return "asset_demo"
    if isinstance(spec, FileArrayInput):
        return [f"asset_demo_{index}" for index in range(valid_count(spec))]
    if isinstance(spec, ModelPickerInput):
        return "model_demo-lora-inkwash"
    if isinstance(spec, ModelArrayInput):
        return ["model_demo-lora-inkwash"] * valid_count(spec)
    if isinstance(spec, InputsArrayInput):
        return [{child.name: valid_value(child) for child in spec.inputs}] * valid_count(spec)
    assert isinstance(spec, UnknownInput)
    return {"demo": [0, 1]}


def filled_values(definition: ModelDefinition) -> dict[str, Any]:
    """Defaults, plus a valid value for each input the rules require, until none is missing."""
    entries: dict[str, Any] = {
        spec.name: spec.default for spec in definition.inputs if spec.default is not None
    }
    for _ in range(len(definition.inputs) + 1):
        state = evaluate(definition, values_from_json(definition, entries))
        missing = [name for name in state.required if name not in state.values.values]
        if not missing:
            return entries
        for name in missing:
            spec = definition.input_named(name)
            assert spec is not None
            entries[name] = valid_value(spec)
    raise AssertionError(f"{definition.id}: the required inputs never settle")


# --- the tests -----------------------------------------------------------------------------


def test_the_demo_catalog_is_there() -> None:
    assert len(DEMO_FILES) >= 10
    assert all(path.stem.startswith("model_demo-") for path in DEMO_FILES)


@pytest.fixture(params=DEMO_FILES, ids=[path.stem for path in DEMO_FILES])
def definition(request: pytest.FixtureRequest) -> ModelDefinition:
    path: Path = request.param
    return read_definition(path)


def test_parses_without_errors(definition: ModelDefinition) -> None:
    assert definition.id
    assert [p for p in definition.problems if p.severity == "error"] == []


def test_first_render_has_a_wrapper_for_every_input(definition: ModelDefinition) -> None:
    root = parse_html(render(definition))
    consumed = consumed_by_components(definition)
    for spec in definition.inputs:
        wrappers = root.find_all(data_input=spec.name)
        if spec.name in consumed:
            assert len(wrappers) <= 1, spec.name
            continue
        assert len(wrappers) == 1, spec.name
        assert wrappers[0].get("data-input-type") == spec.type
        assert len(root.find_all(data_error_for=spec.name)) == 1, spec.name
    assert len(root.find_all(data_component="trigger")) == 1


def test_first_render_is_accessible(definition: ModelDefinition) -> None:
    root = parse_html(render(definition))
    assert [c for c in controls(root) if not is_labelled(root, c)] == []
    ids = [element.get("id") or "" for element in root.iter() if element.has("id")]
    assert sorted(ids) == sorted(set(ids))
    for element in root.iter():
        for ref in (element.get("aria-describedby") or "").split():
            assert root.find_all(id=ref), ref
    assert root.by_id("form-announcer").get("aria-live") == "polite"


def test_required_markers_match_the_rules(definition: ModelDefinition) -> None:
    root = parse_html(render(definition))
    state = evaluate(definition, initial_values(definition))
    marked = [element.get("data-input") or "" for element in root.find_all(data_required="true")]
    top_level = [name for name in definition.input_names if name in state.required]
    # Row fields (of inputs_array rows) follow their row's rules, and are marked too.
    assert sorted(marked) == sorted(top_level + state.required_within)


def test_defaults_raise_no_issue_but_is_required(definition: ModelDefinition) -> None:
    state = evaluate(definition, initial_values(definition))
    phrases = {issue.phrase for issue in state.all_issues()}
    assert phrases <= {"is required"}
    assert set(state.issues) <= set(state.required)


def test_filled_values_give_a_valid_payload(definition: ModelDefinition) -> None:
    entries = filled_values(definition)
    state = evaluate(definition, values_from_json(definition, entries))
    assert state.issues == {}
    payload = build_payload(state)
    assert set(state.required) <= set(payload)
    assert list(payload) == [name for name in definition.input_names if name in payload]
    assert json.loads(json.dumps(payload)) == payload


def test_filled_values_render_after_a_submit_without_messages(definition: ModelDefinition) -> None:
    entries = filled_values(definition)
    root = parse_html(
        render(definition, values_from_json(definition, entries), moment=Moment.SUBMIT)
    )
    assert root.find_all(id="error-summary") == []
    assert [element.text for element in root.find_all(data_error_for=True) if element.text] == []


def test_a_required_input_left_empty_is_in_the_summary(definition: ModelDefinition) -> None:
    state = evaluate(definition, initial_values(definition))
    root = parse_html(render(definition, moment=Moment.SUBMIT))
    links = [link.get("href") for link in root.find_all("a", where=lambda a: a.has("href"))]
    expected = [f"#in-{name}" for name in definition.input_names if name in state.issues]
    assert [href for href in links if href and href.startswith("#in-")] == expected
    for href in expected:
        target = root.by_id(href[1:])
        # A control, or the rows of an inputs_array (focusable by script).
        assert target.tag in {"input", "select", "textarea"} or target.get("tabindex") == "-1"


def test_filled_values_fill_what_the_rules_ask_for() -> None:
    by_id = {path.stem: read_definition(path) for path in DEMO_FILES}
    relay = filled_values(by_id["model_demo-relay-motion"])
    assert (relay["prompt"], relay["video"]) == ("x", "asset_demo")
    voice = filled_values(by_id["model_demo-cadence-voice"])
    # "voice or referenceAudio": both are required while neither is given.
    assert (voice["text"], voice["voice"], voice["referenceAudio"]) == (
        "x",
        "model_demo-lora-inkwash",
        "asset_demo",
    )
    halo = filled_values(by_id["model_demo-halo-edit"])
    assert halo["referenceImages"] == ["asset_demo_0"]


# Where each demo model's Generate button sits: as its `triggerGenerate` says, else last.
TRIGGER_PLACES = {"demo-tidewave-video": "after prompt", "demo-halo-edit": "top"}


def _in_order(nodes: list[Any]) -> list[str]:
    """The form's inputs and its button ("trigger") in the order a reader meets them."""
    from scenario_ui.forms.components.trigger import TriggerNode

    names: list[str] = []
    for node in nodes:
        if isinstance(node, TriggerNode):
            names.append("trigger")
        elif hasattr(node, "children"):
            names += _in_order(node.children)
        else:
            names += [bound.name for bound in node.bound_inputs()]
    return names


def test_generate_sits_where_trigger_generate_says_else_last(definition: ModelDefinition) -> None:
    order = _in_order(form_view(definition, initial_values(definition)).layout.nodes)
    assert order.count("trigger") == 1
    place = order.index("trigger")
    trigger = definition.ui_config.trigger_generate
    expected = TRIGGER_PLACES.get(definition.id.removeprefix("model_"), "last")
    if trigger is not None and trigger.after:
        assert expected == f"after {trigger.after}"
        assert order[place - 1] == trigger.after
    elif trigger is not None and trigger.position == "top":
        assert (expected, place) == ("top", 0)
    else:
        assert (expected, place) == ("last", len(order) - 1)

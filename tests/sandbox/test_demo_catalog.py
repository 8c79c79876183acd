"""Every demo catalog file is a sound model record (see also the coverage test modules)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from scenario_ui.sandbox.catalog import DEMO_CATALOG_DIR
from tests.sandbox.catalog_walk import Record, all_inputs, demo_records, input_lists, select_key

CATALOG = demo_records()
INPUT_TYPES = {
    "boolean",
    "number",
    "string",
    "string_array",
    "number_array",
    "file",
    "file_array",
    "model",
    "model_array",
    "inputs_array",
}
RECORD_FIELDS = {
    "id",
    "userId",
    "authorId",
    "ownerId",
    "createdAt",
    "updatedAt",
    "name",
    "shortDescription",
    "type",
    "privacy",
    "capabilities",
    "source",
    "status",
    "trainingProgress",
    "parameters",
    "trainingImagesNumber",
    "trainingImagePairs",
    "tags",
    "collectionIds",
    "exampleAssetIds",
    "custom",
    "accessRestrictions",
}
# Real records carry select labels for inputs that no longer exist; the demo keeps one.
STALE_SELECTS = {"model_demo-atelier-3d": {"aiModel"}}
by_id = pytest.mark.parametrize("record", CATALOG, ids=[record["id"] for record in CATALOG])


def test_one_file_per_model_named_after_its_id() -> None:
    file_names = sorted(path.stem for path in DEMO_CATALOG_DIR.glob("*.json"))
    assert file_names == [record["id"] for record in CATALOG]
    assert all(record["id"].startswith("model_demo-") for record in CATALOG)


def test_files_are_two_space_indented() -> None:
    for path in DEMO_CATALOG_DIR.glob("*.json"):
        assert path.read_text(encoding="utf-8").startswith('{\n  "model": {\n    "id"'), path.name


@by_id
def test_record_carries_the_fields_of_real_records(record: Record) -> None:
    assert set(record) >= RECORD_FIELDS
    assert record["createdAt"] <= record["updatedAt"]
    assert record["custom"] is (record["type"] == "custom")
    assert ("inputs" in record) is (record["type"] == "custom")


@by_id
def test_inputs_are_well_formed(record: Record) -> None:
    for model_input in all_inputs(record):
        assert {"name", "type", "label", "description", "costImpact"} <= set(model_input)
        assert isinstance(model_input["costImpact"], bool)
        if model_input["type"] == "inputs_array":
            assert model_input["inputs"], model_input["name"]
        _assert_default_is_allowed(model_input)
    for inputs in input_lists(record):
        names = [model_input["name"] for model_input in inputs]
        assert len(names) == len(set(names)), names


@by_id
def test_groups_are_consecutive(record: Record) -> None:
    for inputs in input_lists(record):
        groups = [model_input["group"] for model_input in inputs if "group" in model_input]
        runs = [group for group, _ in itertools.groupby(groups)]
        assert len(runs) == len(set(runs)), runs


@by_id
def test_rules_name_declared_inputs(record: Record) -> None:
    for inputs in input_lists(record):
        declared = {model_input["name"] for model_input in inputs}
        for model_input in inputs:
            rules = model_input.get("required", {})
            named = {
                *rules.get("ifDefined", {}),
                *rules.get("ifNotDefined", {}),
                *rules.get("conditionalValues", {}),
                *rules.get("conditional", {}).get("values", {}),
            }
            assert named <= declared, (model_input["name"], named - declared)
            messages = [
                *rules.get("ifDefined", {}).values(),
                *rules.get("ifNotDefined", {}).values(),
            ]
            assert all(message["message"].endswith(".") for message in messages)


@by_id
def test_ui_config_names_declared_inputs(record: Record) -> None:
    ui_config = record.get("uiConfig", {})
    inputs = {model_input["name"]: model_input for model_input in record.get("inputs", [])}
    named = {
        *ui_config.get("inputProperties", {}),
        *(field for group in ui_config.get("presets", []) for field in group["fields"]),
    }
    for component, keys in (
        ("lorasComponent", ("modelInput", "scaleInput", "modelIdInput")),
        ("resolutionComponent", ("widthInput", "heightInput")),
        ("triggerGenerate", ("after",)),
    ):
        named |= {ui_config[component][key] for key in keys if key in ui_config.get(component, {})}
    assert named <= set(inputs), named - set(inputs)
    stale = set(ui_config.get("selects", {})) - set(inputs)
    assert stale == STALE_SELECTS.get(record["id"], set())
    for name, labels in ui_config.get("selects", {}).items():
        if name in inputs:
            allowed = {select_key(value) for value in inputs[name]["allowedValues"]}
            assert set(labels) <= allowed, (name, set(labels) - allowed)


@by_id
def test_presets_hold_values_of_their_fields(record: Record) -> None:
    ui_config = record.get("uiConfig", {})
    for group in ui_config.get("presets", []):
        for values in group["presets"].values():
            assert set(values) == set(group["fields"])
    resolution = ui_config.get("resolutionComponent")
    if resolution:
        for preset in resolution["presets"]:
            assert set(preset) in ({"label"}, {"label", "width", "height"}), preset
            assert preset.get("width", 0) % 16 == preset.get("height", 0) % 16 == 0


def _assert_default_is_allowed(model_input: dict[str, Any]) -> None:
    if "default" not in model_input:
        return
    default, name = model_input["default"], model_input["name"]
    if "allowedValues" in model_input:
        values = default if isinstance(default, list) else [default]
        assert set(values) <= set(model_input["allowedValues"]), name
    if model_input["type"] == "number":
        assert model_input.get("min", default) <= default <= model_input.get("max", default), name

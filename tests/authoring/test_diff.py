"""Structural and text differences between two definitions."""

from __future__ import annotations

import json
from typing import Any

from scenario_ui.authoring.diff import DiffLine, FieldChange, structural_diff, text_diff

BEFORE: dict[str, Any] = {
    "id": "model_a",
    "name": "Lumen",
    "inputs": [
        {"name": "prompt", "type": "string", "required": {"always": True}},
        {"name": "mask", "type": "file", "label": "Mask"},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 28},
        {"name": "seed", "type": "number"},
    ],
    "uiConfig": {"selects": {"mode": {"a": "A"}}},
}


def after(**changes: Any) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps({**BEFORE, **changes}))
    return copied


def test_the_same_definition_has_no_changes() -> None:
    assert structural_diff(BEFORE, {"model": BEFORE}).is_empty


def test_inputs_added_removed_and_changed_field_by_field() -> None:
    new = after()
    new["inputs"][2]["default"] = 30
    new["inputs"][2].pop("min")
    new["inputs"][2]["step"] = 1
    new["inputs"].pop(3)
    new["inputs"].append(
        {"name": "note", "type": "string", "required": {"ifDefined": {"mask": {}}}}
    )

    diff = structural_diff(BEFORE, new)

    assert [(c.name, c.kind) for c in diff.inputs] == [
        ("steps", "changed"),
        ("note", "added"),
        ("seed", "removed"),
    ]
    assert diff.inputs[0].fields == [
        FieldChange("/min", "1", ""),
        FieldChange("/default", "28", "30"),
        FieldChange("/step", "", "1"),
    ]
    assert [f.kind for f in diff.inputs[0].fields] == ["removed", "changed", "added"]
    assert diff.inputs[1].rule_after == "Required when Mask is set."


def test_rule_changes_are_in_plain_words() -> None:
    new = after()
    new["inputs"][1]["required"] = {"ifDefined": {"prompt": {}}}

    [change] = structural_diff(BEFORE, new).rule_changes

    assert (change.name, change.rule_before, change.rule_after) == (
        "mask",
        "Optional.",
        "Required when prompt is set.",
    )
    assert change.fields == [FieldChange("/required", "", '{"ifDefined": {"prompt": {}}}')]


def test_ui_config_and_other_fields_by_path() -> None:
    diff = structural_diff(
        BEFORE,
        after(name="Lumen XL", uiConfig={"selects": {"mode": {"a": "Auto"}}, "presets": []}),
    )

    assert diff.ui_config == [
        FieldChange("/uiConfig/selects/mode/a", '"A"', '"Auto"'),
        FieldChange("/uiConfig/presets", "", "[]"),
    ]
    assert diff.other == [FieldChange("/name", '"Lumen"', '"Lumen XL"')]


def test_a_new_order_is_noticed_and_json_types_matter() -> None:
    new = after()
    new["inputs"] = [new["inputs"][1], new["inputs"][0], *new["inputs"][2:]]
    new["inputs"][2]["default"] = 28.0

    diff = structural_diff(BEFORE, new)

    assert diff.reordered
    assert diff.inputs[0].fields == [FieldChange("/default", "28", "28.0")]


def test_text_diff_numbers_both_sides_and_skips_far_unchanged_lines() -> None:
    before = "\n".join(f"line {n}" for n in range(1, 21))
    changed = before.replace("line 3", "line three").replace("line 18", "line eighteen")

    lines = text_diff(before, changed)

    assert DiffLine("removed", "line 3", before_number=3) in lines
    assert DiffLine("added", "line three", after_number=3) in lines
    assert DiffLine("same", "line 6", 6, 6) in lines
    assert DiffLine("gap", "…") in lines
    assert all(line.text != "line 10" for line in lines)
    assert text_diff(before, before) == []

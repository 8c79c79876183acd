"""The demo catalog, taken as a whole, exercises every feature a model form must handle.

Coverage is computed from the files, so removing the last example of a feature fails here.
"""

from __future__ import annotations

from collections import Counter

from tests.sandbox.catalog_walk import all_inputs, demo_records, generators, select_key, ui_configs

CATALOG = demo_records()
INPUTS = [model_input for record in CATALOG for model_input in all_inputs(record)]
RULES = [model_input["required"] for model_input in INPUTS if "required" in model_input]
UI_CONFIGS = ui_configs(CATALOG)
KNOWN_INPUT_TYPES = {
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


def test_every_input_type_and_an_unknown_one() -> None:
    types = {model_input["type"] for model_input in INPUTS}
    assert types >= KNOWN_INPUT_TYPES
    assert types - KNOWN_INPUT_TYPES, "no input of an unknown type"


def test_every_input_field() -> None:
    fields = {field for model_input in INPUTS for field in model_input}
    assert fields >= {
        "allowedValues",
        "min",
        "max",
        "step",
        "minLength",
        "maxLength",
        "prompt",
        "promptSpark",
        "color",
        "placeholder",
        "hint",
        "group",
        "kind",
        "maxSize",
        "maxDuration",
        "minDuration",
        "backgroundBehavior",
        "maskFrom",
        "parent",
        "modelTypes",
        "default",
        "inputs",
    }


def test_allowed_values_of_every_shape() -> None:
    string_values = [v for i in INPUTS for v in i.get("allowedValues", []) if isinstance(v, str)]
    numbers = [v for i in INPUTS for v in i.get("allowedValues", []) if not isinstance(v, str)]
    assert string_values
    assert any(isinstance(value, float) and not value.is_integer() for value in numbers)
    auto_labelled = {
        name
        for config in UI_CONFIGS
        for name, labels in config.get("selects", {}).items()
        if labels.get("-1") == "Auto"
    }
    assert any(-1 in i.get("allowedValues", []) and i["name"] in auto_labelled for i in INPUTS)


def test_numeric_steps_and_kinds() -> None:
    steps = {model_input["step"] for model_input in INPUTS if "step" in model_input}
    assert steps >= {1, 16, 0.01, 0.05, 0.25}
    kinds = {model_input["kind"] for model_input in INPUTS if "kind" in model_input}
    assert kinds >= {"image", "video", "audio", "3d", "text"}
    behaviours = {i["backgroundBehavior"] for i in INPUTS if "backgroundBehavior" in i}
    assert behaviours == {"opaque", "transparent"}


def test_a_model_with_a_prompt_and_a_negative_prompt() -> None:
    prompt_counts = [
        sum(1 for i in record.get("inputs", []) if i.get("prompt") and i["type"] == "string")
        for record in CATALOG
    ]
    assert max(prompt_counts) >= 2
    assert any(i.get("prompt") and i["type"] == "string_array" for i in INPUTS)


def test_cost_impacting_inputs() -> None:
    costly = {model_input["name"] for model_input in INPUTS if model_input["costImpact"]}
    assert costly >= {"numOutputs", "duration", "quality"}


def test_about_forty_percent_of_inputs_lack_a_default() -> None:
    without_default = sum(1 for model_input in INPUTS if "default" not in model_input)
    assert 0.3 <= without_default / len(INPUTS) <= 0.5


def test_every_required_rule_form() -> None:
    forms = Counter(form for rules in RULES for form in rules)
    assert set(forms) == {
        "always",
        "ifDefined",
        "ifNotDefined",
        "conditionalValues",
        "conditional",
        "when",
    }
    assert {rules["always"] for rules in RULES if "always" in rules} == {True}
    operators = {rules["conditional"]["operator"] for rules in RULES if "conditional" in rules}
    assert operators == {"and", "or"}
    assert any(len(rules["conditional"]["values"]) > 1 for rules in RULES if "conditional" in rules)


def test_if_not_defined_rules_come_in_mirrored_pairs() -> None:
    for record in CATALOG:
        inputs = {i["name"]: i for i in all_inputs(record)}
        for name, model_input in inputs.items():
            for other in model_input.get("required", {}).get("ifNotDefined", {}):
                assert name in inputs[other]["required"]["ifNotDefined"], (record["id"], name)
    assert any("ifNotDefined" in rules for rules in RULES)


def test_when_rules_may_name_an_implied_mode() -> None:
    conditions = [rules["when"] for rules in RULES if "when" in rules]
    assert {"inferenceType"} == {key for condition in conditions for key in condition}


def test_every_ui_config_key() -> None:
    keys = {key for config in UI_CONFIGS for key in config}
    assert keys == {
        "selects",
        "resolutionComponent",
        "lorasComponent",
        "presets",
        "triggerGenerate",
        "inputProperties",
        "outputProperties",
    }
    assert len(UI_CONFIGS) < len(generators(CATALOG)), "every generator has a uiConfig"


def test_selects_label_some_values_out_of_order() -> None:
    partial = reordered = False
    for record in CATALOG:
        inputs = {i["name"]: i for i in record.get("inputs", [])}
        for name, labels in record.get("uiConfig", {}).get("selects", {}).items():
            if name not in inputs:
                continue
            allowed = [select_key(value) for value in inputs[name]["allowedValues"]]
            partial |= set(labels) < set(allowed)
            reordered |= list(labels) != [value for value in allowed if value in labels]
    assert partial
    assert reordered


def test_component_variants() -> None:
    presets = [p for c in UI_CONFIGS for p in c.get("resolutionComponent", {}).get("presets", [])]
    assert any(set(preset) == {"label"} for preset in presets)
    loras = [config["lorasComponent"] for config in UI_CONFIGS if "lorasComponent" in config]
    assert {"modelIdInput" in component for component in loras} == {True, False}
    triggers = [config["triggerGenerate"] for config in UI_CONFIGS if "triggerGenerate" in config]
    assert any(trigger.get("position") == "top" for trigger in triggers)
    assert any("after" in trigger for trigger in triggers)
    assert all(not {"after", "position"} <= set(trigger) for trigger in triggers)
    collapsed = [p for c in UI_CONFIGS for p in c.get("inputProperties", {}).values()]
    assert {"collapsed": True} in collapsed
    outputs = [p for c in UI_CONFIGS for p in c.get("outputProperties", {}).values()]
    assert outputs
    assert all(set(output) == {"label"} for output in outputs)

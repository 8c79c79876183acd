from __future__ import annotations

from scenario_ui.forms.live import SHOWN, LiveChange, live_change, parse_shown
from scenario_ui.forms.validation import evaluate
from scenario_ui.forms.values import values_from_data
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import make_definition

DEFINITION = make_definition(
    [
        {"name": "prompt", "type": "string", "required": {"always": True}},
        {"name": "steps", "type": "number", "min": 1, "max": 50},
        {"name": "guidance", "type": "number", "min": 0, "max": 10},
        {
            "name": "image",
            "type": "file",
            "required": {"ifDefined": {"mask": {"message": "An image is needed for a mask."}}},
        },
        {"name": "mask", "type": "file"},
        {"name": "hdr", "type": "boolean"},
        {
            "name": "keyframes",
            "type": "inputs_array",
            "inputs": [{"name": "seconds", "type": "number", "max": 20}],
        },
    ]
)


def change(
    data: dict[str, list[str]], shown: str = "", definition: ModelDefinition = DEFINITION
) -> LiveChange:
    state = evaluate(definition, values_from_data(definition, data))
    return live_change(state, parse_shown(shown))


def test_parse_shown() -> None:
    assert SHOWN == "__shown"
    assert parse_shown("") == set()
    assert parse_shown("  prompt   steps\tmask\n") == {"prompt", "steps", "mask"}


def test_an_untouched_required_input_waits_for_submit() -> None:
    result = change({"prompt": [""]})
    assert result == LiveChange(shown=[], refreshed=[], required=["prompt"])
    assert result.invalid == []


def test_a_touched_input_with_an_issue_shows_it() -> None:
    result = change({"steps": ["99"], "guidance": ["3"]})
    assert result == LiveChange(shown=["steps"], refreshed=["steps"], required=["prompt"])
    assert result.invalid == ["steps"]


def test_text_that_is_not_a_value_counts_as_touched() -> None:
    result = change({"steps": ["many"]})
    assert result.shown == ["steps"]


def test_a_shown_message_is_refreshed_and_cleared_when_fixed() -> None:
    result = change({"steps": ["10"], "prompt": [""]}, shown="steps prompt")
    # prompt was shown (after a submit): it keeps its message even though it is untouched.
    assert result == LiveChange(
        shown=["prompt"], refreshed=["prompt", "steps"], required=["prompt"]
    )
    assert result.invalid == ["prompt"]


def test_names_the_model_does_not_declare_are_ignored() -> None:
    result = change({"steps": ["10"]}, shown="ghost __resolution")
    assert (result.shown, result.refreshed) == ([], [])


def test_lists_follow_definition_order() -> None:
    result = change({"steps": ["0"], "prompt": ["x"], "guidance": ["11"]}, shown="guidance steps")
    assert result.shown == ["steps", "guidance"]
    assert result.refreshed == ["steps", "guidance"]


def test_required_follows_the_rules_on_every_update() -> None:
    assert change({"mask": ["asset_mask"]}).required == ["prompt", "image"]
    assert change({"mask": [""]}).required == ["prompt"]


def test_a_rule_made_requirement_shows_only_once_touched_or_shown() -> None:
    assert change({"mask": ["asset_mask"]}).shown == []
    assert change({"mask": ["asset_mask"]}, shown="image").shown == ["image"]


def test_rows_of_an_inputs_array_count_as_touched() -> None:
    result = change({"keyframes.0.seconds": ["30"]})
    assert result.shown == ["keyframes"]
    assert result.invalid == ["keyframes"]


def test_a_false_checkbox_is_touched_but_valid() -> None:
    result = change({"hdr": ["false"]})
    assert (result.shown, result.invalid) == ([], [])

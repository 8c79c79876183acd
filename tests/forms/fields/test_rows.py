"""inputs_array rows are full forms: defaults, groups, required markers and every rule form,
evaluated per row against that row's values, with the message at the row's field.

The definition follows a real video-editing record's two row inputs (keyframes with a
"Timing" group, prompt images whose `positionType` defaults to "position").
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from scenario_ui.forms.payload import build_payload
from scenario_ui.forms.render import Moment, form_view
from scenario_ui.forms.validation import FormState, evaluate
from scenario_ui.forms.values import initial_values, values_from_data, values_from_json
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import make_definition
from tests.forms.html import Element, error_text, parse_html, posted_fields

IMAGE = {"name": "uri", "type": "file", "kind": "image", "label": "Image"}
KEYFRAMES = {
    "name": "keyframes",
    "type": "inputs_array",
    "label": "Keyframes",
    "maxLength": 5,
    "inputs": [
        {**IMAGE, "required": {"always": True}},
        {"name": "seconds", "type": "number", "label": "Seconds", "min": 0, "group": "Timing"},
        {
            "name": "at",
            "type": "number",
            "label": "Position",
            "min": 0,
            "max": 1,
            "step": 0.01,
            "group": "Timing",
            "required": {"ifNotDefined": {"seconds": {"message": "Give Seconds or Position."}}},
        },
    ],
}
PROMPT_IMAGES = {
    "name": "promptImage",
    "type": "inputs_array",
    "label": "Prompt Images",
    "maxLength": 5,
    "inputs": [
        {**IMAGE, "required": {"always": True}},
        {
            "name": "positionType",
            "type": "string",
            "label": "Position Type",
            "allowedValues": ["timestamp", "position"],
            "default": "position",
            "required": {"always": True},
        },
        {
            "name": "timestampSeconds",
            "type": "number",
            "label": "Timestamp Seconds",
            "min": 0,
            "default": 0,
            "group": "Position",
            "required": {"conditional": {"values": {"positionType": ["timestamp"]}}},
        },
        {
            "name": "positionPercentage",
            "type": "number",
            "label": "Position Percentage",
            "min": 0,
            "max": 1,
            "step": 0.01,
            "default": 0,
            "group": "Position",
        },
    ],
}


def definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "prompt", "type": "string", "required": {"always": True}},
            KEYFRAMES,
            PROMPT_IMAGES,
        ]
    )


def render(state_values: Any, moment: Moment = Moment.FIRST) -> Element:
    view = form_view(definition(), state_values, moment=moment)
    return parse_html(
        render_to_string("forms/model_form.html#form", {"form": view, "live_url": "/live/"})
    )


def posted(data: dict[str, list[str]]) -> FormState:
    return evaluate(definition(), values_from_data(definition(), data))


def messages(state: FormState) -> list[str]:
    return [issue.api_message for issue in state.all_issues()]


def test_a_new_row_is_pre_filled_with_its_defaults() -> None:
    root = render(initial_values(definition()))
    position_type = root.one("select", name="promptImage.0.positionType")
    options = [(o.get("value"), o.has("selected")) for o in position_type.find_all("option")]
    # Required with a value: no blank "Default" option that would then be refused.
    assert options == [("timestamp", False), ("position", True)]
    assert root.one("input", name="promptImage.0.timestampSeconds").get("value") == "0"


def test_a_row_holding_only_its_defaults_is_not_sent() -> None:
    fields = posted_fields(render(initial_values(definition())))
    state = posted({name: [value] for name, value in {**fields, "prompt": "p"}.items()})
    assert messages(state) == []
    assert build_payload(state) == {"prompt": "p"}


def test_a_row_with_only_an_image_is_valid_and_sent_with_its_defaults() -> None:
    fields = posted_fields(render(initial_values(definition())))
    data = {name: [value] for name, value in fields.items()}
    state = posted({**data, "prompt": ["p"], "promptImage.0.uri": ["asset_1"]})
    assert messages(state) == []
    assert build_payload(state)["promptImage"] == [
        {
            "uri": "asset_1",
            "positionType": "position",
            "timestampSeconds": 0,
            "positionPercentage": 0,
        }
    ]


def test_rows_given_as_json_get_their_defaults_too() -> None:
    state = evaluate(
        definition(), values_from_json(definition(), {"prompt": "p", "promptImage": [{"uri": "a"}]})
    )
    assert build_payload(state)["promptImage"] == [
        {"uri": "a", "positionType": "position", "timestampSeconds": 0, "positionPercentage": 0}
    ]


def test_every_rule_form_holds_per_row_against_that_rows_values() -> None:
    entries = {
        "prompt": "p",
        "keyframes": [{"uri": "a", "seconds": 2.5}, {"uri": "b"}, {"seconds": 1}],
        "promptImage": [{"uri": "c", "positionType": "timestamp"}, {"uri": "d"}],
    }
    state = evaluate(definition(), values_from_json(definition(), entries))
    assert messages(state) == [
        # ifNotDefined inside row 2 (row 1 has its seconds), always inside row 3.
        "Input keyframes row 2: Give Seconds or Position.",
        "Input keyframes row 3: Image is required",
    ]
    # conditional inside a row: row 1's timestamp default (0) fills the required field.
    assert state.values.values["promptImage"][0]["timestampSeconds"] == 0


def test_row_fields_show_their_groups_and_required_markers() -> None:
    root = render(initial_values(definition()))
    row = root.one(data_input="keyframes").one("li", class_="rows__row")
    assert [g.get("data-group") for g in row.find_all("fieldset", class_="group")] == ["Timing"]
    image = row.one("input", name="keyframes.0.uri")
    assert row.one(data_input="keyframes.0.uri").get("data-required") == "true"
    assert (image.get("aria-required"), image.has("required")) == ("true", True)
    # ifNotDefined: Position is required while the row has no Seconds.
    assert row.one(data_input="keyframes.0.at").get("data-required") == "true"
    assert row.one(data_input="keyframes.0.seconds").get("data-required") is None


def test_a_submitted_rows_messages_show_at_the_rows_fields() -> None:
    data = {
        "prompt": ["p"],
        "keyframes.0.uri": ["a"],
        "keyframes.0.seconds": ["1"],
        "keyframes.1.__row": ["1"],
        "keyframes.1.seconds": ["2"],
    }
    root = render(values_from_data(definition(), data), Moment.SUBMIT)
    assert error_text(root, "keyframes.1.uri") == "Is required."
    assert error_text(root, "keyframes.0.uri") == ""
    assert error_text(root, "keyframes") == "Row 2: Image is required."


def test_live_updates_carry_the_rows_required_fields() -> None:
    state = posted(
        {"keyframes.0.uri": ["a"], "keyframes.0.seconds": ["1"], "keyframes.1.__row": ["1"]}
    )
    assert "keyframes.1.at" in state.required_within
    assert "keyframes.0.at" not in state.required_within
    assert "keyframes.0.uri" in state.required_within


def test_an_added_row_is_pre_filled_too() -> None:
    data = {"promptImage.0.uri": ["a"], "__action": ["add:promptImage"]}
    values = values_from_data(definition(), data)
    assert values.raw["promptImage.1.positionType"] == ["position"]
    assert values.raw["promptImage.1.positionPercentage"] == ["0"]
    assert "promptImage.1.uri" not in values.raw

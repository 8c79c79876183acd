"""Widgets draw one input's controls from its bound state (see also test_render for whole forms)."""

from __future__ import annotations

from typing import Any

from scenario_ui.forms.bound import BoundInput, RenderOptions
from scenario_ui.forms.fields import Field, field_for
from scenario_ui.forms.fields.rows import InputsArrayField, RowsWidget
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.widgets import Option, Widget
from scenario_ui.forms.widgets.base import options_of
from scenario_ui.forms.widgets.controls import (
    CheckboxWidget,
    JsonWidget,
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberWidget,
    SelectWidget,
    TextWidget,
)
from scenario_ui.forms.widgets.files import FileWidget
from tests.forms.conftest import make_definition
from tests.forms.html import Element, parse_html

OPTIONS = RenderOptions(live_url="/live/", model_options_url="/options/")


def bind(
    spec: dict[str, Any],
    raw: dict[str, list[str]] | None = None,
    **options: Any,
) -> BoundInput:
    definition = make_definition([{"name": "value", "label": "Value", **spec}])
    return field_for(definition.inputs[0]).bind(raw or {}, **options)


def widget_of(bound: BoundInput) -> Widget:
    assert isinstance(bound.field, Field)
    return bound.field.widget


def control(bound: BoundInput) -> Element:
    return parse_html(bound.field.render_control(bound, OPTIONS))


def test_the_widget_shows_the_last_posted_text() -> None:
    bound = bind({"type": "string"}, {"value": ["first", "last"]})
    assert type(widget_of(bound)) is TextWidget
    assert widget_of(bound) is widget_of(bound)
    assert bound.value_text == "last"
    assert control(bound).one("input", name="value").get("value") == "last"


def test_the_value_is_blank_without_raw_data() -> None:
    bound = bind({"type": "number"})
    assert bound.value_text == ""
    assert control(bound).one("input", type="number").get("value") == ""
    assert type(widget_of(bound)) is NumberWidget


def test_a_checkbox_gets_the_posted_text() -> None:
    bound = bind({"type": "boolean"}, {"value": ["false", "true"]})
    assert type(widget_of(bound)) is CheckboxWidget
    assert bound.value_text == "true"
    assert control(bound).one("input", type="checkbox").has("checked") is True


def test_select_options_follow_allowed_values_with_labels_from_selects() -> None:
    bound = bind(
        {"type": "string", "allowedValues": ["canny", "depth", "pose", "tile"]},
        {"value": ["pose"]},
        # Labels in another order, one missing, one for a value that is not allowed.
        select_labels={"tile": "Tiles", "canny": "Canny edges", "ghost": "Ghost"},
    )
    assert type(widget_of(bound)) is SelectWidget
    assert options_of(bound) == [
        Option("canny", "Canny edges", selected=False),
        Option("depth", "depth", selected=False),
        Option("pose", "pose", selected=True),
        Option("tile", "Tiles", selected=False),
    ]


def test_numeric_options_use_string_keys_and_plain_numbers() -> None:
    bound = bind(
        {"type": "number", "allowedValues": [-1, 4, 23.976, 30.0]},
        {"value": ["-1"]},
        select_labels={"-1": "Auto", "23.976": "23.976 (film)"},
    )
    assert options_of(bound) == [
        Option("-1", "Auto", selected=True),
        Option("4", "4", selected=False),
        Option("23.976", "23.976 (film)", selected=False),
        Option("30", "30", selected=False),
    ]


def test_a_multiselect_marks_every_chosen_option_and_sizes_itself() -> None:
    bound = bind(
        {"type": "string_array", "allowedValues": ["a", "b", "c"]},
        {"value": ["c", "a"]},
    )
    assert type(widget_of(bound)) is MultiSelectWidget
    assert [(o.value, o.selected) for o in options_of(bound)] == [
        ("a", True),
        ("b", False),
        ("c", True),
    ]
    assert control(bound).one("select").get("size") == "3"


def test_multiselect_size_is_between_two_and_six() -> None:
    def size(count: int) -> int:
        values = [f"v{index}" for index in range(count)]
        return MultiSelectWidget().size(bind({"type": "string_array", "allowedValues": values}))

    assert [size(count) for count in (1, 2, 5, 6, 7, 20)] == [2, 2, 5, 6, 6, 6]
    assert MultiSelectWidget.most_rows_shown == 6


def attrs_of(element: Element) -> str:
    """The accessibility attributes of a control, as `BoundInput.control_attrs` writes them."""
    names = ("id", "aria-describedby", "required", "aria-required", "aria-invalid")
    return " ".join(f'{name}="{element.get(name)}"' for name in names if element.has(name))


def test_list_items_keep_blanks_and_only_the_first_keeps_the_input_id() -> None:
    bound = bind({"type": "string_array"}, {"value": ["a", "", "c"]})
    assert type(widget_of(bound)) is ListWidget
    items = control(bound).find_all("input", name="value")
    assert [item.get("value") for item in items] == ["a", "", "c"]
    assert [attrs_of(item) for item in items] == [
        'id="in-value" aria-describedby="in-value-error"',
        'id="in-value-1" aria-describedby="in-value-error"',
        'id="in-value-2" aria-describedby="in-value-error"',
    ]
    assert bound.control_attrs("-1") == 'id="in-value-1" aria-describedby="in-value-error"'


def test_an_empty_list_shows_one_empty_slot() -> None:
    items = control(bind({"type": "number_array"})).find_all("input", name="value")
    assert [item.get("value") for item in items] == [""]
    assert attrs_of(items[0]) == 'id="in-value" aria-describedby="in-value-error"'


def test_list_item_attrs_carry_requirement_and_issues() -> None:
    bound = bind(
        {"type": "string_array", "description": "Tags"},
        {"value": ["a", "b"]},
        requirement=Requirement(),
        issues=[Issue("value", "must be at most 1 items long")],
    )
    assert [attrs_of(item) for item in control(bound).find_all("input", name="value")] == [
        'id="in-value" aria-describedby="in-value-description in-value-error" required="" '
        'aria-required="true" aria-invalid="true"',
        'id="in-value-1" aria-describedby="in-value-description in-value-error" required="" '
        'aria-required="true" aria-invalid="true"',
    ]


def test_a_single_file_or_model_has_one_item() -> None:
    file_bound = bind({"type": "file", "kind": "image"}, {"value": ["asset_1", "asset_2"]})
    assert type(widget_of(file_bound)) is FileWidget
    assert [i.get("value") for i in control(file_bound).find_all("input", type="text")] == [
        "asset_2"
    ]
    model_bound = bind({"type": "model"})
    assert type(widget_of(model_bound)) is ModelPickerWidget
    assert [i.get("value") for i in control(model_bound).find_all("input", name="value")] == [""]


def test_file_and_model_arrays_list_every_item() -> None:
    files = control(bind({"type": "file_array"}, {"value": ["asset_1", "asset_2"]}))
    assert [i.get("value") for i in files.find_all("input", type="text")] == ["asset_1", "asset_2"]
    models = control(bind({"type": "model_array"}, {"value": ["model_a"]}))
    assert [i.get("value") for i in models.find_all("input", name="value")] == ["model_a"]


def test_rows_widget_gives_rows_with_bound_children() -> None:
    bound = bind(
        {
            "type": "inputs_array",
            "inputs": [
                {"name": "image", "type": "file", "label": "Image"},
                {"name": "weight", "type": "number"},
            ],
        },
        {"value.0.image": ["asset_1"], "value.3.weight": ["0.5"], "value.3.__row": ["1"]},
    )
    assert type(widget_of(bound)) is RowsWidget
    assert isinstance(bound.field, InputsArrayField)
    rows = bound.field.rows(bound.raw, show_issues=False)
    assert [row.marker for row in rows] == ["value.0.__row", "value.3.__row"]
    assert [[child.name for child in row.children] for row in rows] == [
        ["value.0.image", "value.0.weight"],
        ["value.3.image", "value.3.weight"],
    ]
    assert [[child.value_text for child in row.children] for row in rows] == [
        ["asset_1", ""],
        ["", "0.5"],
    ]


def test_json_widget_shows_the_text_as_typed() -> None:
    bound = bind({"type": "bezier"}, {"value": ['{"points": [0, 1]}']})
    assert type(widget_of(bound)) is JsonWidget
    assert bound.value_text == '{"points": [0, 1]}'
    assert control(bound).one("textarea").text == '{"points": [0, 1]}'

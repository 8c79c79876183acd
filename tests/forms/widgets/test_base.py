from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString

from scenario_ui.forms.bound import BoundInput, Option
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.widgets.base import (
    CheckboxWidget,
    FileWidget,
    Item,
    JsonWidget,
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberWidget,
    RowsWidget,
    SelectWidget,
    TextWidget,
)
from tests.forms.conftest import make_definition


def bind(
    spec: dict[str, Any],
    raw: dict[str, list[str]] | None = None,
    **options: Any,
) -> BoundInput:
    definition = make_definition([{"name": "value", "label": "Value", **spec}])
    return BoundInput(spec=definition.inputs[0], raw=raw or {}, **options)


def test_the_base_context_holds_the_bound_input_the_widget_and_the_last_value() -> None:
    bound = bind({"type": "string"}, {"value": ["first", "last"]})
    context = bound.widget_context
    assert set(context) == {"bound", "widget", "value"}
    assert context["bound"] is bound
    assert type(context["widget"]) is TextWidget
    assert context["widget"] is bound.widget
    assert context["value"] == "last"


def test_the_value_is_blank_without_raw_data() -> None:
    assert bind({"type": "number"}).widget_context["value"] == ""
    assert type(bind({"type": "number"}).widget) is NumberWidget


def test_a_checkbox_gets_the_posted_text() -> None:
    bound = bind({"type": "boolean"}, {"value": ["false", "true"]})
    assert type(bound.widget) is CheckboxWidget
    assert bound.widget_context["value"] == "true"


def test_select_options_follow_allowed_values_with_labels_from_selects() -> None:
    bound = bind(
        {"type": "string", "allowedValues": ["canny", "depth", "pose", "tile"]},
        {"value": ["pose"]},
        # Labels in another order, one missing, one for a value that is not allowed.
        select_labels={"tile": "Tiles", "canny": "Canny edges", "ghost": "Ghost"},
    )
    assert type(bound.widget) is SelectWidget
    assert bound.widget_context["options"] == [
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
    assert bound.widget_context["options"] == [
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
    context = bound.widget_context
    assert type(bound.widget) is MultiSelectWidget
    assert [(o.value, o.selected) for o in context["options"]] == [
        ("a", True),
        ("b", False),
        ("c", True),
    ]
    assert context["size"] == 3


def test_multiselect_size_is_between_two_and_six() -> None:
    def size(count: int) -> int:
        values = [f"v{index}" for index in range(count)]
        return int(bind({"type": "string_array", "allowedValues": values}).widget_context["size"])

    assert [size(count) for count in (1, 2, 5, 6, 7, 20)] == [2, 2, 5, 6, 6, 6]
    assert MultiSelectWidget.most_rows_shown == 6


def test_list_items_keep_blanks_and_only_the_first_keeps_the_input_id() -> None:
    bound = bind({"type": "string_array"}, {"value": ["a", "", "c"]})
    items = bound.widget_context["items"]
    assert type(bound.widget) is ListWidget
    assert [item.value for item in items] == ["a", "", "c"]
    assert [item.attrs for item in items] == [
        'id="in-value" aria-describedby="in-value-error"',
        'id="in-value-1" aria-describedby="in-value-error"',
        'id="in-value-2" aria-describedby="in-value-error"',
    ]
    assert all(isinstance(item.attrs, SafeString) for item in items)


def test_an_empty_list_shows_one_empty_slot() -> None:
    items = bind({"type": "number_array"}).widget_context["items"]
    assert items == [Item(value="", attrs=items[0].attrs)]
    assert items[0].attrs == 'id="in-value" aria-describedby="in-value-error"'


def test_list_item_attrs_carry_requirement_and_issues() -> None:
    bound = bind(
        {"type": "string_array", "description": "Tags"},
        {"value": ["a", "b"]},
        requirement=Requirement(),
        issues=[Issue("value", "must be at most 1 items long")],
    )
    assert [item.attrs for item in bound.widget_context["items"]] == [
        'id="in-value" aria-describedby="in-value-description in-value-error" required="" '
        'aria-required="true" aria-invalid="true"',
        'id="in-value-1" aria-describedby="in-value-description in-value-error" required="" '
        'aria-required="true" aria-invalid="true"',
    ]


def test_a_single_file_or_model_has_one_item() -> None:
    file_bound = bind({"type": "file", "kind": "image"}, {"value": ["asset_1", "asset_2"]})
    assert type(file_bound.widget) is FileWidget
    assert [item.value for item in file_bound.widget_context["items"]] == ["asset_2"]
    model_bound = bind({"type": "model"})
    assert type(model_bound.widget) is ModelPickerWidget
    assert [item.value for item in model_bound.widget_context["items"]] == [""]


def test_file_and_model_arrays_list_every_item() -> None:
    files = bind({"type": "file_array"}, {"value": ["asset_1", "asset_2"]}).widget_context
    assert [item.value for item in files["items"]] == ["asset_1", "asset_2"]
    models = bind({"type": "model_array"}, {"value": ["model_a"]}).widget_context
    assert [item.value for item in models["items"]] == ["model_a"]


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
    assert type(bound.widget) is RowsWidget
    rows = bound.widget_context["rows"]
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
    assert type(bound.widget) is JsonWidget
    assert bound.widget_context["value"] == '{"points": [0, 1]}'

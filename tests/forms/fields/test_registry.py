from __future__ import annotations

import pytest

from scenario_ui.forms.fields import Field, field_for
from scenario_ui.forms.fields.arrays import (
    FileArrayField,
    ModelArrayField,
    NumberArrayField,
    StringArrayField,
)
from scenario_ui.forms.fields.registry import FIELD_CLASSES
from scenario_ui.forms.fields.rows import InputsArrayField
from scenario_ui.forms.fields.scalars import (
    BooleanField,
    FileField,
    ModelField,
    NumberField,
    StringField,
    UnknownField,
)
from scenario_ui.schema import INPUT_TYPES
from tests.forms.conftest import make_definition


def test_every_input_type_has_a_field_class() -> None:
    assert sorted(FIELD_CLASSES) == sorted(INPUT_TYPES)
    for input_type, field_class in FIELD_CLASSES.items():
        assert field_class.input_type == input_type


@pytest.mark.parametrize(
    ("input_type", "field_class", "multiple"),
    [
        ("boolean", BooleanField, False),
        ("number", NumberField, False),
        ("string", StringField, False),
        ("file", FileField, False),
        ("model", ModelField, False),
        ("string_array", StringArrayField, True),
        ("number_array", NumberArrayField, True),
        ("file_array", FileArrayField, True),
        ("model_array", ModelArrayField, True),
        ("inputs_array", InputsArrayField, True),
    ],
)
def test_field_for_each_type(input_type: str, field_class: type[Field], multiple: bool) -> None:
    definition = make_definition([{"name": "thing", "type": input_type}])
    field = field_for(definition.inputs[0])
    assert type(field) is field_class
    assert field.multiple is multiple
    assert field.name == "thing"
    assert field.spec is definition.inputs[0]


@pytest.mark.parametrize("input_type", ["bezier", "curve_array", "Number"])
def test_unknown_types_get_the_json_field(input_type: str) -> None:
    definition = make_definition([{"name": "thing", "type": input_type, "label": "Thing"}])
    field = field_for(definition.inputs[0])
    assert type(field) is UnknownField
    assert field.multiple is False


def test_field_for_takes_a_posted_name() -> None:
    definition = make_definition([{"name": "weight", "type": "number"}])
    field = field_for(definition.inputs[0], name="styles.4.weight")
    assert field.name == "styles.4.weight"
    assert field.spec.name == "weight"


def test_inputs_array_rows_get_fields_of_their_children() -> None:
    definition = make_definition(
        [
            {
                "name": "styles",
                "type": "inputs_array",
                "inputs": [
                    {"name": "style", "type": "string"},
                    {"name": "weight", "type": "number"},
                    {"name": "extra", "type": "bezier"},
                ],
            }
        ]
    )
    field = field_for(definition.inputs[0])
    assert isinstance(field, InputsArrayField)
    row = field.row_fields(2)
    assert [(type(child), child.name) for child in row] == [
        (StringField, "styles.2.style"),
        (NumberField, "styles.2.weight"),
        (UnknownField, "styles.2.extra"),
    ]

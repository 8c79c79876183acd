"""One registry: input type -> field class (and, through the field, its widget)."""

from __future__ import annotations

from scenario_ui.forms.fields.arrays import (
    FileArrayField,
    InputsArrayField,
    ModelArrayField,
    NumberArrayField,
    StringArrayField,
)
from scenario_ui.forms.fields.base import Field
from scenario_ui.forms.fields.scalars import (
    BooleanField,
    FileField,
    ModelField,
    NumberField,
    StringField,
    UnknownField,
)
from scenario_ui.schema import InputBase, UnknownInput

FIELD_CLASSES: dict[str, type[Field]] = {
    field_class.input_type: field_class
    for field_class in (
        BooleanField,
        NumberField,
        StringField,
        StringArrayField,
        NumberArrayField,
        FileField,
        FileArrayField,
        ModelField,
        ModelArrayField,
        InputsArrayField,
    )
}


def field_for(spec: InputBase, *, name: str | None = None) -> Field:
    if isinstance(spec, UnknownInput):
        return UnknownField(spec, name=name)
    return FIELD_CLASSES[spec.type](spec, name=name)

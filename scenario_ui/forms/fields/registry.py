"""One registry: input type -> its plug-in. Adding a type adds its class here."""

from __future__ import annotations

from scenario_ui.forms.fields.arrays import (
    FileArrayField,
    ModelArrayField,
    NumberArrayField,
    StringArrayField,
)
from scenario_ui.forms.fields.base import Field
from scenario_ui.forms.fields.rows import InputsArrayField
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
    """The plug-in of `spec`; an unknown type gets the JSON one rather than breaking the form."""
    field_class = UnknownField if isinstance(spec, UnknownInput) else FIELD_CLASSES[spec.type]
    return field_class(spec, name=name, fields=field_for)

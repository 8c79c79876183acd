"""A posted model form's fields, as many as its definition can post and no more.

Django refuses any POST of more than `DATA_UPLOAD_MAX_NUMBER_FIELDS` fields (set to a
ceiling); a model's form may carry up to what its definition's size allows, so a
definition of thousands of inputs still posts while a small form cannot be flooded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

from scenario_ui.forms.fields import FormData
from scenario_ui.schema import InputBase, InputsArrayInput, ModelDefinition

# What any form may send (Django's default limit), plus room per input for list items,
# rows and the form's own fields.
FIELDS_FOR_ANY_FORM = 1000
FIELDS_PER_INPUT = 20

# A posted form's files by field name, as `request.FILES` holds them (its `getlist`).
type FileData = Mapping[str, list[UploadedFile[bytes]]]


def field_limit(definition: ModelDefinition) -> int:
    ceiling: int = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return min(FIELDS_FOR_ANY_FORM + FIELDS_PER_INPUT * _count(definition.inputs), ceiling)


def form_data(request: HttpRequest, definition: ModelDefinition) -> FormData:
    """`request.POST` as the form engine reads it; a 400 past the definition's limit."""
    data = dict(request.POST.lists())
    sent = sum(len(values) for values in data.values())
    limit = field_limit(definition)
    if sent > limit:
        raise TooManyFieldsSent(f"The form sent {sent} fields; this model's form sends {limit}.")
    return data


def _count(inputs: Sequence[InputBase]) -> int:
    return sum(
        1 + (_count(spec.inputs) if isinstance(spec, InputsArrayInput) else 0) for spec in inputs
    )

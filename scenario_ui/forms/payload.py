"""The request body of `POST /generate/custom/{modelId}` for a valid form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.uploads import Upload
from scenario_ui.forms.validation import FormState

JsonObject = dict[str, Any]


class InvalidForm(ValueError):
    def __init__(self, state: FormState) -> None:
        super().__init__("The form has errors; no request body can be built.")
        self.state = state


class UnresolvedUpload(ValueError):
    """A chosen file was not turned into an asset id before the body was built."""


def build_payload(state: FormState) -> JsonObject:
    """Defined values in definition order, typed as the API expects.

    Empty optional inputs are left out; component choices were already mapped
    back onto their inputs when the values were read. Chosen files must have
    been replaced by asset ids (see `resolve_uploads`).
    """
    if not state.is_valid:
        raise InvalidForm(state)
    return _body(state, _refuse_upload)


def preview_payload(state: FormState) -> JsonObject:
    """The body as it stands, errors or not: a chosen file shows as "upload:<name>"."""
    return _body(state, str)


def payload_without_uploads(state: FormState) -> JsonObject:
    """The body with chosen files left out, for a cost estimate before any upload."""
    return _body(state, lambda upload: None)


def resolve_uploads(state: FormState, asset_ids: dict[Upload, str]) -> None:
    """Put each uploaded file's asset id where the file was chosen."""
    values = state.values.values
    for name, value in values.items():
        if isinstance(value, Upload):
            values[name] = asset_ids[value]
        elif isinstance(value, list):
            values[name] = [asset_ids[v] if isinstance(v, Upload) else v for v in value]


def _body(state: FormState, upload_as: Callable[[Upload], Any]) -> JsonObject:
    """Each input's plug-in writes its own value (`Field.to_payload`), in definition order."""
    values = state.values.values
    body: JsonObject = {}
    for name, one in plan_for(state.definition).field_named.items():
        if name not in values:
            continue
        value = one.to_payload(values[name], upload_as)
        if value is not None:
            body[name] = value
    return body


def _refuse_upload(upload: Upload) -> Any:
    raise UnresolvedUpload(f"{upload.filename} was not uploaded before building the request.")

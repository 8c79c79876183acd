"""A generation request checked the way the API checks it, before it is priced or run.

The form engine (`scenario_ui.forms`) does the input-by-input validation, so the sandbox
refuses a request with the same words the app shows next to the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from scenario_ui.forms import evaluate, values_from_json
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.records import find_model_record
from scenario_ui.sandbox.assets import require_assets, store_asset
from scenario_ui.sandbox.files import FileContent, file_from_data_url, is_data_url
from scenario_ui.sandbox.references import (
    FILE_INPUT_TYPES,
    Reference,
    check_model_references,
    references,
    replace_files,
)
from scenario_ui.schema import ModelDefinition, parse_definition

CUSTOM_MODEL_TYPE: Final = "custom"
# The real dry run refused values above a maximum and lists past their item limit, but
# priced a LoRA scale below its minimum and scales missing for some LoRAs: of the input
# checks, it runs only the upper limits.
UPPER_LIMIT_PHRASE: Final = "must be at most"


def custom_model(model_id: str) -> ModelDefinition:
    """The model to run: 404 when unknown, 400 when it is not a custom model."""
    record = find_model_record(model_id)
    if record.get("type") != CUSTOM_MODEL_TYPE:
        raise SandboxApiError(400, "Custom models only are supported for this endpoint")
    return parse_definition(record)


def check_dry_run(definition: ModelDefinition, body: Mapping[str, Any]) -> None:
    """What the real dry run refuses; anything else gets priced."""
    state = evaluate(definition, values_from_json(definition, body))
    for issue in state.all_issues():
        if issue.phrase.startswith(UPPER_LIMIT_PHRASE):
            raise SandboxApiError(400, issue.api_message)
    check_model_references(definition.inputs, body)
    asset_ids = [
        ref.value for ref in _file_references(definition, body) if not is_data_url(ref.value)
    ]
    require_assets(asset_ids)


def accept_submission(definition: ModelDefinition, body: Mapping[str, Any]) -> dict[str, Any]:
    """The body to run, its data URLs stored as assets; the API's 400/404 when it is refused.

    Checked in this order: input names, each input in definition order, referenced models,
    referenced files. Nothing is stored unless every check passes; the caller runs this in
    the transaction that creates the job.
    """
    values = values_from_json(definition, body)
    if values.unknown_names:
        raise SandboxApiError(400, f"Unknown input(s): {', '.join(values.unknown_names)}")
    issues = evaluate(definition, values).all_issues()
    if issues:
        raise SandboxApiError(400, issues[0].api_message)
    check_model_references(definition.inputs, body)
    inline_files: dict[str, FileContent] = {}
    asset_ids = []
    for ref in _file_references(definition, body):
        if is_data_url(ref.value):
            inline_files[ref.value] = file_from_data_url(ref.value, ref.spec.name)
        else:
            asset_ids.append(ref.value)
    require_assets(asset_ids)
    stored_ids = {
        data_url: store_asset(file, source="uploaded").id for data_url, file in inline_files.items()
    }
    return replace_files(definition.inputs, body, lambda value: stored_ids.get(value, value))


def _file_references(definition: ModelDefinition, body: Mapping[str, Any]) -> list[Reference]:
    return list(references(definition.inputs, body, FILE_INPUT_TYPES))

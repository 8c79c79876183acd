"""Reading stored model records by id, trainings brought up to date first."""

from __future__ import annotations

from collections.abc import Sequence

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.serializers import list_row
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel
from scenario_ui.sandbox.trainings import sync_trainings


def find_model_record(model_id: str) -> JsonObject:
    sync_trainings([model_id])
    record: JsonObject | None = (
        SandboxModel.objects.filter(pk=model_id).values_list("record", flat=True).first()
    )
    if record is None:
        raise SandboxApiError(404, f"Model {model_id} not found")
    return record


def rows_in_requested_order(model_ids: Sequence[str]) -> list[JsonObject]:
    """List rows for `model_ids` in that order; unknown ids are skipped, repeats listed once."""
    sync_trainings(model_ids)
    stored = dict(SandboxModel.objects.filter(pk__in=model_ids).values_list("id", "record"))
    unique_ids = dict.fromkeys(model_ids)
    return [list_row(stored[model_id]) for model_id in unique_ids if model_id in stored]

"""Model records from files added to the sandbox: a model author's draft, a benchmark's
definitions. The app then shows them through the same SDK calls as the demo catalog.

A bare definition (`id` and `inputs`, say) lacks the catalog fields a stored record
needs; they get neutral defaults, and the timestamps stay put when a file is added
again unchanged, so only a real change looks like a new version of the model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.catalog import CatalogError, SeedSummary, record_problems, seed_sandbox
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel

# Catalog fields a definition may leave out; `name` defaults to the id.
RECORD_DEFAULTS: Final[JsonObject] = {
    "type": "custom",
    "privacy": "private",
    "status": "trained",
    "capabilities": [],
    "tags": [],
}


@dataclass(frozen=True)
class AddedModels:
    ids: list[str]
    summary: SeedSummary


def read_model_file(path: Path) -> JsonObject:
    """The model object of a `{"model": {...}}` record or a bare model saved as JSON."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogError(f"{path.name}: cannot be read ({error.strerror})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogError(f"{path.name}: invalid JSON ({error})") from error
    record = document.get("model", document) if isinstance(document, dict) else document
    if not isinstance(record, dict):
        raise CatalogError(f'{path.name}: expected a model object or {{"model": {{...}}}}')
    model_id = record.get("id")
    if not isinstance(model_id, str) or not model_id:
        raise CatalogError(f'{path.name}: the model needs an "id" (a non-empty string)')
    return record


def add_models(records: Sequence[JsonObject]) -> AddedModels:
    """Create or update a sandbox model per record, its missing catalog fields filled in.

    Raises CatalogError, naming the model, when a record still cannot be stored.
    """
    stored = SandboxModel.objects.in_bulk([str(record["id"]) for record in records])
    moment = clock.iso_timestamp(clock.now())
    completed = []
    for record in records:
        current = stored.get(str(record["id"]))
        full = completed_record(record, stored=current.record if current else None, now=moment)
        problems = record_problems(full)
        if problems:
            raise CatalogError(f"{full['id']}: {'; '.join(problems)}")
        completed.append(full)
    return AddedModels(
        ids=[str(record["id"]) for record in completed], summary=seed_sandbox(completed)
    )


def completed_record(record: JsonObject, *, stored: JsonObject | None, now: str) -> JsonObject:
    """`record` with defaults for the catalog fields it lacks.

    Missing timestamps keep the stored model's (creation always; the update time while
    nothing else changed), else they are `now`.
    """
    full: JsonObject = {**RECORD_DEFAULTS, "name": record["id"], **record}
    earlier = stored or {}
    if "createdAt" not in record:
        full["createdAt"] = earlier.get("createdAt", now)
    if "updatedAt" not in record:
        unchanged = stored is not None and _without_update_time(full) == _without_update_time(
            earlier
        )
        full["updatedAt"] = earlier.get("updatedAt", now) if unchanged else now
    return full


def _without_update_time(record: JsonObject) -> JsonObject:
    return {key: value for key, value in record.items() if key != "updatedAt"}

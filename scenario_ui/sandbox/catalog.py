"""The demo catalog: model records shipped with the app (demo_catalog/*.json), seeded into
the sandbox so the app works without Scenario credentials."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from django.db import transaction

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel
from scenario_ui.sandbox.vocabulary import (
    MODEL_CAPABILITIES,
    MODEL_PRIVACIES,
    MODEL_STATUSES,
    MODEL_TYPES,
)

DEMO_CATALOG_DIR: Final = Path(__file__).resolve().parent / "demo_catalog"


class CatalogError(Exception):
    """A catalog file that is not a usable model record; the message names the file."""


@dataclass(frozen=True)
class SeedSummary:
    created: int
    updated: int
    unchanged: int


def load_demo_catalog(directory: Path = DEMO_CATALOG_DIR) -> list[JsonObject]:
    """The model object of every `*.json` file in `directory`, ordered by file name."""
    return [read_catalog_file(path) for path in sorted(directory.glob("*.json"))]


def read_catalog_file(path: Path) -> JsonObject:
    """The model object of a `{"model": {...}}` file named after the model id."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CatalogError(f"{path.name}: invalid JSON ({error})") from error
    if not isinstance(document, dict) or list(document) != ["model"]:
        raise CatalogError(f'{path.name}: expected a single "model" key holding the record')
    record = document["model"]
    if not isinstance(record, dict):
        raise CatalogError(f'{path.name}: "model" must be a JSON object')
    problems = record_problems(record)
    if record.get("id") != path.stem:
        problems.append(f'id must match the file name: expected "{path.stem}"')
    if problems:
        raise CatalogError(f"{path.name}: {'; '.join(problems)}")
    return record


def record_problems(record: JsonObject) -> list[str]:
    """What keeps `record` from being stored and served as a Scenario model record."""
    try:
        SandboxModel.from_record(record)
    except ValueError as error:
        return [str(error)]
    problems = [
        *_vocabulary_problem(record, "type", MODEL_TYPES),
        *_vocabulary_problem(record, "privacy", MODEL_PRIVACIES),
        *_vocabulary_problem(record, "status", MODEL_STATUSES),
    ]
    capabilities = record.get("capabilities")
    if not isinstance(capabilities, list):
        problems.append("capabilities must be a list")
    else:
        unknown = [item for item in capabilities if item not in MODEL_CAPABILITIES]
        if unknown:
            problems.append(f"unknown capabilities {unknown}")
    if not isinstance(record.get("inputs", []), list):
        problems.append("inputs must be a list")
    if not isinstance(record.get("uiConfig", {}), dict):
        problems.append("uiConfig must be an object")
    return problems


def seed_sandbox(records: Sequence[JsonObject]) -> SeedSummary:
    """Create or update a sandbox row per record; rows of other models are left alone."""
    rows = [SandboxModel.from_record(record) for record in records]
    created = updated = 0
    with transaction.atomic():
        stored = SandboxModel.objects.in_bulk([row.id for row in rows])
        for row in rows:
            current = stored.get(row.id)
            if current is None:
                row.save(force_insert=True)
                created += 1
            elif current.record != row.record:
                row.save(force_update=True)
                updated += 1
    return SeedSummary(created=created, updated=updated, unchanged=len(rows) - created - updated)


def _vocabulary_problem(record: JsonObject, key: str, vocabulary: Sequence[str]) -> list[str]:
    value = record.get(key)
    if value in vocabulary:
        return []
    return [f'{key} "{value}" is not one of: {", ".join(vocabulary)}']

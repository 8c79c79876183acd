from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from scenario_ui.sandbox.json_types import JsonValue
from scenario_ui.sandbox.models import (
    SandboxModel,
    build_tag_index,
    new_asset_id,
    new_job_id,
    tag_lookup,
)
from tests.sandbox.factories import model_record, store


def test_from_record_derives_the_columns() -> None:
    record = model_record(
        "model_a",
        name="Alpha",
        type="flux.1-lora",
        privacy="private",
        status="new",
        createdAt="2025-02-03T11:19:41.579Z",
        updatedAt="2025-03-01T00:00:00+02:00",
        tags=["Flux", "Style"],
    )

    row = SandboxModel.from_record(record)

    assert (row.id, row.name, row.type, row.privacy, row.status) == (
        "model_a",
        "Alpha",
        "flux.1-lora",
        "private",
        "new",
    )
    assert row.created_at == datetime(2025, 2, 3, 11, 19, 41, 579000, tzinfo=UTC)
    assert row.updated_at == datetime(2025, 2, 28, 22, 0, tzinfo=UTC)
    assert row.tag_index == "\nflux\nstyle\n"
    assert row.record is record
    assert str(row) == "Alpha (model_a)"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "name must be a non-empty string, got ''"),
        ({"status": None}, "status must be a non-empty string, got None"),
        ({"createdAt": "yesterday"}, "createdAt must be an ISO 8601 date, got 'yesterday'"),
        (
            {"updatedAt": "2026-01-01T00:00:00"},
            "updatedAt must carry a time zone (e.g. a trailing Z), got '2026-01-01T00:00:00'",
        ),
        ({"tags": "flux"}, "tags must be a list of strings, got 'flux'"),
    ],
)
def test_from_record_rejects_records_without_usable_columns(
    fields: dict[str, JsonValue], message: str
) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        SandboxModel.from_record(model_record("model_a", **fields))


def test_tags_are_optional() -> None:
    record = model_record("model_a")
    del record["tags"]
    assert SandboxModel.from_record(record).tag_index == ""
    assert build_tag_index([]) == ""


@pytest.mark.django_db
def test_tag_lookup_matches_whole_tags_whatever_their_case() -> None:
    store(
        model_record("model_3d", tags=["3D", "Meshy"]),
        model_record("model_printing", tags=["3D printing"]),
    )
    matches = SandboxModel.objects.filter(tag_index__contains=tag_lookup("3d"))
    assert [row.id for row in matches] == ["model_3d"]


def test_new_ids_look_like_the_apis() -> None:
    job_id, asset_id = new_job_id(), new_asset_id()
    assert re.fullmatch(r"job_[A-Za-z0-9]{24}", job_id)
    assert re.fullmatch(r"asset_[A-Za-z0-9]{24}", asset_id)
    assert new_job_id() != job_id

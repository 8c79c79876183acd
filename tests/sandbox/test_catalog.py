from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenario_ui.sandbox.catalog import (
    CatalogError,
    SeedSummary,
    load_demo_catalog,
    read_catalog_file,
    record_problems,
    seed_sandbox,
)
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel
from tests.sandbox.factories import model_record, store


def write_catalog_file(directory: Path, name: str, document: object) -> Path:
    path = directory / f"{name}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_load_reads_every_file_in_name_order(tmp_path: Path) -> None:
    write_catalog_file(tmp_path, "model_b", {"model": model_record("model_b")})
    write_catalog_file(tmp_path, "model_a", {"model": model_record("model_a")})
    (tmp_path / "README.txt").write_text("not a record", encoding="utf-8")

    assert [record["id"] for record in load_demo_catalog(tmp_path)] == ["model_a", "model_b"]


def test_the_demo_catalog_loads() -> None:
    assert len(load_demo_catalog()) >= 12


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (model_record("model_a"), 'model_a.json: expected a single "model" key holding the record'),
        (
            {"model": [], "extra": 1},
            'model_a.json: expected a single "model" key holding the record',
        ),
        ({"model": "model_a"}, 'model_a.json: "model" must be a JSON object'),
        (
            {"model": model_record("model_other")},
            'model_a.json: id must match the file name: expected "model_a"',
        ),
        (
            {"model": model_record("model_a", name=7)},
            "model_a.json: name must be a non-empty string, got 7",
        ),
    ],
)
def test_read_rejects_files_that_are_not_a_record(
    tmp_path: Path, document: object, message: str
) -> None:
    path = write_catalog_file(tmp_path, "model_a", document)
    with pytest.raises(CatalogError) as raised:
        read_catalog_file(path)
    assert str(raised.value) == message


def test_read_rejects_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "model_a.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^model_a\.json: invalid JSON \("):
        read_catalog_file(path)


def test_record_problems_lists_values_outside_the_vocabularies() -> None:
    record = model_record(
        "model_a",
        type="sd-3",
        privacy="team",
        status="ready",
        capabilities=["txt2img", "txt2hologram"],
        inputs={},
        uiConfig=[],
    )
    problems = record_problems(record)
    assert problems[0].startswith('type "sd-3" is not one of: custom, elevenlabs-voice, flux.1,')
    assert problems[1:] == [
        'privacy "team" is not one of: private, public, unlisted',
        'status "ready" is not one of: copying, failed, new, trained, training, training-canceled',
        "unknown capabilities ['txt2hologram']",
        "inputs must be a list",
        "uiConfig must be an object",
    ]
    assert record_problems(model_record("model_a", capabilities="txt2img")) == [
        "capabilities must be a list"
    ]
    assert record_problems(model_record("model_a")) == []


@pytest.mark.django_db
def test_seed_creates_then_leaves_unchanged_then_updates() -> None:
    first = model_record("model_a")
    second = model_record("model_b")

    assert seed_sandbox([first, second]) == SeedSummary(created=2, updated=0, unchanged=0)
    assert seed_sandbox([first, second]) == SeedSummary(created=0, updated=0, unchanged=2)

    renamed: JsonObject = {**first, "name": "Renamed", "status": "failed"}
    assert seed_sandbox([renamed, second]) == SeedSummary(created=0, updated=1, unchanged=1)
    row = SandboxModel.objects.get(pk="model_a")
    assert (row.name, row.status, row.record) == ("Renamed", "failed", renamed)


@pytest.mark.django_db
def test_seed_leaves_models_outside_the_catalog_alone() -> None:
    store(model_record("model_user_made"))
    seed_sandbox([model_record("model_a")])
    assert set(SandboxModel.objects.values_list("id", flat=True)) == {"model_a", "model_user_made"}

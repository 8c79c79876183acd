from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from scenario_ui.sandbox.added_models import add_models, completed_record, read_model_file
from scenario_ui.sandbox.catalog import CatalogError
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel

NOW = "2026-01-02T03:04:05.000Z"
LATER = "2026-02-03T04:05:06.000Z"
DRAFT: JsonObject = {
    "id": "model_draft",
    "inputs": [{"name": "prompt", "type": "string", "required": {"always": True}}],
}


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def add(*paths: Path) -> str:
    output = StringIO()
    call_command("add_sandbox_models", *map(str, paths), stdout=output)
    return output.getvalue().strip()


def test_a_bare_definition_gets_neutral_catalog_fields() -> None:
    assert completed_record(DRAFT, stored=None, now=NOW) == {
        **DRAFT,
        "name": "model_draft",
        "type": "custom",
        "privacy": "private",
        "status": "trained",
        "capabilities": [],
        "tags": [],
        "createdAt": NOW,
        "updatedAt": NOW,
    }


def test_fields_the_record_has_are_kept() -> None:
    record: JsonObject = {**DRAFT, "name": "Draft", "privacy": "public", "updatedAt": NOW}

    completed = completed_record(record, stored=None, now=LATER)

    assert (completed["name"], completed["privacy"], completed["updatedAt"]) == (
        "Draft",
        "public",
        NOW,
    )
    assert completed["createdAt"] == LATER


def test_adding_the_same_file_again_keeps_its_timestamps() -> None:
    first = completed_record(DRAFT, stored=None, now=NOW)

    assert completed_record(DRAFT, stored=first, now=LATER) == first


def test_a_changed_definition_is_a_new_version() -> None:
    first = completed_record(DRAFT, stored=None, now=NOW)
    changed: JsonObject = {**DRAFT, "inputs": []}

    again = completed_record(changed, stored=first, now=LATER)

    assert (again["createdAt"], again["updatedAt"]) == (NOW, LATER)


@pytest.mark.parametrize("document", [DRAFT, {"model": DRAFT}])
def test_reads_a_record_or_a_bare_model(tmp_path: Path, document: object) -> None:
    assert read_model_file(write(tmp_path / "draft.json", document)) == DRAFT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "draft.json: invalid JSON (Expecting property name enclosed in double quotes"),
        ("[1]", 'draft.json: expected a model object or {"model": {...}}'),
        ('{"model": {"name": "x"}}', 'draft.json: the model needs an "id" (a non-empty string)'),
    ],
)
def test_unusable_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "draft.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CatalogError) as raised:
        read_model_file(path)
    assert str(raised.value).startswith(message)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"^absent.json: cannot be read \(No such file"):
        read_model_file(tmp_path / "absent.json")


@pytest.mark.django_db
def test_the_command_adds_then_finds_nothing_to_change(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.json", {"model": DRAFT})
    other = write(tmp_path / "other.json", {**DRAFT, "id": "model_other", "name": "Other"})

    assert add(draft, other) == (
        "Sandbox models model_draft, model_other: 2 created, 0 updated, 0 unchanged."
    )
    assert add(draft, other) == (
        "Sandbox models model_draft, model_other: 0 created, 0 updated, 2 unchanged."
    )
    stored = SandboxModel.objects.get(pk="model_draft")
    assert (stored.name, stored.type, stored.privacy, stored.status) == (
        "model_draft",
        "custom",
        "private",
        "trained",
    )
    assert stored.record["inputs"] == DRAFT["inputs"]


@pytest.mark.django_db
def test_an_edited_file_updates_its_model(tmp_path: Path) -> None:
    path = write(tmp_path / "draft.json", DRAFT)
    add(path)
    write(path, {**DRAFT, "name": "Renamed"})

    assert add(path) == "Sandbox models model_draft: 0 created, 1 updated, 0 unchanged."
    assert SandboxModel.objects.get(pk="model_draft").name == "Renamed"


@pytest.mark.django_db
def test_a_record_that_cannot_be_stored_adds_nothing(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", DRAFT)
    bad = write(tmp_path / "bad.json", {**DRAFT, "id": "model_bad", "status": "ready"})

    with pytest.raises(CommandError) as raised:
        add(good, bad)

    assert str(raised.value) == (
        'Nothing added to the sandbox: model_bad: status "ready" is not one of: copying, '
        "failed, new, trained, training, training-canceled"
    )
    assert not SandboxModel.objects.exists()


@pytest.mark.django_db
def test_added_models_are_served_like_the_demo_catalog(sdk_client) -> None:
    add_models([DRAFT])

    served = sdk_client.models.retrieve("model_draft").model

    assert (served.id, served.name, [item.name for item in served.inputs]) == (
        "model_draft",
        "model_draft",
        ["prompt"],
    )

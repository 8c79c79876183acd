from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scenario_ui.sandbox.catalog import CatalogError, load_demo_catalog
from scenario_ui.sandbox.models import SandboxModel

pytestmark = pytest.mark.django_db


def seed() -> str:
    output = StringIO()
    call_command("seed_sandbox", stdout=output)
    return output.getvalue().strip()


def test_seeding_twice_creates_each_demo_model_once() -> None:
    catalog = load_demo_catalog()
    count = len(catalog)

    assert seed() == (
        f"Sandbox seeded with {count} demo models: {count} created, 0 updated, 0 unchanged."
    )
    assert seed() == (
        f"Sandbox seeded with {count} demo models: 0 created, 0 updated, {count} unchanged."
    )
    stored = dict(SandboxModel.objects.values_list("id", "record"))
    assert stored == {record["id"]: record for record in catalog}


def test_seeding_restores_an_edited_demo_model() -> None:
    seed()
    SandboxModel.objects.filter(pk="model_demo-lumen-xl").update(record={"id": "edited"})
    assert ": 0 created, 1 updated, " in seed()


def test_an_invalid_catalog_stops_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_catalog() -> None:
        raise CatalogError("model_x.json: invalid JSON (Expecting value)")

    monkeypatch.setattr(
        "scenario_ui.sandbox.management.commands.seed_sandbox.load_demo_catalog", broken_catalog
    )
    with pytest.raises(CommandError) as raised:
        seed()
    assert str(raised.value) == (
        "Demo catalog not seeded: model_x.json: invalid JSON (Expecting value)"
    )
    assert not SandboxModel.objects.exists()

"""The bench's two definitions: read from the vendored anchor harness, added to the sandbox the
way `prepare` adds them, and rendered by the real model page with the rule the bench times."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from scenario_ui.benchmarks.definitions import DEFINITIONS, FLUX, SYNTHETIC_200, option_label, pick
from tests.forms.html import parse_html, wrapper

HTMX = {"HX-Request": "true"}


@pytest.fixture
def bench_models(db: None) -> None:
    paths = [str(definition.path) for definition in DEFINITIONS]
    call_command("add_sandbox_models", *paths, stdout=io.StringIO())


def test_the_definitions_are_the_anchor_harness_files() -> None:
    assert [(d.key, d.model_id, d.input_count) for d in DEFINITIONS] == [
        ("flux", "model_bfl-flux-1-dev", 17),
        ("synthetic-200", "model_synthetic-200", 200),
    ]
    assert FLUX.rule is None
    assert SYNTHETIC_200.rule is not None
    inputs = {spec["name"]: spec for spec in SYNTHETIC_200.record["inputs"]}
    assert inputs["cond16a"]["required"] == {
        "conditional": {"values": {"sel16": ["opt2"]}, "operator": "or"}
    }


def test_an_option_shows_its_select_label_else_its_value() -> None:
    record = {"uiConfig": {"selects": {"mode": {"a": "Option A"}}}}

    assert option_label(record, "mode", "a") == "Option A"
    assert option_label(record, "mode", "b") == "b"
    assert option_label({}, "mode", "a") == "a"
    assert option_label(SYNTHETIC_200.record, "sel16", "opt2") == "Option 2 (sel16)"


def test_definitions_are_picked_by_key() -> None:
    assert pick("synthetic-200, flux") == [SYNTHETIC_200, FLUX]
    with pytest.raises(ValueError, match="unknown definition x: choose from flux, synthetic-200"):
        pick("flux,x")


@pytest.mark.usefixtures("bench_models")
@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.key)
def test_the_model_page_renders_each_definition(signed_in: Client, definition) -> None:
    response = signed_in.get(f"/models/{definition.model_id}/")

    assert response.status_code == 200
    form = parse_html(response.content.decode()).one("form", id="model-form")
    assert wrapper(form, "prompt").get("data-required") == "true"


@pytest.mark.usefixtures("bench_models")
def test_the_timed_rule_marks_its_input_required_on_a_live_update(signed_in: Client) -> None:
    rule = SYNTHETIC_200.rule
    assert rule is not None
    page = signed_in.get(f"/models/{SYNTHETIC_200.model_id}/")
    form = parse_html(page.content.decode()).one("form", id="model-form")
    assert wrapper(form, rule.dependent).get("data-required") is None

    answer = signed_in.post(
        f"/models/{SYNTHETIC_200.model_id}/form/",
        {rule.controller: rule.value, "__shown": ""},
        headers={**HTMX, "HX-Trigger-Name": rule.controller},
    )

    assert answer.status_code == 200
    state = json.loads(answer["HX-Trigger"])["scenario:form-state"]
    assert rule.dependent in state["required"]

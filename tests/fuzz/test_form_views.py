"""Random form posts through every form view, on random definitions: never a 500.

Scenario is faked (each example serves its own definition); the views, templates,
form engine and gateway are the real ones, so an exception anywhere fails the test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import given, settings

from scenario_ui.training import FLUX_LORA
from scenario_ui.training.page import form_definition
from scenario_ui.web.attempts import TOKEN, new_token
from tests.fuzz.budget import examples
from tests.fuzz.strategies import NAMES, definitions, form_posts
from tests.generate.support import demo_definition, demo_record

MODEL = "model_fuzz"
MASCOT = "model_demo-my-mascot-flux"
HTMX = {"HX-Request": "true"}
TRAINING_FIELDS = form_definition(demo_definition(MASCOT), FLUX_LORA).input_names


@dataclass
class FakeScenario:
    """Answers like Scenario, with whatever definition the current example set."""

    record: Any = field(default_factory=dict)

    def answer(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "GET" and path.startswith("/v1/models/"):
            model_id = path.removeprefix("/v1/models/")
            body = demo_record(MASCOT) if model_id == MASCOT else {"model": self.record}
            return httpx.Response(200, text=json.dumps(body, allow_nan=True))
        if request.url.params.get("dryRun") == "true":
            return httpx.Response(269, json={"creativeUnitsCost": 12})
        return httpx.Response(200, json={"job": {"jobId": "job_fuzz", "status": "queued"}})


def served_as(record: Any) -> Any:
    """The model object Scenario answers for MODEL: the example's, under that id."""
    model = record.get("model", record) if isinstance(record, dict) else record
    return {**model, "id": MODEL} if isinstance(model, dict) else model


@pytest.fixture
def scenario(fake_api) -> FakeScenario:
    fake = FakeScenario()
    fake_api(fake.answer)
    return fake


def assert_no_server_error(response: Any, where: str) -> None:
    # 502 and 504 are the readable pages of a Scenario failure, not errors of ours.
    assert response.status_code != 500, f"{where}: {response.status_code}"


@settings(max_examples=examples(25))
@given(record=definitions(), data=form_posts(list(NAMES)))
def test_model_form_views_never_fail(
    signed_in: Client, scenario: FakeScenario, record: Any, data: dict[str, list[str]]
) -> None:
    cache.clear()  # Each example's definition, not a cached one.
    scenario.record = served_as(record)
    base = f"/models/{MODEL}/"
    assert_no_server_error(signed_in.get(base), "model page")
    assert_no_server_error(signed_in.post(f"{base}form/", data, headers=HTMX), "live update")
    assert_no_server_error(signed_in.post(f"{base}estimate/", data, headers=HTMX), "estimate")
    posted = {**data, TOKEN: [new_token()]}
    assert_no_server_error(signed_in.post(f"{base}generate/", posted), "generate")


@settings(max_examples=examples(25))
@given(data=form_posts(TRAINING_FIELDS))
def test_train_form_views_never_fail(
    signed_in: Client, scenario: FakeScenario, data: dict[str, list[str]]
) -> None:
    base = f"/models/{MASCOT}/train/"
    assert_no_server_error(signed_in.post(f"{base}form/", data, headers=HTMX), "train form")
    assert_no_server_error(signed_in.post(f"{base}review/", data), "review")
    assert_no_server_error(signed_in.post(f"{base}start/", data), "start")

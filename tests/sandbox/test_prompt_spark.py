"""`POST /generate/prompt` (Prompt Spark): deterministic completions, the API's refusals."""

from __future__ import annotations

import pytest
from django.test import Client

from scenario_ui.sandbox.prompt_spark import completed
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.http import answer, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def test_a_completion_keeps_the_prompt_and_adds_the_same_phrases_each_time(
    client: Client, frozen_clock: FrozenClock
) -> None:
    body = {"mode": "completion", "prompt": "a red fox", "modelId": "model_x", "numResults": 1}
    status, first = answer(post(client, "/generate/prompt", body))
    _, again = answer(post(client, "/generate/prompt", body))
    assert status == 200
    assert first["prompts"] == again["prompts"]
    [suggestion] = first["prompts"]
    assert suggestion.startswith("a red fox, ")
    assert len(suggestion.split(", ")) == 4
    assert first["job"]["status"] == "success"
    assert first["job"]["jobType"] == "generate-prompt"
    assert first["mode"] == "completion"


def test_phrases_already_written_are_not_added_twice() -> None:
    suggestion = completed("castle, soft volumetric light.", model_id="m", variant=0)
    assert suggestion.count("soft volumetric light") == 1
    assert suggestion.startswith("castle, soft volumetric light, ")


def test_several_results_differ() -> None:
    assert completed("a fox", model_id="m", variant=0) != completed(
        "a fox", model_id="m", variant=1
    )


def test_a_dry_run_answers_269_with_the_cost(client: Client) -> None:
    body = {"mode": "completion", "prompt": "a fox"}
    assert answer(post(client, "/generate/prompt?dryRun=true", body)) == (
        269,
        {"creativeUnitsCost": 1, "creativeUnitsDiscount": 0},
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"prompt": "a fox"}, "Invalid mode; expected one of: completion, contextual"),
        ({"mode": "inventive", "prompt": "a fox"}, 'Mode "inventive" is not available'),
        ({"mode": "completion"}, "Invalid prompt; expected a non-empty string"),
        ({"mode": "completion", "prompt": "  "}, "Invalid prompt; expected a non-empty string"),
    ],
)
def test_refusals_in_the_api_shape(client: Client, body: dict[str, str], reason: str) -> None:
    status, document = answer(post(client, "/generate/prompt", body))
    assert status == 400
    assert document["reason"].startswith(reason)

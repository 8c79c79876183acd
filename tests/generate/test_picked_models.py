"""Picked models checked with get-bulk before a submission or an estimate, in the API's words."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from scenario_ui.forms import values_from_json
from scenario_ui.generate import picked_models
from scenario_ui.generate.models import Generation
from scenario_ui.generate.picked_models import PickedModel, evaluate_with_picked_models
from scenario_ui.sandbox.models import SandboxJob
from scenario_ui.scenario.errors import ScenarioServerError
from scenario_ui.web.attempts import TOKEN, new_token
from tests.forms.html import error_text, parse_html
from tests.generate.support import LUMEN, demo_definition

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

COMPOSITION = "model_demo-composition-clockwork-tales"
LORA = "model_demo-lora-inkwash"


def submit(client: Client, **fields: object) -> Any:
    data = {"prompt": "a lighthouse", TOKEN: new_token(), **fields}
    return client.post(f"/models/{LUMEN}/generate/", data)


def test_an_unknown_lora_is_refused_at_its_input_before_sending(signed_in: Client) -> None:
    response = submit(signed_in, loras=["model_ghost"], lorasScale=["1"])
    assert response.status_code == 422
    assert (
        error_text(parse_html(response.content.decode()), "loras") == "Model model_ghost not found"
    )
    assert Generation.objects.count() == 0
    assert SandboxJob.objects.count() == 0


def test_a_composition_in_the_lora_list_is_refused_in_the_apis_words(signed_in: Client) -> None:
    response = submit(signed_in, loras=[LORA, COMPOSITION], lorasScale=["1", "1"])
    assert response.status_code == 422
    # The API's two lines (its "\n") read as one in the page's text.
    assert error_text(parse_html(response.content.decode()), "loras") == (
        f"Invalid model(s): {COMPOSITION}. Allowed model types: flux.1-lora"
    )
    assert SandboxJob.objects.count() == 0


def test_models_of_the_allowed_types_are_sent(signed_in: Client) -> None:
    response = submit(signed_in, loras=[LORA], lorasScale=["0.5"], modelId=[COMPOSITION])
    assert response.status_code == 302
    assert SandboxJob.objects.get().input["loras"] == [LORA]


def test_an_estimate_says_why_the_models_would_be_refused(signed_in: Client) -> None:
    response = signed_in.post(
        f"/models/{LUMEN}/estimate/", {"prompt": "p", "loras": [COMPOSITION], "lorasScale": ["1"]}
    )
    text = response.content.decode()
    assert "Estimate unavailable: Invalid model(s): model_demo-composition-clockwork-tales." in text
    assert "CU" not in text


def test_a_failed_get_bulk_leaves_the_models_to_the_api(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(model_ids: list[str]) -> dict[str, PickedModel]:
        raise ScenarioServerError("Scenario failed with HTTP 503.", status_code=503)

    monkeypatch.setattr(picked_models, "picked_models", broken)
    definition = demo_definition(LUMEN)
    values = values_from_json(definition, {"prompt": "p", "loras": ["model_ghost"]})
    assert evaluate_with_picked_models(definition, values).is_valid


def test_get_bulk_is_asked_once_and_only_for_a_form_otherwise_valid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[str]] = []

    def recording(model_ids: list[str]) -> dict[str, PickedModel]:
        asked.append(model_ids)
        return {}

    monkeypatch.setattr(picked_models, "picked_models", recording)
    definition = demo_definition(LUMEN)
    evaluate_with_picked_models(definition, values_from_json(definition, {"loras": ["a"]}))
    assert asked == []
    entries = {"prompt": "p", "loras": ["b", "a"], "modelId": "b"}
    evaluate_with_picked_models(definition, values_from_json(definition, entries))
    assert asked == [["a", "b"]]

"""The cost estimate: a dry run of what the form holds, never blocking a submit."""

from __future__ import annotations

import json

import httpx
import pytest
from django.test import Client

from scenario_ui.generate.estimate import EstimateAnswer, estimate_form
from scenario_ui.sandbox.models import SandboxJob
from scenario_ui.scenario.errors import ScenarioRateLimited
from scenario_ui.scenario.generation import CostEstimate
from tests.forms.html import parse_html
from tests.generate.support import LUMEN, api_calls, demo_definition, serving_models

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

ESTIMATE_URL = f"/models/{LUMEN}/estimate/"


def rate_limited(request: httpx.Request) -> httpx.Response:
    return httpx.Response(429, json={"reason": "Too many estimates", "actionName": "dry-run"})


def test_the_sandbox_estimates_the_form() -> None:
    answer = estimate_form(demo_definition(LUMEN), {"prompt": ["a lighthouse"]})
    assert answer == EstimateAnswer(
        estimate=CostEstimate(
            creative_units=8.0,
            discount=0.0,
            details={"custom-generation": 6.25, "quality-gate": 1.75},
        )
    )
    # A dry run starts nothing.
    assert SandboxJob.objects.count() == 0


def test_the_estimate_follows_the_image_count() -> None:
    definition = demo_definition(LUMEN)
    costs = [
        estimate_form(definition, {"prompt": ["p"], "numOutputs": [count]})
        for count in ("1", "2", "4")
    ]
    assert [answer.estimate.creative_units for answer in costs if answer.estimate] == [
        8.0,
        16.0,
        32.0,
    ]


def test_a_form_with_errors_is_still_estimated() -> None:
    answer = estimate_form(demo_definition(LUMEN), {"prompt": [""], "guidance": ["lots"]})
    assert answer.error is None
    assert answer.estimate is not None
    assert answer.estimate.creative_units == 8.0


def test_the_estimate_is_a_dry_run_of_the_body(fake_api) -> None:
    requests = fake_api(
        lambda request: httpx.Response(
            269, json={"creativeUnitsCost": 10.5, "creativeUnitsDiscount": 2}
        )
    )
    answer = estimate_form(demo_definition(LUMEN), {"prompt": ["p"], "numOutputs": ["3"]})
    assert answer == EstimateAnswer(
        estimate=CostEstimate(creative_units=10.5, discount=2.0, details={})
    )
    assert api_calls(requests) == [("POST", f"/v1/generate/custom/{LUMEN}")]
    assert requests[0].url.params["dryRun"] == "true"
    assert json.loads(requests[0].content) == {"prompt": "p", "numOutputs": 3}


def test_a_rate_limited_estimate_is_an_answer_with_the_error(fake_api) -> None:
    fake_api(rate_limited)
    answer = estimate_form(demo_definition(LUMEN), {"prompt": ["p"]})
    assert answer.estimate is None
    assert isinstance(answer.error, ScenarioRateLimited)
    assert (
        answer.error.message
        == "Scenario is rate-limiting us, retrying in 5 s (Too many estimates)."
    )
    assert answer.error.action_name == "dry-run"


# --- the partial ----------------------------------------------------------------------------


def test_the_partial_shows_the_estimate_and_follows_the_image_count(signed_in: Client) -> None:
    one = signed_in.post(ESTIMATE_URL, {"prompt": "p", "numOutputs": "1"})
    two = signed_in.post(ESTIMATE_URL, {"prompt": "p", "numOutputs": "2"})
    assert (one.status_code, two.status_code) == (200, 200)
    assert parse_html(one.content.decode()).text == "Estimated cost: 8 CU"
    assert parse_html(two.content.decode()).text == "Estimated cost: 16 CU"
    assert "<html" not in one.content.decode()


def test_the_partial_shows_a_discount(signed_in: Client, fake_api) -> None:
    fake_api(
        serving_models(
            lambda request: httpx.Response(
                269, json={"creativeUnitsCost": 10.25, "creativeUnitsDiscount": 1.5}
            )
        )
    )
    response = signed_in.post(ESTIMATE_URL, {"prompt": "p"})
    assert parse_html(response.content.decode()).text == "Estimated cost: 10.25 CU (discount 1.5)"


def test_a_rate_limited_estimate_says_it_is_unavailable(signed_in: Client, fake_api) -> None:
    requests = fake_api(serving_models(rate_limited))
    response = signed_in.post(ESTIMATE_URL, {"prompt": "p"})
    assert response.status_code == 200
    root = parse_html(response.content.decode())
    assert root.one("span", class_="cost-estimate__failed").text == (
        "Estimate unavailable: Scenario is rate-limiting us, retrying in 5 s (Too many estimates)."
    )
    # Not retried inside the request (a rate limit would only be hit again): the page asks
    # again once the wait is over.
    assert api_calls(requests) == [("POST", f"/v1/generate/custom/{LUMEN}")]
    retry = root.one("span", hidden="")
    assert (retry.get("hx-post"), retry.get("hx-trigger"), retry.get("hx-target")) == (
        ESTIMATE_URL,
        "load delay:5s",
        "#cost-estimate",
    )


def test_the_estimate_only_accepts_post(signed_in: Client) -> None:
    assert signed_in.get(ESTIMATE_URL).status_code == 405

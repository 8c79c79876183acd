"""The API tab's views: sandbox price, test run (htmx or plain post), polling, outputs."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from scenario_ui.authoring import drafts
from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.web.attempts import new_token
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db

MODEL = {
    "id": "model_t",
    "name": "T",
    "capabilities": ["txt2img"],
    "inputs": [
        {"name": "prompt", "type": "string", "label": "Prompt", "required": {"always": True}},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 28},
    ],
}
TEXT = json.dumps(MODEL)
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def instant_jobs(settings) -> None:
    settings.SANDBOX_JOB_SECONDS = 0.0


@pytest.fixture
def draft(user):
    return drafts.create_draft(owner=user, title="T", text=TEXT, note="")


def post_run(client: Client, draft, **data: str):
    fields = {"__definition": TEXT, "__token": new_token(), **data}
    return client.post(f"/studio/{draft.pk}/test-run/", fields, headers=HTMX)


def test_check_cost_answers_with_the_sandbox_price(signed_in, draft) -> None:
    answer = signed_in.post(f"/studio/{draft.pk}/cost/", {"__definition": TEXT, "prompt": "a"})
    broken = signed_in.post(f"/studio/{draft.pk}/cost/", {"__definition": "["})

    assert re.search(r"Sandbox price: <strong>[\d.]+ CU</strong>", answer.content.decode())
    assert broken.status_code == 422
    assert "Fix the JSON first." in broken.content.decode()


def test_a_test_run_answers_with_its_panel_and_a_fresh_token(signed_in, draft) -> None:
    token = new_token()
    response = signed_in.post(
        f"/studio/{draft.pk}/test-run/",
        {"__definition": TEXT, "__token": token, "prompt": "a lighthouse"},
        headers=HTMX,
    )

    body = response.content.decode()
    run = DraftTestRun.objects.get()
    assert response.status_code == 200
    assert 'id="studio-run-status"' in body
    assert "Succeeded" in body
    assert f"/studio/runs/{run.pk}/outputs/{run.asset_ids[0]}/" in body
    fresh = re.search(
        r'id="studio-run-token" name="__token" form="model-form" value="([^"]+)"', body
    )
    assert fresh is not None
    assert fresh.group(1) != token
    assert 'id="studio-runs" hx-swap-oob="true"' in body


def test_an_invalid_form_is_not_run_and_the_preview_shows_why(signed_in, draft) -> None:
    response = post_run(signed_in, draft, prompt="", steps="0")

    body = response.content.decode()
    assert response.status_code == 422
    assert "Nothing was run:</strong> the form has 2 problems" in body
    assert '<div id="studio-preview-form" hx-swap-oob="innerHTML">' in body
    assert 'class="error-summary"' in body
    assert not DraftTestRun.objects.exists()


def test_broken_json_is_not_run(signed_in, draft) -> None:
    response = signed_in.post(f"/studio/{draft.pk}/test-run/", {"__definition": "{"}, headers=HTMX)

    assert response.status_code == 422
    assert "fix the JSON first" in response.content.decode()


def test_the_generate_button_without_javascript_runs_and_comes_back(signed_in, draft) -> None:
    response = signed_in.post(
        f"/studio/{draft.pk}/test-run/",
        {"__definition": TEXT, "__token": new_token(), "prompt": "a cat"},
    )
    run = DraftTestRun.objects.get()

    assert response["Location"] == f"/studio/{draft.pk}/?run={run.pk}#panel-api"
    page = signed_in.get(f"/studio/{draft.pk}/?run={run.pk}").content.decode()
    assert 'id="studio-run-status"' in page
    refused = signed_in.post(
        f"/studio/{draft.pk}/test-run/", {"__definition": TEXT, "prompt": ""}, follow=True
    )
    assert "Nothing was run. Fix the form first: Prompt: Is required." in refused.content.decode()


def test_polling_stops_once_the_run_is_finished(signed_in, draft) -> None:
    post_run(signed_in, draft, prompt="a cat")
    run = DraftTestRun.objects.get()

    response = signed_in.get(f"/studio/runs/{run.pk}/")

    assert response.status_code == 286
    assert 'id="studio-runs" hx-swap-oob="true"' in response.content.decode()


def test_outputs_are_served_to_the_runs_owner_only(signed_in, draft) -> None:
    post_run(signed_in, draft, prompt="a cat")
    run = DraftTestRun.objects.get()
    output = f"/studio/runs/{run.pk}/outputs/{run.asset_ids[0]}/"

    response = signed_in.get(output)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert signed_in.get(f"/studio/runs/{run.pk}/outputs/asset_other/").status_code == 404
    other = Client()
    other.force_login(user_with_role("x", "member"))
    assert other.get(output).status_code == 404
    assert other.get(f"/studio/runs/{run.pk}/").status_code == 404


def test_with_real_credentials_nothing_of_a_draft_reaches_the_live_api(
    signed_in, draft, live_api_forbidden: list[str]
) -> None:
    """Every view a draft goes through, in live mode; building a live client fails the test."""
    base = f"/studio/{draft.pk}"
    assert signed_in.get(f"{base}/").status_code == 200
    edited = signed_in.post(
        f"{base}/definition/", {"__definition": TEXT, "__revision": "0"}, headers=HTMX
    )
    live = signed_in.post(f"{base}/preview/", {"__definition": TEXT, "prompt": "a cat"})
    cost = signed_in.post(f"{base}/cost/", {"__definition": TEXT, "prompt": "a cat"})
    run = post_run(signed_in, draft, prompt="a cat")
    test_run = DraftTestRun.objects.get()
    polled = signed_in.get(f"/studio/runs/{test_run.pk}/")
    output = signed_in.get(f"/studio/runs/{test_run.pk}/outputs/{test_run.asset_ids[0]}/")
    compared = signed_in.get(f"{base}/compare/", {"a": "v1", "b": "draft"})

    assert [r.status_code for r in (edited, live, cost, run, output, compared)] == [200] * 6
    assert polled.status_code == 286
    assert "Sandbox price" in cost.content.decode()
    assert live_api_forbidden == []

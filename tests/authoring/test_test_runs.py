"""Test runs of a draft: the sandbox only, once per token, followed to their outputs.

Every test runs with real credentials configured and a live client that fails the
test if anything builds it: nothing from a draft may reach the live API.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from scenario_ui.authoring import drafts, test_runs
from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.scenario import drafts as sandbox
from scenario_ui.scenario.errors import ScenarioNotFound, SubmissionUnknown
from scenario_ui.schema import parse_definition
from scenario_ui.web.attempts import TOKEN, new_token

pytestmark = pytest.mark.django_db

MODEL: dict[str, Any] = {
    "id": "model_draft",
    "name": "Draft model",
    "type": "custom",
    "capabilities": ["txt2img"],
    "inputs": [
        {"name": "prompt", "type": "string", "prompt": True, "required": {"always": True}},
        {"name": "image", "type": "file", "kind": "image"},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 20},
    ],
}
DEFINITION = parse_definition(MODEL)


@pytest.fixture(autouse=True)
def live_mode(live_api_forbidden: list[str]) -> list[str]:
    return live_api_forbidden


@pytest.fixture
def draft(user):
    return drafts.create_draft(owner=user, title="Draft", text=json.dumps(MODEL), note="")


def start(draft, user, data: dict[str, list[str]], files=None, token: str | None = None):
    posted = {TOKEN: [token or new_token()], **data}
    return test_runs.start_test_run(
        draft=draft, user=user, definition=DEFINITION, data=posted, files=files or {}
    )


def png_file(name: str = "ref.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 200, 10)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_run_goes_to_a_temporary_sandbox_model_and_to_its_outputs(draft, user, live_mode) -> None:
    outcome = start(draft, user, {"prompt": ["a lighthouse"], "steps": ["30"]})

    assert isinstance(outcome, test_runs.RunStarted)
    run = outcome.run
    draft.refresh_from_db()
    assert run.sandbox_model_id == draft.sandbox_model_id != ""
    assert run.request_body == {"prompt": "a lighthouse", "steps": 30}
    assert run.job_id.startswith("job_")
    assert test_runs.refresh_run(run) is None
    assert run.status == "success"
    [result] = test_runs.run_results(run)
    assert result.url == f"/studio/runs/{run.pk}/outputs/{run.asset_ids[0]}/"
    assert result.shows_as == "image"
    assert test_runs.run_output(run, run.asset_ids[0]).content.startswith(b"\x89PNG")
    assert live_mode == []


def test_the_same_token_never_runs_twice(draft, user) -> None:
    token = new_token()
    first = start(draft, user, {"prompt": ["a cat"]}, token=token)
    again = start(draft, user, {"prompt": ["a dog"]}, token=token)

    assert isinstance(first, test_runs.RunStarted)
    assert isinstance(again, test_runs.RunStarted)
    assert again.run == first.run
    assert DraftTestRun.objects.count() == 1


def test_a_second_run_updates_the_same_sandbox_model(draft, user) -> None:
    first = start(draft, user, {"prompt": ["a cat"]})
    second = start(draft, user, {"prompt": ["a dog"]})

    assert isinstance(first, test_runs.RunStarted)
    assert isinstance(second, test_runs.RunStarted)
    assert first.run.sandbox_model_id == second.run.sandbox_model_id


def test_an_invalid_form_sends_nothing_and_says_why(draft, user) -> None:
    outcome = start(draft, user, {"prompt": [""], "steps": ["99"]})

    assert isinstance(outcome, test_runs.RunInvalid)
    assert [(e.label, e.message) for e in outcome.form.summary] == [
        ("prompt", "Is required."),
        ("steps", "Must be at most 50."),
    ]
    draft.refresh_from_db()
    assert draft.sandbox_model_id == ""
    assert not DraftTestRun.objects.exists()


def test_a_sandbox_refusal_keeps_no_attempt(draft, user) -> None:
    outcome = start(draft, user, {"prompt": ["a cat"], "image": ["asset_missing"]})

    assert isinstance(outcome, test_runs.RunRefused)
    assert "asset_missing" in outcome.error.message
    assert not DraftTestRun.objects.exists()


def test_a_lost_answer_is_unknown_not_resent(draft, user, monkeypatch) -> None:
    def lost(model_id: str, body: dict[str, Any]):
        raise SubmissionUnknown("The answer never arrived.")

    monkeypatch.setattr(sandbox, "submit_draft_run", lost)

    outcome = start(draft, user, {"prompt": ["a cat"]})

    assert isinstance(outcome, test_runs.RunStarted)
    assert (outcome.run.status, outcome.run.error) == ("unknown", "The answer never arrived.")
    assert test_runs.refresh_run(outcome.run) is None  # no job id: nothing to read


def test_chosen_files_travel_inline_and_become_sandbox_assets(draft, user) -> None:
    outcome = start(draft, user, {"prompt": ["a cat"]}, files={"image__upload": [png_file()]})

    assert isinstance(outcome, test_runs.RunStarted)
    assert outcome.run.request_body["image"].startswith("data:image/png;base64,")
    test_runs.refresh_run(outcome.run)
    assert outcome.run.status == "success"


def test_check_cost_prices_the_draft_in_the_sandbox(draft, live_mode) -> None:
    answer = test_runs.check_cost(draft=draft, definition=DEFINITION, data={"prompt": ["a cat"]})

    assert answer.error is None
    assert answer.estimate is not None
    assert answer.estimate.creative_units > 0
    assert live_mode == []


def test_outputs_of_other_runs_are_not_served(draft, user) -> None:
    outcome = start(draft, user, {"prompt": ["a cat"]})
    assert isinstance(outcome, test_runs.RunStarted)

    with pytest.raises(ScenarioNotFound, match="not an output of this test run"):
        test_runs.run_output(outcome.run, "asset_other")

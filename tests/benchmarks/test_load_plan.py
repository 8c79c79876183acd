from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from scenario_ui.benchmarks.load_plan import LiveUpdate, LoadPlan

BODY = "csrfmiddlewaretoken=abc&__shown=&prompt=A+cat&steps=28&tags=a&tags=b"
HEADERS = {
    "content-type": "application/x-www-form-urlencoded",
    "cookie": "sessionid=s",
    "hx-request": "true",
    "hx-trigger": "model-form",
    "user-agent": "Chromium",
    "x-csrftoken": "abc",
}


def recorded() -> LiveUpdate:
    return LiveUpdate.recorded(path="/models/m/form/", headers=HEADERS, body=BODY, typed="prompt")


def test_a_recorded_update_keeps_the_headers_htmx_and_csrf_need() -> None:
    assert recorded().headers == {
        "content-type": "application/x-www-form-urlencoded",
        "hx-request": "true",
        "hx-trigger": "model-form",
        "x-csrftoken": "abc",
    }


def test_a_replay_changes_only_the_typed_field() -> None:
    body = recorded().body("A dog & a hat")

    assert parse_qsl(body, keep_blank_values=True) == [
        ("csrfmiddlewaretoken", "abc"),
        ("__shown", ""),
        ("prompt", "A dog & a hat"),
        ("steps", "28"),
        ("tags", "a"),
        ("tags", "b"),
    ]


def test_the_typed_field_must_be_in_the_recorded_body() -> None:
    with pytest.raises(ValueError, match="the recorded live update has no 'negativePrompt' field"):
        LiveUpdate.recorded(path="/", headers={}, body=BODY, typed="negativePrompt")


def test_a_plan_survives_its_file(tmp_path: Path) -> None:
    plan = LoadPlan(
        cookie_header="sessionid=s", catalog_path="/", model_path="/models/m/", live=recorded()
    )
    path = tmp_path / "plan.json"

    plan.save(path)

    assert LoadPlan.load(path) == plan


def test_the_mix_in_percent() -> None:
    plan = LoadPlan(cookie_header="", catalog_path="/", model_path="/m/", live=recorded())

    assert plan.mix_text() == "catalog page 10%, model page 20%, live update 70%"

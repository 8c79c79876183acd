"""The model page's form: definitions parsed once per version, the first form built once."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scenario_ui.forms.render import Moment
from scenario_ui.generate.form_page import default_form, load, render_model_form
from scenario_ui.scenario import gateway
from tests.forms.conftest import make_definition
from tests.forms.html import error_text, parse_html

RECORD: dict[str, Any] = {
    "id": "model_versions",
    "name": "Versions",
    "updatedAt": "2026-01-01T00:00:00Z",
    "inputs": [
        {"name": "prompt", "type": "string", "required": {"always": True}},
        {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 20},
    ],
}


@pytest.fixture
def served(fake_api: Any) -> dict[str, Any]:
    """The API's current record of `model_versions` (change it to publish a new version)."""
    current = {"record": dict(RECORD)}
    fake_api(lambda request: httpx.Response(200, json={"model": current["record"]}))
    return current


def test_a_definition_is_parsed_once_per_version(served: dict[str, Any]) -> None:
    first = load("model_versions")
    again = load("model_versions")
    assert again.definition is first.definition
    assert again.version == first.version

    served["record"] = {**RECORD, "name": "Versions, renamed", "updatedAt": "2026-02-01T00:00:00Z"}
    gateway.forget_model("model_versions")
    renamed = load("model_versions")
    assert renamed.definition is not first.definition
    assert renamed.definition.name == "Versions, renamed"


def test_the_first_form_is_built_once_per_version_and_base_url(served: dict[str, Any]) -> None:
    loaded = load("model_versions")
    form = default_form(loaded, base_url="http://a.test/sandbox/v1")
    assert default_form(loaded, base_url="http://a.test/sandbox/v1") is form
    assert default_form(loaded, base_url="http://b.test/sandbox/v1") is not form
    assert form.state.values.raw["steps"] == ["20"]
    assert "http://a.test/sandbox/v1/generate/custom/model_versions" in form.preview.curl


def test_render_model_form_draws_a_draft_as_the_model_page_does() -> None:
    draft = make_definition(
        [{"name": "prompt", "type": "string", "label": "Prompt", "required": {"always": True}}]
    )
    urls = {"live_url": "/studio/live/", "submit_url": "", "estimate_url": ""}

    first = parse_html(render_model_form(draft, urls=urls, token="t0"))
    submitted = parse_html(
        render_model_form(draft, data={"prompt": [""]}, moment=Moment.SUBMIT, urls=urls)
    )

    form = first.one("form", id="model-form")
    assert form.get("hx-post") == "/studio/live/"
    assert form.one("input", name="__token").get("value") == "t0"
    assert first.one("input", name="prompt").get("aria-required") == "true"
    assert first.find_all(id="cost-estimate") == []
    assert error_text(submitted, "prompt") == "Is required."

"""A model author's draft, run in the embedded sandbox: never the live API, in any mode.

A draft is not a published model. To test it, it becomes a temporary sandbox model,
created and updated through the SDK like any model (the sandbox also takes the
definition's `inputs`, `uiConfig` and `capabilities`), then priced, run and followed
there. Every call of this module goes to the in-process sandbox, with or without
real credentials.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from scenario_ui.scenario import assets, generation, jobs
from scenario_ui.scenario.calls import JsonObject, call_json, expect_key
from scenario_ui.scenario.client import SANDBOX_ORIGIN, sandbox_http_client, sandbox_only
from scenario_ui.scenario.errors import ScenarioError, ScenarioNotFound, translate
from scenario_ui.scenario.vocabulary import CAPABILITIES, MODEL_TYPES

DEFAULT_TYPE = "custom"


@dataclass(frozen=True)
class DraftModel:
    """What of a draft the temporary model carries."""

    name: str
    type: str
    capabilities: list[str]
    inputs: list[Any]
    ui_config: dict[str, Any]

    def body(self) -> JsonObject:
        # The sandbox refuses values it does not know; an unknown type runs as custom.
        return {
            "name": self.name,
            "type": self.type if self.type in MODEL_TYPES else DEFAULT_TYPE,
            "inputs": self.inputs,
            "uiConfig": self.ui_config,
            "capabilities": [item for item in self.capabilities if item in CAPABILITIES],
        }


def save_draft_model(draft: DraftModel, *, model_id: str | None) -> str:
    """Create the temporary model, or update it; its id. A vanished one is made anew."""
    if model_id:
        try:
            _sandbox(
                lambda: call_json(
                    lambda client: client.models.with_raw_response.update(
                        model_id, extra_body=draft.body()
                    ),
                    max_retries=0,
                )
            )
            return model_id
        except ScenarioNotFound:
            pass
    answer = _sandbox(
        lambda: call_json(
            lambda client: client.models.with_raw_response.create(extra_body=draft.body()),
            max_retries=0,
        )
    )
    return str(expect_key(expect_key(answer, "model", dict), "id", str))


def delete_draft_model(model_id: str) -> None:
    """Remove the temporary model; one already gone is fine."""
    try:
        _sandbox(
            lambda: call_json(
                lambda client: client.models.with_raw_response.delete(model_id), max_retries=0
            )
        )
    except ScenarioNotFound:
        return


def estimate_draft_cost(model_id: str, body: JsonObject) -> generation.CostEstimate:
    return _sandbox(lambda: generation.estimate_cost(model_id, body))


def submit_draft_run(model_id: str, body: JsonObject) -> generation.SubmittedJob:
    return _sandbox(lambda: generation.submit_generation(model_id, body))


def get_draft_job(job_id: str) -> JsonObject:
    return _sandbox(lambda: jobs.get_job(job_id))


def get_draft_assets(asset_ids: Sequence[str]) -> list[JsonObject]:
    return _sandbox(lambda: assets.get_assets(asset_ids))


def upload_draft_image(name: str, content: bytes, mime_type: str) -> str:
    return _sandbox(lambda: assets.upload_image(name, content, mime_type))


@dataclass(frozen=True)
class AssetContent:
    content: bytes
    mime_type: str


def read_draft_asset(url: str) -> AssetContent:
    """The bytes at an asset's URL (storage, like the real API's CDN URLs, not the API).

    Read in-process, so a test run's results show in live mode too, where the site
    does not serve the sandbox.
    """
    if not url.startswith("/"):
        raise ScenarioError(f"Not a sandbox asset URL: {url}")
    try:
        response = sandbox_http_client().get(f"{SANDBOX_ORIGIN}{url}")
    except Exception as exc:
        raise translate(exc) from exc
    if response.status_code != 200:
        raise ScenarioNotFound(f"The sandbox has no file at {url}.")
    return AssetContent(response.content, response.headers.get("Content-Type", ""))


def _sandbox[T](call: Callable[[], T]) -> T:
    with sandbox_only():
        return call()

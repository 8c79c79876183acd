"""Running a draft in the sandbox, as its Generate button would: checked like the model
page's submit, recorded once per form token, sent once, then followed to its outputs.

Everything goes through `scenario.drafts`, which only ever talks to the sandbox.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.urls import reverse

from scenario_ui.authoring import engine
from scenario_ui.authoring.models import Draft, DraftTestRun
from scenario_ui.forms.fields import FormData
from scenario_ui.generate.estimate import EstimateAnswer
from scenario_ui.generate.tracking import ResultAsset, apply_job, result_asset
from scenario_ui.scenario import drafts as sandbox
from scenario_ui.scenario.errors import ScenarioError, ScenarioNotFound
from scenario_ui.schema import ModelDefinition
from scenario_ui.web.attempts import (
    AlreadyRecorded,
    Answered,
    Created,
    Lost,
    Refused,
    TokenTaken,
    existing_attempt,
    posted_token,
    record_attempt,
    send_once,
)
from scenario_ui.web.form_posts import FileData


@dataclass(frozen=True)
class RunStarted:
    run: DraftTestRun


@dataclass(frozen=True)
class RunInvalid:
    """The form has problems: nothing was sent; `form` shows them."""

    form: engine.FormView


@dataclass(frozen=True)
class RunRefused:
    """The sandbox refused the run (or could not be reached): nothing is running."""

    error: ScenarioError


type RunOutcome = RunStarted | RunInvalid | RunRefused


def start_test_run(
    *, draft: Draft, user: User, definition: ModelDefinition, data: FormData, files: FileData
) -> RunOutcome:
    token = posted_token(data)
    earlier = existing_attempt(DraftTestRun, user, token)
    if earlier is not None:
        return RunStarted(earlier)
    chosen = {
        key.removesuffix(engine.UPLOAD_SUFFIX): files[key]
        for key in files
        if key.endswith(engine.UPLOAD_SUFFIX)
    }
    uploads = {
        name: [engine.Upload(f.name or "file", f.size or 0, f.content_type or "") for f in picked]
        for name, picked in chosen.items()
    }
    form = engine.submitted_preview(definition, data, uploads=uploads, base_url="")
    if not form.state.is_valid:
        return RunInvalid(form)
    body = engine.run_body(form, _as_data_urls(uploads, chosen))
    try:
        model_id = _save_sandbox_model(draft, definition)
    except ScenarioError as error:
        return RunRefused(error)
    match record_attempt(
        DraftTestRun, user, token, draft=draft, sandbox_model_id=model_id, request_body=body
    ):
        case TokenTaken():
            return RunRefused(ScenarioError("This form was already sent by someone else; reload."))
        case AlreadyRecorded(attempt=run):
            return RunStarted(run)
        case Created(attempt=run):
            pass
    match send_once(run, lambda: sandbox.submit_draft_run(model_id, body)):
        case Refused(error=refusal):
            return RunRefused(refusal)
        case Lost(error=lost):
            run.status = DraftTestRun.Status.UNKNOWN
            run.error = lost.message
            run.save()
        case Answered(answer=submitted):
            run.job_id = submitted.job_id
            run.creative_units = submitted.creative_units
            # The whole job: a quick one may already be finished, outputs and all.
            apply_job(run, submitted.job)
    return RunStarted(run)


def check_cost(*, draft: Draft, definition: ModelDefinition, data: FormData) -> EstimateAnswer:
    """The sandbox's price for what the preview holds (a dry run of the draft)."""
    try:
        model_id = _save_sandbox_model(draft, definition)
        return EstimateAnswer(
            estimate=sandbox.estimate_draft_cost(model_id, engine.cost_body(definition, data))
        )
    except ScenarioError as error:
        return EstimateAnswer(error=error)


def refresh_run(run: DraftTestRun) -> ScenarioError | None:
    """Bring the run up to date; the error when the sandbox could not be read."""
    if run.is_finished or not run.job_id:
        return None
    try:
        apply_job(run, sandbox.get_draft_job(run.job_id))
    except ScenarioError as error:
        return error
    return None


def run_results(run: DraftTestRun) -> list[ResultAsset]:
    """The run's outputs, each served by the studio (the site may not serve the sandbox)."""
    if run.status != DraftTestRun.Status.SUCCESS or not run.asset_ids:
        return []
    return [
        dataclasses.replace(
            result_asset(asset), url=reverse("authoring:run_output", args=[run.pk, asset["id"]])
        )
        for asset in sandbox.get_draft_assets(run.asset_ids)
    ]


def run_output(run: DraftTestRun, asset_id: str) -> sandbox.AssetContent:
    if asset_id not in run.asset_ids:
        raise ScenarioNotFound(f"Asset {asset_id} is not an output of this test run.")
    assets = sandbox.get_draft_assets([asset_id])
    if not assets:
        raise ScenarioNotFound(f"The sandbox has no asset {asset_id}.")
    return sandbox.read_draft_asset(str(assets[0].get("url", "")))


def _save_sandbox_model(draft: Draft, definition: ModelDefinition) -> str:
    raw = definition.raw
    inputs, ui_config = raw.get("inputs"), raw.get("uiConfig")
    model = sandbox.DraftModel(
        name=f"Studio draft: {definition.name or draft.title}",
        type=definition.type,
        capabilities=list(definition.capabilities),
        inputs=inputs if isinstance(inputs, list) else [],
        ui_config=ui_config if isinstance(ui_config, dict) else {},
    )
    model_id = sandbox.save_draft_model(model, model_id=draft.sandbox_model_id or None)
    if model_id != draft.sandbox_model_id:
        draft.sandbox_model_id = model_id
        draft.save(update_fields=["sandbox_model_id"])
    return model_id


def _as_data_urls(
    uploads: Mapping[str, list[engine.Upload]], chosen: FileData
) -> dict[engine.Upload, str]:
    """Chosen files travel inline: the sandbox stores data URLs as assets, as the API does."""
    inline: dict[engine.Upload, str] = {}
    for name, described in uploads.items():
        for upload, file in zip(described, chosen[name], strict=True):
            encoded = base64.b64encode(file.read()).decode()
            inline[upload] = (
                f"data:{upload.content_type or 'application/octet-stream'};base64,{encoded}"
            )
    return inline

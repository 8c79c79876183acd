"""Submitting a generation: validate, upload files, record the attempt, then send it once.

The attempt is written to the database before the request leaves, and the
form's token makes a double click or a re-posted form find that same attempt
instead of sending a second request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User

from scenario_ui.forms.components import reshapes
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.payload import build_payload, payload_without_uploads, resolve_uploads
from scenario_ui.forms.render import FormView
from scenario_ui.forms.uploads import UPLOAD_SUFFIX, Upload
from scenario_ui.generate.following import start_following
from scenario_ui.generate.form_page import submitted_form
from scenario_ui.generate.models import Generation
from scenario_ui.library.uploading import described_upload, file_spec
from scenario_ui.scenario.errors import ScenarioBadRequest, ScenarioError
from scenario_ui.scenario.generation import submit_generation
from scenario_ui.scenario.uploads import upload_file, upload_kind
from scenario_ui.schema import ModelDefinition
from scenario_ui.team.budget_check import BudgetRefusal, generation_refusal
from scenario_ui.web.attempts import (
    AlreadyRecorded,
    Answered,
    Created,
    Lost,
    Refused,
    TokenTaken,
    existing_attempt,
    new_token,
    posted_token,
    record_attempt,
    send_once,
)
from scenario_ui.web.form_posts import FileData


@dataclass(frozen=True)
class Follow:
    """A recorded generation: its job page tells what became of it."""

    generation: Generation


@dataclass(frozen=True)
class ShowForm:
    """The form again, nothing sent or charged: its problems, or Scenario's refusal."""

    form: FormView
    token: str
    error: ScenarioError | BudgetRefusal | None = None


type SubmitResult = Follow | ShowForm


def submit(
    user: User,
    definition: ModelDefinition,
    data: FormData,
    files: FileData,
    *,
    base_url: str,
) -> SubmitResult:
    token = posted_token(data)
    existing = existing_attempt(Generation, user, token)
    if existing is not None:
        return Follow(existing)
    chosen = {
        key.removesuffix(UPLOAD_SUFFIX): files[key] for key in files if key.endswith(UPLOAD_SUFFIX)
    }
    uploads = {name: [described_upload(file) for file in picked] for name, picked in chosen.items()}
    form = submitted_form(definition, data, uploads=uploads, base_url=base_url)
    if reshapes(data) or not form.state.is_valid:
        return ShowForm(form, token)
    refusal = generation_refusal(user, definition.id, payload_without_uploads(form.state))
    if refusal is not None:
        return ShowForm(form, token, refusal)
    try:
        asset_ids = _upload_all(definition, uploads, chosen)
    except ScenarioError as error:
        return ShowForm(form, token, error)
    resolve_uploads(form.state, asset_ids)
    recorded = record_attempt(
        Generation,
        user,
        token,
        model_id=definition.id,
        model_name=definition.name,
        request_body=build_payload(form.state),
    )
    match recorded:
        case Created(attempt=generation):
            return _send(generation, form)
        case AlreadyRecorded(attempt=generation):
            return Follow(generation)
        case TokenTaken():
            return ShowForm(form, new_token())


def _send(generation: Generation, form: FormView) -> SubmitResult:
    refusal = send_recorded(generation)
    if refusal is not None:
        return ShowForm(form, new_token(), refusal)
    return Follow(generation)


def send_recorded(generation: Generation) -> ScenarioError | None:
    """Send a recorded generation, once (a lead's resubmission too). Scenario's refusal is
    returned, the attempt then deleted; otherwise the job is followed, or, its answer lost,
    the generation is marked unknown."""
    sent = send_once(
        generation, lambda: submit_generation(generation.model_id, generation.request_body)
    )
    match sent:
        case Answered(answer=submitted):
            generation.job_id = submitted.job_id
            generation.status = submitted.status
            generation.creative_units = submitted.creative_units
            generation.save(update_fields=["job_id", "status", "creative_units", "updated_at"])
            start_following(generation)
        case Lost(error=lost):
            generation.status = Generation.Status.UNKNOWN
            generation.error = lost.message
            generation.save(update_fields=["status", "error", "updated_at"])
        case Refused(error=refusal):
            return refusal
    return None


def _upload_all(
    definition: ModelDefinition,
    uploads: Mapping[str, list[Upload]],
    chosen: FileData,
) -> dict[Upload, str]:
    """Files posted with the form (JavaScript off) become assets through uploads, any size."""
    asset_ids: dict[Upload, str] = {}
    for name, described in uploads.items():
        spec = file_spec(definition, name)
        kind = upload_kind(spec.kind if spec is not None else None)
        for upload, file in zip(described, chosen[name], strict=True):
            state = upload_file(
                name=upload.filename,
                content=file.read(),
                content_type=upload.content_type,
                kind=kind,
            )
            if state.asset_id is None:
                why = state.failure or "Scenario is still making it: try again in a moment."
                raise ScenarioBadRequest(f"{upload.filename} was not uploaded. {why}")
            asset_ids[upload] = state.asset_id
    return asset_ids

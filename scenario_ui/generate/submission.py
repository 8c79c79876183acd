"""Submitting a generation: validate, upload files, record the attempt, then send it once.

The attempt is written to the database before the request leaves, and the
form's token makes a double click or a re-posted form find that same attempt
instead of sending a second request.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile

from scenario_ui.forms.components import reshapes
from scenario_ui.forms.durations import MEASURED_CONTENT_TYPES, media_duration
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.payload import build_payload, payload_without_uploads, resolve_uploads
from scenario_ui.forms.render import FormView
from scenario_ui.forms.uploads import UPLOAD_SUFFIX, Upload
from scenario_ui.generate.following import start_following
from scenario_ui.generate.form_page import submitted_form
from scenario_ui.generate.models import Generation
from scenario_ui.scenario.assets import upload_image
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import submit_generation
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
from scenario_ui.web.uploads import OversizedFile

type FileData = Mapping[str, list[UploadedFile[bytes]]]


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
    uploads = {name: [_described(file) for file in picked] for name, picked in chosen.items()}
    form = submitted_form(definition, data, uploads=uploads, base_url=base_url)
    if reshapes(data) or not form.state.is_valid:
        return ShowForm(form, token)
    refusal = generation_refusal(user, definition.id, payload_without_uploads(form.state))
    if refusal is not None:
        return ShowForm(form, token, refusal)
    try:
        asset_ids = _upload_all(uploads, chosen)
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
            return ShowForm(form, new_token(), refusal)
    return Follow(generation)


def _described(file: UploadedFile[bytes]) -> Upload:
    limit = file.limit if isinstance(file, OversizedFile) else None
    name, content_type = file.name or "file", file.content_type or ""
    duration = None
    if limit is None and content_type.startswith(MEASURED_CONTENT_TYPES):
        duration = media_duration(file.read(), name)
        file.seek(0)
    return Upload(name, file.size or 0, content_type, limit, duration)


def _upload_all(
    uploads: Mapping[str, list[Upload]], chosen: Mapping[str, list[UploadedFile[bytes]]]
) -> dict[Upload, str]:
    """Images become assets; other files travel as data URLs, which the API turns into assets."""
    asset_ids: dict[Upload, str] = {}
    for name, described in uploads.items():
        for upload, file in zip(described, chosen[name], strict=True):
            content = file.read()
            if upload.content_type.startswith("image/"):
                asset_ids[upload] = upload_image(upload.filename, content, upload.content_type)
            else:
                encoded = base64.b64encode(content).decode()
                asset_ids[upload] = f"data:{upload.content_type};base64,{encoded}"
    return asset_ids

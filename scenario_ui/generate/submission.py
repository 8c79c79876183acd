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
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.payload import build_payload, resolve_uploads
from scenario_ui.forms.render import FormView
from scenario_ui.forms.uploads import UPLOAD_SUFFIX, Upload
from scenario_ui.generate.form_page import submitted_form
from scenario_ui.generate.models import Generation
from scenario_ui.scenario.assets import upload_image
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import submit_generation
from scenario_ui.schema import ModelDefinition
from scenario_ui.web.attempts import (
    existing_attempt,
    new_token,
    posted_token,
    record_attempt,
    send_once,
)

type FileData = Mapping[str, list[UploadedFile[bytes]]]


@dataclass
class SubmitResult:
    """Either a recorded generation to follow, or the form to show again (with `error`)."""

    generation: Generation | None = None
    form: FormView | None = None
    error: ScenarioError | None = None
    token: str = ""


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
        return SubmitResult(generation=existing)
    chosen = {
        key.removesuffix(UPLOAD_SUFFIX): files[key] for key in files if key.endswith(UPLOAD_SUFFIX)
    }
    uploads = {
        name: [Upload(f.name or "file", f.size or 0, f.content_type or "") for f in picked]
        for name, picked in chosen.items()
    }
    form = submitted_form(definition, data, uploads=uploads, base_url=base_url)
    if reshapes(data) or not form.state.is_valid:
        return SubmitResult(form=form, token=token)
    try:
        asset_ids = _upload_all(uploads, chosen)
    except ScenarioError as error:
        return SubmitResult(form=form, error=error, token=token)
    resolve_uploads(form.state, asset_ids)
    body = build_payload(form.state)
    generation, created = record_attempt(
        Generation,
        user,
        token,
        model_id=definition.id,
        model_name=definition.name,
        request_body=body,
    )
    if not created:
        if generation is None:
            return SubmitResult(form=form, token=new_token())
        return SubmitResult(generation=generation)
    assert generation is not None
    return _send(generation, form)


def _send(generation: Generation, form: FormView) -> SubmitResult:
    sent = send_once(
        generation, lambda: submit_generation(generation.model_id, generation.request_body)
    )
    if sent.refused is not None:
        return SubmitResult(form=form, error=sent.refused, token=new_token())
    if sent.lost is not None:
        generation.status = Generation.Status.UNKNOWN
        generation.error = sent.lost.message
        generation.save(update_fields=["status", "error", "updated_at"])
        return SubmitResult(generation=generation)
    submitted = sent.answer
    assert submitted is not None
    generation.job_id = submitted.job_id
    generation.status = submitted.status
    generation.creative_units = submitted.creative_units
    generation.save(update_fields=["job_id", "status", "creative_units", "updated_at"])
    return SubmitResult(generation=generation)


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

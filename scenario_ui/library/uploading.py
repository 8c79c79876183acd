"""A file chosen in a form becomes an asset at once: checked, uploaded, recorded.

The field then holds the asset id, so a re-rendered form keeps it and a submit never
depends on the browser still holding the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile as PostedFile

from scenario_ui.forms.durations import MEASURED_CONTENT_TYPES, media_duration
from scenario_ui.forms.uploads import Upload, upload_phrases
from scenario_ui.library.models import UploadedFile
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.uploads import UploadState, upload_file, upload_kind, upload_state
from scenario_ui.schema import FileArrayInput, FileInput, InputsArrayInput, ModelDefinition
from scenario_ui.web.uploads import OversizedFile

type FileSpec = FileInput | FileArrayInput


@dataclass(frozen=True)
class Uploaded:
    """Recorded: done (its asset, or why Scenario refused it) or still being made."""

    record: UploadedFile


@dataclass(frozen=True)
class NotUploaded:
    """Nothing was sent, or the upload broke off: the message says why."""

    message: str


type UploadResult = Uploaded | NotUploaded


def file_spec(definition: ModelDefinition, posted_name: str) -> FileSpec | None:
    """The file input a control posts as `posted_name`: `image`, or `keyframes.0.image`."""
    parts = posted_name.split(".")
    spec = definition.input_named(parts[0])
    if len(parts) == 3 and parts[1].isascii() and parts[1].isdigit():
        if not isinstance(spec, InputsArrayInput):
            return None
        spec = next((child for child in spec.inputs if child.name == parts[2]), None)
    elif len(parts) != 1:
        return None
    return spec if isinstance(spec, FileInput | FileArrayInput) else None


def described_upload(file: PostedFile[bytes]) -> Upload:
    """What a posted file is; an audio or video file's duration is measured from its bytes."""
    limit = file.limit if isinstance(file, OversizedFile) else None
    name, content_type = file.name or "file", file.content_type or ""
    duration = None
    if limit is None and content_type.startswith(MEASURED_CONTENT_TYPES):
        duration = media_duration(file.read(), name)
        file.seek(0)
    return Upload(name, file.size or 0, content_type, limit, duration)


def upload_chosen_file(
    *, user: User, definition: ModelDefinition, input_name: str, file: PostedFile[bytes]
) -> UploadResult:
    spec = file_spec(definition, input_name)
    if spec is None:
        return NotUploaded(f"{definition.name or definition.id} has no file input {input_name!r}.")
    label = spec.label or spec.name
    described = described_upload(file)
    problems = upload_phrases(described, spec)
    if problems:
        return NotUploaded(f"{label}: {'; '.join(problems)}.")
    try:
        state = upload_file(
            name=described.filename,
            content=file.read(),
            content_type=described.content_type,
            kind=upload_kind(spec.kind),
        )
    except ScenarioError as error:
        return NotUploaded(f"{described.filename} was not uploaded. {error.message}")
    record = UploadedFile.objects.create(
        user=user,
        model_id=definition.id,
        input_name=input_name,
        file_name=described.filename,
        content_type=described.content_type,
        size=described.size,
        upload_id=state.upload_id,
    )
    return Uploaded(_settled(record, state))


def refresh_upload(record: UploadedFile) -> UploadResult:
    """An upload still being made, read again (one API call; the page asks again later)."""
    if record.is_done:
        return Uploaded(record)
    try:
        state = upload_state(record.upload_id)
    except ScenarioError as error:
        return NotUploaded(f"Could not check {record.file_name}. {error.message}")
    return Uploaded(_settled(record, state))


def _settled(record: UploadedFile, state: UploadState) -> UploadedFile:
    if state.is_done:
        record.asset_id = state.asset_id or ""
        record.failure = (state.failure or "")[:500]
        record.save(update_fields=["asset_id", "failure"])
    return record


def upload_cap(spec: FileSpec) -> int:
    """The most bytes the posted file may hold: the input's maxSize, within the app's."""
    ceiling: int = settings.MAX_UPLOAD_BYTES
    return min(spec.max_size or ceiling, ceiling)

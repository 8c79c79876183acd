"""Multipart uploads, as the API does them: create, PUT each part to its URL, complete.

`POST /uploads` takes the file's name, type, size, kind and number of parts and
answers one URL per part. The parts are PUT there without credentials (the URL
carries a secret, as the real one carries a signature). `complete` joins them into
an asset, which the upload then names (`entityId`); a file that is not what its
kind says fails the upload with a message.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Final

from django.db import transaction

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.bodies import required_text
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.assets import store_asset
from scenario_ui.sandbox.files import FileContent, image_file
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID, SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxUpload, SandboxUploadPart

KINDS: Final = ("3d", "asset", "audio", "avatar", "image", "model", "text", "video")
# What an upload of each kind becomes; "asset" is any other file (a PDF, a document).
ASSET_KIND: Final = {
    "3d": "3d",
    "audio": "audio",
    "image": "image",
    "text": "text",
    "video": "video",
}
# The sandbox keeps files in its database: generous for a demo, bounded all the same.
MAX_FILE_BYTES: Final = 200 * 1024 * 1024
MAX_PARTS: Final = 1000
PART_URL_LIFETIME: Final = timedelta(hours=1)

type PartUrl = Callable[[SandboxUpload, int], str]


def create_upload(document: dict[str, Any]) -> SandboxUpload:
    kind = required_text(document, "kind")
    if kind not in ASSET_KIND:
        supported = ", ".join(sorted(ASSET_KIND))
        raise SandboxApiError(400, f'Invalid kind "{kind}"; the sandbox takes: {supported}')
    size, parts = _whole(document.get("fileSize")), _whole(document.get("parts"))
    if size is None or not 0 < size <= MAX_FILE_BYTES:
        raise SandboxApiError(
            400, f"Invalid fileSize; expected a whole number of bytes from 1 to {MAX_FILE_BYTES}"
        )
    if parts is None or not 0 < parts <= min(MAX_PARTS, size):
        raise SandboxApiError(400, f"Invalid parts; expected a whole number from 1 to {MAX_PARTS}")
    now = clock.now()
    return SandboxUpload.objects.create(
        file_name=required_text(document, "fileName")[:200],
        content_type=required_text(document, "contentType")[:100],
        file_size=size,
        kind=kind,
        parts_count=parts,
        created_at=now,
        updated_at=now,
    )


def find_upload(upload_id: str) -> SandboxUpload:
    upload = SandboxUpload.objects.filter(pk=upload_id).first()
    if upload is None:
        raise SandboxApiError(404, f"Upload {upload_id} not found")
    return upload


def store_part(upload_id: str, number: int, secret: str, content: bytes) -> None:
    """A part PUT to its URL; a second PUT of the same part replaces it (a retried PUT)."""
    upload = SandboxUpload.objects.filter(pk=upload_id, part_secret=secret).first()
    if upload is None or clock.now() > upload.created_at + PART_URL_LIFETIME:
        raise SandboxApiError(403, "This part URL is unknown or has expired")
    if upload.status != "pending":
        raise SandboxApiError(409, f"Upload {upload_id} is {upload.status}: no more parts")
    if not 1 <= number <= upload.parts_count:
        raise SandboxApiError(404, f"Upload {upload_id} has no part {number}")
    SandboxUploadPart.objects.update_or_create(
        upload=upload, number=number, defaults={"content": content}
    )


def complete_upload(upload_id: str) -> SandboxUpload:
    with transaction.atomic():
        upload = find_upload(upload_id)
        if upload.status != "pending":
            raise SandboxApiError(409, f"Upload {upload_id} is already {upload.status}")
        parts = dict(upload.parts.values_list("number", "content"))
        missing = [n for n in range(1, upload.parts_count + 1) if n not in parts]
        if missing:
            raise SandboxApiError(
                400, f"Upload {upload_id} is missing part(s) {', '.join(map(str, missing))}"
            )
        content = b"".join(bytes(parts[n]) for n in range(1, upload.parts_count + 1))
        upload.status, upload.error_message = _imported(upload, content)
        upload.updated_at = clock.now()
        upload.save()
        upload.parts.all().delete()
    return upload


def _imported(upload: SandboxUpload, content: bytes) -> tuple[str, str]:
    """("complete", "") with the asset stored, or ("failed", why)."""
    if len(content) != upload.file_size:
        return "failed", f"Received {len(content)} bytes; the upload announced {upload.file_size}"
    if upload.kind == "image":
        try:
            file = image_file(content, upload.file_name)
        except SandboxApiError as error:
            return "failed", error.reason
    else:
        kind = ASSET_KIND[upload.kind]
        file = FileContent(kind, upload.content_type, upload.file_name, content)
    upload.asset = store_asset(file, source="uploaded")
    return "complete", ""


def upload_json(upload: SandboxUpload, part_url: PartUrl) -> JsonObject:
    document: JsonObject = {
        "id": upload.id,
        "authorId": SANDBOX_USER_ID,
        "ownerId": SANDBOX_OWNER_ID,
        "createdAt": clock.iso_timestamp(upload.created_at),
        "updatedAt": clock.iso_timestamp(upload.updated_at),
        "fileName": upload.file_name,
        "originalFileName": upload.file_name,
        "contentType": upload.content_type,
        "fileSize": upload.file_size,
        "kind": upload.kind,
        "source": "multipart",
        "status": upload.status,
        "partsCount": upload.parts_count,
    }
    if upload.status == "pending":
        expires = clock.iso_timestamp(upload.created_at + PART_URL_LIFETIME)
        document["parts"] = [
            {"number": n, "url": part_url(upload, n), "expires": expires}
            for n in range(1, upload.parts_count + 1)
        ]
    if upload.asset_id:
        document["entityId"] = upload.asset_id
    if upload.error_message:
        document["errorMessage"] = upload.error_message
    return document


def _whole(value: Any) -> int | None:
    """A JSON number that is a whole number, as an int; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value != int(value):
        return None
    return int(value)

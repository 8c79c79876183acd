"""Files of any size become assets through the SDK's `uploads` resource.

`uploads.create` announces the file and answers one URL per part; each part is PUT
to its URL (that is storage, not the API: no credentials, no SDK); `complete` asks
Scenario to make the asset, which may take a moment: `upload_state` reads it again
until the upload names its asset or says why it failed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final, Literal

import httpx
from django.conf import settings

from scenario_ui.scenario.calls import JsonObject, call_action, call_json, expect_key
from scenario_ui.scenario.client import calls_go_to_sandbox, sandbox_http_client
from scenario_ui.scenario.errors import ScenarioBadResponse, ScenarioError, translate

# Parts of 8 MiB (storage takes parts of 5 MiB or more, the last one excepted).
PART_BYTES: Final = 8 * 1024 * 1024
UploadKind = Literal["3d", "asset", "audio", "image", "text", "video"]
# An input's `kind` as the upload's kind; anything else (a document) is a plain asset.
UPLOAD_KINDS: Final[dict[str, UploadKind]] = {
    "image": "image",
    "image-hdr": "image",
    "video": "video",
    "audio": "audio",
    "3d": "3d",
    "text": "text",
    "json": "text",
}
DONE_STATUSES: Final = ("complete", "imported", "validated")


@dataclass(frozen=True)
class UploadState:
    """Where an upload stands: its asset once made, or why it failed, else still working."""

    upload_id: str
    asset_id: str | None = None
    failure: str | None = None

    @property
    def is_done(self) -> bool:
        return self.asset_id is not None or self.failure is not None


def upload_kind(input_kind: str | None) -> UploadKind:
    return UPLOAD_KINDS.get(input_kind or "", "asset")


def upload_file(*, name: str, content: bytes, content_type: str, kind: UploadKind) -> UploadState:
    """Create the upload, PUT its parts, complete it; the asset may still be on its way."""
    parts = max(1, math.ceil(len(content) / PART_BYTES))
    created = call_action(
        lambda client: client.uploads.with_raw_response.create(
            file_name=name,
            content_type=content_type or "application/octet-stream",
            file_size=len(content),
            parts=parts,
            kind=kind,
        )
    )
    upload: JsonObject = expect_key(created, "upload", dict)
    upload_id = _upload_id(upload)
    urls = _part_urls(upload, parts)
    with _storage_client() as storage:
        for index, url in enumerate(urls):
            _put_part(storage, url, content[index * PART_BYTES : (index + 1) * PART_BYTES])
    completed = call_action(
        lambda client: client.uploads.with_raw_response.trigger_action(upload_id, action="complete")
    )
    return _state(upload_id, expect_key(completed, "upload", dict))


def upload_state(upload_id: str) -> UploadState:
    answer = call_json(lambda client: client.uploads.with_raw_response.retrieve(upload_id))
    return _state(upload_id, expect_key(answer, "upload", dict))


def _state(upload_id: str, upload: JsonObject) -> UploadState:
    status = upload.get("status")
    if status == "failed":
        reason = upload.get("errorMessage")
        return UploadState(upload_id, failure=str(reason) if reason else "Scenario refused it.")
    entity = upload.get("entityId")
    if status in DONE_STATUSES and isinstance(entity, str) and entity:
        return UploadState(upload_id, asset_id=entity)
    return UploadState(upload_id)


def _upload_id(upload: JsonObject) -> str:
    upload_id = upload.get("id")
    if not isinstance(upload_id, str) or not upload_id:
        raise ScenarioBadResponse("Scenario sent an upload without an id.")
    return upload_id


def _part_urls(upload: JsonObject, parts: int) -> list[str]:
    """The part URLs in part order: exactly one for each part asked for."""
    listed = upload.get("parts")
    by_number = (
        {
            part.get("number"): part.get("url")
            for part in listed
            if isinstance(part, dict) and isinstance(part.get("url"), str)
        }
        if isinstance(listed, list)
        else {}
    )
    urls = [by_number.get(number) for number in range(1, parts + 1)]
    if not all(isinstance(url, str) and url for url in urls):
        raise ScenarioBadResponse(f"Scenario sent an upload without its {parts} part URL(s).")
    return [str(url) for url in urls]


@contextmanager
def _storage_client() -> Iterator[httpx.Client]:
    if calls_go_to_sandbox():
        # The sandbox's part URLs are answered in-process, by the client the SDK uses.
        yield sandbox_http_client()
        return
    with httpx.Client(timeout=settings.SCENARIO_TIMEOUT_SECONDS) as client:
        yield client


def _put_part(storage: httpx.Client, url: str, content: bytes) -> None:
    try:
        response = storage.put(url, content=content)
    except httpx.HTTPError as exc:
        raise translate(exc) from exc
    if response.status_code >= 400:
        raise ScenarioError(
            f"The file's storage refused part of it (HTTP {response.status_code}). "
            "Nothing was charged; choose the file again.",
            status_code=response.status_code,
        )

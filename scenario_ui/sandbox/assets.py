"""Sandbox assets: storing files and answering them in the API's Asset shape.

An asset's `url` is path-absolute (`/sandbox/v1/assets/{id}/content`), not absolute like
the real API's signed CDN links. The app's SDK reaches the sandbox in-process under an
internal host name that no browser can resolve; a path-absolute URL resolves against the
page that shows it, which is served by the same Django that serves the sandbox.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import reverse

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID, SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxAsset, SandboxJob


def store_asset(
    file: FileContent, source: str, job: SandboxJob | None = None, output_index: int | None = None
) -> SandboxAsset:
    return SandboxAsset.objects.create(
        kind=file.kind,
        mime_type=file.mime_type,
        name=file.name,
        content=file.content,
        size=len(file.content),
        source=source,
        properties=file.properties,
        created_at=clock.now(),
        job=job,
        output_index=output_index,
    )


def find_asset(asset_id: str) -> SandboxAsset:
    """The asset, its content loaded only when read."""
    asset = SandboxAsset.objects.defer("content").filter(pk=asset_id).first()
    if asset is None:
        raise SandboxApiError(404, f"Asset {asset_id} not found")
    return asset


def require_assets(asset_ids: Sequence[str]) -> None:
    """Raise the API's 404 for the first id that names no asset."""
    found = set(SandboxAsset.objects.filter(pk__in=asset_ids).values_list("id", flat=True))
    for asset_id in asset_ids:
        if asset_id not in found:
            raise SandboxApiError(404, f"Asset {asset_id} not found")


def assets_in_requested_order(asset_ids: Sequence[str]) -> list[SandboxAsset]:
    """Unknown ids are skipped and repeats listed once, like the models' get-bulk."""
    stored = SandboxAsset.objects.defer("content").in_bulk(list(asset_ids))
    return [stored[asset_id] for asset_id in dict.fromkeys(asset_ids) if asset_id in stored]


def content_url(asset_id: str) -> str:
    return reverse("sandbox:asset-content", args=[asset_id])


def asset_json(asset: SandboxAsset) -> JsonObject:
    created = clock.iso_timestamp(asset.created_at)
    metadata: JsonObject = {"kind": asset.kind, "type": asset.source, "name": asset.name}
    document: JsonObject = {
        "id": asset.id,
        "url": content_url(asset.id),
        "mimeType": asset.mime_type,
        "kind": asset.kind,
        "source": asset.source,
        "status": "success",
        "privacy": "private",
        "authorId": SANDBOX_USER_ID,
        "ownerId": SANDBOX_OWNER_ID,
        "collectionIds": [],
        "editCapabilities": [],
        "tags": [],
        "properties": {"size": asset.size, **asset.properties},
        "metadata": metadata,
        "createdAt": created,
        "updatedAt": created,
    }
    if asset.job_id is not None:
        metadata["parentJobId"] = asset.job_id
        metadata["outputIndex"] = asset.output_index
        document["outputIndex"] = asset.output_index
    return document

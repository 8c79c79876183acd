"""What an asset looks like in a form: a thumbnail, a player, a 3D viewer or its name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from scenario_ui.scenario.assets import get_assets
from scenario_ui.scenario.errors import ScenarioError

Shown = Literal["image", "video", "audio", "3d", "file"]


@dataclass(frozen=True)
class AssetPreview:
    asset_id: str
    url: str
    name: str
    shown: Shown


@dataclass(frozen=True)
class PreviewProblem:
    asset_id: str
    message: str


def shown_as(kind: str, mime_type: str) -> Shown:
    family = mime_type.split("/")[0]
    if kind in ("image", "video", "audio", "3d"):
        return kind  # type: ignore[return-value]
    if family in ("image", "video", "audio"):
        return family  # type: ignore[return-value]
    if mime_type.startswith("model/"):
        return "3d"
    return "file"


def preview_of(asset: dict[str, Any]) -> AssetPreview:
    url = asset.get("url")
    metadata = asset.get("metadata") if isinstance(asset.get("metadata"), dict) else {}
    name = asset.get("name") or (metadata or {}).get("name") or asset.get("id") or "file"
    return AssetPreview(
        asset_id=str(asset.get("id", "")),
        url=url if isinstance(url, str) else "",
        name=str(name),
        shown=shown_as(str(asset.get("kind") or ""), str(asset.get("mimeType") or "")),
    )


def asset_preview(asset_id: str) -> AssetPreview | PreviewProblem:
    if not asset_id.startswith("asset_"):
        return PreviewProblem(asset_id, "Not an asset id: asset ids start with asset_.")
    try:
        found = get_assets([asset_id])
    except ScenarioError as error:
        return PreviewProblem(asset_id, f"Could not show {asset_id}. {error.message}")
    if not found:
        return PreviewProblem(asset_id, f"No asset {asset_id} was found.")
    return preview_of(found[0])

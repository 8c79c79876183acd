"""Following a generation's job: refresh, cancel, look up a lost one, and its results."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from scenario_ui.generate.models import FollowedJob, Generation
from scenario_ui.scenario import assets, jobs
from scenario_ui.scenario.calls import finite_number
from scenario_ui.scenario.errors import ScenarioError

LOOKUP_MARGIN = timedelta(minutes=2)


@dataclass(frozen=True)
class Refresh:
    generation: Generation
    error: ScenarioError | None = None


def refresh(generation: Generation) -> Refresh:
    """Read the job once and store what it says (the follow task's one upstream read)."""
    if generation.is_finished or not generation.job_id:
        return Refresh(generation)
    try:
        job = jobs.get_job(generation.job_id)
    except ScenarioError as error:
        return Refresh(generation, error=error)
    generation.checked_at = timezone.now()
    apply_job(generation, job)
    return Refresh(generation)


def cancel(generation: Generation) -> Refresh:
    if generation.is_finished or not generation.job_id:
        return Refresh(generation)
    try:
        job = jobs.cancel_job(generation.job_id)
    except ScenarioError as error:
        return Refresh(generation, error=error)
    apply_job(generation, job)
    return Refresh(generation)


def look_up(generation: Generation) -> Refresh:
    """Find the job of a submission whose answer was lost, by its exact input."""
    if generation.status != Generation.Status.UNKNOWN:
        return Refresh(generation)
    since = (generation.created_at - LOOKUP_MARGIN).isoformat().replace("+00:00", "Z")
    try:
        job = jobs.find_submitted_job(
            generation.model_id, generation.request_body, created_after=since
        )
    except ScenarioError as error:
        return Refresh(generation, error=error)
    if job is None:
        return Refresh(generation)
    generation.job_id = str(job.get("jobId", ""))
    generation.error = ""
    apply_job(generation, job)
    return Refresh(generation)


def apply_job(generation: FollowedJob, job: dict[str, Any]) -> None:
    metadata: dict[str, Any] = job["metadata"] if isinstance(job.get("metadata"), dict) else {}
    status = job.get("status")
    if status in Generation.Status.values:
        generation.status = status
    progress = finite_number(job.get("progress"))
    if progress is not None:
        generation.progress = max(0.0, min(progress, 1.0))
    generation.error = str(metadata.get("error") or generation.error or "")
    generation.hint = str(metadata.get("hint") or "")
    asset_ids = metadata.get("assetIds")
    if isinstance(asset_ids, list):
        generation.asset_ids = [str(asset_id) for asset_id in asset_ids]
    output = metadata.get("output")
    if isinstance(output, dict):
        generation.output = output
    charged = _charged(job.get("billing"))
    if charged is not None:
        generation.creative_units = charged
    generation.save()


def _charged(billing: Any) -> float | None:
    """The main action's cost plus its add-ons (quality gate...), as billed."""
    cost = finite_number(billing.get("cuCost")) if isinstance(billing, dict) else None
    if cost is None:
        return None
    details = billing.get("cuCostDetails")
    extras = [finite_number(v) for v in details.values()] if isinstance(details, dict) else []
    return cost + sum(extra for extra in extras if extra is not None)


@dataclass(frozen=True)
class ResultAsset:
    id: str
    url: str
    kind: str
    mime_type: str
    name: str

    @property
    def shows_as(self) -> str:
        """How the page presents it: inline image, a player, or a download."""
        if self.kind in ("image", "image-hdr") or self.mime_type.startswith("image/"):
            return "image"
        if self.kind == "video" or self.mime_type.startswith("video/"):
            return "video"
        if self.kind == "audio" or self.mime_type.startswith("audio/"):
            return "audio"
        return "download"


def results(generation: Generation) -> list[ResultAsset]:
    """The results as the worker stored them: pages read no asset from Scenario."""
    return [ResultAsset(**fields) for fields in generation.results if isinstance(fields, dict)]


def store_results(generation: Generation) -> None:
    """Read a succeeded job's assets once (their URLs and kinds) and keep them."""
    if generation.status != Generation.Status.SUCCESS or not generation.asset_ids:
        return
    found = [result_asset(asset) for asset in assets.get_assets(generation.asset_ids)]
    generation.results = [asdict(asset) for asset in found]
    generation.save(update_fields=["results", "updated_at"])


def result_asset(asset: dict[str, Any]) -> ResultAsset:
    metadata: dict[str, Any] = asset["metadata"] if isinstance(asset.get("metadata"), dict) else {}
    return ResultAsset(
        id=str(asset.get("id", "")),
        url=str(asset.get("url", "")),
        kind=str(asset.get("kind") or metadata.get("kind") or ""),
        mime_type=str(asset.get("mimeType", "")),
        name=str(metadata.get("name") or asset.get("id", "")),
    )

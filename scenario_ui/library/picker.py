"""The asset picker: the user's earlier outputs and uploads, newest first, searchable.

One page of each, their thumbnails read in one API call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.contrib.auth.models import User

from scenario_ui.generate.job_list import prompt_excerpt
from scenario_ui.generate.models import Generation
from scenario_ui.library.models import UploadedFile
from scenario_ui.library.previews import AssetPreview, preview_of
from scenario_ui.scenario.assets import get_assets
from scenario_ui.scenario.errors import ScenarioError

SHOWN: Final = 24


@dataclass(frozen=True)
class Pickable:
    preview: AssetPreview
    # What it was: the job's prompt, or the uploaded file's name.
    caption: str


@dataclass(frozen=True)
class PickerPage:
    items: list[Pickable]
    problem: str = ""


def pickable_assets(*, user: User, search: str, kind: str) -> PickerPage:
    """Outputs whose prompt holds `search` and uploads whose name does; `kind` (image,
    video, audio, 3d) keeps only those, when given."""
    jobs = Generation.objects.filter(user=user, status=Generation.Status.SUCCESS).exclude(
        asset_ids=[]
    )
    uploads = UploadedFile.objects.filter(user=user).exclude(asset_id="")
    if search:
        jobs = jobs.filter(request_body__prompt__icontains=search)
        uploads = uploads.filter(file_name__icontains=search)
    captions: dict[str, str] = {}
    for upload in uploads[:SHOWN]:
        captions.setdefault(upload.asset_id, upload.file_name)
    for job in jobs.order_by("-pk")[:SHOWN]:
        for asset_id in job.asset_ids:
            captions.setdefault(asset_id, prompt_excerpt(job.request_body) or job.model_name)
    try:
        assets = [preview_of(asset) for asset in get_assets(list(captions)[: SHOWN * 2])]
    except ScenarioError as error:
        return PickerPage([], f"Your files could not be listed. {error.message}")
    return PickerPage(
        [
            Pickable(preview, captions.get(preview.asset_id, ""))
            for preview in assets
            if not kind or preview.shown == kind
        ][:SHOWN]
    )

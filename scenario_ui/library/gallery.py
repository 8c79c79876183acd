"""My creations: every output of the user's finished jobs, newest first, a page at a time.

A page is a few jobs (their outputs read in one API call); the cursor is the last
job's id, so pages never overlap however many jobs arrive meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from django.contrib.auth.models import User

from scenario_ui.generate.job_list import prompt_excerpt
from scenario_ui.generate.models import Generation
from scenario_ui.library.previews import AssetPreview, preview_of
from scenario_ui.scenario.assets import get_assets
from scenario_ui.scenario.errors import ScenarioError

JOBS_PER_PAGE: Final = 8
KINDS: Final = {"image": "Images", "video": "Videos", "audio": "Audio", "3d": "3D", "text": "Text"}


@dataclass(frozen=True)
class GalleryFilters:
    model_id: str = ""
    kind: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> GalleryFilters:
        kind = query.get("kind", "")
        return cls(model_id=query.get("model", ""), kind=kind if kind in KINDS else "")


@dataclass(frozen=True)
class Creation:
    generation: Generation
    # An asset, or None for a text answer (`text`).
    asset: AssetPreview | None
    text: str = ""

    @property
    def kind(self) -> str:
        return "text" if self.asset is None else self.asset.shown

    @property
    def prompt(self) -> str:
        return prompt_excerpt(self.generation.request_body)

    @property
    def seed(self) -> Any:
        return self.generation.request_body.get("seed")

    @property
    def settings(self) -> list[tuple[str, str]]:
        return [(name, _shown(value)) for name, value in self.generation.request_body.items()]


@dataclass(frozen=True)
class GalleryPage:
    creations: list[Creation]
    next_cursor: int | None
    # Why some outputs could not be shown (the API failed), else "".
    problem: str = ""


def gallery_page(*, user: User, filters: GalleryFilters, before: int | None) -> GalleryPage:
    jobs = Generation.objects.filter(user=user, status=Generation.Status.SUCCESS)
    if filters.model_id:
        jobs = jobs.filter(model_id=filters.model_id)
    if before is not None:
        jobs = jobs.filter(pk__lt=before)
    page = list(jobs.order_by("-pk")[: JOBS_PER_PAGE + 1])
    more, page = len(page) > JOBS_PER_PAGE, page[:JOBS_PER_PAGE]
    problem = ""
    try:
        assets = {
            str(asset.get("id")): preview_of(asset)
            for asset in get_assets([asset_id for job in page for asset_id in job.asset_ids])
        }
    except ScenarioError as error:
        assets, problem = {}, f"Some creations could not be shown. {error.message}"
    creations = [creation for job in page for creation in _creations(job, assets)]
    if filters.kind:
        creations = [creation for creation in creations if creation.kind == filters.kind]
    return GalleryPage(creations, page[-1].pk if more and page else None, problem)


def _creations(job: Generation, assets: Mapping[str, AssetPreview]) -> list[Creation]:
    found = [Creation(job, assets[asset_id]) for asset_id in job.asset_ids if asset_id in assets]
    text = job.output.get("text") if isinstance(job.output, dict) else None
    if isinstance(text, str) and text:
        found.append(Creation(job, None, text))
    return found


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_shown(item)}" for key, item in value.items())
    return str(value)

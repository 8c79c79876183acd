"""What `GET /jobs` lists: generations and trainings, their types and statuses as the API names
them, and each in the API's Job shape."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.jobs import jobs_json
from scenario_ui.sandbox.jobs import state_now as job_state_now
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining
from scenario_ui.sandbox.training_records import JOB_TYPES as TRAINING_JOB_TYPES
from scenario_ui.sandbox.trainings import state_now as training_state_now
from scenario_ui.sandbox.trainings import training_job

type JobEntry = SandboxJob | SandboxTraining

JOB_STATUSES: Final = (
    "pending",
    "queued",
    "warming-up",
    "in-progress",
    "success",
    "failure",
    "canceled",
    "finalizing",
)
# The job types the API accepts in `type` and `types` (the SDK's list).
VALID_TYPES: Final = (
    "assets-download",
    "model-training",
    "flux-model-training",
    "musubi-model-training",
    "inference",
    "pixelate",
    "embed",
    "remove-background",
    "vectorize",
    "canvas-export",
    "image-generation",
    "image-prompt-editing",
    "caption",
    "generate-prompt",
    "describe-style",
    "translate",
    "detection",
    "restyle",
    "repaint",
    "reframe",
    "segment",
    "skybox-base-360",
    "skybox-upscale-360",
    "skybox-hdri",
    "skybox-3d",
    "texture",
    "upscale",
    "upscale-skybox",
    "upscale-texture",
    "flux",
    "openai-image-generation",
    "upload",
    "custom",
    "splat",
    "mesh-preview-rendering",
    "workflow",
)


def checked_types(types: Sequence[str]) -> frozenset[str] | None:
    """The job types asked for (None: all), or the API's 400 naming the valid ones."""
    for job_type in types:
        if job_type not in VALID_TYPES:
            raise SandboxApiError(
                400, f'Invalid type "{job_type}"; expected one of: {", ".join(VALID_TYPES)}'
            )
    return frozenset(types) if types else None


def training_families(types: frozenset[str]) -> list[str]:
    """The trainer families whose trainings run as one of `types`."""
    return [family.key for family, job_type in TRAINING_JOB_TYPES.items() if job_type in types]


def entry_state(entry: JobEntry) -> tuple[str, datetime]:
    """The entry's status now, and when it last changed."""
    if isinstance(entry, SandboxTraining):
        state = training_state_now(entry)
        return state.job_status, state.job_history[-1].date
    job_state = job_state_now(entry)
    return job_state.status, job_state.updated_at


def entries_json(entries: Sequence[JobEntry]) -> list[JsonObject]:
    """The entries in the API's Job shape, in their order (generations read in one go)."""
    generations = [entry for entry in entries if isinstance(entry, SandboxJob)]
    by_id = dict(zip((job.id for job in generations), jobs_json(generations), strict=True))
    return [
        training_job(entry) if isinstance(entry, SandboxTraining) else by_id[entry.id]
        for entry in entries
    ]

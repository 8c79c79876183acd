"""The seeded history's trainings: the demo's own models, trained in the last 30 days.

They are stored settled (ended long ago), so no read writes their outcome into the model
records again: the demo catalog's records already show it (trained, or failed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from scenario_ui.sandbox.models import SandboxTraining
from scenario_ui.training import ELEVENLABS_VOICE, SD_1_5, SDXL_LORA, TrainerFamily

TRAINING_SECONDS: Final = 45 * 60.0


@dataclass(frozen=True)
class PastTraining:
    id: str
    model_id: str
    family: TrainerFamily
    days_ago: float
    parameters: dict[str, str]
    cost: float
    fails: bool = False


PAST_TRAININGS: Final = (
    PastTraining(
        id="job_hist0trainWatercolorSd15",
        model_id="model_demo-my-watercolor-sd15",
        family=SD_1_5,
        days_ago=24.3,
        parameters={"conceptPrompt": "loose watercolor landscapes"},
        cost=160.0,
    ),
    PastTraining(
        id="job_hist0trainNarratorVoice0",
        model_id="model_demo-my-narrator-voice",
        family=ELEVENLABS_VOICE,
        days_ago=11.6,
        parameters={"voiceDescription": "a calm, warm narrator"},
        cost=100.0,
    ),
    PastTraining(
        id="job_hist0trainHeroSdxl000000",
        model_id="model_demo-my-hero-sdxl",
        family=SDXL_LORA,
        days_ago=4.2,
        # The sandbox fails a training whose concept prompt contains "fail".
        parameters={"conceptPrompt": "hero portraits (failing: too few images)"},
        cost=240.0,
        fails=True,
    ),
)


def history_trainings(*, now: datetime) -> list[SandboxTraining]:
    """The past trainings, unsaved, dated from `now`."""
    return [
        SandboxTraining(
            id=past.id,
            model_id=past.model_id,
            family=past.family.key,
            parameters=past.parameters,
            created_at=now - timedelta(days=past.days_ago),
            duration_seconds=TRAINING_SECONDS,
            fails=past.fails,
            cost=past.cost,
            settled=True,
        )
        for past in PAST_TRAININGS
    ]

"""What the Train page shows: whether training is offered, the form, and the monitor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import User
from django.urls import reverse

from scenario_ui.forms import initial_values
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.render import FormView, Moment, form_view, posted_form_view
from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.team.access import jobs_visible_to
from scenario_ui.training.families import TrainerFamily, family_for, not_trainable_message
from scenario_ui.training.images import EDITABLE_STATUSES, TrainingImage, listed_images
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import TrainingMonitor, monitor_for
from scenario_ui.training.parameters import training_definition
from scenario_ui.training.rules import evaluate_training

# The model statuses from which a training can start.
TRAINABLE_STATUSES = ("new", "failed", "training-canceled")
# What a trained model's Train page and model page say instead of offering to train it.
RETRAINING_NOTE = (
    "This model is trained, and retraining is not offered: Scenario trains a model once. "
    "To train with other images or parameters, create a new model of the same type on "
    "Scenario and train that one."
)
REFUSALS: Mapping[str, str] = {
    "training": "This model is training now: follow its progress above.",
    "trained": RETRAINING_NOTE,
    "copying": "This model is still being copied; training opens when the copy is done.",
}


@dataclass(frozen=True)
class TrainPage:
    model: ModelDefinition
    family: TrainerFamily | None
    # Why training is not offered now; empty when it is.
    refusal: str
    monitor: TrainingMonitor
    base_url: str = ""
    # The user's last Start whose answer was lost, while the model does not show it started.
    unknown_start: Training | None = None

    @cached_property
    def images(self) -> list[TrainingImage]:
        return listed_images(self.model)

    @property
    def images_editable(self) -> bool:
        return self.family is not None and self.model.status in EDITABLE_STATUSES

    @cached_property
    def form(self) -> FormView | None:
        """The first Train form; built only when a page shows it (not to review or start)."""
        if self.refusal or self.family is None:
            return None
        definition = form_definition(self.model, self.family)
        return form_view(
            definition,
            initial_values(definition),
            base_url=self.base_url,
            evaluator=evaluate_training,
        )


def training_urls(model_id: str) -> dict[str, object]:
    """Where the Train form posts; it has no generation request to preview."""
    return {
        "model_id": model_id,
        "live_url": reverse("training:revalidate", args=[model_id]),
        "submit_url": reverse("training:review", args=[model_id]),
        "estimate_url": "",
        "preview_hidden": True,
        # Sample images are given as asset ids: the Train form uploads no files.
        "uploads_disabled": True,
    }


def load_model(model_id: str, *, fresh: bool = False) -> ModelDefinition:
    return parse_definition(gateway.retrieve_model(model_id, fresh=fresh))


def followed_training(user: User, model_id: str) -> Training | None:
    """The latest training of the model a worker has read the model for: the user's own,
    or for a lead anyone's (a lead follows the owner's training from the owner's record)."""
    return (
        Training.objects.filter(jobs_visible_to(user), model_id=model_id, checked_at__isnull=False)
        .order_by("-created_at")
        .first()
    )


def current_model(user: User, model_id: str) -> ModelDefinition:
    """The model as every part of the Train page shows it: as the follow task last read it
    when the user trains it, else the catalog's copy. One record, so the header, the
    Status field, the banner and the monitor can never disagree."""
    followed = followed_training(user, model_id)
    if followed is not None:
        return parse_definition(followed.model_record)
    return load_model(model_id)


def train_page(
    model: ModelDefinition, *, base_url: str, unknown_start: Training | None = None
) -> TrainPage:
    family = family_for(model.type)
    return TrainPage(
        model=model,
        family=family,
        refusal=refusal_for(model, family),
        monitor=monitor_for(model),
        base_url=base_url,
        unknown_start=unknown_start,
    )


def refusal_for(model: ModelDefinition, family: TrainerFamily | None) -> str:
    if family is None:
        return not_trainable_message(model.type)
    if model.status not in TRAINABLE_STATUSES:
        return REFUSALS.get(
            model.status,
            f'Training is not offered while the model is "{model.status or "unknown"}"; '
            f"it can start from: {', '.join(TRAINABLE_STATUSES)}.",
        )
    if model.training_images_number == 0:
        return "This model has no training images yet: add some below."
    return ""


def form_definition(model: ModelDefinition, family: TrainerFamily) -> ModelDefinition:
    return parse_definition(
        training_definition(
            family,
            model_id=model.id,
            model_name=model.name,
            images_count=model.training_images_number,
        )
    )


def training_form(
    model: ModelDefinition,
    family: TrainerFamily,
    data: FormData,
    *,
    base_url: str,
    moment: Moment,
) -> FormView:
    """The Train form for posted data: live, or as submitted (every message shown)."""
    return posted_form_view(
        form_definition(model, family),
        data,
        moment=moment,
        base_url=base_url,
        evaluator=evaluate_training,
    )

"""The Train page's training images: those Scenario lists for the model, added and removed
through `models.training_images`.

Files are checked before they leave (an image, at most MAX_UPLOAD_BYTES, which the
upload handler already enforces while they stream in); each is added on its own, so
one refused file does not lose the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.files.uploadedfile import UploadedFile

from scenario_ui.forms.uploads import describe_size
from scenario_ui.scenario.charged import REFUSAL_STATUSES
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.training_images import add_training_image, remove_training_image
from scenario_ui.schema import ModelDefinition
from scenario_ui.web.uploads import OversizedFile

# The statuses in which a model's training images may change (not while it trains).
EDITABLE_STATUSES = ("new", "failed", "training-canceled", "trained")


@dataclass(frozen=True)
class TrainingImage:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class ImagesAdded:
    added: list[str] = field(default_factory=list)
    # One sentence per file that was not added, naming it.
    problems: list[str] = field(default_factory=list)


def listed_images(model: ModelDefinition) -> list[TrainingImage]:
    """The training images the model's record lists (Scenario may list fewer than it has)."""
    listed = model.raw.get("trainingImages")
    images = []
    for entry in listed if isinstance(listed, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
            url = entry.get("downloadUrl") or entry.get("url") or ""
            shown = isinstance(url, str) and url.startswith(("https://", "http://", "/"))
            images.append(
                TrainingImage(
                    id=entry["id"],
                    name=str(entry.get("name") or entry["id"]),
                    url=url if shown else "",
                )
            )
    return images


def add_images(*, model_id: str, files: Sequence[UploadedFile[bytes]]) -> ImagesAdded:
    added: list[str] = []
    problems: list[str] = []
    for file in files:
        name = file.name or "image"
        problem = _file_problem(file, name)
        if problem:
            problems.append(problem)
            continue
        try:
            add_training_image(
                model_id, name=name, content=file.read(), mime_type=file.content_type or ""
            )
        except ScenarioError as error:
            problems.append(_not_added(name, error))
            continue
        added.append(name)
    return ImagesAdded(added, problems)


def remove_image(*, model_id: str, image_id: str) -> ScenarioError | None:
    try:
        remove_training_image(model_id, image_id)
    except ScenarioError as error:
        return error
    return None


def _not_added(name: str, error: ScenarioError) -> str:
    if error.request_sent and error.status_code not in REFUSAL_STATUSES:
        # It may have arrived: the list, read again, tells.
        return f"{name} may or may not have been added ({error.message}): see the list below."
    return f"{name} was not added: {error.message}"


def _file_problem(file: UploadedFile[bytes], name: str) -> str:
    if isinstance(file, OversizedFile):
        return f"{name} is {describe_size(file.size or 0)}: at most {describe_size(file.limit)}."
    if not (file.content_type or "").startswith("image/"):
        return f"{name} is not an image ({file.content_type or 'of unknown type'})."
    return ""

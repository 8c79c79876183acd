"""A model definition as the rest of the project reads it."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from scenario_ui.schema.base import SchemaModel
from scenario_ui.schema.inputs import Input
from scenario_ui.schema.problems import DefinitionProblem
from scenario_ui.schema.scalars import Count, Number
from scenario_ui.schema.ui_config import UiConfig


class TrainingProgress(SchemaModel):
    """Where a training stands. Times are epoch milliseconds."""

    # A plain string: stages beyond the documented ones (ready-for-captcha) occur.
    stage: str
    updated_at: Number | None = Field(default=None, alias="updatedAt")
    position: Number | None = None
    progress: Number | None = None
    remaining_time_ms: Number | None = Field(default=None, alias="remainingTimeMs")
    started_at: Number | None = Field(default=None, alias="startedAt")
    retry_count: Count | None = Field(default=None, alias="retryCount")
    retryable_error: str | None = Field(default=None, alias="retryableError")
    captcha_image_url: str | None = Field(default=None, alias="captchaImageUrl")


class ModelDefinition(SchemaModel, extra="ignore"):
    """One model, its inputs and form layout, and what was wrong with it.

    Built by `parse_definition`, which never fails: whatever could not be read
    is listed in `problems` and left out. Everything the API sent, read or
    not, is in `raw`.
    """

    id: str = ""
    name: str = ""
    short_description: str = Field(default="", alias="shortDescription")
    type: str = ""
    privacy: str = ""
    status: str = ""
    capabilities: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    training_images_number: Count = Field(default=0, alias="trainingImagesNumber")
    training_progress: TrainingProgress | None = Field(default=None, alias="trainingProgress")
    training_stats: dict[str, Any] | None = Field(default=None, alias="trainingStats")
    parameters: dict[str, Any] = Field(default_factory=dict)
    inputs: list[Input] = Field(default_factory=list)
    ui_config: UiConfig = Field(default_factory=UiConfig, alias="uiConfig")
    problems: list[DefinitionProblem] = Field(default_factory=list)
    raw: dict[str, Any] = Field(default_factory=dict)

    @property
    def input_names(self) -> list[str]:
        return [model_input.name for model_input in self.inputs]

    def input_named(self, name: str) -> Input | None:
        """The first top-level input called `name` (duplicates are reported as problems)."""
        return next((model_input for model_input in self.inputs if model_input.name == name), None)

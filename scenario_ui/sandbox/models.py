"""Storage of the sandbox: model records, submitted jobs and assets."""

from __future__ import annotations

import secrets
import string
from collections.abc import Sequence
from datetime import datetime

from django.db import models

from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject, JsonValue

# Delimits every tag in `tag_index`, so "contains <sep>tag<sep>" matches whole tags only.
TAG_SEPARATOR = "\n"


class SandboxModel(models.Model):
    """A model record as `GET /models/{id}` answers it, with columns to filter and sort on."""

    id = models.CharField(primary_key=True, max_length=100)
    record = models.JSONField(help_text="The model object, served verbatim.")
    name = models.CharField(max_length=200, db_index=True)
    type = models.CharField(max_length=64, db_index=True)
    privacy = models.CharField(max_length=16, db_index=True)
    status = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(db_index=True)
    tag_index = models.TextField(
        blank=True,
        help_text="Lower-cased tags, each wrapped in TAG_SEPARATOR.",
    )

    class Meta:
        verbose_name = "sandbox model"

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"

    @classmethod
    def from_record(cls, record: JsonObject) -> SandboxModel:
        """An unsaved row for `record`; raises ValueError when a column cannot be derived."""
        return cls(
            id=_required_text(record, "id"),
            record=record,
            name=_required_text(record, "name"),
            type=_required_text(record, "type"),
            privacy=_required_text(record, "privacy"),
            status=_required_text(record, "status"),
            created_at=_timestamp(record, "createdAt"),
            updated_at=_timestamp(record, "updatedAt"),
            tag_index=build_tag_index(_tags(record)),
        )


def build_tag_index(tags: Sequence[str]) -> str:
    if not tags:
        return ""
    return TAG_SEPARATOR + TAG_SEPARATOR.join(tag.lower() for tag in tags) + TAG_SEPARATOR


def tag_lookup(tag: str) -> str:
    """The `tag_index__contains` operand matching records that carry `tag`."""
    return f"{TAG_SEPARATOR}{tag.lower()}{TAG_SEPARATOR}"


def _required_text(record: JsonObject, key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} must be a non-empty string, got {value!r}")
    return value


def _timestamp(record: JsonObject, key: str) -> datetime:
    text = _required_text(record, key)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{key} must be an ISO 8601 date, got {text!r}") from error
    if moment.tzinfo is None:
        raise ValueError(f"{key} must carry a time zone (e.g. a trailing Z), got {text!r}")
    return moment


def _tags(record: JsonObject) -> list[str]:
    tags: JsonValue = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError(f"tags must be a list of strings, got {tags!r}")
    return [tag for tag in tags if isinstance(tag, str)]


def new_identifier(prefix: str) -> str:
    """An id shaped like the API's (`job_…`, `asset_…`): the prefix and 24 random characters."""
    alphabet = string.ascii_letters + string.digits
    return f"{prefix}_{''.join(secrets.choice(alphabet) for _ in range(24))}"


def new_job_id() -> str:
    return new_identifier("job")


def new_asset_id() -> str:
    return new_identifier("asset")


class SandboxJob(models.Model):
    """A submitted generation. Its status is not stored: `lifecycle` derives it from the clock.

    Only what cannot be derived is kept: when it was canceled, and the outputs, produced
    once when a read first finds the job succeeded.
    """

    id = models.CharField(primary_key=True, max_length=40, default=new_job_id)
    model_id = models.CharField(max_length=100, db_index=True)
    input = models.JSONField(help_text="The request body, data URLs replaced by asset ids.")
    created_at = models.DateTimeField(db_index=True)
    duration_seconds = models.FloatField(help_text="Time from queued to finished.")
    fails = models.BooleanField(default=False, help_text="The prompt asked the job to fail.")
    canceled_at = models.DateTimeField(null=True, blank=True)
    generation_cost = models.FloatField(help_text="Creative units of the generation itself.")
    quality_gate_cost = models.FloatField(help_text="Creative units of the quality-gate add-on.")
    outputs_produced = models.BooleanField(default=False)
    text_output = models.JSONField(null=True, blank=True, help_text="metadata.output of LLMs.")
    # The API key's user for jobs sent through the app; seeded history has others too.
    author_id = models.CharField(max_length=100, default=SANDBOX_USER_ID, db_index=True)
    # The model and input, hashed (`jobs.input_digest`): the same request gives the same
    # outputs, so a job can copy those of an earlier twin instead of drawing them again.
    input_digest = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "sandbox job"

    def __str__(self) -> str:
        return f"{self.id} ({self.model_id})"


class SandboxAsset(models.Model):
    """A file: uploaded, sent as a data URL in a request, or produced by a job."""

    id = models.CharField(primary_key=True, max_length=40, default=new_asset_id)
    kind = models.CharField(max_length=16)
    mime_type = models.CharField(max_length=100)
    name = models.CharField(max_length=200)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    source = models.CharField(max_length=32, help_text="How it was made: txt2img, uploaded…")
    properties = models.JSONField(default=dict, help_text="width, height, duration…")
    created_at = models.DateTimeField(db_index=True)
    job = models.ForeignKey(
        SandboxJob, null=True, blank=True, on_delete=models.CASCADE, related_name="outputs"
    )
    output_index = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "sandbox asset"

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


class SandboxTraining(models.Model):
    """A triggered training, identified by its job's id.

    Its stage is not stored: `training_lifecycle` derives it from the clock, and reads of
    the model write it into the model's record until the training ends.
    """

    id = models.CharField(primary_key=True, max_length=40, default=new_job_id)
    model_id = models.CharField(max_length=100, db_index=True)
    family = models.CharField(max_length=32, help_text="The key of the trainer family.")
    parameters = models.JSONField(help_text="The parameters trained with, stored ones merged.")
    created_at = models.DateTimeField(db_index=True)
    duration_seconds = models.FloatField(help_text="Time from the trigger to trained.")
    fails = models.BooleanField(default=False, help_text="The concept prompt asked it to fail.")
    canceled_at = models.DateTimeField(null=True, blank=True)
    cost = models.FloatField(help_text="Creative units charged for the training.")
    settled = models.BooleanField(
        default=False,
        db_index=True,
        help_text="It ended and the model's record holds the outcome: reads stop updating it.",
    )

    class Meta:
        verbose_name = "sandbox training"

    def __str__(self) -> str:
        return f"{self.id} ({self.model_id})"


def new_webhook_endpoint_id() -> str:
    return new_identifier("whe")


def new_webhook_event_id() -> str:
    return new_identifier("evt")


class SandboxWebhookEndpoint(models.Model):
    """A project's webhook endpoint (`projects/{id}/webhook-endpoints`), or a team's
    (`teams/{id}/webhook-endpoints`): `project_id` then holds the team's id."""

    id = models.CharField(primary_key=True, max_length=40, default=new_webhook_endpoint_id)
    project_id = models.CharField(max_length=100, db_index=True)
    owner_type = models.CharField(max_length=10, default="project")
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=500, blank=True)
    enabled_events = models.JSONField(default=list)
    secret = models.CharField(max_length=100)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.id} -> {self.url}"


class SandboxWebhookEvent(models.Model):
    """One delivery of an event to an endpoint, with its attempts."""

    id = models.CharField(primary_key=True, max_length=40, default=new_webhook_event_id)
    endpoint = models.ForeignKey(
        SandboxWebhookEndpoint, on_delete=models.CASCADE, related_name="events"
    )
    type = models.CharField(max_length=100)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=20, default="created")
    # [{"responseStatusCode": 200, "sentAt": "..."}], as the API lists them.
    attempts = models.JSONField(default=list)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.id} {self.type} ({self.status})"


class SandboxCallCount(models.Model):
    """How many API calls the sandbox served, per route and method (`manage.py sandbox_stats`)."""

    route = models.CharField(max_length=200)
    method = models.CharField(max_length=10)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["route", "method"], name="one_count_per_route")
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.route}: {self.count}"


def new_upload_id() -> str:
    return new_identifier("upload")


def new_part_secret() -> str:
    return secrets.token_urlsafe(24)


class SandboxUpload(models.Model):
    """A multipart upload (`POST /uploads`): parts PUT to their URLs, then completed."""

    id = models.CharField(primary_key=True, max_length=40, default=new_upload_id)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    file_size = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=16)
    parts_count = models.PositiveSmallIntegerField()
    # The part URLs carry it, as the real API's carry a signature: they need no credentials.
    part_secret = models.CharField(max_length=64, default=new_part_secret)
    status = models.CharField(max_length=16, default="pending")
    error_message = models.CharField(max_length=300, blank=True)
    asset = models.ForeignKey(SandboxAsset, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = "sandbox upload"

    def __str__(self) -> str:
        return f"{self.file_name} ({self.id})"


class SandboxUploadPart(models.Model):
    upload = models.ForeignKey(SandboxUpload, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField()
    content = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["upload", "number"], name="one_content_per_part")
        ]

    def __str__(self) -> str:
        return f"part {self.number} of {self.upload_id}"

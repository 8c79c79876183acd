from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf

TERMINAL = ("success", "failure", "canceled")
# The request fields that say what was asked, in the order they are looked for.
PROMPT_FIELDS = ("prompt", "instruction", "text", "conceptPrompt")
_TEXT = models.TextField()


class FollowedJob(models.Model):
    """A request sent to Scenario once and its job followed to the end (`tracking.apply_job`).

    Generations and a model author's sandbox test runs are both.
    """

    class Status(models.TextChoices):
        SUBMITTING = "submitting", "Submitting"
        UNKNOWN = "unknown", "Submission status unknown"
        PENDING = "pending", "Pending"
        QUEUED = "queued", "Queued"
        WARMING_UP = "warming-up", "Warming up"
        IN_PROGRESS = "in-progress", "In progress"
        FINALIZING = "finalizing", "Finalizing"
        SUCCESS = "success", "Succeeded"
        FAILURE = "failure", "Failed"
        CANCELED = "canceled", "Canceled"

    request_body = models.JSONField(default=dict)
    job_id = models.CharField(max_length=200, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTING)
    progress = models.FloatField(default=0)
    creative_units = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    hint = models.TextField(blank=True)
    asset_ids = models.JSONField(default=list)
    output = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in TERMINAL

    @property
    def is_running(self) -> bool:
        return not self.is_finished and self.status != self.Status.UNKNOWN and bool(self.job_id)


class Generation(FollowedJob):
    """One submission to Scenario, recorded before it is sent so no answer is ever lost."""

    # None for a job of the team's project submitted elsewhere (API, Scenario's web app),
    # imported by the reconciliation sweep: `external`.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="generations",
        null=True,
        blank=True,
    )
    external = models.BooleanField(default=False)
    # One per rendered form: a double click or a re-posted form finds this row again.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    model_id = models.CharField(max_length=200)
    model_name = models.CharField(max_length=300, blank=True)
    # When a worker last read the job from Scenario: how fresh the page's status is.
    checked_at = models.DateTimeField(null=True, blank=True)
    # The result assets as `tracking.ResultAsset` fields, read once by the worker on success.
    results = models.JSONField(default=list)
    # The request's prompt, kept by the database itself from `request_body` (every write,
    # bulk ones and the sweep's imports included) so the team feed can search it.
    prompt = models.GeneratedField(
        expression=Coalesce(
            *(
                NullIf(KT(f"request_body__{name}"), models.Value(""), output_field=_TEXT)
                for name in PROMPT_FIELDS
            ),
            models.Value(""),
            output_field=_TEXT,
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        # The team feed reads newest first, by any of its filters (`team.feed`).
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["-created_at", "-id"], name="generation_newest"),
            models.Index(fields=["model_id", "-created_at"], name="generation_model_newest"),
            models.Index(fields=["status", "-created_at"], name="generation_status_newest"),
            # "Hide finished": the few unfinished jobs among 100,000 finished ones.
            models.Index(
                fields=["-created_at"],
                condition=~models.Q(status__in=TERMINAL),
                name="generation_unfinished_newest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.model_name or self.model_id} ({self.status})"

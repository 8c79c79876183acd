from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models


class Training(models.Model):
    """One training request, recorded before it is sent (trainings are charged)."""

    class Outcome(models.TextChoices):
        SUBMITTING = "submitting", "Submitting"
        STARTED = "started", "Started"
        UNKNOWN = "unknown", "Submission status unknown"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainings"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    model_id = models.CharField(max_length=200, db_index=True)
    model_name = models.CharField(max_length=300, blank=True)
    model_type = models.CharField(max_length=100, blank=True)
    parameters = models.JSONField(default=dict)
    job_id = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.SUBMITTING)
    creative_units = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    # The model as a worker last read it (`training.following`): the one source of the
    # training's status for every page, and when it was read.
    model_record = models.JSONField(default=dict)
    checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        # The team feed reads newest first (`team.feed`).
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["-created_at", "-id"], name="training_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.model_name or self.model_id} training ({self.outcome})"

    @property
    def model_status(self) -> str:
        """The model's status as last read ("" before the first read)."""
        status = self.model_record.get("status")
        return status if isinstance(status, str) else ""

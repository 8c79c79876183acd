"""A model author's drafts, their saved versions and their sandbox test runs."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models

from scenario_ui.generate.models import FollowedJob


class Draft(models.Model):
    """A definition being edited. `text` is exactly what the author typed, valid or not."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="The definition's JSON text, autosaved as typed.")
    source_model_id = models.CharField(
        max_length=200, blank=True, help_text="The catalog model it was opened from, if any."
    )
    shared = models.BooleanField(
        default=False, help_text="Anyone signed in with the link may read it (not change it)."
    )
    sandbox_model_id = models.CharField(
        max_length=100, blank=True, help_text="The temporary sandbox model of its test runs."
    )
    revision = models.PositiveIntegerField(
        default=0, help_text="Counts changes of `text`, so a stale editor cannot overwrite one."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-updated_at"]

    def __str__(self) -> str:
        return self.title


class DraftVersion(models.Model):
    """A saved state of a draft: who saved it, when, and why."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    note = models.CharField(max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["draft", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.draft} {self.ref}"

    @property
    def ref(self) -> str:
        """How a comparison names this version."""
        return f"v{self.number}"


class DraftTestRun(FollowedJob):
    """One run of a draft in the sandbox, recorded before it is sent (one per form token)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="test_runs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sandbox_model_id = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.draft} run ({self.status})"

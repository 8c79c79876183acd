from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """When a background worker last ran a task: pages warn when it is long ago."""

    name = models.CharField(max_length=50, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


class Schedule(models.Model):
    """When a periodic task is next due. Claiming it is one conditional UPDATE, so of the
    copies several workers may enqueue only one runs (see `periodic.claim`)."""

    name = models.CharField(max_length=50, unique=True)
    due_at = models.DateTimeField()
    # When the last claimed run started: the reconciliation sweep reads what changed since.
    ran_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} due {self.due_at:%Y-%m-%d %H:%M:%S}"

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


class WebhookEndpoint(models.Model):
    """An endpoint registered with Scenario for this app (`manage.py scenario_webhook`).

    Its URL ends in `token`, unguessable: Scenario signs nothing, so the token is what
    tells a delivery from a stranger's POST.
    """

    class Owner(models.TextChoices):
        # Job and training outcomes are a project's events; credit alerts are its team's.
        PROJECT = "project", "Project"
        TEAM = "team", "Team"

    endpoint_id = models.CharField(max_length=100, unique=True)
    owner_type = models.CharField(max_length=10, choices=Owner.choices, default=Owner.PROJECT)
    token = models.CharField(max_length=100, unique=True)
    url = models.URLField(max_length=2000)
    # Returned once by Scenario, kept should a signature scheme be documented.
    secret = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.endpoint_id


class WebhookDelivery(models.Model):
    """A delivery received, once per event id: a hint to read the job it names."""

    event_id = models.CharField(max_length=100, unique=True)
    event_type = models.CharField(max_length=100)
    job_id = models.CharField(max_length=200, blank=True)
    model_id = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"

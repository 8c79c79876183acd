"""The team's roles (as permissions), its monthly budgets and its audit trail."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce


class TeamAccess(models.Model):  # noqa: DJ008 (never instantiated, never shown)
    """No table: the holder of the permissions the roles are made of (`roles.py`)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = (
            ("browse_models", "Can browse models and preview requests"),
            ("spend_credits", "Can generate, train, estimate and cancel (spends credits)"),
            ("oversee_team", "Can see and cancel everyone's jobs and trainings"),
        )


class Budget(models.Model):
    """A monthly cap in creative units: one user's, or (no user) the whole team's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for the team's budget.",
    )
    monthly_cu = models.DecimalField(
        "monthly budget (CU)", max_digits=12, decimal_places=2, help_text="Creative units a month."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # One budget per user and one for the team: a plain unique user would let
            # several team rows (NULL users) through.
            models.UniqueConstraint(
                Coalesce("user", Value(0)),
                name="one_budget_per_user_and_team",
                violation_error_message="There is already a budget for this user (or the team).",
            )
        ]

    def __str__(self) -> str:
        whose = self.user.get_username() if self.user else "Team"
        return f"{whose}: {self.monthly_cu} CU a month"


class AuditEntry(models.Model):
    """Who did what, when: written by the services that change budgets and roles."""

    class Action(models.TextChoices):
        BUDGET_SET = "budget.set", "Budget set"
        BUDGET_REMOVED = "budget.removed", "Budget removed"
        ROLE_SET = "role.set", "Role set"
        JOB_CANCELED = "job.canceled", "Job canceled"
        GENERATION_RESUBMITTED = "generation.resubmitted", "Generation resubmitted"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when done from the command line.",
    )
    # Kept as text too: the trail still reads right after a user is deleted.
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=40, choices=Action.choices)
    summary = models.CharField(max_length=500)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name_plural = "audit entries"
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary}"


class CreditAlert(models.Model):
    """Scenario's `team.credit.threshold.crossed` event, shown to leads until each dismisses it
    or a newer one arrives (`credit_alerts.py`)."""

    event_id = models.CharField(max_length=100, unique=True)
    # The share of the team's credits used, when the event says (the API documents no payload).
    threshold_percent = models.FloatField(null=True, blank=True)
    summary = models.CharField(max_length=500)
    payload = models.JSONField(default=dict, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    dismissed_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering: ClassVar[list[str]] = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.summary}"

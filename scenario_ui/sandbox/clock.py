"""The sandbox's clock and date format, in one place so tests can move time."""

from __future__ import annotations

from datetime import UTC, datetime

from django.utils import timezone


def now() -> datetime:
    """The current time; call it as `clock.now()` so a test's monkeypatch reaches every use."""
    return timezone.now()


def iso_timestamp(moment: datetime) -> str:
    """The API's date format: UTC, milliseconds, a trailing Z ("2023-02-03T11:19:41.579Z")."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

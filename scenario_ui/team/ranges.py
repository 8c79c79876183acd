"""The date range a team page shows, read from its URL (`?range=7d`, or `custom` with
`from`/`to`), and the period just before it that spend compares against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from django.http import QueryDict
from django.utils import timezone

# Preset -> days it covers, counting today.
PRESETS: Final = {"today": 1, "7d": 7, "30d": 30}
PRESET_LABELS: Final = {"today": "Today", "7d": "7 days", "30d": "30 days", "custom": "Custom"}
DEFAULT_PRESET: Final = "30d"
# usages.list answers at most 120 days; a longer custom range is refused the same way.
MAX_DAYS: Final = 120


@dataclass(frozen=True)
class DateRange:
    """Whole days, `first` to `last` included, in the site's time zone."""

    preset: str
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, time.min))

    @property
    def end(self) -> datetime:
        """Exclusive: midnight after `last`."""
        return timezone.make_aware(datetime.combine(self.last + timedelta(days=1), time.min))

    def previous(self) -> DateRange:
        """The period of the same length that ends the day before this one starts."""
        last = self.first - timedelta(days=1)
        return DateRange(preset="custom", first=last - timedelta(days=self.days - 1), last=last)

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=offset) for offset in range(self.days)]

    def query(self) -> dict[str, str]:
        """The URL parameters that give this range back (for permalinks and exports)."""
        if self.preset in PRESETS:
            return {"range": self.preset}
        return {"range": "custom", "from": self.first.isoformat(), "to": self.last.isoformat()}


@dataclass(frozen=True)
class RangeRefused:
    """The URL asked for a range we cannot show; `fallback` is shown instead."""

    message: str
    fallback: DateRange


def read_range(params: QueryDict, *, today: date | None = None) -> DateRange | RangeRefused:
    today = today or timezone.localdate()
    preset = params.get("range", DEFAULT_PRESET) or DEFAULT_PRESET
    if preset in PRESETS:
        return _last_days(PRESETS[preset], preset=preset, today=today)
    fallback = _last_days(PRESETS[DEFAULT_PRESET], preset=DEFAULT_PRESET, today=today)
    if preset != "custom":
        valid = ", ".join(sorted([*PRESETS, "custom"]))
        return RangeRefused(f"Unknown range {preset!r}: choose one of {valid}.", fallback)
    first, last = _day(params.get("from", "")), _day(params.get("to", ""))
    if first is None or last is None:
        return RangeRefused(
            "A custom range needs both dates as YYYY-MM-DD (From and To).", fallback
        )
    if last < first:
        return RangeRefused(
            "The range ends before it starts: To must be on or after From.", fallback
        )
    chosen = DateRange(preset="custom", first=first, last=last)
    if chosen.days > MAX_DAYS:
        return RangeRefused(
            f"A range can cover at most {MAX_DAYS} days; this one covers {chosen.days}.", fallback
        )
    return chosen


def shown_range(read: DateRange | RangeRefused) -> DateRange:
    return read.fallback if isinstance(read, RangeRefused) else read


def _last_days(days: int, *, preset: str, today: date) -> DateRange:
    return DateRange(preset=preset, first=today - timedelta(days=days - 1), last=today)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None

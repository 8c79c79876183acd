"""The audit trail as the lead's page reads it: newest first, a cursor per page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from scenario_ui.team.models import AuditEntry

AUDIT_PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    # The cursor of the next (older) page; empty on the last one.
    next_cursor: str
    # The cursor given could not be read: this is the first page instead.
    cursor_refused: bool = False


def audit_page(*, cursor: str) -> AuditPage:
    """Entries older than `cursor` (an entry id; empty for the newest): ids grow with time,
    so the page is one indexed range scan however long the trail is."""
    refused = bool(cursor) and not (cursor.isascii() and cursor.isdigit())
    entries = AuditEntry.objects.order_by("-id")
    if cursor and not refused:
        entries = entries.filter(id__lt=int(cursor))
    page = list(entries[: AUDIT_PAGE_SIZE + 1])
    more = len(page) > AUDIT_PAGE_SIZE
    shown = page[:AUDIT_PAGE_SIZE]
    return AuditPage(
        entries=shown,
        next_cursor=str(shown[-1].id) if more else "",
        cursor_refused=refused,
    )


AUDIT_CSV_HEADER = ("when_utc", "who", "action", "what", "job_url", "original_job_url")


def audit_csv_rows(*, absolute: Callable[[str], str]) -> Iterator[tuple[str, ...]]:
    """Every entry, newest first, read in chunks (a long trail is never held in memory);
    `absolute` makes a page path a full URL."""
    labels = dict(AuditEntry.Action.choices)
    for entry in AuditEntry.objects.order_by("-id").iterator(chunk_size=2000):
        details = entry.details if isinstance(entry.details, dict) else {}
        yield (
            entry.created_at.isoformat(),
            entry.actor_name,
            labels.get(entry.action, entry.action),
            entry.summary,
            *(_url(details.get(key), absolute) for key in ("job_url", "original_url")),
        )


def _url(path: object, absolute: Callable[[str], str]) -> str:
    return absolute(path) if isinstance(path, str) and path.startswith("/") else ""

"""The audit trail as the lead's page reads it: newest first, a cursor per page."""

from __future__ import annotations

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

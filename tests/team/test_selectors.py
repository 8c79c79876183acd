from __future__ import annotations

import pytest

from scenario_ui.team.audit import record
from scenario_ui.team.models import AuditEntry
from scenario_ui.team.selectors import AUDIT_PAGE_SIZE, audit_csv_rows, audit_page

pytestmark = pytest.mark.django_db


def entries(count: int) -> None:
    for number in range(count):
        record(
            actor=None, action=AuditEntry.Action.BUDGET_SET, summary=f"change {number}", details={}
        )


def test_pages_run_newest_first_and_end() -> None:
    entries(AUDIT_PAGE_SIZE + 3)
    first = audit_page(cursor="")
    assert first.entries[0].summary == f"change {AUDIT_PAGE_SIZE + 2}"
    assert len(first.entries) == AUDIT_PAGE_SIZE
    second = audit_page(cursor=first.next_cursor)
    assert [entry.summary for entry in second.entries] == ["change 2", "change 1", "change 0"]
    assert second.next_cursor == ""


@pytest.mark.parametrize("cursor", ["abc", "-1", "١٢"])
def test_an_unreadable_cursor_gives_the_first_page_and_says_so(cursor: str) -> None:
    entries(2)
    page = audit_page(cursor=cursor)
    assert page.cursor_refused
    assert [entry.summary for entry in page.entries] == ["change 1", "change 0"]


def test_the_csv_rows_carry_every_entry_newest_first_with_absolute_links() -> None:
    record(actor=None, action=AuditEntry.Action.BUDGET_SET, summary="=budget", details={})
    record(
        actor=None,
        action=AuditEntry.Action.GENERATION_RESUBMITTED,
        summary="resubmitted",
        details={"job_url": "/jobs/2/", "original_url": "/jobs/1/", "pk": 2},
    )
    rows = list(audit_csv_rows(absolute=lambda path: f"https://ui.test{path}"))
    assert [row[1:] for row in rows] == [
        (
            "command line",
            "Generation resubmitted",
            "resubmitted",
            "https://ui.test/jobs/2/",
            "https://ui.test/jobs/1/",
        ),
        ("command line", "Budget set", "=budget", "", ""),
    ]

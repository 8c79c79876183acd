"""The background worker, played by the test while the browser runs the page."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from tests.worker.support import run_due

TICK_MS = 300


def work_until(page: Page, done: Callable[[], bool], seconds: float = 20) -> None:
    """Every 0.3 s, run the tasks now due, until `done()`."""
    for _ in range(int(seconds * 1000 / TICK_MS)):
        run_due()
        if done():
            return
        page.wait_for_timeout(TICK_MS)
    raise AssertionError("the page did not get there in time")

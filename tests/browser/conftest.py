from __future__ import annotations

import os
import threading
from typing import Any

import pytest
from django.contrib.staticfiles import handlers as staticfiles_handlers
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# CI shares a 2-core machine: a page that answers in 50 ms alone can take seconds under load,
# and these tests check what happens, not how fast (speed lives in make bench-browser).
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # Playwright cannot download its own browsers here: drive Debian's Chromium.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def csp_violations(page) -> list[str]:
    """Console reports of anything the Content-Security-Policy blocked on the page."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


@pytest.fixture
def signed_in_page(page, live_server, seeded_sandbox, transactional_db, csp_violations):
    from scenario_ui.accounts.demo_user import ensure_demo_user

    login = ensure_demo_user()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(login.username)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def axe_violations(page) -> list[str]:
    """axe-core's findings on the page as it is now, one line each (none is the goal)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(str(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
    ]


@pytest.fixture
def no_script_page(browser, live_server, seeded_sandbox, transactional_db):
    """The demo user signed in, in a browser with JavaScript off."""
    from scenario_ui.accounts.demo_user import ensure_demo_user

    login = ensure_demo_user()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(login.username)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    yield page
    context.close()


class _OneRequestAtATime(staticfiles_handlers.StaticFilesHandler):
    """Django's live server shares the test's in-memory SQLite connection between its
    request threads; two requests at once (a page's result images) then break each other's
    queries ("no more rows available", a 500). The browser tests' server answers one request
    at a time, its whole body included."""

    _lock = threading.Lock()

    def __call__(  # type: ignore[override]  # WSGI: any iterable of bytes
        self, environ: dict[str, Any], start_response: Any
    ) -> list[bytes]:
        with self._lock:
            response = super().__call__(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                close = getattr(response, "close", None)
                if close is not None:
                    close()
        return [body]


# pytest-django's live server imports its static handler from here when it starts.
staticfiles_handlers.StaticFilesHandler = _OneRequestAtATime  # type: ignore[misc]

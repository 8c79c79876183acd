"""A fresh headless Chromium per measured run, as the anchor harness launches it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from playwright._impl._api_structures import SetCookieParam
from playwright.sync_api import BrowserContext, Cookie, Playwright

CHROMIUM: Final = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The anchor harness's flags (measure.py); Playwright adds its automation defaults.
FLAGS: Final = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: Final = {"width": 1280, "height": 800}


@contextmanager
def fresh_chromium(playwright: Playwright) -> Iterator[BrowserContext]:
    """A new Chromium with an empty profile: no cache, no compiled code from earlier runs."""
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    try:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]},
            device_scale_factor=1,
        )
        try:
            yield context
        finally:
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def sign_in(
    playwright: Playwright, *, base_url: str, username: str, password: str
) -> list[SetCookieParam]:
    """Sign in through the login page; the session's cookies, for later fresh browsers."""
    with fresh_chromium(playwright) as context:
        page = context.new_page()
        page.goto(f"{base_url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{base_url}/")
        return settable_cookies(context.cookies())


def settable_cookies(cookies: list[Cookie]) -> list[SetCookieParam]:
    """A browser's cookies, as another browser is given them."""
    return [
        SetCookieParam(
            name=cookie["name"],
            value=cookie["value"],
            domain=cookie["domain"],
            path=cookie["path"],
            httpOnly=cookie["httpOnly"],
            secure=cookie["secure"],
            sameSite=cookie["sameSite"],
        )
        for cookie in cookies
    ]


def chromium_version() -> str:
    finished = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False)
    return finished.stdout.strip() or "Chromium (version unknown)"


def cookie_header(cookies: list[SetCookieParam]) -> str:
    """The cookies as a client other than a browser sends them."""
    return "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in cookies)

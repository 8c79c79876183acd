from __future__ import annotations

from playwright.sync_api import Cookie

from scenario_ui.benchmarks.chromium import cookie_header, settable_cookies

SESSION: Cookie = {
    "name": "sessionid",
    "value": "abc",
    "domain": "127.0.0.1",
    "path": "/",
    "expires": 1.0,
    "httpOnly": True,
    "secure": True,
    "sameSite": "Lax",
}


def test_a_browsers_cookies_go_to_the_next_browser_and_to_other_clients() -> None:
    cookies = settable_cookies([SESSION, {**SESSION, "name": "csrftoken", "value": "x"}])

    assert cookies[0] == {
        "name": "sessionid",
        "value": "abc",
        "domain": "127.0.0.1",
        "path": "/",
        "httpOnly": True,
        "secure": True,
        "sameSite": "Lax",
    }
    assert cookie_header(cookies) == "sessionid=abc; csrftoken=x"

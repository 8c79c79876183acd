"""The team's activity feed in Chromium: a lead filters it to one user's failed jobs with the
form; the results and the address bar follow without a reload, at desktop and phone widths."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_a_lead_filters_the_feed_to_one_users_failed_jobs(
    page: Page,
    live_server: Any,
    seeded_sandbox: None,
    transactional_db: None,
    csp_violations: list[str],
    width: int,
) -> None:
    from django.contrib.auth.models import User

    from scenario_ui.accounts.demo_user import ensure_demo_team
    from tests.team.feed_support import ago, generation, training

    ensure_demo_team()
    member = User.objects.get(username="demo-member-1")
    other = User.objects.get(username="demo-member-2")
    wanted = generation(member, status="failure", prompt="a failing lighthouse", at=ago(hours=1))
    generation(member, status="success", prompt="a fine lighthouse", at=ago(hours=2))
    generation(other, status="failure", prompt="another failure", at=ago(hours=3))
    generation(None, status="failure", prompt="imported failure", at=ago(hours=4))
    training(member, status="failed", at=ago(hours=5))

    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("demo-lead")
    page.get_by_label("Password").fill("scenario-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    page.get_by_role("link", name="Team", exact=True).click()
    page.wait_for_url(f"{base}/team/")
    rows = page.locator("#feed-results tbody tr")
    expect(rows).to_have_count(5)
    # A mark on the window survives only if no filter reloads the page.
    page.evaluate("window.feedNotReloaded = true")

    page.get_by_label("User").select_option("demo-member-1")
    expect(page).to_have_url(f"{base}/team/?user=demo-member-1")
    expect(rows).to_have_count(3)
    page.get_by_label("Status").select_option("failure")
    expect(page).to_have_url(f"{base}/team/?user=demo-member-1&status=failure")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("a failing lighthouse")
    expect(rows.first).to_contain_text("Failed")
    assert page.evaluate("window.feedNotReloaded") is True
    expect(page.get_by_role("link", name="Export CSV")).to_have_attribute(
        "href", "/team/feed.csv?user=demo-member-1&status=failure"
    )

    assert axe_violations(page) == []

    # The permalink opens the same view, and the row leads to the job's page.
    page.goto(f"{base}/team/?user=demo-member-1&status=failure")
    expect(rows).to_have_count(1)
    expect(page.get_by_label("User")).to_have_value("demo-member-1")
    rows.first.get_by_role("link").first.click()
    page.wait_for_url(f"{base}/jobs/{wanted.pk}/")
    assert csp_violations == []

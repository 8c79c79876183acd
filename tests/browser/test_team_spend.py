"""The spend page in Chromium at 1280 and 390 px: the chart is drawn and fits, the form
switches it from models to users without a reload, and nothing breaks the CSP."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("scenario-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def some_jobs() -> None:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from scenario_ui.generate.models import Generation

    member = User.objects.get(username="demo-member-1")
    noon = timezone.make_aware(datetime.combine(timezone.localdate(), time(12)))
    for user, model_name, cu in [(member, "Lumen", 6.0), (None, "Flux", 3.0)]:
        made = Generation.objects.create(
            user=user,
            external=user is None,
            model_id=f"model_{model_name}",
            model_name=model_name,
            status="success",
            creative_units=cu,
        )
        Generation.objects.filter(pk=made.pk).update(created_at=noon)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_lead_switches_the_chart_from_models_to_users(
    page: Page,
    live_server: Any,
    seeded_sandbox: None,
    transactional_db: None,
    csp_violations: list[str],
    width: int,
) -> None:
    from scenario_ui.accounts.demo_user import ensure_demo_team

    ensure_demo_team()
    some_jobs()
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "demo-lead")
    page.goto(f"{base}/team/budgets/")
    page.get_by_role("navigation", name="Team").get_by_role("link", name="Spend").click()

    chart = page.get_by_role("img", name="CU per day, stacked by model")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] <= width
    assert box["height"] > 100
    legend = page.get_by_role("list", name="Legend")
    expect(legend).to_contain_text("Lumen")
    expect(legend).to_contain_text("Flux")
    # The page itself never scrolls sideways; only tables may.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("radio", name="User").check()
    expect(page.get_by_role("img", name="CU per day, stacked by user")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/team/spend/\?range=30d&.*by=user$"))
    expect(legend).to_contain_text("demo-member-1")
    expect(legend).to_contain_text("External (API / web app)")

    page.get_by_text("CU per day as a table").click()
    expect(page.get_by_role("columnheader", name="demo-member-1")).to_be_visible()
    assert axe_violations(page) == []
    assert csp_violations == []

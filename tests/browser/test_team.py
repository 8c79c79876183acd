"""The team's roles and budgets in Chromium: a lead sets a budget with the keyboard, it then
refuses a member's generation; a viewer previews without Generate and cannot reach budgets."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LUMEN = "model_demo-lumen-xl"


def sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("scenario-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_leads_budget_refuses_a_members_generation_and_a_viewer_only_previews(
    page: Page,
    live_server: Any,
    seeded_sandbox: None,
    transactional_db: None,
    csp_violations: list[str],
    width: int,
) -> None:
    from scenario_ui.accounts.demo_user import ensure_demo_team
    from scenario_ui.generate.models import Generation

    ensure_demo_team()
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})

    sign_in(page, base, "demo-lead")
    page.get_by_role("link", name="Team").click()
    page.get_by_role("navigation", name="Team").get_by_role("link", name="Budgets").click()
    budget = page.get_by_label("Monthly budget of demo-member-1 (CU)")
    budget.focus()
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Budget of demo-member-1 saved.")
    expect(budget).to_have_value("1.00")

    sign_in(page, base, "demo-member-1")
    page.goto(f"{base}/models/{LUMEN}/")
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse")
    page.get_by_role("button", name="Generate").click()
    refusal = page.locator("#submit-error")
    expect(refusal).to_contain_text("Over budget")
    expect(refusal).to_contain_text("your monthly budget is 1 CU")
    expect(refusal).to_contain_text("A lead can raise the budget (demo-lead)")
    expect(page.get_by_role("textbox", name="Prompt", exact=True)).to_have_value("a lighthouse")
    assert Generation.objects.count() == 0

    sign_in(page, base, "demo-viewer")
    page.goto(f"{base}/models/{LUMEN}/")
    expect(page.locator("#submit-refusal")).to_contain_text("Preview only")
    expect(page.get_by_role("button", name="Generate")).to_have_count(0)
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a cat")
    expect(page.locator("#preview-body")).to_contain_text('"prompt": "a cat"')
    expect(page.get_by_role("link", name="Team")).to_have_count(0)
    page.goto(f"{base}/team/budgets/")
    expect(page.locator("#refusal")).to_contain_text("Budgets are set by leads.")
    assert csp_violations == []

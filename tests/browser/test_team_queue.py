"""A lead's queue actions in Chromium: resubmit a member's failed job (the confirmation shows
its dry-run cost, then the new job's page opens) and cancel a member's running one; the
audit trail lists both, with links to the jobs."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.worker import work_until

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
def test_a_lead_resubmits_a_failed_job_and_cancels_a_running_one(
    page: Page,
    live_server: Any,
    seeded_sandbox: None,
    transactional_db: None,
    csp_violations: list[str],
    settings: Any,
    width: int,
) -> None:
    from django.contrib.auth.models import User

    from scenario_ui.accounts.demo_user import ensure_demo_team
    from scenario_ui.generate.models import Generation
    from tests.generate.support import submitted

    ensure_demo_team()
    member = User.objects.get(username="demo-member-1")
    settings.SANDBOX_JOB_SECONDS = 0.5
    failing = submitted(member, LUMEN, {"prompt": ["please fail"]})
    settings.SANDBOX_JOB_SECONDS = 600
    running = submitted(member, LUMEN, {"prompt": ["a slow lighthouse"]})
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "demo-lead")

    page.goto(f"{base}/jobs/{failing.pk}/")
    work_until(page, lambda: Generation.objects.get(pk=failing.pk).status == "failure")
    page.reload()
    page.get_by_role("link", name="Resubmit as is…").click()
    expect(page.get_by_role("heading", name=f"Resubmit generation #{failing.pk}")).to_be_visible()
    expect(page.locator(".resubmit-cost")).to_contain_text("Dry-run cost:")
    expect(page.locator("pre")).to_contain_text('"prompt": "please fail"')
    expect(page.get_by_text("It counts against the budgets of demo-member-1")).to_be_visible()
    page.get_by_role("button", name="Resubmit for").click()
    resubmitted = Generation.objects.exclude(pk__in=[failing.pk, running.pk]).get()
    page.wait_for_url(f"{base}/jobs/{resubmitted.pk}/")
    assert resubmitted.user == member
    assert resubmitted.request_body == failing.request_body

    page.goto(f"{base}/jobs/{running.pk}/")
    page.get_by_role("button", name="Cancel job").click()
    page.wait_for_url(f"{base}/jobs/{running.pk}/")
    expect(page.get_by_role("alert")).to_contain_text(f"Cancel sent for Generation #{running.pk}")
    expect(page.locator("#job-status-title")).to_contain_text("Canceled")

    page.get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Audit trail", exact=True).click()
    trail = page.locator("tbody")
    canceled = trail.locator("tr", has_text="of demo-member-1 canceled")
    expect(canceled.get_by_role("link", name=f"Generation #{running.pk}")).to_have_attribute(
        "href", f"/jobs/{running.pk}/"
    )
    again = trail.locator("tr", has_text=f"resubmitted as #{resubmitted.pk}")
    expect(again.get_by_role("link", name=f"Generation #{resubmitted.pk}")).to_be_visible()
    expect(again.get_by_role("link", name=f"#{failing.pk}")).to_have_attribute(
        "href", f"/jobs/{failing.pk}/"
    )
    assert csp_violations == []

"""The team dashboard in Chromium, as issue 10's "Done when" walks it, at 1280 and 390 px.

A lead signs in on the demo team's last 30 days, filters the activity to one member's
failed jobs, resubmits one after its dry-run cost, exports the filtered feed and looks at
the team's trainings; a budget the lead sets then refuses a member's submission, nothing
sent; a viewer sees no Team link and is refused every team page. The trainings board
follows a running training to its end by its own poll, with no axe-core finding.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.http import QueryDict
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]
LUMEN = "model_demo-lumen-xl"
MEMBER = "demo-member-1"
TEAM_PAGES = ["/team/", "/team/spend/", "/team/trainings/", "/team/budgets/", "/team/audit/"]


def sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("scenario-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def demo_team(seeded_sandbox: None, transactional_db: None) -> None:
    from scenario_ui.accounts.demo_user import ensure_demo_team

    ensure_demo_team()


@pytest.fixture
def team_history(demo_team: None) -> None:
    """The demo team's last 30 days, as `make run` records them (sandbox jobs, then ours)."""
    call_command("seed_sandbox_history", stdout=io.StringIO())
    call_command("seed_team_history", stdout=io.StringIO())


def feed_rows(page: Page) -> list[tuple[str, int]]:
    """(kind, pk) of each row the feed shows, from the rows' ids (`feed-<kind>-<pk>`)."""
    ids = page.locator("tbody tr[id^='feed-']").evaluate_all("rows => rows.map(row => row.id)")
    return [(kind, int(pk)) for kind, pk in (row_id.split("-")[1:] for row_id in ids)]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_lead_filters_the_last_30_days_resubmits_a_failed_job_and_exports_the_feed(
    page: Page,
    live_server: Any,
    team_history: None,
    csp_violations: list[str],
    width: int,
    tmp_path: Path,
) -> None:
    from scenario_ui.generate.models import Generation
    from scenario_ui.team.models import AuditEntry
    from scenario_ui.team.ranges import read_range, shown_range
    from scenario_ui.training.models import Training

    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    month_ago = shown_range(read_range(QueryDict("range=30d"))).start
    assert Generation.objects.filter(created_at__gte=month_ago).count() >= 500

    sign_in(page, base, "demo-lead")
    page.get_by_role("link", name="Team", exact=True).click()
    page.wait_for_url(f"{base}/team/")
    # The feed opens on the last 30 days, everyone's, newest first; each filter updates the
    # list in place and the URL with it (a permalink; the default range needs no parameter).
    expect(page.get_by_label("Submitted", exact=True)).to_have_value("30d")
    assert len(feed_rows(page)) > 0
    shown_users = set(page.locator("tbody tr td:nth-child(3)").all_inner_texts())
    assert {MEMBER, "demo-member-2"} <= shown_users

    # One member's failed jobs.
    page.get_by_label("User", exact=True).select_option(MEMBER)
    page.get_by_label("Status", exact=True).select_option("failure")
    expect(page).to_have_url(re.compile(rf"(?=.*user={MEMBER})(?=.*status=failure)"))
    expected = Generation.objects.filter(
        user__username=MEMBER, status=Generation.Status.FAILURE, created_at__gte=month_ago
    )
    assert expected.exists(), "the demo history should hold failed jobs of each member"
    expect(page.locator("tbody tr[id^='feed-']").first).to_be_visible()
    shown = feed_rows(page)
    assert {kind for kind, _ in shown} == {"generation"}
    assert {pk for _, pk in shown} <= set(expected.values_list("pk", flat=True))
    permalink = page.url

    # Resubmit the newest: the confirmation shows Scenario's dry-run cost before sending.
    kind, failed_pk = shown[0]
    failed = Generation.objects.get(pk=failed_pk)
    page.locator(f"#feed-{kind}-{failed_pk}").get_by_role(
        "link", name=re.compile("^Resubmit")
    ).click()
    page.wait_for_url(f"{base}/team/generations/{failed_pk}/resubmit/")
    expect(page.get_by_text(re.compile(r"Dry-run cost: [\d.,]+ CU"))).to_be_visible()
    before = Generation.objects.count()
    audited = AuditEntry.objects.count()
    page.get_by_role("button", name=re.compile("^Resubmit")).click()
    page.wait_for_url(re.compile(rf"{re.escape(base)}/jobs/\d+/$"))
    assert Generation.objects.count() == before + 1
    again = Generation.objects.exclude(pk=failed_pk).latest("pk")
    assert page.url == f"{base}/jobs/{again.pk}/"
    assert (again.user, again.model_id, again.request_body) == (
        failed.user,
        failed.model_id,
        failed.request_body,
    )
    assert again.token != failed.token
    assert AuditEntry.objects.count() == audited + 1

    # The permalink gives the same filtered feed back; its export holds every matching row.
    page.goto(permalink)
    expect(page.get_by_label("User", exact=True)).to_have_value(MEMBER)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    assert download.value.url.startswith(f"{base}/team/feed.csv?")
    saved = tmp_path / "feed.csv"
    download.value.save_as(saved)
    lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    header, rows = lines[0], lines[1:]
    column = {name: header.index(name) for name in ("id", "user", "status")}
    assert sorted(int(row[column["id"]]) for row in rows) == sorted(
        expected.values_list("pk", flat=True)
    )
    assert {(row[column["user"]], row[column["status"]]) for row in rows} == {(MEMBER, "failure")}

    # The team's trainings, from the same history.
    page.get_by_role("navigation", name="Team").get_by_role("link", name="Trainings").click()
    page.wait_for_url(f"{base}/team/trainings/")
    assert Training.objects.exists()
    board = page.locator("#trainings-live")
    for training in Training.objects.filter(created_at__gte=month_ago):
        expect(
            board.get_by_role("link", name=training.model_name or training.model_id).first
        ).to_be_visible()
    assert csp_violations == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_leads_budget_refuses_a_members_generation_and_sends_nothing(
    page: Page, live_server: Any, demo_team: None, csp_violations: list[str], width: int
) -> None:
    from scenario_ui.generate.models import Generation
    from scenario_ui.sandbox.models import SandboxJob

    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "demo-lead")
    page.goto(f"{base}/team/budgets/")
    budget = page.get_by_label(f"Monthly budget of {MEMBER} (CU)")
    budget.fill("1")
    budget.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(f"Budget of {MEMBER} saved.")

    sign_in(page, base, MEMBER)
    sent = (Generation.objects.count(), SandboxJob.objects.count())
    page.goto(f"{base}/models/{LUMEN}/")
    prompt = page.get_by_role("textbox", name="Prompt", exact=True)
    prompt.fill("a lighthouse at dusk")
    page.get_by_role("button", name="Generate").click()
    refusal = page.locator("#submit-error")
    expect(refusal).to_contain_text("Over budget")
    expect(refusal).to_contain_text("your monthly budget is 1 CU")
    expect(refusal).to_contain_text("A lead can raise the budget (demo-lead)")
    expect(prompt).to_have_value("a lighthouse at dusk")
    assert (Generation.objects.count(), SandboxJob.objects.count()) == sent
    assert csp_violations == []


@pytest.mark.parametrize("url", TEAM_PAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_viewer_sees_no_team_link_and_is_refused_each_team_page(
    page: Page, live_server: Any, demo_team: None, csp_violations: list[str], width: int, url: str
) -> None:
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "demo-viewer")
    expect(page.get_by_role("link", name="Team", exact=True)).to_have_count(0)
    answer = page.goto(f"{base}{url}")
    assert answer is not None
    assert answer.status == 403
    expect(page.locator("#refusal")).to_contain_text(
        "A lead or an administrator can change your role"
    )
    expect(page.get_by_role("navigation", name="Team")).to_have_count(0)
    assert csp_violations == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_trainings_board_follows_a_running_training_to_its_end(
    page: Page, live_server: Any, demo_team: None, csp_violations: list[str], width: int
) -> None:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from scenario_ui.training.models import Training
    from scenario_ui.worker.heartbeat import beat
    from tests.browser.conftest import axe_violations

    beat()
    running = Training.objects.create(
        user=User.objects.get(username=MEMBER),
        model_id="model_demo-my-mascot-flux",
        model_name="My Mascot",
        outcome=Training.Outcome.STARTED,
        model_record={
            "id": "model_demo-my-mascot-flux",
            "status": "training",
            "trainingProgress": {"stage": "queued-for-train", "progress": 0, "position": 2},
        },
        # As a worker read it: the Train page shows the owner's record from then on.
        checked_at=timezone.now(),
    )
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base, "demo-lead")
    page.goto(f"{base}/team/trainings/")
    in_progress = page.get_by_role("region", name=re.compile("^In progress"))
    expect(in_progress).to_contain_text("Position 2 in the queue")
    expect(in_progress.get_by_role("progressbar", name="Progress of My Mascot")).to_be_visible()
    found = {"light": axe_violations(page)}

    running.model_record = {"id": running.model_id, "status": "trained"}
    running.save()
    # The board's own poll of our records moves it, without a reload.
    expect(page.get_by_role("heading", name="Trained (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="In progress (0)")).to_be_visible()
    page.emulate_media(color_scheme="dark")
    found["dark"] = axe_violations(page)
    assert {scheme: problems for scheme, problems in found.items() if problems} == {}
    page.get_by_role("link", name="My Mascot").click()
    expect(page.locator("#monitor-title")).to_contain_text("trained")
    assert csp_violations == []

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from scenario_ui.team.models import AuditEntry, Budget
from scenario_ui.team.selectors import AUDIT_PAGE_SIZE
from tests.conftest import user_with_role
from tests.forms.html import Element, parse_html

pytestmark = pytest.mark.django_db

BUDGETS = "/team/budgets/"


@pytest.fixture
def lead() -> Client:
    client = Client()
    client.force_login(user_with_role("lena", "lead"))
    return client


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def test_the_budgets_page_lists_the_team_and_every_user(lead: Client) -> None:
    milo = user_with_role("milo", "member")
    Budget.objects.create(user=milo, monthly_cu=Decimal(40))
    page = html_of(lead.get(BUDGETS))
    rows = page.one("table").one("tbody").find_all("tr")
    assert [row.one("th").text for row in rows] == ["The whole team", "lena", "milo"]
    milo_row = page.by_id(f"user-{milo.pk}")
    assert milo_row.one("input", name=f"user-{milo.pk}-monthly_cu").get("value") == "40.00"
    assert milo_row.one("label").text == "Monthly budget of milo (CU)"
    assert "0%" in milo_row.text


def test_a_lead_sets_a_budget_and_it_is_audited(lead: Client) -> None:
    milo = user_with_role("milo", "member")
    key = f"user-{milo.pk}"
    saved = lead.post(BUDGETS, {"row": key, f"{key}-monthly_cu": "250"}, follow=True)
    assert saved.redirect_chain == [(f"{BUDGETS}#{key}", 302)]
    assert "Budget of milo saved." in saved.content.decode()
    assert Budget.objects.get(user=milo).monthly_cu == Decimal(250)
    entry = AuditEntry.objects.first()
    assert entry is not None
    assert (entry.actor_name, entry.summary) == ("lena", "Budget of milo set to 250 CU")


def test_an_empty_budget_removes_it_and_the_team_row_sets_the_teams(lead: Client) -> None:
    lead.post(BUDGETS, {"row": "team", "team-monthly_cu": "1000"})
    assert Budget.objects.get(user=None).monthly_cu == Decimal(1000)
    lead.post(BUDGETS, {"row": "team", "team-monthly_cu": ""})
    assert not Budget.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "Ensure this value is greater than or equal to 0."),
        ("ten", "Enter a number."),
        ("1.555", "Ensure that there are no more than 2 decimal places."),
    ],
)
def test_a_bad_budget_is_refused_on_its_row_keeping_what_was_typed(
    lead: Client, typed: str, message: str
) -> None:
    milo = user_with_role("milo", "member")
    key = f"user-{milo.pk}"
    answer = lead.post(BUDGETS, {"row": key, f"{key}-monthly_cu": typed})
    assert answer.status_code == 422
    field = html_of(answer).by_id(f"id_{key}-monthly_cu")
    assert field.get("value") == typed
    assert field.get("aria-invalid") == "true"
    assert html_of(answer).by_id(f"id_{key}-monthly_cu_error").text == message
    assert not Budget.objects.exists()


@pytest.mark.parametrize("row", ["", "user-999999", "user-abc", "admin"])
def test_a_post_for_no_such_row_is_a_bad_request(lead: Client, row: str) -> None:
    assert lead.post(BUDGETS, {"row": row, f"{row}-monthly_cu": "5"}).status_code == 400
    assert not Budget.objects.exists()


def test_members_and_viewers_are_refused_with_who_sets_budgets() -> None:
    for role in ("member", "viewer"):
        client = Client()
        client.force_login(user_with_role(f"a-{role}", role))
        answer = client.get(BUDGETS)
        assert answer.status_code == 403
        assert "Budgets are set by leads" in html_of(answer).by_id("refusal").text


def test_only_leads_see_the_team_link() -> None:
    member = Client()
    member.force_login(user_with_role("milo", "member"))
    lead = Client()
    lead.force_login(user_with_role("lena", "lead"))
    assert 'href="/team/"' not in member.get("/studio/").content.decode()
    assert 'href="/team/"' in lead.get("/studio/").content.decode()


def test_the_audit_trail_pages_newest_first(lead: Client) -> None:
    milo = user_with_role("milo", "member")
    key = f"user-{milo.pk}"
    for amount in range(AUDIT_PAGE_SIZE + 2):
        lead.post(BUDGETS, {"row": key, f"{key}-monthly_cu": str(amount + 1)})
    first = html_of(lead.get("/team/audit/"))
    rows = first.one("tbody").find_all("tr")
    assert len(rows) == AUDIT_PAGE_SIZE
    assert (
        rows[0].find_all("td")[2].text
        == f"Budget of milo set to {AUDIT_PAGE_SIZE + 2} CU (was {AUDIT_PAGE_SIZE + 1} CU)"
    )
    older = first.one("a", rel="next").get("href") or ""
    last = html_of(lead.get(f"/team/audit/{older}"))
    texts = [row.find_all("td")[2].text for row in last.one("tbody").find_all("tr")]
    # The oldest entries: the roles given to the lead then to milo, then the first budget.
    assert texts[-3:] == [
        "Budget of milo set to 1 CU",
        "milo: role none → member",
        "lena: role none → lead",
    ]
    assert last.find_all("a", rel="next") == []


def test_an_unreadable_audit_cursor_shows_the_newest_page(lead: Client) -> None:
    page = lead.get("/team/audit/?cursor=zz")
    assert page.status_code == 200
    assert "That page link could not be read" in page.content.decode()


# --- queue actions, the audit trail's links and CSV, the credit alert -------------------------


@pytest.fixture
def queue_world(seeded_sandbox: None, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A lead's client and a member's running job (the sandbox's clock stands still)."""
    from django.utils import timezone

    from scenario_ui.sandbox import clock
    from tests.generate.support import JOB_SECONDS, LUMEN, MovableClock, submitted

    settings.SANDBOX_JOB_SECONDS = JOB_SECONDS
    monkeypatch.setattr(clock, "now", MovableClock(timezone.now()).now)
    lead_user = user_with_role("lena", "lead")
    client = Client()
    client.force_login(lead_user)
    owner = user_with_role("milo", "member")
    return client, submitted(owner, LUMEN, {"prompt": ["a lighthouse"]})


def test_a_cancel_without_javascript_goes_to_the_job_page_saying_so(queue_world: Any) -> None:
    lead, generation = queue_world
    answer = lead.post(f"/team/jobs/generation/{generation.pk}/cancel/", follow=True)
    assert answer.redirect_chain == [(f"/jobs/{generation.pk}/", 302)]
    page = html_of(answer)
    assert "Cancel sent for Generation" in page.one("div", class_="alert--info").text
    assert "Canceled" in page.one("h2", id="job-status-title").text


def test_a_cancel_by_htmx_answers_the_rows_outcome(queue_world: Any) -> None:
    lead, generation = queue_world
    answer = lead.post(
        f"/team/jobs/generation/{generation.pk}/cancel/", headers={"HX-Request": "true"}
    )
    fragment = html_of(answer)
    result = fragment.one("div", class_="row-actions")
    assert result.get("role") == "status"
    assert "Cancel sent" in result.text
    assert result.one("a").get("href") == f"/jobs/{generation.pk}/"
    again = html_of(
        lead.post(f"/team/jobs/generation/{generation.pk}/cancel/", headers={"HX-Request": "true"})
    )
    assert "had already ended (Canceled): nothing to cancel." in again.text


def test_a_cancel_of_an_unknown_kind_is_a_404(lead: Client) -> None:
    assert lead.post("/team/jobs/upload/1/cancel/").status_code == 404


def test_the_row_actions_offer_cancel_or_resubmit_to_leads_only() -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    lead_user = user_with_role("lena", "lead")
    member = user_with_role("milo", "member")

    def actions(user: Any, **row: Any) -> Element:
        request = RequestFactory().get("/team/")
        request.user = user
        fields = {"kind": "generation", "pk": 7, "user_name": "milo", **row}
        return html_of_text(render_to_string("team/_row_actions.html", {"row": fields}, request))

    running = actions(lead_user, status="queued", is_running=True, is_finished=False)
    form = running.one("form")
    assert form.get("action") == form.get("hx-post") == "/team/jobs/generation/7/cancel/"
    assert form.one("input", name="csrfmiddlewaretoken")
    assert running.one("button").text == "Cancel generation #7 of milo"
    failed = actions(lead_user, status="failure", is_running=False, is_finished=True)
    assert failed.one("a").get("href") == "/team/generations/7/resubmit/"
    assert not actions(
        lead_user, kind="training", status="failed", is_running=False, is_finished=True
    ).find_all("a")
    assert not actions(member, status="queued", is_running=True).find_all("form")
    assert not actions(AnonymousUser(), status="failure").find_all("a")


def html_of_text(text: str) -> Element:
    return parse_html(text)


def test_resubmit_confirms_with_the_cost_then_sends_once(queue_world: Any) -> None:
    from scenario_ui.generate.models import Generation

    lead, generation = queue_world
    Generation.objects.filter(pk=generation.pk).update(status=Generation.Status.FAILURE)
    url = f"/team/generations/{generation.pk}/resubmit/"
    page = html_of(lead.get(url))
    assert "Dry-run cost:" in page.one("p", class_="resubmit-cost").text
    assert '"prompt": "a lighthouse"' in page.one("pre").text
    assert "counts against the budgets of milo" in page.text
    form = page.one("form", class_="resubmit-form")
    token = form.one("input", name="__token").get("value")
    sent = lead.post(url, {"__token": token})
    again = Generation.objects.exclude(pk=generation.pk).get()
    assert sent.status_code == 302
    assert sent["Location"] == f"/jobs/{again.pk}/"
    assert lead.post(url, {"__token": token})["Location"] == f"/jobs/{again.pk}/"
    assert Generation.objects.count() == 2


def test_resubmitting_a_running_job_is_refused_clearly(queue_world: Any) -> None:
    lead, generation = queue_world
    url = f"/team/generations/{generation.pk}/resubmit/"
    page = html_of(lead.get(url))
    assert "only failed or canceled generations can be resubmitted" in page.text
    assert not page.find_all("form", class_="resubmit-form")
    refused = lead.post(url, {"__token": "x"})
    assert refused.status_code == 422


def test_the_audit_trail_links_each_job_and_exports_as_csv(queue_world: Any) -> None:
    lead, generation = queue_world
    lead.post(f"/team/jobs/generation/{generation.pk}/cancel/")
    page = html_of(lead.get("/team/audit/"))
    row = page.one("tbody").find_all("tr")[0]
    assert row.find_all("a")[0].get("href") == f"/jobs/{generation.pk}/"
    assert "of milo canceled" in row.text
    exported = lead.get("/team/audit.csv")
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(exported.streaming_content).decode().splitlines()
    assert lines[0] == "when_utc,who,action,what,job_url,original_job_url"
    assert lines[1].split(",")[1:3] == ["lena", "Job canceled"]
    assert lines[1].endswith(f",http://testserver/jobs/{generation.pk}/,")


def test_the_credit_alert_shows_to_leads_until_dismissed(lead: Client) -> None:
    from scenario_ui.team.credit_alerts import record_credit_alert

    alert = record_credit_alert(
        event_id="evt_1", payload={"threshold": 80, "creditsUsed": 8000, "creditLimit": 10000}
    )
    assert alert is not None
    banner = html_of(lead.get(BUDGETS)).one("div", class_="credit-alert")
    assert "The team has used 80% of its credits (8000 of 10000 CU)." in banner.text
    member = Client()
    member.force_login(user_with_role("milo", "member"))
    assert "credit-alert" not in member.get("/jobs/").content.decode()
    back = lead.post(f"/team/alerts/{alert.pk}/dismiss/", {"next": "/team/audit/"})
    assert back["Location"] == "/team/audit/"
    assert "credit-alert" not in lead.get(BUDGETS).content.decode()
    elsewhere = lead.post(f"/team/alerts/{alert.pk}/dismiss/", {"next": "https://evil.test/"})
    assert elsewhere["Location"] == "/team/audit/"


def test_a_leads_job_page_cancels_anothers_job_through_the_audited_action(
    queue_world: Any,
) -> None:
    from scenario_ui.generate.models import Generation

    lead, generation = queue_world
    page = html_of(lead.get(f"/jobs/{generation.pk}/"))
    cancel = page.one("form", where=lambda form: "Cancel job" in form.text)
    assert cancel.get("action") == f"/team/jobs/generation/{generation.pk}/cancel/"
    assert not page.find_all("a", href=f"/team/generations/{generation.pk}/resubmit/")
    Generation.objects.filter(pk=generation.pk).update(status=Generation.Status.FAILURE)
    failed = html_of(lead.get(f"/jobs/{generation.pk}/"))
    assert failed.one("a", href=f"/team/generations/{generation.pk}/resubmit/").text == (
        "Resubmit as is…"
    )
    owner = Client()
    owner.force_login(generation.user)
    own = html_of(owner.get(f"/jobs/{generation.pk}/"))
    assert not own.find_all("a", href=f"/team/generations/{generation.pk}/resubmit/")

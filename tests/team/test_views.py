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

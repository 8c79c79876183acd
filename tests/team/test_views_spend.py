from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import user_with_role
from tests.forms.html import Element, parse_html
from tests.team.spend_support import generation

pytestmark = pytest.mark.django_db

SPEND = "/team/spend/"
HOSTILE = '<script>alert("x")</script> & "Evil"'


@pytest.fixture
def lead() -> Client:
    client = Client()
    client.force_login(user_with_role("lena", "lead"))
    return client


@pytest.fixture
def jobs() -> None:
    today = timezone.localdate()
    ana = user_with_role("ana", "member")
    generation(day=today, user=ana, cu=6)
    generation(
        day=today - timedelta(days=1), user=None, cu=3, model_id="model_x", model_name=HOSTILE
    )
    generation(day=today - timedelta(days=40), user=ana, cu=5, status="failure")


def html_of(response: Any) -> Element:
    assert response.status_code == 200
    return parse_html(response.content.decode())


def test_the_page_draws_the_chart_with_a_table_behind_it(lead: Client, jobs: None) -> None:
    response = lead.get(SPEND)
    page = html_of(response)
    figure = page.one("figure")
    svg = figure.one("svg", role="img")
    assert svg.find_all("title")[0].text == "CU per day, stacked by model"
    assert "9.00 CU over 30 days" in svg.one("desc").text
    assert len(svg.find_all("rect")) == 2
    assert [li.text for li in figure.one("ul", class_="spend-legend").find_all("li")] == [
        "Lumen",
        HOSTILE,
    ]
    table = figure.one("figcaption").one("table")
    assert [th.text for th in table.one("thead").find_all("th", scope="col")] == [
        "Day",
        "Lumen",
        HOSTILE,
        "Total",
    ]
    assert len(table.one("tbody").find_all("th", scope="row")) == 30
    # Strict CSP: no inline style anywhere, the SVG included.
    assert "style=" not in response.content.decode()
    assert page.one("nav", aria_label="Team").one("a", aria_current="page").text == "Spend"


def test_a_hostile_model_name_is_text_everywhere(lead: Client, jobs: None) -> None:
    content = lead.get(SPEND).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Evil&quot;" in content


def test_totals_change_consumers_and_models(lead: Client, jobs: None) -> None:
    page = html_of(lead.get(SPEND))
    totals = page.one("dl", class_="spend-totals").text
    assert "CU spent 9.00 +80%" in totals
    assert "5.00 CU the 30 days before" in totals
    consumers = page.by_id("spend-users-title").parent
    assert consumers is not None
    assert [row.one("th").text for row in consumers.one("tbody").find_all("tr")] == [
        "ana",
        "External (API / web app)",
    ]
    models = page.by_id("spend-models-title").parent
    assert models is not None
    cells = [
        [cell.text for cell in row.children if not isinstance(cell, str)]
        for row in models.one("tbody").find_all("tr")
    ]
    assert cells[0] == ["Lumen", "1", "6.00", "6.00", "0.0% (0 failed)"]


def test_by_user_stacks_the_chart_by_user(lead: Client, jobs: None) -> None:
    page = html_of(lead.get(SPEND, {"by": "user"}))
    assert page.one("svg").find_all("title")[0].text == "CU per day, stacked by user"
    assert page.one("input", value="user").has("checked")
    legend = page.one("ul", class_="spend-legend")
    assert [li.text for li in legend.find_all("li")] == ["ana", "External (API / web app)"]


def test_htmx_gets_the_results_alone(lead: Client, jobs: None) -> None:
    response = lead.get(SPEND, {"range": "7d"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "<form" not in content
    assert "(7 days)" in content


def test_what_cannot_be_shown_is_said(lead: Client) -> None:
    page = html_of(lead.get(SPEND, {"by": "team", "range": "year"}))
    alerts = [alert.text for alert in page.find_all("p", role="alert")]
    assert alerts[0].startswith("Unknown range 'year': choose one of 30d, 7d, custom, today.")
    assert alerts[1].startswith("Unknown grouping 'team': choose one of model, user.")


def test_a_failing_usage_api_leaves_our_figures(lead: Client, jobs: None, fake_api) -> None:
    fake_api(lambda request: httpx.Response(502, json={"reason": "bad gateway"}))
    page = html_of(lead.get(SPEND))
    warning = page.one("div", class_="alert--warning")
    assert "Scenario's usage figures are unavailable: Scenario had an internal error" in (
        warning.text
    )
    assert "Scenario failed with HTTP 502: bad gateway." in warning.text
    assert "CU spent 9.00" in page.one("dl", class_="spend-totals").text


def test_scenarios_figures_are_shown_with_their_source(lead: Client, fake_api) -> None:
    fake_api(
        lambda request: httpx.Response(
            200,
            json={
                "consumption": [{"userId": "user_a", "value": 42}],
                "modelUsages": [{"modelId": "model_x", "points": [{"jobs": 2, "cost": 40}]}],
                "entities": {"users": [{"id": "user_a", "fullName": "Ana Lee"}]},
            },
        )
    )
    section = html_of(lead.get(SPEND)).by_id("spend-api-title").parent
    assert section is not None
    assert "42.00 CU consumed by the project, 2 jobs on models" in section.text
    accounts = [row.text for row in section.find_all("tbody")[0].find_all("tr")]
    assert accounts == ["Ana Lee42.00"]
    assert "Source: Scenario's usage API (usages.list" in section.text


@pytest.mark.parametrize("role", ["member", "viewer"])
@pytest.mark.parametrize("path", [SPEND, "/team/spend/days.csv"])
def test_members_and_viewers_are_refused(role: str, path: str) -> None:
    client = Client()
    client.force_login(user_with_role("someone", role))
    response = client.get(path)
    assert response.status_code == 403
    refusal = parse_html(response.content.decode()).by_id("refusal").text
    assert refusal.startswith("The team dashboard (everyone's jobs, spend and trainings) is for")


def test_the_csv_streams_the_chosen_range(lead: Client, jobs: None) -> None:
    response = lead.get("/team/spend/models.csv", {"range": "7d"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate()
    first = today - timedelta(days=6)
    assert response["Content-Disposition"] == (
        f'attachment; filename="spend-models-{first.isoformat()}-{today.isoformat()}.csv"'
    )
    lines = response.getvalue().decode().splitlines()
    assert lines[0] == "Model,Model ID,Jobs,CU,CU per job,Failed,Failure rate (%)"
    assert lines[1] == "Lumen,model_lumen,1,6.0,6.0,0,0.0"
    assert len(lines) == 3


def test_csv_cells_that_look_like_formulas_are_text(lead: Client) -> None:
    generation(day=timezone.localdate(), user=None, cu=1, model_name="=HYPERLINK(1)")
    response = lead.get("/team/spend/days.csv")
    content = response.getvalue().decode()
    assert ",'=HYPERLINK(1),1,1.0" in content


def test_an_unknown_csv_table_is_a_404_naming_the_tables(lead: Client, settings: Any) -> None:
    response = lead.get("/team/spend/budgets.csv")
    assert response.status_code == 404

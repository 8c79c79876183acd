"""Budgets at the moment of sending: a generation or a training over budget is refused before
anything is sent or recorded; a form near its budget warns."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from django.test import Client

from scenario_ui.generate.models import Generation
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining
from scenario_ui.team import budget_check
from scenario_ui.team.budget_check import CostUnchecked, generation_refusal
from scenario_ui.team.budgets import OverBudget
from scenario_ui.team.models import Budget
from scenario_ui.training.models import Training
from tests.conftest import Handler, user_with_role
from tests.forms.html import Element, parse_html, posted_fields

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

LUMEN = "model_demo-lumen-xl"
MASCOT = "model_demo-my-mascot-flux"


@pytest.fixture
def milo() -> Any:
    return user_with_role("milo", "member")


@pytest.fixture
def member(milo: Any) -> Client:
    client = Client()
    client.force_login(milo)
    return client


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def generate(client: Client) -> Any:
    data = posted_fields(html_of(client.get(f"/models/{LUMEN}/")))
    return client.post(f"/models/{LUMEN}/generate/", {**data, "prompt": "a lighthouse"})


def test_a_generation_over_budget_is_refused_and_nothing_is_sent(milo: Any, member: Client) -> None:
    user_with_role("lena", "lead")
    Budget.objects.create(user=milo, monthly_cu=Decimal("0.5"))

    answer = generate(member)

    assert answer.status_code == 422
    alert = html_of(answer).by_id("submit-error")
    assert alert.one("h2").text == "Over budget"
    message = alert.find_all("p")[0].text
    assert message.startswith("This costs ")
    assert "your monthly budget is 0.5 CU with 0 CU spent this month: it would go over." in message
    assert "A lead can raise the budget (lena)" in message
    assert Generation.objects.count() == SandboxJob.objects.count() == 0
    # The typed prompt is kept.
    assert posted_fields(html_of(answer))["prompt"] == "a lighthouse"


def test_the_teams_budget_refuses_too(member: Client) -> None:
    Budget.objects.create(user=None, monthly_cu=Decimal(0))
    alert = html_of(generate(member)).by_id("submit-error")
    assert "the team's monthly budget is 0 CU" in alert.find_all("p")[0].text


def test_a_generation_within_budget_is_sent(milo: Any, member: Client) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(1000))
    assert generate(member).status_code == 302
    assert Generation.objects.count() == SandboxJob.objects.count() == 1


def test_without_a_budget_no_dry_run_is_spent_on_the_check(
    member: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a dry run without any budget")

    monkeypatch.setattr(budget_check, "estimate_cost", refuse)
    assert generate(member).status_code == 302


def test_a_failed_dry_run_under_a_budget_sends_nothing(milo: Any, fake_api: Any, db: None) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(10))

    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"reason": "Down for maintenance"})

    handler: Handler = broken
    seen = fake_api(handler)
    refusal = generation_refusal(milo, LUMEN, {"prompt": "x"})
    assert isinstance(refusal, CostUnchecked)
    assert refusal.title == "Budget not checked"
    assert refusal.message.startswith(
        "A monthly budget applies to you, and Scenario could not tell the cost of this "
        "request, so nothing was sent."
    )
    assert [request.url.params.get("dryRun") for request in seen] == ["true"]


def test_the_form_warns_from_80_percent_of_a_budget(milo: Any, member: Client) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(10))
    assert html_of(member.get(f"/models/{LUMEN}/")).find_all(id="budget-warning") == []
    Generation.objects.create(user=milo, model_id=LUMEN, creative_units=8)
    warning = html_of(member.get(f"/models/{LUMEN}/")).by_id("budget-warning")
    assert warning.text.startswith("80% of your monthly budget is spent this month: 8 of 10 CU.")


# --- training ---------------------------------------------------------------------------------


def reviewed(client: Client) -> Element:
    page = html_of(client.get(f"/models/{MASCOT}/train/"))
    answer = client.post(f"/models/{MASCOT}/train/review/", posted_fields(page))
    assert answer.status_code == 200
    return html_of(answer)


def start(client: Client) -> Any:
    review = reviewed(client)
    data = posted_fields(review)
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    return client.post(f"/models/{MASCOT}/train/start/", data)


def test_a_training_over_budget_is_refused_at_start_and_nothing_starts(
    milo: Any, member: Client
) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(20))
    answer = start(member)
    assert answer.status_code == 422
    box = html_of(answer).by_id("training-review")
    first, second = (p.text for p in box.one("div", class_="alert").find_all("p"))
    assert first.startswith("Over budget. This costs 52 CU, and your monthly budget is 20 CU")
    assert second == "Nothing was started."
    assert Training.objects.count() == SandboxTraining.objects.count() == 0


def test_a_training_within_budget_starts(milo: Any, member: Client) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(52))
    assert start(member).status_code == 302
    assert Training.objects.count() == 1


def test_over_budget_is_the_first_budget_passed(milo: Any, db: None) -> None:
    Budget.objects.create(user=milo, monthly_cu=Decimal(100))
    Budget.objects.create(user=None, monthly_cu=Decimal(5))
    refusal = budget_check.training_refusal(milo, 6)
    assert isinstance(refusal, OverBudget)
    assert refusal.limit.is_team

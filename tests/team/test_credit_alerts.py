"""The team's credit alerts: kept once, the newest shown to each lead until dismissed."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from scenario_ui.team.credit_alerts import banner_alert, dismiss_alert, record_credit_alert
from scenario_ui.team.models import CreditAlert
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead() -> User:
    made: User = user_with_role("lena", "lead")
    return made


def test_an_alert_is_kept_once_with_what_its_payload_says() -> None:
    payload = {"threshold": 100, "creditsUsed": 10012.5, "creditLimit": 10000}
    alert = record_credit_alert(event_id="evt_1", payload=payload)
    assert alert is not None
    assert (alert.threshold_percent, alert.payload) == (100.0, payload)
    assert alert.summary == "The team has used 100% of its credits (10012.5 of 10000 CU)."
    assert record_credit_alert(event_id="evt_1", payload=payload) is None
    assert CreditAlert.objects.count() == 1


def test_an_alert_without_the_figures_still_reads_right() -> None:
    alert = record_credit_alert(event_id="evt_1", payload={"threshold": "high"})
    assert alert is not None
    assert alert.threshold_percent is None
    assert alert.summary == "The team's credit use crossed an alert threshold."


def test_leads_alone_see_the_newest_alert_until_they_dismiss_it(lead: User) -> None:
    other_lead = user_with_role("olga", "lead")
    member = user_with_role("milo", "member")
    assert banner_alert(lead) is None
    first = record_credit_alert(event_id="evt_1", payload={"threshold": 80})
    assert first is not None
    assert _shown(lead) == first.pk
    assert banner_alert(member) is None
    assert dismiss_alert(user=lead, pk=first.pk)
    assert banner_alert(lead) is None
    assert _shown(other_lead) == first.pk
    newer = record_credit_alert(event_id="evt_2", payload={"threshold": 100})
    assert newer is not None
    assert _shown(lead) == newer.pk
    assert not dismiss_alert(user=lead, pk=999_999)


def test_a_page_reads_the_banner_from_the_cache(lead: User, django_assert_num_queries: Any) -> None:
    alert = record_credit_alert(event_id="evt_1", payload={"threshold": 80})
    assert alert is not None
    assert _shown(lead) == alert.pk
    with django_assert_num_queries(0):
        assert _shown(lead) == alert.pk


def _shown(user: User) -> int | None:
    banner = banner_alert(user)
    return banner.pk if banner else None

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from scenario_ui.team.context_processors import credit_alert
from scenario_ui.team.credit_alerts import record_credit_alert
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def test_the_banner_is_the_leads_and_read_only_when_shown() -> None:
    alert = record_credit_alert(event_id="evt_1", payload={"threshold": 80})
    request = RequestFactory().get("/")
    request.user = user_with_role("lena", "lead")
    shown = credit_alert(request)["credit_alert"]
    assert alert is not None
    assert getattr(shown, "pk", None) == alert.pk
    request.user = AnonymousUser()
    assert not credit_alert(request)["credit_alert"]

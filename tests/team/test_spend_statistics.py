"""Team migration 0003: the planner's statistics on the spend page's grouping (PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statistics objects are PostgreSQL's")
def test_the_day_user_model_grouping_has_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT stxname, pg_get_statisticsobjdef_expressions(oid)::text "
            "FROM pg_statistic_ext ORDER BY stxname"
        )
        found = dict(cursor.fetchall())
    assert (
        found.get("generation_spend_groups")
        == "{\"((created_at AT TIME ZONE 'UTC'::text))::date\"}"
    )
    assert "training_spend_groups" in found

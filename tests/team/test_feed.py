"""The feed's selectors: each filter, combinations, cursor pages across both tables."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.team import feed as feed_module
from scenario_ui.team.feed import Cursor, every_row, feed_page, feed_row
from scenario_ui.team.feed_filters import FeedFilters
from scenario_ui.team.ranges import DateRange
from tests.conftest import user_with_role
from tests.team.feed_support import ago, generation, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def ann() -> User:
    made: User = user_with_role("ann", "member")
    return made


@pytest.fixture
def bob() -> User:
    made: User = user_with_role("bob", "member")
    return made


def shown(filters: FeedFilters, cursor: str = "") -> list[tuple[str, int]]:
    return [(row.kind, row.pk) for row in feed_page(filters=filters, cursor=cursor).rows]


def test_everything_newest_first_with_external_jobs_and_trainings(ann: User, bob: User) -> None:
    old = generation(ann, at=ago(days=3))
    external = generation(None, at=ago(days=2))
    trained = training(bob, at=ago(days=1))
    new = generation(bob, at=ago(hours=1))
    assert shown(FeedFilters()) == [
        ("generation", new.pk),
        ("training", trained.pk),
        ("generation", external.pk),
        ("generation", old.pk),
    ]
    rows = feed_page(filters=FeedFilters()).rows
    assert [row.user_name for row in rows] == ["bob", "bob", "External (API / web app)", "ann"]


def test_filter_by_user_and_external(ann: User, bob: User) -> None:
    mine = generation(ann)
    trained = training(ann)
    generation(bob)
    external = generation(None)
    assert set(shown(FeedFilters(user="ann"))) == {
        ("generation", mine.pk),
        ("training", trained.pk),
    }
    assert shown(FeedFilters(user="external")) == [("generation", external.pk)]


def test_filter_by_model_status_and_kind(ann: User) -> None:
    failed = generation(ann, model_id="model_b", status="failure")
    generation(ann, model_id="model_b", status="success")
    generation(ann, model_id="model_c", status="failure")
    trained = training(ann, model_id="model_b", status="trained")
    assert set(shown(FeedFilters(model_id="model_b", status="failure"))) == {
        ("generation", failed.pk)
    }
    assert shown(FeedFilters(status="trained")) == [("training", trained.pk)]
    assert shown(FeedFilters(kind="training")) == [("training", trained.pk)]
    assert all(kind == "generation" for kind, _ in shown(FeedFilters(kind="generation")))
    assert len(shown(FeedFilters(kind="generation"))) == 3


def test_a_training_before_its_model_is_read_has_its_outcome_as_status(ann: User) -> None:
    waiting = training(ann, status="", outcome="unknown")
    unknown_job = generation(ann, status="unknown")
    assert set(shown(FeedFilters(status="unknown"))) == {
        ("training", waiting.pk),
        ("generation", unknown_job.pk),
    }


def test_filter_by_date_range(ann: User) -> None:
    today = generation(ann)
    generation(ann, at=ago(days=10))
    chosen = DateRange(preset="today", first=timezone.localdate(), last=timezone.localdate())
    assert shown(FeedFilters(range=chosen)) == [("generation", today.pk)]
    week = DateRange(preset="custom", first=date.today() - timedelta(days=12), last=date.today())
    assert len(shown(FeedFilters(range=week))) == 2


def test_prompt_search_ignores_case_and_leaves_trainings_out(ann: User) -> None:
    lighthouse = generation(ann, prompt="A Lighthouse at dawn")
    generation(ann, prompt="a forest")
    training(ann)
    assert shown(FeedFilters(q="lighthouse")) == [("generation", lighthouse.pk)]


def test_hide_finished_keeps_running_jobs_and_trainings(ann: User) -> None:
    running = generation(ann, status="in-progress", job_id="j1")
    generation(ann, status="success")
    generation(ann, status="canceled")
    active = training(ann, status="training")
    training(ann, status="trained")
    assert set(shown(FeedFilters(hide_finished=True))) == {
        ("generation", running.pk),
        ("training", active.pk),
    }


def test_combined_filters(ann: User, bob: User) -> None:
    wanted = generation(ann, model_id="model_b", status="failure", prompt="red fox")
    generation(ann, model_id="model_b", status="failure", prompt="blue fox", at=ago(days=40))
    generation(bob, model_id="model_b", status="failure", prompt="red fox")
    generation(ann, model_id="model_c", status="failure", prompt="red fox")
    last_week = DateRange(preset="7d", first=date.today() - timedelta(days=6), last=date.today())
    filters = FeedFilters(
        user="ann",
        model_id="model_b",
        status="failure",
        kind="generation",
        range=last_week,
        q="fox",
    )
    assert shown(filters) == [("generation", wanted.pk)]


def test_cursor_pages_cover_both_tables_once_even_on_ties(
    ann: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 3)
    same_moment = ago(hours=2)
    made = [("generation", generation(ann, at=same_moment).pk) for _ in range(3)]
    made += [("training", training(ann, at=same_moment).pk) for _ in range(2)]
    made += [("generation", generation(ann, at=ago(days=day)).pk) for day in range(1, 4)]
    seen: list[tuple[str, int]] = []
    cursor = ""
    for _ in range(5):
        page = feed_page(filters=FeedFilters(), cursor=cursor)
        seen += [(row.kind, row.pk) for row in page.rows]
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(seen) == sorted(made)
    assert len(seen) == len(made) == 8
    # Generations before trainings on a tie, higher ids first.
    assert seen[:5] == sorted(made[:3], reverse=True) + sorted(made[3:5], reverse=True)


def test_a_cursor_that_cannot_be_read_gives_the_newest_page(ann: User) -> None:
    newest = generation(ann)
    page = feed_page(filters=FeedFilters(), cursor="nonsense")
    assert page.cursor_refused
    assert [row.pk for row in page.rows] == [newest.pk]


def test_a_cursor_reads_back_as_written(ann: User) -> None:
    generation(ann)
    cursor = Cursor.after(feed_page(filters=FeedFilters()).rows[0])
    assert Cursor.parse(str(cursor)) == cursor
    assert Cursor.parse("generation-99999999999999999999-1") is None


def test_every_row_streams_all_matches_in_order(ann: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 1)
    made = [generation(ann, at=ago(days=day)).pk for day in range(4)]
    trained = training(ann, at=ago(days=1, hours=12))
    rows = list(every_row(FeedFilters()))
    assert [(row.kind, row.pk) for row in rows] == [
        ("generation", made[0]),
        ("generation", made[1]),
        ("training", trained.pk),
        ("generation", made[2]),
        ("generation", made[3]),
    ]
    assert [row.pk for row in every_row(FeedFilters(kind="training"))] == [trained.pk]


def test_feed_row_reads_one_row(ann: User) -> None:
    made = generation(ann)
    found = feed_row(kind="generation", pk=made.pk)
    assert found is not None
    assert found.pk == made.pk
    assert feed_row(kind="training", pk=made.pk) is None
    assert feed_row(kind="nonsense", pk=made.pk) is None


def test_a_deleted_user_matches_nothing(ann: User) -> None:
    generation(None)
    assert shown(FeedFilters(user="gone")) == []

"""The feed page's gathered state: its links keep the filters, and the cursor it follows."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from scenario_ui.team import feed as feed_module
from scenario_ui.team.feed_screen import feed_screen
from tests.conftest import user_with_role
from tests.team.feed_support import ago, generation

pytestmark = pytest.mark.django_db


def test_links_keep_the_filters_that_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 1)
    ann = user_with_role("ann", "member")
    generation(ann, at=ago(hours=1))
    generation(ann, at=ago(hours=2))
    screen = feed_screen(QueryDict("user=ann&model=&status=bogus&q=fox+"))
    assert screen.problems
    assert screen.filtered
    assert screen.permalink == screen.newest_url == "/team/?user=ann&q=fox"
    assert screen.csv_url == "/team/feed.csv?user=ann&q=fox"
    assert screen.older_url == ""
    paged = feed_screen(QueryDict("user=ann"))
    assert paged.older_url.startswith("/team/?user=ann&cursor=generation-")
    later = feed_screen(QueryDict(paged.older_url.split("?")[1]))
    assert later.cursor
    assert later.permalink == paged.older_url
    assert later.older_url == ""


def test_a_refused_cursor_is_not_kept() -> None:
    screen = feed_screen(QueryDict("cursor=garbage"))
    assert screen.page.cursor_refused
    assert (screen.cursor, screen.permalink, screen.filtered) == ("", "/team/", False)


def test_a_refused_custom_range_keeps_what_was_typed() -> None:
    screen = feed_screen(QueryDict("range=custom&from=2026-11-01"))
    assert screen.problems == ["A custom range needs both dates as YYYY-MM-DD (From and To)."]
    assert screen.typed == {"range": "custom", "from": "2026-11-01", "to": ""}
    assert screen.range_choice == "custom"
    assert feed_screen(QueryDict("range=year")).range_choice == "30d"
    assert feed_screen(QueryDict("")).range_choice == "30d"
    assert feed_screen(QueryDict("range=all")).range_choice == "all"

"""What the activity feed page shows, gathered for its view: filters read, one page, choices."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from scenario_ui.team.feed import FeedPage, feed_page
from scenario_ui.team.feed_filters import (
    ANY_TIME,
    FeedChoices,
    FeedFilters,
    feed_choices,
    read_feed_filters,
)

# Running rows re-read our record this often (a worker keeps it fresh).
POLL_SECONDS = 3


@dataclass(frozen=True)
class FeedScreen:
    filters: FeedFilters
    problems: list[str]
    choices: FeedChoices
    page: FeedPage
    # The cursor this page follows: "" for the newest page.
    cursor: str
    # The date fields as they were sent (`range`, `from`, `to`): a refused range keeps them.
    typed: dict[str, str]

    @property
    def permalink(self) -> str:
        """The page's URL with only the filters that apply (and its cursor)."""
        return _url("team:feed", self.filters, cursor=self.cursor)

    @property
    def newest_url(self) -> str:
        return _url("team:feed", self.filters)

    @property
    def older_url(self) -> str:
        cursor = self.page.next_cursor
        return _url("team:feed", self.filters, cursor=cursor) if cursor else ""

    @property
    def csv_url(self) -> str:
        return _url("team:feed_csv", self.filters)

    @property
    def range_choice(self) -> str:
        """The range option to show chosen: as sent (a custom one with a missing date too),
        else the range shown."""
        sent = self.typed["range"]
        if sent in dict(self.choices.ranges):
            return sent
        return self.filters.range.preset if self.filters.range else ANY_TIME

    @property
    def filtered(self) -> bool:
        return bool(self.filters.query())


def feed_screen(params: QueryDict) -> FeedScreen:
    choices = feed_choices()
    read = read_feed_filters(params, choices=choices)
    cursor = params.get("cursor", "")
    page = feed_page(filters=read.filters, cursor=cursor)
    return FeedScreen(
        filters=read.filters,
        problems=read.problems,
        choices=choices,
        page=page,
        cursor="" if page.cursor_refused else cursor,
        typed={name: params.get(name, "") for name in ("range", "from", "to")},
    )


def _url(name: str, filters: FeedFilters, *, cursor: str = "") -> str:
    query = {**filters.query(), **({"cursor": cursor} if cursor else {})}
    return reverse(name) + (f"?{urlencode(query)}" if query else "")

"""The team's activity feed: every generation and training, newest first, one page at a time.

Two tables read in the same order and merged: each page is a keyset range scan on
(created_at, id) of each table, cut where the last page ended (the cursor), so a page
costs the same at row 50 or at row 100,000. The indexes it leans on are in the models.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from scenario_ui.generate.models import TERMINAL, Generation
from scenario_ui.team.feed_filters import (
    EXTERNAL,
    GENERATION_STATUSES,
    TRAINING_STATUSES,
    FeedFilters,
)
from scenario_ui.team.feed_rows import (
    KIND_RANKS,
    FeedRow,
    feed_order,
    generation_row,
    training_row,
)
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES

PAGE_SIZE: Final = 25
# Rows read from the database at a time by the CSV export.
EXPORT_CHUNK: Final = 1000
_CURSOR = re.compile(r"^(generation|training)-(\d{1,20})-(\d{1,20})$")
# A training's status before its model is read is its request's outcome.
_OUTCOMES = set(Training.Outcome.values)


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last row shown, as (created_at, kind, pk)."""

    created_at: datetime
    kind: str
    pk: int

    @classmethod
    def after(cls, row: FeedRow) -> Cursor:
        return cls(row.created_at, row.kind, row.pk)

    @classmethod
    def parse(cls, text: str) -> Cursor | None:
        found = _CURSOR.match(text)
        if found is None:
            return None
        kind, micros, pk = found.groups()
        try:
            moment = datetime.fromtimestamp(int(micros) / 1_000_000, tz=UTC)
        except (OverflowError, ValueError, OSError):
            return None
        return cls(moment, kind, int(pk))

    def __str__(self) -> str:
        micros = round(self.created_at.timestamp() * 1_000_000)
        return f"{self.kind}-{micros}-{self.pk}"

    def older(self, kind: str) -> Q:
        """The rows of `kind`'s table that come after this cursor, newest first."""
        rank, own_rank = KIND_RANKS[kind], KIND_RANKS[self.kind]
        if rank < own_rank:
            return Q(created_at__lte=self.created_at)
        if rank > own_rank:
            return Q(created_at__lt=self.created_at)
        # The outer bound lets the database range-scan the index; the OR settles the tie.
        return Q(created_at__lte=self.created_at) & (
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.pk)
        )


@dataclass(frozen=True)
class FeedPage:
    rows: list[FeedRow]
    # The cursor of the next (older) page; "" on the last one.
    next_cursor: str
    # The cursor given could not be read: this is the newest page instead.
    cursor_refused: bool = False


def feed_page(*, filters: FeedFilters, cursor: str = "") -> FeedPage:
    after = Cursor.parse(cursor) if cursor else None
    generations = matching_generations(filters, after=after)
    trainings = matching_trainings(filters, after=after)
    # Ordered as records first, so only the rows shown are built.
    read: list[tuple[tuple[datetime, int, int], Generation | Training]] = [
        *((_key(g, "generation"), g) for g in _first(generations, PAGE_SIZE + 1)),
        *((_key(t, "training"), t) for t in _first(trainings, PAGE_SIZE + 1)),
    ]
    read.sort(key=lambda pair: pair[0], reverse=True)
    shown = [_row(record) for _, record in read[:PAGE_SIZE]]
    more = len(read) > PAGE_SIZE
    return FeedPage(
        rows=shown,
        next_cursor=str(Cursor.after(shown[-1])) if more else "",
        cursor_refused=bool(cursor) and after is None,
    )


def every_row(filters: FeedFilters) -> Iterator[FeedRow]:
    """Every matching row, newest first, read in chunks (the CSV export: flat memory)."""
    generations = matching_generations(filters, after=None)
    trainings = matching_trainings(filters, after=None)
    streams: list[Iterator[FeedRow]] = []
    if generations is not None:
        streams.append(generation_row(g) for g in generations.iterator(chunk_size=EXPORT_CHUNK))
    if trainings is not None:
        streams.append(training_row(t) for t in trainings.iterator(chunk_size=EXPORT_CHUNK))
    return heapq.merge(*streams, key=lambda row: row.sort_key, reverse=True)


def feed_row(*, kind: str, pk: int) -> FeedRow | None:
    """One row, read again for its live update."""
    if kind not in KIND_RANKS:
        return None
    if kind == "generation":
        generation = Generation.objects.select_related("user").filter(pk=pk).first()
        return generation_row(generation) if generation is not None else None
    training = Training.objects.select_related("user").filter(pk=pk).first()
    return training_row(training) if training is not None else None


def matching_generations(
    filters: FeedFilters, *, after: Cursor | None
) -> QuerySet[Generation] | None:
    """None when no generation can match (a training's kind or status)."""
    if filters.kind == "training" or (filters.status and filters.status not in GENERATION_STATUSES):
        return None
    found = Generation.objects.select_related("user").order_by("-created_at", "-id")
    if filters.user == EXTERNAL:
        found = found.filter(user__isnull=True)
    elif filters.user:
        if (user_id := _user_id(filters.user)) is None:
            return None
        found = found.filter(user_id=user_id)
    if filters.model_id:
        found = found.filter(model_id=filters.model_id)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.hide_finished:
        # As the partial index's condition says it, so the database can use it.
        found = found.exclude(status__in=TERMINAL)
    if filters.q:
        found = found.filter(prompt__icontains=filters.q)
    return _in_range(found, filters, after=after, kind="generation")


def matching_trainings(filters: FeedFilters, *, after: Cursor | None) -> QuerySet[Training] | None:
    """None when no training can match: they have no prompt, and none is external."""
    training_status = filters.status and filters.status not in TRAINING_STATUSES
    if filters.kind == "generation" or filters.user == EXTERNAL or filters.q or training_status:
        return None
    found = Training.objects.select_related("user").order_by("-created_at", "-id")
    if filters.user:
        if (user_id := _user_id(filters.user)) is None:
            return None
        found = found.filter(user_id=user_id)
    if filters.model_id:
        found = found.filter(model_id=filters.model_id)
    if filters.status in _OUTCOMES:
        found = found.filter(outcome=filters.status).exclude(model_record__has_key="status")
    elif filters.status:
        found = found.filter(model_record__status=filters.status)
    if filters.hide_finished:
        found = found.exclude(model_record__status__in=FINISHED_STATUSES)
    return _in_range(found, filters, after=after, kind="training")


def _in_range[M: (Generation, Training)](
    found: QuerySet[M], filters: FeedFilters, *, after: Cursor | None, kind: str
) -> QuerySet[M]:
    if filters.range is not None:
        found = found.filter(created_at__gte=filters.range.start, created_at__lt=filters.range.end)
    return found.filter(after.older(kind)) if after is not None else found


def _key(record: Generation | Training, kind: str) -> tuple[datetime, int, int]:
    return feed_order(created_at=record.created_at, kind=kind, pk=record.pk)


def _row(record: Generation | Training) -> FeedRow:
    return generation_row(record) if isinstance(record, Generation) else training_row(record)


def _first[M: (Generation, Training)](found: QuerySet[M] | None, count: int) -> list[M]:
    # (`is None`, never the queryset's truth: that would read every row.)
    return [] if found is None else list(found[:count])


def _user_id(username: str) -> int | None:
    return User.objects.filter(username=username).values_list("pk", flat=True).first()

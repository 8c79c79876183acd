"""The activity feed's filters as its URL holds them (permalinks), each checked on its own:
a value we cannot use is named with the valid ones and dropped, the others still apply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

from django.contrib.auth.models import User
from django.db import connection
from django.http import QueryDict

from scenario_ui.generate.job_list import TRAINED_STATUS_LABELS
from scenario_ui.generate.models import Generation
from scenario_ui.team.ranges import (
    DEFAULT_PRESET,
    PRESET_LABELS,
    DateRange,
    RangeRefused,
    read_range,
    shown_range,
)
from scenario_ui.training.models import Training

# `user=external`: jobs of the team's project submitted outside the app (sweep imports).
EXTERNAL: Final = "external"
EXTERNAL_LABEL: Final = "External (API / web app)"
KINDS: Final = {"generation": "Jobs", "training": "Trainings"}
# A training's status: its model's status once read, before that the request's outcome.
TRAINING_STATUSES: Final = {**TRAINED_STATUS_LABELS, **dict(Training.Outcome.choices)}
GENERATION_STATUSES: Final = dict(Generation.Status.choices)
MAX_QUERY_LENGTH: Final = 200
# `range=all`: the whole history. No range is the last 30 days, as on the other team pages.
ANY_TIME: Final = "all"


@dataclass(frozen=True)
class FeedFilters:
    user: str = ""
    model_id: str = ""
    status: str = ""
    kind: str = ""
    # None: any time.
    range: DateRange | None = None
    q: str = ""
    hide_finished: bool = False

    def query(self) -> dict[str, str]:
        """The URL parameters that give these filters back (permalinks, export, pages)."""
        chosen = {
            "user": self.user,
            "model": self.model_id,
            "status": self.status,
            "kind": self.kind,
            **self._range_query(),
            "q": self.q,
            "hide_finished": "1" if self.hide_finished else "",
        }
        return {name: value for name, value in chosen.items() if value}

    def _range_query(self) -> dict[str, str]:
        if self.range is None:
            return {"range": ANY_TIME}
        # The default range is what a bare /team/ shows: its permalink needs no parameter.
        return {} if self.range.preset == DEFAULT_PRESET else self.range.query()


@dataclass(frozen=True)
class FeedChoices:
    users: list[tuple[str, str]]
    models: list[tuple[str, str]]
    generation_statuses: list[tuple[str, str]] = field(
        default_factory=lambda: list(GENERATION_STATUSES.items())
    )
    # "Submitting" and "Submission status unknown" name both kinds' requests: one option each.
    training_statuses: list[tuple[str, str]] = field(
        default_factory=lambda: [
            (value, label)
            for value, label in TRAINING_STATUSES.items()
            if value not in GENERATION_STATUSES
        ]
    )
    kinds: list[tuple[str, str]] = field(default_factory=lambda: list(KINDS.items()))
    ranges: list[tuple[str, str]] = field(
        default_factory=lambda: [*PRESET_LABELS.items(), (ANY_TIME, "Any time")]
    )


@dataclass(frozen=True)
class FeedFilterRead:
    filters: FeedFilters
    # One sentence per refused parameter, naming what it may be.
    problems: list[str]


def feed_choices() -> FeedChoices:
    users = User.objects.order_by("username").values_list("username", flat=True)
    return FeedChoices(
        users=[(EXTERNAL, EXTERNAL_LABEL), *((name, name) for name in users)],
        models=used_models(),
    )


def read_feed_filters(
    params: QueryDict, *, choices: FeedChoices, today: date | None = None
) -> FeedFilterRead:
    problems: list[str] = []

    def one_of(name: str, valid: list[str], what: str) -> str:
        value = params.get(name, "")
        if value and value not in valid:
            problems.append(f"Unknown {what} {value!r}: choose one of {', '.join(valid)}.")
            return ""
        return value

    user = one_of("user", [value for value, _ in choices.users], "user")
    model_id = one_of("model", [value for value, _ in choices.models], "model")
    status = one_of("status", list({**GENERATION_STATUSES, **TRAINING_STATUSES}), "status")
    kind = one_of("kind", list(KINDS), "kind")
    hide_finished = one_of("hide_finished", ["1"], "hide_finished value") == "1"
    read = None if params.get("range") == ANY_TIME else read_range(params, today=today)
    if isinstance(read, RangeRefused):
        problems.append(read.message)
    q = " ".join(params.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        problems.append(f"The prompt search is cut to its first {MAX_QUERY_LENGTH} characters.")
        q = q[:MAX_QUERY_LENGTH]
    filters = FeedFilters(
        user=user,
        model_id=model_id,
        status=status,
        kind=kind,
        range=shown_range(read) if read is not None else None,
        q=q,
        hide_finished=hide_finished,
    )
    return FeedFilterRead(filters=filters, problems=problems)


def used_models() -> list[tuple[str, str]]:
    """(model id, latest name) of every model the team generated or trained with, by name."""
    names = dict(_generation_models())
    for model_id, name in Training.objects.values_list("model_id", "model_name").distinct():
        names.setdefault(model_id, name)
    return sorted(
        ((model_id, name or model_id) for model_id, name in names.items()),
        key=lambda pair: (pair[1].lower(), pair[0]),
    )


def _generation_models() -> list[tuple[str, str]]:
    """A loose index scan: one probe of (model_id, created_at) per model, so it costs the
    same with 100 jobs or 100,000 (a DISTINCT would read every row)."""
    # The table name is ours, quoted; the query takes no parameters.
    table = connection.ops.quote_name(Generation._meta.db_table)
    sql = f"""
        WITH RECURSIVE used(model_id) AS (
            SELECT MIN(model_id) FROM {table}
            UNION ALL
            SELECT (SELECT MIN(model_id) FROM {table} WHERE model_id > used.model_id)
            FROM used WHERE used.model_id IS NOT NULL
        )
        SELECT model_id, (
            SELECT model_name FROM {table} named
            WHERE named.model_id = used.model_id ORDER BY created_at DESC LIMIT 1
        ) FROM used WHERE model_id IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [(str(model_id), str(name or "")) for model_id, name in cursor.fetchall()]

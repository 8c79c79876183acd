"""`GET /usages` computed from the sandbox's own jobs and trainings.

What it answers, in the shapes of the SDK's `UsageListResponse`:
- `consumption`: the CU of the one sandbox user (jobs and trainings), biggest first;
- `modelUsages`: per model, one point per UTC day with its jobs and CU;
- `entities`: the user and the models named above.
Other types (`usages`, `activity`, asset counts...) are answered as empty lists. Points
are always daily (`1d`); the real API picks finer buckets for short ranges. As documented,
`dropZeroPoints` removes the days without jobs but keeps each model's entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from django.db.models import Case, Count, F, FloatField, Q, Sum, Value, When
from django.db.models.functions import TruncDate
from django.http import QueryDict

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.listing import list_param
from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject, JsonValue
from scenario_ui.sandbox.models import SandboxJob, SandboxModel, SandboxTraining

MAX_DAYS: Final = 120
TIME_RANGES: Final = {
    "last-hour": timedelta(hours=1),
    "last-day": timedelta(days=1),
    "last-three-days": timedelta(days=3),
    "last-seven-days": timedelta(days=7),
    "last-thirty-one-days": timedelta(days=31),
}
DEFAULT_TIME_RANGE: Final = "last-thirty-one-days"
COMPUTED_TYPES: Final = ("consumption", "model-usages")
# Asked for, answered empty: the sandbox keeps no such records.
EMPTY_TYPES: Final = {
    "usages": "usages",
    "activity": "activity",
    "asset-usages": "assetUsages",
    "nsfw-usages": "nsfwUsages",
    "quality-gate-usages": "qualityGateUsages",
}
ALL_TYPES: Final = (*COMPUTED_TYPES, *EMPTY_TYPES)
FALSY: Final = ("false", "0", "no", "off")


@dataclass(frozen=True)
class UsageQuery:
    start: datetime
    end: datetime
    types: tuple[str, ...]
    drop_zero_points: bool

    @classmethod
    def from_params(cls, params: QueryDict) -> UsageQuery:
        start, end = _window(params)
        asked = list_param(params, "type")
        # As documented: a bad or empty type answers every type.
        types = asked if asked and all(kind in ALL_TYPES for kind in asked) else ALL_TYPES
        drop = "dropZeroPoints" in params and params.get("dropZeroPoints", "").lower() not in FALSY
        return cls(start=start, end=end, types=types, drop_zero_points=drop)


def usages_json(query: UsageQuery) -> JsonObject:
    answer: JsonObject = {}
    per_model = _model_days(query)
    if "consumption" in query.types:
        answer["consumption"] = _consumption(query, per_model)
    if "model-usages" in query.types:
        answer["modelUsages"] = [
            {"modelId": model_id, "points": _points(query, days)}
            for model_id, days in sorted(per_model.items())
        ]
    for kind, key in EMPTY_TYPES.items():
        if kind in query.types:
            answer[key] = []
    names = dict(
        SandboxModel.objects.filter(pk__in=per_model).values_list("id", "name").order_by("id")
    )
    answer["entities"] = {
        "users": [{"id": SANDBOX_USER_ID, "isApiKey": False, "fullName": "Sandbox demo user"}],
        "models": [
            {"id": model_id, "name": names.get(model_id, model_id)}
            for model_id in sorted(per_model)
        ],
    }
    return answer


type DayFigures = dict[date, tuple[int, float]]


def _model_days(query: UsageQuery) -> dict[str, DayFigures]:
    """Jobs and CU per model and UTC day. Add-ons are refunded to failed and canceled jobs."""
    refunded = Q(fails=True) | Q(canceled_at__isnull=False)
    charged = F("generation_cost") + Case(
        When(refunded, then=Value(0.0)), default=F("quality_gate_cost"), output_field=FloatField()
    )
    rows = (
        SandboxJob.objects.filter(created_at__gte=query.start, created_at__lt=query.end)
        .annotate(day=TruncDate("created_at", tzinfo=UTC))
        .values("model_id", "day")
        .annotate(jobs=Count("id"), cu=Sum(charged))
        .order_by()
    )
    found: dict[str, DayFigures] = defaultdict(dict)
    for row in rows:
        found[row["model_id"]][row["day"]] = (row["jobs"], float(row["cu"] or 0))
    return found


def _consumption(query: UsageQuery, per_model: dict[str, DayFigures]) -> list[JsonValue]:
    jobs_cu = sum(cu for days in per_model.values() for _, cu in days.values())
    trainings = SandboxTraining.objects.filter(
        created_at__gte=query.start, created_at__lt=query.end
    ).aggregate(cu=Sum("cost"))
    value = jobs_cu + float(trainings["cu"] or 0)
    if not value:
        return []
    return [{"userId": SANDBOX_USER_ID, "value": value, "discount": 0, "total": value}]


def _points(query: UsageQuery, days: DayFigures) -> list[JsonValue]:
    first = query.start.astimezone(UTC).date()
    last = (query.end - timedelta(microseconds=1)).astimezone(UTC).date()
    every_day = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    points: list[JsonValue] = []
    for day in every_day:
        jobs, cu = days.get(day, (0, 0.0))
        if jobs or not query.drop_zero_points:
            points.append(_point(day, jobs=jobs, cu=cu))
    return points


def _point(day: date, *, jobs: int, cu: float) -> JsonObject:
    moment = datetime.combine(day, time.min, tzinfo=UTC)
    return {
        "time": clock.iso_timestamp(moment),
        "jobs": jobs,
        "cost": cu,
        "discount": 0,
        "apiKeyCost": 0,
        "apiKeyDiscount": 0,
    }


def _window(params: QueryDict) -> tuple[datetime, datetime]:
    start_text, end_text = params.get("startDate", ""), params.get("endDate", "")
    if not start_text and not end_text:
        name = params.get("timeRange") or DEFAULT_TIME_RANGE
        if name not in TIME_RANGES:
            raise SandboxApiError(
                400, f'Invalid timeRange "{name}"; expected one of: {", ".join(TIME_RANGES)}'
            )
        end = clock.now()
        return end - TIME_RANGES[name], end
    if not start_text or not end_text:
        raise SandboxApiError(400, "startDate and endDate must be given together")
    start, end = _moment("startDate", start_text), _moment("endDate", end_text)
    if end <= start:
        raise SandboxApiError(400, "endDate must be after startDate")
    if end - start > timedelta(days=MAX_DAYS):
        raise SandboxApiError(400, f"The time range cannot exceed {MAX_DAYS} days")
    return start, end


def _moment(name: str, text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise SandboxApiError(400, f'Invalid {name} "{text}"; expected an ISO 8601 date') from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

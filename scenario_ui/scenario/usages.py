"""The team's usage as Scenario counts it (`GET /usages`): CU per account and per model.

One call per date range asks only for the two types the spend page shows (consumption and
model-usages) with `dropZeroPoints`, which keeps a wide range's answer small; the answer is
cached per range, so reloading the page or switching its grouping asks Scenario nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from scenario_sdk import Scenario

from scenario_ui.scenario.cache import get_or_fetch
from scenario_ui.scenario.calls import call_json, expect_key, finite_number
from scenario_ui.scenario.errors import ScenarioRateLimited

USAGE_TYPES: Final = ("consumption", "model-usages")
# Scenario's counts lag a little behind its jobs anyway; a few minutes old is fine here.
CACHE_SECONDS: Final = 300


@dataclass(frozen=True)
class AccountUsage:
    """One Scenario account (a person, or an API key) and the CU it consumed."""

    user_id: str
    name: str
    cu: float


@dataclass(frozen=True)
class ModelUsage:
    model_id: str
    name: str
    jobs: int
    cu: float


@dataclass(frozen=True)
class UsageReport:
    """Scenario's figures for `first` to `last` (whole UTC days), biggest first."""

    first: date
    last: date
    accounts: tuple[AccountUsage, ...]
    models: tuple[ModelUsage, ...]

    @property
    def total_cu(self) -> float:
        return sum(account.cu for account in self.accounts)

    @property
    def total_jobs(self) -> int:
        return sum(model.jobs for model in self.models)


def usage_report(*, first: date, last: date) -> UsageReport:
    """Scenario's usage for these days, cached per range for `CACHE_SECONDS`.

    Raises the gateway's `ScenarioError`s; a failure is not cached.
    """
    key = f"scenario:usages:{first.isoformat()}:{last.isoformat()}"
    return get_or_fetch(key, CACHE_SECONDS, lambda: _fetch(first=first, last=last))


def _fetch(*, first: date, last: date) -> UsageReport:
    def call(client: Scenario) -> Any:
        return client.usages.with_raw_response.list(
            type=list(USAGE_TYPES),
            start_date=f"{first.isoformat()}T00:00:00.000Z",
            # The API's end is a moment: the last millisecond of the range's last day.
            end_date=f"{(last + timedelta(days=1)).isoformat()}T00:00:00.000Z",
            drop_zero_points=True,
        )

    try:
        answer = call_json(call)
    except ScenarioRateLimited as error:
        # Nothing retries a page read by itself: the message says when to reload.
        raise error.not_retried() from error
    return read_report(answer, first=first, last=last)


def read_report(answer: Any, *, first: date, last: date) -> UsageReport:
    """The answer's figures; entries that are not what the API documents are skipped."""
    consumption: list[Any] = expect_key(answer, "consumption", list)
    model_usages: list[Any] = expect_key(answer, "modelUsages", list)
    entities = answer.get("entities") if isinstance(answer.get("entities"), dict) else {}
    user_names = _names(entities.get("users"), _user_name)
    model_names = _names(entities.get("models"), lambda entity: _text(entity.get("name")))
    accounts = [
        AccountUsage(user_id=user_id, name=user_names.get(user_id) or user_id, cu=cu)
        for entry in consumption
        if isinstance(entry, dict)
        and (user_id := _text(entry.get("userId")))
        and (cu := finite_number(entry.get("value"))) is not None
    ]
    models = [
        _model_usage(model_id, entry.get("points"), model_names.get(model_id) or model_id)
        for entry in model_usages
        if isinstance(entry, dict) and (model_id := _text(entry.get("modelId")))
    ]
    return UsageReport(
        first=first,
        last=last,
        accounts=tuple(sorted(accounts, key=lambda account: -account.cu)),
        models=tuple(sorted(models, key=lambda model: (-model.cu, model.name))),
    )


def _model_usage(model_id: str, points: Any, name: str) -> ModelUsage:
    jobs, cu = 0.0, 0.0
    for point in points if isinstance(points, list) else []:
        if isinstance(point, dict):
            jobs += finite_number(point.get("jobs")) or 0
            cu += finite_number(point.get("cost")) or 0
    return ModelUsage(model_id=model_id, name=name, jobs=round(jobs), cu=cu)


def _names(entities: Any, name_of: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for entity in entities if isinstance(entities, list) else []:
        if isinstance(entity, dict) and (entity_id := _text(entity.get("id"))):
            found[entity_id] = name_of(entity)
    return found


def _user_name(entity: dict[str, Any]) -> str:
    name = _text(entity.get("fullName")) or _text(entity.get("email"))
    if entity.get("isApiKey") is True:
        return f"API key {_text(entity.get('apiKeyId')) or entity['id']}"
    return name


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""

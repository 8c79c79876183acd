"""The one door to Scenario: every API call of the app goes through here.

Reads return plain JSON objects exactly as the API sent them (the `schema`
package parses them); every failure surfaces as a `ScenarioError`.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from django.conf import settings
from scenario_sdk import omit

from scenario_ui.scenario import cache
from scenario_ui.scenario.calls import JsonObject, call_json, expect_key

Privacy = Literal["public", "private"]


@dataclass(frozen=True)
class ModelFilters:
    privacy: Privacy = "public"
    type: str = ""
    status: str = ""
    # The API has no capability filter; the gateway applies it to each page it reads.
    capability: str = ""


@dataclass(frozen=True)
class ModelPage:
    rows: list[JsonObject]
    next_token: str | None


@functools.lru_cache(maxsize=1024)
def _model_key(kind: str, model_id: str) -> str:
    """The key of one model's entry: read on every request, so computed once."""
    return _cache_key(kind, model_id)


def _cache_key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
    return f"scenario:{kind}:{digest[:32]}"


def list_models(
    filters: ModelFilters, *, page_token: str | None = None, page_size: int = 50
) -> ModelPage:
    """One page of `GET /models`, cached briefly (rows carry no inputs/uiConfig)."""

    def fetch() -> ModelPage:
        body = call_json(
            lambda client: client.models.with_raw_response.list(
                privacy=filters.privacy,
                type=filters.type or omit,  # type: ignore[arg-type]
                status=filters.status or omit,  # type: ignore[arg-type]
                page_size=page_size,
                pagination_token=page_token or omit,
            )
        )
        rows = expect_key(body, "models", list)
        token = body.get("nextPaginationToken")
        return ModelPage(
            rows=[row for row in rows if isinstance(row, dict)],
            next_token=token if isinstance(token, str) and token else None,
        )

    key = _cache_key("list", asdict(filters), page_token, page_size)
    page = cache.get_or_fetch(key, settings.SCENARIO_LIST_TTL_SECONDS, fetch)
    if not filters.capability:
        return page
    matching = [row for row in page.rows if filters.capability in (row.get("capabilities") or [])]
    return ModelPage(rows=matching, next_token=page.next_token)


def retrieve_model(model_id: str, *, fresh: bool = False) -> JsonObject:
    """The full model object (with inputs and uiConfig), cached with a TTL.

    Concurrent requests for the same model share one fetch. `fresh` reads it anew,
    for state that moves (a training's progress). Each fetch also caches the
    record's version (see `model_version`).
    """
    if fresh:
        forget_model(model_id)
    ttl = settings.SCENARIO_DEFINITION_TTL_SECONDS

    def fetch() -> JsonObject:
        body = call_json(lambda client: client.models.with_raw_response.retrieve(model_id))
        model: JsonObject = expect_key(body, "model", dict)
        cache.put(_model_key("model-version", model_id), record_version(model), ttl)
        return model

    return cache.get_or_fetch(_model_key("model", model_id), ttl, fetch)


def model_version(model_id: str) -> str | None:
    """The version of the cached record of `model_id`, or None when it is not cached.

    A few bytes to read where the record is many: enough to find the record
    already parsed in this process.
    """
    version = cache.peek(_model_key("model-version", model_id))
    return version if isinstance(version, str) else None


def record_version(model: JsonObject) -> str:
    """`updatedAt` and a digest of the record: any change to the record changes it."""
    text = json.dumps(model, sort_keys=True, default=str, ensure_ascii=False)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{model.get('updatedAt', '')}/{digest}"


def forget_model(model_id: str) -> None:
    """Drop a cached definition, e.g. after its training state changed."""
    cache.forget(_model_key("model", model_id), _model_key("model-version", model_id))


def get_bulk(model_ids: Sequence[str]) -> list[JsonObject]:
    """`POST /models/get-bulk`: summary rows for several models, in one call."""
    if not model_ids:
        return []
    body = call_json(
        lambda client: client.models.with_raw_response.get_bulk(model_ids=list(model_ids))
    )
    rows = expect_key(body, "models", list)
    return [row for row in rows if isinstance(row, dict)]

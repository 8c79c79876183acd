"""`GET /models`: query parameters as the SDK's `models.list` sends them, and the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from django.db.models import Q
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.pagination import (
    PageWindow,
    encode_pagination_token,
    page_window,
)
from scenario_ui.sandbox.api.serializers import list_row
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel, tag_lookup
from scenario_ui.sandbox.trainings import sync_trainings
from scenario_ui.sandbox.vocabulary import MODEL_STATUSES, MODEL_TYPES

DEFAULT_PAGE_SIZE: Final = 100
MAX_PAGE_SIZE: Final = 500

# "private" means the caller's own models, which include the unlisted ones.
PRIVACY_SCOPES: Final = {"private": ("private", "unlisted"), "public": ("public",)}
SORT_COLUMNS: Final = {"createdAt": "created_at", "updatedAt": "updated_at"}
SORT_DIRECTIONS: Final = ("asc", "desc")
# The sandbox never keeps deleted models, so "deleted" is valid and matches nothing.
STATUS_FILTERS: Final = (*MODEL_STATUSES, "deleted")


@dataclass(frozen=True)
class ModelListQuery:
    privacy_scope: tuple[str, ...]
    types: tuple[str, ...]
    status: str | None
    tags: tuple[str, ...]
    sort_column: str
    descending: bool
    window: PageWindow

    @classmethod
    def from_params(cls, params: QueryDict) -> ModelListQuery:
        """Validate the query string; raises SandboxApiError (400) naming the valid options."""
        privacy = _choice(params, "privacy", tuple(PRIVACY_SCOPES), default="private")
        sort_by = _choice(params, "sortBy", tuple(SORT_COLUMNS), default="createdAt")
        direction = _choice(params, "sortDirection", SORT_DIRECTIONS, default="desc")
        status = _optional_choice(params, "status", STATUS_FILTERS)
        return cls(
            privacy_scope=PRIVACY_SCOPES[privacy],
            types=_types(params),
            status=status,
            tags=list_param(params, "tags"),
            sort_column=SORT_COLUMNS[sort_by],
            descending=direction == "desc",
            window=page_window(params, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        )


@dataclass(frozen=True)
class ModelPage:
    rows: list[JsonObject]
    next_pagination_token: str | None

    def as_json(self) -> JsonObject:
        # The SDK stops paginating when the token is absent; the last page carries none.
        document: JsonObject = {"models": list(self.rows)}
        if self.next_pagination_token is not None:
            document["nextPaginationToken"] = self.next_pagination_token
        return document


def fetch_model_page(query: ModelListQuery) -> ModelPage:
    # Statuses and update dates are filtered and sorted on: bring trainings up to date first.
    sync_trainings()
    models = SandboxModel.objects.filter(privacy__in=query.privacy_scope)
    if query.types:
        models = models.filter(type__in=query.types)
    if query.status is not None:
        models = models.filter(status=query.status)
    if query.tags:
        any_tag = Q()
        for tag in query.tags:
            any_tag |= Q(tag_index__contains=tag_lookup(tag))
        models = models.filter(any_tag)
    order = "-" if query.descending else ""
    # The id tie-break keeps pages stable when timestamps are equal.
    models = models.order_by(f"{order}{query.sort_column}", f"{order}id")

    window = query.window
    # One row past the page tells whether another page follows, without a COUNT.
    end = window.offset + window.limit + 1
    found = list(models.values_list("record", flat=True)[window.offset : end])
    next_token = None
    if len(found) > window.limit:
        next_window = PageWindow(offset=window.offset + window.limit, limit=window.limit)
        next_token = encode_pagination_token(next_window)
    return ModelPage(
        rows=[list_row(record) for record in found[: window.limit]],
        next_pagination_token=next_token,
    )


def _choice(params: QueryDict, name: str, options: Sequence[str], default: str) -> str:
    return _optional_choice(params, name, options) or default


def _optional_choice(params: QueryDict, name: str, options: Sequence[str]) -> str | None:
    value = params.get(name)
    if not value:
        return None
    if value not in options:
        raise SandboxApiError(
            400, f'Invalid {name} "{value}"; expected one of: {", ".join(options)}'
        )
    return value


def _types(params: QueryDict) -> tuple[str, ...]:
    single = params.get("type")
    several = list_param(params, "types")
    if single and several:
        raise SandboxApiError(400, "Use either type or types, not both")
    types = (single,) if single else several
    for model_type in types:
        if model_type not in MODEL_TYPES:
            raise SandboxApiError(
                400, f'Invalid type "{model_type}"; expected one of: {", ".join(MODEL_TYPES)}'
            )
    return types


def list_param(params: QueryDict, name: str) -> tuple[str, ...]:
    """Values given comma-separated (as the SDK sends them), repeated, or both."""
    return tuple(
        item.strip() for value in params.getlist(name) for item in value.split(",") if item.strip()
    )

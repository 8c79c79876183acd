"""Storage of the sandbox: one row per Scenario model record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import models

from scenario_ui.sandbox.json_types import JsonObject, JsonValue

# Delimits every tag in `tag_index`, so "contains <sep>tag<sep>" matches whole tags only.
TAG_SEPARATOR = "\n"


class SandboxModel(models.Model):
    """A model record as `GET /models/{id}` answers it, with columns to filter and sort on."""

    id = models.CharField(primary_key=True, max_length=100)
    record = models.JSONField(help_text="The model object, served verbatim.")
    name = models.CharField(max_length=200, db_index=True)
    type = models.CharField(max_length=64, db_index=True)
    privacy = models.CharField(max_length=16, db_index=True)
    status = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(db_index=True)
    tag_index = models.TextField(
        blank=True,
        help_text="Lower-cased tags, each wrapped in TAG_SEPARATOR.",
    )

    class Meta:
        verbose_name = "sandbox model"

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"

    @classmethod
    def from_record(cls, record: JsonObject) -> SandboxModel:
        """An unsaved row for `record`; raises ValueError when a column cannot be derived."""
        return cls(
            id=_required_text(record, "id"),
            record=record,
            name=_required_text(record, "name"),
            type=_required_text(record, "type"),
            privacy=_required_text(record, "privacy"),
            status=_required_text(record, "status"),
            created_at=_timestamp(record, "createdAt"),
            updated_at=_timestamp(record, "updatedAt"),
            tag_index=build_tag_index(_tags(record)),
        )


def build_tag_index(tags: Sequence[str]) -> str:
    if not tags:
        return ""
    return TAG_SEPARATOR + TAG_SEPARATOR.join(tag.lower() for tag in tags) + TAG_SEPARATOR


def tag_lookup(tag: str) -> str:
    """The `tag_index__contains` operand matching records that carry `tag`."""
    return f"{TAG_SEPARATOR}{tag.lower()}{TAG_SEPARATOR}"


def _required_text(record: JsonObject, key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} must be a non-empty string, got {value!r}")
    return value


def _timestamp(record: JsonObject, key: str) -> datetime:
    text = _required_text(record, key)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{key} must be an ISO 8601 date, got {text!r}") from error
    if moment.tzinfo is None:
        raise ValueError(f"{key} must carry a time zone (e.g. a trailing Z), got {text!r}")
    return moment


def _tags(record: JsonObject) -> list[str]:
    tags: JsonValue = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError(f"tags must be a list of strings, got {tags!r}")
    return [tag for tag in tags if isinstance(tag, str)]

"""The activity feed as CSV columns: one line per row, in the feed's order."""

from __future__ import annotations

from typing import Final

from scenario_ui.team.feed_rows import FeedRow

HEADER: Final = (
    "created_at",
    "kind",
    "id",
    "user",
    "model_id",
    "model_name",
    "status",
    "progress_percent",
    "creative_units",
    "prompt",
    "first_output_url",
    "page",
)


def csv_cells(row: FeedRow) -> tuple[object, ...]:
    return (
        row.created_at.isoformat(),
        row.kind,
        row.pk,
        row.user_name,
        row.model_id,
        row.model_name,
        row.status,
        "" if row.progress_percent is None else row.progress_percent,
        "" if row.creative_units is None else row.creative_units,
        row.full_prompt,
        row.thumbnail.url if row.thumbnail else "",
        row.job_url,
    )

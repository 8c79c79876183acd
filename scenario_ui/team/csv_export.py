"""Tables as CSV, streamed row by row: a year of jobs exports without being held in memory."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse

# Cells a spreadsheet would run as a formula (CSV injection): prefixed with a quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file-like sink for `csv.writer` that hands back each line instead of storing it."""

    def write(self, text: str) -> str:
        return text


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would take for a formula is written as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    """`rows` should itself be lazy (a queryset's `.iterator()`, a generator)."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

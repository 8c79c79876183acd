from __future__ import annotations

from collections.abc import Iterator

from scenario_ui.team.csv_export import csv_lines, csv_response


def test_lines_are_quoted_as_csv_and_formulas_are_written_as_text() -> None:
    lines = list(csv_lines(["who", "prompt"], [["ana", 'a "red" fox, running'], ["bo", "=1+1"]]))
    assert lines == ["who,prompt\r\n", 'ana,"a ""red"" fox, running"\r\n', "bo,'=1+1\r\n"]


def test_the_response_streams_rows_as_they_are_read() -> None:
    read: list[int] = []

    def rows() -> Iterator[list[object]]:
        for number in range(3):
            read.append(number)
            yield [number]

    response = csv_response(filename="jobs.csv", header=["n"], rows=rows())
    assert response["Content-Disposition"] == 'attachment; filename="jobs.csv"'
    assert read == []
    chunks = iter(response.streaming_content)  # type: ignore[arg-type]
    assert next(chunks) == b"n\r\n"
    assert next(chunks) == b"0\r\n"
    assert read == [0]

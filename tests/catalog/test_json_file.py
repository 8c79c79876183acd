from __future__ import annotations

from pathlib import Path

import pytest

from scenario_ui.catalog.json_file import JsonFileError, read_json_file


def _write(tmp_path: Path, content: bytes) -> str:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    return str(path)


def test_reads_json_with_or_without_a_byte_order_mark(tmp_path: Path):
    assert read_json_file(_write(tmp_path, b'{"a": 1}')) == {"a": 1}
    assert read_json_file(_write(tmp_path, b"\xef\xbb\xbf[1, 2]")) == [1, 2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"a": }', "is not valid JSON: Expecting value (line 1, column 7)"),
        (b'{"a": NaN}', "is not valid JSON: NaN is not a JSON value"),
        (b"\xff\xfe", "not UTF-8 text"),
    ],
)
def test_unreadable_content_says_why(tmp_path: Path, content: bytes, message: str):
    with pytest.raises(JsonFileError) as raised:
        read_json_file(_write(tmp_path, content))
    assert message in raised.value.message


def test_a_missing_file_says_so(tmp_path: Path):
    with pytest.raises(
        JsonFileError, match=r"cannot read .*missing\.json: No such file or directory"
    ):
        read_json_file(str(tmp_path / "missing.json"))


@pytest.mark.parametrize("depth", [65, 100_000])
def test_json_nested_deeper_than_any_model_is_unreadable(tmp_path: Path, depth: int):
    # 100,000 levels exhaust Python's recursion limit inside json.loads itself.
    content = ("[" * depth + "]" * depth).encode()
    with pytest.raises(JsonFileError) as raised:
        read_json_file(_write(tmp_path, content))
    assert raised.value.message.endswith("is nested deeper than 64 levels, which no model uses")


def test_nesting_up_to_the_limit_is_read(tmp_path: Path):
    assert read_json_file(_write(tmp_path, ("[" * 64 + "]" * 64).encode())) is not None

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from tests.sandbox.sdk_shapes import shape_problems


class Leaf(BaseModel):
    kind: Literal["a", "b"]
    note: str | None = None


class Root(BaseModel):
    leaf: Leaf
    leaves: list[Leaf]
    tags: list[Literal["x"]]


def test_reports_missing_required_fields_and_values_outside_literals() -> None:
    document = {"leaf": {"kind": "c"}, "leaves": [{"kind": "a"}, {}], "tags": ["x", "y"]}
    assert shape_problems(Root, document) == [
        "leaf.kind: 'c' is not allowed",
        "leaves[1].kind is missing",
        "tags: 'y' is not allowed",
    ]


def test_a_conforming_document_has_no_problems() -> None:
    assert shape_problems(Root, {"leaf": {"kind": "a"}, "leaves": [], "tags": []}) == []

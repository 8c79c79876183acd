from __future__ import annotations

import uuid

from scenario_ui.generate.tokens import TOKEN, new_token, posted_token


def test_new_tokens_are_distinct_uuids():
    first, second = new_token(), new_token()
    assert first != second
    assert str(uuid.UUID(first)) == first


def test_a_posted_token_is_kept():
    token = new_token()
    assert posted_token({TOKEN: ["ignored", token]}) == token


def test_a_missing_or_forged_token_gets_a_fresh_one():
    for data in ({}, {TOKEN: [""]}, {TOKEN: ["not-a-uuid"]}):
        fresh = posted_token(data)
        assert str(uuid.UUID(fresh)) == fresh
        assert fresh != posted_token(data)

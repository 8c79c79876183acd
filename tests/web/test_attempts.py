from __future__ import annotations

import uuid

import pytest

from scenario_ui.generate.models import Generation
from scenario_ui.scenario.errors import ScenarioBadRequest, SubmissionUnknown
from scenario_ui.training.models import Training
from scenario_ui.web.attempts import (
    TOKEN,
    AlreadyRecorded,
    Answered,
    Created,
    Lost,
    Refused,
    TokenTaken,
    existing_attempt,
    new_token,
    posted_token,
    record_attempt,
    send_once,
    token_context,
)


def test_new_tokens_are_distinct_uuids():
    first, second = new_token(), new_token()
    assert first != second
    assert str(uuid.UUID(first)) == first


def test_a_posted_token_is_kept():
    token = new_token()
    assert posted_token({TOKEN: ["ignored", token]}) == token


def test_templates_get_the_token_and_its_field_name():
    assert token_context("t") == {"token": "t", "token_name": TOKEN}


def test_a_missing_or_forged_token_gets_a_fresh_one():
    for data in ({}, {TOKEN: [""]}, {TOKEN: ["not-a-uuid"]}):
        fresh = posted_token(data)
        assert str(uuid.UUID(fresh)) == fresh
        assert fresh != posted_token(data)


@pytest.mark.django_db
class TestRecordAttempt:
    def test_creates_once_per_token(self, user):
        token = new_token()
        first = record_attempt(Generation, user, token, model_id="model_x")
        again = record_attempt(Generation, user, token, model_id="model_x")
        assert isinstance(first, Created)
        assert again == AlreadyRecorded(first.attempt)
        assert Generation.objects.count() == 1
        assert existing_attempt(Generation, user, token) == first.attempt

    def test_another_users_token_matches_nothing(self, user, django_user_model):
        stranger = django_user_model.objects.create_user("stranger", password="a-long-password")
        token = new_token()
        record_attempt(Training, stranger, token, model_id="model_x")
        assert record_attempt(Training, user, token, model_id="model_x") == TokenTaken()
        assert existing_attempt(Training, user, token) is None


@pytest.mark.django_db
class TestSendOnce:
    def attempt(self, user):
        recorded = record_attempt(Generation, user, new_token(), model_id="model_x")
        assert isinstance(recorded, Created)
        return recorded.attempt

    def test_an_answer_is_returned_and_the_attempt_kept(self, user):
        generation = self.attempt(user)
        assert send_once(generation, lambda: "job_1") == Answered("job_1")
        assert Generation.objects.filter(pk=generation.pk).exists()

    def test_a_refusal_deletes_the_attempt(self, user):
        generation = self.attempt(user)
        refusal = ScenarioBadRequest("Input steps must be at most 50")

        def refuse() -> str:
            raise refusal

        assert send_once(generation, refuse) == Refused(refusal)
        assert not Generation.objects.exists()

    def test_a_lost_answer_keeps_the_attempt(self, user):
        generation = self.attempt(user)
        lost = SubmissionUnknown("lost")

        def lose() -> str:
            raise lost

        assert send_once(generation, lose) == Lost(lost)
        assert Generation.objects.filter(pk=generation.pk).exists()

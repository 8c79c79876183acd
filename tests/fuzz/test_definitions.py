"""Any definition, valid-looking or malformed, goes through parsing, the linter, the form
at its three moments, the templates and the request body without an exception."""

from __future__ import annotations

import contextlib
from typing import Any

from django.template.loader import render_to_string
from hypothesis import given, settings
from hypothesis import strategies as st

from scenario_ui.forms import InvalidForm, build_payload, initial_values
from scenario_ui.forms.render import FormView, Moment, form_view, posted_form_view
from scenario_ui.schema import lint_definition, parse_definition
from tests.fuzz.budget import examples
from tests.fuzz.strategies import NAMES, definitions, form_posts

URLS = {"live_url": "/live/", "submit_url": "/submit/", "estimate_url": "/estimate/"}


def render(form: FormView) -> None:
    render_to_string("forms/model_form.html#form", {"form": form, **URLS})
    render_to_string("forms/model_form.html#preview", {"form": form})
    render_to_string("forms/model_form.html#live", {"form": form})


def payload_or_invalid(form: FormView) -> None:
    with contextlib.suppress(InvalidForm):
        build_payload(form.state)


@settings(max_examples=examples(150))
@given(record=definitions(), posts=st.lists(form_posts(list(NAMES)), min_size=1, max_size=2))
def test_any_definition_and_post_goes_through_without_an_exception(
    record: Any, posts: list[dict[str, list[str]]]
) -> None:
    definition = parse_definition(record)
    lint_definition(definition)
    first = form_view(definition, initial_values(definition))
    render(first)
    payload_or_invalid(first)
    for data in posts:
        for moment in (Moment.LIVE, Moment.SUBMIT):
            posted = posted_form_view(definition, data, moment=moment)
            render(posted)
            payload_or_invalid(posted)

from __future__ import annotations

from django.http import QueryDict

from scenario_ui.catalog.filters import CatalogFilterForm, next_page_query
from scenario_ui.scenario.gateway import ModelFilters


def test_valid_filters_become_a_query():
    form = CatalogFilterForm(
        QueryDict("q=flux&privacy=private&type=flux.1-lora&capability=txt2img&status=trained")
    )
    query = form.to_query()
    assert query.text == "flux"
    assert query.filters == ModelFilters(
        privacy="private", type="flux.1-lora", capability="txt2img", status="trained"
    )


def test_empty_form_means_public_and_any():
    assert CatalogFilterForm(QueryDict("")).to_query().filters == ModelFilters()


def test_an_invalid_choice_is_reported_and_ignored():
    form = CatalogFilterForm(QueryDict("q=cat&type=not-a-type"))
    query = form.to_query()
    assert "type" in form.errors
    assert "not-a-type is not one of the available choices" in form.errors["type"][0]
    assert query.text == "cat"
    assert query.filters.type == ""


def test_next_page_query_replaces_the_cursor():
    assert next_page_query(QueryDict("q=a&cursor=old"), "new") == "q=a&cursor=new"
    assert next_page_query(QueryDict("q=a&cursor=old"), None) == "q=a"

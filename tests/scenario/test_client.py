from __future__ import annotations

import pytest

from scenario_ui.scenario import client, gateway


def test_without_credentials_the_sdk_talks_to_the_sandbox_in_process(settings):
    settings.SCENARIO_SANDBOX = True
    sdk = client.build_client()
    assert str(sdk.base_url) == "https://sandbox.internal/sandbox/v1/"
    assert client.is_sandbox()


def test_with_credentials_it_talks_to_the_configured_api(settings):
    settings.SCENARIO_SANDBOX = False
    settings.SCENARIO_SDK_API_KEY = "key"
    settings.SCENARIO_SDK_API_SECRET = "secret"
    settings.SCENARIO_BASE_URL = "https://api.example.test/v1"
    sdk = client.build_client(max_retries=0)
    assert str(sdk.base_url) == "https://api.example.test/v1/"
    assert (sdk.api_key, sdk.api_secret, sdk.max_retries) == ("key", "secret", 0)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_sandbox")
class TestGatewayAgainstTheSandbox:
    """The production code path: SDK -> in-process WSGI -> sandbox views -> database."""

    def test_list_follows_the_cursor(self):
        first = gateway.list_models(gateway.ModelFilters(privacy="public"), page_size=5)
        assert len(first.rows) == 5
        assert first.next_token is not None
        second = gateway.list_models(
            gateway.ModelFilters(privacy="public"), page_token=first.next_token, page_size=5
        )
        assert {row["id"] for row in first.rows}.isdisjoint(row["id"] for row in second.rows)
        assert all("inputs" not in row and "uiConfig" not in row for row in first.rows)

    def test_filters_by_type_and_capability(self):
        loras = gateway.list_models(gateway.ModelFilters(type="flux.1-lora"))
        assert loras.rows
        assert {row["type"] for row in loras.rows} == {"flux.1-lora"}
        audio = gateway.list_models(gateway.ModelFilters(capability="txt2audio"))
        assert [row["id"] for row in audio.rows] == ["model_demo-cadence-voice"]

    def test_private_lists_my_models(self):
        mine = gateway.list_models(gateway.ModelFilters(privacy="private"))
        assert mine.rows
        assert {row["privacy"] for row in mine.rows} == {"private"}

    def test_retrieve_has_inputs_and_ui_config(self):
        model = gateway.retrieve_model("model_demo-lumen-xl")
        assert model["id"] == "model_demo-lumen-xl"
        assert model["inputs"]
        assert "resolutionComponent" in model["uiConfig"]

    def test_get_bulk_keeps_the_order(self):
        rows = gateway.get_bulk(["model_demo-lora-inkwash", "model_demo-lumen-xl"])
        assert [row["id"] for row in rows] == ["model_demo-lora-inkwash", "model_demo-lumen-xl"]

    def test_an_unknown_model_is_a_typed_not_found(self):
        from scenario_ui.scenario.errors import ScenarioNotFound

        with pytest.raises(ScenarioNotFound, match="Model model_nope not found"):
            gateway.retrieve_model("model_nope")

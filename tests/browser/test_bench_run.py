"""The browser bench's steps on our real model page: every figure comes out. (The bench
itself, against the RJSF anchor, is `make bench-browser`; no figure is asserted here.)"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, Playwright

from scenario_ui.benchmarks.browser_run import OurPage, measure_run
from scenario_ui.benchmarks.chromium import settable_cookies
from scenario_ui.benchmarks.definitions import SYNTHETIC_200

pytestmark = pytest.mark.browser

FIGURES = {
    "usable_ms",
    "first_byte_ms",
    "parsed_ms",
    "scripts_ms",
    "first_control_ms",
    "js_css_gzip_bytes",
    "page_transfer_bytes",
    "document_transfer_bytes",
    "dom_elements",
    "form_controls",
    "heap_bytes",
    "heap_after_gc_bytes",
    "key_first_ms",
    "key_steady_ms",
    "verdict_ms",
    "conditional_ms",
    "conditional_warm_ms",
}


def test_one_run_on_our_page_measures_everything(
    signed_in_page: Page, live_server, playwright: Playwright
) -> None:
    call_command("add_sandbox_models", str(SYNTHETIC_200.path), stdout=io.StringIO())

    samples = measure_run(
        playwright,
        kind=OurPage(),
        base_url=live_server.url,
        definition=SYNTHETIC_200,
        cookies=settable_cookies(signed_in_page.context.cookies()),
        steady_keys=1,
        code_sizes={},
    )

    assert set(samples) == FIGURES
    assert all(len(values) == 1 and values[0] > 0 for values in samples.values())
    assert samples["form_controls"][0] >= SYNTHETIC_200.input_count
    load = [samples[name][0] for name in ("first_byte_ms", "parsed_ms", "scripts_ms", "usable_ms")]
    assert load == sorted(load)
    # A validation verdict waits for the form's 400 ms typing pause.
    assert samples["verdict_ms"][0] >= 400

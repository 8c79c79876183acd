"""One measured page load in a fresh Chromium, the same steps on our page and on the anchor.

The anchor's probe.js (first control enabled, event log, selector watches) and the bench's
hooks.js are injected before any page script; the page kinds differ only in where things
are (URLs, selectors) and in how each signals "usable" and "validated". Timing follows the
anchor harness (measure.py): performance.now() in the page, "+ next frame" meaning after
the frame that follows the event (a message posted from requestAnimationFrame).
"""

from __future__ import annotations

import gzip
import urllib.request
from abc import ABC, abstractmethod
from typing import Any, Final

from playwright._impl._api_structures import SetCookieParam
from playwright.sync_api import BrowserContext, Page, Playwright

from scenario_ui.benchmarks.chromium import fresh_chromium
from scenario_ui.benchmarks.definitions import BenchDefinition, ConditionalRule, option_label
from scenario_ui.benchmarks.paths import ANCHOR_DIR, BROWSER_BENCH_DIR
from scenario_ui.benchmarks.summary import RunSamples

PROBE: Final = ANCHOR_DIR / "probe.js"
HOOKS: Final = BROWSER_BENCH_DIR / "hooks.js"
TIMEOUT_MS: Final = 30_000
POLL_MS: Final = 20
STEADY_KEYS: Final = "bcdefghijk"
# Longer than our form's 400 ms input debounce, so one step's late request is answered
# before the next step starts; the same pause on both pages.
SETTLE_MS: Final = 600
PROMPT: Final = "prompt"


class PageKind(ABC):
    """Where one page keeps what the bench needs, and how it says it is ready."""

    name: str
    # A page function: the time of the frame after the whole form became usable, or null.
    usable_paint: str

    @abstractmethod
    def path(self, definition: BenchDefinition) -> str: ...

    @abstractmethod
    def control(self, name: str) -> str:
        """The selector of the control of input `name`."""

    @abstractmethod
    def required_marker(self, name: str) -> str:
        """The selector that matches only while input `name` shows as required."""

    @abstractmethod
    def arm_verdict(self, page: Page) -> None:
        """Get ready to see the validation verdict of the next keystroke."""

    @abstractmethod
    def verdict_paint(self, page: Page) -> float:
        """Wait for that verdict on screen; the time of the frame after it."""


class OurPage(PageKind):
    """Our model page: the sandbox model rendered at /models/<id>/, live updates via htmx."""

    name = "ours"
    usable_paint = "() => window.__bench.usablePaintAt"

    def path(self, definition: BenchDefinition) -> str:
        return f"/models/{definition.model_id}/"

    def control(self, name: str) -> str:
        return f'#model-form [name="{name}"]:not([type=hidden])'

    def required_marker(self, name: str) -> str:
        # The wrapper's data-required shows the asterisk; the control carries aria-required.
        return f'[data-input="{name}"][data-required="true"] [name="{name}"][aria-required="true"]'

    def arm_verdict(self, page: Page) -> None:
        page.evaluate("() => window.__bench.armAnswer()")

    def verdict_paint(self, page: Page) -> float:
        _wait(page, "() => window.__bench.answer.paintAt !== null")
        answer = page.evaluate("() => window.__bench.answer")
        if not answer["ok"]:
            raise RuntimeError("the live form update failed (see the server log)")
        return float(answer["paintAt"])


class AnchorPage(PageKind):
    """The RJSF anchor: `?def=<key>`, liveValidate on, its hooks on window.__anchor."""

    name = "RJSF"
    usable_paint = "() => (window.__anchor && window.__anchor.marks['rjsf-mounted-paint']) ?? null"

    def path(self, definition: BenchDefinition) -> str:
        return f"/?def={definition.key}"

    def control(self, name: str) -> str:
        return f"#root_{name}"

    def required_marker(self, name: str) -> str:
        return f'label[for="root_{name}"] .required'

    def arm_verdict(self, page: Page) -> None:
        page.evaluate("() => { window.__bench.changesBefore = window.__anchor.changes.length; }")

    def verdict_paint(self, page: Page) -> float:
        # RJSF validates inside onChange (liveValidate): its verdict is that change's frame.
        change = (
            "() => { const c = window.__anchor.changes[window.__bench.changesBefore];"
            " return c && c.paintAt !== null ? c.paintAt : null; }"
        )
        _wait(page, change)
        return float(page.evaluate(change))


def measure_run(
    playwright: Playwright,
    *,
    kind: PageKind,
    base_url: str,
    definition: BenchDefinition,
    cookies: list[SetCookieParam],
    steady_keys: int,
    code_sizes: dict[str, int],
) -> RunSamples:
    """Load the page in a fresh Chromium, then type and change a select; every figure."""
    with fresh_chromium(playwright) as context:
        context.add_cookies(cookies)
        page = _page_with_probes(context)
        page.goto(base_url + kind.path(definition), wait_until="load", timeout=TIMEOUT_MS)
        samples = _load_samples(page, kind)
        samples.update(_size_samples(page, code_sizes))
        samples.update(_heap_samples(context, page))
        samples.update(_keystroke_samples(page, kind, steady_keys))
        if definition.rule is not None:
            page.wait_for_timeout(SETTLE_MS)
            samples.update(_conditional_samples(page, kind, definition, definition.rule))
        return samples


def _page_with_probes(context: BrowserContext) -> Page:
    page = context.pages[0] if context.pages else context.new_page()
    page.add_init_script(path=str(PROBE))
    page.add_init_script(path=str(HOOKS))
    return page


def _load_samples(page: Page, kind: PageKind) -> RunSamples:
    _wait(page, f"() => ({kind.usable_paint})() !== null && window.__probe.readyPaintAt !== null")
    # Where the load's time goes: the server's first byte, the HTML parsed, the deferred
    # scripts run; what is left until "usable" is the page's own start-up (htmx or React).
    phases = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return [n.responseStart, n.domInteractive, n.domContentLoadedEventEnd]; }"
    )
    return {
        "usable_ms": [float(page.evaluate(kind.usable_paint))],
        "first_byte_ms": [float(phases[0])],
        "parsed_ms": [float(phases[1])],
        "scripts_ms": [float(phases[2])],
        "first_control_ms": [float(page.evaluate("() => window.__probe.readyPaintAt"))],
    }


def _size_samples(page: Page, code_sizes: dict[str, int]) -> RunSamples:
    # Every request the page makes on its own (the anchor's schema, our cost estimate) done.
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    figures: dict[str, Any] = page.evaluate("() => window.__bench.loadFigures()")
    code = 0
    for url in figures["code"]:
        if url not in code_sizes:
            code_sizes[url] = gzipped_size(_download(url))
        code += code_sizes[url]
    return {
        "js_css_gzip_bytes": [float(code)],
        "page_transfer_bytes": [float(figures["transfer"])],
        "document_transfer_bytes": [float(figures["document"])],
        "dom_elements": [float(figures["domElements"])],
        "form_controls": [float(figures["formControls"])],
    }


def gzipped_size(data: bytes) -> int:
    """The size of `data` at gzip's best compression (what a CDN or WhiteNoise would send)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:  # the bench's own server
        data: bytes = answer.read()
        return data


def _heap_samples(context: BrowserContext, page: Page) -> RunSamples:
    page.wait_for_timeout(300)
    cdp = context.new_cdp_session(page)
    used = cdp.send("Runtime.getHeapUsage")["usedSize"]
    cdp.send("HeapProfiler.collectGarbage")
    used_after_gc = cdp.send("Runtime.getHeapUsage")["usedSize"]
    cdp.detach()
    return {"heap_bytes": [float(used)], "heap_after_gc_bytes": [float(used_after_gc)]}


def _keystroke_samples(page: Page, kind: PageKind, steady_keys: int) -> RunSamples:
    page.focus(kind.control(PROMPT))
    page.wait_for_timeout(100)
    handled: list[float] = []
    verdicts: list[float] = []
    for key in "a" + STEADY_KEYS[:steady_keys]:
        page.evaluate("() => window.__bench.armKey()")
        kind.arm_verdict(page)
        page.keyboard.press(key)
        _wait(page, "() => window.__bench.key.paintAt !== null")
        stamps = page.evaluate("() => window.__bench.key")
        handled.append(stamps["paintAt"] - stamps["keydownAt"])
        verdicts.append(kind.verdict_paint(page) - stamps["keydownAt"])
        page.wait_for_timeout(50)
    return {
        "key_first_ms": handled[:1],
        "key_steady_ms": handled[1:],
        "verdict_ms": verdicts[1:],
    }


def _conditional_samples(
    page: Page, kind: PageKind, definition: BenchDefinition, rule: ConditionalRule
) -> RunSamples:
    controller = kind.control(rule.controller)
    marker = kind.required_marker(rule.dependent)
    if page.query_selector(marker):
        raise RuntimeError(f"{rule.dependent} is marked required before {rule.controller} changed")
    page.locator(controller).scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    on = option_label(definition.record, rule.controller, rule.value)
    off = option_label(definition.record, rule.controller, rule.other)
    appear = _select_until(page, controller, on, marker, present=True)
    page.wait_for_timeout(SETTLE_MS)
    _select_until(page, controller, off, marker, present=False)
    page.wait_for_timeout(SETTLE_MS)
    appear_again = _select_until(page, controller, on, marker, present=True)
    return {"conditional_ms": [appear], "conditional_warm_ms": [appear_again]}


def _select_until(page: Page, select: str, label: str, marker: str, *, present: bool) -> float:
    """Choose `label` in `select`; the time from its input event to the frame after `marker`
    starts (or stops) matching."""
    target = page.eval_on_selector(select, "(element) => element.id || element.name")
    events_before = page.evaluate("() => window.__probe.events.length")
    page.evaluate(
        "([selector, present]) => { window.__probe.watch('bench', selector, present); }",
        [marker, present],
    )
    page.select_option(select, label=label, timeout=TIMEOUT_MS)
    _wait(page, "() => window.__probe.watches.bench.paintAt !== null")
    watch = page.evaluate("() => window.__probe.watches.bench")
    events = page.evaluate("(n) => window.__probe.events.slice(n)", events_before)
    started = next(
        event["at"]
        for event in events
        if event["target"] == target and event["type"] in ("input", "change")
    )
    return float(watch["paintAt"] - started)


def _wait(page: Page, expression: str) -> None:
    page.wait_for_function(expression, polling=POLL_MS, timeout=TIMEOUT_MS)

"""`make bench`: server time of the model form's two hot paths, measured in-process.

No HTTP and no database: the definition is read once, then each run does what
the view does between parsing and answering (build the form, render the
template). Figures are medians, so one slow run (a GC pause) does not move them.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from scenario_ui.catalog.bench_definition import generated_definition
from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.forms import initial_values
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.live import SHOWN
from scenario_ui.forms.numbers import format_number
from scenario_ui.generate.form_page import first_form, form_urls, live_form
from scenario_ui.schema import ModelDefinition, NumberInput, StringInput, parse_definition

# Read by path, not through the sandbox app: the bench must not depend on its code.
DEMO_CATALOG = Path(__file__).resolve().parent.parent / "sandbox" / "demo_catalog"
FORM_PARTIAL = "forms/model_form.html#form"
LIVE_PARTIAL = "forms/model_form.html#live"
# Enough to fill the template cache and let the interpreter settle.
WARM_UP_RUNS = 10
TYPED_PROMPT = "A lighthouse on a basalt cliff at dawn, volumetric fog, 35mm photo"


@dataclass(frozen=True)
class Figures:
    render_ms_p50: float
    revalidate_ms_p50: float
    revalidate_bytes: int
    render200_ms_p50: float

    def lines(self) -> list[str]:
        return [
            f"render_ms_p50 {self.render_ms_p50:.2f}",
            f"revalidate_ms_p50 {self.revalidate_ms_p50:.2f}",
            f"revalidate_bytes {self.revalidate_bytes}",
            f"render200_ms_p50 {self.render200_ms_p50:.2f}",
        ]


def run_bench(runs: int, catalog: Path = DEMO_CATALOG) -> Figures:
    demo = read_definition_file(str(largest_definition_file(catalog)))
    large = parse_definition(generated_definition())
    data, trigger_name = live_post(demo)
    return Figures(
        render_ms_p50=median_ms(lambda: render_form(demo), runs),
        revalidate_ms_p50=median_ms(lambda: revalidate(demo, data, trigger_name), runs),
        revalidate_bytes=len(revalidate(demo, data, trigger_name).encode()),
        render200_ms_p50=median_ms(lambda: render_form(large), runs),
    )


def largest_definition_file(catalog: Path) -> Path:
    """The catalog file with the most inputs, an inputs_array's row inputs included."""
    files = sorted(catalog.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no *.json definitions in {catalog}")
    # max keeps the first of equals, and the files are sorted: the choice is stable.
    return max(
        files,
        key=lambda path: count_inputs(_model_of(json.loads(path.read_text(encoding="utf-8")))),
    )


def count_inputs(model: Any) -> int:
    inputs = model.get("inputs") if isinstance(model, dict) else None
    if not isinstance(inputs, list):
        return 0
    return sum(1 + count_inputs(item) for item in inputs)


def _model_of(data: Any) -> Any:
    return data["model"] if isinstance(data, dict) and "model" in data else data


def render_form(definition: ModelDefinition) -> str:
    """The model page's form: the first render, as `catalog.views.model_detail` embeds it."""
    form = first_form(definition, base_url="")
    return render_to_string(FORM_PARTIAL, {"form": form, **form_urls(definition.id)})


def revalidate(definition: ModelDefinition, data: FormData, trigger_name: str | None) -> str:
    """The answer of `generate.views.revalidate` to a live update that keeps the form's shape."""
    answer = live_form(definition, data, trigger_name=trigger_name, base_url="")
    return render_to_string(LIVE_PARTIAL, {"form": answer.form, **form_urls(definition.id)})


def live_post(definition: ModelDefinition) -> tuple[dict[str, list[str]], str | None]:
    """A typical live POST: the first form's values, the prompt typed, one number changed.

    Returns the form data and the name of the control that sent it.
    """
    data = {name: list(texts) for name, texts in initial_values(definition).raw.items()}
    data[SHOWN] = [""]
    prompt = _prompt_input(definition)
    if prompt is not None:
        data[prompt.name] = [TYPED_PROMPT]
    for number in _typed_numbers(definition):
        current = (data.get(number.name) or [""])[-1]
        other = _other_value(number, current) if current else None
        if other is not None:
            data[number.name] = [other]
            return data, number.name
    return data, None


def _prompt_input(definition: ModelDefinition) -> StringInput | None:
    strings = [spec for spec in definition.inputs if isinstance(spec, StringInput)]
    return next((spec for spec in strings if spec.prompt), strings[0] if strings else None)


def _typed_numbers(definition: ModelDefinition) -> list[NumberInput]:
    """Number inputs typed into a text box: not a select, not a picker's width or height."""
    resolution = definition.ui_config.resolution_component
    picked = {resolution.width_input, resolution.height_input} if resolution else set()
    return [
        spec
        for spec in definition.inputs
        if isinstance(spec, NumberInput) and not spec.allowed_values and spec.name not in picked
    ]


def _other_value(spec: NumberInput, current: str) -> str | None:
    # The minimum is always a valid value (steps count from it), so prefer it.
    for bound in (spec.min, spec.max):
        if bound is not None and format_number(bound) != current:
            return format_number(bound)
    return None


def median_ms(work: Callable[[], object], runs: int) -> float:
    for _ in range(WARM_UP_RUNS):
        work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1_000_000

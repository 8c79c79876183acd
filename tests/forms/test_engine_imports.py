"""The engine's modules form no import cycle, and each one imports on its own.

A cycle hidden by an import inside a function works until someone imports the
modules in another order; so both are checked: the graph of every import
statement (wherever it stands), and a fresh interpreter importing each module
first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import scenario_ui

PROJECT_DIR = Path(scenario_ui.__file__).resolve().parent.parent
ENGINE_DIR = PROJECT_DIR / "scenario_ui" / "forms"
PACKAGE = "scenario_ui.forms"


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(ENGINE_DIR.rglob("*.py"))}


def imported_modules(path: Path) -> set[str]:
    """The engine modules `path` imports, from any statement anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from package import submodule` imports the submodule too.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES}


def test_the_engine_has_modules_to_check() -> None:
    assert {"scenario_ui.forms.plan", "scenario_ui.forms.fields.rows"} <= set(MODULES)


def test_no_import_cycle() -> None:
    graph = {name: imported_modules(path) - {name} for name, path in MODULES.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = [*trail[trail.index(name) :], name]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


CHECK_EACH = """
import importlib, sys
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "scenario_ui" or m.startswith("scenario_ui.")]:
        del sys.modules[loaded]
    importlib.import_module(name)
"""


def test_each_module_imports_first_in_a_fresh_interpreter() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", CHECK_EACH, *sorted(MODULES)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "scenario_ui.settings", "PATH": ""},
    )
    assert (finished.returncode, finished.stderr) == (0, "")

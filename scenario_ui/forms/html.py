"""Writing HTML in Python: the widget layer is compiled code, not templates.

A form of 200 inputs costs what writing its bytes costs: f-strings, with every
value that comes from a definition or from the user passed through `esc`. Only
the engine's own fragments (already escaped, built by the functions here and
in the widgets) are interpolated without it. The hostile-definition tests
render every input type and component with markup in every text of the
definition and check that none of it becomes HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString


def esc(value: object) -> str:
    """Text or an attribute value, escaped (`&`, `<`, `>`, `"` and `'`)."""
    return escape(value if isinstance(value, str) else str(value), quote=True)


def attrs(pairs: Iterable[tuple[str, str]]) -> str:
    """` name="value"` for each pair (names are the engine's own, values are escaped)."""
    return "".join(f' {name}="{esc(value)}"' for name, value in pairs)


def flag(name: str, on: bool) -> str:
    """A boolean attribute (` checked`), or nothing."""
    return f" {name}" if on else ""


def safe(html: str) -> SafeString:
    """Mark engine-built HTML safe for Django templates (escaping was done while building)."""
    return SafeString(html)

"""Writing HTML in Python: the widget layer is compiled code, not templates.

A form of 200 inputs costs what writing its bytes costs: f-strings, with every
value that comes from a definition or from the user passed through `esc`. Only
the engine's own fragments (already escaped, built by the functions here and
in the widgets) are interpolated without it. The hostile-definition tests
render every input type and component with markup in every text of the
definition and check that none of it becomes HTML.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString


def esc(value: object) -> str:
    """Text or an attribute value, escaped (`&`, `<`, `>`, `"` and `'`)."""
    return escape(value if isinstance(value, str) else str(value), quote=True)


def safe(html: str) -> SafeString:
    """Mark engine-built HTML safe for Django templates (escaping was done while building)."""
    return SafeString(html)

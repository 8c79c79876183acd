"""How deep JSON may nest anywhere in the app: answers, definitions, files, posted values.

Real definitions go about ten levels down; anything far deeper is a mistake or an
attack, and would exhaust Python's recursion limit somewhere down the line (the JSON
encoder, pickling into the cache, the templates). Pure: the gateway, the schema and
the commands all use it.
"""

from __future__ import annotations

MAX_NESTING = 64


def nested_too_deeply(value: object) -> bool:
    """Whether `value` holds lists and objects more than MAX_NESTING levels deep."""
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if not isinstance(item, dict | list):
            continue
        if level > MAX_NESTING:
            return True
        children = item.values() if isinstance(item, dict) else item
        pending.extend((child, level + 1) for child in children)
    return False

"""A small in-process memory of the most recently used values, by key.

For what only changes with a version that is part of the key (a parsed
definition by model id and `updatedAt`, its untouched form): no expiry is
needed, only a bound on how many are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Recent[K: Hashable, V]:
    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The kept value, or `make()` kept (made outside the lock: two may race, both agree)."""
        value = self.get(key)
        if value is None:
            value = make()
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

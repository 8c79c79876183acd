"""The sandbox API's key pair, kept in a git-ignored file so it survives restarts.

Settings read it (see `settings._sandbox_key_pair`); `save_key_pair` writes it once,
on the first `make run`, readable by its owner only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def save_key_pair(path: Path, *, key: str, secret: str) -> bool:
    """Write the pair unless the file exists; True when this call wrote it."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump({"key": key, "secret": secret}, file)
    return True

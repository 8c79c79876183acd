from __future__ import annotations

import json
from pathlib import Path

from scenario_ui.sandbox.credentials import save_key_pair


def test_the_key_pair_is_saved_once_for_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    assert save_key_pair(path, key="k1", secret="s1") is True
    assert save_key_pair(path, key="k2", secret="s2") is False
    assert json.loads(path.read_text()) == {"key": "k1", "secret": "s1"}
    assert path.stat().st_mode & 0o777 == 0o600

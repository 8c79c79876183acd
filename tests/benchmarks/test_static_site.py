from __future__ import annotations

from pathlib import Path
from wsgiref.util import setup_testing_defaults

from scenario_ui.benchmarks.static_site import site


def get(root: Path, path: str) -> tuple[str, bytes]:
    environ: dict[str, object] = {"PATH_INFO": path, "QUERY_STRING": "def=flux"}
    setup_testing_defaults(environ)
    answer: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer.append(status)

    body = b"".join(site(str(root))(environ, start_response))
    return answer[0], body


def test_serves_the_build_and_its_index(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")

    assert get(tmp_path, "/") == ("200 OK", b"<!doctype html><div id=root></div>")
    assert get(tmp_path, "/assets/app.js") == ("200 OK", b"console.log(1)")
    assert get(tmp_path, "/missing.js") == ("404 Not Found", b"Not found")

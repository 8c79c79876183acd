"""Command-line options both benchmarks take: how to start the server, numbers."""

from __future__ import annotations

import argparse


def add_server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--server-command",
        required=True,
        help="starts our production server, {port} replaced by its port (make's BENCH_SERVER)",
    )
    parser.add_argument("--port", type=int, default=0, help="our server's port (0: a free one)")
    parser.add_argument(
        "--database-url", default="", help="the server's database (default: a fresh SQLite file)"
    )


def positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def not_negative(text: str) -> int:
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def positive_list(text: str) -> list[int]:
    """Comma-separated counts, rising ("1,2,4,8")."""
    values = [positive(part.strip()) for part in text.split(",") if part.strip()]
    if not values or values != sorted(set(values)):
        raise argparse.ArgumentTypeError(f"expected rising counts such as 1,2,4,8, not {text!r}")
    return values


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None

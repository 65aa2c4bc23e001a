"""The `demo` command (realistic demo data for demos, screenshots and benchmarks)."""

from __future__ import annotations

from typing import Any


def add_commands(sub: Any) -> None:
    """Registered by cli.build_parser; filled in with services/demo.py."""

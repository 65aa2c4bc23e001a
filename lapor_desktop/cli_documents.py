"""The `letter` and `report` commands (official documents as PDF/XLSX files)."""

from __future__ import annotations

from typing import Any


def add_commands(sub: Any) -> None:
    """Registered by cli.build_parser; filled in with services/documents.py."""

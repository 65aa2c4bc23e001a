"""CLI commands over the casework services (users, reporters, complaints, deadlines)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    _ = (sub, argparse)

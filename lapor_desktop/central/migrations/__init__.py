"""Numbered migrations of the central database (`cNNNN_*.py`, each with VERSION and
`statements(names)`), applied in order by `central init` and `central upgrade` only."""

from __future__ import annotations

from types import ModuleType

from lapor_desktop.central.migrations import c0001_schema, c0002_attachments, c0003_lapor

MIGRATIONS: tuple[ModuleType, ...] = (c0001_schema, c0002_attachments, c0003_lapor)
assert [m.VERSION for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
LATEST = len(MIGRATIONS)

"""Shared test setup: offscreen Qt, an in-memory keyring, a fresh data dir per test."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display Qt would abort with a libxcb message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from lapor_desktop.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> None:
    # Real argon2id, at a cost that keeps hundreds of sign-ins in the suite fast.
    from lapor_desktop.services import users

    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("LAPOR_DATA_DIR", str(d))
    monkeypatch.delenv("LAPOR_DB_KEY", raising=False)
    monkeypatch.delenv("LAPOR_PASSWORD", raising=False)
    return d

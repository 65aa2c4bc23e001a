"""A keyring backend for bench_gui's cold starts: it holds the bench database's key (from
BENCH_KEY), as the OS keyring does on an office PC. Selected by PYTHON_KEYRING_BACKEND,
which also skips keyring's backend discovery (~0.2 s, behind the sign-in dialog anyway)."""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError


class BenchKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get("BENCH_KEY") if username.startswith("db-key:") else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("bench keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("bench keyring is read-only")

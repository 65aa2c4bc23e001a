"""Office PCs (real encrypted SQLite files) against one scratch central PostgreSQL.

Each PC is a data folder joined with `sync.engine.join` as one person; `pc.use()` binds the
models to that PC's database (one at a time, as in one process of the app). Runs for real
in CI (LAPOR_TEST_PG_DSN); elsewhere skipped with the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.services import storage, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.users import Session
from lapor_desktop.sync import engine
from tests.central.conftest import PASSWORD, Central, scratch_central, settle

pytestmark = pytest.mark.postgres


def no_prompt(_: str) -> str:
    raise AssertionError("the keyring or LAPOR_CENTRAL_DSN holds the password")


@pytest.fixture(scope="module")
def hub() -> Iterator[Central]:
    """One scratch central database per test module, with the PEOPLE logins."""
    yield from scratch_central("s")


@dataclass
class PC:
    """One office PC: its data folder and the person who joined it."""

    data_dir: Path
    login: str
    hub: Central
    store: Any = None
    sessions: dict[str, Session] = field(default_factory=dict)

    def use(self) -> Ctx:
        """Open (bind) this PC's database and sign the person in; returns the ctx."""
        if self.store is None:
            for pc in PCS:
                if pc.store is not None:
                    pc.close()
            self.store = storage.open_database(self.data_dir, lambda new: "unused")
        ctx = Ctx(data_dir=self.data_dir)
        if self.login not in self.sessions:
            self.sessions[self.login] = users.sign_in(ctx, self.login, PASSWORD)
        return ctx.as_user(self.sessions[self.login])

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def sync(self) -> engine.Summary:
        ctx = self.use()
        settle(self.hub)
        return engine.sync(ctx, no_prompt)


PCS: list[PC] = []


@pytest.fixture
def office_pc(
    hub: Central, tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """Make PCs: `office_pc('desk')` joins a new PC as that person."""
    monkeypatch.delenv("LAPOR_CENTRAL_DSN", raising=False)
    made: list[PC] = []

    def make(key: str) -> PC:
        for pc in PCS:
            pc.close()
        data_dir = tmp_path / f"pc-{key}-{uuid.uuid4().hex[:4]}"
        settle(hub)
        engine.join(Ctx(data_dir=data_dir), hub.dsn(hub.logins[key]), PASSWORD, lambda n: "x")
        pc = PC(data_dir, hub.logins[key], hub)
        made.append(pc)
        PCS.append(pc)
        return pc

    yield make
    for pc in made:
        pc.close()
        PCS.remove(pc)

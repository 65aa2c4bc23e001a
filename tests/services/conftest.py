"""A real encrypted database with reference data and one user per role, on a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from lapor_desktop.domain.workflow import Role
from lapor_desktop.services import deadlines, intake, reporters, storage, users
from lapor_desktop.services.clock import FixedClock
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.setup import initialize

PASSWORD = "sandi-uji-123"
NIK = "1401154107950001"
START = datetime(2026, 11, 2, 9, 0)  # a Monday


@dataclass
class World:
    data_dir: Path
    clock: FixedClock
    base: Ctx
    ctx: dict[str, Ctx]  # username -> signed-in context

    def as_(self, username: str) -> Ctx:
        return self.ctx[username]

    def new_case(
        self,
        *,
        anonim: bool = False,
        title: str = "Jalan rusak di Desa Pulau",
        body: str = "Lubang besar di jalan utama.",
        **kw,
    ) -> str:
        return intake.log_complaint(
            self.ctx["loket"],
            intake.ComplaintInput(
                reporter_nik=NIK,
                title=title,
                body=body,
                channel="walk-in",
                klasifikasi="pengaduan",
                anonim=anonim,
                **kw,
            ),
        ).ticket


USERS = {
    "loket": (Role.FRONT_DESK, "DISKOMINFOSANDI"),
    "admin": (Role.ADMIN_KABUPATEN, "DISKOMINFOSANDI"),
    "pupr": (Role.OPD_ADMIN, "PUPR"),
    "kadis.pupr": (Role.OPD_HEAD, "PUPR"),
    "dinkes": (Role.OPD_ADMIN, "DINKES"),
    "kadis.dinkes": (Role.OPD_HEAD, "DINKES"),
    "inspektur": (Role.AUDITOR, "INSPEKTORAT"),
    "sysadmin": (Role.SYS_ADMIN, "DISKOMINFOSANDI"),
}


def build_world(data_dir: Path) -> tuple[World, storage.Storage]:
    clock = FixedClock(START)
    store = storage.create_database(data_dir, lambda new: "tidak dipakai")
    deadlines.invalidate_calendar()
    base = Ctx(data_dir=data_dir, clock=clock)
    initialize(base, "root", PASSWORD)
    root = base.as_user(users.sign_in(base, "root", PASSWORD))
    ctxs: dict[str, Ctx] = {}
    for name, (role, office) in USERS.items():
        users.add_user(
            root,
            name,
            role=role.value,
            office_code=office,
            password=PASSWORD,
            must_change_password=False,
        )
        ctxs[name] = base.as_user(users.sign_in(base, name, PASSWORD))
    reporters.register(
        ctxs["loket"],
        nik=NIK,
        name="Siti Aminah",
        phone="0812 7654 321",
        email="siti@example.id",
        address="Jl. Prof. M. Yamin No. 5",
    )
    return World(data_dir, clock, base, ctxs), store


@pytest.fixture
def world(data_dir: Path) -> Iterator[World]:
    w, store = build_world(data_dir)
    yield w
    store.close()


@pytest.fixture(scope="module")
def shared_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One database for a whole module (tests that each make their own cases)."""
    w, store = build_world(tmp_path_factory.mktemp("shared") / "data")
    yield w
    store.close()

"""GUI tests: a real encrypted database with one user per role, on a fixed clock; message
boxes recorded instead of shown; every op finished before a test ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui import messages, ops
from lapor_desktop.services import deadlines, intake, reporters, storage, users
from lapor_desktop.services.clock import FixedClock
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.setup import initialize

PASSWORD = "sandi-uji-123"
NIK = "1401154107950001"
START = datetime(2026, 11, 2, 9, 0)  # a Monday

USERS = {
    "loket": (Role.FRONT_DESK, "DISKOMINFOSANDI"),
    "admin": (Role.ADMIN_KABUPATEN, "DISKOMINFOSANDI"),
    "pupr": (Role.OPD_ADMIN, "PUPR"),
    "kadis.pupr": (Role.OPD_HEAD, "PUPR"),
    "dinkes": (Role.OPD_ADMIN, "DINKES"),
    "inspektur": (Role.AUDITOR, "INSPEKTORAT"),
    "sysadmin": (Role.SYS_ADMIN, "DISKOMINFOSANDI"),
}


@dataclass
class World:
    data_dir: Path
    clock: FixedClock
    base: Ctx
    store: storage.Storage
    ctx: dict[str, Ctx] = field(default_factory=dict)

    def as_(self, username: str) -> Ctx:
        return self.ctx[username]

    def new_case(self, *, anonim: bool = False, title: str = "Jalan rusak di Desa Pulau") -> str:
        return intake.log_complaint(
            self.ctx["loket"],
            intake.ComplaintInput(
                reporter_nik=NIK,
                title=title,
                body="Lubang besar di jalan utama.",
                channel="walk-in",
                klasifikasi="pengaduan",
                anonim=anonim,
            ),
        ).ticket


@dataclass
class Recorded:
    shown: list[tuple[str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [t for _, t in self.shown]


@pytest.fixture(autouse=True)
def recorded_messages(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    rec = Recorded()
    for kind in ("warn", "error", "info"):
        monkeypatch.setattr(
            messages, kind, lambda _p, text, kind=kind: rec.shown.append((kind, text))
        )
    monkeypatch.setattr(messages, "confirm", lambda _p, text: True)
    return rec


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName("Pemkab Kampar Test")
    qapp.setApplicationName("LAPOR Desktop Test")
    yield


@pytest.fixture(autouse=True)
def ops_finished(qtbot) -> Iterator[None]:
    # As in the app (ops.collect_garbage_on_ui_thread): a worker thread must never be the
    # one that garbage-collects Qt objects, so no automatic GC while a GUI test runs.
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    qtbot.waitUntil(ops.idle, timeout=10_000)
    gc.collect()
    if was_enabled:
        gc.enable()


def wait_ops(qtbot) -> None:
    qtbot.waitUntil(ops.idle, timeout=10_000)


def open_main_window(qtbot, world: World, username: str, page_key: str) -> tuple[Any, Any]:
    """`username`'s main window, shown and active, on `page_key` with its queries delivered."""
    from lapor_desktop.gui.main_window import MainWindow

    w = MainWindow(world.as_(username), world.store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitActive(w)
    page = w.show_page(page_key)
    wait_ops(qtbot)
    return w, page


@pytest.fixture
def world(data_dir: Path) -> Iterator[World]:
    clock = FixedClock(START)
    store = storage.create_database(data_dir, lambda new: "tidak dipakai")
    deadlines.invalidate_calendar()
    base = Ctx(data_dir=data_dir, clock=clock)
    initialize(base, "root", PASSWORD)
    root = base.as_user(users.sign_in(base, "root", PASSWORD))
    w = World(data_dir, clock, base, store)
    for name, (role, office) in USERS.items():
        users.add_user(
            root,
            name,
            role=role.value,
            office_code=office,
            password=PASSWORD,
            must_change_password=False,
        )
        w.ctx[name] = base.as_user(users.sign_in(base, name, PASSWORD))
    reporters.register(
        w.ctx["loket"],
        nik=NIK,
        name="Siti Aminah",
        phone="0812 7654 321",
        email="siti@example.id",
        address="Jl. Prof. M. Yamin No. 5",
    )
    yield w
    store.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says this whenever a top-level window is shown; not our bug.
    ignore = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
    for item in items:
        if "tests/gui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(ignore)


@pytest.fixture
def keep() -> Iterator[list[object]]:
    """Holds widgets until after qtmodeltester's cleanup (request `keep` before it)."""
    held: list[object] = []
    yield held
    held.clear()

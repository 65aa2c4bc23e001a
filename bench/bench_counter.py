"""A keyboard-only walk-in at the counter (issue 14): a new reporter from the empty form
to the printed receipt, driven by key events alone on the real intake page (offscreen Qt,
a real encrypted database), then Ctrl+N for the next one.

    .venv/bin/python bench/bench_counter.py [--runs 5] [--cpm 200]

Reports the key presses (a chord such as Ctrl+N counts as one), how many of them are
the text itself and how many move around the form, the time of the app's own work (key
handling, the NIK look-up, the save, the receipt PDF; events are sent as fast as Qt takes
them, so that is all the wall time), and the typing time of a practised clerk at `--cpm`
keys per minute. Goal: every field reached in order by Tab; under 60 s of typing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-sandi-123"
NIK = "1401021203880002"  # kecamatan Kampar, born 12-03-1988
# What the clerk types, field by field in Tab order (fields not named are passed with
# Tab; "space": tick the box). "lengkap": every field of the paper form filled in, saved
# from the Simpan button; "wajib": what must be typed (NIK, name, title, body) and the
# phone, saved with Ctrl+Enter in the body.
WALK_INS: dict[str, list[tuple[str, str | None]]] = {
    "lengkap": [
        ("nik_edit", NIK),
        ("name_edit", "Budi Santoso"),
        ("phone_edit", "0812 1111 2222"),
        ("address_edit", "Jl. Lintas Bangkinang No. 5"),
        ("desa_combo", "Batu"),  # the kecamatan is pre-filled from the NIK; first letters
        ("ktp_check", "space"),
        ("title_edit", "Jembatan kayu retak di Desa Batu Belah"),
        ("body_edit", "Jembatan retak sejak banjir minggu lalu, motor tidak bisa lewat."),
        ("loc_kecamatan_combo", "Kampar"),
        ("loc_desa_combo", "Batu"),
        ("location_edit", "dekat SD 012"),
        ("date_line", "28102026"),
        ("save_button", "enter"),
    ],
    "wajib": [
        ("nik_edit", NIK),
        ("name_edit", "Budi Santoso"),
        ("phone_edit", "0812 1111 2222"),
        ("title_edit", "Jembatan kayu retak di Desa Batu Belah"),
        ("body_edit", "Jembatan retak sejak banjir minggu lalu, motor tidak bisa lewat."),
        ("body_edit", "ctrl+enter"),
    ],
}


class Driver:
    def __init__(self, app) -> None:
        from PySide6.QtTest import QTest

        self.app, self.QTest = app, QTest
        self.keys = 0
        self.text_keys = 0

    def focus(self):
        w = self.app.focusWidget()
        assert w is not None, "nothing has the keyboard focus"
        return w

    def type(self, text: str) -> None:
        self.QTest.keyClicks(self.focus(), text)
        self.keys += len(text)
        self.text_keys += len(text)

    def press(self, key, mods=None) -> None:
        from PySide6.QtCore import Qt

        self.QTest.keyClick(self.focus(), key, mods or Qt.KeyboardModifier.NoModifier)
        self.keys += 1

    def settle(self) -> None:
        from lapor_desktop.gui import ops

        while not ops.idle():
            self.app.processEvents()
            time.sleep(0.001)
        self.app.processEvents()


def world(data_dir: Path):
    from lapor_desktop.services import storage, users
    from lapor_desktop.services.clock import FixedClock
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    store = storage.create_database(data_dir, lambda new: "bench-frasa-sandi")
    base = Ctx(data_dir=data_dir, clock=FixedClock(datetime(2026, 11, 2, 9, 0)))
    initialize(base, "root", PASSWORD)
    root = base.as_user(users.sign_in(base, "root", PASSWORD))
    users.add_user(
        root,
        "loket",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password=PASSWORD,
        must_change_password=False,
    )
    return store, base.as_user(users.sign_in(base, "loket", PASSWORD))


def one_walk_in(
    app, ctx, steps: list[tuple[str, str | None]], nik: str, printed: list[Path]
) -> tuple[int, int, float, str]:
    from PySide6.QtCore import Qt

    from lapor_desktop.gui.intake_page import IntakePage

    page = IntakePage(ctx)
    page.resize(1000, 760)
    page.show()
    page.activateWindow()
    page.nik_edit.setFocus()
    app.processEvents()
    d = Driver(app)
    tickets: list[str] = []
    page.saved.connect(tickets.append)
    t0 = time.perf_counter()
    for name, text in steps:
        while d.focus().objectName() != name:
            d.press(Qt.Key.Key_Tab)
        if text == "space":
            d.press(Qt.Key.Key_Space)
        elif text == "enter":
            d.press(Qt.Key.Key_Return)
        elif text == "ctrl+enter":
            d.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        elif text:
            d.type(nik if name == "nik_edit" else text)
    d.settle()
    assert tickets, page.errors.general.text() if page.errors.general else "not saved"
    d.press(Qt.Key.Key_Return)  # the focus is on the receipt: Enter prints it
    d.settle()
    assert printed and tickets[0] in printed[-1].name
    d.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: the next one
    app.processEvents()
    work = time.perf_counter() - t0
    page.new_complaint()
    assert d.focus() is page.nik_edit
    page.close()
    page.deleteLater()
    return d.keys, d.text_keys, work, tickets[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpm", type=float, default=200.0, help="clerk's keys per minute")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from lapor_desktop.domain.nik import parse_nik
    from lapor_desktop.gui import doc_output

    app = QApplication(sys.argv[:1])
    printed: list[Path] = []

    def viewer(path: Path) -> bool:
        printed.append(path)
        return path.stat().st_size > 0

    doc_output.open_file = viewer  # the system viewer: only checked to receive the PDF
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        store, ctx = world(Path(tmp) / "data")
        serial = 1
        for kind, steps in WALK_INS.items():
            works: list[float] = []
            keys = text_keys = 0
            for run in range(args.runs):
                serial += 1
                nik = NIK[:-4] + f"{serial:04d}"
                parse_nik(nik, today=ctx.clock.now().date())
                keys, text_keys, work, ticket = one_walk_in(app, ctx, steps, nik, printed)
                works.append(work)
                print(f"{kind} {run + 1}: {ticket}, {keys} keys, app's work {work * 1000:.0f} ms")
            typing = keys / (args.cpm / 60.0)
            rest = keys - text_keys
            print(
                f"== {kind}: {keys} keys per walk-in ({text_keys} text, {rest} Tab/Enter/"
                f"Space/Ctrl+N); app's work median {statistics.median(works) * 1000:.0f} ms, "
                f"max {max(works) * 1000:.0f} ms; typing at {args.cpm:.0f} keys/min "
                f"{typing:.1f} s, of which moving around the form {rest / (args.cpm / 60):.1f} s"
            )
            status |= typing >= 60
        store.close()
    print("(the first walk-in also loads the receipt code and builds the holiday calendar)")
    return int(status)


if __name__ == "__main__":
    sys.exit(main())

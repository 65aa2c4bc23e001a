"""Screenshots of the main screens with demo data, for the README.

    .venv/bin/python docs/make_screenshots.py [--cases 600] [--out docs/screenshots]

Builds a throw-away encrypted database in a temp dir (key in an in-memory keyring, nothing
touches the real keyring or data dir), fills it with demo data (lapor_desktop.demo, or a few
cases through the services when that module is missing), opens each screen offscreen and
saves it with QWidget.grab().

Then it runs itself again with `--scale 2` (Qt fixes the scale factor when the
application starts): the 16-… and 17-… pictures are a maximised window on a 1920×1080
screen at 200 % (960×460 logical pixels, saved at 1920×920).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from lapor_desktop.memory_keyring import MemoryKeyring as _MemoryKeyring

NOW = datetime(2026, 11, 27, 10, 0)  # a Friday; fixed so the pictures are reproducible
SIZE = (1280, 800)
# 1920×1080 at 200 %, less a taskbar and a title bar (as tests/gui/scaling_probe.py)
SCALED_SIZE = (960, 540 - 48 - 32)
FULL_HD = {
    "screens": [
        {
            "name": "fhd",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}
ADMIN_PASSWORD = "sysadmin-demo-1"


def build_world(data_dir: Path, n_cases: int):  # type: ignore[no-untyped-def]
    from lapor_desktop.services import casework, intake, reporters, storage, users
    from lapor_desktop.services.clock import FixedClock
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    clock = FixedClock(NOW)
    store = storage.create_database(data_dir, lambda new: "tidak-dipakai-di-sini")
    base = Ctx(data_dir=data_dir, clock=clock)
    initialize(base, "sysadmin", ADMIN_PASSWORD)
    root = base.as_user(users.sign_in(base, "sysadmin", ADMIN_PASSWORD))
    try:
        from lapor_desktop import demo

        demo.generate(root, n_cases, 7)
        logins = {
            "admin": ("admin1", demo.DEMO_PASSWORD),
            "loket": ("loket1", demo.DEMO_PASSWORD),
            "kepala": ("pupr.kepala", demo.DEMO_PASSWORD),
        }
    except ImportError:
        pw = "sandi-demo-123"
        for name, role, office in (
            ("admin1", "ADMIN_KABUPATEN", "DISKOMINFOSANDI"),
            ("loket1", "FRONT_DESK", "DISKOMINFOSANDI"),
            ("pupr.admin", "OPD_ADMIN", "PUPR"),
            ("pupr.kepala", "OPD_HEAD", "PUPR"),
        ):
            users.add_user(
                root, name, role=role, office_code=office, password=pw, must_change_password=False
            )
        logins = {"admin": ("admin1", pw), "loket": ("loket1", pw), "kepala": ("pupr.kepala", pw)}
        desk = base.as_user(users.sign_in(base, "loket1", pw))
        reporters.register(desk, nik="1401154107950001", name="Siti Aminah", phone="0812 7654 321")
        admin = base.as_user(users.sign_in(base, "admin1", pw))
        opd = base.as_user(users.sign_in(base, "pupr.admin", pw))
        for i, title in enumerate(
            ["Jalan rusak di Desa Pulau", "Lampu jalan padam", "Drainase tersumbat"]
        ):
            t = intake.log_complaint(
                desk,
                intake.ComplaintInput(
                    reporter_nik="1401154107950001",
                    title=title,
                    body="Mohon segera ditindaklanjuti.",
                    channel="walk-in",
                    klasifikasi="pengaduan",
                ),
            ).ticket
            if i:
                casework.verify(admin, t, category="INFRASTRUKTUR")
                casework.dispose(admin, t, opd="PUPR")
                casework.start(opd, t)
                casework.submit_answer(opd, t, answer="Perbaikan dijadwalkan minggu depan.")
    ctxs = {k: base.as_user(users.sign_in(base, name, pw)) for k, (name, pw) in logins.items()}
    ctxs["sysadmin"] = root
    return store, base, ctxs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="only the pictures at this scale (e.g. 2)"
    )
    args = parser.parse_args(argv)
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    keyring.set_keyring(_MemoryKeyring())

    from PySide6.QtCore import QCoreApplication, QLocale, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    from lapor_desktop.gui.application import make_application

    make_application()  # as the app: its icon, focus ring, Qt's texts in Indonesian
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    QCoreApplication.setOrganizationName("LAPOR screenshots")
    tmp = tempfile.TemporaryDirectory(prefix="lapor-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)

    from lapor_desktop.domain.workflow import Action, Status
    from lapor_desktop.gui import ops

    ops.collect_garbage_on_ui_thread()
    from lapor_desktop.gui.action_dialog import ActionDialog, load_choices
    from lapor_desktop.gui.case_view import CaseViewPage
    from lapor_desktop.gui.first_run import FirstRunDialog
    from lapor_desktop.gui.intake_page import IntakePage
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.gui.sign_in import SignInDialog
    from lapor_desktop.services import cases

    data_dir = Path(tmp.name) / "data"
    store, base, ctx = build_world(data_dir, args.cases)
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    size = SIZE if args.scale == 1.0 else SCALED_SIZE

    def settle() -> None:
        for _ in range(200):
            app.processEvents()
            if ops.idle():
                break
            _sleep_ms(10)
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        settle()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def window(who: str) -> MainWindow:
        w = MainWindow(ctx[who], store)
        w.resize(*size)
        return w

    def on_page(w: MainWindow, key: str, then: Callable[[QWidget], None] | None = None) -> QWidget:
        page = w.show_page(key)
        settle()
        if then:
            then(page)
        return page

    if args.scale != 1.0:
        percent = f"{args.scale:.0%}".removesuffix("%")
        admin = window("admin")
        on_page(admin, "beranda")
        shot(admin, f"16-beranda-{percent}")
        on_page(admin, "rekap")
        shot(admin, f"17-rekap-bulanan-{percent}")
        admin.close()
        store.close()
        for p in written:
            print(p)
        return 0

    admin = window("admin")
    on_page(admin, "beranda")
    shot(admin, "01-beranda")
    on_page(admin, "laporan")
    shot(admin, "02-daftar-laporan")
    on_page(admin, "jatuh_tempo")
    shot(admin, "03-jatuh-tempo")
    busy = (
        cases.list_cases(
            ctx["admin"], cases.CaseFilter(statuses=(Status.DIJAWAB.value,)), limit=1
        ).rows
        or cases.list_cases(ctx["admin"], limit=1).rows
    )
    page = admin.open_case(busy[0].ticket)
    assert isinstance(page, CaseViewPage)
    shot(admin, "04-detail-laporan")
    to_verify = cases.list_cases(
        ctx["admin"], cases.CaseFilter(statuses=(Status.TERVERIFIKASI.value,)), limit=1
    ).rows
    if to_verify:
        detail = cases.get_case(ctx["admin"], to_verify[0].ticket)
        choices = load_choices(ctx["admin"], detail, Action.DISPOSE)
        dlg = ActionDialog(ctx["admin"], detail, Action.DISPOSE, choices, admin)
        pupr = next(o for o in choices.offices if o.code == "PUPR")
        dlg.opd_picker.setText(f"{pupr.code} — {pupr.name}")
        dlg.note_edit.setPlainText("Mohon ditindaklanjuti sesuai kewenangan.")
        shot(dlg, "05-dialog-disposisi")
        dlg.close()
    on_page(admin, "rekap")
    shot(admin, "12-rekap-bulanan")
    on_page(admin, "register")
    shot(admin, "13-register-surat")
    admin.close()

    desk = window("loket")
    intake = on_page(desk, "loket")
    assert isinstance(intake, IntakePage)
    intake.nik_edit.setText("1401021203880002")
    intake.name_edit.setText("Budi Santoso")
    intake.phone_edit.setText("0812 1111 2222")
    intake.title_edit.setText("Jembatan gantung di Desa Pulau Jambu retak")
    intake.body_edit.setPlainText(
        "Tali baja jembatan gantung sudah berkarat dan lantai kayu banyak yang patah. "
        "Anak sekolah setiap hari melintas."
    )
    shot(desk, "06-loket-pengaduan")
    intake.save()  # saved: the ticket, and "Cetak tanda terima" right there
    from PySide6.QtWidgets import QScrollArea

    scroll = intake.findChild(QScrollArea)
    settle()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shot(desk, "15-loket-tanda-terima")
    desk.close()

    head = window("kepala")
    on_page(head, "persetujuan")
    waiting = cases.list_cases(
        ctx["kepala"],
        cases.CaseFilter(statuses=(Status.MENUNGGU_PERSETUJUAN.value,)),
        limit=1,
    ).rows
    if waiting:
        head.open_case(waiting[0].ticket)
    shot(head, "07-persetujuan-kepala-opd")
    head.close()

    sysadmin = window("sysadmin")
    on_page(sysadmin, "pengguna")
    shot(sysadmin, "08-admin-pengguna")
    on_page(sysadmin, "aturan")
    shot(sysadmin, "09-admin-aturan-libur")
    on_page(sysadmin, "kop_surat")
    shot(sysadmin, "14-kop-surat")
    sysadmin.close()

    sign_in = SignInDialog(base)
    sign_in.username_edit.setText("admin1")
    sign_in.errors.set("", "Akun terkunci selama 15 menit karena 5 kali salah kata sandi.")
    shot(sign_in, "10-masuk")
    first = FirstRunDialog(Path(tmp.name) / "baru")
    shot(first, "11-penyiapan-awal")

    for w in (sign_in, first):
        w.close()
    store.close()
    for p in written:
        print(p)
    return _scaled(args.cases, args.out, Path(tmp.name))


def _scaled(cases: int, out: Path, tmp: Path) -> int:
    """The 200 % pictures, from a second process (see the module docstring)."""
    env = dict(os.environ)
    platform = env.get("QT_QPA_PLATFORM", "offscreen")
    if platform == "offscreen":  # a Full HD offscreen screen; under xvfb, its own
        screen = tmp / "screen.json"
        screen.write_text(json.dumps(FULL_HD), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    command = [sys.executable, __file__, "--cases", str(cases), "--out", str(out)]
    return subprocess.run([*command, "--scale", "2"], env=env, check=False).returncode


def _sleep_ms(ms: int) -> None:
    from PySide6.QtCore import QThread

    QThread.msleep(ms)


if __name__ == "__main__":
    raise SystemExit(main())

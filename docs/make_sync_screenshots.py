"""Screenshots of sync in the app (issue 17) for the README: the Sinkronisasi page (history,
"gagal disinkronkan", a conflict side by side) with the status-bar indicator, and the
first-run wizard's "Gabung ke server kabupaten".

    LAPOR_BENCH_PG_DSN="host=127.0.0.1 dbname=postgres user=… password=…" \\
        .venv/bin/python docs/make_sync_screenshots.py [--out docs/screenshots]

Needs a PostgreSQL superuser DSN (LAPOR_BENCH_PG_DSN, else LAPOR_TEST_PG_DSN): a scratch
central database is made and dropped afterwards. What the pictures show really happened:
cases made centrally, cycles of the regency admin's PC (one while the server was
unreachable), an action of that PC the server refused. Offscreen Qt; nothing touches the
real keyring or data folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    args = parser.parse_args()
    superuser = os.environ.get("LAPOR_BENCH_PG_DSN") or os.environ.get("LAPOR_TEST_PG_DSN", "")
    if not superuser:
        sys.exit("set LAPOR_BENCH_PG_DSN to a superuser DSN")
    import keyring

    from lapor_desktop.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    os.environ.pop("LAPOR_CENTRAL_DSN", None)
    from lapor_desktop.db import central as driver

    driver.load_driver()
    import psycopg
    from bench_sync import PASSWORD, server_cases
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from lapor_desktop.gui.application import make_application

    make_application()
    QCoreApplication.setOrganizationName("LAPOR screenshots")
    tmp = tempfile.TemporaryDirectory(prefix="lapor-sync-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)

    from lapor_desktop.central import admin
    from lapor_desktop.gui import ops
    from lapor_desktop.gui.first_run import FirstRunDialog
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.gui.sync_runner import SyncRunner
    from lapor_desktop.services import casework, intake, reporters, storage, users
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.sync import engine
    from lapor_desktop.sync.link import SyncError
    from tests.central.conftest import dsn_with

    args.out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end or not ops.idle():
            app.processEvents()
            time.sleep(0.01)

    def shot(widget: object, name: str) -> None:
        settle()
        path = args.out / name
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)

    dbname = f"lc_shot_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(superuser, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{dbname}"')
    dsn = dsn_with(superuser, dbname=dbname)
    sfx = dbname[-4:]
    logins = {"desk": f"siti.{sfx}", "adm": f"ahmad.{sfx}", "adm2": f"rina.{sfx}"}
    try:
        db = admin.connect(dsn)
        admin.init(db)
        admin.add_user(db, logins["desk"], "FRONT_DESK", "DISKOMINFOSANDI", PASSWORD,
                       full_name="Siti Aminah")  # fmt: skip
        admin.add_user(db, logins["adm"], "ADMIN_KABUPATEN", "DISKOMINFOSANDI", PASSWORD,
                       full_name="Ahmad Fauzi")  # fmt: skip
        admin.add_user(db, logins["adm2"], "ADMIN_KABUPATEN", "DISKOMINFOSANDI", PASSWORD,
                       full_name="Rina Lestari")  # fmt: skip
        db.close()
        data = Path(tmp.name) / "pc"
        ctx = Ctx(data_dir=data)
        engine.join(ctx, dsn_with(dsn, user=logins["adm"]), PASSWORD, lambda n: "x")
        store = storage.open_database(data, lambda n: "x")
        actx = ctx.as_user(users.sign_in(ctx, logins["adm"], PASSWORD))
        server_cases(dsn, logins["desk"], logins["adm2"], "PUPR", 40)  # from the front desk
        engine.sync(actx, lambda u: PASSWORD)
        # The link down for a moment: the cycle is logged with the reason.
        with contextlib.suppress(SyncError):
            engine.sync(actx, lambda u: PASSWORD, dsn=dsn_with(dsn, host="127.0.0.1", port="1"))
        # A case logged at this PC, held here while another admin archived it centrally.
        nik = "1401021203880002"
        t = intake.take_in(
            actx,
            reporters.ReporterInput(nik=nik, name="Budi Santoso", phone="0812 1111 2222"),
            intake.ComplaintInput(
                reporter_nik=nik,
                title="Jembatan kayu retak di Desa Batu Belah",
                body="Jembatan retak sejak banjir.",
                channel="walk-in",
                klasifikasi="pengaduan",
            ),
        ).ticket
        engine.sync(actx, lambda u: PASSWORD)
        casework.hold(actx, t, note="Mohon lampirkan foto jembatan")
        from lapor_desktop.db.models import Complaint

        cid = Complaint.get(Complaint.ticket == t).id
        with psycopg.connect(dsn_with(dsn, user=logins["adm2"], password=PASSWORD),
                             autocommit=True) as c:  # fmt: skip
            c.execute(
                "INSERT INTO case_action (id, complaint_id, action, note, at) "
                "VALUES (%s, %s, 'ARCHIVE', 'Laporan ganda', localtimestamp)",
                (uuid.uuid4(), cid),
            )
        for _ in range(20):
            engine.sync(actx, lambda u: PASSWORD)
            if engine.status().failed:
                break
            time.sleep(0.5)

        # A conflict: another admin changed Budi's phone and address centrally while this
        # PC, offline, changed the phone too; the next sync records the clash.
        from lapor_desktop.db.models import Reporter

        rep = Reporter.get(Reporter.nik == nik)
        with psycopg.connect(dsn_with(dsn, user=logins["adm2"], password=PASSWORD),
                             autocommit=True) as c:  # fmt: skip
            c.execute(
                "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
                "VALUES (%s, 'reporter', %s, %s, %s::jsonb)",
                (uuid.uuid4(), rep.id, rep.server_version,
                 '{"phone": "0812 9999 0000", "address": "Jl. Prof. M. Yamin No. 7"}'),
            )  # fmt: skip
        reporters.update_contact(actx, rep.id, base_version=rep.row_version, phone="0813 2222 0000")
        engine.sync(actx, lambda u: PASSWORD)

        runner = SyncRunner(actx, PASSWORD, interval_ms=3_600_000)
        w = MainWindow(actx, store, runner=runner)
        w.resize(1280, 800)
        w.show()
        runner.start()
        settle(2500)
        page = w.show_page("sinkronisasi")
        settle(800)
        shot(w, "18-sinkronisasi-riwayat.png")
        ui = page.ui  # type: ignore[attr-defined]
        ui.tabs.setCurrentWidget(ui.failed_tab)
        ui.failed_table.selectRow(0)
        shot(w, "19-sinkronisasi-gagal.png")
        ui.tabs.setCurrentWidget(ui.conflicts_tab)
        page.conflicts.refresh()  # type: ignore[attr-defined]
        shot(w, "21-sinkronisasi-konflik.png")
        runner.stop()
        w.close()
        store.close()

        wizard = FirstRunDialog(Path(tmp.name) / "new-pc")
        wizard.ui.join_radio.setChecked(True)
        wizard.ui.join_host_edit.setText("pusat.kamparkab.go.id")
        wizard.ui.join_dbname_edit.setText("lapor_pusat")
        wizard.ui.join_ca_edit.setText("C:\\LAPOR\\ca-kampar.pem")
        wizard.ui.join_user_edit.setText("siti.loket")
        wizard.ui.join_password_edit.setText("rahasia-siti")
        wizard.show()
        wizard.ui.join_user_edit.setFocus()
        shot(wizard, "20-penyiapan-gabung.png")
        wizard.close()
    finally:
        with psycopg.connect(superuser, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            from lapor_desktop.central.names import RoleNames, prefix_for

            names = RoleNames(prefix_for(dbname))
            for role in [*logins.values(), *names.groups.values(), names.owner]:
                c.execute(f'DROP ROLE IF EXISTS "{role}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())

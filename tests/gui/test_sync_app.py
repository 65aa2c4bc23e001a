"""Sync in the desktop app (issue 17) against a real central PostgreSQL: the background
runner beside a person logging complaints, the indicator's states, a refused action shown
on the Sinkronisasi page and redone, new work announced, sign-in online and offline, a
login disabled centrally, and the old-client gate."""

# ruff: noqa: F811 - `hub` and `office_pc` are the sync fixtures, imported below
from __future__ import annotations

import time
from typing import Any

import pytest

from lapor_desktop.central import admin as central_admin
from lapor_desktop.db.models import Complaint, SyncFailed, User
from lapor_desktop.gui import ops
from lapor_desktop.gui.sync_runner import Indicator, Phase, SyncRunner
from lapor_desktop.services import casework, storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import PermissionDenied
from lapor_desktop.sync import engine, online
from tests.central.conftest import PASSWORD, push
from tests.sync.conftest import hub, office_pc  # noqa: F401 (fixtures)
from tests.sync.test_cycle import _intake, _server

pytestmark = [pytest.mark.postgres, pytest.mark.gui]


@pytest.fixture
def gui_env(recorded_messages: Any) -> list[str]:
    return recorded_messages.shown  # type: ignore[no-any-return]


def _runner(qtbot: Any, ctx: Ctx, password: str = PASSWORD) -> SyncRunner:
    runner = SyncRunner(ctx, password, interval_ms=3_600_000)
    runner.enabled = True
    return runner


def _cycle(qtbot: Any, runner: SyncRunner) -> Any:
    with qtbot.waitSignal(runner.cycle_done, timeout=60_000) as got:
        assert runner.sync_now()
    return got.args[0]


def _joined(office_pc: Any, key: str) -> Any:
    """A PC joined as `key`, once its own account arrived: the window a pull takes ends
    below the oldest transaction still open anywhere in the cluster (SYNC.md), so on a
    busy shared test server the first pull may stop short of the newest rows."""
    pc = office_pc(key)
    pc.store = storage.open_database(pc.data_dir, lambda new: "unused")
    for _ in range(60):
        if User.select().where(User.username == pc.login).exists():
            online.cache_password(pc.login, PASSWORD)  # as join does when it came at once
            return pc
        engine.sync(Ctx(data_dir=pc.data_dir), lambda u: PASSWORD)
        time.sleep(0.5)
    raise AssertionError(f"{pc.login} never arrived")


def _cycle_until(qtbot: Any, runner: SyncRunner, done: Any) -> Any:
    """Cycles until `done(outcome)`: on a shared server another transaction may hold the
    pull's window back for a moment (rows then come with the next cycle)."""
    for _ in range(40):
        outcome = _cycle(qtbot, runner)
        if done(outcome):
            return outcome
        time.sleep(0.5)
    raise AssertionError("never happened")


def _new_login(hub: Any, key: str, role: str, office: str) -> str:
    login = f"{key.replace('_', '')}{hub.dbname[-8:]}"
    db = central_admin.connect(hub.admin_dsn)
    try:
        central_admin.add_user(db, login, role, office, PASSWORD, full_name=key)
    finally:
        db.close()
    hub.logins[key] = login
    return login


def test_indicator_says_each_state_in_words() -> None:
    assert "lokal saja" in Indicator(Phase.LOCAL).text()
    idle = Indicator(Phase.IDLE, None, 0, 0, 0).text()
    assert "belum pernah" in idle and "semua terkirim" in idle
    busy = Indicator(Phase.OFFLINE, None, 3, 1, 2).text()
    assert busy.startswith("Luring") and "3 menunggu dikirim" in busy
    assert "1 gagal" in busy and "2 konflik" in busy
    assert "Perbarui aplikasi" in Indicator(Phase.TOO_OLD).text()
    assert "dinonaktifkan" in Indicator(Phase.DISABLED).text()
    assert "F9" in Indicator(Phase.IDLE, message="x").tooltip()


def test_counter_logs_complaints_while_a_sync_runs_in_the_background(
    hub: Any, office_pc: Any, qtbot: Any
) -> None:
    from lapor_desktop.gui.main_window import MainWindow

    pc = _joined(office_pc, "desk")
    ctx = pc.use()
    runner = _runner(qtbot, ctx)
    window = MainWindow(ctx, pc.store, runner=runner)
    qtbot.addWidget(window)
    window.show()
    _intake(ctx, "Sebelum sinkron", nik="1401021203881000")
    with qtbot.waitSignal(runner.cycle_done, timeout=60_000):
        window.sync_action.trigger()  # F9
        assert runner.running
        # The counter goes on while the cycle runs: intakes through ops, like the form.
        tickets: list[str] = []
        for i in range(3):
            ops.run_op(
                window,
                lambda i=i: _intake(ctx, f"Saat sinkron {i}", nik=f"14010212038810{i:02d}"),
                tickets.append,
            )
        assert not runner.sync_now()  # never two at once: one more follows instead
    qtbot.waitUntil(lambda: len(tickets) == 3 and ops.idle(), timeout=30_000)
    qtbot.waitUntil(lambda: runner.idle() and not runner._again, timeout=60_000)
    if engine.status().pending:
        _cycle(qtbot, runner)
    assert engine.status().pending == 0
    assert "semua terkirim" in window.sync_label.text()
    on_server = {t for (t,) in _server(hub, "SELECT ticket FROM lapor.complaint")}
    assert set(tickets) <= on_server
    # An action the person takes is sent a few seconds later, without F9.
    from lapor_desktop.gui.changes import Changed

    ticket = _intake(ctx, "Sesudah sinkron", nik="1401021203881099")
    with qtbot.waitSignal(runner.cycle_done, timeout=60_000):
        window.apply_changes(Changed.case(ticket))  # what the intake page's save does
        assert runner.soon_timer.isActive()
    assert engine.status().pending == 0
    window.close()
    runner.stop()


def test_refused_action_is_listed_with_its_reason_and_redone(
    hub: Any, office_pc: Any, qtbot: Any, gui_env: list[Any]
) -> None:
    from lapor_desktop.gui.sync_page import SyncPage

    desk = _joined(office_pc, "desk")
    ticket = _intake(desk.use(), nik="1401021203882000")
    desk.sync()
    admin = _joined(office_pc, "admin")
    actx = admin.use()
    runner = _runner(qtbot, actx)
    page = SyncPage(actx, runner)
    qtbot.addWidget(page)
    _cycle_until(qtbot, runner, lambda o: Complaint.get_or_none(Complaint.ticket == ticket))
    case = Complaint.get(Complaint.ticket == ticket)

    def local_status(status: str) -> Any:
        return lambda _o: Complaint.get_by_id(case.id).status == status

    assert push(hub, "admin", case.id, "HOLD", note="Minta KTP")[0]  # another admin PC
    _cycle_until(qtbot, runner, local_status("TERTUNDA"))
    casework.resume(actx, ticket, note="KTP sudah ada")  # this PC, offline for a moment…
    assert push(hub, "admin", case.id, "RESUME")[0]  # …while the other PC resumed it first
    _cycle_until(qtbot, runner, lambda o: o.indicator.failed == 1)
    assert "1 gagal" in page.ui.state_label.text()
    qtbot.waitUntil(lambda: page.failed_model.rowCount() == 1, timeout=10_000)
    row = page.failed_model.row_at(0)
    assert (row.ticket, row.what, row.note) == (ticket, "Lanjutkan", "KTP sudah ada")
    assert row.reason
    assert "(1)" in page.ui.tabs.tabText(page.ui.tabs.indexOf(page.ui.failed_tab))
    # Held again centrally: the person redoes the refused "Lanjutkan" from the list.
    assert push(hub, "admin", case.id, "HOLD", note="Minta KK")[0]
    _cycle_until(qtbot, runner, local_status("TERTUNDA"))
    page.ui.failed_table.selectRow(0)
    assert page.ui.redo_button.isEnabled()
    page.ui.redo_button.click()
    qtbot.waitUntil(lambda: page.failed_model.rowCount() == 0 and ops.idle(), timeout=10_000)
    assert gui_env == []
    assert not SyncFailed.select().where(~SyncFailed.resolved).exists()
    _cycle_until(qtbot, runner, lambda o: o.indicator.pending == 0)
    status = _server(hub, "SELECT status FROM lapor.complaint WHERE id = %s", case.id)
    assert status == [("DITERIMA",)]
    notes = _server(
        hub,
        "SELECT note FROM lapor.case_action WHERE complaint_id = %s AND action = 'RESUME' "
        "AND accepted ORDER BY seq",
        case.id,
    )
    assert notes[-1] == ("KTP sudah ada",)
    runner.stop()


def test_new_disposition_is_announced_on_the_opd_pc(hub: Any, office_pc: Any, qtbot: Any) -> None:
    opd = _joined(office_pc, "opd_a")
    desk = _joined(office_pc, "desk")
    ticket = _intake(desk.use(), nik="1401021203883000")
    desk.sync()
    admin = _joined(office_pc, "admin")
    actx = admin.use()
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    casework.dispose(actx, ticket, opd="DINKES")
    admin.sync()
    octx = opd.use()
    runner = _runner(qtbot, octx)
    got: list[list[str]] = []
    runner.arrived.connect(got.append)
    _cycle_until(qtbot, runner, lambda o: o.arrived)
    assert got == [["1 disposisi baru untuk DINKES"]]
    runner.stop()


def test_sign_in_online_offline_and_a_password_changed_centrally(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    login = _new_login(hub, "desk_pw", "FRONT_DESK", "DISKOMINFOSANDI")
    pc = _joined(office_pc, "desk_pw")
    pc.use()
    ctx = Ctx(data_dir=pc.data_dir)
    assert online.sign_in(ctx, login, PASSWORD).reach == online.Reach.ONLINE
    hub.shared("owner").execute(f"ALTER ROLE \"{login}\" PASSWORD 'Sandi-baru-456'")
    with pytest.raises(PermissionDenied, match="salah"):
        online.sign_in(ctx, login, PASSWORD)  # the server decides while it answers
    assert online.sign_in(ctx, login, "Sandi-baru-456").reach == online.Reach.ONLINE
    # The link is down: the hash cached at the last online sign-in decides.
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", f"host=127.0.0.1 port=1 dbname=x user={login}")
    signed = online.sign_in(ctx, login, "Sandi-baru-456")
    assert signed.reach == online.Reach.OFFLINE and "tidak dapat dihubungi" in signed.note
    with pytest.raises(PermissionDenied):
        online.sign_in(ctx, login, PASSWORD)


def test_disabled_login_stops_syncing_signs_out_and_keeps_its_work(
    hub: Any, office_pc: Any, qtbot: Any, gui_env: list[str]
) -> None:
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.gui.sync_page import SyncPage

    login = _new_login(hub, "desk_off", "FRONT_DESK", "DISKOMINFOSANDI")
    pc = _joined(office_pc, "desk_off")
    ctx = pc.use()
    _intake(ctx, "Belum terkirim", nik="1401021203884000")
    db = central_admin.connect(hub.admin_dsn)
    try:
        central_admin.disable_user(db, login)
    finally:
        db.close()
    runner = _runner(qtbot, ctx)
    window = MainWindow(ctx, pc.store, runner=runner)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_out, timeout=60_000):
        runner.sync_now()
    assert not runner.enabled and not runner.timer.isActive()
    assert not runner.sync_now()  # stopped at once
    assert any("dinonaktifkan" in t and "tetap tersimpan" in t for _k, t in gui_env)
    assert "dinonaktifkan" in window.sync_label.text()
    assert engine.status().pending == 3  # the work stays on the PC
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        online.sign_in(Ctx(data_dir=pc.data_dir), login, PASSWORD)
    # The Sinkronisasi page lists it per person (the system admin's "Belum terkirim" tab).
    page = SyncPage(ctx, None)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.unsent_model.rowCount() == 1, timeout=10_000)
    unsent = page.unsent_model.row_at(0)
    assert (unsent.username, unsent.actions, unsent.cases) == (login, 1, 1)
    runner.stop()


def test_old_client_says_update_and_keeps_working_offline(
    hub: Any, office_pc: Any, qtbot: Any
) -> None:
    pc = _joined(office_pc, "desk")
    ctx = pc.use()
    _intake(ctx, "Klien lama", nik="1401021203885000")
    runner = _runner(qtbot, ctx)
    owner = hub.shared("owner")
    (was,) = owner.execute("SELECT min_client_version FROM lapor.sync_meta").fetchone()
    owner.execute("UPDATE lapor.sync_meta SET min_client_version = '99.0'")
    try:
        outcome = _cycle(qtbot, runner)
    finally:
        owner.execute("UPDATE lapor.sync_meta SET min_client_version = %s", (was,))
    assert outcome.indicator.phase == Phase.TOO_OLD
    assert "Perbarui aplikasi" in outcome.indicator.text()
    assert "Perbarui aplikasi" in outcome.indicator.message
    assert outcome.indicator.pending == 3 and runner.enabled
    _intake(ctx, "Tetap bekerja", nik="1401021203885001")  # offline work goes on
    assert _cycle(qtbot, runner).indicator.phase == Phase.IDLE
    assert engine.status().pending == 0
    runner.stop()


def test_a_cycle_running_elsewhere_on_this_pc_is_waited_out_not_an_error(
    hub: Any, office_pc: Any, qtbot: Any
) -> None:
    from lapor_desktop.sync import lock

    pc = _joined(office_pc, "desk")
    ctx = pc.use()
    _intake(ctx, "Saat CLI sinkron", nik="1401021203885010")
    runner = _runner(qtbot, ctx)
    with lock.held(pc.data_dir):  # as the CLI's `sync` (another process) holds it
        outcome = _cycle(qtbot, runner)
    assert outcome.indicator.phase == Phase.IDLE
    assert "Sinkronisasi lain sedang berjalan di komputer ini" in outcome.indicator.message
    assert outcome.indicator.pending == 3 and runner.enabled
    assert _cycle(qtbot, runner).indicator.phase == Phase.IDLE  # free again: it goes
    assert engine.status().pending == 0
    runner.stop()


def test_a_new_pc_joins_from_the_wizard_and_a_stopped_first_pull_resumes(
    hub: Any, qtbot: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psycopg.conninfo import conninfo_to_dict

    from lapor_desktop.gui import first_run
    from lapor_desktop.services import users

    monkeypatch.delenv("LAPOR_CENTRAL_DSN", raising=False)
    login = _new_login(hub, "desk_new", "FRONT_DESK", "DISKOMINFOSANDI")
    stops: list[str] = []
    original = first_run._JoinRelay.__call__

    def stop_once_before_apply(relay: Any, text: str) -> None:
        if text.startswith("Menerima") and not stops:  # the person presses Batal here
            stops.append(text)
            relay.cancelled = True
        original(relay, text)

    monkeypatch.setattr(first_run._JoinRelay, "__call__", stop_once_before_apply)
    data_dir = tmp_path / "new-pc"
    dlg = first_run.FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    ui = dlg.ui
    ui.join_radio.setChecked(True)
    assert ui.join_box.isVisible() and not ui.username_edit.isVisible()
    params = {k: str(v) for k, v in conninfo_to_dict(hub.admin_dsn).items()}
    ui.join_host_edit.setText(params.get("host", "127.0.0.1"))
    ui.join_port_spin.setValue(int(params.get("port", "5432")))
    ui.join_dbname_edit.setText(hub.dbname)
    ui.join_sslmode_combo.setCurrentText("prefer")
    ui.join_user_edit.setText(login)
    ui.join_password_edit.setText(PASSWORD)
    dlg.create_button.click()
    qtbot.waitUntil(lambda: ops.idle() and ui.join_box.isEnabled(), timeout=60_000)
    assert stops and "dihentikan" in ui.general_error.text()
    assert dlg.create_button.text() == "Lanjutkan" and storage.database_exists(data_dir)
    dlg.create_button.click()  # resumes from where the first pull stopped
    qtbot.waitUntil(lambda: ui.pages.currentWidget() is ui.done_page, timeout=60_000)
    made = first_run.FirstRunResult(dlg.result_store, dlg.joined_as)  # type: ignore[arg-type]
    assert made.admin == login and "Masuk sebagai" in ui.done_label.text()
    for _ in range(60):  # on a busy shared server the person's row may come a cycle later
        if User.select().where(User.username == login).exists():
            break
        engine.sync(Ctx(data_dir=data_dir), lambda u: PASSWORD)
        online.cache_password(login, PASSWORD)
        time.sleep(0.5)
    session = users.sign_in(Ctx(data_dir=data_dir), login, PASSWORD)
    assert session.role.value == "FRONT_DESK"
    made.store.close()

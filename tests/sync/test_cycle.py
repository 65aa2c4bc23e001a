"""join and one sync cycle against a real central PostgreSQL (SYNC.md "A sync cycle")."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop import credentials
from lapor_desktop.db.models import CaseAction, Complaint, Office, SyncFailed, SyncState, User
from lapor_desktop.services import casework, intake, reporters, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.sync import engine, settings
from lapor_desktop.sync.link import SyncError
from tests.central.conftest import PASSWORD

pytestmark = pytest.mark.postgres

NIK = "1401021203880002"


def _intake(ctx: Ctx, title: str = "Jembatan retak", nik: str = NIK) -> str:
    new = reporters.ReporterInput(nik=nik, name="Budi Santoso", phone="0812 1111 2222")
    exists = reporters.find_by_nik(ctx, nik) if hasattr(reporters, "find_by_nik") else None
    data = intake.ComplaintInput(
        reporter_nik=nik, title=title, body="Jembatan desa retak.", channel="walk-in",
        klasifikasi="pengaduan",
    )  # fmt: skip
    return intake.take_in(ctx, None if exists else new, data).ticket


def _server(hub: Any, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(hub.shared("owner").execute(sql, params).fetchall())


def test_join_builds_the_local_database_from_the_server(hub: Any, office_pc: Any) -> None:
    pc = office_pc("desk")
    ctx = pc.use()  # signs in offline with the same password (local argon2 hash)
    assert ctx.session is not None and ctx.session.role.value == "FRONT_DESK"
    server_offices = {(str(i), c) for i, c in _server(hub, "SELECT id, code FROM lapor.office")}
    assert {(str(o.id), o.code) for o in Office.select()} == server_offices
    me = User.get(User.username == pc.login)
    assert str(me.id) == str(_server(hub, "SELECT id FROM lapor.app_user WHERE username = %s",
                                     pc.login)[0][0])  # fmt: skip
    state = SyncState.get_by_id(1)
    assert (state.audience, state.login, state.checkpoint > 0) == ("regency", pc.login, True)
    conn = settings.load()
    assert conn is not None and "password" not in conn.params
    assert credentials.get_secret(conn.secret_name()) == PASSWORD
    # Somebody else of the office was listed, but cannot sign in on this PC offline.
    other = User.get(User.username == hub.logins["admin"])
    with pytest.raises(Exception):  # noqa: B017 - the service's refusal, whatever its class
        users.sign_in(Ctx(data_dir=pc.data_dir), other.username, PASSWORD)


def test_front_desk_case_reaches_the_server_once_even_when_replayed(
    hub: Any, office_pc: Any
) -> None:
    pc = office_pc("desk")
    ticket = _intake(pc.use())
    assert engine.status().pending == 3  # reporter, complaint, INTAKE
    first = pc.sync()
    assert first.pushed == 3 and engine.status().pending == 0
    case = Complaint.get(Complaint.ticket == ticket)
    rows = _server(hub, "SELECT status, last_seq FROM lapor.complaint WHERE id = %s", case.id)
    assert rows == [("DITERIMA", 1)]
    # The link died after the central COMMIT, before this PC marked the rows sent: the
    # next cycle pushes them again and the server inserts nothing twice.
    with pc.store.db.atomic("IMMEDIATE"):
        for model in (CaseAction, Complaint):
            model.update(pushed_at=None).execute()
    again = pc.sync()
    assert again.pushed == 0 and engine.status().pending == 0
    count = _server(hub, "SELECT count(*) FROM lapor.case_action WHERE complaint_id = %s", case.id)
    assert count == [(1,)]
    assert again.checkpoint >= first.checkpoint
    third = pc.sync()  # nothing to do: nothing changes
    assert (third.pushed, third.rejected) == (0, 0)
    assert Complaint.get(Complaint.ticket == ticket).status == "DITERIMA"


def test_refused_action_comes_back_to_its_author_with_the_reason(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203880003")
    desk.sync()
    admin = office_pc("admin")
    actx = admin.use()
    case = Complaint.get(Complaint.ticket == ticket)  # the case came with the join
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    # Meanwhile the server archived it (another admin PC); this PC's VERIFY is now stale.
    from tests.central.conftest import push

    assert push(hub, "admin", case.id, "ARCHIVE", note="Laporan ganda")[0]
    summary = admin.sync()
    assert summary.rejected == 1
    mine = CaseAction.get((CaseAction.complaint == case.id) & (CaseAction.action == "VERIFY"))
    assert not mine.accepted and mine.reason
    failed = SyncFailed.get(SyncFailed.entity_id == str(mine.id))
    assert failed.reason == mine.reason
    assert Complaint.get_by_id(case.id).status == "ARSIP"  # the server's status wins
    assert engine.status().failed == 1


def test_old_client_is_refused_and_keeps_its_work(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc = office_pc("desk")
    _intake(pc.use(), nik="1401021203880004")
    owner = hub.shared("owner")
    (was,) = owner.execute("SELECT min_client_version FROM lapor.sync_meta").fetchone()
    owner.execute("UPDATE lapor.sync_meta SET min_client_version = '99.0'")
    try:
        with pytest.raises(SyncError, match="terlalu lama"):
            pc.sync()
    finally:
        owner.execute("UPDATE lapor.sync_meta SET min_client_version = %s", (was,))
    assert engine.status().pending == 3
    # A server upgraded past what this app knows refuses it the same way.
    owner.execute("UPDATE lapor.sync_meta SET schema_version = schema_version + 1")
    try:
        with pytest.raises(SyncError, match="Perbarui aplikasi"):
            pc.sync()
    finally:
        owner.execute("UPDATE lapor.sync_meta SET schema_version = schema_version - 1")
    assert engine.status().pending == 3
    assert pc.sync().pushed == 3


def test_wrong_password_and_disabled_login_say_why(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc = office_pc("desk")
    ctx = pc.use()
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", hub.dsn(pc.login, password="salah-sandi"))
    with pytest.raises(SyncError, match="kata sandi salah"):
        engine.sync(ctx, lambda u: "salah")
    from lapor_desktop.central import admin as central_admin

    login = hub.logins["auditor"]
    db = central_admin.connect(hub.admin_dsn)
    try:
        central_admin.disable_user(db, login)
    finally:
        db.close()
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", hub.dsn(login))
    with pytest.raises(SyncError, match="dinonaktifkan"):
        engine.sync(ctx, lambda u: PASSWORD)

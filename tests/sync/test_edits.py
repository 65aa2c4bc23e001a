"""Header and reporter edits reach the server as version-checked edits (SYNC.md "Data
rules"); a pull never overwrites an unsent local edit; pulled cases get the deadlines
local ones get."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import Complaint, Reporter
from lapor_desktop.services import casework, reporters
from tests.central.conftest import OPD_A
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def test_category_chosen_at_verify_stays_and_reaches_the_opd(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), title="Drainase tersumbat", nik="1401021203880101")
    desk.sync()
    admin = office_pc("admin")
    actx = admin.use()
    casework.verify(actx, ticket, category="INFRASTRUKTUR", klasifikasi="aspirasi")
    casework.dispose(actx, ticket, opd=OPD_A, note="Mohon ditindaklanjuti")
    assert admin.sync().rejected == 0
    admin.sync()  # a pull after the push: the server's copy must now hold the choice
    admin.use()
    case = Complaint.get(Complaint.ticket == ticket)
    assert (case.category_id, case.klasifikasi) == ("INFRASTRUKTUR", "aspirasi")
    assert case.edit_base is None  # sent and acknowledged
    (cat, kl, version) = _server(
        hub, "SELECT category_code, klasifikasi, row_version FROM lapor.complaint "
        "WHERE ticket = %s", ticket,
    )[0]  # fmt: skip
    assert (cat, kl) == ("INFRASTRUKTUR", "aspirasi") and case.server_version == version
    admin_due = (case.due_clock, case.due_date, case.due_soon_from)
    assert case.due_date is not None
    # The front desk's PC pulls the choice too.
    desk.sync()
    desk.use()
    assert Complaint.get(Complaint.ticket == ticket).category_id == "INFRASTRUKTUR"
    # The OPD PC: the category, and the follow-up deadline as the regency computed it.
    opd = office_pc("opd_a")
    opd.use()
    there = Complaint.get(Complaint.ticket == ticket)
    assert there.category_id == "INFRASTRUKTUR"
    assert (there.due_clock, there.due_date, there.due_soon_from) == admin_due


def test_pull_keeps_an_unsent_edit_and_a_reporter_edit_is_pushed(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    dctx = desk.use()
    ticket = _intake(dctx, title="Lampu jalan mati", nik="1401021203880102")
    desk.sync()
    desk.use()
    rep = Reporter.get(Reporter.nik == "1401021203880102")
    reporters.update_contact(dctx, rep.id, base_version=rep.row_version, phone="0811 0000 1111")
    # The server changes something else of the case meanwhile (an action by the admin).
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    admin.sync()
    # The desk pulls before its edit is pushed? No: a cycle pushes first; simulate the
    # pull alone to prove the dirty row is kept.
    from lapor_desktop.sync import engine

    desk.use()
    link = engine.open_link(engine.connection_dsn(lambda _: "")[1])
    try:
        me = link.me()
        engine.pull_and_apply(link, me, desk.use().clock.now(), lambda _: None)
    finally:
        link.close()
    desk.use()
    assert Reporter.get_by_id(rep.id).phone == "0811 0000 1111"
    assert Complaint.get(Complaint.ticket == ticket).status == "TERVERIFIKASI"
    desk.sync()
    (phone,) = _server(hub, "SELECT phone FROM lapor.reporter WHERE id = %s", rep.id)[0]
    assert phone == "0811 0000 1111"
    admin.sync()
    admin.use()
    assert Reporter.get_by_id(rep.id).phone == "0811 0000 1111"


def _two_desks_edit_one_phone(hub: Any, office_pc: Any, nik: str) -> tuple[Any, Any, Any]:
    desk = office_pc("desk")
    dctx = desk.use()
    _intake(dctx, title="Air PDAM keruh", nik=nik)
    desk.sync()
    admin = office_pc("admin")
    actx = admin.use()
    rep = Reporter.get(Reporter.nik == nik)
    # Both offline: the desk changes the phone and the address, the admin the phone.
    reporters.update_contact(actx, rep.id, base_version=rep.row_version, phone="0813 2222 0000")
    desk.use()
    rep_d = Reporter.get_by_id(rep.id)
    reporters.update_contact(
        desk.use(), rep.id, base_version=rep_d.row_version, phone="0812 9999 0000",
        address="Jl. Baru 1",
    )  # fmt: skip
    assert desk.sync().conflicts == 0  # first one in: applied
    assert admin.sync().conflicts >= 1  # second one: a clash, not an overwrite
    return desk, admin, rep.id


def test_a_stale_edit_becomes_a_conflict_a_person_resolves(hub: Any, office_pc: Any) -> None:
    from lapor_desktop.sync import conflicts

    desk, admin, rid = _two_desks_edit_one_phone(hub, office_pc, "1401021203880103")
    (phone,) = _server(hub, "SELECT phone FROM lapor.reporter WHERE id = %s", rid)[0]
    assert phone == "0812 9999 0000"  # the admin's stale edit did not overwrite it
    actx = admin.use()
    assert Reporter.get_by_id(rid).phone == "0812 9999 0000"  # the server's, shown here
    (c,) = conflicts.list_conflicts(actx)
    assert (c.entity, c.entity_id, c.label) == ("reporter", str(rid), "Budi Santoso")
    by_name = {f.name: (f.mine, f.theirs) for f in c.fields}
    # Only what this PC changed and the server has otherwise: the desk's new address is
    # not a clash (the admin never touched it).
    assert by_name == {"phone": ("0813 2222 0000", "0812 9999 0000")}
    res = conflicts.resolve(actx, c.id, "merge", {"phone": "mine"})
    assert res.to_push == ["phone"]
    assert conflicts.list_conflicts(actx) == []
    r = Reporter.get_by_id(rid)
    assert (r.phone, r.address) == ("0813 2222 0000", "Jl. Baru 1")
    assert admin.sync().conflicts == 0
    (phone, address) = _server(hub, "SELECT phone, address FROM lapor.reporter WHERE id = %s", rid)[
        0
    ]
    assert (phone, address) == ("0813 2222 0000", "Jl. Baru 1")
    desk.sync()
    desk.use()
    assert Reporter.get_by_id(rid).phone == "0813 2222 0000"
    # A pull of the same conflict row again leaves it resolved.
    admin.sync()
    admin.use()
    assert conflicts.list_conflicts(admin.use()) == []


def test_resolving_with_the_servers_version_sends_nothing(hub: Any, office_pc: Any) -> None:
    from lapor_desktop.services.errors import ValidationError
    from lapor_desktop.sync import conflicts

    _desk, admin, rid = _two_desks_edit_one_phone(hub, office_pc, "1401021203880104")
    actx = admin.use()
    (c,) = conflicts.list_conflicts(actx)
    with pytest.raises(ValidationError):
        conflicts.resolve(actx, c.id, "merge", {"nik": "mine"})
    assert conflicts.resolve(actx, c.id, "theirs").to_push == []
    with pytest.raises(ValidationError):
        conflicts.resolve(actx, c.id, "mine")  # already resolved
    assert Reporter.get_by_id(rid).edit_base is None
    admin.sync()
    (phone,) = _server(hub, "SELECT phone FROM lapor.reporter WHERE id = %s", rid)[0]
    assert phone == "0812 9999 0000"


def test_conflicts_and_resolve_from_the_command_line(
    hub: Any, office_pc: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from tests.central.conftest import PASSWORD
    from tests.sync.test_cli import run

    _desk, admin, rid = _two_desks_edit_one_phone(hub, office_pc, "1401021203880105")
    admin.close()
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    who = ("--user", admin.login)
    rc, out, err = run(capsys, admin.data_dir, "sync", "conflicts", *who, "--json")
    assert rc == 0, err
    (c,) = json.loads(out)
    assert [f["name"] for f in c["fields"]] == ["phone"]
    assert set(c) == {"id", "entity", "entity_id", "label", "reason", "at", "fields"}
    assert set(c["fields"][0]) == {"name", "label", "mine", "theirs"}
    rc, out, err = run(capsys, admin.data_dir, "sync", "conflicts", *who)
    assert rc == 0 and "0813 2222 0000" in out and "0812 9999 0000" in out
    rc, out, err = run(capsys, admin.data_dir, "sync", "resolve", c["id"], *who, "--merge",
                       "phone=sideways")  # fmt: skip
    assert rc == 1 and "mine" in err and "Traceback" not in err
    rc, out, err = run(capsys, admin.data_dir, "sync", "resolve", c["id"], *who, "--mine")
    assert rc == 0, err
    rc, out, err = run(capsys, admin.data_dir, "sync", *who, "--json")
    assert rc == 0, err
    rc, out, err = run(capsys, admin.data_dir, "sync", "conflicts", *who, "--json")
    assert json.loads(out) == []
    sql = "SELECT phone, address FROM lapor.reporter WHERE id = %s"
    (phone, address) = _server(hub, sql, rid)[0]
    assert (phone, address) == ("0813 2222 0000", "Jl. Baru 1")  # only the phone was sent


def test_a_field_changed_and_changed_back_sends_nothing(hub: Any, office_pc: Any) -> None:
    from lapor_desktop.sync import engine

    desk = office_pc("desk")
    dctx = desk.use()
    _intake(dctx, title="Pasar becek", nik="1401021203880106")
    desk.sync()
    dctx = desk.use()
    rep = Reporter.get(Reporter.nik == "1401021203880106")
    old = rep.phone
    reporters.update_contact(dctx, rep.id, base_version=rep.row_version, phone="0811 1")
    assert engine.status().pending == 1
    rep = Reporter.get_by_id(rep.id)
    reporters.update_contact(dctx, rep.id, base_version=rep.row_version, phone=old)
    assert engine.status().pending == 0  # nothing differs from the server any more
    desk.sync()
    desk.use()
    assert Reporter.get_by_id(rep.id).edit_base is None
    (version,) = _server(hub, "SELECT row_version FROM lapor.reporter WHERE id = %s", rep.id)[0]
    assert version == 1


def test_edit_cut_after_commit_is_acknowledged_by_the_replay_not_a_conflict(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop.sync import engine, link
    from lapor_desktop.sync.link import SyncError
    from tests.sync.conftest import no_prompt
    from tests.sync.test_faults import _kill

    class CutAfterEdits(link.DirectLink):
        def push_edits(self, rows: Any) -> dict[str, Any]:
            out = super().push_edits(rows)
            _kill(hub, self.db)
            self.db.execute_sql("SELECT 1")  # the dead link: OperationalError
            return out

    desk = office_pc("desk")
    dctx = desk.use()
    _intake(dctx, title="Sampah menumpuk", nik="1401021203880107")
    desk.sync()
    dctx = desk.use()
    rep = Reporter.get(Reporter.nik == "1401021203880107")
    reporters.update_contact(dctx, rep.id, base_version=rep.row_version, phone="0811 7777")
    real = link.open_link
    monkeypatch.setattr(engine, "open_link", lambda dsn: CutAfterEdits(real(dsn).db))
    with pytest.raises(SyncError, match="terputus"):
        engine.sync(desk.use(), no_prompt)
    assert engine.status().pending == 1  # not acknowledged: still waiting
    monkeypatch.undo()
    assert desk.sync().conflicts == 0  # the replay finds its own applied edit
    desk.use()
    assert engine.status().pending == 0 and engine.status().conflicts == 0
    sql = "SELECT phone, row_version FROM lapor.reporter WHERE id = %s"
    assert _server(hub, sql, rep.id) == [("0811 7777", 2)]  # applied once
    assert Reporter.get_by_id(rep.id).server_version == 2

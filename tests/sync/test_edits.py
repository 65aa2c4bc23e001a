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

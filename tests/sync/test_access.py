"""Access as data on an OPD PC: A→B→A within one offline window, and the anonim flag
switched on after the reporter's contacts reached the OPD PC."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, Reporter
from lapor_desktop.services import casework
from tests.central.conftest import OPD_A, OPD_B
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _disposed_to_a(office_pc: Any, nik: str) -> tuple[Any, Any, str]:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik=nik)
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Untuk Dinkes")
    admin.sync()
    opd = office_pc("opd_a")
    opd.use()
    assert Complaint.get(Complaint.ticket == ticket).status == "TERDISPOSISI"
    return admin, opd, ticket


def test_redisposed_a_b_a_in_one_window_stays_with_its_whole_history(
    hub: Any, office_pc: Any
) -> None:
    admin, opd, ticket = _disposed_to_a(office_pc, "1401021203880051")
    casework.redispose(admin.use(), ticket, opd=OPD_B, note="Salah OPD")
    casework.redispose(admin.use(), ticket, opd=OPD_A, note="Ternyata benar Dinkes")
    admin.sync()
    opd.sync()  # one window holds both moves
    case = Complaint.get(Complaint.ticket == ticket)
    assert str(case.opd_id) == str(hub.office_id(OPD_A))
    seqs = [
        (a.seq, a.action)
        for a in CaseAction.select().where(CaseAction.complaint == case.id).order_by(CaseAction.seq)
    ]
    server = _server(
        hub,
        "SELECT seq, action FROM lapor.case_action WHERE complaint_id = %s AND accepted "
        "ORDER BY seq",
        case.id,
    )
    assert seqs == [(int(s), a) for s, a in server]
    assert [a for _, a in seqs][-2:] == ["REDISPOSE", "REDISPOSE"]


def test_anonim_switched_on_after_contacts_synced_erases_them_on_the_opd_pc(
    hub: Any, office_pc: Any
) -> None:
    _, opd, ticket = _disposed_to_a(office_pc, "1401021203880052")
    case = Complaint.get(Complaint.ticket == ticket)
    assert case.reporter.name == "Budi Santoso" and case.reporter.phone
    before = case.reporter_id
    (version,) = _server(hub, "SELECT row_version FROM lapor.complaint WHERE id = %s", case.id)[0]
    edit = uuid.uuid4()
    hub.shared("admin").execute(
        "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
        "VALUES (%s, 'complaint', %s, %s, '{\"anonim\": true}')",
        (edit, case.id, version),
    )
    assert _server(hub, "SELECT outcome FROM lapor.record_edit WHERE id = %s", edit) == [
        ("applied",)
    ]
    opd.sync()
    case = Complaint.get(Complaint.ticket == ticket)
    assert case.anonim
    r = case.reporter
    assert (r.name, r.phone, r.email, r.address, r.nik) == ("(anonim)", "", "", "", None)
    assert Reporter.get_or_none(Reporter.id == before) is None  # the contacts are gone

"""The server's numbers win: a local action holding the number the server gave another
PC's action of the same case moves after it — whether its own verdict is not in this
window yet (another PC's transaction held the window back) or it was not sent yet."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint
from lapor_desktop.services import casework
from lapor_desktop.sync import engine
from lapor_desktop.sync.link import open_link
from tests.central.conftest import OPD_A
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def test_a_local_action_on_the_servers_number_moves_after_it(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203880091")
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Untuk Dinkes")
    admin.sync()
    mine = office_pc("opd_a")
    colleague = office_pc("head_a")
    casework.start(colleague.use(), ticket)  # takes number 4 on the server
    assert colleague.sync().rejected == 0
    ctx = mine.use()
    casework.start(ctx, ticket)  # number 4 on this PC, not sent
    link = open_link(hub.dsn(hub.logins["opd_a"]))
    try:  # a pull without the push before it: the colleague's START arrives as number 4
        engine.pull_and_apply(link, link.me(), ctx.clock.now(), lambda _: None)
    finally:
        link.close()
    case = Complaint.get(Complaint.ticket == ticket)
    local = [
        (a.seq, a.action, a.pushed_at is None)
        for a in CaseAction.select().where(CaseAction.complaint == case.id).order_by(CaseAction.seq)
    ]
    assert local[3:] == [(4, "START", False), (5, "START", True)]
    assert case.status == "DIPROSES"
    assert mine.sync().rejected == 1  # sent now, refused: the case is already DIPROSES
    server = _server(
        hub,
        "SELECT seq, action FROM lapor.case_action WHERE complaint_id = %s AND accepted "
        "ORDER BY seq",
        case.id,
    )
    accepted = CaseAction.select().where((CaseAction.complaint == case.id) & CaseAction.accepted)
    assert sorted((a.seq, a.action) for a in accepted) == [(int(s), a) for s, a in server]

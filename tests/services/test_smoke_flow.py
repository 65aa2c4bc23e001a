"""The whole life of one complaint through the services."""

from __future__ import annotations

from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import cases, casework

from .conftest import World


def test_full_life_of_a_complaint(world: World) -> None:
    t = world.new_case()
    admin, pupr, head = world.as_("admin"), world.as_("pupr"), world.as_("kadis.pupr")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR", note="Mohon ditindaklanjuti")
    casework.start(pupr, t)
    casework.followup_note(pupr, t, note="Tim sudah survei lokasi", for_reporter=True)
    casework.submit_answer(pupr, t, answer="Jalan akan diperbaiki pekan depan.")
    r = casework.approve(head, t)
    assert r.status is Status.DIJAWAB and r.letter_number
    d = cases.get_case(admin, t)
    assert d.status == "DIJAWAB" and d.opd == "PUPR"
    assert [a.action for a in d.actions] == [
        "INTAKE",
        "VERIFY",
        "DISPOSE",
        "START",
        "FOLLOWUP_NOTE",
        "SUBMIT_ANSWER",
        "APPROVE",
    ]
    page = cases.search(admin, "rusak pulau")
    assert [row.ticket for row in page.rows] == [t]

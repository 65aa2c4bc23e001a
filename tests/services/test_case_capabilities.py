"""A case's detail says what the user may do with it besides the workflow's actions: which
documents to offer, whether to attach, whether to offer "show NIK"."""

from __future__ import annotations

from lapor_desktop.services import casework
from lapor_desktop.services.cases import get_case
from tests.services.conftest import World


def test_case_detail_says_what_the_user_may_do(world: World) -> None:
    t = world.new_case()
    desk = get_case(world.as_("loket"), t)
    assert desk.documents == ("receipt",) and desk.may_attach and desk.may_reveal_nik
    assert get_case(world.as_("admin"), t).documents == ("receipt", "history")
    auditor = get_case(world.as_("inspektur"), t)
    assert auditor.documents == ("history",)
    assert not auditor.may_attach and not auditor.may_reveal_nik
    admin = world.as_("admin")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    assert get_case(admin, t).documents == ("receipt", "disposition", "forwarding", "history")
    opd = get_case(world.as_("pupr"), t)
    assert opd.documents == ("history",) and opd.may_attach and not opd.may_reveal_nik
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer="Sudah diperbaiki.")
    casework.approve(world.as_("kadis.pupr"), t)
    assert get_case(world.as_("pupr"), t).documents == ("answer", "history")


def test_an_anonymous_reporter_offers_no_nik(world: World) -> None:
    t = world.new_case(anonim=True)
    other_desk = get_case(world.as_("admin"), t)
    assert other_desk.may_reveal_nik  # the regency admin knows anonymous reporters

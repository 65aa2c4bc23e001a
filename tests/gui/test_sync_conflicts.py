"""The conflicts widget: a clash's differing fields side by side, resolved field by field
("Gabungkan"), with the server's version ("Pakai versi server"), through gui/ops."""

from __future__ import annotations

import json
import uuid

import pytest

from lapor_desktop.db.models import Complaint, SyncConflict
from lapor_desktop.gui.sync_conflicts import SyncConflictsWidget
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def _clash(world: World, ticket: str, mine: dict[str, object], theirs: dict[str, object]) -> str:
    case = Complaint.get(Complaint.ticket == ticket)
    cid = str(uuid.uuid4())
    SyncConflict.create(
        id=cid, entity="complaint", entity_id=str(case.id), other_id=str(uuid.uuid4()),
        reason="Data sudah diubah di tempat lain (versi 2, perubahan ini berdasar versi 1).",
        at=world.clock.now(), mine=json.dumps(mine), theirs=json.dumps(theirs), base_version=2,
    )  # fmt: skip
    return cid


def test_merge_field_by_field_and_take_the_servers_version(qtbot, world: World) -> None:
    first = world.new_case(title="Judul server")
    second = world.new_case(title="Lampu jalan padam")
    same = {"body": "Lubang besar di jalan utama.", "channel": "walk-in"}
    c1 = _clash(
        world, first,
        {**same, "title": "Judul saya", "klasifikasi": "aspirasi", "anonim": False},
        {**same, "title": "Judul server", "klasifikasi": "pengaduan", "anonim": True},
    )  # fmt: skip
    c2 = _clash(world, second, {"title": "Lampu mati"}, {"title": "Lampu jalan padam"})
    admin = world.as_("admin")
    w = SyncConflictsWidget(admin)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    wait_ops(qtbot)
    assert [c.id for c in w.items] == [c1, c2] and w.list.count() == 2
    assert w.list.item(0).text() == f"Laporan {first}"
    # Only the differing fields, mine | theirs, side by side.
    rows = [
        tuple(w.table.item(r, col).text() for col in range(3)) for r in range(w.table.rowCount())
    ]
    assert rows == [
        ("Klasifikasi", "aspirasi", "pengaduan"),
        ("Judul", "Judul saya", "Judul server"),
        ("Anonim", "Tidak", "Ya"),
    ]
    assert w.picks() == {"klasifikasi": "theirs", "title": "theirs", "anonim": "theirs"}
    w.set_pick("title", "mine")
    w.merge_button.click()
    wait_ops(qtbot)
    case = Complaint.get(Complaint.ticket == first)
    assert (case.title, case.klasifikasi) == ("Judul saya", "pengaduan")
    assert case.edit_base == 2 and case.edit_id  # goes to the server at the next sync
    assert SyncConflict.get_by_id(c1).resolution == "merge"
    assert [c.id for c in w.items] == [c2] and w.list.count() == 1
    w.theirs_button.click()
    wait_ops(qtbot)
    assert Complaint.get(Complaint.ticket == second).title == "Lampu jalan padam"
    assert w.items == [] and w.summary_label.text() == "Tidak ada konflik sinkronisasi."
    assert not w.merge_button.isEnabled()


def test_an_opd_user_sees_an_empty_list_without_a_warning(
    qtbot, world: World, recorded_messages
) -> None:
    ticket = world.new_case()
    _clash(world, ticket, {"title": "a"}, {"title": "b"})
    w = SyncConflictsWidget(world.as_("pupr"))
    qtbot.addWidget(w)
    w.show()
    wait_ops(qtbot)
    assert w.items == [] and recorded_messages.shown == []
    assert not w.theirs_button.isEnabled()


def test_use_my_version_takes_every_field_of_mine(qtbot, world: World) -> None:
    ticket = world.new_case(title="Judul server")
    cid = _clash(
        world, ticket, {"title": "Judul saya", "rahasia": True},
        {"title": "Judul server", "rahasia": False},
    )  # fmt: skip
    w = SyncConflictsWidget(world.as_("loket"))
    qtbot.addWidget(w)
    changed: list[bool] = []
    w.changed.connect(lambda: changed.append(True))
    w.show()
    wait_ops(qtbot)
    w.mine_button.click()
    wait_ops(qtbot)
    case = Complaint.get(Complaint.ticket == ticket)
    assert (case.title, case.rahasia, case.edit_base) == ("Judul saya", True, 2)
    assert SyncConflict.get_by_id(cid).resolution == "mine" and changed == [True]

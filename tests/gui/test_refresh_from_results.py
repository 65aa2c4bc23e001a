"""Pages refresh from what an op changed (gui/changes.py), not by probing: an action in the
case view updates the badges and the pages showing cases; the letter register is told when
an approval reserved a number; a page nothing changed for is not reloaded."""

from __future__ import annotations

import pytest

from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.gui.case_view import CaseViewPage
from lapor_desktop.gui.changes import Changed, Kind, Watchers
from lapor_desktop.services import casework
from lapor_desktop.services.casework import ActionResult
from tests.gui.conftest import World, open_main_window, wait_ops

pytestmark = pytest.mark.gui


def perform_in_dialog(qtbot, page: CaseViewPage, action: Action, note: str = "") -> None:
    page.action_buttons[action].click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    dialog.note_edit.setPlainText(note)
    dialog.ok_button.click()
    wait_ops(qtbot)
    assert page.dialog is None


def statuses_listed(page) -> dict[str, str]:
    model = page.model
    return {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}


def test_an_action_updates_badges_and_the_list_it_came_from(qtbot, world: World) -> None:
    t = world.new_case()
    other = world.new_case(title="Lampu jalan mati")
    w, listed = open_main_window(qtbot, world, "admin", "laporan")
    assert w.nav_text("verifikasi") == "Perlu verifikasi (2)"
    assert statuses_listed(listed)[t] == Status.DITERIMA.label
    resets: list[int] = []
    listed.model.modelReset.connect(lambda: resets.append(1))

    page = w.open_case(t)
    wait_ops(qtbot)
    perform_in_dialog(qtbot, page, Action.HOLD, "Mohon lengkapi lokasi.")
    assert page.detail is not None and page.detail.status == "TERTUNDA"
    assert w.nav_text("verifikasi") == "Perlu verifikasi (1)"  # no manual refresh
    assert w.watchers.of(listed).stale  # reloaded when the person goes back

    page.back_button.click()
    wait_ops(qtbot)
    assert w.stack.currentWidget() is listed
    assert statuses_listed(listed)[t] == Status.TERTUNDA.label
    assert len(resets) == 1

    # A case only looked at changes nothing: going back does not reload the list.
    w.open_case(other)
    wait_ops(qtbot)
    w.case_page.back_button.click()  # type: ignore[union-attr]
    wait_ops(qtbot)
    assert len(resets) == 1


def test_an_approval_tells_the_letter_register(qtbot, world: World) -> None:
    t = world.new_case()
    admin, pupr = world.as_("admin"), world.as_("pupr")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    casework.start(pupr, t)
    casework.submit_answer(pupr, t, answer="Jalan sudah ditambal.")
    w, register = open_main_window(qtbot, world, "kadis.pupr", "register")
    approvals = w.show_page("persetujuan")
    wait_ops(qtbot)
    page = w.open_case(t)
    wait_ops(qtbot)
    perform_in_dialog(qtbot, page, Action.NOTE, "Dicek dulu.")
    assert w.watchers.of(approvals).stale
    assert not w.watchers.of(register).stale  # a note reserves no letter number
    perform_in_dialog(qtbot, page, Action.APPROVE)
    assert w.watchers.of(register).stale
    w.show_page("register")
    wait_ops(qtbot)
    assert not w.watchers.of(register).stale


def test_changed_of_an_action_and_who_is_told() -> None:
    approved = ActionResult("T-1", Action.APPROVE, Status.MENUNGGU_PERSETUJUAN, Status.DIJAWAB)
    assert Changed.of_action(approved) == Changed(frozenset({Kind.CASES}), frozenset({"T-1"}))
    numbered = ActionResult(
        "T-1", Action.APPROVE, Status.MENUNGGU_PERSETUJUAN, Status.DIJAWAB, "800/1/2026"
    )
    assert Changed.of_action(numbered).kinds == {Kind.CASES, Kind.LETTERS}

    class Page:
        def __init__(self) -> None:
            self.reloads = 0

        def refresh(self) -> None:
            self.reloads += 1

    shown, hidden, letters, form = Page(), Page(), Page(), Page()
    watchers = Watchers()
    watchers.watch(shown, [Kind.CASES])
    watchers.watch(hidden, [Kind.CASES])
    watchers.watch(letters, [Kind.LETTERS])
    watchers.watch(form)
    now = watchers.tell(Changed.case("T-1"), shown)
    assert [e.page for e in now] == [shown]
    assert [e.stale for e in watchers.entries] == [True, True, False, False]
    for e in now:
        e.refresh()
    assert shown.reloads == 1 and not watchers.entries[0].stale
    watchers.forget(hidden)
    assert watchers.of(hidden) is None

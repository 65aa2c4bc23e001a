"""Casework through the case view and its action dialogs, over a real database."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lapor_desktop.domain.workflow import Action
from lapor_desktop.gui.action_dialog import ActionDialog
from lapor_desktop.gui.case_view import CaseViewPage
from lapor_desktop.services import casework
from tests.gui.conftest import World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

Fill = Callable[[ActionDialog], None]


class DialogDriver:
    """Wraps ActionDialog.open: fills the real dialog's widgets, presses its OK button;
    `press` clicks an action button and waits until the action and the reload are done."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
        self.fills: list[Fill] = []
        self.seen: list[ActionDialog] = []
        self.qtbot = qtbot
        driver = self
        real_open = ActionDialog.open

        def open_(dlg: ActionDialog) -> None:
            real_open(dlg)
            driver.seen.append(dlg)
            driver.fills.pop(0)(dlg)
            dlg.ok_button.click()

        monkeypatch.setattr(ActionDialog, "open", open_)

    def then(self, fill: Fill) -> DialogDriver:
        self.fills.append(fill)
        return self

    def press(self, page: CaseViewPage, action: Action) -> None:
        page.action_buttons[action].click()
        wait_ops(self.qtbot)
        assert page.dialog is None  # performed and closed


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, qtbot) -> DialogDriver:
    return DialogDriver(monkeypatch, qtbot)


def view(qtbot, world: World, user: str, ticket: str) -> CaseViewPage:
    page = CaseViewPage(world.as_(user), ticket)
    qtbot.addWidget(page)
    wait_ops(qtbot)  # the case is read off the UI thread
    return page


def reload(qtbot, page: CaseViewPage) -> None:
    page.reload()
    wait_ops(qtbot)


def note(text: str) -> Fill:
    return lambda d: d.note_edit.setPlainText(text)


def test_verify_and_dispose_with_searchable_opd_picker(
    qtbot, world: World, dialogs: DialogDriver
) -> None:
    t = world.new_case()
    page = view(qtbot, world, "admin", t)
    assert page.allowed() == [
        Action.VERIFY,
        Action.HOLD,
        Action.ARCHIVE,
        Action.ESCALATE,
        Action.NOTE,
    ]

    def no_category_then_pick(d: ActionDialog) -> None:
        d.ok_button.click()  # refused in the dialog: category required; dialog stays
        assert d.errors.labels["category"].text() == "Kategori wajib dipilih."
        assert d.category_combo is not None
        d.category_combo.setCurrentIndex(d.category_combo.findData("INFRASTRUKTUR"))

    dialogs.then(no_category_then_pick)
    dialogs.press(page, Action.VERIFY)
    assert page.detail is not None and page.detail.status == "TERVERIFIKASI"
    assert page.detail.category == "INFRASTRUKTUR"

    def pick_opd(d: ActionDialog) -> None:
        assert d.opd_picker is not None
        completer = d.opd_picker.completer()
        completer.setCompletionPrefix("pekerjaan umum")
        assert completer.completionCount() >= 1
        d.opd_picker.setText(completer.currentCompletion())

    dialogs.then(pick_opd)
    dialogs.press(page, Action.DISPOSE)
    assert page.detail.status == "TERDISPOSISI" and page.detail.opd == "PUPR"
    assert Action.REDISPOSE in page.allowed()
    labels = [page.timeline.item(r, 1).text() for r in range(page.timeline.rowCount())]
    assert labels == ["Catat laporan", "Verifikasi", "Disposisi ke OPD"]

    dialogs.then(lambda d: d.opd_picker.setText("DINKES"))  # type: ignore[union-attr]
    dialogs.press(page, Action.REDISPOSE)
    assert page.detail.opd == "DINKES"


def test_opd_follow_up_answer_approval_and_return(
    qtbot, world: World, dialogs: DialogDriver
) -> None:
    t = world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    opd = view(qtbot, world, "pupr", t)
    assert opd.allowed() == [Action.START, Action.NOT_OURS, Action.NOTE]
    dialogs.then(lambda d: None)
    dialogs.press(opd, Action.START)
    assert opd.detail is not None and opd.detail.status == "DIPROSES"

    def required_note(d: ActionDialog) -> None:
        d.ok_button.click()
        assert d.errors.labels["note"].text() == "Bagian ini wajib diisi."
        d.note_edit.setPlainText("Tim sudah survei lokasi.")
        assert d.for_reporter_check is not None
        d.for_reporter_check.setChecked(True)

    dialogs.then(required_note)
    dialogs.press(opd, Action.FOLLOWUP_NOTE)
    dialogs.then(note("Jalan akan diperbaiki minggu depan."))
    dialogs.press(opd, Action.SUBMIT_ANSWER)
    assert opd.detail.status == "MENUNGGU_PERSETUJUAN"
    assert Action.APPROVE not in opd.allowed()  # the OPD admin cannot approve

    head = view(qtbot, world, "kadis.pupr", t)
    assert head.allowed() == [Action.APPROVE, Action.RETURN_ANSWER, Action.NOTE]
    assert head.answer_edit.toPlainText() == "Jalan akan diperbaiki minggu depan."
    assert head.answer_box.isVisibleTo(head)
    dialogs.then(note("Sebutkan tanggal pasti."))
    dialogs.press(head, Action.RETURN_ANSWER)
    assert head.detail is not None and head.detail.status == "DIPROSES"

    reload(qtbot, opd)

    def revise(d: ActionDialog) -> None:
        assert d.note_edit.toPlainText() == "Jalan akan diperbaiki minggu depan."
        d.note_edit.setPlainText("Jalan diperbaiki tanggal 16 November 2026.")

    dialogs.then(revise)
    dialogs.press(opd, Action.SUBMIT_ANSWER)
    reload(qtbot, head)
    dialogs.then(lambda d: None)
    dialogs.press(head, Action.APPROVE)
    assert head.detail.status == "DIJAWAB"


def test_reporter_response_reopens_and_acceptance_closes(
    qtbot, world: World, dialogs: DialogDriver
) -> None:
    t = world.new_case()
    admin, pupr = world.as_("admin"), world.as_("pupr")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    casework.start(pupr, t)
    casework.submit_answer(pupr, t, answer="Sudah.")
    casework.approve(world.as_("kadis.pupr"), t)
    desk = view(qtbot, world, "loket", t)
    assert desk.allowed() == [Action.REPORTER_RESPONSE, Action.ACCEPT, Action.NOTE]
    dialogs.then(note("Pelapor: jalan belum diperbaiki."))
    dialogs.press(desk, Action.REPORTER_RESPONSE)
    assert desk.detail is not None and desk.detail.status == "DIPROSES"
    assert desk.detail.reopened == 1
    casework.submit_answer(pupr, t, answer="Sekarang sudah.")
    casework.approve(world.as_("kadis.pupr"), t)
    reload(qtbot, desk)
    dialogs.then(lambda d: None)
    dialogs.press(desk, Action.ACCEPT)
    assert desk.detail.status == "SELESAI"


def test_hold_and_resume(qtbot, world: World, dialogs: DialogDriver) -> None:
    t = world.new_case()
    page = view(qtbot, world, "admin", t)
    dialogs.then(note("Mohon lengkapi lokasi."))
    dialogs.press(page, Action.HOLD)
    assert page.detail is not None and page.detail.status == "TERTUNDA"
    assert page.allowed() == [Action.RESUME, Action.ARCHIVE, Action.ESCALATE, Action.NOTE]
    dialogs.then(lambda d: None)
    dialogs.press(page, Action.RESUME)
    assert page.detail.status == "DITERIMA"


def test_cancelled_dialog_changes_nothing(qtbot, world: World, monkeypatch) -> None:
    t = world.new_case()
    page = view(qtbot, world, "admin", t)
    monkeypatch.setattr(ActionDialog, "open", lambda d: d.reject())
    page.action_buttons[Action.HOLD].click()
    wait_ops(qtbot)
    assert page.dialog is None
    assert page.detail is not None and page.detail.status == "DITERIMA"
    reload(qtbot, page)
    assert page.detail.status == "DITERIMA"


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("loket", [Action.NOTE]),
        ("admin", [Action.VERIFY, Action.HOLD, Action.ARCHIVE, Action.ESCALATE, Action.NOTE]),
        ("inspektur", []),
    ],
)
def test_each_role_sees_only_its_actions(qtbot, world: World, user: str, expected) -> None:
    t = world.new_case()
    page = view(qtbot, world, user, t)
    assert page.allowed() == expected


def test_opd_user_never_sees_anonymous_reporter(qtbot, world: World) -> None:
    t = world.new_case(anonim=True)
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    for user in ("pupr", "kadis.pupr"):
        page = view(qtbot, world, user, t)
        assert page.reporter_name_label.text() == "Pelapor Anonim"
        assert page.reveal_button is None
        texts = [w.text() for w in page.findChildren(type(page.reporter_name_label)) if w.text()]
        assert not any("Siti" in x or "1401" in x for x in texts)
    assert view(qtbot, world, "pupr", t).allowed() == [Action.START, Action.NOT_OURS, Action.NOTE]


def test_show_nik_is_audited(qtbot, world: World) -> None:
    t = world.new_case()
    page = view(qtbot, world, "admin", t)
    assert page.nik_label.text() == "1401********0001"
    assert page.reveal_button is not None
    page.reveal_button.click()
    wait_ops(qtbot)
    assert page.nik_label.text() == "1401154107950001"
    assert not page.reveal_button.isEnabled()
    auditor = view(qtbot, world, "inspektur", t)
    assert auditor.reveal_button is None


def test_open_case_from_list_with_enter(qtbot, world: World) -> None:
    from PySide6.QtCore import Qt

    t = world.new_case()
    w, page = open_main_window(qtbot, world, "admin", "laporan")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(w.case_page, CaseViewPage) and w.case_page.ticket == t
    assert w.stack.currentWidget() is w.case_page
    w.case_page.back_button.click()
    assert w.stack.currentWidget() is page
    wait_ops(qtbot)


def test_not_ours_returns_case_for_redisposition(
    qtbot, world: World, dialogs: DialogDriver
) -> None:
    t = world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    opd = view(qtbot, world, "pupr", t)

    def reason_and_suggestion(d: ActionDialog) -> None:
        assert d.opd_picker is not None
        d.opd_picker.setText("DINKES")
        d.note_edit.setPlainText("Urusan kesehatan, bukan pekerjaan umum.")

    dialogs.then(reason_and_suggestion)
    dialogs.press(opd, Action.NOT_OURS)
    admin = view(qtbot, world, "admin", t)
    assert admin.detail is not None and admin.detail.status == "TERVERIFIKASI"
    assert Action.DISPOSE in admin.allowed()
    last = admin.detail.actions[-1]
    assert last.action == "NOT_OURS" and last.opd == "DINKES"


def test_service_refusal_keeps_dialog_open_with_text(
    qtbot, world: World, dialogs: DialogDriver
) -> None:
    t = world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    page = view(qtbot, world, "admin", t)

    def unknown_opd(d: ActionDialog) -> None:
        assert d.opd_picker is not None
        d.opd_picker.setText("TIDAKADA")
        d.note_edit.setPlainText("Catatan yang tidak boleh hilang.")
        d.ok_button.click()
        qtbot.waitUntil(lambda: not d.busy)  # the service refused it
        assert d.isVisible()
        assert "tidak ditemukan" in d.errors.labels["opd"].text()
        assert d.note_edit.toPlainText() == "Catatan yang tidak boleh hilang."
        d.opd_picker.setText("PUPR")

    dialogs.then(unknown_opd)
    dialogs.press(page, Action.DISPOSE)
    assert page.detail is not None and page.detail.opd == "PUPR"

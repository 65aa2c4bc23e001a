"""One dialog per case action (form: ui/action_dialog.ui), showing only the fields that
action needs. The dialog performs the action itself, off the UI thread (gui/ops.py): a
refused one keeps the dialog open with what was typed and the reason beside the field.

Keyboard: Tab goes field → … → note → OK → Batal; Enter is OK from any single-line field
or list; in the multi-line note Enter is a new line, Ctrl+Enter is OK and Tab leaves the
note; Esc is Batal. Error texts take space reserved beside each field, so the dialog never
changes size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QWidget

from lapor_desktop.domain.channels import KLASIFIKASI_LABELS
from lapor_desktop.domain.workflow import Action, transition_for
from lapor_desktop.gui.focus_ring import FocusRing
from lapor_desktop.gui.forms.ui_action_dialog import Ui_ActionDialog
from lapor_desktop.gui.office_picker import OfficePicker as OfficePicker
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.widgets import FieldErrors
from lapor_desktop.services import casework, reference
from lapor_desktop.services.cases import CaseDetail
from lapor_desktop.services.casework import ActionResult
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError, ValidationError
from lapor_desktop.services.reference import CategoryRow, OfficeRow

_OPD_ACTIONS = (Action.DISPOSE, Action.REDISPOSE, Action.NOT_OURS)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class ActionChoices:
    """What the dialog offers to pick from (read off the UI thread by `load_choices`)."""

    categories: list[CategoryRow] = field(default_factory=list)
    offices: list[OfficeRow] = field(default_factory=list)


def load_choices(ctx: Ctx, detail: CaseDetail, action: Action) -> ActionChoices:
    """Worker thread: the categories (verification) or the other OPDs (disposition)."""
    categories = reference.list_categories(ctx) if action is Action.VERIFY else []
    offices: list[OfficeRow] = []
    if action in _OPD_ACTIONS:
        offices = [
            o for o in reference.list_offices(ctx) if o.kind == "opd" and o.code != detail.opd
        ]
    return ActionChoices(categories, offices)


class ActionDialog(QDialog):
    performed = Signal(object)  # ActionResult, before the dialog closes

    def __init__(
        self,
        ctx: Ctx,
        detail: CaseDetail,
        action: Action,
        choices: ActionChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.detail = detail
        self.action = action
        self.result_value: ActionResult | None = None
        self.busy = False
        self.needs_note = transition_for(action).needs_note
        ui = self.ui
        self.setWindowTitle(f"{action.label} — {detail.ticket}")
        ui.head_label.setText(f"{detail.ticket}: {detail.title}")
        self.note_edit = ui.note_edit
        self.ok_button = ui.ok_button
        self.cancel_button = ui.cancel_button
        self.general_error = ui.general_error
        self.ok_button.setText(action.label)
        self.ok_button.setAccessibleName(action.label)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        self.errors = FieldErrors(ui.general_error)
        self.errors.labels.update(
            category=ui.category_error,
            klasifikasi=ui.klasifikasi_error,
            opd=ui.opd_error,
            note=ui.note_error,
        )
        for label in self.errors.labels.values():
            self._reserve(label, lines=1)
        self._reserve(ui.general_error, lines=2)
        self.errors.clear()

        self.category_combo = ui.category_combo if action is Action.VERIFY else None
        self.klasifikasi_combo = ui.klasifikasi_combo if action is Action.VERIFY else None
        self.opd_picker: OfficePicker | None = ui.opd_picker if action in _OPD_ACTIONS else None
        self.for_reporter_check = ui.for_reporter_check if action is Action.FOLLOWUP_NOTE else None
        form = ui.form_layout
        rows: tuple[tuple[QWidget, QLayout | QWidget, QWidget | None], ...] = (
            (ui.category_combo, ui.category_box, self.category_combo),
            (ui.klasifikasi_combo, ui.klasifikasi_box, self.klasifikasi_combo),
            (ui.opd_picker, ui.opd_box, self.opd_picker),
            (ui.for_reporter_check, ui.for_reporter_check, self.for_reporter_check),
        )
        for widget, row, wanted in rows:
            if wanted is None:
                form.setRowVisible(row, False)
                widget.setEnabled(False)  # out of the tab chain

        if self.category_combo is not None and self.klasifikasi_combo is not None:
            self.category_combo.addItem(self.tr("— pilih kategori —"), None)
            for c in choices.categories:
                self.category_combo.addItem(c.name, c.code)
            if detail.category:
                self.category_combo.setCurrentIndex(
                    max(0, self.category_combo.findData(detail.category))
                )
            for k, v in KLASIFIKASI_LABELS.items():
                self.klasifikasi_combo.addItem(v, k)
            self.klasifikasi_combo.setCurrentIndex(
                max(0, self.klasifikasi_combo.findData(detail.klasifikasi))
            )
            self.category_combo.currentIndexChanged.connect(lambda _i: self._fixed("category"))
        if self.opd_picker is not None:
            self.opd_picker.set_offices(choices.offices)
            if action is Action.NOT_OURS:
                ui.opd_label.setText(self.tr("OPD yang &disarankan (opsional):"))
            self.opd_picker.textEdited.connect(lambda _t: self._fixed("opd"))

        if action is Action.SUBMIT_ANSWER:
            ui.note_label.setText(self.tr("&Jawaban untuk pelapor:"))
            self.note_edit.setPlainText(detail.answer_text)
            self.note_edit.setMinimumHeight(200)
        else:
            if self.needs_note:
                ui.note_label.setText(self.tr("&Catatan/alasan (wajib):"))
            self.note_edit.setMaximumHeight(120)
        self.note_edit.textChanged.connect(lambda: self._fixed("note"))
        self.note_edit.installEventFilter(self)
        named: tuple[tuple[str, QWidget], ...] = (
            ("category", ui.category_combo),
            ("klasifikasi", ui.klasifikasi_combo),
            ("opd", ui.opd_picker),
            ("note", ui.note_edit),
        )
        for name, widget in named:
            widget.setAccessibleName(self._label_text(name))
        self.focus_ring = FocusRing(self)
        self.adjustSize()  # as tall as the fields need (the errors' space included)
        self.first_field().setFocus()

    # ------------------------------------------------------------ layout helpers

    @staticmethod
    def _reserve(label: QLabel, lines: int) -> None:
        """An error label keeps its place while hidden: showing a message does not move
        the fields or resize the dialog."""
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        label.setSizePolicy(policy)
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines)

    def _label_text(self, name: str) -> str:
        labels = {
            "category": self.ui.category_label,
            "klasifikasi": self.ui.klasifikasi_label,
            "opd": self.ui.opd_label,
            "note": self.ui.note_label,
        }
        return labels[name].text().replace("&", "").rstrip(": *")

    def first_field(self) -> QWidget:
        for widget in (self.category_combo, self.opd_picker):
            if widget is not None:
                return widget
        return self.note_edit

    def _field_widget(self, name: str) -> QWidget | None:
        return {
            "category": self.category_combo,
            "klasifikasi": self.klasifikasi_combo,
            "opd": self.opd_picker,
            "note": self.note_edit,
        }.get(name)

    def _fixed(self, name: str) -> None:
        """The person changed a field: its error goes (the others stay)."""
        label = self.errors.labels[name]
        label.clear()
        label.hide()

    # ------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.note_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        if self.busy:  # the action is being written: it finishes, then the dialog closes
            return
        super().reject()

    # ------------------------------------------------------------ acting

    def _check(self) -> list[tuple[str, str]]:
        """Everything missing, in the order of the fields (all shown at once)."""
        problems: list[tuple[str, str]] = []
        if self.category_combo is not None and not self.category_combo.currentData():
            problems.append(("category", self.tr("Kategori wajib dipilih.")))
        opd = self.opd_picker.code() if self.opd_picker else None
        if self.action in (Action.DISPOSE, Action.REDISPOSE) and not opd:
            problems.append(("opd", self.tr("OPD tujuan wajib dipilih.")))
        if self.needs_note and not self.note_edit.toPlainText().strip():
            problems.append(("note", self.tr("Bagian ini wajib diisi.")))
        return problems

    def _show_problem(self, name: str, text: str) -> None:
        self.errors.set(name, text)
        label = self.errors.labels.get(name, self.general_error)
        label.setToolTip(text)

    def submit(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        problems = self._check()
        if problems:
            for name, text in problems:
                self._show_problem(name, text)
            first = self._field_widget(problems[0][0])
            if first is not None:
                first.setFocus()
            return
        ctx, ticket, action = self.ctx, self.detail.ticket, self.action
        note = self.note_edit.toPlainText()
        opd = self.opd_picker.code() if self.opd_picker else None
        category = self.category_combo.currentData() if self.category_combo else None
        klasifikasi = self.klasifikasi_combo.currentData() if self.klasifikasi_combo else None
        for_reporter = bool(self.for_reporter_check and self.for_reporter_check.isChecked())
        self._set_busy(True)
        run_op(
            self,
            lambda: casework.perform(
                ctx,
                ticket,
                action,
                note=note,
                opd=opd,
                category=category,
                klasifikasi=klasifikasi,
                for_reporter=for_reporter,
            ),
            self._done,
            self._refused,
            lambda: self._set_busy(False),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _done(self, result: ActionResult) -> None:
        self.result_value = result
        self.busy = False
        self.performed.emit(result)
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        """Nothing typed is lost: the reason goes beside its field, the focus to it."""
        name = exc.field if isinstance(exc, ValidationError) else ""
        self._set_busy(False)
        self._show_problem(name if name in self.errors.labels else "", exc.message)
        widget = self._field_widget(name)
        (widget or self.ok_button).setFocus()

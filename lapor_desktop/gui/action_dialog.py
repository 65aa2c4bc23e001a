"""One small dialog per case action: only the fields that action needs. The dialog performs
the action itself, so a refused one keeps the dialog open with what was typed."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.channels import KLASIFIKASI_LABELS
from lapor_desktop.domain.workflow import Action, transition_for
from lapor_desktop.gui.widgets import (
    FieldErrors,
    completer_fits_contents,
    error_label,
    translate_buttons,
)
from lapor_desktop.services import casework, reference
from lapor_desktop.services.cases import CaseDetail
from lapor_desktop.services.casework import ActionResult
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.reference import OfficeRow

_OPD_ACTIONS = (Action.DISPOSE, Action.REDISPOSE, Action.NOT_OURS)


class OfficePicker(QLineEdit):
    """Type a code or any part of a name; the completer lists matching OPDs."""

    def __init__(self, offices: list[OfficeRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offices = offices
        self.setPlaceholderText(self.tr("Ketik kode atau nama OPD…"))
        self._texts = [f"{o.code} — {o.name}" for o in offices]
        completer = QCompleter(QStringListModel(self._texts, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer_fits_contents(completer))

    def code(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None
        head = text.split(" — ", 1)[0].strip().upper()
        for o in self.offices:
            if o.code == head:
                return o.code
        matches = [o for o in self.offices if text.lower() in o.name.lower()]
        return matches[0].code if len(matches) == 1 else head


class ActionDialog(QDialog):
    def __init__(
        self, ctx: Ctx, detail: CaseDetail, action: Action, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.action = action
        self.result_value: ActionResult | None = None
        self.needs_note = transition_for(action).needs_note
        self.setWindowTitle(f"{action.label} — {detail.ticket}")
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        head = QLabel(f"{detail.ticket}: {detail.title}")
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        lay.addLayout(form)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        self.category_combo: QComboBox | None = None
        self.klasifikasi_combo: QComboBox | None = None
        self.opd_picker: OfficePicker | None = None
        self.for_reporter_check: QCheckBox | None = None

        if action is Action.VERIFY:
            self.category_combo = QComboBox()
            self.category_combo.addItem(self.tr("— pilih kategori —"), None)
            for c in reference.list_categories(ctx):
                self.category_combo.addItem(c.name, c.code)
            if detail.category:
                self.category_combo.setCurrentIndex(
                    max(0, self.category_combo.findData(detail.category))
                )
            self.errors.add_row(form, self.tr("Kategori:"), self.category_combo, "category")
            self.klasifikasi_combo = QComboBox()
            for k, v in KLASIFIKASI_LABELS.items():
                self.klasifikasi_combo.addItem(v, k)
            self.klasifikasi_combo.setCurrentIndex(
                max(0, self.klasifikasi_combo.findData(detail.klasifikasi))
            )
            self.errors.add_row(
                form, self.tr("Klasifikasi:"), self.klasifikasi_combo, "klasifikasi"
            )
        if action in _OPD_ACTIONS:
            offices = [
                o for o in reference.list_offices(ctx) if o.kind == "opd" and o.code != detail.opd
            ]
            self.opd_picker = OfficePicker(offices)
            label = (
                self.tr("OPD yang disarankan (opsional):")
                if action is Action.NOT_OURS
                else self.tr("OPD tujuan:")
            )
            self.errors.add_row(form, label, self.opd_picker, "opd")
        if action is Action.SUBMIT_ANSWER:
            note_label = self.tr("Jawaban untuk pelapor:")
        elif self.needs_note:
            note_label = self.tr("Catatan/alasan (wajib):")
        else:
            note_label = self.tr("Catatan (opsional):")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        if action is Action.SUBMIT_ANSWER:
            self.note_edit.setPlainText(detail.answer_text)
            self.note_edit.setMinimumHeight(200)
        else:
            self.note_edit.setMaximumHeight(120)
        self.errors.add_row(form, note_label, self.note_edit, "note")
        if action is Action.FOLLOWUP_NOTE:
            self.for_reporter_check = QCheckBox(self.tr("Dapat disampaikan kepada pelapor"))
            self.for_reporter_check.setAccessibleName(self.tr("Untuk pelapor"))
            form.addRow("", self.for_reporter_check)
        lay.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(buttons)
        self.ok_button = buttons.addButton(action.label, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def submit(self) -> None:
        self.errors.clear()
        note = self.note_edit.toPlainText()
        if self.needs_note and not note.strip():
            self.errors.set("note", self.tr("Bagian ini wajib diisi."))
            return
        category = self.category_combo.currentData() if self.category_combo else None
        if self.category_combo is not None and not category:
            self.errors.set("category", self.tr("Kategori wajib dipilih."))
            return
        opd = self.opd_picker.code() if self.opd_picker else None
        if self.action in (Action.DISPOSE, Action.REDISPOSE) and not opd:
            self.errors.set("opd", self.tr("OPD tujuan wajib dipilih."))
            return
        try:
            self.result_value = casework.perform(
                self.ctx,
                self.detail.ticket,
                self.action,
                note=note,
                opd=opd,
                category=category,
                klasifikasi=self.klasifikasi_combo.currentData()
                if self.klasifikasi_combo
                else None,
                for_reporter=bool(self.for_reporter_check and self.for_reporter_check.isChecked()),
            )
        except ServiceError as exc:
            self.errors.show(exc)
            return
        self.accept()

    @classmethod
    def ask(
        cls, ctx: Ctx, detail: CaseDetail, action: Action, parent: QWidget | None = None
    ) -> ActionResult | None:
        dlg = cls(ctx, detail, action, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.result_value
        return None

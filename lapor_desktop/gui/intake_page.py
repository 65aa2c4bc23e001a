"""Front desk: log a walk-in complaint by keyboard. NIK first (checked as typed); a known
reporter is filled in at once, an unknown one is registered inline; Enter saves; Ctrl+N
starts the next one; a failed save keeps everything typed."""

from __future__ import annotations

import itertools
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS
from lapor_desktop.domain.nik import InvalidNik, parse_nik, warning_message
from lapor_desktop.gui import file_dialogs, fmt
from lapor_desktop.gui.doc_output import DocumentButton
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.widgets import FieldErrors, error_label
from lapor_desktop.services import intake, reference, reporters
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import may_print
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.reporters import ReporterView

NIK_DIGITS = 16
NO_DATE = QDate(2000, 1, 1)


def _receipt(ctx: Ctx, ticket: str) -> bytes:
    from lapor_desktop.services import documents  # on the worker thread: reportlab is big

    return documents.receipt_pdf(ctx, ticket)


def _no_document() -> bytes:
    raise ServiceError("Simpan laporan terlebih dahulu.")


class BodyEdit(QPlainTextEdit):
    """Plain text only; Ctrl+Enter saves (Enter is a new line here)."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit.emit()
            return
        super().keyPressEvent(event)


class IntakePage(QWidget):
    saved = Signal(str)
    open_case = Signal(str)

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reporter: ReporterView | None = None
        self.last_ticket: str | None = None
        self.saving = False  # the save operation is running
        self.attachments: list[Path] = []
        outer = QVBoxLayout(self)
        scroll = self.form_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)

        # -- 1. the reporter (NIK first)
        who = QGroupBox(self.tr("1. Pelapor"))
        form = QFormLayout(who)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 digit NIK dari KTP"))
        self.nik_error = self.errors.add_row(form, self.tr("NIK:"), self.nik_edit, "nik")
        self.nik_status = QLabel()
        self.nik_status.setTextFormat(Qt.TextFormat.PlainText)
        self.nik_status.setWordWrap(True)
        form.addRow("", self.nik_status)
        self.name_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Nama lengkap:"), self.name_edit, "name")
        self.phone_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Telepon:"), self.phone_edit, "phone")
        self.email_edit = QLineEdit()
        self.errors.add_row(form, self.tr("E-mail:"), self.email_edit, "email")
        self.address_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Alamat:"), self.address_edit, "address")
        self.kecamatan_combo = self._kecamatan_combo()
        self.errors.add_row(form, self.tr("Kecamatan:"), self.kecamatan_combo, "kecamatan")
        self.desa_combo = QComboBox()
        self.errors.add_row(form, self.tr("Desa/kelurahan:"), self.desa_combo, "desa")
        self.kecamatan_combo.currentIndexChanged.connect(
            lambda: self._fill_desa(self.kecamatan_combo, self.desa_combo)
        )
        self.ktp_check = QCheckBox(self.tr("KTP asli sudah dilihat petugas"))
        self.ktp_check.setAccessibleName(self.tr("KTP dilihat"))
        form.addRow("", self.ktp_check)
        lay.addWidget(who)

        # -- 2. the complaint
        what = QGroupBox(self.tr("2. Laporan"))
        form2 = QFormLayout(what)
        self.channel_combo = QComboBox()
        for k, v in CHANNEL_LABELS.items():
            self.channel_combo.addItem(v, k)
        self.errors.add_row(form2, self.tr("Saluran:"), self.channel_combo, "channel")
        self.klasifikasi_combo = QComboBox()
        for k, v in KLASIFIKASI_LABELS.items():
            self.klasifikasi_combo.addItem(v, k)
        self.errors.add_row(form2, self.tr("Klasifikasi:"), self.klasifikasi_combo, "klasifikasi")
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(intake.TITLE_MAX)
        self.errors.add_row(form2, self.tr("Judul laporan:"), self.title_edit, "title")
        self.body_edit = BodyEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setPlaceholderText(self.tr("Isi laporan (Ctrl+Enter untuk menyimpan)"))
        self.body_edit.setMinimumHeight(110)
        self.errors.add_row(form2, self.tr("Isi laporan:"), self.body_edit, "body")
        self.loc_kecamatan_combo = self._kecamatan_combo()
        self.errors.add_row(
            form2, self.tr("Lokasi — kecamatan:"), self.loc_kecamatan_combo, "location"
        )
        self.loc_desa_combo = QComboBox()
        self.errors.add_row(form2, self.tr("Lokasi — desa/kelurahan:"), self.loc_desa_combo)
        self.loc_kecamatan_combo.currentIndexChanged.connect(
            lambda: self._fill_desa(self.loc_kecamatan_combo, self.loc_desa_combo)
        )
        self.location_edit = QLineEdit()
        self.errors.add_row(form2, self.tr("Lokasi — keterangan:"), self.location_edit)
        self.incident_edit = QDateEdit()
        self.incident_edit.setDisplayFormat("dd-MM-yyyy")
        self.incident_edit.setCalendarPopup(True)
        self.incident_edit.setMinimumDate(NO_DATE)
        self.incident_edit.setSpecialValueText(self.tr("—"))
        self.incident_edit.setDate(NO_DATE)
        self.errors.add_row(
            form2, self.tr("Tanggal kejadian:"), self.incident_edit, "incident_date"
        )
        self.anonim_check = QCheckBox(self.tr("Anonim (identitas disembunyikan dari OPD)"))
        self.anonim_check.setAccessibleName(self.tr("Anonim"))
        form2.addRow("", self.anonim_check)
        self.rahasia_check = QCheckBox(self.tr("Rahasia (isi tidak dipublikasikan)"))
        self.rahasia_check.setAccessibleName(self.tr("Rahasia"))
        form2.addRow("", self.rahasia_check)
        self.tracking_edit = QLineEdit()
        self.errors.add_row(
            form2, self.tr("Nomor tracking LAPOR!:"), self.tracking_edit, "tracking_id"
        )
        files_row = QHBoxLayout()
        self.files_list = QListWidget()
        self.files_list.setMaximumHeight(70)
        self.files_list.setAccessibleName(self.tr("Lampiran"))
        files_row.addWidget(self.files_list, 1)
        self.add_file_button = QPushButton(self.tr("Tambah lampiran…"))
        self.add_file_button.clicked.connect(self._add_files)
        files_row.addWidget(self.add_file_button)
        form2.addRow(self.tr("Lampiran:"), files_row)
        lay.addWidget(what)

        lay.addWidget(self.general_error)
        self.result_label = QLabel()
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1b5e20;")
        self.result_label.setAccessibleName(self.tr("Nomor tiket"))
        lay.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan (Enter)"))
        self.save_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Laporan baru (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Buka laporan"))
        self.open_button.setEnabled(False)
        buttons.addWidget(self.save_button)
        self.receipt_button: DocumentButton | None = None
        if may_print(ctx.user(), "receipt"):
            # The receipt of the ticket just saved, for the reporter at the counter.
            self.receipt_button = DocumentButton(
                self.tr("Cetak tanda terima"),
                "tanda-terima.pdf",
                _no_document,
                self,
                primary="print",
            )
            self.receipt_button.setEnabled(False)
            self.receipt_button.finished.connect(self._receipt_done)
            buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.receipt_status = QLabel()
        self.receipt_status.setTextFormat(Qt.TextFormat.PlainText)
        self.receipt_status.setWordWrap(True)
        lay.addWidget(self.receipt_status)
        lay.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_complaint)
        self.open_button.clicked.connect(
            lambda: self.last_ticket and self.open_case.emit(self.last_ticket)
        )
        self.nik_edit.textChanged.connect(self.check_nik)
        for edit in (
            self.nik_edit,
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.title_edit,
            self.location_edit,
            self.tracking_edit,
        ):
            edit.returnPressed.connect(self.save)
        self.body_edit.submit.connect(self.save)
        # Tab order follows the paper form, top to bottom.
        order: list[QWidget] = [
            self.nik_edit,
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.kecamatan_combo,
            self.desa_combo,
            self.ktp_check,
            self.channel_combo,
            self.klasifikasi_combo,
            self.title_edit,
            self.body_edit,
            self.loc_kecamatan_combo,
            self.loc_desa_combo,
            self.location_edit,
            self.incident_edit,
            self.anonim_check,
            self.rahasia_check,
            self.tracking_edit,
            self.add_file_button,
            self.save_button,
            *([self.receipt_button] if self.receipt_button else []),
            self.new_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self._set_reporter_editable(True)
        self.nik_edit.setFocus()

    # ------------------------------------------------------------ helpers

    def _kecamatan_combo(self) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("—"), "")
        for r in reference.kampar_kecamatan():
            box.addItem(r.name, r.code)
        return box

    def _fill_desa(self, kec: QComboBox, desa: QComboBox) -> None:
        desa.clear()
        desa.addItem(self.tr("—"), "")
        code = kec.currentData()
        if code:
            for r in reference.kampar_desa(code):
                desa.addItem(r.name, r.code)

    def _reporter_edits(self) -> list[QWidget]:
        return [
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.kecamatan_combo,
            self.desa_combo,
            self.ktp_check,
        ]

    def _set_reporter_editable(self, editable: bool) -> None:
        for w in self._reporter_edits():
            if isinstance(w, QLineEdit):
                w.setReadOnly(not editable)
            else:
                w.setEnabled(editable)

    def _add_files(self) -> None:
        for path in file_dialogs.open_files(self, self.tr("Pilih lampiran")):
            self.attachments.append(path)
            self.files_list.addItem(path.name)

    # ------------------------------------------------------------ NIK as typed

    def check_nik(self) -> None:
        text = self.nik_edit.text()
        digits = text.replace(" ", "")
        self.errors.labels["nik"].hide()
        self.nik_status.clear()
        if self.reporter is not None:
            self.reporter = None
            for e in (self.name_edit, self.phone_edit, self.email_edit, self.address_edit):
                e.clear()
            self._set_reporter_editable(True)
        if not digits:
            return
        if not digits.isdigit():
            self.errors.set("nik", self.tr("NIK hanya berisi angka."))
            return
        if len(digits) < NIK_DIGITS:
            self.nik_status.setText(self.tr("{0} dari 16 digit").format(len(digits)))
            return
        try:
            info = parse_nik(digits, today=self.ctx.clock.now().date())
        except InvalidNik as exc:
            self.errors.set("nik", exc.message)
            return
        notes = [warning_message(w) for w in info.warnings]
        try:
            found = reporters.find_by_nik(self.ctx, digits)
        except ServiceError as exc:
            self.errors.show(exc)
            return
        if found is not None:
            self.reporter = found
            self.name_edit.setText(found.name)
            self.phone_edit.setText(found.phone)
            self.email_edit.setText(found.email)
            self.address_edit.setText(found.address)
            self._set_reporter_editable(False)
            status = self.tr("Pelapor terdaftar: {0} ({1})").format(found.name, found.nik_masked)
        else:
            sex = self.tr("perempuan") if info.sex == "P" else self.tr("laki-laki")
            status = self.tr("NIK belum terdaftar — isi data pelapor. Lahir {0}, {1}.").format(
                fmt.long_date(info.birth_date), sex
            )
        self.nik_status.setText(" ".join([status, *notes]))

    # ------------------------------------------------------------ save

    def _input(self) -> intake.ComplaintInput:
        d = self.incident_edit.date()
        incident = None if d == NO_DATE else date(d.year(), d.month(), d.day())
        return intake.ComplaintInput(
            reporter_nik=self.nik_edit.text(),
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            channel=self.channel_combo.currentData(),
            klasifikasi=self.klasifikasi_combo.currentData(),
            location_kecamatan=self.loc_kecamatan_combo.currentData() or "",
            location_desa=self.loc_desa_combo.currentData() or "",
            location_text=self.location_edit.text(),
            incident_date=incident,
            anonim=self.anonim_check.isChecked(),
            rahasia=self.rahasia_check.isChecked(),
            tracking_id=self.tracking_edit.text(),
            attachments=list(self.attachments),
        )

    def _reporter_input(self, nik: str) -> reporters.ReporterInput:
        return reporters.ReporterInput(
            nik=nik,
            name=self.name_edit.text(),
            address=self.address_edit.text(),
            kecamatan=self.kecamatan_combo.currentData() or "",
            desa=self.desa_combo.currentData() or "",
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            ktp_seen=self.ktp_check.isChecked(),
        )

    def save(self) -> None:
        """One operation off the UI thread: an unknown reporter is registered together
        with the complaint and its attachments, or neither is."""
        if self.saving or (self.last_ticket is not None and not self.save_button.isEnabled()):
            return
        self.errors.clear()
        nik_text = self.nik_edit.text().replace(" ", "")
        if not nik_text:
            self.errors.set("nik", self.tr("NIK wajib diisi."))
            self.nik_edit.setFocus()
            return
        ctx = self.ctx
        reporter = self._reporter_input(nik_text) if self.reporter is None else None
        data = self._input()
        self.saving = True
        self.save_button.setEnabled(False)
        run_op(
            self,
            lambda: intake.take_in(ctx, reporter, data),
            self._saved,
            on_error=self.errors.show,
            on_finished=self._save_finished,
        )

    def _save_finished(self) -> None:
        self.saving = False
        if self.last_ticket is None:  # refused (or failed): the form stays, to correct
            self.save_button.setEnabled(True)

    def _saved(self, result: intake.IntakeResult) -> None:
        if result.registered is not None:
            self.reporter = result.registered
            self._set_reporter_editable(False)
        self.last_ticket = result.ticket
        text = self.tr("Tersimpan. Nomor tiket: {0}").format(result.ticket)
        if result.refused_files:
            text += "\n" + self.tr("Lampiran ditolak: {0}").format(
                ", ".join(f.filename for f in result.refused_files)
            )
        self.result_label.setText(text)
        self.save_button.setEnabled(False)
        self.open_button.setEnabled(True)
        if self.receipt_button is not None:
            self.receipt_button.make = partial(_receipt, self.ctx, result.ticket)
            self.receipt_button.default_name = f"tanda-terima-{result.ticket}.pdf"
            self.receipt_button.setEnabled(True)
        self.new_button.setFocus()
        # The ticket number is what the counter reads out: on screen even when the form is
        # taller than the window (after the label's new text has been laid out).
        QTimer.singleShot(0, lambda: self.form_scroll.ensureWidgetVisible(self.result_label))
        self.saved.emit(result.ticket)

    def _receipt_done(self, text: str) -> None:
        self.receipt_status.setText(text)

    @property
    def first_field(self) -> QWidget:
        """Where typing starts (the main window focuses it when it opens on this page)."""
        return self.nik_edit

    def new_complaint(self) -> None:
        """Ctrl+N: an empty form for the next reporter in the queue."""
        if self.saving:  # the ticket being saved must land on the form it was typed in
            return
        self.reporter = None
        self.last_ticket = None
        for e in (
            self.nik_edit,
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.title_edit,
            self.location_edit,
            self.tracking_edit,
        ):
            e.clear()
        self.body_edit.clear()
        for c in (
            self.kecamatan_combo,
            self.loc_kecamatan_combo,
            self.channel_combo,
            self.klasifikasi_combo,
        ):
            c.setCurrentIndex(0)
        for b in (self.ktp_check, self.anonim_check, self.rahasia_check):
            b.setChecked(False)
        self.incident_edit.setDate(NO_DATE)
        self.attachments.clear()
        self.files_list.clear()
        self.errors.clear()
        self.nik_status.clear()
        self.result_label.clear()
        self.receipt_status.clear()
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(False)
        if self.receipt_button is not None:
            self.receipt_button.make = _no_document
            self.receipt_button.setEnabled(False)
        self._set_reporter_editable(True)
        self.nik_edit.setFocus()

    def refresh(self) -> None:
        """Nothing to reload; keeps what is typed."""

"""Front desk: log a walk-in complaint by keyboard. NIK first (checked as typed); a known
reporter is filled in at once (contacts still editable: a versioned edit saved with the
complaint), an unknown one is registered inline; Enter saves; Ctrl+P prints the receipt;
Ctrl+N starts the next one; a refused save shows every problem beside its field and keeps
everything typed. The layout is ui/intake.ui; this is its behaviour."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS
from lapor_desktop.domain.nik import InvalidNik, parse_nik, warning_message
from lapor_desktop.gui import doc_output, fmt
from lapor_desktop.gui.doc_output import DocumentButton
from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_intake import Ui_IntakeForm
from lapor_desktop.gui.keys import ButtonKeys, focus_ring
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import intake, reference, reporters
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import may_print
from lapor_desktop.services.errors import ServiceError, StaleEdit, ValidationError
from lapor_desktop.services.reporters import ReporterView

NIK_DIGITS = 16
DUPLICATE_CHECK_DELAY_MS = 600  # after typing pauses: likely duplicates (issue 18)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _receipt(ctx: Ctx, ticket: str) -> bytes:
    from lapor_desktop.services import documents  # on the worker thread: reportlab is big

    return documents.receipt_pdf(ctx, ticket)


def _no_document() -> bytes:
    raise ServiceError("Simpan laporan terlebih dahulu.")


class _CtrlEnter(QObject):
    """In the body (where Enter is a new line) Ctrl+Enter saves."""

    def __init__(self, page: IntakePage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.page.save()
            return True
        return super().eventFilter(watched, event)


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
        ui = self.ui = Ui_IntakeForm()
        ui.setupUi(self)
        # The controls by their form names (tests and the main window use them).
        self.form_scroll = ui.form_scroll
        self.nik_edit, self.nik_status = ui.nik_edit, ui.nik_status
        self.name_edit, self.phone_edit = ui.name_edit, ui.phone_edit
        self.email_edit, self.address_edit = ui.email_edit, ui.address_edit
        self.kecamatan_combo, self.desa_combo = ui.kecamatan_combo, ui.desa_combo
        self.ktp_check, self.contact_button = ui.ktp_check, ui.contact_button
        self.channel_combo, self.klasifikasi_combo = ui.channel_combo, ui.klasifikasi_combo
        self.title_edit, self.body_edit = ui.title_edit, ui.body_edit
        self.loc_kecamatan_combo, self.loc_desa_combo = ui.loc_kecamatan_combo, ui.loc_desa_combo
        self.location_edit, self.incident_edit = ui.location_edit, ui.incident_edit
        self.anonim_check, self.rahasia_check = ui.anonim_check, ui.rahasia_check
        self.tracking_edit, self.files_list = ui.tracking_edit, ui.files_list
        self.add_file_button = ui.add_file_button
        # the one-line fields: Enter in any of them saves; a new complaint clears them
        self.line_edits = (
            self.nik_edit,
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.title_edit,
            self.location_edit,
            self.tracking_edit,
        )
        self.save_button, self.new_button, self.open_button = (
            ui.save_button,
            ui.new_button,
            ui.open_button,
        )
        self.result_label, self.receipt_status = ui.result_label, ui.receipt_status
        self.incident_edit.today = lambda: ctx.clock.now().date()
        self.title_edit.setMaxLength(intake.TITLE_MAX)
        self._fill_combos()

        # Messages beside their fields, one line each, reserved.
        self.errors = FieldErrors(ui.general_error)
        self.field_widgets: dict[str, QWidget] = {}
        for name, widget, label in (
            ("nik", self.nik_edit, ui.nik_error),
            ("name", self.name_edit, ui.name_error),
            ("phone", self.phone_edit, ui.phone_error),
            ("email", self.email_edit, ui.email_error),
            ("address", self.address_edit, ui.address_error),
            ("kecamatan", self.kecamatan_combo, ui.kecamatan_error),
            ("desa", self.desa_combo, ui.desa_error),
            ("channel", self.channel_combo, ui.channel_error),
            ("klasifikasi", self.klasifikasi_combo, ui.klasifikasi_error),
            ("title", self.title_edit, ui.title_error),
            ("body", self.body_edit, ui.body_error),
            ("location", self.loc_kecamatan_combo, ui.location_error),
            ("incident_date", self.incident_edit, ui.incident_error),
            ("tracking_id", self.tracking_edit, ui.tracking_error),
        ):
            self.errors.add(widget, label)
            self.field_widgets[name] = widget
        # The location's other parts clear its message too.
        self.loc_desa_combo.currentIndexChanged.connect(
            lambda: self.errors.set(self.loc_kecamatan_combo, "")
        )
        self.location_edit.textEdited.connect(lambda: self.errors.set(self.loc_kecamatan_combo, ""))

        # Likely duplicates of what is being typed (issue 18), below the body, as a hint.
        self.duplicates_label = QLabel()
        self.duplicates_label.setObjectName("duplicates_label")
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setTextFormat(Qt.TextFormat.PlainText)
        ui.body_box.addWidget(self.duplicates_label)
        self._duplicates_seq = 0
        self._duplicates_timer = QTimer(self)
        self._duplicates_timer.setSingleShot(True)
        self._duplicates_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._duplicates_timer.timeout.connect(self.check_duplicates)
        self.title_edit.textEdited.connect(self._duplicates_timer.start)
        self.body_edit.textChanged.connect(self._duplicates_timer.start)

        self.receipt_button: DocumentButton | None = None
        if may_print(ctx.user(), "receipt"):
            # The receipt of the ticket just saved, for the reporter at the counter.
            self.receipt_button = DocumentButton(
                self.tr("Cetak tanda terima (Ctrl+P)"),
                "tanda-terima.pdf",
                _no_document,
                self,
                primary="print",
            )
            self.receipt_button.setObjectName("receipt_button")
            self.receipt_button.setEnabled(False)
            self.receipt_button.finished.connect(self._receipt_done)
            ui.button_row.insertWidget(1, self.receipt_button)
            QWidget.setTabOrder(self.save_button, self.receipt_button)
            QWidget.setTabOrder(self.receipt_button, self.new_button)
        self.keys = ButtonKeys(self)
        self.keys.watch(
            self.contact_button,
            self.add_file_button,
            self.save_button,
            self.new_button,
            self.open_button,
            *([self.receipt_button] if self.receipt_button else []),
        )
        focus_ring(self)
        # A read-only field (a registered reporter's name) must not look like one to type in.
        self.setStyleSheet(
            self.styleSheet() + 'QLineEdit[readOnly="true"] { background: palette(window); }'
        )
        print_key = QShortcut(QKeySequence("Ctrl+P"), self)
        print_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_key.activated.connect(self.print_receipt)

        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_complaint)
        self.contact_button.clicked.connect(self.save_contact)
        self.add_file_button.clicked.connect(self._add_files)
        self.open_button.clicked.connect(
            lambda: self.last_ticket and self.open_case.emit(self.last_ticket)
        )
        self.nik_edit.textChanged.connect(self.check_nik)
        for edit in self.line_edits:
            edit.returnPressed.connect(self.save)
        self.incident_edit.line.returnPressed.connect(self.save)
        self.body_edit.installEventFilter(_CtrlEnter(self))
        for box in (
            self.kecamatan_combo,
            self.desa_combo,
            self.channel_combo,
            self.klasifikasi_combo,
            self.loc_kecamatan_combo,
            self.loc_desa_combo,
        ):
            box.installEventFilter(self)  # Enter on a closed combo saves, like on a line
        self._set_reporter_editable(True)
        self.nik_edit.setFocus()

    # ------------------------------------------------------------ helpers

    def _fill_combos(self) -> None:
        for k, v in CHANNEL_LABELS.items():
            self.channel_combo.addItem(v, k)
        for k, v in KLASIFIKASI_LABELS.items():
            self.klasifikasi_combo.addItem(v, k)
        for box, desa in (
            (self.kecamatan_combo, self.desa_combo),
            (self.loc_kecamatan_combo, self.loc_desa_combo),
        ):
            box.addItem(self.tr("—"), "")
            for r in reference.kampar_kecamatan():
                box.addItem(r.name, r.code)
            self._fill_desa(box, desa)
            box.currentIndexChanged.connect(partial(self._fill_desa, box, desa))

    def _fill_desa(self, kec: QComboBox, desa: QComboBox, *_a: object) -> None:
        desa.clear()
        desa.addItem(self.tr("—"), "")
        code = kec.currentData()
        if code:
            for r in reference.kampar_desa(code):
                desa.addItem(r.name, r.code)

    @staticmethod
    def _choose(box: QComboBox, code: str) -> None:
        i = box.findData(code)
        box.setCurrentIndex(max(i, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and isinstance(watched, QComboBox)
            and not watched.view().isVisible()
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def _set_reporter_editable(self, editable: bool) -> None:
        """A registered reporter: name, region and KTP as stored (read-only); phone,
        e-mail and address stay editable (saved as a versioned contact edit)."""
        self.name_edit.setReadOnly(not editable)
        for w in (self.kecamatan_combo, self.desa_combo, self.ktp_check):
            w.setEnabled(editable)
        self.contact_button.setVisible(not editable)

    def _add_files(self) -> None:
        for path in doc_output.ask_open_paths(self, self.tr("Pilih lampiran")):
            self.attachments.append(path)
            self.files_list.addItem(path.name)

    # ------------------------------------------------------------ NIK as typed

    def check_nik(self) -> None:
        text = self.nik_edit.text()
        digits = text.replace(" ", "")
        self.errors.set(self.nik_edit, "")
        self.nik_status.clear()
        if self.reporter is not None:
            self._forget_reporter()
        if not digits:
            return
        if not digits.isdigit():
            self.errors.set(self.nik_edit, self.tr("NIK hanya berisi angka."))
            return
        if len(digits) < NIK_DIGITS:
            self.nik_status.setText(self.tr("{0} dari 16 digit").format(len(digits)))
            return
        try:
            info = parse_nik(digits, today=self.ctx.clock.now().date())
        except InvalidNik as exc:
            self.errors.set(self.nik_edit, exc.message)
            return
        notes = [warning_message(w) for w in info.warnings]
        try:
            found = reporters.find_by_nik(self.ctx, digits)
        except ServiceError as exc:
            self.errors.set(self.nik_edit, exc.message)
            return
        if found is not None:
            self._show_reporter(found)
            status = self.tr(
                "Pelapor terdaftar: {0} ({1}). Telepon, e-mail dan alamat dapat diperbarui."
            ).format(found.name, found.nik_masked)
        else:
            sex = self.tr("perempuan") if info.sex == "P" else self.tr("laki-laki")
            status = self.tr("NIK belum terdaftar — isi data pelapor. Lahir {0}, {1}.").format(
                fmt.long_date(info.birth_date), sex
            )
            if self.kecamatan_combo.currentIndex() <= 0:
                # The NIK's region code names the kecamatan where the KTP was issued.
                self._choose(self.kecamatan_combo, info.district_code)
        self.nik_status.setText(" ".join([status, *notes]))

    def _show_reporter(self, found: ReporterView) -> None:
        self.reporter = found
        self.name_edit.setText(found.name)
        self.phone_edit.setText(found.phone)
        self.email_edit.setText(found.email)
        self.address_edit.setText(found.address)
        self._choose(self.kecamatan_combo, found.kecamatan)
        self._choose(self.desa_combo, found.desa)
        self.ktp_check.setChecked(found.ktp_seen)
        self._set_reporter_editable(False)

    def _forget_reporter(self) -> None:
        self.reporter = None
        for e in (self.name_edit, self.phone_edit, self.email_edit, self.address_edit):
            e.clear()
        self.kecamatan_combo.setCurrentIndex(0)
        self.ktp_check.setChecked(False)
        self._set_reporter_editable(True)

    # ------------------------------------------------------------ save

    def _input(self) -> intake.ComplaintInput:
        return intake.ComplaintInput(
            reporter_nik=self.nik_edit.text(),
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            channel=self.channel_combo.currentData(),
            klasifikasi=self.klasifikasi_combo.currentData(),
            location_kecamatan=self.loc_kecamatan_combo.currentData() or "",
            location_desa=self.loc_desa_combo.currentData() or "",
            location_text=self.location_edit.text(),
            incident_date=self.incident_edit.date(),
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

    def _contact(self) -> reporters.ContactEdit | None:
        r = self.reporter
        if r is None:
            return None
        return reporters.ContactEdit(
            r.id,
            r.row_version,
            self.phone_edit.text(),
            self.email_edit.text(),
            self.address_edit.text(),
        )

    def _problems(
        self,
        reporter: reporters.ReporterInput | None,
        data: intake.ComplaintInput,
        contact: reporters.ContactEdit | None,
    ) -> tuple[dict[QWidget, str], str]:
        """Every problem beside its field, and those of no field on the form."""
        found = intake.all_problems(self.ctx, reporter, data, contact)
        if not self.nik_edit.text().strip():
            found["nik"] = self.tr("NIK wajib diisi.")
        shown: dict[QWidget, str] = {}
        general: list[str] = []
        for name, text in found.items():
            widget = self.field_widgets.get(name)
            if widget is None:
                general.append(text)
            else:
                shown[widget] = text
        if not self.incident_edit.is_valid():
            shown[self.incident_edit] = self.tr(
                "Tanggal tidak valid: ketik hhbbtttt (mis. 01122026) atau kosongkan."
            )
        return shown, " ".join(general)

    def save(self) -> None:
        """One operation off the UI thread: an unknown reporter is registered (a known
        one's contact edit applied) together with the complaint and its attachments, or
        nothing is written."""
        if self.saving or (self.last_ticket is not None and not self.save_button.isEnabled()):
            return
        nik = self.nik_edit.text().replace(" ", "")
        reporter = self._reporter_input(nik) if self.reporter is None else None
        contact, data = self._contact(), self._input()
        problems, general = self._problems(reporter, data, contact)
        if problems or general:
            self.errors.show(problems, general)
            return
        self.errors.clear()
        ctx = self.ctx
        self.saving = True
        self.save_button.setEnabled(False)
        run_op(
            self,
            lambda: intake.take_in(ctx, reporter, data, contact),
            self._saved,
            on_error=self._refused,
            on_finished=self._save_finished,
        )

    def _refused(self, exc: ServiceError) -> None:
        if isinstance(exc, StaleEdit):
            self._stale(exc)
        elif isinstance(exc, ValidationError) and exc.field in self.field_widgets:
            self.errors.show({self.field_widgets[exc.field]: exc.message})
        else:
            self.errors.show({}, exc.message)

    def _stale(self, exc: StaleEdit) -> None:
        """Another counter changed this reporter's contacts: a field the clerk left as it
        was takes the stored value, a field the clerk changed keeps what was typed, and
        the stored values are shown; saving again (on the new version) is deliberate."""
        old = self.reporter
        fresh = reporters.find_by_nik(self.ctx, self.nik_edit.text().replace(" ", ""))
        if fresh is not None:
            if old is not None:
                for edit, was, now in (
                    (self.phone_edit, old.phone, fresh.phone),
                    (self.email_edit, old.email, fresh.email),
                    (self.address_edit, old.address, fresh.address),
                ):
                    if edit.text() == was:
                        edit.setText(now)
            self.reporter = fresh
            self.nik_status.setText(
                self.tr("Tersimpan sekarang: telepon {0}, e-mail {1}, alamat {2}.").format(
                    fresh.phone or "—", fresh.email or "—", fresh.address or "—"
                )
            )
        self.errors.show({self.phone_edit: self.tr("Kontak berubah; periksa lalu simpan lagi.")})
        self.errors.set_general(exc.message)

    def _save_finished(self) -> None:
        self.saving = False
        if self.last_ticket is None:  # refused (or failed): the form stays, to correct
            self.save_button.setEnabled(True)

    def _saved(self, result: intake.IntakeResult) -> None:
        if result.registered is not None:
            self._show_reporter(result.registered)
        elif result.updated is not None:
            self.reporter = result.updated
        self.last_ticket = result.ticket
        text = self.tr("Tersimpan. Nomor tiket: {0}").format(result.ticket)
        if result.refused_files:
            text += "\n" + self.tr("Lampiran ditolak: {0}").format(
                ", ".join(f.filename for f in result.refused_files)
            )
        self.result_label.setText(text)
        self.save_button.setEnabled(False)
        self.open_button.setEnabled(True)
        next_focus: QWidget = self.new_button
        if self.receipt_button is not None:
            self.receipt_button.make = partial(_receipt, self.ctx, result.ticket)
            self.receipt_button.default_name = f"tanda-terima-{result.ticket}.pdf"
            self.receipt_button.setEnabled(True)
            next_focus = self.receipt_button  # Enter prints, Tab goes on to the next
        next_focus.setFocus(Qt.FocusReason.OtherFocusReason)
        # The ticket number is what the counter reads out: on screen even when the form is
        # taller than the window (after the label's new text has been laid out).
        QTimer.singleShot(0, lambda: self.form_scroll.ensureWidgetVisible(self.result_label))
        self.saved.emit(result.ticket)

    def save_contact(self) -> None:
        """Only the contact details of the reporter shown (no complaint)."""
        contact = self._contact()
        if contact is None or self.saving:
            return
        problems = {
            self.field_widgets[k]: v
            for k, v in intake.all_problems(self.ctx, None, self._input(), contact).items()
            if k in ("phone", "email", "address")
        }
        if problems:
            self.errors.show(problems)
            return
        ctx = self.ctx

        def done(view: ReporterView) -> None:
            self.reporter = view
            self.errors.clear()
            self.nik_status.setText(self.tr("Kontak pelapor {0} diperbarui.").format(view.name))

        run_op(
            self,
            lambda: reporters.update_contact(
                ctx,
                contact.reporter_id,
                base_version=contact.base_version,
                phone=contact.phone,
                email=contact.email,
                address=contact.address,
            ),
            done,
            on_error=self._refused,
        )

    def print_receipt(self) -> None:
        """Ctrl+P: the receipt of the ticket just saved."""
        if self.receipt_button is not None and self.receipt_button.isEnabled():
            self.receipt_button.print_()

    def check_duplicates(self) -> None:
        """Suggest existing cases like the one being typed (off-thread; the latest wins)."""
        from lapor_desktop.services import duplicates

        self._duplicates_timer.stop()
        self._duplicates_seq += 1
        seq, ctx = self._duplicates_seq, self.ctx
        title, body = self.title_edit.text().strip(), self.body_edit.toPlainText()
        if len(title.split()) < 2:
            self.duplicates_label.clear()
            return
        reporter = self.reporter.id if self.reporter is not None else None

        def show(found: list[duplicates.Suggestion]) -> None:
            if seq != self._duplicates_seq:
                return
            self.duplicates_label.setText(
                self.tr("Mungkin duplikat: {0}").format(
                    "; ".join(f"{s.ticket} — {s.title} ({', '.join(s.reasons)})" for s in found)
                )
                if found
                else ""
            )

        run_op(
            self,
            lambda: duplicates.suggest(ctx, title=title, body=body, reporter_id=reporter),
            show,
            lambda _exc: None,  # a hint only: a refusal here is not worth a message
        )

    def _receipt_done(self, text: str) -> None:
        self.receipt_status.setText(text)

    @property
    def first_field(self) -> QWidget:
        """Where typing starts (the main window focuses it when it opens on this page)."""
        return self.nik_edit

    def new_complaint(self) -> None:
        """Ctrl+N: an empty form for the next reporter in the queue, scrolled to the top
        with the cursor in NIK."""
        if self.saving:  # the ticket being saved must land on the form it was typed in
            return
        self.reporter = None
        self.last_ticket = None
        for e in self.line_edits:
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
        self.incident_edit.clear()
        self.attachments.clear()
        self.files_list.clear()
        self.errors.clear()
        for label in (
            self.nik_status,
            self.result_label,
            self.receipt_status,
            self.duplicates_label,
        ):
            label.clear()
        self._duplicates_seq += 1
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(False)
        if self.receipt_button is not None:
            self.receipt_button.make = _no_document
            self.receipt_button.setEnabled(False)
        self._set_reporter_editable(True)
        self.form_scroll.verticalScrollBar().setValue(0)
        self.nik_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        """Nothing to reload; keeps what is typed."""

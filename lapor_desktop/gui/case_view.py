"""One case: header, reporter card, text, attachments, timeline, deadline clocks, the
action buttons the workflow table allows this user (CaseDetail.allowed_actions), the
documents the user may print (services.documents) and "Tambah lampiran".

Every read and write runs through gui/ops.py off the UI thread: loading the case, revealing
the NIK, opening or saving an attachment, an action (in its dialog), printing. What an
action changed goes out as `changed(Changed)` for the main window to tell the other pages.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS
from lapor_desktop.domain.permissions import capabilities
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.gui import doc_output, fmt, messages
from lapor_desktop.gui.action_dialog import ActionChoices, ActionDialog, load_choices
from lapor_desktop.gui.changes import Changed, Kind
from lapor_desktop.gui.doc_output import DocumentButton
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import attachments, cases, intake, reporters
from lapor_desktop.services.casework import ActionResult
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.intake import IntakeResult
from lapor_desktop.services.signing_settings import Document

ATTACHMENT_ROLE = int(Qt.ItemDataRole.UserRole)  # the attachment's id (str)
FILENAME_ROLE = ATTACHMENT_ROLE + 1


def _documents() -> ModuleType:
    # Imported on the worker thread at the first print: reportlab stays out of start-up.
    from lapor_desktop.services import documents

    return documents


@dataclass(frozen=True)
class CaseDocument:
    kind: str  # domain.permissions.CASE_DOCUMENTS; offered when in CaseDetail.documents
    prefix: str  # file name: <prefix>-<ticket>.pdf
    make: Callable[[Ctx, str], bytes | Document]
    # A letter numbered when printed: the service writes the file (doc_output.IntoMaker).
    make_into: Callable[[Ctx, str, Path], Document] | None = None


CASE_DOCUMENTS: tuple[CaseDocument, ...] = (
    CaseDocument("receipt", "tanda-terima", lambda c, t: _documents().receipt_pdf(c, t)),
    CaseDocument("disposition", "disposisi", lambda c, t: _documents().disposition_pdf(c, t)),
    CaseDocument(
        "forwarding",
        "penerusan",
        lambda c, t: _documents().forwarding_document(c, t),
        lambda c, t, out: _documents().forwarding_document(c, t, out=out),
    ),
    CaseDocument("answer", "jawaban", lambda c, t: _documents().answer_document(c, t)),
    CaseDocument("history", "riwayat", lambda c, t: _documents().history_pdf(c, t)),
)


def _print_warning(ctx: Ctx, kind: str, ticket: str) -> str:
    return str(_documents().print_warning(ctx, kind, ticket))


def plain_label(text: str = "") -> QLabel:
    """User text is never interpreted as rich text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def read_only_text(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setAccessibleName(name)
    return edit


class CaseViewPage(QWidget):
    back_requested = Signal()
    changed = Signal(object)  # Changed: what an action, an attachment or a letter changed
    loaded = Signal()  # the case is shown (after each load)

    def __init__(self, ctx: Ctx, ticket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket = ticket
        self.detail: cases.CaseDetail | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self.dialog: ActionDialog | None = None  # the action dialog open now
        self._load_seq = 0  # only the latest load is shown (a reload may overtake one)
        self.reveal_button: QPushButton | None = None
        self.duplicate_button: QPushButton | None = None
        self.duplicate_dialog: QDialog | None = None
        # Private plain copies of attachments handed to the system viewer; removed when
        # this page goes (MainWindow.open_case) and, for any left, at sign-out and start.
        self.open_copies: list[Path] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Kembali"))
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title_label = plain_label()
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        top.addWidget(self.title_label, 1)
        outer.addLayout(top)
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        outer.addLayout(self.actions_row)
        self._build_documents_row(outer)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)

        row = QHBoxLayout()
        self.info_box = QGroupBox(self.tr("Laporan"))
        self.info_form = QFormLayout(self.info_box)
        row.addWidget(self.info_box, 4)
        self.reporter_box = QGroupBox(self.tr("Pelapor"))
        self.reporter_form = QFormLayout(self.reporter_box)
        row.addWidget(self.reporter_box, 3)
        self.deadline_box = QGroupBox(self.tr("Tenggat"))
        self.deadline_grid = QGridLayout(self.deadline_box)
        row.addWidget(self.deadline_box, 3)
        lay.addLayout(row)

        # The report and the draft answer side by side (the head reads both to approve).
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QGroupBox(self.tr("Isi laporan"))
        QVBoxLayout(left).addWidget(body_edit := read_only_text(self.tr("Isi laporan")))
        self.body_edit = body_edit
        right = QGroupBox(self.tr("Jawaban"))
        QVBoxLayout(right).addWidget(answer_edit := read_only_text(self.tr("Jawaban")))
        self.answer_edit = answer_edit
        split.addWidget(left)
        split.addWidget(right)
        split.setMinimumHeight(200)
        lay.addWidget(split)
        self.answer_box = right

        att = QGroupBox(self.tr("Lampiran (klik dua kali untuk membuka)"))
        self.attachments_list = QListWidget()
        self.attachments_list.setMaximumHeight(90)
        self.attachments_list.setAccessibleName(self.tr("Lampiran"))
        self.attachments_list.itemActivated.connect(self.open_attachment)
        att_row = QHBoxLayout(att)
        att_row.addWidget(self.attachments_list, 1)
        self.save_attachment_button = QPushButton(self.tr("Simpan…"))
        self.save_attachment_button.setToolTip(
            self.tr("Simpan salinan lampiran yang dipilih ke folder pilihan Anda.")
        )
        self.save_attachment_button.clicked.connect(self.save_attachment)
        att_row.addWidget(self.save_attachment_button, 0, Qt.AlignmentFlag.AlignTop)
        self.add_attachment_button: QPushButton | None = None
        if capabilities(ctx.user().role).may_attach:
            self.add_attachment_button = QPushButton(self.tr("Tambah lampiran…"))
            self.add_attachment_button.setToolTip(
                self.tr("Lampirkan foto atau dokumen lain pada laporan ini.")
            )
            self.add_attachment_button.clicked.connect(self.add_attachments)
            att_row.addWidget(self.add_attachment_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(att)
        self.attachments_box = att

        tl = QGroupBox(self.tr("Riwayat tindakan"))
        self.timeline = QTableWidget(0, 5)
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Tindakan"),
                self.tr("Oleh"),
                self.tr("Status"),
                self.tr("Catatan"),
            ]
        )
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(True)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.timeline.setAccessibleName(self.tr("Riwayat tindakan"))
        self.timeline.setMinimumHeight(240)
        QVBoxLayout(tl).addWidget(self.timeline)
        lay.addWidget(tl)
        self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Loads the case off the UI thread; the page shows it when it arrives."""
        self._load_seq += 1
        seq = self._load_seq
        if self.detail is None:
            self.title_label.setText(self.tr("Memuat {0}…").format(self.ticket))
        ctx, ticket = self.ctx, self.ticket
        run_op(
            self,
            lambda: cases.get_case(ctx, ticket),
            lambda d: self._loaded(seq, d),
            lambda exc: self._load_failed(seq, exc),
        )

    def _load_failed(self, seq: int, exc: ServiceError) -> None:
        if seq == self._load_seq:
            self.title_label.setText(exc.message)

    def _loaded(self, seq: int, d: cases.CaseDetail) -> None:
        if seq != self._load_seq:
            return
        first = self.detail is None
        self.show_detail(d)
        self._place_focus(first)
        self.loaded.emit()

    def _place_focus(self, first: bool) -> None:
        """Opened, or its buttons remade after an action: the keyboard lands on the first
        action (else on "Kembali"), unless the person is already elsewhere on the page."""
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is not self.window():
            return  # a dialog or another window has the keyboard
        inside = focus is not None and (focus is self or self.isAncestorOf(focus))
        if inside and not (first and focus is self.back_button):
            return  # (on opening, Qt hands the focus to the first button: Kembali)
        target = next(iter(self.action_buttons.values()), self.back_button)
        target.show()  # (a button just laid out shows only later; the focus needs it now)
        target.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ on a document button opens its menu (Simpan… / Buka / Cetak); Qt would move
        the focus on, as with Tab."""
        if (
            isinstance(watched, QToolButton)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and watched.menu() is not None
        ):
            watched.showMenu()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button (Qt does so only in dialogs)."""
        focus = self.focusWidget()
        key = event.key()
        if isinstance(focus, QAbstractButton) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if focus.isEnabled():
                focus.click()
            return
        super().keyPressEvent(event)

    def show_detail(self, d: cases.CaseDetail) -> None:
        self.detail = d
        self.title_label.setText(f"{d.ticket} — {d.title}")
        self._fill_info(d)
        self._fill_reporter(d)
        self._fill_deadlines(d)
        self.body_edit.setPlainText(d.body)
        self.answer_edit.setPlainText(d.answer_text)
        self.answer_box.setVisible(bool(d.answer_text))
        self.attachments_list.clear()
        for a in d.attachments:
            label = f"{a.filename} ({a.size // 1024 + 1} KB)"
            if a.remote:
                label += " " + self.tr("— belum diunduh")
            elif not a.available:
                label += " " + self.tr("— isi hilang")
            item = QListWidgetItem(label)
            item.setData(ATTACHMENT_ROLE, str(a.id))
            item.setData(FILENAME_ROLE, a.filename)
            self.attachments_list.addItem(item)
        self.save_attachment_button.setEnabled(bool(d.attachments))
        self.attachments_box.setVisible(
            bool(d.attachments) or self.add_attachment_button is not None
        )
        self._fill_timeline(d)
        self._fill_actions(d)
        self._fill_documents(d)

    @staticmethod
    def _clear_form(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def _fill_info(self, d: cases.CaseDetail) -> None:
        self._clear_form(self.info_form)
        status = d.status_label
        if d.escalated:
            status += self.tr(" · dieskalasi ke Ombudsman")
        rows = [
            (self.tr("Status:"), status),
            (self.tr("Diterima:"), fmt.long_date(d.received_at)),
            (self.tr("Saluran:"), CHANNEL_LABELS.get(d.channel, d.channel)),
            (self.tr("Klasifikasi:"), KLASIFIKASI_LABELS.get(d.klasifikasi, d.klasifikasi)),
            (self.tr("Kategori:"), d.category_name or self.tr("—")),
            (self.tr("OPD:"), d.opd_name or self.tr("—")),
            (self.tr("Lokasi:"), d.location_text or self.tr("—")),
        ]
        if d.tracking_id:
            rows.append((self.tr("Tracking LAPOR!:"), d.tracking_id))
        if d.letter_number:
            rows.append((self.tr("Nomor surat jawaban:"), d.letter_number))
        flags = [
            t for t, on in ((self.tr("Anonim"), d.anonim), (self.tr("Rahasia"), d.rahasia)) if on
        ]
        if flags:
            rows.append((self.tr("Sifat:"), ", ".join(flags)))
        if d.reopened:
            rows.append((self.tr("Dibuka kembali:"), self.tr("{0} kali").format(d.reopened)))
        if d.duplicate_of:
            rows.append((self.tr("Duplikat dari:"), d.duplicate_of))
        if d.duplicates:
            rows.append((self.tr("Duplikatnya:"), ", ".join(d.duplicates)))
        for k, v in rows:
            self.info_form.addRow(k, plain_label(v))

    def _fill_reporter(self, d: cases.CaseDetail) -> None:
        self._clear_form(self.reporter_form)
        r = d.reporter
        self.reporter_name_label = plain_label(r.name)
        self.reporter_form.addRow(self.tr("Nama:"), self.reporter_name_label)
        self.nik_label = plain_label(r.nik or "")
        self.reveal_button = None
        if r.nik:
            self.reporter_form.addRow(self.tr("NIK:"), self.nik_label)
            if d.may_reveal_nik:
                self.reveal_button = QPushButton(self.tr("Tampilkan NIK"))
                self.reveal_button.setToolTip(
                    self.tr("Setiap penampilan NIK dicatat di log audit.")
                )
                self.reveal_button.clicked.connect(self.reveal_nik)
                self.reporter_form.addRow("", self.reveal_button)
        for label, value in (
            (self.tr("Alamat:"), r.address),
            (self.tr("Telepon:"), r.phone),
            (self.tr("E-mail:"), r.email),
        ):
            if value:
                self.reporter_form.addRow(label, plain_label(value))

    def reveal_nik(self) -> None:
        """The full NIK (audited by the service)."""
        assert self.detail is not None and self.detail.reporter.reporter_id is not None
        button, label = self.reveal_button, self.nik_label
        if button is None:
            return
        ctx, reporter_id = self.ctx, self.detail.reporter.reporter_id
        why = f"lihat laporan {self.ticket}"
        button.setEnabled(False)

        def shown(nik: str) -> None:
            label.setText(nik)
            button.setEnabled(False)

        def refused(exc: ServiceError) -> None:
            button.setEnabled(True)
            messages.warn(self, exc.message)

        run_op(self, lambda: reporters.reveal_nik(ctx, reporter_id, why), shown, refused)

    def _fill_deadlines(self, d: cases.CaseDetail) -> None:
        while self.deadline_grid.count():
            item = self.deadline_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.deadline_labels: dict[str, QLabel] = {}
        for i, row in enumerate(d.deadlines.values()):
            self.deadline_grid.addWidget(plain_label(row.label), i, 0)
            due = fmt.long_date(row.due) if row.due else self.tr("belum berjalan")
            self.deadline_grid.addWidget(plain_label(due), i, 1)
            state = plain_label(row.state_label or "")
            color = fmt.STATE_COLORS.get(row.state or "")
            if color:
                state.setStyleSheet(f"color: {color}; font-weight: bold;")
            self.deadline_labels[row.clock] = state
            self.deadline_grid.addWidget(state, i, 2)

    def _fill_timeline(self, d: cases.CaseDetail) -> None:
        self.timeline.setRowCount(len(d.actions))
        for i, a in enumerate(d.actions):
            to = Status(a.to_status).label
            who = a.by_name + (f" ({a.office})" if a.office else "")
            note = a.note + (f" → {a.opd}" if a.opd else "")
            for col, text in enumerate((fmt.short_datetime(a.at), a.action_label, who, to, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(i, col, item)
        self.timeline.resizeColumnsToContents()
        self.timeline.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.timeline.resizeRowsToContents()

    def _fill_actions(self, d: cases.CaseDetail) -> None:
        for b in self.action_buttons.values():
            self.actions_row.removeWidget(b)
            b.deleteLater()
        self.action_buttons = {}
        for action in d.allowed_actions:
            b = QPushButton(action.label)
            b.setAccessibleName(action.label)
            b.clicked.connect(lambda _=False, a=action: self.run_action(a))
            self.actions_row.insertWidget(len(self.action_buttons), b)
            self.action_buttons[action] = b
        if self.duplicate_button is not None:
            self.actions_row.removeWidget(self.duplicate_button)
            self.duplicate_button.deleteLater()
            self.duplicate_button = None
        if d.may_mark_duplicate:
            b = QPushButton(self.tr("Tandai duplikat…"))
            b.setToolTip(self.tr("Tutup laporan ini sebagai duplikat laporan lain"))
            b.clicked.connect(self.mark_duplicate)
            self.actions_row.insertWidget(len(self.action_buttons), b)
            self.duplicate_button = b

    def allowed(self) -> list[Action]:
        return list(self.action_buttons)

    # ------------------------------------------------------------ acting

    def run_action(self, action: Action) -> None:
        """Opens the action's dialog once its choices (categories, OPDs) are read; the
        dialog performs the action itself and stays open when the service refuses."""
        detail = self.detail
        if detail is None or self.dialog is not None:
            return
        button = self.action_buttons.get(action)
        if button is not None:
            button.setEnabled(False)
        ctx = self.ctx

        def ready(choices: ActionChoices) -> None:
            dlg = ActionDialog(ctx, detail, action, choices, self)
            dlg.performed.connect(self._action_done)
            dlg.finished.connect(lambda _r: self._dialog_closed(dlg))
            self.dialog = dlg
            dlg.open()

        def enable() -> None:
            if button is not None and self.dialog is None:
                button.setEnabled(True)

        run_op(self, lambda: load_choices(ctx, detail, action), ready, on_finished=enable)

    def mark_duplicate(self) -> None:
        from lapor_desktop.gui.lapor_pages import DuplicateDialog

        dlg = DuplicateDialog(self.ctx, self.ticket, self)
        dlg.marked.connect(self._duplicate_marked)
        dlg.finished.connect(lambda _r: dlg.deleteLater())
        self.duplicate_dialog = dlg
        dlg.open()

    def _duplicate_marked(self, result: Any) -> None:
        self.reload()
        self.changed.emit(
            Changed(frozenset((Kind.CASES,)), frozenset((result.duplicate, result.main)))
        )

    def _dialog_closed(self, dlg: ActionDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None
        for b in self.action_buttons.values():
            b.setEnabled(True)
        dlg.deleteLater()
        self.activateWindow()  # the keyboard back to the case (some platforms leave none)

    def _action_done(self, result: ActionResult) -> None:
        self.reload()
        self.changed.emit(Changed.of_action(result))

    def open_attachment(self, item: QListWidgetItem) -> None:
        """A private copy (owner-only) for the system viewer; the sealed original stays in
        the database."""
        ctx, ticket = self.ctx, self.ticket
        attachment_id = uuid.UUID(item.data(ATTACHMENT_ROLE))

        def show(copy: Path) -> None:
            self.open_copies.append(copy)
            if not doc_output.open_file(copy):
                messages.warn(
                    self, self.tr("Tidak ada aplikasi untuk membuka {0}.").format(copy.name)
                )

        run_op(self, lambda: attachments.open_copy(ctx, ticket, attachment_id), show)

    def save_attachment(self) -> None:
        item = self.attachments_list.currentItem() or self.attachments_list.item(0)
        if item is None:
            return
        attachment_id = uuid.UUID(item.data(ATTACHMENT_ROLE))
        name = str(item.data(FILENAME_ROLE))
        target = doc_output.ask_save_path(self, self.tr("Simpan lampiran"), name, "")
        if target is None:
            return
        ctx, ticket = self.ctx, self.ticket
        button = self.save_attachment_button
        button.setEnabled(False)

        def saved(_none: object) -> None:
            self.doc_status_label.setStyleSheet("")
            self.doc_status_label.setText(self.tr("Lampiran disimpan: {0}").format(target))

        run_op(
            self,
            lambda: attachments.save_copy(ctx, ticket, attachment_id, target),
            saved,
            on_finished=lambda: button.setEnabled(True),
        )

    def remove_open_copies(self) -> None:
        attachments.remove_open_copies(self.ctx.data_dir, self.open_copies)
        self.open_copies.clear()

    def add_attachments(self) -> None:
        paths = doc_output.ask_open_paths(self, self.tr("Tambah lampiran"))
        if not paths or self.add_attachment_button is None:
            return
        ctx, ticket = self.ctx, self.ticket
        button = self.add_attachment_button
        button.setEnabled(False)
        run_op(
            self,
            lambda: intake.add_attachments(ctx, ticket, paths),
            self._attachments_added,
            on_finished=lambda: button.setEnabled(True),
        )

    def _attachments_added(self, result: IntakeResult) -> None:
        self.reload()
        self.changed.emit(Changed.case(self.ticket))
        text = self.tr("{0} lampiran ditambahkan.").format(len(result.stored_files))
        self.doc_status_label.setText(text)
        if result.refused_files:
            lines = "\n".join(f"• {f.filename}: {f.reason}" for f in result.refused_files)
            messages.warn(self, text + "\n" + self.tr("Berkas berikut ditolak:") + "\n" + lines)

    # ------------------------------------------------------------ documents

    def _build_documents_row(self, outer: QVBoxLayout) -> None:
        printable = capabilities(self.ctx.user().role).printable
        self.doc_buttons: dict[str, DocumentButton] = {}
        row = QHBoxLayout()
        self.docs_label = QLabel(self.tr("Dokumen:"))
        row.addWidget(self.docs_label)
        labels = {
            "receipt": self.tr("Tanda terima"),
            "disposition": self.tr("Lembar disposisi"),
            "forwarding": self.tr("Surat penerusan"),
            "answer": self.tr("Surat jawaban"),
            "history": self.tr("Riwayat kasus"),
        }
        for doc in CASE_DOCUMENTS:
            if doc.kind not in printable:
                continue
            b = DocumentButton(
                labels[doc.kind],
                f"{doc.prefix}-{self.ticket}.pdf",
                partial(doc.make, self.ctx, self.ticket),
                self,
                make_into=partial(doc.make_into, self.ctx, self.ticket) if doc.make_into else None,
                warning=partial(_print_warning, self.ctx, doc.kind, self.ticket),
            )
            b.hide()  # until the case is loaded and allows it
            b.finished.connect(self._document_done)
            b.installEventFilter(self)
            if doc.make_into is not None:  # numbered when printed: the register changed
                b.finished.connect(
                    lambda _t: self.changed.emit(Changed.case(self.ticket, Kind.LETTERS))
                )
            b.failed.connect(self._document_failed)
            row.addWidget(b)
            self.doc_buttons[doc.kind] = b
        self.doc_status_label = plain_label()
        row.addWidget(self.doc_status_label, 1)
        # In the page first: shown while still without a parent, the label would open as a
        # window of its own (it took the keyboard from the main window).
        outer.addLayout(row)
        self.docs_label.setVisible(bool(self.doc_buttons))

    def _fill_documents(self, d: cases.CaseDetail) -> None:
        for kind, b in self.doc_buttons.items():
            b.setVisible(kind in d.documents)
        self.docs_label.setVisible(any(k in self.doc_buttons for k in d.documents))

    def printable(self) -> list[str]:
        """The document kinds offered for this case now (tests)."""
        return [k for k, b in self.doc_buttons.items() if not b.isHidden()]

    def _document_done(self, text: str) -> None:
        # A print-time warning (borrowed or sample kop, incomplete signer) shows in amber.
        warned = "Peringatan:" in text
        self.doc_status_label.setStyleSheet("color: #8a5a00;" if warned else "")
        self.doc_status_label.setText(text)

    def _document_failed(self, text: str) -> None:
        self.doc_status_label.setStyleSheet("color: #b71c1c;")
        self.doc_status_label.setText(text)

    def refresh(self) -> None:
        self.reload()

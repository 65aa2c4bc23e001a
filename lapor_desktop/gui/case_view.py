"""One case: header, reporter card, text, attachments, timeline, deadline clocks, and the
action buttons the workflow table allows this user (CaseDetail.allowed_actions)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.gui import fmt, messages
from lapor_desktop.gui.action_dialog import ActionDialog
from lapor_desktop.services import cases, reporters
from lapor_desktop.services.casework import KLASIFIKASI_LABELS
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.intake import CHANNEL_LABELS
from lapor_desktop.services.scope import NIK_REVEAL_ROLES

PATH_ROLE = int(Qt.ItemDataRole.UserRole)


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
    changed = Signal()

    def __init__(self, ctx: Ctx, ticket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket = ticket
        self.detail: cases.CaseDetail | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
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
        self.attachments_list.itemActivated.connect(self._open_attachment)
        QVBoxLayout(att).addWidget(self.attachments_list)
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
        try:
            self.detail = cases.get_case(self.ctx, self.ticket)
        except ServiceError as exc:
            self.title_label.setText(exc.message)
            return
        d = self.detail
        self.title_label.setText(f"{d.ticket} — {d.title}")
        self._fill_info(d)
        self._fill_reporter(d)
        self._fill_deadlines(d)
        self.body_edit.setPlainText(d.body)
        self.answer_edit.setPlainText(d.answer_text)
        self.answer_box.setVisible(bool(d.answer_text))
        self.attachments_list.clear()
        for a in d.attachments:
            item = QListWidgetItem(f"{a.filename} ({a.size // 1024 + 1} KB)")
            item.setData(PATH_ROLE, str(a.path))
            self.attachments_list.addItem(item)
        self.attachments_box.setVisible(bool(d.attachments))
        self._fill_timeline(d)
        self._fill_actions(d)

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
        flags = [
            t for t, on in ((self.tr("Anonim"), d.anonim), (self.tr("Rahasia"), d.rahasia)) if on
        ]
        if flags:
            rows.append((self.tr("Sifat:"), ", ".join(flags)))
        if d.reopened:
            rows.append((self.tr("Dibuka kembali:"), self.tr("{0} kali").format(d.reopened)))
        for k, v in rows:
            self.info_form.addRow(k, plain_label(v))

    def _fill_reporter(self, d: cases.CaseDetail) -> None:
        self._clear_form(self.reporter_form)
        r = d.reporter
        self.reporter_name_label = plain_label(r.name)
        self.reporter_form.addRow(self.tr("Nama:"), self.reporter_name_label)
        self.nik_label = plain_label(r.nik or "")
        self.reveal_button: QPushButton | None = None
        if r.nik:
            self.reporter_form.addRow(self.tr("NIK:"), self.nik_label)
            if self.ctx.user().role in NIK_REVEAL_ROLES and r.reporter_id is not None:
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
        assert self.detail is not None and self.detail.reporter.reporter_id is not None
        try:
            nik = reporters.reveal_nik(
                self.ctx, self.detail.reporter.reporter_id, f"lihat laporan {self.ticket}"
            )
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return
        self.nik_label.setText(nik)
        if self.reveal_button is not None:
            self.reveal_button.setEnabled(False)

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

    def allowed(self) -> list[Action]:
        return list(self.action_buttons)

    # ------------------------------------------------------------ acting

    def run_action(self, action: Action) -> None:
        if self.detail is None:
            return
        result = ActionDialog.ask(self.ctx, self.detail, action, self)
        if result is None:
            return
        self.reload()
        self.changed.emit()

    def _open_attachment(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(PATH_ROLE)))

    def refresh(self) -> None:
        self.reload()

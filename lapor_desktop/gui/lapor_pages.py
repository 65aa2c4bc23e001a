"""Working alongside SP4N LAPOR! (issue 18): the import wizard, the "Perlu dimutakhirkan
di LAPOR!" list, and the dialog that marks a case as a duplicate. Every service call runs
off the UI thread (gui/ops.py); the pages show the plain rows the services return."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import file_dialogs, messages
from lapor_desktop.gui.forms.ui_duplicate_dialog import Ui_DuplicateDialog
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import duplicates, lapor_gateway, lapor_import
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError

NONE = "—"  # "no column" in a mapping box
RESULT_LABELS = {
    "new": "Baru",
    "update": "Diperbarui",
    "unchanged": "Tidak berubah",
    "problem": "Bermasalah",
}


def _item(text: str) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return it


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.verticalHeader().hide()
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


# ---------------------------------------------------------------- import wizard


class ImportWizardPage(QWidget):
    """Three steps: the file and a profile; the mapping of our fields to the file's
    columns (saved as a named profile); the preview (a dry run) and the import."""

    imported = Signal(object)  # the ImportPlan of a finished import

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.headers: tuple[str, ...] = ()
        self.plan: lapor_import.ImportPlan | None = None
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Impor dari ekspor SP4N LAPOR!"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        outer.addWidget(title)
        self.step_label = QLabel()
        outer.addWidget(self.step_label)
        self.steps = QStackedWidget()
        outer.addWidget(self.steps, 1)
        # Each step scrolls: the mapping's ten rows are taller than a 1080p screen at 200 %.
        for step in (self._file_step(), self._mapping_step(), self._preview_step()):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(step)
            self.steps.addWidget(scroll)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Kembali"))
        self.next_button = QPushButton(self.tr("Lanjut →"))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self._show_step(0)
        self.refresh()

    # ------------------------------------------------------------ steps

    def _file_step(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Berkas ekspor LAPOR!"))
        self.file_edit.setPlaceholderText(self.tr("Berkas CSV atau XLSX dari LAPOR!"))
        self.browse_button = QPushButton(self.tr("Pilih berkas…"))
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("Berkas:"), row)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Profil kolom"))
        form.addRow(self.tr("Profil kolom:"), self.profile_combo)
        hint = QLabel(
            self.tr(
                "Profil memetakan kolom berkas ke data aplikasi. Profil bawaan "
                "'lapor-default' mengikuti format ekspor LAPOR! yang dikenal; pemetaan "
                "dapat diubah di langkah berikutnya dan disimpan dengan nama baru."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return w

    def _mapping_step(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        lay.addWidget(self.header_label)
        box = QGroupBox(self.tr("Kolom berkas untuk setiap data (* wajib)"))
        form = QFormLayout(box)
        self.column_combos: dict[str, QComboBox] = {}
        for f in lapor_import.FIELDS:
            combo = QComboBox()
            label = lapor_import.FIELD_LABELS[f] + (" *" if f in lapor_import.REQUIRED else "")
            combo.setAccessibleName(label)
            form.addRow(label + ":", combo)
            self.column_combos[f] = combo
        lay.addWidget(box)
        opts = QFormLayout()
        self.date_format_edit = QLineEdit()
        self.date_format_edit.setAccessibleName(self.tr("Format tanggal"))
        opts.addRow(self.tr("Format tanggal (strftime):"), self.date_format_edit)
        self.yes_edit = QLineEdit()
        self.yes_edit.setAccessibleName(self.tr("Nilai ya"))
        opts.addRow(self.tr("Nilai 'ya' (pisahkan dengan koma):"), self.yes_edit)
        self.no_edit = QLineEdit()
        self.no_edit.setAccessibleName(self.tr("Nilai tidak"))
        opts.addRow(self.tr("Nilai 'tidak':"), self.no_edit)
        save_row = QHBoxLayout()
        self.profile_name_edit = QLineEdit()
        self.profile_name_edit.setAccessibleName(self.tr("Nama profil baru"))
        self.profile_name_edit.setPlaceholderText(self.tr("mis. lapor-2027"))
        self.save_profile_button = QPushButton(self.tr("Simpan profil"))
        self.save_profile_button.clicked.connect(self.save_profile)
        save_row.addWidget(self.profile_name_edit, 1)
        save_row.addWidget(self.save_profile_button)
        opts.addRow(self.tr("Simpan pemetaan sebagai:"), save_row)
        lay.addLayout(opts)
        lay.addStretch(1)
        return w

    def _preview_step(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        lay.addWidget(self.summary_label)
        self.preview_table = _table(
            [self.tr("Baris"), self.tr("ID Tracking"), self.tr("Hasil"), self.tr("Keterangan")],
            self.tr("Pratinjau impor"),
        )
        lay.addWidget(self.preview_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("Impor sekarang"))
        self.import_button.clicked.connect(self.run_import)
        row.addWidget(self.import_button)
        lay.addLayout(row)
        return w

    def _show_step(self, i: int) -> None:
        self.steps.setCurrentIndex(i)
        names = (
            self.tr("Langkah 1 dari 3: berkas dan profil"),
            self.tr("Langkah 2 dari 3: pemetaan kolom"),
            self.tr("Langkah 3 dari 3: pratinjau (uji coba) dan impor"),
        )
        self.step_label.setText(names[i])
        self.back_button.setEnabled(i > 0)
        self.next_button.setVisible(i < 2)

    def refresh(self) -> None:
        current = self.profile_combo.currentText() or lapor_import.DEFAULT_PROFILE
        names = lapor_import.profile_names(self.ctx)
        self.profile_combo.clear()
        self.profile_combo.addItems(names)
        if current in names:
            self.profile_combo.setCurrentText(current)

    # ------------------------------------------------------------ actions

    def browse(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Pilih berkas ekspor LAPOR!"), self.tr("Ekspor LAPOR! (*.csv *.xlsx)")
        )
        if path is not None:
            self.file_edit.setText(str(path))

    def go_back(self) -> None:
        self._show_step(max(0, self.steps.currentIndex() - 1))

    def go_next(self) -> None:
        i = self.steps.currentIndex()
        if i == 0:
            self.read_file()
        elif i == 1:
            self.preview()

    def read_file(self) -> None:
        """Step 1 → 2: the profile and the file's headers fill the mapping."""
        path = Path(self.file_edit.text().strip())
        if not self.file_edit.text().strip():
            messages.warn(self, self.tr("Pilih berkas ekspor LAPOR! dahulu."))
            return
        ctx, name = self.ctx, self.profile_combo.currentText()

        def work() -> tuple[lapor_import.Profile, tuple[str, ...], int]:
            profile = lapor_import.load_profile(ctx, name)
            headers, line = lapor_import.peek_headers(ctx, path, profile)
            return profile, headers, line

        run_op(self, work, self._file_read, self._refused)

    def _file_read(self, result: tuple[lapor_import.Profile, tuple[str, ...], int]) -> None:
        profile, headers, line = result
        self.headers = headers
        self.header_label.setText(
            self.tr("Judul kolom dibaca dari baris {0}: {1}").format(
                line, ", ".join(h for h in headers if h)
            )
        )
        folded = {h.casefold(): h for h in headers if h}
        for f, combo in self.column_combos.items():
            combo.clear()
            combo.addItem(NONE, "")
            for h in headers:
                if h:
                    combo.addItem(h, h)
            wanted = profile.columns.get(f, "")
            match = folded.get(" ".join(wanted.split()).casefold())
            combo.setCurrentIndex(combo.findData(match) if match else 0)
        self.date_format_edit.setText(profile.date_format)
        self.yes_edit.setText(", ".join(profile.yes_values))
        self.no_edit.setText(", ".join(profile.no_values))
        self.base_profile = profile
        self._show_step(1)

    def current_profile(self, name: str | None = None) -> lapor_import.Profile:
        base = getattr(self, "base_profile", None)
        columns = {f: c.currentData() for f, c in self.column_combos.items() if c.currentData()}

        def values(edit: QLineEdit) -> tuple[str, ...]:
            return tuple(v.strip() for v in edit.text().split(","))

        return lapor_import.Profile(
            name or (base.name if base else "wizard"),
            columns,
            date_format=self.date_format_edit.text().strip() or "%d/%m/%Y %H:%M",
            yes_values=tuple(v for v in values(self.yes_edit) if v),
            no_values=values(self.no_edit),
            encoding=base.encoding if base else None,
            delimiter=base.delimiter if base else None,
        )

    def _checked_profile(self, name: str | None = None) -> lapor_import.Profile | None:
        p = self.current_profile(name)
        try:  # the same checks as a profile file: every required field mapped, ...
            lapor_import.parse_profile(lapor_import.profile_toml(p), p.name)
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return None
        return p

    def save_profile(self) -> None:
        name = self.profile_name_edit.text().strip()
        p = self._checked_profile(name)
        if p is None:
            return
        ctx = self.ctx

        def saved(path: Path) -> None:
            self.refresh()
            self.profile_combo.setCurrentText(p.name)
            self.base_profile = p
            messages.info(self, self.tr("Profil '{0}' disimpan ({1}).").format(p.name, path))

        run_op(self, lambda: lapor_import.save_profile(ctx, p), saved, self._refused)

    def preview(self) -> None:
        """Step 2 → 3: a dry run with the mapping as it stands."""
        p = self._checked_profile()
        if p is None:
            return
        ctx, path = self.ctx, Path(self.file_edit.text().strip())
        self.profile = p
        run_op(
            self,
            lambda: lapor_import.import_file(ctx, path, p, dry_run=True),
            self._show_plan,
            self._refused,
        )

    def run_import(self) -> None:
        p = getattr(self, "profile", None)
        if p is None or self.plan is None or self.plan.done:
            return
        ctx, path = self.ctx, Path(self.file_edit.text().strip())
        self.import_button.setEnabled(False)
        run_op(
            self,
            lambda: lapor_import.import_file(ctx, path, p),
            self._imported,
            self._refused,
            on_finished=lambda: self.import_button.setEnabled(
                self.plan is not None and not self.plan.done
            ),
        )

    def _imported(self, plan: lapor_import.ImportPlan) -> None:
        self._show_plan(plan)
        self.imported.emit(plan)

    def _refused(self, exc: ServiceError) -> None:
        messages.warn(self, exc.message)

    def _show_plan(self, plan: lapor_import.ImportPlan) -> None:
        self.plan = plan
        s = plan.summary()
        head = self.tr("Impor selesai") if plan.done else self.tr("Uji coba (belum disimpan)")
        self.summary_label.setText(
            self.tr(
                "{0}: {1} laporan baru, {2} diperbarui, {3} tidak berubah, {4} baris "
                "bermasalah, {5} akun LAPOR! baru."
            ).format(head, s["new"], s["updated"], s["unchanged"], s["problems"], s["new_accounts"])
        )
        rows: list[tuple[int, str, str, str]] = [
            (x.line, x.tracking_id, "problem", x.reason) for x in plan.problems
        ]
        for r in plan.rows:
            notes = list(r.warnings)
            if r.kind == "update":
                notes.insert(0, f"{r.ticket}: {', '.join(r.changes)}")
            elif r.kind == "unchanged":
                notes.insert(0, r.ticket)
            if r.duplicates:
                notes.append(self.tr("mungkin duplikat: {0}").format(", ".join(r.duplicates)))
            rows.append((r.row.line, r.row.tracking_id, r.kind, "; ".join(notes)))
        rows.sort(key=lambda x: (x[2] != "problem", x[0]))
        t = self.preview_table
        t.setRowCount(len(rows))
        for i, (line, tracking, kind, note) in enumerate(rows):
            for col, text in enumerate((str(line), tracking, self.tr(RESULT_LABELS[kind]), note)):
                t.setItem(i, col, _item(text))
        t.resizeColumnsToContents()
        self.import_button.setEnabled(not plan.done)
        self._show_step(2)


# ---------------------------------------------------------------- update list


class LaporUpdatesPage(QWidget):
    """Perlu dimutakhirkan di LAPOR!: what to change in LAPOR!, the answer to copy, and
    marking entries done."""

    changed = Signal()

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[lapor_gateway.UpdateItem] = []
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Perlu dimutakhirkan di LAPOR!"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        lay.addWidget(title)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self.table = _table(
            [
                self.tr("Tiket"),
                self.tr("ID Tracking"),
                self.tr("Status di LAPOR!"),
                self.tr("Perubahan"),
                self.tr("Judul"),
            ],
            self.tr("Laporan yang perlu dimutakhirkan di LAPOR!"),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        lay.addWidget(self.table, 2)
        box = QGroupBox(self.tr("Jawaban yang disetujui (untuk disalin ke LAPOR!)"))
        bl = QVBoxLayout(box)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setReadOnly(True)
        self.answer_edit.setAccessibleName(self.tr("Jawaban untuk disalin"))
        bl.addWidget(self.answer_edit)
        lay.addWidget(box, 1)
        row = QHBoxLayout()
        self.copy_status_button = QPushButton(self.tr("Salin status"))
        self.copy_answer_button = QPushButton(self.tr("Salin jawaban"))
        self.mark_button = QPushButton(self.tr("Tandai sudah dimutakhirkan"))
        for b in (self.copy_status_button, self.copy_answer_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.mark_button)
        lay.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selected)
        self.copy_status_button.clicked.connect(self.copy_status)
        self.copy_answer_button.clicked.connect(self.copy_answer)
        self.mark_button.clicked.connect(self.mark_selected)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: lapor_gateway.pending(ctx), self._show, self._refused)

    def _refused(self, exc: ServiceError) -> None:
        messages.warn(self, exc.message)

    def _show(self, items: list[lapor_gateway.UpdateItem]) -> None:
        self.items = items
        t = self.table
        t.setRowCount(len(items))
        for i, it in enumerate(items):
            for col, text in enumerate((it.ticket, it.tracking_id, it.bucket, it.what, it.title)):
                t.setItem(i, col, _item(text))
        t.resizeColumnsToContents()
        self.count_label.setText(
            self.tr("{0} laporan perlu dimutakhirkan.").format(len(items))
            if items
            else self.tr("Semua laporan sudah mutakhir di LAPOR!.")
        )
        if items:
            t.selectRow(0)
        self._selected()

    def selected(self) -> list[lapor_gateway.UpdateItem]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.items[r] for r in rows if r < len(self.items)]

    def _selected(self) -> None:
        chosen = self.selected()
        current = chosen[0] if chosen else None
        self.answer_edit.setPlainText(current.answer if current else "")
        self.copy_answer_button.setEnabled(bool(current and current.answer))
        self.copy_status_button.setEnabled(current is not None)
        self.mark_button.setEnabled(bool(chosen))

    def copy_status(self) -> None:
        chosen = self.selected()
        if chosen:
            QGuiApplication.clipboard().setText(chosen[0].bucket)

    def copy_answer(self) -> None:
        chosen = self.selected()
        if chosen and chosen[0].answer:
            QGuiApplication.clipboard().setText(chosen[0].answer)

    def mark_selected(self) -> None:
        tickets = [i.ticket for i in self.selected()]
        if not tickets:
            return
        ctx = self.ctx

        def done(_r: Any) -> None:
            self.changed.emit()
            self.refresh()

        run_op(self, lambda: lapor_gateway.mark_entered(ctx, tickets), done, self._refused)


# ---------------------------------------------------------------- duplicates


class DuplicateDialog(QDialog):
    """Close a case as the duplicate of another: the suggestions to pick from, or a
    ticket typed in. The dialog performs the service call and stays open on a refusal."""

    marked = Signal(object)  # duplicates.DuplicateResult

    def __init__(self, ctx: Ctx, ticket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket = ticket
        ui = self.ui = Ui_DuplicateDialog()
        ui.setupUi(self)
        self.setWindowTitle(self.tr("Tandai {0} sebagai duplikat").format(ticket))
        self.suggestions, self.main_edit = ui.suggestions_list, ui.main_edit
        self.note_edit, self.error_label = ui.note_edit, ui.error_label
        self.error_label.setStyleSheet("color: #b00020;")
        self.ok_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tutup sebagai duplikat"))
        ui.buttons.accepted.connect(self.submit)
        ui.buttons.rejected.connect(self.reject)
        self.suggestions.currentItemChanged.connect(self._picked)
        run_op(self, lambda: duplicates.suggest_for_case(ctx, ticket), self._show_suggestions)

    def _show_suggestions(self, found: list[duplicates.Suggestion]) -> None:
        self.suggestions.clear()
        for s in found:
            it = QListWidgetItem(f"{s.ticket} — {s.title} ({', '.join(s.reasons)})")
            it.setData(Qt.ItemDataRole.UserRole, s.ticket)
            self.suggestions.addItem(it)
        if not found:
            self.suggestions.addItem(self.tr("Tidak ada laporan yang mirip; ketik tiketnya."))

    def _picked(self, item: QListWidgetItem | None) -> None:
        ticket = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if ticket:
            self.main_edit.setText(ticket)

    def submit(self) -> None:
        main = self.main_edit.text().strip()
        if not main:
            self.error_label.setText(self.tr("Pilih atau ketik tiket laporan utama."))
            return
        ctx, dup, note = self.ctx, self.ticket, self.note_edit.text()
        self.ok_button.setEnabled(False)

        def done(result: duplicates.DuplicateResult) -> None:
            self.marked.emit(result)
            self.accept()

        def refused(exc: ServiceError) -> None:
            self.error_label.setText(exc.message)

        run_op(
            self,
            lambda: duplicates.mark_duplicate(ctx, dup, main, note=note),
            done,
            refused,
            on_finished=lambda: self.ok_button.setEnabled(True),
        )

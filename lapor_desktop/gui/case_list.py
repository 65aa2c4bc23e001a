"""The case list page: debounced full-text search, a filter bar, a lazily paged table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS
from lapor_desktop.domain.sla import STATE_LABELS, ClockState
from lapor_desktop.domain.workflow import Status
from lapor_desktop.gui import case_model
from lapor_desktop.gui.case_model import CaseTableModel
from lapor_desktop.gui.date_field import DateField
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.widgets import (
    TitleColumn,
    add_items_later,
    add_offices_later,
    compact_combo,
)
from lapor_desktop.services import cases, reference
from lapor_desktop.services.context import Ctx

SEARCH_DELAY_MS = 300


class CaseTable(QTableView):
    """Enter opens the current case, like a double-click."""

    open_requested = Signal(str)
    open_pending = False  # Enter came while the list was reloading: open its first row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            model = self.model()
            if isinstance(model, CaseTableModel) and model.reloading:
                # Search, Enter, Enter: the second Enter is for the new results (the exact
                # ticket first), not for the row the old list had there.
                self.open_pending = True
                return
            if self.currentIndex().isValid():
                self._open(self.currentIndex().row())
                return
        super().keyPressEvent(event)

    def open_current_if_pending(self) -> None:
        if self.open_pending:
            self.open_pending = False
            if self.currentIndex().isValid():
                self._open(self.currentIndex().row())

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._open(index.row())
            return
        super().mouseDoubleClickEvent(event)

    def _open(self, row: int) -> None:
        model = self.model()
        ticket = model.ticket_at(row) if isinstance(model, CaseTableModel) else None
        if ticket:
            self.open_requested.emit(ticket)


def _combo(name: str, items: list[tuple[str, str | None]]) -> QComboBox:
    box = compact_combo(QComboBox(), 8)
    box.setAccessibleName(name)
    for text, value in items:
        box.addItem(text, value)
    return box


class CaseListPage(QWidget):
    open_case = Signal(str)

    def __init__(
        self,
        ctx: Ctx,
        preset: cases.CaseFilter | None = None,
        settings_key: str = "case_list",
        parent: QWidget | None = None,
        *,
        order: tuple[str, bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preset = preset or cases.CaseFilter()
        self.settings_key = settings_key
        self.model = CaseTableModel(ctx, self, runner=self._run_off_thread)
        self.model.loaded.connect(self._first_page_arrived)
        self._count_generation = 0
        self._ticket_sized = False
        lay = QVBoxLayout(self)

        top = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Cari nomor tiket, judul, isi, lokasi… (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(self.tr("Cari laporan"))
        self.search_edit.setClearButtonEnabled(True)
        top.addWidget(self.search_edit, 1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        self.reset_button = QPushButton(self.tr("Atur ulang filter"))
        top.addWidget(self.reset_button)
        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.export_button.setToolTip(
            self.tr("Simpan daftar sesuai saringan saat ini ke Excel (XLSX) atau CSV")
        )
        self.export_button.clicked.connect(self.ask_export)
        top.addWidget(self.export_button)
        lay.addLayout(top)

        grid = QGridLayout()
        all_ = self.tr("Semua")
        self.status_combo = _combo(
            self.tr("Status"), [(all_, None)] + [(s.label, s.value) for s in Status]
        )
        # The offices and categories are read off the UI thread, after the first page
        # (below); "Semua" is there at once.
        self.opd_combo = _combo(self.tr("OPD"), [(all_, None)])
        self.category_combo = _combo(self.tr("Kategori"), [(all_, None)])
        self.klasifikasi_combo = _combo(
            self.tr("Klasifikasi"), [(all_, None)] + [(v, k) for k, v in KLASIFIKASI_LABELS.items()]
        )
        self.channel_combo = _combo(
            self.tr("Saluran"), [(all_, None)] + [(v, k) for k, v in CHANNEL_LABELS.items()]
        )
        self.state_combo = _combo(
            self.tr("Status tenggat"),
            [(all_, None), (self.tr("Perlu perhatian"), "attention")]
            + [
                (STATE_LABELS[s], s.value)
                for s in (
                    ClockState.DUE_SOON,
                    ClockState.DUE_TODAY,
                    ClockState.OVERDUE,
                    ClockState.RUNNING,
                )
            ],
        )
        self.escalated_combo = _combo(
            self.tr("Eskalasi Ombudsman"),
            [(all_, None), (self.tr("Ya"), "yes"), (self.tr("Tidak"), "no")],
        )
        self.filter_combos = (
            self.status_combo,
            self.opd_combo,
            self.category_combo,
            self.klasifikasi_combo,
            self.channel_combo,
            self.state_combo,
            self.escalated_combo,
        )
        self.from_edit = self._date_edit(self.tr("Diterima dari tanggal"))
        self.to_edit = self._date_edit(self.tr("Diterima sampai tanggal"))
        filters: list[tuple[str, QWidget]] = [
            (self.tr("Status"), self.status_combo),
            (self.tr("OPD"), self.opd_combo),
            (self.tr("Kategori"), self.category_combo),
            (self.tr("Klasifikasi"), self.klasifikasi_combo),
            (self.tr("Saluran"), self.channel_combo),
            (self.tr("Tenggat"), self.state_combo),
            (self.tr("Eskalasi"), self.escalated_combo),
            (self.tr("Dari"), self.from_edit),
            (self.tr("Sampai"), self.to_edit),
        ]
        # Two rows of five: in one row the nine filters need ~1,070 logical px, more than a
        # 1080p screen at 200 % offers (tests/gui/test_scaling.py).
        per_row = 5
        for i, (text, widget) in enumerate(filters):
            label = QLabel(text)
            label.setBuddy(widget)
            row, col = 2 * (i // per_row), i % per_row
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row + 1, col)
        lay.addLayout(grid)

        self.table = CaseTable()
        # Sorting is set up before the model is attached: on an attached model, turning
        # sorting on and choosing the column each ask it to sort, three page queries that
        # the filter's own (below) makes obsolete. The model's default order is this one.
        self.table.setSortingEnabled(True)
        # A work list opens in its own order (services/worklists.py: the overdue first).
        key, descending = order or ("received_at", True)
        self.model.sort_key, self.model.descending = key, descending
        self.table.sortByColumn(
            case_model.column_of(key),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Daftar laporan"))
        header = self.table.horizontalHeader()
        # The title takes the room the other columns leave, never squeezed to "…" below
        # ~28 characters: a narrow window (200 %) scrolls sideways instead.
        self.title_column = TitleColumn(self.table, case_model.COL_TITLE)
        header.setSortIndicatorShown(True)
        self.table.open_requested.connect(self.open_case)
        lay.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._debounce.start)
        # From the search box straight to the results: Enter searches now, Enter or Down
        # moves to the list (where Enter opens the case) — no tabbing through the filters.
        self.search_edit.returnPressed.connect(self._search_now)
        to_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_edit)
        to_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        to_results.activated.connect(self._focus_results)
        for box in self.filter_combos:
            box.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.from_edit, self.to_edit):
            edit.edited.connect(self._date_edited)
        self.reset_button.clicked.connect(self.reset_filters)
        self._restore_layout()
        self.apply_filter()
        add_offices_later(self.opd_combo, ctx, self, opd_only=True)
        add_items_later(
            self.category_combo,
            lambda: [(c.name, c.code) for c in reference.list_categories(ctx)],
            self,
        )

    def _date_edit(self, name: str) -> DateField:
        """Typed as ddmmyyyy (empty: no bound); F4 opens a calendar on today."""
        edit = DateField()
        edit.today = lambda: self.ctx.clock.now().date()
        edit.setAccessibleName(name)
        return edit

    @staticmethod
    def _date_of(edit: DateField) -> date | None:
        return edit.date()

    def _date_edited(self) -> None:
        """A date filter applies once the typed date is whole (or emptied), not on each
        digit."""
        if (self.from_edit.date(), self.to_edit.date()) != self._dates_applied:
            self.apply_filter()

    def current_filter(self) -> cases.CaseFilter:
        status = self.status_combo.currentData()
        escalated = self.escalated_combo.currentData()
        return cases.CaseFilter(
            text=self.search_edit.text(),
            statuses=(status,) if status else self.preset.statuses,
            opd=self.opd_combo.currentData() or self.preset.opd,
            category=self.category_combo.currentData(),
            klasifikasi=self.klasifikasi_combo.currentData(),
            channel=self.channel_combo.currentData(),
            received_from=self._date_of(self.from_edit),
            received_to=self._date_of(self.to_edit),
            clock_state=self.state_combo.currentData() or self.preset.clock_state,
            escalated=None if escalated is None else escalated == "yes",
        )

    def ask_export(self) -> None:
        from lapor_desktop.gui import file_dialogs

        path = file_dialogs.save_file(
            self,
            self.tr("Ekspor daftar laporan"),
            f"laporan-{self.ctx.clock.now():%Y%m%d}.xlsx",
            self.tr("Excel (*.xlsx);;CSV UTF-8 (*.csv)"),
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """The list as filtered and sorted now, to `path` (.xlsx or .csv), off-thread."""
        from lapor_desktop.gui import messages
        from lapor_desktop.services import exports

        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        ctx, f = self.ctx, self.current_filter()
        sort, descending = self.model.sort_key, self.model.descending
        self.export_button.setEnabled(False)
        run_op(
            self,
            lambda: exports.export_cases(ctx, f, path, sort=sort, descending=descending),
            lambda r: messages.info(
                self, self.tr("{0} laporan diekspor ke {1}.").format(r.rows, r.path)
            ),
            lambda exc: messages.warn(self, exc.message),
            on_finished=lambda: self.export_button.setEnabled(True),
        )

    def _run_off_thread(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        run_op(self, fn, done)

    def apply_filter(self) -> None:
        self._debounce.stop()
        f = self.current_filter()
        self._dates_applied = (f.received_from, f.received_to)
        self.model.set_filter(f)
        # The count is a separate, slower query: shown when it arrives, never waited for.
        self._count_generation += 1
        generation, ctx = self._count_generation, self.ctx
        self.count_label.setText(self.tr("menghitung…"))
        run_op(self, lambda: cases.count_cases(ctx, f), lambda n: self._show_count(generation, n))

    def _search_now(self) -> None:
        if self._debounce.isActive():
            self.apply_filter()
        self._focus_results()

    def _focus_results(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self, generation: int, total: int) -> None:
        if generation == self._count_generation:
            self.count_label.setText(self.tr("{0} laporan").format(total))

    def _first_page_arrived(self) -> None:
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            if not self._ticket_sized:
                self._ticket_sized = True
                self.fit_ticket_column()
                self.fit_columns()
        self.table.open_current_if_pending()

    def fit_ticket_column(self) -> None:
        """The full ticket ("2611-DEMO-00025") always shows: widened to its contents once
        the first rows are there (whatever font, scaling or remembered layout); a column
        the user made wider stays as it is."""
        col = case_model.COL_TICKET
        header = self.table.horizontalHeader()
        needed = max(self.table.sizeHintForColumn(col), header.sectionSizeHint(col))
        if header.sectionSize(col) < needed:
            header.resizeSection(col, needed)

    def fit_columns(self) -> None:
        """Statuses ("Menunggu persetujuan · Ombudsman"), names and OPD codes in full at any
        scaling: each column widened to its first page's contents (never narrowed: a width
        the user chose stays); the title takes the rest and shows in full as a tooltip."""
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):
            if col == case_model.COL_TITLE:
                continue
            needed = max(self.table.sizeHintForColumn(col), header.sectionSizeHint(col))
            if header.sectionSize(col) < needed:
                header.resizeSection(col, needed)
        self.title_column.fit()

    def refresh(self) -> None:
        self.apply_filter()

    def reset_filters(self) -> None:
        for box in self.filter_combos:
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def _restore_layout(self) -> None:
        state = QSettings().value(f"{self.settings_key}/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
            return
        fm = self.table.fontMetrics()
        widths = {
            case_model.COL_TICKET: "2611-DEMO-00000 WW",
            case_model.COL_RECEIVED: "00-00-00000",
            case_model.COL_REPORTER: "Nama Pelapor",
            case_model.COL_STATUS: "Terverifikasi",
            case_model.COL_OPD: "DISDUKCAPIL",
            case_model.COL_DUE: "00-00-00000",
            case_model.COL_STATE: "Jatuh tempo hari ini",
        }
        for col, sample in widths.items():
            self.table.setColumnWidth(col, fm.horizontalAdvance(sample) + 12)

    def save_layout(self) -> None:
        QSettings().setValue(
            f"{self.settings_key}/header", self.table.horizontalHeader().saveState()
        )

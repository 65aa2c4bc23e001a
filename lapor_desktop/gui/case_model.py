"""The case list model: pages fetched lazily from the services (keyset cursor), sorted and
filtered in SQL. Never loads all rows; no proxy model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from lapor_desktop.domain.workflow import Status
from lapor_desktop.gui import fmt
from lapor_desktop.gui.row_model import (
    ACCESSIBLE_ROLE,
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    ROW_ROLE,
    TOOLTIP_ROLE,
    Index,
    ReadOnlyRowsModel,
)
from lapor_desktop.services import cases
from lapor_desktop.services.context import Ctx

PAGE = 100

COL_TICKET, COL_RECEIVED, COL_TITLE, COL_REPORTER, COL_STATUS, COL_OPD, COL_DUE, COL_STATE = range(
    8
)
COLUMN_COUNT = 8
# Column -> services sort key; columns without one sort by the closest stored key.
SORT_KEYS = {
    COL_TICKET: "ticket",
    COL_RECEIVED: "received_at",
    COL_TITLE: "title",
    COL_STATUS: "status",
    COL_OPD: "opd",
    COL_DUE: "due_date",
    COL_STATE: "due_date",
}


def column_of(sort_key: str) -> int:
    """The column that sorts by `sort_key` (a services sort key)."""
    return next(col for col, key in SORT_KEYS.items() if key == sort_key)


TICKET_ROLE = ROW_ROLE
# What data() answers; Qt asks for ~10 more roles a cell (font, size hint, check state…),
# answered at once (sizing the columns to the first page asks ~8,000 times).
_ROLES = frozenset((DISPLAY_ROLE, ACCESSIBLE_ROLE, FOREGROUND_ROLE, TICKET_ROLE, TOOLTIP_ROLE))

# Rows are held as exact tuples (the fields of cases.CaseRow, by position): Python's cyclic
# GC untracks a plain tuple of plain values, so 100k loaded rows add nothing to its full
# collections — held as CaseRow objects they made those take 60–700 ms while scrolling.
_F = {name: i for i, name in enumerate(cases.CaseRow._fields)}
_TICKET, _TITLE, _STATUS, _OPD = _F["ticket"], _F["title"], _F["status"], _F["opd"]
_RECEIVED, _DUE_DATE, _DUE_STATE = _F["received_at"], _F["due_date"], _F["due_state"]
_ESCALATED, _REPORTER = _F["escalated"], _F["reporter_name"]


# runner(fn, on_done): runs fn off the UI thread and calls on_done(result) on it.
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class CaseTableModel(ReadOnlyRowsModel):
    """With a `runner`, pages load off the UI thread (the list stays usable while a slow
    query runs); without one, synchronously (tests, benchmarks of the query alone)."""

    loaded = Signal()  # the first page after a reload has arrived

    def __init__(self, ctx: Ctx, parent: Any = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.filter = cases.CaseFilter()
        self.sort_key = "received_at"
        self.descending = True
        self.rows: list[tuple[Any, ...]] = []  # see _F
        self._cursor: tuple[Any, int] | None = None
        self._more = False
        self._loading = False
        self._generation = 0  # results of an older filter/sort are dropped
        self._cursor_generation = 0  # the generation the rows shown belong to
        self.headers = (
            self.tr("Nomor tiket"),
            self.tr("Diterima"),
            self.tr("Judul"),
            self.tr("Pelapor"),
            self.tr("Status"),
            self.tr("OPD"),
            self.tr("Tenggat"),
            self.tr("Status tenggat"),
        )
        self._brushes: dict[str, QBrush] = {}
        for state in fmt.STATE_COLORS:
            color = fmt.state_color(state)
            if color is not None:
                self._brushes[state] = QBrush(color)

    # ------------------------------------------------------------ loading

    def _page_query(self, after: tuple[Any, int] | None) -> Callable[[], cases.CasePage]:
        ctx, f, key, desc = self.ctx, replace(self.filter), self.sort_key, self.descending
        return lambda: cases.list_cases(ctx, f, sort=key, descending=desc, after=after, limit=PAGE)

    def _run(
        self, fn: Callable[[], cases.CasePage], done: Callable[[cases.CasePage], None]
    ) -> None:
        if self.runner is None:
            done(fn())
        else:
            self.runner(fn, done)

    def set_filter(self, f: cases.CaseFilter) -> None:
        self.filter = replace(f)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._loading = True

        def done(page: cases.CasePage) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self.rows = [tuple(r) for r in page.rows]
            self._cursor = page.next_cursor
            self._more = page.next_cursor is not None
            self._loading = False
            self._cursor_generation = generation
            self.endResetModel()
            self.loaded.emit()

        self._run(self._page_query(None), done)

    @property
    def reloading(self) -> bool:
        """A new filter or order was asked for and its first page has not arrived yet
        (the rows shown are the old ones)."""
        return self._loading and self._cursor_generation != self._generation

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._loading:
            return
        self._loading = True
        generation = self._generation

        def done(page: cases.CasePage) -> None:
            if generation != self._generation:
                return
            self._cursor = page.next_cursor
            self._more = page.next_cursor is not None
            self._loading = False
            if page.rows:
                first = len(self.rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self.rows.extend(tuple(r) for r in page.rows)
                self.endInsertRows()

        self._run(self._page_query(self._cursor), done)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ------------------------------------------------------------ model API

    def data(self, index: Index, role: int = 0) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (DISPLAY_ROLE, ACCESSIBLE_ROLE):
            return self._text(row, col)
        if role == FOREGROUND_ROLE and col in (COL_STATE, COL_DUE):
            return self._brushes.get(row[_DUE_STATE] or "")
        if role == TICKET_ROLE:
            return row[_TICKET]
        if role == TOOLTIP_ROLE and col == COL_TITLE:
            return row[_TITLE]
        return None

    def _text(self, row: tuple[Any, ...], col: int) -> str:
        if col == COL_TICKET:
            return str(row[_TICKET])
        if col == COL_RECEIVED:
            return fmt.short_date(row[_RECEIVED])
        if col == COL_TITLE:
            return str(row[_TITLE])
        if col == COL_REPORTER:
            return str(row[_REPORTER])
        if col == COL_STATUS:
            label = Status(row[_STATUS]).label
            return label + (self.tr(" · Ombudsman") if row[_ESCALATED] else "")
        if col == COL_OPD:
            return str(row[_OPD] or "")
        if col == COL_DUE:
            return fmt.short_date(row[_DUE_DATE])
        if col == COL_STATE:
            return fmt.state_label(row[_DUE_STATE])
        return ""

    def case_row(self, row: int) -> cases.CaseRow | None:
        """Row `row` as the services' CaseRow."""
        return cases.CaseRow._make(self.rows[row]) if 0 <= row < len(self.rows) else None

    def ticket_at(self, row: int) -> str | None:
        return str(self.rows[row][_TICKET]) if 0 <= row < len(self.rows) else None

"""A small read-only table model over a list of plain rows (COL_* by column functions);
for short lists (work list, users, offices). Big lists use CaseTableModel instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

# Roles as plain ints: comparing enums in data() doubles repaint time (DESIGN §6).
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
ACCESSIBLE_ROLE = int(Qt.ItemDataRole.AccessibleTextRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)  # the whole text where a narrow column cuts it
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_ROLE = int(Qt.ItemDataRole.UserRole)
_ROLES = frozenset((DISPLAY_ROLE, ACCESSIBLE_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, _ALIGN, ROW_ROLE))

Index = QModelIndex | QPersistentModelIndex


class Column:
    def __init__(
        self,
        title: str,
        text: Callable[[Any], str],
        color: Callable[[Any], str | None] | None = None,
        align: Qt.AlignmentFlag | None = None,  # e.g. NUMBER for counts
    ) -> None:
        self.title = title
        self.text = text
        self.color = color
        self.align = align


class ReadOnlyRowsModel(QAbstractTableModel):
    """What every read-only list model here shares: rows in `self.rows`, selectable cells."""

    rows: list[Any]
    headers: tuple[str, ...]  # the column titles, one a column

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and int(role) == DISPLAY_ROLE
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class RowTableModel(ReadOnlyRowsModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.headers = tuple(c.title for c in self.columns)
        self.rows: list[Any] = []
        self._brushes: dict[str, QBrush] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = 0) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (DISPLAY_ROLE, ACCESSIBLE_ROLE, TOOLTIP_ROLE):
            return col.text(row)
        if role == FOREGROUND_ROLE and col.color is not None:
            color = col.color(row)
            if color:
                brush = self._brushes.get(color)
                if brush is None:
                    from PySide6.QtGui import QColor

                    brush = self._brushes[color] = QBrush(QColor(color))
                return brush
            return None
        if role == _ALIGN and col.align is not None:
            return int(col.align.value)
        if role == ROW_ROLE:
            return row
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

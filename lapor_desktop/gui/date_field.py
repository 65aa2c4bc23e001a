"""A date typed as digits: `01122026` is 1 Desember 2026. Empty is allowed (no date);
Ctrl+A selects, Tab leaves, Esc puts back the date the field had when it was entered and
leaves; F4 or Alt+Down opens a calendar on the field's date, or on today when empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MASK = "00-00-0000;_"  # digits only; the dashes are skipped while typing
EMPTY = "--"  # what the masked line says when nothing is typed


def parse(text: str) -> date | None:
    """'01-12-2026' -> date(2026, 12, 1); empty -> None; raises ValueError otherwise."""
    digits = "".join(c for c in text if c.isdigit())
    if not digits:
        return None
    if len(digits) != 8:
        raise ValueError(text)
    return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))


class DateField(QWidget):
    """`date()` is the typed date (None when empty); `is_valid()` is False while the text
    is not a date (the form says so beside the field). `edited` fires on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: Callable[[], dt.date] = dt.date.today  # the GUI's clock; tests set their own
        self._on_entry = ""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setObjectName("date_line")
        self.line.setInputMask(MASK)
        self.line.setPlaceholderText("hh-bb-tttt")
        self.line.setToolTip(
            self.tr("Ketik tanggal sebagai hhbbtttt, mis. 01122026; kosongkan bila tidak ada.")
        )
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        lay.addWidget(self.line, 1)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("calendar_button")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Kalender (F4)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        lay.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.installEventFilter(self)
        self.popup: QDialog | None = None

    # ------------------------------------------------------------ value

    def date(self) -> dt.date | None:
        """The date typed (None: empty or not a date — see `is_valid`)."""
        try:
            return parse(self.line.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        try:
            parse(self.line.text())
        except ValueError:
            return False
        return True

    def set_date(self, value: dt.date | None) -> None:
        self.line.setText("" if value is None else value.strftime("%d%m%Y"))
        self.edited.emit()

    def clear(self) -> None:
        self.set_date(None)

    def text(self) -> str:
        return "" if self.line.text() == EMPTY else self.line.text()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line:
            if event.type() == QEvent.Type.FocusIn:
                self._on_entry = self.line.text()
                # An empty masked line puts the cursor where the first digit goes.
                if self.text() == "":
                    self.line.setCursorPosition(0)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        if key == Qt.Key.Key_Escape:
            if self.line.text() != self._on_entry:
                self.line.setText(self._on_entry)
                self.edited.emit()
            if isinstance(self.window(), QDialog):
                return False  # the dialog's Esc (Batal) still works
            self.focusNextChild()
            return True
        return False

    # ------------------------------------------------------------ calendar

    def open_calendar(self) -> None:
        """A calendar on the field's date or today; Enter or a click takes the day, Esc
        leaves the field as it was."""
        popup = QDialog(self, Qt.WindowType.Popup)
        popup.setObjectName("date_popup")
        lay = QVBoxLayout(popup)
        lay.setContentsMargins(0, 0, 0, 0)
        cal = QCalendarWidget(popup)
        cal.setObjectName("date_calendar")
        cal.setGridVisible(True)
        d = self.date() or self.today()
        cal.setSelectedDate(QDate(d.year, d.month, d.day))
        lay.addWidget(cal)

        def take(q: QDate) -> None:
            self.set_date(date(q.year(), q.month(), q.day()))
            popup.accept()

        cal.activated.connect(take)
        cal.clicked.connect(take)
        popup.finished.connect(lambda _r: self.line.setFocus())
        self.popup = popup
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        cal.setFocus()

"""Validation messages beside their fields: all at once, the cursor on the first faulty
field, each message gone as soon as its field is edited. Every message label keeps one
line's height whether it says something or not, so showing errors never moves a field."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from lapor_desktop.gui.date_field import DateField

ERROR_STYLE = "color: #b71c1c;"


def reserve(label: QLabel) -> QLabel:
    """A one-line message label that takes its height even when empty (a long message is
    cut at the field's width and shown whole as its tooltip)."""
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setFixedHeight(label.fontMetrics().lineSpacing() + 2)
    label.setText("")
    label.show()
    return label


def reveal(*widgets: QWidget) -> None:
    """Scroll the form that holds `widgets` (when it is in a scroll area) so they show —
    focusing a field does not scroll to it."""
    parent = widgets[0].parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        for w in reversed(widgets):
            parent.ensureWidgetVisible(w)


class FieldErrors(QObject):
    """`add(widget, label)` once per field; `show({widget: message})` after a refused save;
    `clear()` for a new form."""

    def __init__(self, general: QLabel | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.general = general
        self.labels: dict[QWidget, QLabel] = {}

    def add(self, widget: QWidget, label: QLabel) -> QLabel:
        self.labels[widget] = reserve(label)
        self.clear_on_edit(widget)
        return label

    def clear_on_edit(self, widget: QWidget) -> None:
        """The field's message goes when the user changes the field."""

        def gone(*_a: object) -> None:
            self.set(widget, "")

        if isinstance(widget, DateField):
            widget.edited.connect(gone)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(gone)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(gone)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(gone)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(gone)
        elif isinstance(widget, QListWidget):
            widget.model().rowsInserted.connect(gone)

    def set(self, widget: QWidget, text: str) -> None:
        label = self.labels.get(widget)
        if label is None:
            self.set_general(text)
            return
        label.setText(text)
        label.setToolTip(text)

    def set_general(self, text: str) -> None:
        if self.general is not None:
            self.general.setText(text)
            self.general.setVisible(bool(text))

    def show(self, errors: dict[QWidget, str], general: str = "") -> None:
        """Every message at once (others cleared); the cursor goes to the first faulty
        field in the order the fields were added."""
        self.clear()
        for widget, text in errors.items():
            self.set(widget, text)
        if general:
            self.set_general(general)
        first = next((w for w in self.labels if w in errors), None)
        if first is not None:
            first.setFocus()
            reveal(first, self.labels[first])

    def message(self, widget: QWidget) -> str:
        label = self.labels.get(widget)
        return label.text() if label is not None else ""

    def clear(self) -> None:
        for label in self.labels.values():
            label.setText("")
            label.setToolTip("")
        self.set_general("")

"""Validation messages beside their fields (issue 14).

Every message of one check is shown at once, each in the label under its field; the label
keeps its height when empty, so a message never squashes or moves the form; the focus goes
to the first faulty field (in the order the fields were added, which is the Tab order);
a message goes as soon as its field is edited.

    self.errors = FieldErrors(self.ui.general_error)
    self.errors.add(self.ui.password_edit, self.ui.password_error, "password")
    ...
    problems = {}
    if len(pw) < 8:
        problems[self.ui.password_edit] = "Kata sandi minimal 8 karakter."
    if self.errors.show(problems):   # True: something is wrong, nothing is sent
        return
    ...
    except ServiceError as exc:
        self.errors.show_error(exc)  # a ValidationError lands beside its `field`

A key is a field widget or a service field name (`ValidationError.field`); "" (or an
unknown name) is the general label under the form. A message longer than its field is cut
at the field's width and shown whole as the label's tooltip: the label never grows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from lapor_desktop.gui.date_field import DateField
from lapor_desktop.services.errors import ServiceError, ValidationError

ERROR_STYLE = "color: #b71c1c;"

Key = QWidget | str
# Keys are Key values; Mapping is invariant in its key type, so dicts keyed by a widget
# subclass (QLineEdit…) would not type-check as Mapping[Key, str].
Errors = Mapping[Any, str]


def reserve(label: QLabel, lines: int = 1) -> QLabel:
    """An error label that takes its room (`lines` lines) whether or not it says something,
    and never more: showing or clearing a message never moves a field."""
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(lines > 1)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.clear()
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


def fit_width(area: QScrollArea) -> QScrollArea:
    """A form in a scroll area scrolls up and down, never sideways: the area is at least as
    wide as the form it holds (plus room for the vertical scroll bar)."""
    inner = area.widget()
    if inner is not None:
        bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(inner.minimumSizeHint().width() + bar)
    return area


class FieldErrors:
    def __init__(self, general: QLabel | None = None, general_lines: int = 2) -> None:
        self.general = reserve(general, general_lines) if general is not None else None
        self.fields: list[QWidget] = []
        self.by_field: dict[QWidget, QLabel] = {}
        self.labels: dict[str, QLabel] = {}  # by the service's field name
        self.names: dict[str, QWidget] = {}

    def add(self, field: QWidget, label: QLabel, *names: str) -> QLabel:
        """`field`'s messages go to `label`; `names` are the service's names for it."""
        self.fields.append(field)
        self.by_field[field] = reserve(label)
        for name in names:
            self.names[name] = field
            self.labels[name] = label
        self.clear_on_edit(field)
        return label

    def clear_on_edit(self, field: QWidget) -> None:
        """The field's message goes when the field changes (typed, picked, ticked)."""

        def drop(*_args: object) -> None:
            self.set(field, "")

        if isinstance(field, DateField):
            field.edited.connect(drop)
        elif isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit):
            field.textChanged.connect(drop)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(drop)
            field.editTextChanged.connect(drop)
        elif isinstance(field, QDateTimeEdit):
            field.dateTimeChanged.connect(drop)
        elif isinstance(field, QAbstractSpinBox):
            value_changed = getattr(field, "valueChanged", None)  # QSpinBox, QDoubleSpinBox
            if value_changed is not None:
                value_changed.connect(drop)
        elif isinstance(field, QAbstractButton):
            field.toggled.connect(drop)
            field.clicked.connect(drop)
        elif isinstance(field, QListWidget):
            field.model().rowsInserted.connect(drop)

    def label_of(self, key: Key) -> QLabel | None:
        field = self.names.get(key) if isinstance(key, str) else key
        if field is not None and field in self.by_field:
            return self.by_field[field]
        return self.general

    def clear(self) -> None:
        for label in (*self.by_field.values(), self.general):
            if label is not None:
                label.clear()
                label.setToolTip("")

    def set(self, key: Key, text: str) -> None:
        """One message (or none: "") without touching the others or the focus."""
        label = self.label_of(key)
        if label is not None:
            label.setText(text)
            label.setToolTip(text)

    def set_general(self, text: str) -> None:
        self.set("", text)

    def show(self, errors: Errors, general: str = "") -> bool:
        """Replace every message by `errors` (all shown at once; `general` under the form)
        and put the focus on the first faulty field, scrolled into view. True when there
        was something to show."""
        self.clear()
        items = [*errors.items(), *([("", general)] if general else [])]
        for key, text in items:
            label = self.label_of(key)
            if label is not None:
                self.set(key, f"{label.text()}\n{text}" if label.text() else text)
        faulty = {self.names.get(k) if isinstance(k, str) else k for k in errors}
        for field in self.fields:
            if field in faulty and field.isEnabled() and not field.isHidden():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(field, QLineEdit):
                    field.selectAll()
                reveal(field, self.by_field[field])
                break
        return bool(items)

    def show_error(self, exc: ServiceError) -> None:
        """A service's refusal: beside its field when it names one, else under the form."""
        field = exc.field if isinstance(exc, ValidationError) else ""
        self.show({field or "": exc.message})

    def text(self, key: Key) -> str:
        label = self.label_of(key)
        return label.text() if label is not None else ""

"""Small shared widgets: field error labels, labelled inputs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.services.errors import ServiceError, ValidationError

ERROR_STYLE = "color: #b71c1c;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class FieldErrors:
    """A message label under each field; a ValidationError lands next to its `field`."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, QLabel] = {}

    def add_row(self, form: QFormLayout, label: str, widget: QWidget, *names: str) -> QLabel:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = error_label()
        lay.addWidget(err)
        form.addRow(label, box)
        widget.setAccessibleName(label.replace("&", "").rstrip(": *"))
        for n in names:
            self.labels[n] = err
        return err

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            label.clear()
            label.hide()

    def set(self, field: str, text: str) -> None:
        label = self.labels.get(field, self.general)
        label.setText(text)
        label.show()

    def show(self, exc: ServiceError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else ""
        self.set(field, exc.message)

    def text(self, field: str) -> str:
        label = self.labels.get(field, self.general)
        return label.text() if label.isVisible() or label.text() else ""


def compact_combo(box: QComboBox, chars: int = 24) -> QComboBox:
    """Long entries (office names) must not widen the window — on a small screen at 200 %
    a page has about 700 logical pixels; the popup still shows them in full."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


def translate_buttons(buttons: QDialogButtonBox) -> QDialogButtonBox:
    """Indonesian texts on standard buttons (Qt ships no Indonesian translation)."""
    t = QCoreApplication.translate
    for which, text in (
        (QDialogButtonBox.StandardButton.Cancel, t("widgets", "Batal")),
        (QDialogButtonBox.StandardButton.Ok, t("widgets", "OK")),
    ):
        button = buttons.button(which)
        if button is not None:
            button.setText(text)
    return buttons

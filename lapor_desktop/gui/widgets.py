"""Small shared widgets: field error labels, labelled inputs, completers and a status bar
whose texts are never cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStatusBar,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.services.errors import ServiceError, ValidationError

if TYPE_CHECKING:
    from lapor_desktop.services.context import Ctx

ERROR_STYLE = "color: #b71c1c;"


def list_table(view: QTableView, model: QAbstractItemModel, stretch: int) -> QTableView:
    """`view` showing `model`; column `stretch` takes the width the others leave."""
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def add_items_later(
    combo: QComboBox, read: Callable[[], Sequence[tuple[str, Any]]], parent: QWidget
) -> None:
    """Append the (text, data) items `read` finds, read off the UI thread (gui/ops.py),
    when they arrive: what the combo holds already (e.g. "Semua") stays chosen, and adding
    after it changes no choice (no currentIndexChanged)."""
    from lapor_desktop.gui.ops import run_op

    def add(items: Sequence[tuple[str, Any]]) -> None:
        for text, data in items:
            combo.addItem(text, data)

    run_op(parent, lambda: list(read()), add)


def add_offices_later(combo: QComboBox, ctx: Ctx, parent: QWidget, *, opd_only: bool) -> None:
    """The active offices as "CODE — Name" items (only the OPDs with `opd_only`), added
    by add_items_later."""
    from lapor_desktop.services import reference

    add_items_later(
        combo,
        lambda: [
            (f"{o.code} — {o.name}", o.code)
            for o in reference.list_offices(ctx)
            if o.kind == "opd" or not opd_only
        ],
        parent,
    )


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
    """Indonesian texts on a dialog's OK and Cancel. The app translates all of Qt's
    standard texts (gui/i18n, installed by make_application); this keeps a dialog right
    where that is not installed (a dialog made on its own, in a test)."""
    t = QCoreApplication.translate
    for which, text in (
        (QDialogButtonBox.StandardButton.Cancel, t("widgets", "Batal")),
        (QDialogButtonBox.StandardButton.Ok, t("widgets", "OK")),
    ):
        button = buttons.button(which)
        if button is not None:
            button.setText(text)
    return buttons


def completer_fits_contents(completer: QCompleter) -> QCompleter:
    """The completer's list as wide as its longest entry (an office's full name), not cut
    at the width of the field it completes; never wider than the screen."""
    popup = completer.popup()
    model = completer.model()
    assert popup is not None and model is not None
    metrics = popup.fontMetrics()
    texts = (str(model.index(row, 0).data() or "") for row in range(model.rowCount()))
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    style = popup.style()
    extra = (
        2 * popup.frameWidth()
        + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        + 4 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        + 8
    )
    screen = popup.screen() or QGuiApplication.primaryScreen()
    limit = screen.availableGeometry().width() if screen is not None else widest + extra
    popup.setMinimumWidth(min(widest + extra, limit))
    return completer


class StatusBarFit(QObject):
    """Keeps the status bar's texts whole: when a message (a reminder, say) and the
    permanent labels do not all fit — a narrow window, 150 or 200 % — the least important
    labels step aside (listed in the bar's tooltip) until the message is gone or the window
    is wider. `labels` are the permanent ones, most important first."""

    MESSAGE_MARGIN = 20  # QStatusBar draws a message from x=6 to the first label, less 1
    LABEL_SPACING = 12
    GRIP = 20

    def __init__(self, bar: QStatusBar, labels: list[QLabel]) -> None:
        super().__init__(bar)
        self.bar = bar
        self.labels = labels
        self.hidden: list[QLabel] = []
        bar.installEventFilter(self)
        bar.messageChanged.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        bar = self.bar
        message = bar.currentMessage()
        room = bar.width() - (self.GRIP if bar.isSizeGripEnabled() else 0)
        used = bar.fontMetrics().horizontalAdvance(message) + self.MESSAGE_MARGIN if message else 0
        shown: list[QLabel] = []
        for label in self.labels:
            need = label.sizeHint().width() + self.LABEL_SPACING
            if shown and used + need > room:  # the first (the user) always stays
                break  # this one and the less important ones after it step aside
            shown.append(label)
            used += need
        self.hidden = [label for label in self.labels if label not in shown]
        for label in self.labels:
            label.setVisible(label in shown)
        bar.setToolTip("\n".join(label.text() for label in self.hidden))


class TitleColumn(QObject):
    """A table's title column takes the room the other columns leave, but never less than
    `chars` characters: in a narrow window (200 %) the table scrolls sideways instead of
    squeezing the titles to "…" (the whole title is in the cell's tooltip). Call `fit`
    after resizing the other columns to their contents."""

    def __init__(self, table: QTableView, column: int, chars: int = 28) -> None:
        super().__init__(table)
        self.table = table
        self.column = column
        self.chars = chars
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        floor = self.table.fontMetrics().averageCharWidth() * self.chars
        room = self.table.viewport().width() - others
        header.resizeSection(self.column, max(floor, room))

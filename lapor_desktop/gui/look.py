"""The app-wide look of the keyboard: a clear focus ring and Enter on buttons.

`FocusStyle` wraps the platform's style (Fusion, Windows, …) for the controls that take the
keyboard (buttons, fields, combo boxes, spin boxes, check boxes, text boxes) and changes
two things only:
- the control with the keyboard focus (button, field, check box, text box, …) gets a
  2-pixel ring in FOCUS_COLOR, so after a save a person sees where the focus went;
- Enter (Return) presses a focused push button everywhere, as it does in dialogs (Qt only
  does that in dialogs): buttons outside dialogs are made auto-default when polished.
  Which button is a dialog's *default* (Enter anywhere in it) stays the dialog's choice.
Sizes are the platform style's. Tables, lists and everything else keep the platform style
itself: a style written in Python is called for every cell painted (a case list repainted
~70 % slower when it was the application's style). `install` attaches it to each control
as it is polished (an application event filter; ~40 events per full repaint).

A dialog is also made at least as wide as its title needs in the title bar (with the icon
and the close button), so the title is never cut off ("Frasa sandi basis data" over a
two-line dialog). QMessageBox does that itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
    QTextEdit,
    QWidget,
)

FOCUS_COLOR = "#1565c0"  # the application icon's blue; 5.8:1 against white
RING_WIDTH = 2.0

_PE = QStyle.PrimitiveElement
_CE = QStyle.ControlElement
_CC = QStyle.ComplexControl
# Frames that get the ring around the whole widget when it has the focus.
_FIELD_FRAMES = (_PE.PE_FrameLineEdit, _PE.PE_PanelLineEdit)
_RINGED_CONTROLS = (_CC.CC_ComboBox, _CC.CC_SpinBox)


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus) and bool(
        option.state & QStyle.StateFlag.State_Enabled
    )


def draw_ring(painter: QPainter, option: QStyleOption) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(FOCUS_COLOR), RING_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


class FocusStyle(QProxyStyle):
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == _CE.CE_PushButton and _has_focus(option):
            draw_ring(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: Any,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_CONTROLS and _has_focus(option):
            draw_ring(painter, option)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _PE.PE_FrameFocusRect and not isinstance(widget, QAbstractItemView):
            # check boxes, radio buttons, tool buttons: the ring instead of a dotted line
            draw_ring(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)
        field = element in _FIELD_FRAMES and _has_focus(option) and not _inside_control(widget)
        box = (
            element == _PE.PE_Frame
            and isinstance(widget, QAbstractScrollArea)  # text boxes
            and widget.hasFocus()
            and widget.isEnabled()
        )
        if field or box:
            draw_ring(painter, option)

    def polish(self, target: Any) -> Any:
        if isinstance(target, QPushButton) and not isinstance(target.window(), QDialog):
            target.setAutoDefault(True)  # Enter presses it (QPushButton.keyPressEvent)
        return super().polish(target)


# The controls that take the keyboard get FocusStyle (item views do not: see above).
_CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


class LookAttacher(QObject):
    """Gives each control FocusStyle when it is polished, and each dialog room for its
    title. One per application (`install`)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.style = FocusStyle(app.style().name())
        self.style.setParent(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QWidget):
            if isinstance(watched, _CONTROLS) and watched.style() is self.app.style():
                watched.setStyle(self.style)
            elif isinstance(watched, QDialog) and not isinstance(watched, QMessageBox):
                watched.setMinimumWidth(max(watched.minimumWidth(), title_width(watched)))
        return False


TITLE_BAR_EXTRA = 120  # the window icon, the close button and the gaps (Windows 11: ~110)


def title_width(window: QWidget) -> int:
    """How wide `window` must be for the title bar to show its whole title."""
    title = window.windowTitle().replace("[*]", "")
    if not title:
        return 0
    font = QFont(window.font())
    font.setBold(True)  # title bars that use a bold or larger font (some Linux desktops)
    return QFontMetrics(font).horizontalAdvance(title) + TITLE_BAR_EXTRA


def _inside_control(widget: QWidget | None) -> bool:
    """A spin box's or an editable combo's own line edit: the control draws the ring."""
    parent = widget.parentWidget() if widget is not None else None
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def install(app: QApplication) -> LookAttacher:
    """From now on, controls and dialogs get the look as they are polished (once per
    application; widgets polished before keep theirs)."""
    existing = app.findChild(LookAttacher)
    if isinstance(existing, LookAttacher):
        return existing
    attacher = LookAttacher(app)
    app.installEventFilter(attacher)
    return attacher


def uninstall(app: QApplication) -> None:
    """Widgets polished from now on keep the platform style (tests)."""
    attacher = app.findChild(LookAttacher)
    if isinstance(attacher, LookAttacher):
        app.removeEventFilter(attacher)
        attacher.setParent(None)

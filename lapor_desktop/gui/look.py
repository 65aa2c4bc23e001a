"""The app-wide look of the keyboard: a clear focus ring and Enter on buttons.

`FocusStyle` wraps the platform's style (Fusion, Windows, …) and changes two things only:
- the widget with the keyboard focus (button, field, list, check box, …) gets a 2-pixel
  ring in FOCUS_COLOR, so after a save a person sees where the focus went;
- Enter (Return) presses a focused push button everywhere, as it does in dialogs (Qt only
  does that in dialogs): buttons outside dialogs are made auto-default when polished.
  Which button is a dialog's *default* (Enter anywhere in it) stays the dialog's choice.
Sizes are the platform style's, with one exception: a dialog is at least as wide as its
title needs in the title bar (with the icon and the close button), so the title is never
cut off ("Frasa sandi basis data" over a two-line dialog). QMessageBox does that itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
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
            and isinstance(widget, QAbstractScrollArea)  # text boxes, tables, lists
            and widget.hasFocus()
            and widget.isEnabled()
        )
        if field or box:
            draw_ring(painter, option)

    def polish(self, target: Any) -> Any:
        if isinstance(target, QPushButton) and not isinstance(target.window(), QDialog):
            target.setAutoDefault(True)  # Enter presses it (QPushButton.keyPressEvent)
        elif isinstance(target, QDialog) and not isinstance(target, QMessageBox):
            target.setMinimumWidth(max(target.minimumWidth(), title_width(target)))
        return super().polish(target)


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
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    parent = widget.parentWidget() if widget is not None else None
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def install(app: QApplication) -> FocusStyle:
    """Wrap the application's style (once)."""
    current = app.style()
    if isinstance(current, FocusStyle):
        return current
    style = FocusStyle(current.name())
    app.setStyle(style)
    return style

"""Buttons that answer the keyboard outside dialogs: Enter presses the focused button (Qt
only does that in dialogs), F4 / Alt+Down / the Menu key open a tool button's menu, and
the focused button shows a ring."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QToolButton, QWidget

FOCUS_RING = (
    "QPushButton:focus, QToolButton:focus { border: 2px solid palette(highlight);"
    " border-radius: 3px; padding: 3px 8px; }"
)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MENU = (Qt.Key.Key_F4, Qt.Key.Key_Menu)


class ButtonKeys(QObject):
    """Install on the buttons of a page: `ButtonKeys(page).watch(b1, b2, …)`."""

    def watch(self, *buttons: QAbstractButton) -> None:
        for b in buttons:
            b.installEventFilter(self)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if isinstance(watched, QToolButton) and watched.menu() is not None:
                opens = key in _MENU or (
                    key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
                )
                if opens:  # not showMenu(): that blocks until the menu closes
                    menu = watched.menu()
                    menu.popup(watched.mapToGlobal(QPoint(0, watched.height())))
                    menu.setActiveAction(menu.actions()[0])
                    return True
            if isinstance(watched, QAbstractButton) and key in _ENTER and watched.isEnabled():
                watched.click()
                return True
        return super().eventFilter(watched, event)


def focus_ring(widget: QWidget) -> None:
    """A visible ring on the focused button of `widget`'s children."""
    widget.setStyleSheet(widget.styleSheet() + FOCUS_RING)

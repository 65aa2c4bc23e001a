"""The app-wide look of the keyboard: a clear focus ring and Enter on buttons.

- The control with the keyboard focus (button, field, combo box, spin box, check box, text
  box) gets a 2-pixel ring in FOCUS_COLOR just outside it, so after a save a person sees
  where the focus went. It is one QFocusFrame that follows the focus: drawn by Qt itself
  (a style written in Python would be called for every cell of every table painted, ~70 %
  more time per repaint), outside the control (nothing in it is covered), and it takes no
  mouse clicks. Lists and tables show the current row by their selection instead.
- Enter (Return) presses a focused push button everywhere, as it does in dialogs (Qt only
  does that in dialogs): buttons outside dialogs are made auto-default when polished.
  Which button is a dialog's *default* (Enter anywhere in it) stays the dialog's choice.
- A dialog is at least as wide as its title needs in the title bar (with the icon and the
  close button), so the title is never cut off ("Frasa sandi basis data" over a two-line
  dialog). QMessageBox does that itself.

Sizes and drawing are otherwise the platform style's. Classes are tested by name
(QObject.inherits) so that importing this module creates no Python enums of widget classes
the first window does not need (start-up time).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QPushButton, QWidget

FOCUS_COLOR = "#1565c0"  # the application icon's blue; 5.8:1 against white

# The controls that take the keyboard and get the ring.
_CONTROLS = (
    "QAbstractButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QPlainTextEdit",
    "QTextEdit",
)
# A composite control whose inner line edit may hold the focus: the ring goes around it.
_COMPOSITES = ("QAbstractSpinBox", "QComboBox")

TITLE_BAR_EXTRA = 120  # the window icon, the close button and the gaps (Windows 11: ~110)


def _is(obj: QObject | None, class_name: str) -> bool:
    return obj is not None and obj.inherits(class_name)


def ringed(widget: QWidget | None) -> QWidget | None:
    """The widget the ring goes around when `widget` has the focus (None: no ring)."""
    if widget is None:
        return None
    parent = widget.parentWidget()
    if any(_is(parent, name) for name in _COMPOSITES):
        return parent
    return widget if any(map(widget.inherits, _CONTROLS)) else None


def title_width(window: QWidget) -> int:
    """How wide `window` must be for the title bar to show its whole title."""
    title = window.windowTitle().replace("[*]", "")
    if not title:
        return 0
    font = QFont(window.font())
    font.setBold(True)  # title bars that use a bold or larger font (some Linux desktops)
    return QFontMetrics(font).horizontalAdvance(title) + TITLE_BAR_EXTRA


class Look(QObject):
    """The focus ring, Enter on buttons and room for dialog titles; one per application
    (`install`)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._focus_changed)

    def frame(self) -> QFocusFrame:
        """The ring (made again when the window it was in has been deleted)."""
        if self._frame is None or not shiboken6.isValid(self._frame):
            frame = QFocusFrame()
            frame.setObjectName("focusRing")
            palette = frame.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(FOCUS_COLOR))
            frame.setPalette(palette)
            self._frame = frame
        return self._frame

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = ringed(new)
        if target is not None:
            self.frame().setWidget(target)
        elif self._frame is not None and shiboken6.isValid(self._frame):
            self._frame.setWidget(None)  # type: ignore[arg-type]  # no widget: hidden

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            self._polish(watched)
        return False

    def _polish(self, watched: QObject) -> None:
        if isinstance(watched, QPushButton):
            if not _is(watched.window(), "QDialog"):
                watched.setAutoDefault(True)  # Enter presses it (keyPressEvent)
        elif _is(watched, "QDialog") and not _is(watched, "QMessageBox"):
            assert isinstance(watched, QWidget)
            watched.setMinimumWidth(max(watched.minimumWidth(), title_width(watched)))

    def adopt(self) -> None:
        """The windows made before the look was installed (run_gui installs it once the
        sign-in dialog is on screen) get what polishing would have given them, and the
        focus its ring."""
        for window in self.app.topLevelWidgets():
            for widget in (window, *window.findChildren(QPushButton)):
                self._polish(widget)
        self._focus_changed(None, self.app.focusWidget())


def install(app: QApplication) -> Look:
    """From now on: the ring follows the focus; buttons and dialogs polished from now on
    get the rest (once per application)."""
    existing = app.findChild(Look)
    if isinstance(existing, Look):
        return existing
    look = Look(app)
    app.installEventFilter(look)
    look.adopt()
    return look


def uninstall(app: QApplication) -> None:
    """Back to Qt's own behaviour for what is made from now on (tests)."""
    look = app.findChild(Look)
    if isinstance(look, Look):
        app.removeEventFilter(look)
        app.focusChanged.disconnect(look._focus_changed)
        if look._frame is not None and shiboken6.isValid(look._frame):
            look._frame.setWidget(None)  # type: ignore[arg-type]
        look.setParent(None)

"""A visible keyboard focus in any style: a ring in the highlight colour drawn around the
widget inside `host` that has the focus (issue 14: a focused button looked like the default
one). It paints over its target's edge only and lets every click through.

    FocusRing(dialog_or_page)
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

WIDTH = 2  # logical pixels
GAP = 1  # between the ring and its widget


class FocusRing(QWidget):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("focus_ring")
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        if not shiboken6.isValid(self.host):  # the host is being deleted
            self.target = None
            return
        inside = new is not None and new is not self and self.host.isAncestorOf(new)
        self.target = new if inside else None
        if self.target is None:
            self.hide()
            return
        self.target.installEventFilter(self)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self.place()
        return False

    def place(self) -> None:
        target = self.target
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            self.hide()
            return
        margin = WIDTH + GAP
        top_left = target.mapTo(self.host, QPoint(0, 0))
        self.setGeometry(QRect(top_left, target.size()).adjusted(-margin, -margin, margin, margin))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 3, 3)

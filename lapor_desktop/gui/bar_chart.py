"""A horizontal bar chart drawn with QPainter (no QtCharts): label, bar, value."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 22


class BarChart(QWidget):
    def __init__(self, color: str = "#1565c0", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = QColor(color)
        self.items: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = items
        self.setAccessibleDescription("; ".join(f"{k}: {v}" for k, v in items))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.items)) * ROW_HEIGHT + 8)

    def minimumSizeHint(self) -> QSize:
        # Narrower than preferred: two charts side by side on 1080p at 200 %; long labels
        # are elided (the accessible description has them in full).
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        label_w = min(
            int(self.width() * 0.5),
            # +2: elidedText cuts a label given exactly its own advance (rounding)
            max((fm.horizontalAdvance(k) for k, _ in self.items), default=0) + 10,
        )
        value_w = fm.horizontalAdvance("000000")
        top_value = max((v for _, v in self.items), default=0) or 1
        bar_space = max(10, self.width() - label_w - value_w - 8)
        text_color = self.palette().windowText().color()
        for i, (label, value) in enumerate(self.items):
            y = 4 + i * ROW_HEIGHT
            p.setPen(text_color)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(0, y, label_w - 8, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            w = bar_space * value / top_value
            p.fillRect(QRectF(label_w, y + 4, w, ROW_HEIGHT - 8), self.color)
            p.drawText(
                QRectF(label_w + w + 4, y, value_w, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        p.end()

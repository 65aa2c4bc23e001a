"""Message boxes in one place (tests replace these functions to record instead of block)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def _title() -> str:
    return QApplication.translate("messages", "LAPOR Desktop")


def warn(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, _title(), text)


def error(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(parent, _title(), text)


def info(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, _title(), text)


def confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, _title(), text)
    return answer == QMessageBox.StandardButton.Yes

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
    box = QMessageBox(QMessageBox.Icon.Question, _title(), text, parent=parent)
    yes = box.addButton(QApplication.translate("messages", "Ya"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QApplication.translate("messages", "Tidak"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes

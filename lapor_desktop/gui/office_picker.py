"""A line edit for choosing an OPD: type a code or any part of a name; the completer lists
the matching offices. Used by the action dialog's form (promoted in ui/action_dialog.ui)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from lapor_desktop.gui.widgets import completer_fits_contents
from lapor_desktop.services.reference import OfficeRow


class OfficePicker(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offices: list[OfficeRow] = []
        self.setPlaceholderText(self.tr("Ketik kode atau nama OPD…"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def set_offices(self, offices: list[OfficeRow]) -> None:
        self.offices = offices
        self._model.setStringList([f"{o.code} — {o.name}" for o in offices])
        completer = self.completer()
        if completer is not None:
            completer_fits_contents(completer)  # the list as wide as the longest name

    def code(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None
        head = text.split(" — ", 1)[0].strip().upper()
        for o in self.offices:
            if o.code == head:
                return o.code
        matches = [o for o in self.offices if text.lower() in o.name.lower()]
        return matches[0].code if len(matches) == 1 else head

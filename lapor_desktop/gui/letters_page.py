"""'Register surat': the letter numbers reserved per office and year (gapless), as
letters_register.register_rows gives them for this user (an OPD user: its own office),
with an export to CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import doc_output, fmt
from lapor_desktop.gui.doc_output import CSV_FILTER
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import NUMBER, Column, RowTableModel
from lapor_desktop.gui.widgets import add_offices_later
from lapor_desktop.services import letters_register
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import DOCUMENT_LABELS
from lapor_desktop.services.letters_register import LetterRow

ALL_YEARS = 0


def kind_label(kind: str) -> str:
    text = DOCUMENT_LABELS.get(kind, kind)
    return text[:1].upper() + text[1:]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LettersPage", text)


def letters_model(parent: QWidget | None = None) -> RowTableModel:
    return RowTableModel(
        [
            Column(_tr("Nomor surat"), lambda r: r.full_number),
            Column(_tr("Urut"), lambda r: str(r.number), align=NUMBER),
            Column(_tr("Tahun"), lambda r: str(r.year)),
            Column(_tr("Jenis"), lambda r: kind_label(r.kind)),
            Column(_tr("Kantor"), lambda r: r.office_code),
            Column(_tr("Nomor tiket"), lambda r: r.ticket or "—"),
            Column(_tr("Dicadangkan oleh"), lambda r: r.reserved_by),
            Column(_tr("Tanggal"), lambda r: fmt.short_datetime(r.reserved_at)),
        ],
        parent,
    )


def register_csv(rows: Sequence[LetterRow]) -> bytes:
    """UTF-8 with a BOM and ';' (what Excel in an Indonesian locale opens directly)."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["nomor_surat", "urut", "tahun", "jenis", "kantor", "tiket", "oleh", "dicadangkan"])
    for r in rows:
        w.writerow(
            [
                r.full_number,
                r.number,
                r.year,
                kind_label(r.kind),
                r.office_code,
                r.ticket or "",
                r.reserved_by,
                r.reserved_at.isoformat(sep=" ", timespec="seconds"),
            ]
        )
    return out.getvalue().encode("utf-8-sig")


class LettersPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.user()
        self._generation = 0
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kantor:")))
        self.office_combo = QComboBox()
        self.office_combo.setAccessibleName(self.tr("Kantor"))
        if s.is_opd:
            self.office_combo.addItem(s.office_name, s.office_code)
            self.office_combo.setEnabled(False)
        else:
            self.office_combo.addItem(self.tr("Semua kantor"), None)
            add_offices_later(self.office_combo, ctx, self, opd_only=False)
            self.office_combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.office_combo.setMinimumContentsLength(28)
        top.addWidget(self.office_combo)
        top.addWidget(QLabel(self.tr("Tahun:")))
        self.year_spin = QSpinBox()
        self.year_spin.setAccessibleName(self.tr("Tahun"))
        self.year_spin.setRange(ALL_YEARS, 2100)
        self.year_spin.setSpecialValueText(self.tr("Semua"))
        self.year_spin.setValue(ctx.clock.now().year)
        top.addWidget(self.year_spin)
        self.count_label = QLabel()
        top.addWidget(self.count_label, 1)
        self.export_button = QPushButton(self.tr("Ekspor CSV…"))
        self.export_button.setToolTip(self.tr("Simpan register yang ditampilkan sebagai CSV."))
        top.addWidget(self.export_button)
        lay.addLayout(top)

        self.model = letters_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Register surat"))
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.status_label)

        self.office_combo.currentIndexChanged.connect(self.refresh)
        self.year_spin.valueChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        self.refresh()

    def _filter(self) -> tuple[str | None, int | None]:
        return self.office_combo.currentData() or None, self.year_spin.value() or None

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        office, year = self._filter()
        run_op(
            self,
            lambda: letters_register.register_rows(ctx, office, year),
            lambda rows: self._show(generation, rows),
        )

    def _show(self, generation: int, rows: list[LetterRow]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("{0} surat").format(len(rows)))

    def export_csv(self) -> None:
        office, year = self._filter()
        name = "register-surat" + (f"-{office}" if office else "") + (f"-{year}" if year else "")
        path = doc_output.ask_save_path(
            self, self.tr("Ekspor register surat"), name + ".csv", CSV_FILTER
        )
        if path is None:
            return
        ctx = self.ctx

        def work() -> tuple[Path, int]:
            rows = letters_register.register_rows(ctx, office, year)
            doc_output.write_file(path, register_csv(rows))
            return path, len(rows)

        self.export_button.setEnabled(False)
        run_op(
            self,
            work,
            lambda r: self.status_label.setText(
                self.tr("{1} surat diekspor ke {0}").format(r[0], r[1])
            ),
            on_finished=lambda: self.export_button.setEnabled(True),
        )

"""'Rekap bulanan': the monthly summary (rekapitulasi bulanan) as PDF or XLSX, for the
regency or one OPD, with a short preview of its numbers; the regency admin also issues
the letter to the Ombudsman here. Everything is computed off the UI thread."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QWidget,
)

from lapor_desktop.gui import fmt
from lapor_desktop.gui.doc_output import XLSX_FILTER, DocumentButton
from lapor_desktop.gui.forms.ui_monthly import Ui_MonthlyPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import NUMBER, Column, RowTableModel
from lapor_desktop.gui.widgets import add_offices_later, compact_combo
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import may_print
from lapor_desktop.services.signing_settings import Document

TEXT_MAX = 4000  # kendala / upaya: a paragraph each


def _summary(ctx: Ctx, year: int, month: int, opd: str | None) -> Any:
    from lapor_desktop.services import documents  # worker thread: reportlab is big

    return documents.monthly_summary(ctx, year, month, opd)


def _pdf(ctx: Ctx, year: int, month: int, opd: str | None, kendala: str, upaya: str) -> bytes:
    from lapor_desktop.services import documents

    return documents.monthly_pdf(ctx, year, month, opd, kendala=kendala, upaya=upaya)


def _xlsx(ctx: Ctx, year: int, month: int, opd: str | None) -> bytes:
    from lapor_desktop.services import documents

    return documents.monthly_xlsx(ctx, year, month, opd)


def _ombudsman_into(ctx: Ctx, period: str, out: Path) -> Document:
    from lapor_desktop.services import documents

    return documents.ombudsman_document(ctx, period, out=out)


def _ombudsman(ctx: Ctx, period: str) -> Document:
    from lapor_desktop.services import documents

    return documents.ombudsman_document(ctx, period)


def _monthly_warning(ctx: Ctx, opd: str | None) -> str:
    from lapor_desktop.services import documents

    return documents.print_warning(ctx, "monthly", opd=opd)


def _ombudsman_warning(ctx: Ctx) -> str:
    from lapor_desktop.services import documents

    return documents.print_warning(ctx, "ombudsman")


def last_month(today: date) -> tuple[int, int]:
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


class MonthlyPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.user()
        self._generation = 0
        self._busy = 0
        self.ui = ui = Ui_MonthlyPage()
        ui.setupUi(self)
        year, month = last_month(ctx.clock.now().date())
        self.month_combo = ui.month_combo
        for m in range(1, 13):
            self.month_combo.addItem(fmt.month_name(m), m)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin = ui.year_spin
        self.year_spin.setValue(year)
        self.opd_combo = ui.opd_combo
        if s.is_opd:  # an OPD user: its own OPD, nothing else
            self.opd_combo.addItem(s.office_name, s.office_code)
            self.opd_combo.setEnabled(False)
        else:
            self.opd_combo.addItem(self.tr("Seluruh Kabupaten Kampar"), None)
            add_offices_later(self.opd_combo, ctx, self, opd_only=True)
        compact_combo(self.opd_combo, 20)
        self.kendala_edit = ui.kendala_edit
        self.upaya_edit = ui.upaya_edit

        self.pdf_button = DocumentButton(
            self.tr("Simpan PDF…"), "rekap.pdf", bytes, self, primary="save"
        )
        self.pdf_button.setAccessibleName(self.tr("Rekap PDF"))
        self.xlsx_button = DocumentButton(
            self.tr("Simpan XLSX…"),
            "rekap.xlsx",
            bytes,
            self,
            primary="save",
            file_filter=XLSX_FILTER,
            printable=False,
        )
        self.xlsx_button.setAccessibleName(self.tr("Rekap XLSX"))
        ui.buttons_row.insertWidget(0, self.pdf_button)
        ui.buttons_row.insertWidget(1, self.xlsx_button)
        QWidget.setTabOrder(self.upaya_edit, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.xlsx_button)
        self.busy_bar = ui.busy_bar
        self.busy_bar.hide()
        self.status_label = ui.status_label

        # The numbers at a glance (the same summary the documents print).
        self.glance_grid = ui.glance_grid
        self.glance_values: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(
            (
                ("received", self.tr("Laporan masuk bulan ini")),
                ("previous", self.tr("Bulan sebelumnya")),
                ("ytd", self.tr("Sejak awal tahun")),
                ("verification", self.tr("Verifikasi tepat waktu")),
                ("followup", self.tr("Tindak lanjut tepat waktu")),
                ("days", self.tr("Hari kerja sampai selesai")),
                ("overdue", self.tr("Melewati tenggat di akhir bulan")),
                ("escalated", self.tr("Dieskalasi ke Ombudsman")),
                ("reopened", self.tr("Dibuka kembali oleh pelapor")),
            )
        ):
            label = QLabel(text)
            self.glance_grid.addWidget(label, i, 0)
            value = QLabel("…")
            value.setStyleSheet("font-weight: bold;")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.glance_grid.addWidget(value, i, 1)
            self.glance_values[key] = value
            if key == "days":
                for w in (label, value):
                    w.setToolTip(
                        self.tr(
                            "Rata-rata hari kerja dari laporan diterima sampai jawaban "
                            "pertama disetujui; dalam kurung: mediannya."
                        )
                    )
        right = ui.glance_side

        self.opd_model = RowTableModel(
            [
                Column(self.tr("OPD"), lambda r: r.opd),
                Column(self.tr("Diterima"), lambda r: str(r.received), align=NUMBER),
                Column(self.tr("Selesai"), lambda r: str(r.finished), align=NUMBER),
                Column(self.tr("Diproses"), lambda r: str(r.in_process), align=NUMBER),
                Column(
                    self.tr("Belum ditindaklanjuti"),
                    lambda r: str(r.not_followed_up),
                    align=NUMBER,
                ),
                Column(
                    self.tr("% selesai"), lambda r: fmt.percent(r.percent_finished), align=NUMBER
                ),
                Column(self.tr("Terlambat"), lambda r: str(r.overdue), align=NUMBER),
            ],
            self,
        )
        self.opd_table = ui.opd_table
        self.opd_table.setModel(self.opd_model)
        self.opd_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.ombudsman_button: DocumentButton | None = None
        if may_print(s, "ombudsman"):
            self.ombudsman_button = DocumentButton(
                self.tr("Surat penyampaian ke Ombudsman…"), "ombudsman.pdf", bytes, self
            )
            self.ombudsman_button.setToolTip(
                self.tr(
                    "Semua laporan terbuka yang dieskalasi, dengan nomor surat dari register "
                    "(dicetak ulang dengan nomor yang sama selama daftarnya tidak berubah)."
                )
            )
            # under the numbers, not in a row of its own: the page must fit 1080p at 200 %
            right.addWidget(self.ombudsman_button, 0, Qt.AlignmentFlag.AlignRight)

        for b in (self.pdf_button, self.xlsx_button, self.ombudsman_button):
            if b is not None:
                b.busy.connect(self._set_busy)
                b.finished.connect(self._show_status)
                b.failed.connect(self._show_error)
        self.month_combo.currentIndexChanged.connect(self._period_changed)
        self.year_spin.valueChanged.connect(self._period_changed)
        self.opd_combo.currentIndexChanged.connect(self._period_changed)
        self.kendala_edit.textChanged.connect(self._bind)
        self.upaya_edit.textChanged.connect(self._bind)
        self._period_changed()

    # ------------------------------------------------------------ inputs

    def period(self) -> tuple[int, int, str | None]:
        return (
            self.year_spin.value(),
            int(self.month_combo.currentData()),
            (self.opd_combo.currentData() or None),
        )

    def _bind(self) -> None:
        """The buttons make the documents of what the form says now."""
        year, month, opd = self.period()
        stem = f"rekap-{year}-{month:02d}" + (f"-{opd}" if opd else "")
        kendala = self.kendala_edit.toPlainText().strip()[:TEXT_MAX]
        upaya = self.upaya_edit.toPlainText().strip()[:TEXT_MAX]
        self.pdf_button.make = partial(_pdf, self.ctx, year, month, opd, kendala, upaya)
        self.pdf_button.warning = partial(_monthly_warning, self.ctx, opd)
        self.pdf_button.default_name = stem + ".pdf"
        self.xlsx_button.make = partial(_xlsx, self.ctx, year, month, opd)
        self.xlsx_button.default_name = stem + ".xlsx"
        if self.ombudsman_button is not None:
            period = self.tr("bulan {0}").format(fmt.month_year(date(year, month, 1)))
            self.ombudsman_button.make = partial(_ombudsman, self.ctx, period)
            self.ombudsman_button.make_into = partial(_ombudsman_into, self.ctx, period)
            self.ombudsman_button.warning = partial(_ombudsman_warning, self.ctx)
            self.ombudsman_button.default_name = f"ombudsman-{year}-{month:02d}.pdf"

    def _period_changed(self) -> None:
        self._bind()
        self.refresh()

    def refresh(self) -> None:
        """The preview of the chosen month (off the UI thread; a stale answer is dropped)."""
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        year, month, opd = self.period()
        for v in self.glance_values.values():
            v.setText("…")
        self._set_busy(True)
        run_op(
            self,
            lambda: _summary(ctx, year, month, opd),
            lambda summary: self._show_summary(generation, summary),
            lambda exc: self._show_error(exc.message),
            lambda: self._set_busy(False),
        )

    # ------------------------------------------------------------ results

    def _show_summary(self, generation: int, m: Any) -> None:
        if generation != self._generation:
            return
        v = self.glance_values
        v["received"].setText(str(m.received_this_month))
        v["previous"].setText(str(m.received_last_month))
        v["ytd"].setText(str(m.received_year_to_date))
        for key, rate in (
            ("verification", m.cohort_rates.verification),
            ("followup", m.cohort_rates.followup),
        ):
            v[key].setText(
                self.tr("{0} ({1} dari {2})").format(
                    fmt.percent(rate.percent), rate.on_time, rate.total
                )
            )
        # short enough for a narrow window (1080p at 200 %); the tooltip says the rest
        v["days"].setText(
            "—"
            if m.avg_days_to_finish is None
            else self.tr("{0} (median {1})").format(
                fmt.decimal(m.avg_days_to_finish), fmt.decimal(m.median_days_to_finish)
            )
        )
        v["overdue"].setText(str(m.overdue))
        v["escalated"].setText(str(m.escalated))
        v["reopened"].setText(str(m.reopened_cases))
        self.opd_model.set_rows(m.by_opd)
        self.opd_table.resizeColumnsToContents()
        self.opd_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _set_busy(self, busy: bool) -> None:
        self._busy += 1 if busy else -1
        self.busy_bar.setVisible(self._busy > 0)
        if busy:
            self.status_label.setStyleSheet("")
            self.status_label.setText(self.tr("Sedang menyusun rekapitulasi…"))
        elif self._busy == 0 and self.status_label.text() == self.tr(
            "Sedang menyusun rekapitulasi…"
        ):
            self.status_label.clear()

    def _show_status(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.status_label.setStyleSheet("color: #b71c1c;")
        self.status_label.setText(text)

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from datetime import date

from openpyxl import load_workbook

from lapor_desktop.pdf import AnnexRow, monthly_xlsx, samples


def test_workbook_holds_the_monthly_tables() -> None:
    data = samples.monthly(250)
    wb = load_workbook(io.BytesIO(monthly_xlsx(data)))
    assert wb.sheetnames == [
        "Ringkasan", "Status", "Klasifikasi", "Kanal", "Kategori", "Perangkat Daerah",
        "Ketepatan Waktu", "Tren", "Lampiran", "Definisi",
    ]  # fmt: skip
    summary = {row[0]: row[1] for row in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Bulan"] == "November 2026"
    assert summary["Diterima bulan ini"] == data.received_this_month
    assert summary["Eskalasi ke Ombudsman"] == 2
    status = list(wb["Status"].iter_rows(min_row=2, values_only=True))
    assert status[-1][:2] == ("Jumlah", sum(r.count for r in data.by_status))
    opd = list(wb["Perangkat Daerah"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in opd] == [r.opd for r in data.by_opd]
    assert opd[0][1:3] == (data.by_opd[0].received, data.by_opd[0].finished)
    rates = list(wb["Ketepatan Waktu"].iter_rows(min_row=2, values_only=True))
    assert rates[0][1:4] == (150, 180, 0.8333)
    annex = list(wb["Lampiran"].iter_rows(min_row=2, values_only=True))
    assert len(annex) == 250
    assert {r[1] for r in annex} == {r.ticket for r in data.annex}
    assert len(list(wb["Tren"].iter_rows(min_row=2))) == 12


def test_workbook_formats_percentages_days_and_prints_well() -> None:
    """Issue 15: percentages stored as 4.4 in General format, averages unrounded
    (12.6666666667), no frozen header or filter on the annex, no print setup, no sheet
    of definitions."""
    base = samples.monthly(274)
    row = dataclasses.replace(base.by_opd[0], avg_days=12 + 2 / 3, received=45, finished=2)
    data = dataclasses.replace(base, by_opd=(row, *base.by_opd[1:]), avg_days_to_finish=8.4444)
    wb = load_workbook(io.BytesIO(monthly_xlsx(data)))
    status = wb["Status"]
    share = status.cell(row=2, column=3)
    assert share.value == round(12 / 208, 4) and share.number_format == "0.0%"
    opd = wb["Perangkat Daerah"]
    header = [c.value for c in opd[1]]
    pct = opd.cell(row=2, column=header.index("% Selesai") + 1)
    avg = opd.cell(row=2, column=header.index("Rata-rata hari") + 1)
    assert pct.value == 0.0444 and pct.number_format == "0.0%"
    assert avg.value == 12.7 and avg.number_format == "0.0"
    summary = {r[0].value: r[1] for r in wb["Ringkasan"].iter_rows(min_row=2)}
    assert summary["Rata-rata hari kerja hingga jawaban pertama"].value == 8.4
    rates = wb["Ketepatan Waktu"]
    assert rates.cell(row=2, column=4).number_format == "0.0%"
    annex = wb["Lampiran"]
    assert annex.freeze_panes == "A2"
    assert annex.auto_filter.ref == "A1:H275"
    assert annex.page_setup.orientation == "landscape"
    assert annex.print_title_rows == "$1:$1"
    assert annex.cell(row=2, column=3).number_format == "DD-MM-YYYY"
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.page_setup.paperSize in (9, "9"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    definitions = {r[0]: r[1] for r in wb["Definisi"].iter_rows(min_row=2, values_only=True)}
    assert "Perangkat Daerah" in definitions and "Ketepatan Waktu" in definitions
    assert "dibagi laporan yang sudah didisposisikan" in definitions["Verifikasi tepat waktu"]
    assert len(definitions) >= 13


def test_formula_looking_text_stays_text() -> None:
    base = samples.monthly(0)
    row = AnnexRow('=HYPERLINK("x")', "+T", date(2026, 11, 3), "@k", "-c", "judul\x00\x07", "s")
    wb = load_workbook(io.BytesIO(monthly_xlsx(dataclasses.replace(base, annex=(row,)))))
    values = next(wb["Lampiran"].iter_rows(min_row=2, values_only=True))
    assert values[0] == '\'=HYPERLINK("x")'
    assert values[1] == "'+T"
    assert values[5] == "judul"


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, lapor_desktop.pdf;"
        "heavy=[m for m in ('reportlab','openpyxl','pyhanko') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

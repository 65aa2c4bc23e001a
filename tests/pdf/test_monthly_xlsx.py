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
        "Ketepatan Waktu", "Tren", "Lampiran",
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
    assert rates[0][1:4] == (150, 180, 83.33)
    annex = list(wb["Lampiran"].iter_rows(min_row=2, values_only=True))
    assert len(annex) == 250
    assert {r[1] for r in annex} == {r.ticket for r in data.annex}
    assert len(list(wb["Tren"].iter_rows(min_row=2))) == 12


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

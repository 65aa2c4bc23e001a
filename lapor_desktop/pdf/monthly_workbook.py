"""The monthly summary's tables as an XLSX workbook (openpyxl, write-only for speed)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from lapor_desktop.pdf.data import CountRow, MonthlySummary, Rate
from lapor_desktop.pdf.dates import long_date, month_name
from lapor_desktop.pdf.templates import Templates, load_templates
from lapor_desktop.pdf.text import plain, strip_controls

# The sheet (or PDF section) each definition belongs to, as in the PDF.
DEFINED_SHEETS = (
    ("a", "Ringkasan: diterima"),
    ("b", "Status"),
    ("c", "Klasifikasi"),
    ("d", "Kanal"),
    ("e", "Kategori"),
    ("f", "Perangkat Daerah"),
    ("g", "Ketepatan Waktu"),
    ("h", "Hari hingga jawaban pertama"),
    ("i", "Melewati batas waktu dan eskalasi"),
    ("j", "Dibuka kembali"),
)
RATE_ROWS = (  # as in monthly.py
    ("Verifikasi tepat waktu", "verification", "def_g_verification"),
    ("Tindak lanjut tepat waktu", "followup", "def_g_followup"),
    ("Dijawab dalam batas waktu penyelesaian", "finished", "def_g_answered"),
)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        # Spreadsheet apps run text starting with = + - @ as a formula (CSV/XLSX injection).
        s = strip_controls(value)
        return "'" + s if s[:1] in ("=", "+", "-", "@") else s
    return value


class Pct(float):
    """A share stored as a fraction (0.044) and shown as a percentage ("4,4%")."""


class Days(float):
    """A number of days, rounded to one decimal."""


PCT_FORMAT = "0.0%"
DAYS_FORMAT = "0.0"
DATE_FORMAT = "DD-MM-YYYY"


def _pct(part: int, whole: int) -> Pct | None:
    return None if whole == 0 else Pct(round(part / whole, 4))


def _rate_pct(r: Rate) -> Pct | None:
    return _pct(r.on_time, r.total)


def _days(value: float | None) -> Days | None:
    return None if value is None else Days(round(value, 1))


def monthly_xlsx(data: MonthlySummary, templates: Templates | None = None) -> bytes:
    """Every sheet has a frozen header and print setup (A4, fitted to the page width,
    header repeated); the annex has an autofilter; percentages are fractions in a %
    format, days rounded to one decimal; a "Definisi" sheet says what each counts."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if templates is None:
        templates = load_templates()
    wb = Workbook(write_only=True)
    wb.properties.creator = "LAPOR Desktop"
    wb.properties.title = f"Rekapitulasi {month_name(data.month)} {data.year}"
    bold = Font(bold=True)

    def sheet(
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[int] = (),
        landscape: bool = False,
        autofilter: bool = False,
    ) -> None:
        ws = wb.create_sheet(title)
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = True
        head = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.font = bold
            head.append(c)
        ws.append(head)
        n = 0
        for row in rows:
            ws.append([_styled(ws, v) for v in row])
            n += 1
        if autofilter and header:
            last = chr(ord("A") + len(header) - 1)
            ws.auto_filter.ref = f"A1:{last}{n + 1}"

    def _styled(ws: Any, value: Any) -> Any:
        if isinstance(value, Pct | Days | date):
            c = WriteOnlyCell(ws, value=float(value) if isinstance(value, float) else value)
            c.number_format = (
                PCT_FORMAT
                if isinstance(value, Pct)
                else DAYS_FORMAT
                if isinstance(value, Days)
                else DATE_FORMAT
            )
            return c
        return _cell(value)

    def counts(rows: Sequence[CountRow]) -> list[list[Any]]:
        total = sum(r.count for r in rows)
        out: list[list[Any]] = [[r.label, r.count, _pct(r.count, total)] for r in rows]
        out.append(["Jumlah", total, Pct(1.0) if total else None])
        return out

    scope = plain(data.opd_scope) or "Pemerintah Kabupaten Kampar"
    c, a = data.cohort_rates, data.activity_rates
    sheet(
        "Ringkasan",
        ["Ukuran", "Nilai"],
        [
            ["Lingkup", scope],
            ["Bulan", f"{month_name(data.month)} {data.year}"],
            ["Diterima bulan ini", data.received_this_month],
            ["Diterima bulan lalu", data.received_last_month],
            ["Diterima sejak awal tahun", data.received_year_to_date],
            ["Rata-rata hari kerja hingga jawaban pertama", _days(data.avg_days_to_finish)],
            ["Median hari kerja hingga jawaban pertama", _days(data.median_days_to_finish)],
            ["Melewati batas waktu", data.overdue],
            ["Eskalasi ke Ombudsman", data.escalated],
            ["Laporan dibuka kembali", data.reopened_cases],
            ["Jumlah pembukaan kembali", data.reopen_events],
        ],
        (36, 30),
    )
    sheet("Status", ["Status", "Jumlah", "Persen"], counts(data.by_status), (36, 10, 10))
    sheet(
        "Klasifikasi",
        ["Klasifikasi", "Jumlah", "Persen"],
        counts(data.by_klasifikasi),
        (30, 10, 10),
    )
    sheet("Kanal", ["Kanal", "Jumlah", "Persen"], counts(data.by_channel), (30, 10, 10))
    sheet("Kategori", ["Kategori", "Jumlah", "Persen"], counts(data.by_category), (36, 10, 10))
    sheet(
        "Perangkat Daerah",
        [
            "Perangkat Daerah",
            "Diterima",
            "Selesai",
            "Diproses",
            "Belum ditindaklanjuti",
            "% Selesai",
            "Rata-rata hari",
            "Median hari",
            "Melewati batas",
            "Eskalasi",
        ],
        (
            [
                r.opd,
                r.received,
                r.finished,
                r.in_process,
                r.not_followed_up,
                _pct(r.finished, r.received),
                _days(r.avg_days),
                _days(r.median_days),
                r.overdue,
                r.escalated,
            ]
            for r in data.by_opd
        ),
        (44, 10, 10, 10, 12, 10, 12, 12, 12, 10),
    )
    sheet(
        "Ketepatan Waktu",
        [
            "Ukuran",
            "Kohort: tepat",
            "Kohort: total",
            "Kohort: %",
            "Aktivitas: tepat",
            "Aktivitas: total",
            "Aktivitas: %",
        ],
        (
            [label, x.on_time, x.total, _rate_pct(x), y.on_time, y.total, _rate_pct(y)]
            for label, x, y in (
                ("Verifikasi tepat waktu", c.verification, a.verification),
                ("Tindak lanjut tepat waktu", c.followup, a.followup),
                ("Dijawab dalam batas waktu penyelesaian", c.finished, a.finished),
            )
        ),
        (30, 14, 14, 12, 16, 16, 12),
    )
    sheet(
        "Tren",
        ["Tahun", "Bulan", "Diterima"],
        ([m.year, month_name(m.month), m.count] for m in data.trend),
        (10, 14, 12),
    )
    sheet(
        "Lampiran",
        [
            "Perangkat Daerah",
            "Nomor Tiket",
            "Tanggal",
            "Klasifikasi",
            "Kategori",
            "Judul",
            "Status",
            "Hari",
        ],
        (
            [r.opd, r.ticket, r.received, r.klasifikasi, r.category, r.title, r.status, r.days]
            for r in sorted(data.annex, key=lambda r: (plain(r.opd), r.received, r.ticket))
        ),
        (40, 18, 12, 18, 24, 60, 16, 8),
        landscape=True,
        autofilter=True,
    )
    values = {
        "lingkup": scope,
        "bulan": month_name(data.month),
        "tahun": str(data.year),
        "per_tanggal": long_date(data.as_of or _month_end(data.year, data.month)),
    }
    sheet(
        "Definisi",
        ["Bagian", "Definisi"],
        [
            *(
                [name, templates.text("monthly", f"def_{key}", values)]
                for key, name in DEFINED_SHEETS
            ),
            *([label, templates.text("monthly", key, values)] for label, _attr, key in RATE_ROWS),
            [
                "Lampiran",
                "Laporan yang diterima pada bulan laporan. Hari: hari kerja sejak diterima "
                "sampai jawaban pertama disetujui.",
            ],
        ],
        (34, 110),
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

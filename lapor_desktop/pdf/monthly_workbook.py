"""The monthly summary's tables as an XLSX workbook (openpyxl, write-only for speed)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from lapor_desktop.pdf.data import CountRow, MonthlySummary, Rate
from lapor_desktop.pdf.dates import month_name
from lapor_desktop.pdf.text import plain, strip_controls


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        # Spreadsheet apps run text starting with = + - @ as a formula (CSV/XLSX injection).
        s = strip_controls(value)
        return "'" + s if s[:1] in ("=", "+", "-", "@") else s
    return value


def _rate_pct(r: Rate) -> float | None:
    return None if r.percent is None else round(r.percent, 2)


def monthly_xlsx(data: MonthlySummary) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    wb.properties.creator = "LAPOR Desktop"
    bold = Font(bold=True)

    def sheet(
        title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[int] = ()
    ) -> None:
        ws = wb.create_sheet(title)
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
        head = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.font = bold
            head.append(c)
        ws.append(head)
        for row in rows:
            ws.append([_cell(v) for v in row])

    def counts(rows: Sequence[CountRow]) -> list[list[Any]]:
        total = sum(r.count for r in rows)
        out: list[list[Any]] = [
            [r.label, r.count, None if total == 0 else round(100 * r.count / total, 2)]
            for r in rows
        ]
        out.append(["Jumlah", total, 100.0 if total else None])
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
            ["Rata-rata hari kerja penyelesaian", data.avg_days_to_finish],
            ["Median hari kerja penyelesaian", data.median_days_to_finish],
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
                None if r.percent_finished is None else round(r.percent_finished, 2),
                r.avg_days,
                r.median_days,
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
                ("Selesai dalam batas waktu", c.finished, a.finished),
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
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

"""LAPOR! export files in every shape the import must read (generated, not committed)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

HEADERS = (
    "ID Tracking",
    "Tanggal Laporan",
    "Judul Laporan",
    "Isi Laporan",
    "Kategori",
    "Nama Pelapor",
    "Kontak Pelapor",
    "Anonim",
    "Rahasia",
    "Status",
)


def rows(
    n: int, *, start: datetime = datetime(2026, 10, 1, 8, 0), status: str = "Proses"
) -> list[list[str]]:
    """`n` good rows: tracking IDs LPR-000001…, one reporter per ten rows."""
    out = []
    for i in range(1, n + 1):
        when = start + timedelta(minutes=7 * i)
        out.append(
            [
                f"LPR-{i:06d}",
                when.strftime("%d/%m/%Y %H:%M"),
                f"Jalan rusak nomor {i} di Desa Pulau",
                f"Lubang besar di jalan utama, laporan ke-{i}.\nMohon segera diperbaiki.",
                "INFRASTRUKTUR" if i % 3 else "Kesehatan",
                f"Warga Kampar {i % 10}",
                f"0812{i % 10:07d}",
                "Ya" if i % 7 == 0 else "Tidak",
                "Tidak",
                status,
            ]
        )
    return out


def write_csv(
    path: Path,
    data: list[list[str]],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
    headers: tuple[str, ...] = HEADERS,
    before: list[list[str]] | None = None,
    blank_every: int = 0,
) -> Path:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in before or []:
        w.writerow(r)
    w.writerow(headers)
    for i, r in enumerate(data, 1):
        w.writerow(r)
        if blank_every and i % blank_every == 0:
            buf.write("\r\n")
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, data: list[list[str]], *, title_rows: int = 0) -> Path:
    """An XLSX as LAPOR! gives it: optional title rows merged across the columns above
    the header row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for i in range(title_rows):
        ws.append([f"Laporan SP4N LAPOR! Kabupaten Kampar ({i + 1})"])
        ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=len(HEADERS))
    ws.append(list(HEADERS))
    for r in data:
        ws.append(r)
    wb.save(path)
    return path

"""Exporting a case list as currently filtered to XLSX or CSV (issue 18).

The columns begin with those of the shipped LAPOR! import profile (so an export imports
again with it) followed by our own. Privacy: an anonymous reporter's identity is never
exported (whoever asks); an OPD user gets names only; the NIK is whole only for the roles
that may reveal it (NIK_REVEAL_ROLES), masked for the others. Every export is written to
the audit log with its filter and row count. CSV is UTF-8 with BOM, `;`-separated (what
Excel with Indonesian regional settings opens directly); a text cell that Excel would run
as a formula gets a leading apostrophe (the import takes it off again).
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lapor_desktop.db.queries import exports as queries
from lapor_desktop.domain.nik import mask_nik
from lapor_desktop.domain.permissions import NIK_REVEAL_ROLES
from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import cases
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ValidationError
from lapor_desktop.services.outfile import StagedFile
from lapor_desktop.services.scope import ANONYMOUS_NAME, require_casework

DATE_FORMAT = "%d/%m/%Y %H:%M"  # the shipped profile's date_format
HEADERS = (
    # the shipped LAPOR! profile's columns
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
    # ours
    "Tiket",
    "Status Internal",
    "OPD",
    "Saluran",
    "Klasifikasi",
    "NIK Pelapor",
    "Lokasi",
    "Tenggat",
    "Eskalasi Ombudsman",
    "Duplikat dari",
)
FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    kind: str  # csv | xlsx


def _filter_text(f: cases.CaseFilter) -> str:
    parts = []
    for k, v in asdict(f).items():
        if v in (None, "", ()):
            continue
        parts.append(f"{k}={','.join(v) if isinstance(v, tuple) else v}")
    return "; ".join(parts) or "semua"


def export_rows(
    ctx: Ctx, f: cases.CaseFilter, *, sort: str = "received_at", descending: bool = True
) -> list[list[Any]]:
    """The export's data rows, in the list's order, as the user may see them."""
    s = ctx.user()
    require_casework(s)
    nums: list[int] = []
    after = None
    while True:
        page = cases.list_cases(
            ctx, f, sort=sort, descending=descending, after=after, limit=cases.MAX_PAGE
        )
        nums += [r.num for r in page.rows]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    found = queries.rows_by_num(nums)
    whole_nik = s.role in NIK_REVEAL_ROLES
    out = []
    for n in nums:
        r = found[n]
        status = Status(r["status"])
        if r["anonim"]:
            name, contact, nik = ANONYMOUS_NAME, "", ""
        elif s.is_opd:
            name, contact, nik = r["reporter_name"], "", ""
        else:
            name = r["reporter_name"]
            contact = r["reporter_phone"] or r["reporter_email"] or ""
            raw = r["reporter_nik"] or ""
            nik = raw if whole_nik else mask_nik(raw)
        out.append(
            [
                r["tracking_id"] or r["ticket"],
                r["received_at"],
                r["title"],
                r["body"],
                r["category_code"] or "",
                name,
                contact,
                "Ya" if r["anonim"] else "Tidak",
                "Ya" if r["rahasia"] else "Tidak",
                status.lapor_bucket,
                r["ticket"],
                status.label,
                r["opd"] or "",
                r["channel"],
                r["klasifikasi"],
                nik,
                r["location_text"],
                r["due_date"].strftime("%d/%m/%Y") if r["due_date"] else "",
                "Ya" if r["escalated_at"] else "Tidak",
                r["duplicate_of"] or "",
            ]
        )
    return out


def _csv_cell(v: Any) -> str:
    if isinstance(v, datetime):
        return v.strftime(DATE_FORMAT)
    text = "" if v is None else str(v)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(rows: list[list[Any]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADERS)
    for r in rows:
        w.writerow([_csv_cell(v) for v in r])
    return buf.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Laporan")
    ws.append(list(HEADERS))
    for r in rows:
        cells = []
        for v in r:
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(v, str):
                cell.data_type = "s"  # text stays text, never a formula
            cells.append(cell)
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_cases(
    ctx: Ctx,
    f: cases.CaseFilter,
    out: Path,
    *,
    sort: str = "received_at",
    descending: bool = True,
) -> ExportResult:
    """Write the cases `f` selects (as the list shows them) to `out` (.csv or .xlsx)."""
    from lapor_desktop.db.models import database_proxy

    out = Path(out)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise ValidationError("Berkas ekspor harus berakhiran .csv atau .xlsx.", "out")
    rows = export_rows(ctx, f, sort=sort, descending=descending)
    data = csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows)
    staged = StagedFile(out)
    staged.stage(data)
    try:
        with database_proxy.atomic("IMMEDIATE"):
            nik = "NIK utuh" if ctx.user().role in NIK_REVEAL_ROLES else "NIK tersamar"
            audit(
                ctx,
                "ekspor_kasus",
                "",
                "",
                f"{kind.upper()} {len(rows)} baris ({nik}); saringan: {_filter_text(f)}",
            )
    except BaseException:
        staged.discard()
        raise
    staged.publish()
    return ExportResult(out, len(rows), kind)

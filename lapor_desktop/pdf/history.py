"""Riwayat kasus: the full history of one case (its immutable events, oldest first)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from lapor_desktop.pdf.data import CaseHistory, HistoryEvent
from lapor_desktop.pdf.dates import date_time, day_date, short_date_time
from lapor_desktop.pdf.page import PageSetup, build_pdf, text_width
from lapor_desktop.pdf.parts import (
    CELL,
    CELL_CENTER,
    HEADING,
    SMALL,
    TITLE,
    field_table,
    grid_table,
    head_cells,
    p,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import markup, plain


def _status_change(e: HistoryEvent) -> str:
    if e.from_status is None and e.to_status is None:
        return "-"
    if e.from_status is None:
        return e.to_status.label if e.to_status else "-"
    if e.to_status is None or e.to_status == e.from_status:
        return e.from_status.label
    return f"{e.from_status.label} → {e.to_status.label}"


def render_history(data: CaseHistory, templates: Templates, paper: str | None = None) -> bytes:
    lh = templates.letterhead(data.office_code)
    setup = PageSetup(
        paper=paper or templates.paper,
        letterhead=lh,
        emblem=templates.emblem_path(lh),
        title=f"Riwayat Kasus {plain(data.ticket)}",
    )
    width = text_width(setup.paper)
    reporter = (
        "Pelapor Anonim"
        if data.reporter.anonymous or not plain(data.reporter.name)
        else data.reporter.name
    )
    fields: list[tuple[str, Any]] = [("Nomor Tiket", data.ticket)]
    if plain(data.tracking_id):
        fields.append(("Nomor Tracking", data.tracking_id))
    fields += [
        ("Judul", data.title),
        ("Status", data.status.label),
        ("Diterima", date_time(data.received_at)),
        ("Kanal", data.channel),
        ("Klasifikasi", data.klasifikasi),
        ("Kategori", data.category or "-"),
        ("Perangkat Daerah", data.opd or "-"),
        ("Pelapor", reporter),
    ]
    if not data.reporter.anonymous and plain(data.reporter.address):
        fields.append(("Alamat Pelapor", data.reporter.address))
    if plain(data.privacy):
        fields.append(("Kerahasiaan", data.privacy))
    fields.append(("Ringkasan", data.summary))
    for d in data.deadlines:
        fields.append((d.label, day_date(d.due)))
    story: list[Any] = [
        Paragraph(markup(templates.text("history", "title")), TITLE),
        Spacer(1, 5 * mm),
        field_table(fields, 34 * mm, width),
        Paragraph("Riwayat Penanganan", HEADING),
    ]
    rows: list[list[Any]] = [head_cells("No", "Waktu", "Tindakan", "Status", "Oleh", "Keterangan")]
    for i, e in enumerate(data.events, start=1):
        actor = plain(e.actor) + (f" ({plain(e.role)})" if plain(e.role) else "")
        note = plain(e.opd)
        text_cell: list[Any] = [p(e.text, CELL, 5000)] if plain(e.text) else []
        if note:
            text_cell.append(p(f"OPD: {note}", CELL))
        rows.append(
            [
                p(str(i), CELL_CENTER),
                p(short_date_time(e.at), CELL),
                p(e.action.label, CELL),
                p(_status_change(e), CELL),
                p(actor, CELL),
                text_cell or p("-", CELL),
            ]
        )
    story.append(
        grid_table(
            rows, [8 * mm, 24 * mm, 27 * mm, 30 * mm, 26 * mm, width - 115 * mm], font_size=9
        )
    )
    if not data.events:
        story.append(p("Belum ada riwayat.", CELL))
    values = {
        "pencetak": plain(data.printed_by) or "-",
        "waktu_cetak": date_time(data.printed_at),
    }
    story += [Spacer(1, 4 * mm), p(templates.text("history", "note", values), SMALL)]
    return build_pdf(story, setup)

"""Riwayat kasus: the full history of one case (its immutable events, oldest first)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from lapor_desktop.pdf.data import CaseHistory, HistoryEvent
from lapor_desktop.pdf.dates import date_time, day_date, short_date_time
from lapor_desktop.pdf.letter import pointer_caption
from lapor_desktop.pdf.page import build_pdf, setup_for, text_width
from lapor_desktop.pdf.parts import (
    CELL,
    CELL_CENTER,
    HEADING,
    SMALL,
    TITLE,
    QrFlowable,
    cell_style,
    field_table,
    grid_table,
    head_cells,
    p,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import markup, plain

HEADING_LOOSE = ParagraphStyle("historyheading", parent=HEADING, keepWithNext=0)
NOTE = ParagraphStyle("historynote", parent=CELL, alignment=TA_JUSTIFY, spaceAfter=4)
LONG_NOTE = 300  # characters: a longer note gets a full-width row of its own


def paragraphs_of(text: str) -> list[str]:
    """Blank-line separated paragraphs of user text (each escaped later by p())."""
    parts = [x.strip() for x in str(text).replace("\r\n", "\n").split("\n\n")]
    return [x for x in parts if x] or [""]


def _status_change(e: HistoryEvent) -> str:
    if e.from_status is None and e.to_status is None:
        return "-"
    if e.from_status is None:
        return e.to_status.label if e.to_status else "-"
    if e.to_status is None or e.to_status == e.from_status:
        return e.from_status.label
    return f"{e.from_status.label} → {e.to_status.label}"


def render_history(data: CaseHistory, templates: Templates, paper: str | None = None) -> bytes:
    setup = setup_for(
        templates,
        data.office_code,
        paper,
        title=f"Riwayat Kasus {plain(data.ticket)}",
        marking="RAHASIA" if data.rahasia else "",
        keywords=plain(data.verification_url),
    )
    width = text_width(setup.paper)
    reporter = (
        "Pelapor Anonim"
        if data.reporter.anonymous or not plain(data.reporter.name)
        else data.reporter.name
    )
    fields: list[tuple[str, Any]] = [("Nomor Tiket", data.ticket)]
    if data.rahasia:
        fields.append(("Sifat", "Rahasia"))
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
    if plain(data.duplicate_of):
        fields.append(("Duplikat dari", data.duplicate_of))
    if data.duplicates:
        fields.append(("Duplikatnya", ", ".join(data.duplicates)))
    fields.append(("Ringkasan", data.summary))
    for d in data.deadlines:  # due dates, not events: "Batas verifikasi: …"
        label = plain(d.label)
        fields.append((f"Batas {label[:1].lower()}{label[1:]}", day_date(d.due)))
    story: list[Any] = [
        Paragraph(markup(templates.text("history", "title")), TITLE),
        Spacer(1, 5 * mm),
        field_table(fields, 34 * mm, width),
        # The table starts on page 1 when a few rows fit (its header repeats on each
        # page); the heading alone never ends a page.
        CondPageBreak(35 * mm),
        Paragraph("Riwayat Penanganan", HEADING_LOOSE),
    ]
    rows: list[list[Any]] = [head_cells("No", "Waktu", "Tindakan", "Status", "Oleh", "Keterangan")]
    longs: list[tuple[int, HistoryEvent]] = []
    for i, e in enumerate(data.events, start=1):
        actor = plain(e.actor) + (f" ({plain(e.role)})" if plain(e.role) else "")
        note = plain(e.opd)
        long = len(plain(e.text)) > LONG_NOTE
        text_cell: list[Any] = [p(e.text, CELL)] if plain(e.text) and not long else []
        if long:
            text_cell.append(p(f"(uraian lengkap di bawah, No. {i})", CELL))
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
        if long:  # a long answer runs the full width below, not down a 35 mm column
            longs.append((i, e))
    story.append(
        grid_table(
            rows, [8 * mm, 24 * mm, 27 * mm, 30 * mm, 26 * mm, width - 115 * mm], font_size=9
        )
    )
    if longs:
        story.append(Paragraph("Uraian Lengkap", HEADING))
        for i, e in longs:
            story.append(
                Paragraph(
                    f"<b>No. {i}</b> — {markup(e.action.label)}, {markup(short_date_time(e.at))}",
                    CELL,
                )
            )
            story += [p(x, NOTE, 20000) for x in paragraphs_of(e.text)]
    if not data.events:
        story.append(p("Belum ada riwayat.", CELL))
    values = {
        "pencetak": plain(data.printed_by) or "-",
        "waktu_cetak": date_time(data.printed_at),
    }
    note = p(templates.text("history", "note", values), SMALL)
    if plain(data.verification_url):
        # The verification QR beside the printing note, kept together with it.
        qr = 18 * mm
        caption = p(pointer_caption(templates, data.verification_url), SMALL)
        note_table = Table(
            [[QrFlowable(data.verification_url, qr), [note, Spacer(1, 1 * mm), caption]]],
            colWidths=[qr + 3 * mm, width - qr - 3 * mm],
        )
        note_table.setStyle(TableStyle(cell_style(9, "MIDDLE", 0, 0, 0, 0)))
        story += [Spacer(1, 4 * mm), note_table]
    else:
        story += [Spacer(1, 4 * mm), note]
    return build_pdf(story, setup)

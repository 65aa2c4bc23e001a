"""Tanda terima (LETTERS.md): the walk-in reporter's receipt, ticket in large type + QR."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from lapor_desktop.pdf.data import ReceiptData, Signatory
from lapor_desktop.pdf.dates import date_time, day_date, place_date
from lapor_desktop.pdf.fonts import BOLD
from lapor_desktop.pdf.page import build_pdf, setup_for, text_width
from lapor_desktop.pdf.parts import (
    BASE,
    BODY,
    CELL,
    TITLE,
    QrFlowable,
    SignatureBlock,
    cell_style,
    field_table,
    p,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import clip, clip_words, markup, plain

TITLE_LIMIT = 400  # the intake form allows 300 characters
TICKET = ParagraphStyle("ticket", parent=BASE, fontName=BOLD, fontSize=20, leading=24)


# (title, summary, other fields) character limits, tried in order until the box fits.
BOX_LIMITS = ((TITLE_LIMIT, 900, 200), (300, 400, 120), (200, 200, 80), (100, 100, 40))
BOX_MAX = 130 * mm


def _box(
    data: ReceiptData,
    reporter: str,
    width: float,
    title_limit: int,
    summary_limit: int,
    other_limit: int,
) -> Table:
    qr_size = 34 * mm
    fields: list[tuple[str, Any]] = [
        ("Nomor Tiket", Paragraph(markup(clip(data.ticket, 60)), TICKET))
    ]
    if plain(data.tracking_id):
        fields.append(("Nomor Tracking", data.tracking_id))
    fields += [
        ("Diterima", date_time(data.received_at)),
        ("Kanal", data.channel),
        ("Klasifikasi", data.klasifikasi),
        ("Pelapor", reporter),
        # Wrapped in full (intake allows 300 characters); never cut inside a word.
        ("Judul", Paragraph(markup(clip_words(data.title, title_limit)), CELL)),
        ("Ringkasan", Paragraph(markup(clip_words(data.summary, summary_limit)), CELL)),
        ("Petugas", data.officer),
    ]
    left = field_table(fields, 28 * mm, width - qr_size - 8 * mm, limit=other_limit)
    box = Table(
        [[left, QrFlowable(data.qr_payload or data.ticket, qr_size, data.ticket)]],
        colWidths=[width - qr_size - 6 * mm, qr_size + 6 * mm],
    )
    box.setStyle(
        TableStyle(
            [*cell_style(9.5, "TOP", 6, 6, 6, 6), ("BOX", (0, 0), (-1, -1), 0.8, colors.black)]
        )
    )
    return box


def render_receipt(data: ReceiptData, templates: Templates, paper: str | None = None) -> bytes:
    lh = templates.letterhead(data.office_code)
    setup = setup_for(
        templates,
        data.office_code,
        paper,
        title=f"Tanda Terima {plain(data.ticket)}",
        compact_kop=True,
        # the verification pointer when the QR holds one (not the bare ticket)
        keywords=plain(data.qr_payload) if plain(data.qr_payload) != plain(data.ticket) else "",
    )
    width = text_width(setup.paper)
    values = {
        "tiket": plain(data.ticket),
        "telepon": plain(lh.phone) or "-",
        "laman": plain(lh.website) or "-",
        "email": plain(lh.email) or "-",
    }
    reporter = (
        "Pelapor Anonim"
        if data.reporter.anonymous or not plain(data.reporter.name)
        else data.reporter.name
    )
    # The receipt's box is one table cell that cannot split over pages: every field is
    # clipped, the title and summary after a whole word, shorter only if they must.
    box = None
    for title_limit, summary_limit, other_limit in BOX_LIMITS:
        box = _box(data, reporter, width, title_limit, summary_limit, other_limit)
        if box.wrap(width, BOX_MAX)[1] <= BOX_MAX:
            break
    assert box is not None
    story: list[Any] = [
        Paragraph(markup(templates.text("receipt", "title")), TITLE),
        Spacer(1, 5 * mm),
        Paragraph(markup(templates.text("receipt", "intro", values)), BODY),
        Spacer(1, 2 * mm),
        box,
        Spacer(1, 5 * mm),
    ]
    if data.deadlines:
        story.append(p("Batas waktu yang dapat Saudara harapkan:", BASE))
        story.append(
            field_table([(d.label, day_date(d.due)) for d in data.deadlines], 70 * mm, width, 300)
        )
        story.append(Spacer(1, 3 * mm))
    story.append(p("Langkah selanjutnya:", BASE))
    steps = ParagraphStyle("steps", parent=CELL, leftIndent=6 * mm, firstLineIndent=-6 * mm)
    for i, step in enumerate(templates.texts("receipt", "next_steps", values), start=1):
        story.append(Paragraph(f"{i}.&nbsp;&nbsp;{markup(step)}", steps))
    story += [
        Spacer(1, 3 * mm),
        Paragraph(markup(templates.text("receipt", "follow_up", values)), CELL),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{markup(templates.text('receipt', 'free', values))}</b>", CELL),
        Spacer(1, 4 * mm),
        SignatureBlock(
            Signatory(jabatan="Petugas Loket", name=data.officer),
            date_line=place_date(lh.city, data.received_at.date()),
        ),
    ]
    return build_pdf(story, setup)

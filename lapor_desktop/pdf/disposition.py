"""Lembar disposisi (a form for one case) and surat penerusan (a letter, one or more
cases) from the regency admin to an OPD (LETTERS.md B1, B2)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from lapor_desktop.pdf.data import DispositionSheet, ForwardingLetter
from lapor_desktop.pdf.dates import long_date, place_date, short_date
from lapor_desktop.pdf.fonts import REGULAR
from lapor_desktop.pdf.letter import letter_context
from lapor_desktop.pdf.page import PageSetup, build_pdf, text_width
from lapor_desktop.pdf.parts import (
    CELL,
    CELL_BOLD,
    CELL_CENTER,
    TITLE,
    CheckList,
    SignatureBlock,
    addressee,
    body,
    closing_group,
    field_table,
    grid_table,
    head_cells,
    header_block,
    p,
    tembusan,
    token_cell,
    token_width,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import clip, counted, markup, plain

SIFAT = ("Sangat Segera", "Segera", "Biasa")


def render_disposition(
    data: DispositionSheet, templates: Templates, paper: str | None = None
) -> bytes:
    """Lembar disposisi: a bordered form for one case."""
    lh = templates.letterhead(data.office_code)
    setup = PageSetup(
        paper=paper or templates.paper,
        letterhead=lh,
        emblem=templates.emblem_path(lh),
        title=f"Lembar Disposisi {plain(data.case.tracking)}",
    )
    width = text_width(setup.paper)
    half = width / 2
    case = data.case
    left = field_table(
        [
            ("Nomor Tracking", case.tracking),
            ("Nomor Tiket", case.ticket),
            ("Tanggal Laporan", long_date(case.reported)),
            ("Kanal", case.channel or "-"),
            ("Klasifikasi", case.klasifikasi or "-"),
            ("Kategori", case.category or "-"),
            ("Ringkasan", clip(case.summary, 900)),
        ],
        27 * mm,
        half - 8,
        limit=150,
    )
    sifat = plain(data.sifat).lower()
    right = [
        field_table(
            [
                ("Tanggal Diterima", long_date(case.received) if case.received else "-"),
                ("Nomor Agenda", data.agenda_number or "-"),
                ("Batas Waktu Tindak Lanjut", long_date(case.due) if case.due else "-"),
            ],
            30 * mm,
            half - 8,
            limit=150,
        ),
        Spacer(1, 2 * mm),
        p("Sifat:", CELL),
        CheckList([(s, s.lower() == sifat) for s in SIFAT], columns=2),
    ]
    wanted = [clip(i, 80) for i in data.instructions if plain(i)][:12]
    known = templates.texts("disposition", "instructions")
    ticks = [(k, k in wanted) for k in known] + [(w, True) for w in wanted if w not in known]
    rows: list[list[Any]] = [
        [left, right],
        [
            Paragraph(
                f"<b>Diteruskan kepada Yth.:</b> {markup(clip(data.to, 300, fallback=True))}", CELL
            ),
            "",
        ],
        [[p("Dengan hormat harap:", CELL_BOLD), CheckList(ticks, columns=2)], ""],
        [[p("Catatan:", CELL_BOLD), p(data.note, CELL, 1200), Spacer(1, 18 * mm)], ""],
    ]
    grid = Table(rows, colWidths=[half, half])
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9.5),
                ("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                ("SPAN", (0, 1), (1, 1)),
                ("SPAN", (0, 2), (1, 2)),
                ("SPAN", (0, 3), (1, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story: list[Any] = [
        Paragraph(markup(templates.text("disposition", "title")), TITLE),
        Spacer(1, 5 * mm),
        grid,
        Spacer(1, 6 * mm),
        SignatureBlock(
            data.signatory or templates.signatory(data.office_code, "disposition"),
            date_line=place_date(lh.city, data.date),
        ),
    ]
    return build_pdf(story, setup)


def render_forwarding(
    data: ForwardingLetter, templates: Templates, paper: str | None = None
) -> bytes:
    """Surat penerusan: a letter to the OPD with a table of the forwarded cases."""
    ctx = letter_context(
        templates,
        data.office_code,
        "forwarding",
        data.date,
        data.signatory,
        f"Surat Penerusan {plain(data.nomor)}",
        paper,
    )
    width = text_width(ctx.setup.paper)
    values = {
        "tracking": plain(data.cases[0].tracking) if data.cases else "-",
        "jumlah": counted(len(data.cases)),
        "tujuan": plain(data.to, fallback=True),
    }
    hal_key = "hal" if len(data.cases) == 1 else "hal_many"
    story: list[Any] = [
        header_block(
            data.nomor,
            templates.text("forwarding", "sifat"),
            templates.text("forwarding", "lampiran"),
            templates.text("forwarding", hal_key, values),
            ctx.place_date,
            width,
        )
    ]
    story += addressee([data.to], data.to_place)
    story += body(templates.text("forwarding", "body", values))
    rows: list[list[Any]] = [
        head_cells("No", "Nomor Tracking", "Tanggal", "Ringkasan", "Batas Waktu")
    ]
    track_w = token_width([c.tracking for c in data.cases], CELL, 30 * mm, 40 * mm)
    for i, c in enumerate(data.cases, start=1):
        rows.append(
            [
                p(str(i), CELL_CENTER),
                token_cell(c.tracking, CELL, track_w),
                p(short_date(c.reported), CELL_CENTER),
                p(c.summary, CELL),
                p(short_date(c.due) if c.due else "-", CELL_CENTER),
            ]
        )
    story.append(grid_table(rows, [9 * mm, track_w, 22 * mm, width - 53 * mm - track_w, 22 * mm]))
    story.append(Spacer(1, 4 * mm))
    if plain(data.instruction):
        story += body(data.instruction)
    story += closing_group(
        body(templates.text("forwarding", "closing", values)),
        [
            Spacer(1, 4 * mm),
            ctx.signature(templates, data.verification_url or data.nomor),
            *tembusan(templates.texts("forwarding", "tembusan", values)),
        ],
    )
    return build_pdf(story, ctx.setup)

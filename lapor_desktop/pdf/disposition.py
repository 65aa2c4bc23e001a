"""Lembar disposisi (a form for one case) and surat penerusan (a letter, one or more
cases) from the regency admin to an OPD (LETTERS.md B1, B2)."""

from __future__ import annotations

import dataclasses
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from lapor_desktop.pdf.data import DispositionSheet, ForwardingLetter
from lapor_desktop.pdf.dates import long_date, place_date, short_date
from lapor_desktop.pdf.fonts import BOLD
from lapor_desktop.pdf.letter import letter_context, pointer_caption
from lapor_desktop.pdf.page import (
    build_pdf,
    form_paper,
    paper_size,
    setup_for,
    text_width,
)
from lapor_desktop.pdf.parts import (
    CELL,
    CELL_CENTER,
    TITLE,
    CheckList,
    SignatureBlock,
    addressee,
    body,
    cell_style,
    field_table,
    grid_table,
    head_cells,
    header_block,
    p,
    token_cell,
    token_width,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import clip, clip_words, counted, markup, plain

SIFAT = ("Sangat Segera", "Segera", "Biasa")
FORM_MARGINS = (15 * mm, 12 * mm)  # a form on A5: narrower margins than a letter
FORM_CELL = ParagraphStyle("formcell", parent=CELL, fontSize=8.5, leading=10)
FORM_BOLD = ParagraphStyle("formbold", parent=FORM_CELL, fontName=BOLD)
FORM_TITLE = ParagraphStyle("formtitle", parent=TITLE, fontSize=11.5, leading=14)


def render_disposition(
    data: DispositionSheet, templates: Templates, paper: str | None = None
) -> bytes:
    """Lembar disposisi: a bordered form for one case, on A5 (half F4 with F4 letters;
    LETTERS.md B1) with the compact kop. A *rahasia* case is marked RAHASIA."""
    lh = templates.letterhead(data.office_code)
    setup = setup_for(
        templates,
        data.office_code,
        form_paper(paper or templates.paper),
        title=f"Lembar Disposisi {plain(data.case.tracking)}",
        compact_kop=True,
        margins=FORM_MARGINS,
        marking="RAHASIA" if data.rahasia else "",
        keywords=plain(data.verification_url),
    )
    width = paper_size(setup.paper)[0] - sum(FORM_MARGINS)
    half = width / 2
    case = data.case
    left = field_table(
        [
            ("Nomor Tracking", clip(case.tracking, 40)),
            ("Nomor Tiket", clip(case.ticket, 40)),
            ("Tanggal Laporan", long_date(case.reported)),
            ("Kanal", clip(case.channel, 60) or "-"),
            ("Klasifikasi", clip(case.klasifikasi, 60) or "-"),
            ("Kategori", clip(case.category, 80) or "-"),
        ],
        23 * mm,
        half - 8,
        limit=300,  # the short fields are clipped below; a form holds one A5 page
        style=FORM_CELL,
    )
    sifat = plain(data.sifat).lower()
    # The agenda number is the register's (the forwarding letter's number) when there is
    # one; else a line to write it on by hand.
    agenda = plain(data.agenda_number) or "...................."
    boxes = [(s, s.lower() == sifat) for s in SIFAT]
    if data.rahasia:
        boxes.append(("Rahasia", True))
    right = [
        field_table(
            [
                ("Tanggal Diterima", long_date(case.received) if case.received else "-"),
                ("Nomor Agenda", agenda),
                ("Batas Waktu Tindak Lanjut", long_date(case.due) if case.due else "-"),
            ],
            24 * mm,
            half - 8,
            limit=150,
            style=FORM_CELL,
        ),
        Spacer(1, 1.5 * mm),
        p("Sifat:", FORM_CELL),
        CheckList(boxes, size=8.5, columns=2),
    ]
    wanted = [clip(i, 80) for i in data.instructions if plain(i)][:12]
    known = templates.texts("disposition", "instructions")
    ticks = [(k, k in wanted) for k in known] + [(w, True) for w in wanted if w not in known]
    rows: list[list[Any]] = [
        [left, right],
        # The summary across the sheet: in a half-width column its 300 characters made
        # the form run onto a second A5 page, leaving the signature alone there.
        [
            field_table(
                [("Ringkasan", clip_words(case.summary, 300))],
                23 * mm,
                width - 8,
                limit=300,
                style=FORM_CELL,
            ),
            "",
        ],
        [
            Paragraph(
                f"<b>Diteruskan kepada Yth.:</b> {markup(clip(data.to, 200, fallback=True))}",
                FORM_CELL,
            ),
            "",
        ],
        [[p("Dengan hormat harap:", FORM_BOLD), CheckList(ticks, size=8.5, columns=2)], ""],
        # room to write by hand under a short note; a long one (up to 400 characters)
        # takes that room itself, so the form and its signature stay on one A5 page
        [
            [
                p("Catatan:", FORM_BOLD),
                p(data.note, FORM_CELL, 400),
                Spacer(1, (10 if len(plain(data.note)) <= 100 else 2) * mm),
            ],
            "",
        ],
    ]
    grid = Table(rows, colWidths=[half, half])
    grid.setStyle(
        TableStyle(
            [
                *cell_style(8.5, "TOP", 3, 6, 3, 4),
                ("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                ("SPAN", (0, 1), (1, 1)),
                ("SPAN", (0, 2), (1, 2)),
                ("SPAN", (0, 3), (1, 3)),
                ("SPAN", (0, 4), (1, 4)),
            ]
        )
    )
    story: list[Any] = [
        Paragraph(markup(templates.text("disposition", "title")), FORM_TITLE),
        Spacer(1, 3 * mm),
        grid,
        Spacer(1, 3 * mm),
        SignatureBlock(
            data.signatory or templates.signatory(data.office_code, "disposition"),
            date_line=place_date(lh.city, data.date),
            offset=width - 66 * mm,
            width=66 * mm,
            size=10,
            space=16 * mm,
            pointer=data.verification_url,
            caption=pointer_caption(templates, data.verification_url),
            pointer_size=18 * mm,
        ),
    ]
    return build_pdf(story, setup)


def letter_sifat(urgency: str, rahasia: bool) -> str:
    """The Sifat line: "Rahasia" for a confidential case, else the urgency."""
    return "Rahasia" if rahasia else plain(urgency)


def render_forwarding(
    data: ForwardingLetter, templates: Templates, paper: str | None = None
) -> bytes:
    """Surat penerusan: a letter to the OPD with a table of the forwarded cases."""
    ctx = letter_context(
        templates, data, "forwarding", f"Surat Penerusan {plain(data.nomor)}", paper
    )
    if data.rahasia:
        ctx = dataclasses.replace(ctx, setup=dataclasses.replace(ctx.setup, marking="RAHASIA"))
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
            letter_sifat(data.sifat or templates.text("forwarding", "sifat"), data.rahasia),
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
    story += ctx.closing(templates, "forwarding", values, data)
    return build_pdf(story, ctx.setup)

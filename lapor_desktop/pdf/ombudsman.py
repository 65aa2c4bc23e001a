"""Penyampaian ke Ombudsman (LETTERS.md C): cases past the escalation limit.

The cases go into an annex table on its own page, with its header repeated."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from lapor_desktop.pdf.data import OmbudsmanLetter
from lapor_desktop.pdf.dates import short_date
from lapor_desktop.pdf.letter import letter_context
from lapor_desktop.pdf.page import build_pdf, text_width
from lapor_desktop.pdf.parts import (
    CELL,
    CELL_CENTER,
    SMALL,
    TITLE,
    addressee,
    body,
    distinct_copies,
    grid_table,
    head_cells,
    head_title,
    header_block,
    p,
    token_cell,
    token_width,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import counted, markup, plain


def render_ombudsman(
    data: OmbudsmanLetter, templates: Templates, paper: str | None = None
) -> bytes:
    ctx = letter_context(
        templates, data, "ombudsman", f"Penyampaian ke Ombudsman {plain(data.nomor)}", paper
    )
    width = text_width(ctx.setup.paper)
    values = {
        "jumlah": counted(len(data.cases)),
        "periode": f" pada {plain(data.period)}" if plain(data.period) else "",
        "batas_hari": templates.text("ombudsman", "escalation_days"),
    }
    story: list[Any] = [
        header_block(
            data.nomor,
            templates.text("ombudsman", "sifat"),
            templates.text("ombudsman", "lampiran"),
            templates.text("ombudsman", "hal", values),
            ctx.place_date,
            width,
        )
    ]
    story += addressee(
        [templates.text("ombudsman", "addressee", values)],
        templates.text("ombudsman", "place", values),
    )
    story += body(templates.text("ombudsman", "body", values))
    # The heads of the OPDs in the table, by their titles (Camat …, Direktur RSUD …),
    # once each: "Inspektorat Daerah" is the Inspektur already copied.
    copies = distinct_copies(
        templates.texts("ombudsman", "tembusan", values)
        + [head_title(o) for o in data.opds_concerned]
        + templates.texts("ombudsman", "tembusan_end", values)
    )
    story += ctx.closing(templates, "ombudsman", values, data, copies)
    # Annex on its own page.
    story += [
        PageBreak(),
        Paragraph(
            f"Lampiran Surat Nomor {markup(data.nomor)} tanggal "
            f"{markup(ctx.place_date.split(', ', 1)[-1])}",
            SMALL,
        ),
        Spacer(1, 3 * mm),
        Paragraph(markup(templates.text("ombudsman", "annex_title", values)), TITLE),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = [
        head_cells(
            "No",
            "Nomor Tracking",
            "Tanggal Masuk",
            "Perangkat Daerah",
            "Klasifikasi",
            "Hari berjalan",
            "Status/Kendala",
        )
    ]
    # A tracking number never wraps: its column grows (from Perangkat Daerah and
    # Status) to the longest one.
    track_w = token_width([c.tracking for c in data.cases], CELL, 22 * mm, 36 * mm)
    opd_w = 36 * mm - (track_w - 22 * mm) / 2
    widths = [8 * mm, track_w, 20 * mm, opd_w, 22 * mm, 15 * mm]
    widths.append(width - sum(widths))
    for i, c in enumerate(data.cases, start=1):
        rows.append(
            [
                p(str(i), CELL_CENTER),
                token_cell(c.tracking, CELL, track_w),
                p(short_date(c.received), CELL_CENTER),
                p(c.opd, CELL),
                p(c.klasifikasi, CELL),
                p(str(c.days_running), CELL_CENTER),
                p(c.status, CELL),
            ]
        )
    story.append(
        grid_table(
            rows,
            widths,
            font_size=9,
        )
    )
    if not data.cases:
        story.append(p("Tidak ada pengaduan yang melewati batas waktu.", CELL))
    return build_pdf(story, ctx.setup)

"""Surat jawaban (LETTERS.md A): OPD → reporter, after the head's approval.

An anonymous report prints no name and no address, only the tracking number.
"""

from __future__ import annotations

from lapor_desktop.pdf.data import AnswerLetter
from lapor_desktop.pdf.dates import long_date
from lapor_desktop.pdf.letter import letter_context
from lapor_desktop.pdf.page import build_pdf, text_width
from lapor_desktop.pdf.parts import (
    addressee,
    body,
    header_block,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import channel_phrase, plain, without_end


def render_answer(data: AnswerLetter, templates: Templates, paper: str | None = None) -> bytes:
    ctx = letter_context(templates, data, "answer", f"Surat Jawaban {plain(data.tracking)}", paper)
    values = {
        "tracking": plain(data.tracking),
        "nama": plain(data.reporter.name, fallback=True),
        "kanal": plain(data.channel, fallback=True),
        "cara": channel_phrase(data.channel),
        "tanggal_laporan": long_date(data.reported),
        "perihal": without_end(data.subject),
    }
    story: list = [
        header_block(
            data.nomor,
            templates.text("answer", "sifat"),
            data.lampiran or "-",
            templates.text("answer", "hal", values),
            ctx.place_date,
            text_width(ctx.setup.paper),
        )
    ]
    if data.reporter.anonymous or not plain(data.reporter.name):
        story += addressee(
            [templates.text("answer", "anonymous_addressee", values)],
            templates.text("answer", "anonymous_place"),
        )
    else:
        story += addressee(
            [templates.text("answer", "addressee", values)],
            plain(data.reporter.address, fallback=True)
            or templates.text("answer", "anonymous_place"),
        )
    story += body(templates.text("answer", "opening", values))
    story += body(data.answer)
    story += ctx.closing(templates, "answer", values, data)
    return build_pdf(story, ctx.setup)

"""User text is printed literally and never breaks a document (LETTERS.md, ReportLab traps)."""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any

import pytest

from lapor_desktop.pdf import (
    AnnexRow,
    CaseRef,
    HistoryEvent,
    OmbudsmanCase,
    OpdRow,
    Reporter,
    Signatory,
    render_answer,
    render_disposition,
    render_forwarding,
    render_history,
    render_monthly,
    render_ombudsman,
    render_receipt,
    samples,
)
from tests.pdf.conftest import font_problems, pdf_text

LONG_WORD = "W" * 10_000
HOSTILE = (
    'AT&T <b>tebal <i>miring </para> <img src="/etc/passwd"/> &amp; &nbsp; '
    '<font color="red">merah</font> <br/> ${nama} $$ \x00\x07\x1b\r\n'
    "baris baru \ud800 😀 Ünïcödé ‘kutip’ — " + LONG_WORD + " akhir"
)  # fmt: skip
VISIBLE = [
    "AT&T <b>tebal <i>miring </para>",
    '<img src="/etc/passwd"/>',
    "&amp; &nbsp;",
    '<font color="red">merah</font> <br/>',
    "${nama} $$",
    "Ünïcödé ‘kutip’",
    "akhir",
]


def hostile(obj: Any) -> Any:
    """A copy of a dataclass tree with every str field replaced by the hostile text."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if isinstance(v, str) and not isinstance(v, Enum) and f.name != "office_code":
                changes[f.name] = HOSTILE
            elif isinstance(v, tuple):
                changes[f.name] = tuple(hostile(x) for x in v)
            elif dataclasses.is_dataclass(v):
                changes[f.name] = hostile(v)
        return dataclasses.replace(obj, **changes)
    return HOSTILE if isinstance(obj, str) else obj


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


DOCUMENTS = {
    "receipt": (render_receipt, samples.receipt),
    "disposition": (render_disposition, samples.disposition),
    "forwarding": (render_forwarding, lambda: samples.forwarding(2)),
    "answer": (render_answer, samples.answer),
    "ombudsman": (render_ombudsman, lambda: samples.ombudsman(3)),
    "history": (render_history, lambda: samples.history(3)),
    "monthly": (render_monthly, lambda: samples.monthly(5)),
}


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_hostile_text_everywhere_never_crashes(kind, templates) -> None:
    render, sample = DOCUMENTS[kind]
    pdf = render(hostile(sample()), templates)
    text = squash(pdf_text(pdf))
    assert squash(VISIBLE[0]) in text
    assert squash('<img src="/etc/passwd"/>') in text
    assert "W" * 30 in text
    assert font_problems(pdf) == []


def test_answer_body_prints_every_piece_literally(templates) -> None:
    data = dataclasses.replace(samples.answer(), answer=HOSTILE, subject=HOSTILE)
    text = squash(pdf_text(render_answer(data, templates)))
    for piece in VISIBLE:
        assert squash(piece) in text, piece
    # the whole 10,000-character word is printed (broken over lines, nothing lost)
    assert text.count("W") >= 2 * 10_000
    assert "\x00" not in text and "\x07" not in text
    assert "😀" in text  # the emoji, from the fallback font


def test_receipt_ticket_and_qr_with_hostile_ticket(templates) -> None:
    data = dataclasses.replace(samples.receipt(), ticket="<script>&x", qr_payload="")
    assert "<script>&x" in pdf_text(render_receipt(data, templates))


def test_hostile_names_in_tables_and_annex(templates) -> None:
    base = samples.monthly(3)
    data = dataclasses.replace(
        base,
        by_opd=(OpdRow(HOSTILE, 1, 1, 0, 0),),
        annex=(AnnexRow(HOSTILE, "<t&>", base.annex[0].received, HOSTILE, HOSTILE, HOSTILE,
                        HOSTILE, 3),),
    )  # fmt: skip
    text = pdf_text(render_monthly(data, templates))
    assert "<t&>" in text
    assert "AT&T <b>tebal" in text


def test_hostile_signatory_and_reporter(templates) -> None:
    sig = Signatory(jabatan=HOSTILE, name="<b>Nama</b> & Co", pangkat=HOSTILE, nip="<1>",
                    electronic=True)  # fmt: skip
    data = dataclasses.replace(
        samples.answer(), signatory=sig, reporter=Reporter("<i>Budi", "Jl. <x> & y")
    )
    text = pdf_text(render_answer(data, templates))
    assert "<b>Nama</b> & Co" in text
    assert "Sdr. <i>Budi" in text
    assert "NIP. <1>" in text


def test_other_hostile_rows(templates) -> None:
    ref = CaseRef(ticket=HOSTILE, reported=samples.case_ref().reported, summary=HOSTILE)
    assert render_forwarding(dataclasses.replace(samples.forwarding(), cases=(ref,)), templates)
    case = OmbudsmanCase(HOSTILE, ref.reported, HOSTILE, HOSTILE, 99, HOSTILE)
    assert render_ombudsman(dataclasses.replace(samples.ombudsman(), cases=(case,)), templates)
    ev = dataclasses.replace(samples.history().events[0], actor=HOSTILE, text=HOSTILE * 3)
    assert isinstance(ev, HistoryEvent)
    assert render_history(dataclasses.replace(samples.history(), events=(ev,) * 5), templates)

"""Issue 15: the disposition sheet (A5, agenda number, NIP, Sifat), RAHASIA markings and
the case history (table from page 1, due dates as due dates, long answers full width),
read back from the PDF."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

from pypdf import PdfReader
from reportlab.lib.units import mm

from lapor_desktop.pdf import render_disposition, render_forwarding, render_history, samples
from lapor_desktop.pdf.data import ExpectedDeadline, Signatory
from tests.pdf.test_content import lowest_text
from tests.pdf.test_layout import page_texts, pages_with


def page_size_mm(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) / mm), round(float(box.height) / mm)


def test_disposition_sheet_is_a5_or_half_f4(templates) -> None:
    sheet = render_disposition(samples.disposition(), templates)
    assert page_size_mm(sheet) == (148, 210)
    assert len(page_texts(sheet)) == 1
    f4 = render_disposition(samples.disposition(), templates, paper="F4")
    assert page_size_mm(f4) == (165, 215)
    text = page_texts(sheet)[0]
    for expected in (
        "LEMBAR DISPOSISI PENGADUAN SP4N-LAPOR!",
        "117/XI/2026",  # agenda number
        "Diteruskan kepada Yth.:",
        "Dengan hormat harap:",
        "NIP. 197501012000031002",
    ):
        assert expected in text, expected


def test_a_full_disposition_sheet_stays_on_one_a5_page_with_its_signature(templates) -> None:
    """The demo's 290-character summary pushed the signature alone onto a second page."""
    case = dataclasses.replace(
        samples.disposition().case,
        summary=("Jalan berlubang di Jl. Kartini, Kecamatan Siak Hulu. " * 8)[:300],
        category="Infrastruktur (jalan, jembatan, drainase)",
    )
    data = dataclasses.replace(
        samples.disposition(),
        case=case,
        note="Mohon ditinjau ke lokasi dan dilaporkan hasilnya. " * 4,
        verification_url="LAPOR|2611-DEMO-00012|DISPOSISI|0123456789abcdef",
    )
    pages = page_texts(render_disposition(data, templates))
    assert len(pages) == 1
    assert "Ringkasan" in pages[0] and "NIP. 197501012000031002" in pages[0]


def test_disposition_sheet_prints_the_signers_nip_and_a_line_for_the_agenda(templates) -> None:
    data = dataclasses.replace(
        samples.disposition(),
        agenda_number="",
        signatory=Signatory(jabatan="Admin Koordinator SP4N-LAPOR!", name="Rina", nip="1" * 18),
    )
    text = page_texts(render_disposition(data, templates))[0]
    assert f"NIP. {'1' * 18}" in text
    assert "Nomor Agenda : ...................." in text


def test_rahasia_is_marked_on_the_sheet_the_letter_and_the_history(templates) -> None:
    sheet = page_texts(
        render_disposition(dataclasses.replace(samples.disposition(), rahasia=True), templates)
    )
    assert sheet[0].count("RAHASIA") == 2 and "Rahasia" in sheet[0]  # top, foot, tick
    letter = page_texts(
        render_forwarding(dataclasses.replace(samples.forwarding(), rahasia=True), templates)
    )
    assert all(t.count("RAHASIA") == 2 for t in letter)  # the top and foot of each page
    assert "Sifat : Rahasia" in letter[0] and "Sifat : Segera" not in letter[0]
    history = page_texts(
        render_history(dataclasses.replace(samples.history(), rahasia=True), templates)
    )
    assert all(t.count("RAHASIA") == 2 for t in history)
    assert "Sifat : Rahasia" in history[0]
    plain = page_texts(render_forwarding(samples.forwarding(), templates))
    assert "RAHASIA" not in " ".join(plain) and "Sifat : Segera" in plain[0]


def test_forwarding_letter_prints_the_sifat_it_is_given(templates) -> None:
    data = dataclasses.replace(samples.forwarding(), sifat="Sangat Segera")
    assert "Sifat : Sangat Segera" in page_texts(render_forwarding(data, templates))[0]


def test_history_table_starts_on_page_one(templates) -> None:
    """Issue 15: page 1 ~55 % empty because the events table jumped whole to page 2."""
    pdf = render_history(samples.history(20), templates)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    assert pages_with(pages, "Laporan dicatat di loket.")[0] == 1
    assert lowest_text(pdf, 1) > 0.8
    assert pages[1].count("Tindakan") == 1  # the header repeats on the next page


def test_history_labels_due_dates_as_due_dates(templates) -> None:
    data = dataclasses.replace(
        samples.history(),
        deadlines=(
            ExpectedDeadline("Verifikasi", date(2026, 11, 9)),
            ExpectedDeadline("Tindak lanjut", date(2026, 11, 23)),
        ),
    )
    text = " ".join(page_texts(render_history(data, templates)))
    assert "Batas verifikasi : Senin, 9 November 2026" in text
    assert "Batas tindak lanjut : Senin, 23 November 2026" in text
    assert "Verifikasi : Senin" not in text


def test_history_prints_a_long_answer_full_width(templates) -> None:
    """Issue 15: a 6,000-character answer in a 35 mm column ran over 4 pages."""
    answer = "\n\n".join(
        f"Paragraf {n}. " + "Isi jawaban yang panjang sekali. " * 62 for n in range(3)
    )
    assert len(answer) > 6000
    base = samples.history()
    events = list(base.events)
    events[5] = dataclasses.replace(events[5], text=answer + " Akhir jawaban.")
    pages = page_texts(render_history(dataclasses.replace(base, events=tuple(events)), templates))
    assert len(pages) <= 2
    text = " ".join(pages)
    assert "(uraian lengkap di bawah, No. 6)" in text
    assert "Uraian Lengkap" in text and "Akhir jawaban." in text
    assert "Paragraf 2." in text

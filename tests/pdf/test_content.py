"""Issue 15, "Content": what the monthly summary and the letters *say*, read back from
the PDF page by page (definitions per section, one meaning per word, counts in words)."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
from datetime import date
from typing import Any

from pypdf import PdfReader

from lapor_desktop.pdf import render_answer, render_monthly, render_ombudsman, samples
from lapor_desktop.pdf.data import CountRow, OpdRow, Signatory
from lapor_desktop.pdf.text import counted, join_sentences, terbilang, without_end
from tests.pdf.test_layout import page_texts


def between(text: str, start: str, end: str) -> str:
    a = text.index(start)
    return text[a : text.index(end, a)]


def test_terbilang_writes_indonesian_number_words() -> None:
    cases = {
        0: "nol", 1: "satu", 3: "tiga", 10: "sepuluh", 11: "sebelas", 12: "dua belas",
        19: "sembilan belas", 20: "dua puluh", 45: "empat puluh lima", 100: "seratus",
        118: "seratus delapan belas", 250: "dua ratus lima puluh", 1000: "seribu",
        1250: "seribu dua ratus lima puluh", 2026: "dua ribu dua puluh enam",
        100_000: "seratus ribu", 1_000_000: "satu juta",
        3_400_015: "tiga juta empat ratus ribu lima belas",
    }  # fmt: skip
    for n, words in cases.items():
        assert terbilang(n) == words, n
    assert counted(3) == "3 (tiga)"
    assert counted(1250) == "1.250 (seribu dua ratus lima puluh)"


def test_every_monthly_section_prints_its_definition(templates) -> None:
    data = dataclasses.replace(samples.monthly(0), as_of=date(2026, 11, 30))
    text = " ".join(page_texts(render_monthly(data, templates)))
    heads = [
        "A. Laporan yang diterima",
        "B. Menurut status",
        "C. Menurut klasifikasi",
        "D. Menurut kanal",
        "E. Kategori terbanyak",
        "F. Menurut Perangkat Daerah",
        "G. Ketepatan waktu",
        "H. Lama hingga jawaban pertama",
        "I. Melewati batas waktu",
        "J. Laporan dibuka kembali",
        "III. KENDALA",
    ]
    expected = {
        "A": "sejak 1 Januari 2026 sampai dengan akhir bulan November",
        "B": "menurut statusnya per 30 November 2026",
        "C": "menurut klasifikasinya",
        "D": "menurut kanal penerimaannya",
        "E": "di luar sepuluh terbanyak dijumlahkan",
        "F": "% Selesai = Selesai dibagi Diterima",
        "G": "Setiap baris memakai penyebutnya sendiri",
        "H": "sampai jawaban pertamanya disetujui",
        "I": "per 30 November 2026 belum dijawab",
        "J": "dibuka kembali oleh pelapor",
    }
    for head, after in itertools.pairwise(heads):
        section = between(text, head, after)
        assert expected[head[0]] in section, (head, section[:300])


def test_on_time_rows_each_have_their_own_definition_and_selesai_means_one_thing(
    templates,
) -> None:
    text = " ".join(page_texts(render_monthly(samples.monthly(0), templates)))
    g = between(text, "G. Ketepatan waktu", "H. Lama")
    # three rows, three definitions with three different denominators
    assert "dibagi laporan yang sudah didisposisikan" in g
    assert "dibagi laporan yang siklus tindak lanjut terakhirnya sudah berakhir" in g
    assert "dibagi laporan yang sudah pernah dijawab" in g
    assert g.count("dibagi") == 3
    # "Selesai" is the status only: an approved answer is "dijawab"
    assert "Dijawab dalam batas waktu penyelesaian" in g
    assert "Selesai" not in g and "selesai" not in g
    assert "Lama penyelesaian" not in text


def test_category_remainder_never_looks_like_a_category(templates) -> None:
    base = samples.monthly(0)
    cats = (
        *tuple(CountRow(f"Kategori {i}", 20 - i) for i in range(10)),
        CountRow("(3 kategori lain)", 9),
    )
    text = " ".join(
        page_texts(render_monthly(dataclasses.replace(base, by_category=cats), templates))
    )
    e = between(text, "E. Kategori terbanyak", "F. Menurut")
    assert "(3 kategori lain)" in e and "Lainnya" not in e


def test_days_to_answer_lists_only_offices_with_answers(templates) -> None:
    base = samples.monthly(0)
    quiet = tuple(OpdRow(f"Kantor Sepi {i}", 1, 0, 1, 0) for i in range(30))
    data = dataclasses.replace(base, by_opd=base.by_opd + quiet)
    text = " ".join(page_texts(render_monthly(data, templates)))
    h = between(text, "H. Lama hingga jawaban pertama", "I. Melewati")
    assert "Kantor Sepi" not in h
    assert "30 Perangkat Daerah lain (belum ada jawaban)" in h
    for r in base.by_opd:
        assert r.opd in h


def test_ombudsman_counts_in_words_and_the_period_in_the_sentence(templates) -> None:
    data = dataclasses.replace(samples.ombudsman(3), period="bulan November 2026")
    text = " ".join(page_texts(render_ombudsman(data, templates)))
    assert re.search(
        r"kami sampaikan 3 \(tiga\) pengaduan .* penyelesaian 60 hari pada bulan November 2026"
        r" dan sampai dengan tanggal surat ini belum selesai",
        text,
    )


def lowest_text(pdf: bytes, page: int) -> float:
    """The lowest baseline with text on a page, as a share of the page height from the
    top (the page number at the foot is left out)."""
    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page - 1]
    height = float(pg.mediabox.height)
    ys: list[float] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip() and not text.strip().startswith("Halaman"):
            ys.append(float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))  # y on the page

    pg.extract_text(visitor_text=visit)
    return 1 - min(ys) / height


def test_monthly_page_one_is_filled_and_the_closing_heading_stays(templates) -> None:
    """Issue 15: page 1 ~35 % empty (section B jumped whole to page 2); "IV. PENUTUP"
    stood alone at the foot of a page."""
    pdf = render_monthly(samples.monthly(20), templates)
    assert lowest_text(pdf, 1) > 0.8
    pages = page_texts(pdf)
    where = [i for i, t in enumerate(pages) if "IV. PENUTUP" in t]
    assert where and "NAMA KEPALA DINAS" in pages[where[0]]


def test_answer_says_how_the_report_came_in_and_joins_punctuation(templates) -> None:
    """Issue 15: "melalui Datang langsung" and "desa., bersama"."""
    for channel, phrase in (
        ("Datang langsung", "laporan Saudara secara langsung pada tanggal"),
        ("SMS 1708", "laporan Saudara melalui SMS 1708 pada tanggal"),
        ("LAPOR! (web/aplikasi)", "laporan Saudara melalui SP4N-LAPOR! pada tanggal"),
        ("Telepon", "laporan Saudara melalui telepon pada tanggal"),
    ):
        data = dataclasses.replace(
            samples.answer(), channel=channel, subject="Jalan rusak di desa."
        )
        text = " ".join(page_texts(render_answer(data, templates)))
        assert phrase in text, channel
        assert "melalui Datang" not in text
        assert "perihal Jalan rusak di desa, bersama ini" in text
        assert "desa.," not in text


def test_sentences_from_data_get_one_full_stop() -> None:
    assert join_sentences("Jalan rusak di desa.", "Mohon diperbaiki.") == (
        "Jalan rusak di desa. Mohon diperbaiki."
    )
    assert join_sentences("Jalan rusak di desa", "Mohon") == "Jalan rusak di desa. Mohon"
    assert join_sentences("Tolong!", "Mohon") == "Tolong! Mohon"
    assert join_sentences("Judul.", "") == "Judul."
    assert without_end("desa.. ") == "desa"


def test_ombudsman_tembusan_names_the_heads_by_their_titles_once(templates) -> None:
    """Issue 15: "Kepala Kecamatan X", "Kepala RSUD", "Kepala Sekretariat Daerah", and
    "Kepala Inspektorat" next to "Inspektur"."""
    offices = (
        "Kecamatan Tambang",
        "RSUD Bangkinang",
        "Sekretariat Daerah",
        "Inspektorat Daerah",
        "Dinas Kesehatan",
    )
    data = dataclasses.replace(samples.ombudsman(3), opds_concerned=offices)
    text = " ".join(page_texts(render_ombudsman(data, templates)))
    copies = text[text.index("Tembusan:") :]
    for title in (
        "Camat Tambang;",
        "Direktur RSUD Bangkinang;",
        "Sekretaris Daerah Kabupaten Kampar;",
        "Kepala Dinas Kesehatan Kabupaten Kampar; dan",
        "Arsip.",
    ):
        assert title in copies, title
    assert "Kepala Kecamatan" not in copies and "Kepala RSUD" not in copies
    assert "Kepala Sekretariat" not in copies and "Inspektorat" not in copies
    assert copies.count("Inspektur") == 1


def test_monthly_signer_set_by_the_admin_keeps_the_coordinator_role(templates) -> None:
    """Issue 15: `letterhead set … --signer-name` dropped "SELAKU ADMIN KOORDINATOR
    SP4N-LAPOR!" from the monthly signature."""
    admin_set = Signatory(
        jabatan="Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
        name="RINA WATI",
        nip="1" * 18,
    )
    data = dataclasses.replace(samples.monthly(0), signatory=admin_set)
    text = " ".join(page_texts(render_monthly(data, templates)))
    assert "PERSANDIAN SELAKU ADMIN KOORDINATOR SP4N-LAPOR!," in text
    assert text.count("ADMIN KOORDINATOR SP4N-LAPOR!,") == 1
    # one OPD's own summary is signed by its head, without the coordinator role
    opd = dataclasses.replace(data, opd_scope="Dinas Kesehatan")
    assert "SELAKU ADMIN" not in " ".join(page_texts(render_monthly(opd, templates)))
    # a title that already says it is not repeated
    full = dataclasses.replace(
        data,
        signatory=dataclasses.replace(admin_set, jabatan="Kepala Dinas selaku Admin Koordinator"),
    )
    assert "KOORDINATOR SELAKU" not in " ".join(page_texts(render_monthly(full, templates)))

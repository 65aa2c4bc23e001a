"""Layout read back from the PDF (issue 15, "Layout"): what stays together on a page,
where the kop's lines and the addressee sit, what never wraps.

The page-break tests sweep the length of the text before the closing so that the page
boundary falls at every line of the closing paragraph, the signature and the tembusan."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from pypdf import PdfReader

from lapor_desktop.pdf import (
    render_answer,
    render_forwarding,
    render_monthly,
    render_ombudsman,
    render_receipt,
    samples,
)
from tests.pdf.conftest import font_problems


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def pages_with(pages: list[str], needle: str) -> list[int]:
    return [i for i, text in enumerate(pages, start=1) if needle in text]


def words(n: int) -> str:
    """n words of about one line per 11 words at 12 pt."""
    return " ".join(f"kalimat{i % 7}" for i in range(n)) + "."


def assert_kept_together(pages: list[str], signature: str, tail: Iterable[str]) -> None:
    """The signature is on one page with the closing's last words and every tail piece."""
    where = pages_with(pages, signature)
    assert len(where) == 1, (signature, where)
    for piece in tail:
        assert pages_with(pages, piece) == where, (piece, where, pages[where[0] - 1][-300:])


def sweep(render: Callable[[int], bytes], steps: Iterable[int]) -> list[list[str]]:
    return [page_texts(render(n)) for n in steps]


ELECTRONIC = dataclasses.replace(samples.HEAD, electronic=True)
ANSWER_TAIL = (
    "kami ucapkan terima kasih.",
    "Tembusan:",
    "1. Bupati Kampar (sebagai laporan);",
    "selaku Admin Koordinator SP4N-LAPOR!; dan",
    "3. Arsip.",
)


@pytest.mark.parametrize("signed", [False, True], ids=["wet", "signed"])
def test_answer_letter_signature_keeps_the_closing_and_the_tembusan(templates, signed) -> None:
    base = samples.answer()
    if signed:
        base = dataclasses.replace(base, signatory=ELECTRONIC)

    def render(n: int) -> bytes:
        return render_answer(dataclasses.replace(base, answer=words(n)), templates)

    variants = sweep(render, range(0, 500, 25))
    assert any(len(pages) == 2 for pages in variants)
    for pages in variants:
        assert_kept_together(pages, "BUDI SANTOSO", ANSWER_TAIL)


def test_answer_letter_with_long_title_keeps_the_closing_with_the_signature(templates) -> None:
    title = "Jalan rusak dan jembatan ambruk di Desa Kuapan " * 6

    def render(n: int) -> bytes:
        data = dataclasses.replace(samples.answer(), subject=title, answer=words(n))
        return render_answer(data, templates)

    for pages in sweep(render, range(0, 500, 50)):
        assert_kept_together(pages, "BUDI SANTOSO", ANSWER_TAIL)


FORWARDING_TAIL = (
    "diucapkan terima kasih.",
    "Tembusan:",
    "1. Bupati Kampar (sebagai laporan);",
    "2. Inspektur Kabupaten Kampar; dan",
    "3. Arsip.",
)


@pytest.mark.parametrize("signed", [False, True], ids=["wet", "signed"])
def test_forwarding_letter_keeps_signature_closing_and_tembusan(templates, signed) -> None:
    base = samples.forwarding(3)
    if signed:
        sig = dataclasses.replace(templates.signatory("DISKOMINFOSANDI", "forwarding"))
        base = dataclasses.replace(base, signatory=dataclasses.replace(sig, electronic=True))

    def render(n: int) -> bytes:
        return render_forwarding(dataclasses.replace(base, instruction=words(n)), templates)

    variants = sweep(render, range(0, 500, 25))
    assert any(len(pages) == 2 for pages in variants)
    for pages in variants:
        assert_kept_together(pages, "NAMA KEPALA DINAS", FORWARDING_TAIL)


@pytest.mark.parametrize("signed", [False, True], ids=["wet", "signed"])
def test_a_three_case_forwarding_letter_fits_one_page(templates, signed) -> None:
    """Signature space 24 mm (LETTERS.md), one line before the tembusan and 2 mm after
    the closing: the sample 3-case letter keeps to one page, the pointer QR included.
    E-signed, the BSrE note at the foot of every page takes the room: two pages, the
    closing group kept together."""
    data = dataclasses.replace(
        samples.forwarding(3),
        verification_url="LAPOR|-|000/45/DISKOMINFOSANDI/2026|0123456789abcdef",
    )
    if signed:
        sig = templates.signatory("DISKOMINFOSANDI", "forwarding")
        data = dataclasses.replace(data, signatory=dataclasses.replace(sig, electronic=True))
    pages = page_texts(render_forwarding(data, templates))
    assert len(pages) == (2 if signed else 1)
    assert_kept_together(pages, "NAMA KEPALA DINAS", FORWARDING_TAIL)


def test_forwarding_letter_with_many_cases(templates) -> None:
    """The case table grows; the closing group still moves as one."""
    for n in range(1, 14, 2):
        pages = page_texts(render_forwarding(samples.forwarding(n), templates))
        assert_kept_together(pages, "NAMA KEPALA DINAS", FORWARDING_TAIL)


def _ombudsman(opds: int, period_words: int) -> Any:
    data = samples.ombudsman(8)
    names = [f"Dinas Urusan Nomor {i}" for i in range(1, opds + 1)]
    cases = tuple(
        dataclasses.replace(c, opd=names[i % len(names)]) for i, c in enumerate(data.cases)
    )
    return dataclasses.replace(
        data, cases=cases, opds_concerned=tuple(names), period=words(period_words)[:-1]
    )


@pytest.mark.parametrize("signed", [False, True], ids=["wet", "signed"])
def test_ombudsman_letter_keeps_every_tembusan_with_the_signature(templates, signed) -> None:
    variants = []
    for opds in (2, 5):
        for n in range(0, 200, 25):
            data = _ombudsman(opds, n)
            if signed:
                sig = templates.signatory("DISKOMINFOSANDI", "ombudsman")
                assert sig is not None
                data = dataclasses.replace(
                    data, signatory=dataclasses.replace(sig, electronic=True)
                )
            pdf = render_ombudsman(data, templates)
            pages = page_texts(pdf)
            annex = pages_with(pages, "DAFTAR PENGADUAN")
            letter = pages[: annex[0] - 1]
            tail = ["terima kasih.", "Tembusan:", "1. Bupati Kampar (sebagai laporan);", "Arsip."]
            tail += [f"Dinas Urusan Nomor {i} Kabupaten Kampar" for i in range(1, opds + 1)]
            assert_kept_together(letter, "NAMA KEPALA DINAS", tail)
            variants.append(len(letter))
    assert 2 in variants


@pytest.mark.parametrize("signed", [False, True], ids=["wet", "signed"])
def test_monthly_summary_signature_keeps_the_closing(templates, signed) -> None:
    base = dataclasses.replace(samples.monthly(0), trend=())
    if signed:
        sig = templates.signatory("DISKOMINFOSANDI", "monthly")
        assert sig is not None
        base = dataclasses.replace(base, signatory=dataclasses.replace(sig, electronic=True))

    def render(n: int) -> bytes:
        return render_monthly(dataclasses.replace(base, upaya=words(n)), templates)

    for pages in sweep(render, range(0, 600, 48)):
        assert_kept_together(
            pages, "NAMA KEPALA DINAS", ["pelayanan publik di Kabupaten Kampar.", "Bangkinang, 2"]
        )


def test_a_closing_group_taller_than_a_page_still_prints_everything(templates) -> None:
    data = _ombudsman(40, 0)
    pages = page_texts(render_ombudsman(data, templates))
    text = " ".join(pages)
    assert "Dinas Urusan Nomor 40 Kabupaten Kampar; dan" in text
    assert "NAMA KEPALA DINAS" in text


MM = 72 / 25.4


def runs(pdf: bytes, page: int = 1) -> list[tuple[str, float, float, float]]:
    """(text, x mm from the left, y mm from the top, font size) of every text run."""
    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page - 1]
    height = float(pg.mediabox.height)
    out: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text.strip():
            return
        a, b, _c, _d, e, f = tm
        A, B, C, D, E, F = cm
        x = e * A + f * C + E
        y = e * B + f * D + F
        scale = (a * A + b * C) if a * A + b * C else 1
        out.append((text.strip(), x / MM, (height - y) / MM, round(size * scale, 2)))

    pg.extract_text(visitor_text=visit)
    return out


def run_with(pdf: bytes, needle: str, page: int = 1) -> tuple[str, float, float, float]:
    found = [r for r in runs(pdf, page) if needle in r[0]]
    assert found, (needle, [r[0] for r in runs(pdf, page)])
    return found[0]


def test_short_letters_stay_on_one_page(templates) -> None:
    """Keeping the closing together never pushes it off a page it fits on."""
    assert len(page_texts(render_answer(samples.answer(), templates))) == 1
    signed = dataclasses.replace(samples.answer(), signatory=ELECTRONIC)
    assert len(page_texts(render_answer(signed, templates))) == 1


def test_addressee_follows_yth_on_its_line_then_di_then_the_place(templates) -> None:
    pdf = render_answer(samples.answer(), templates)
    yth = run_with(pdf, "Yth.")
    assert "Sdr. Ahmad Fauzi" in yth[0] or any(
        "Ahmad Fauzi" in r[0] and abs(r[2] - yth[2]) < 1 for r in runs(pdf)
    ), "the addressee stands on the Yth. line"
    di = [r for r in runs(pdf) if r[0] == "di"]
    assert len(di) == 1
    place = run_with(pdf, "Desa Kuapan, Kecamatan Tambang")
    assert yth[2] < di[0][2] < place[2]  # top to bottom
    assert abs(di[0][1] - yth[1]) < 0.5  # "di" at the left margin, under "Yth."
    assert place[1] > di[0][1] + 5  # the place indented


def test_long_addressee_wraps_under_its_own_first_letter(templates) -> None:
    to = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kampar selaku Pejabat " * 2
    pdf = render_forwarding(dataclasses.replace(samples.forwarding(1), to=to), templates)
    yth = run_with(pdf, "Yth.")
    below = [r for r in runs(pdf) if 0 < r[2] - yth[2] < 7 and r[0] != "di"]
    assert below, "the addressee wraps to a second line"
    yth_w = 9.3  # "Yth. " at 12 pt is 9.3 mm
    assert all(abs(r[1] - (yth[1] + yth_w)) < 1 for r in below[:1]), below


def test_signature_block_is_80_mm_wide_at_120_mm(templates) -> None:
    long_name = "Dr. H. AHMAD SYAHPUTRA, S.T., M.T."  # 77 mm in bold 12 pt
    sig = dataclasses.replace(samples.HEAD, name=long_name)
    pdf = render_answer(dataclasses.replace(samples.answer(), signatory=sig), templates)
    name = run_with(pdf, "SYAHPUTRA")
    assert name[0] == long_name  # one line: it wrapped in a 70 mm block
    assert abs(name[1] - 120) < 0.5
    jabatan = run_with(pdf, "KEPALA DINAS PEKERJAAN")
    assert abs(jabatan[1] - 120) < 0.5


TOKENS = ("2612-NS7C-00003", "KPR-2026-000123", "2612-WXYZ-12345", "4567890")


def test_ombudsman_table_never_breaks_a_tracking_number(templates) -> None:
    data = samples.ombudsman(4)
    cases = tuple(
        dataclasses.replace(c, ticket=t, tracking_id="" if "-" in t else t)
        for c, t in zip(data.cases, TOKENS, strict=True)
    )
    pdf = render_ombudsman(dataclasses.replace(data, cases=cases), templates)
    pages = page_texts(pdf)
    annex = pages_with(pages, "DAFTAR PENGADUAN")[0]
    texts = [r[0] for r in runs(pdf, annex)]
    for token in TOKENS:
        assert token in texts, (token, texts)


def test_forwarding_table_never_breaks_a_ticket(templates) -> None:
    data = samples.forwarding(4)
    cases = tuple(
        dataclasses.replace(c, ticket=t + "-000", tracking_id="")
        for c, t in zip(data.cases, TOKENS, strict=True)
    )
    pdf = render_forwarding(dataclasses.replace(data, cases=cases), templates)
    texts = [r[0] for r in runs(pdf, 1)]
    for token in TOKENS:
        assert token + "-000" in texts, (token, texts)


def rules_mm(pdf: bytes, page: int = 1) -> list[float]:
    """y (mm from the top) of every full-width horizontal line drawn on the page."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page - 1]
    height = float(pg.mediabox.height)
    ops = ContentStream(pg.get_contents(), reader).operations
    out, start = [], None
    for operands, op in ops:
        if op == b"m":
            start = [float(v) for v in operands]
        elif op == b"l" and start is not None:
            x2, y2 = (float(v) for v in operands)
            if abs(y2 - start[1]) < 0.01 and abs(x2 - start[0]) > 150 * MM:
                out.append(round((height - y2) / MM, 1))
    return out


KOP_CASES = {
    # office code → the office name as it should be set: lines of the name
    "DISKOMINFOSANDI": ("DINAS KOMUNIKASI, INFORMATIKA,", "STATISTIK DAN PERSANDIAN"),
    "PUPR": ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",),
}


@pytest.mark.parametrize("office", KOP_CASES)
def test_kop_shrinks_the_office_name_first(templates, office) -> None:
    data = dataclasses.replace(samples.forwarding(1), office_code=office)
    pdf = render_forwarding(data, templates)
    names = [run_with(pdf, line) for line in KOP_CASES[office]]
    for name in names:
        assert 13 <= name[3] <= 16, name  # bold office name, shrunk from 16 pt
    gov = run_with(pdf, "PEMERINTAH KABUPATEN KAMPAR")
    assert gov[3] == 12
    assert all(name[3] > gov[3] for name in names)
    lh = templates.letterhead(office)
    address = run_with(pdf, lh.address)
    assert 9.5 <= address[3] <= 10, address
    for piece in ("Telepon", "Laman", "Pos-el"):
        assert run_with(pdf, piece)[3] >= 9.5, piece
    rule = min(rules_mm(pdf))
    assert 39 <= rule <= 42, rule  # LETTERS.md: about 40 mm from the top
    assert address[2] < rule
    nomor = run_with(pdf, "Nomor")
    assert nomor[2] < rule + 14


def test_kop_of_a_very_long_office_name_stays_inside_the_margins(templates) -> None:
    lh = dataclasses.replace(
        templates.letterhead("PUPR"),
        office="BADAN PENGELOLAAN KEUANGAN, PENDAPATAN DAN ASET DAERAH SERTA "
        "PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    )
    office = dataclasses.replace(templates.office("PUPR"), letterhead=lh)
    t = dataclasses.replace(templates, offices={**templates.offices, "PUPR": office})
    pdf = render_answer(samples.answer(), t)
    for text, x, _y, size in runs(pdf)[:8]:
        assert x >= 30 - 0.1, text
        assert size >= 6.5, text


LONG_TITLE = (
    "Permohonan perbaikan jalan dan jembatan yang rusak berat serta membahayakan keselamatan "
    "pengguna jalan di Desa Kuapan Kecamatan Tambang Kabupaten Kampar yang sudah dilaporkan "
    "berkali-kali kepada pemerintah desa namun belum ada tindak lanjut hingga saat ini "
    "padahal dilalui anak sekolah"
)


def test_receipt_wraps_a_long_title_in_full(templates) -> None:
    assert 250 <= len(LONG_TITLE) <= 300  # the intake form allows 300 characters
    data = dataclasses.replace(samples.receipt(), title=LONG_TITLE)
    pdf = render_receipt(data, templates)
    assert len(page_texts(pdf)) == 1
    text = page_texts(pdf)[0]
    assert LONG_TITLE.split()[-1] + " " in text + " "
    assert re.sub(r"\s+", " ", LONG_TITLE) in text
    assert "…" not in text


def test_receipt_cuts_an_overlong_title_after_a_whole_word(templates) -> None:
    data = dataclasses.replace(samples.receipt(), title=LONG_TITLE * 3)
    text = page_texts(render_receipt(data, templates))[0]
    cut = text[: text.index("…")].split()[-1]
    assert cut in LONG_TITLE.split(), cut  # a whole word before the ellipsis


def test_receipt_has_the_compact_kop(templates) -> None:
    pdf = render_receipt(samples.receipt(), templates)
    rule = min(rules_mm(pdf))
    assert rule <= 31, rule
    office = run_with(pdf, "DINAS KOMUNIKASI")
    assert office[0] == "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN"
    assert 10 <= office[3] <= 12.5
    assert run_with(pdf, "PEMERINTAH KABUPATEN KAMPAR")[3] == 10
    # letters keep the full kop
    assert min(rules_mm(render_answer(samples.answer(), templates))) >= 39


def test_monthly_annex_is_landscape_and_prints_whole_labels(templates) -> None:
    data = samples.monthly(12)
    long_category = "Dugaan Korupsi dan Penyalahgunaan Wewenang"  # the longest shipped
    annex = tuple(
        dataclasses.replace(r, status="Menunggu Persetujuan", category=long_category)
        if i % 2
        else r
        for i, r in enumerate(data.annex)
    )
    pdf = render_monthly(dataclasses.replace(data, annex=annex), templates)
    reader = PdfReader(io.BytesIO(pdf))
    pages = page_texts(pdf)
    first_annex = pages_with(pages, "LAMPIRAN: DAFTAR PENGADUAN")[0]
    for number, page in enumerate(reader.pages, start=1):
        wide = float(page.mediabox.width) > float(page.mediabox.height)
        assert wide == (number >= first_annex), number
    texts = [r[0] for n in range(first_annex, len(pages) + 1) for r in runs(pdf, n)]
    for whole in ("Menunggu Persetujuan", long_category, "Permintaan Informasi"):
        assert whole in texts, whole
    # only a title longer than its column is cut (one line per row)
    assert all(t.startswith("Laporan warga") for t in texts if t.endswith("…"))


def test_monthly_without_annex_has_no_landscape_page(templates) -> None:
    pdf = render_monthly(dataclasses.replace(samples.monthly(0)), templates)
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert float(page.mediabox.width) < float(page.mediabox.height)


def test_monthly_chart_text_is_at_least_8_pt(templates) -> None:
    pdf = render_monthly(samples.monthly(0), templates)
    pages = page_texts(pdf)
    chart_pages = [
        n
        for title in ("Laporan diterima 12 bulan", "Sebaran menurut", "Laporan per Perangkat")
        for n in pages_with(pages, title)
    ]
    assert chart_pages
    small = [r for n in set(chart_pages) for r in runs(pdf, n) if r[3] < 8]
    assert small == []


def test_monthly_title_keeps_the_period_on_one_line(templates) -> None:
    pdf = render_monthly(samples.monthly(0), templates)
    assert run_with(pdf, "BULAN NOVEMBER")[0].endswith("BULAN NOVEMBER TAHUN 2026")


def test_emoji_and_symbols_print_from_the_fallback_font(templates) -> None:
    typed = "Jalan rusak 😀 di depan sekolah ✓ lalu 中文 juga"
    data = dataclasses.replace(
        samples.answer(),
        subject=typed,
        answer=typed,
        reporter=dataclasses.replace(samples.answer().reporter, name="Budi 😀"),
    )
    pdf = render_answer(data, templates)
    text = " ".join(page_texts(pdf))
    assert "Sdr. Budi 😀" in text
    assert "Jalan rusak 😀 di depan sekolah ✓ lalu" in text  # body and "perihal"
    assert text.count("😀") >= 3
    # what no shipped font has: the visible replacement character, never an empty box
    assert "\ufffd\ufffd juga" in text
    assert "□" not in text
    assert font_problems(pdf) == []
    fonts = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert "DejaVuSans" in fonts


def test_canvas_text_replaces_what_the_font_lacks_visibly(templates) -> None:
    sig = dataclasses.replace(samples.HEAD, name="BUDI 😀 SANTOSO")
    pdf = render_answer(dataclasses.replace(samples.answer(), signatory=sig), templates)
    assert "BUDI ? SANTOSO" in " ".join(page_texts(pdf))


def test_the_pointer_qr_beside_a_wet_signature_changes_no_page_break(templates) -> None:
    """The QR sits inside the signature block's height: with or without it, every page
    holds the same text (the caption aside), for bodies that end anywhere on a page."""
    pointer = "LAPOR|2611-K7QX-00042|000/17/PUPR/2026|0123456789abcdef"
    caption = "Kode verifikasi dokumen: periksa keasliannya dengan menu Periksa surat di"
    base = dataclasses.replace(samples.answer(), signatory=samples.HEAD)
    for n in range(0, 700, 70):
        data = dataclasses.replace(base, answer=words(n))
        plain_pages = page_texts(render_answer(data, templates))
        pointed = render_answer(dataclasses.replace(data, verification_url=pointer), templates)
        pages = page_texts(pointed)
        assert len(pages) == len(plain_pages), n
        assert pages_with(pages, caption) == pages_with(pages, "NIP. 197001011995031001"), n
        for with_qr, without in zip(pages, plain_pages, strict=True):
            assert without.replace(" ", "") in re.sub(
                r"Kodeverifikasidokumen:.*?LAPORDesktop\.", "", with_qr.replace(" ", "")
            ), n

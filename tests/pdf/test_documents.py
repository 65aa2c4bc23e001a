"""Every document rendered and read back with pypdf."""

from __future__ import annotations

import dataclasses
import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from lapor_desktop.pdf import (
    CaseRef,
    HistoryEvent,
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
from lapor_desktop.pdf.page import invariant_output
from tests.pdf.conftest import font_problems, page_count, pdf_text

GOLDEN = Path(__file__).parent / "golden" / "answer.pdf"


def test_receipt(templates) -> None:
    text = pdf_text(render_receipt(samples.receipt(), templates))
    for expected in (
        "TANDA TERIMA PENGADUAN",
        "KPR-2026-000123",
        "27 November 2026 pukul 09.05 WIB",
        "Ahmad Fauzi",
        "Siti Aminah",
        "Jumat, 4 Desember 2026",
        "Layanan ini tidak dipungut biaya",
        "PEMERINTAH KABUPATEN KAMPAR",
        "Bangkinang, 27 November 2026",
    ):
        assert expected in text


def test_receipt_of_anonymous_report_hides_the_name(templates) -> None:
    data = dataclasses.replace(samples.receipt(), reporter=Reporter("Ahmad Fauzi", "Kuapan", True))
    text = pdf_text(render_receipt(data, templates))
    assert "Pelapor Anonim" in text
    assert "Ahmad Fauzi" not in text


def test_answer_letter(templates) -> None:
    pdf = render_answer(samples.answer(), templates)
    text = pdf_text(pdf)
    for expected in (
        "000/17/PUPR/2026",
        "Bangkinang, 27 November 2026",
        "Tanggapan atas Pengaduan SP4N-LAPOR! Nomor Tracking #4567890",
        "Sdr. Ahmad Fauzi",
        "Desa Kuapan, Kecamatan Tambang",
        "tanggal 2 November 2026",
        "Perbaikan sementara",
        "Ir. BUDI SANTOSO, M.T.",
        "NIP. 197001011995031001",
        "Tembusan:",
        "Bupati Kampar (sebagai laporan);",
        "Arsip.",
        "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    # The kop is on page 1 only.
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages[1:]:
        assert "PEMERINTAH KABUPATEN KAMPAR" not in (page.extract_text() or "")
    assert "Ditandatangani secara elektronik" not in text


def test_answer_to_anonymous_reporter_prints_no_name_or_address(templates) -> None:
    text = pdf_text(render_answer(samples.answer(anonymous=True), templates))
    assert "Pelapor SP4N-LAPOR! Nomor Tracking #4567890" in text
    assert "Ahmad" not in text
    assert "Fauzi" not in text
    assert "Kuapan, Kecamatan" not in text


def test_answer_without_tracking_id_uses_the_ticket(templates) -> None:
    data = dataclasses.replace(samples.answer(), tracking_id="")
    assert "Nomor Tracking #KPR-2026-000123" in pdf_text(render_answer(data, templates))


def test_disposition_sheet(templates) -> None:
    text = pdf_text(render_disposition(samples.disposition(), templates))
    for expected in (
        "LEMBAR DISPOSISI PENGADUAN SP4N-LAPOR!",
        "4567801",
        "KPR-2026-000001",
        "2 November 2026",
        "24 November 2026",
        "117/XI/2026",
        "Diteruskan kepada Yth.: Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "Ditindaklanjuti",
        "Mohon ditinjau ke lokasi.",
        "Bangkinang, 10 November 2026",
        "NIP. 197501012000031002",
    ):
        assert expected in text, expected


def test_forwarding_letter(templates) -> None:
    text = pdf_text(render_forwarding(samples.forwarding(3), templates))
    for expected in (
        "000/45/DISKOMINFOSANDI/2026",
        "Segera",
        "Penerusan 3 (tiga) Pengaduan SP4N-LAPOR!",
        "4567801",
        "4567803",
        "24-11-2026",
        "Inspektur Kabupaten Kampar",
    ):
        assert expected in text, expected
    one = dataclasses.replace(samples.forwarding(1))
    assert "Penerusan Pengaduan SP4N-LAPOR! Nomor Tracking #4567801" in pdf_text(
        render_forwarding(one, templates)
    )


def test_ombudsman_letter(templates) -> None:
    data = samples.ombudsman(60)
    pdf = render_ombudsman(data, templates)
    text = pdf_text(pdf)
    for expected in (
        "Kepala Perwakilan Ombudsman Republik Indonesia Provinsi Riau",
        "Pekanbaru",
        "Undang-Undang Nomor 25 Tahun 2009",
        "60 (enam puluh) pengaduan",
        "Hari berjalan",
        "3900001",
        "3900060",
        "Kepala Dinas Kesehatan Kabupaten Kampar",
    ):
        assert expected in text, expected
    # the annex starts on its own page and its header repeats on the next page
    reader = PdfReader(io.BytesIO(pdf))
    annex_pages = [
        p.extract_text() or "" for p in reader.pages if "Hari" in (p.extract_text() or "")
    ]
    assert len(annex_pages) >= 2
    assert all("Nomor" in p and "Tracking" in p for p in annex_pages)


def test_case_history(templates) -> None:
    text = pdf_text(render_history(samples.history(), templates))
    for expected in (
        "RIWAYAT PENANGANAN PENGADUAN",
        "KPR-2026-000123",
        "Ahmad Fauzi",
        "2 November 2026 pukul 08.30 WIB",
        "Disposisi ke OPD",
        "Terverifikasi → Terdisposisi",
        "Pelapor puas.",
        "27 November 2026 pukul 14.00 WIB",
    ):
        assert expected in text, expected


def test_history_of_anonymous_case(templates) -> None:
    data = dataclasses.replace(
        samples.history(), reporter=Reporter("Ahmad Fauzi", "Jalan Melati 7", anonymous=True)
    )
    text = pdf_text(render_history(data, templates))
    assert "Pelapor Anonim" in text
    assert "Ahmad Fauzi" not in text and "Melati" not in text


def test_monthly_summary_numbers(templates) -> None:
    data = samples.monthly(300)
    text = pdf_text(render_monthly(data, templates))
    total_opd = sum(r.received for r in data.by_opd)
    for expected in (
        "BULAN NOVEMBER TAHUN 2026",
        "PEMERINTAH KABUPATEN KAMPAR",
        f"{total_opd}",
        "2.150",  # year to date, Indonesian thousands separator
        "150 dari 180 (83,3 %)",  # cohort verification
        "110 dari 140 (78,6 %)",  # activity follow-up
        "Terdisposisi Belum Ditindaklanjuti",
        "Permintaan Informasi",
        "Dinas Kesehatan",
        "8,4",  # average days
        "5 laporan dibuka kembali",
        "Beberapa OPD belum menunjuk admin penghubung.",
        "LAMPIRAN",
        "KPR-2026-000299",
        "Bangkinang, 2 Desember 2026",
        "Laporan diterima 12 bulan terakhir",  # chart title
    ):
        assert expected in text, expected


def test_monthly_summary_for_one_opd_without_annex(templates) -> None:
    data = dataclasses.replace(
        samples.monthly(0), opd_scope="Dinas Kesehatan", kendala="", upaya="", trend=()
    )
    text = pdf_text(render_monthly(data, templates))
    assert "DINAS KESEHATAN — BULAN NOVEMBER TAHUN 2026" in text
    assert "Tidak ada kendala yang dicatat." in text


def test_monthly_with_no_cases_at_all(templates) -> None:
    from lapor_desktop.pdf import MonthlySummary, OnTimeRates, Rate

    zero = OnTimeRates(Rate(0, 0), Rate(0, 0), Rate(0, 0))
    data = MonthlySummary(
        office_code="DISKOMINFOSANDI", year=2026, month=1, received_this_month=0,
        received_last_month=0, received_year_to_date=0, by_status=(), by_klasifikasi=(),
        by_channel=(), by_category=(), by_opd=(), cohort_rates=zero, activity_rates=zero,
        avg_days_to_finish=None, median_days_to_finish=None, overdue=0, escalated=0,
        reopened_cases=0, reopen_events=0,
    )  # fmt: skip
    text = pdf_text(render_monthly(data, templates))
    assert "BULAN JANUARI TAHUN 2026" in text
    assert "0 dari 0 (-)" in text


ALL_DOCUMENTS = {
    "receipt": (render_receipt, samples.receipt),
    "disposition": (render_disposition, samples.disposition),
    "forwarding": (render_forwarding, samples.forwarding),
    "answer": (render_answer, samples.answer),
    "ombudsman": (render_ombudsman, samples.ombudsman),
    "history": (render_history, samples.history),
    "monthly": (render_monthly, lambda: samples.monthly(120)),
}


@pytest.mark.parametrize("kind", ALL_DOCUMENTS)
def test_only_embedded_liberation_fonts(kind, templates) -> None:
    render, sample = ALL_DOCUMENTS[kind]
    assert font_problems(render(sample(), templates)) == []


@pytest.mark.parametrize("kind", ALL_DOCUMENTS)
def test_same_input_same_bytes(kind, templates) -> None:
    render, sample = ALL_DOCUMENTS[kind]
    with invariant_output():
        assert render(sample(), templates) == render(sample(), templates)


@pytest.mark.parametrize("paper, size_mm", [("A4", (210, 297)), ("F4", (215, 330))])
def test_paper_sizes(paper, size_mm, templates) -> None:
    pdf = render_answer(samples.answer(), templates, paper=paper)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size_mm


def test_electronically_signed_letter_carries_the_marks(templates) -> None:
    signatory = dataclasses.replace(samples.HEAD, electronic=True)
    data = dataclasses.replace(samples.answer(), signatory=signatory)
    text = pdf_text(render_answer(data, templates))
    assert "Ditandatangani secara elektronik oleh:" in text
    assert "Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara" in text


def test_long_letter_numbers_every_page(templates) -> None:
    data = dataclasses.replace(
        samples.answer(),
        answer="Paragraf panjang. " * 40
        + "\n\n" * 1
        + ("Isi jawaban yang panjang sekali. " * 60 + "\n\n") * 6,
    )
    pdf = render_answer(data, templates)
    n = page_count(pdf)
    assert n >= 3
    reader = PdfReader(io.BytesIO(pdf))
    for i, page in enumerate(reader.pages, start=1):
        assert f"Halaman {i} dari {n}" in (page.extract_text() or "")


def test_answer_letter_matches_the_golden_file(templates) -> None:
    """Regenerate with UPDATE_GOLDEN=1 after an intended layout change (and look at it)."""
    with invariant_output():
        pdf = render_answer(samples.answer(), templates)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(pdf)
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file was missing; written to {GOLDEN}, check and commit it")
    assert pdf == GOLDEN.read_bytes(), "answer letter changed; UPDATE_GOLDEN=1 to accept"


def test_production_metadata_has_the_real_date_title_author_and_subject(templates) -> None:
    """Issue 15: production letters said "created 1 January 2000" (invariant output)."""
    before = datetime.now(UTC) - timedelta(minutes=1)
    info = PdfReader(io.BytesIO(render_answer(samples.answer(), templates))).metadata
    assert info is not None
    created = info.creation_date
    assert created is not None and created.year != 2000
    if created.tzinfo is None:  # reportlab writes local time with or without an offset
        created = created.replace(tzinfo=UTC)
    assert abs((created - before).total_seconds()) < 24 * 3600
    assert info.title == "Surat Jawaban 4567890"
    assert info.author == "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG, PEMERINTAH KABUPATEN KAMPAR"
    assert info.subject and "SP4N-LAPOR!" in info.subject
    with invariant_output():
        fixed = PdfReader(io.BytesIO(render_answer(samples.answer(), templates))).metadata
    assert fixed is not None and fixed.creation_date is not None
    assert fixed.creation_date.year == 2000


def test_cases_and_events_accept_enum_labels() -> None:
    # Plain data only: the dataclasses are frozen and comparable.
    ref = CaseRef(ticket="T", reported=samples.case_ref().reported, summary="s")
    assert ref.tracking == "T"
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.ticket = "U"  # type: ignore[misc]
    assert isinstance(samples.history().events[0], HistoryEvent)
    assert Signatory(jabatan="J", name="N").electronic is False

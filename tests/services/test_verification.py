"""Issue 15: the QR held only the letter number. Now every answer, forwarding and Ombudsman
letter carries a verification pointer (ticket, number, a short hash of its content) as its
QR when e-signed and in its PDF metadata always; `verify_pdf` checks a file against the
register, the recorded content hash and, when signed, its PAdES signature."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from lapor_desktop.db.models import AuditLog
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.pdf import parts, samples
from lapor_desktop.services import documents, verification
from lapor_desktop.services import signing_settings as ss
from lapor_desktop.services.verification import Pointer
from tests.pdf.conftest import drawn_qrs, page_count, pdf_text, qr_matrix
from tests.pdf.test_signing import pki  # noqa: F401 -- the test CA fixture, reused
from tests.services.casepaths import case_in, do
from tests.services.conftest import World
from tests.services.test_signing_settings import (  # noqa: F401 -- fixtures, reused
    PASSPHRASE,
    pfx_file,
    test_ca,
)


def keywords(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    return str(meta.get("/Keywords", ""))


def with_keywords(pdf: bytes, text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Keywords": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pointer_round_trip_and_content_hash() -> None:
    p = Pointer("2611-K7QX-00042", "000/3/PUPR/2026", "0123456789abcdef")
    assert (
        verification.format_pointer(p) == "LAPOR|2611-K7QX-00042|000/3/PUPR/2026|0123456789abcdef"
    )
    assert verification.parse_pointer(verification.format_pointer(p)) == p
    url = verification.format_pointer(p, "https://lapor.kamparkab.go.id/verifikasi")
    assert url.startswith(
        "https://lapor.kamparkab.go.id/verifikasi?tiket=2611-K7QX-00042&nomor=000%2F3"
    )
    assert verification.parse_pointer(url) == p
    assert verification.parse_pointer("000/3/PUPR/2026") is None
    assert verification.parse_pointer("LAPOR|a|b") is None
    data = dataclasses.replace(samples.answer(), signatory=samples.HEAD)
    h = verification.content_hash(data)
    assert len(h) == 16
    signed = dataclasses.replace(data, signatory=dataclasses.replace(samples.HEAD, electronic=True))
    assert verification.content_hash(signed) == h  # whether e-signed does not matter
    assert verification.content_hash(dataclasses.replace(signed, verification_url="x")) == h
    assert verification.content_hash(dataclasses.replace(data, answer="Lain.")) != h


def test_an_unsigned_letter_verifies_and_a_changed_pointer_does_not(world: World) -> None:
    head, admin = world.as_("kadis.pupr"), world.as_("admin")
    t = case_in(world, Status.SELESAI)
    pdf = documents.answer_pdf(head, t)
    pointer = verification.parse_pointer(keywords(pdf))
    assert pointer is not None and pointer.ticket == t and pointer.nomor == "000/1/PUPR/2026"
    result = verification.verify_pdf(admin, pdf)
    assert result.valid and not result.signed, result.reason
    assert "tercatat di register" in result.reason
    # re-printing the same letter records nothing new
    documents.answer_pdf(head, t)
    assert AuditLog.select().where(AuditLog.event == "surat_sidik").count() == 1
    bad = with_keywords(
        pdf, verification.format_pointer(dataclasses.replace(pointer, digest="0" * 16))
    )
    r = verification.verify_pdf(admin, bad)
    assert not r.valid and "tidak tercatat" in r.reason
    other = case_in(world, Status.TERDISPOSISI)
    bad = with_keywords(
        pdf, verification.format_pointer(dataclasses.replace(pointer, ticket=other))
    )
    assert "bukan surat untuk tiket" in verification.verify_pdf(admin, bad).reason
    bad = with_keywords(
        pdf, verification.format_pointer(dataclasses.replace(pointer, nomor="000/99/PUPR/2026"))
    )
    assert "tidak ada di register" in verification.verify_pdf(admin, bad).reason
    assert verification.verify_pdf(admin, bad).verdict == verification.TIDAK_DIKENAL
    r = verification.verify_pdf(admin, with_keywords(pdf, ""))
    assert not r.valid and "tidak memuat penanda verifikasi" in r.reason
    assert r.verdict == verification.TIDAK_DIKENAL
    r = verification.verify_pdf(admin, b"bukan pdf")
    assert "bukan PDF" in r.reason and r.verdict == verification.TIDAK_DIKENAL


def retyped(pdf: bytes, text: str) -> bytes:
    """The file with a white box and new text drawn over page 1 (a forger's edit in a PDF
    editor); the metadata, pointer included, is kept."""
    from reportlab.pdfgen import canvas

    overlay = io.BytesIO()
    c = canvas.Canvas(overlay)
    c.setFillColorRGB(1, 1, 1)
    c.rect(80, 300, 400, 40, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(90, 315, text)
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[0].merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_unsigned_file_edited_after_printing_is_not_valid(world: World) -> None:
    head, admin = world.as_("kadis.pupr"), world.as_("admin")
    t = case_in(world, Status.SELESAI)
    pdf = documents.answer_pdf(head, t)
    forged = retyped(pdf, "Jalan tidak akan diperbaiki.")
    assert "Jalan tidak akan diperbaiki." in pdf_text(forged)
    assert keywords(forged) == keywords(pdf)  # the pointer still matches the register
    r = verification.verify_pdf(admin, forged)
    assert not r.valid and r.verdict == verification.TIDAK_SAH
    assert "berkas ini tidak sama dengan berkas surat 000/1/PUPR/2026" in r.reason
    # every print is its own file (its creation time differs): each one verifies
    again = documents.answer_pdf(head, t)
    assert again != pdf
    for made in (pdf, again):
        r = verification.verify_pdf(admin, made)
        assert r.valid and "berkasnya sama persis dengan yang dibuat" in r.reason
    receipt = documents.receipt_pdf(admin, t)
    r = verification.verify_pdf(admin, retyped(receipt, "Petugas: orang lain"))
    assert not r.valid and "berkas tanda terima tiket" in r.reason


def test_the_unsigned_letter_prints_its_pointer_as_a_qr(world: World) -> None:
    head = world.as_("kadis.pupr")
    t = case_in(world, Status.SELESAI)
    pdf = documents.answer_pdf(head, t)
    pointer = keywords(pdf)
    assert pointer.startswith(f"LAPOR|{t}|000/1/PUPR/2026|")
    # the QR drawn on the letter is exactly the pointer's code, once, on the last page
    assert drawn_qrs(pdf) == [(page_count(pdf), qr_matrix(pointer))]
    assert "Kode verifikasi dokumen" in pdf_text(pdf)
    admin = world.as_("admin")
    fwd = documents.forwarding_pdf(admin, t)
    assert [m for _, m in drawn_qrs(fwd)] == [qr_matrix(keywords(fwd))]
    do(world, "admin", case_in(world, Status.DIPROSES), Action.ESCALATE)
    omb = documents.ombudsman_pdf(admin)
    assert [m for _, m in drawn_qrs(omb)] == [qr_matrix(keywords(omb))]


def test_receipt_disposition_sheet_and_history_carry_a_pointer_that_verifies(
    world: World,
) -> None:
    admin = world.as_("admin")
    t = case_in(world, Status.TERDISPOSISI)
    for make, marker, kind in (
        (lambda: documents.receipt_pdf(world.as_("loket"), t), "TANDA-TERIMA", "tanda terima"),
        (lambda: documents.disposition_pdf(admin, t), "DISPOSISI", "lembar disposisi"),
        (lambda: documents.history_pdf(admin, t), "RIWAYAT", "riwayat kasus"),
    ):
        pdf = make()
        pointer = keywords(pdf)
        p = verification.parse_pointer(pointer)
        assert p is not None and (p.ticket, p.nomor) == (t, marker), pointer
        assert [m for _, m in drawn_qrs(pdf)] == [qr_matrix(pointer)], marker
        r = verification.verify_pdf(admin, pdf)
        assert r.valid and r.verdict == verification.SAH, r.reason
        assert r.kind == kind and r.reason.startswith(f"{kind} tiket {t} tercatat diterbitkan")
        assert "tidak ditandatangani elektronik" in r.reason
        forged = with_keywords(
            pdf, verification.format_pointer(dataclasses.replace(p, digest="1" * 16))
        )
        r = verification.verify_pdf(admin, forged)
        assert not r.valid and r.verdict == verification.TIDAK_SAH
        assert f"isi {kind} tidak cocok" in r.reason
    # re-printing the same receipt records nothing new; the pointer alone (a scanned QR)
    before = AuditLog.select().where(AuditLog.event == "surat_sidik").count()
    receipt = documents.receipt_pdf(admin, t)
    assert AuditLog.select().where(AuditLog.event == "surat_sidik").count() == before
    r = verification.verify_text(admin, keywords(receipt))
    assert r.valid and "kode QR saja tidak membuktikan isi kertasnya" in r.reason
    r = verification.verify_text(admin, keywords(receipt).replace(t, "2601-XXXX-00001"))
    assert not r.valid and r.verdict == verification.TIDAK_DIKENAL
    assert "tidak ada di basis data ini" in r.reason
    assert verification.verify_text(admin, t).verdict == verification.TIDAK_DIKENAL


def test_forwarding_and_ombudsman_letters_carry_their_pointer(world: World) -> None:
    admin = world.as_("admin")
    t = case_in(world, Status.DIPROSES)
    fwd = documents.forwarding_pdf(admin, t)
    p = verification.parse_pointer(keywords(fwd))
    assert p is not None and p.ticket == t and "/DISKOMINFOSANDI/" in p.nomor
    assert verification.verify_pdf(admin, fwd).valid
    do(world, "admin", t, Action.ESCALATE)
    omb = documents.ombudsman_pdf(admin)
    p = verification.parse_pointer(keywords(omb))
    assert p is not None and p.ticket == verification.NO_TICKET  # about several cases
    assert verification.verify_pdf(admin, omb).valid


def test_the_signed_letter_qr_is_the_pointer_and_its_signature_is_checked(
    world: World,
    pfx_file: Path,  # noqa: F811 -- the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []
    original = parts.draw_qr

    def record(canvas: Any, payload: str, *args: Any) -> None:
        drawn.append(payload)
        original(canvas, payload, *args)

    monkeypatch.setattr(parts, "draw_qr", record)
    ss.configure_signing(world.as_("sysadmin"), "PUPR", pfx_file, PASSPHRASE)
    t = case_in(world, Status.SELESAI)
    doc = documents.answer_document(world.as_("kadis.pupr"), t)
    assert doc.signed
    assert drawn and drawn[-1] == keywords(doc.data)  # the QR holds the pointer
    assert drawn[-1].startswith(f"LAPOR|{t}|000/1/PUPR/2026|")
    admin = world.as_("admin")
    result = verification.verify_pdf(admin, doc.data)
    assert result.valid and result.signed, result.reason
    assert any("BUDI SANTOSO" in s for s in result.signers)
    # a byte changed inside the signed range
    broken = bytearray(doc.data)
    at = broken.index(b"ReportLab Generated PDF document") + 2
    broken[at] ^= 0x01
    r = verification.verify_pdf(admin, bytes(broken))
    assert not r.valid and "tidak sah" in r.reason
    # an update appended after signing (the pointer kept)
    writer = PdfWriter(io.BytesIO(doc.data), incremental=True)
    writer.add_metadata({"/Title": "diubah"})
    out = io.BytesIO()
    writer.write(out)
    r = verification.verify_pdf(admin, out.getvalue())
    assert not r.valid and "diubah setelah ditandatangani" in r.reason


def test_a_verification_url_makes_the_pointer_a_link(world: World, monkeypatch) -> None:
    from lapor_desktop.services import letterhead_settings

    base = letterhead_settings.file_templates()
    letters = {**base.letters, "verification": {"url": "https://lapor.kamparkab.go.id/v"}}
    monkeypatch.setattr(
        letterhead_settings, "file_templates", lambda: dataclasses.replace(base, letters=letters)
    )
    t = case_in(world, Status.SELESAI)
    pdf = documents.answer_pdf(world.as_("kadis.pupr"), t)
    assert keywords(pdf).startswith(f"https://lapor.kamparkab.go.id/v?tiket={t}&nomor=000%2F1")
    assert verification.verify_pdf(world.as_("admin"), pdf).valid


def test_the_pointer_is_read_with_pyhanko_when_pypdf_is_absent(world: World) -> None:
    t = case_in(world, Status.SELESAI)
    pdf = documents.answer_pdf(world.as_("kadis.pupr"), t)
    assert verification._keywords_pyhanko(pdf) == keywords(pdf)
    assert verification._keywords_pyhanko(b"bukan pdf") is None

"""Letter numbers under concurrency, and the letterhead settings of the system admin."""

from __future__ import annotations

import threading

import pytest

from lapor_desktop.db.models import AuditLog, Letter, database_proxy
from lapor_desktop.domain.workflow import Status
from lapor_desktop.pdf.data import Letterhead, Signatory
from lapor_desktop.services import casework, documents, letterhead_settings
from lapor_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from tests.pdf.conftest import pdf_text
from tests.services.casepaths import case_in
from tests.services.conftest import World

N = 8


def test_answer_numbers_are_gapless_under_concurrent_approvals(world: World) -> None:
    tickets = [case_in(world, Status.MENUNGGU_PERSETUJUAN) for _ in range(N)]
    head = world.as_("kadis.pupr")
    barrier = threading.Barrier(N)
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def approve(ticket: str) -> None:
        try:
            barrier.wait(timeout=30)  # every thread opens its own connection, then all go
            r = casework.approve(head, ticket)
            assert r.letter_number
            results[ticket] = r.letter_number
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            database_proxy.close()

    threads = [threading.Thread(target=approve, args=(t,)) for t in tickets]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors, errors
    numbers = sorted(r.number for r in Letter.select().where(Letter.kind == "answer"))
    assert numbers == list(range(1, N + 1))
    assert sorted(results.values()) == sorted(f"000/{n}/PUPR/2026" for n in range(1, N + 1))
    # each letter prints the number its own approval reserved, again and again
    for ticket, number in list(results.items())[:3]:
        for _ in range(2):
            assert number in pdf_text(documents.answer_pdf(head, ticket))
    assert Letter.select().where(Letter.kind == "answer").count() == N


# ---------------------------------------------------------------- letterhead settings


NEW_HEAD = Letterhead(
    government="PEMERINTAH KABUPATEN KAMPAR",
    office="DINAS PUPR <BARU> & RUANG",
    address="Jalan Baru Nomor 9, Bangkinang",
    phone="(0762) 123456",
    website="pupr.kamparkab.go.id",
    email="pupr@kamparkab.go.id",
    city="Bangkinang",
)
NEW_SIGNER = Signatory(
    jabatan="Kepala Dinas PUPR Kabupaten Kampar",
    name="Ir. BUDI SANTOSO, M.T.",
    pangkat="Pembina Utama Muda (IV/c)",
    nip="197001011995031001",
)


def test_system_admin_edits_the_letterhead_and_letters_follow(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    before = letterhead_settings.get_letterhead(sysadmin, "pupr")
    assert before.source in ("templat", "basis data")
    t = case_in(world, Status.DIJAWAB)
    saved = letterhead_settings.save_letterhead(sysadmin, "PUPR", NEW_HEAD, NEW_SIGNER)
    assert saved.source == "pengaturan" and saved.letterhead == NEW_HEAD
    assert saved.signatory == NEW_SIGNER
    text = pdf_text(documents.answer_pdf(world.as_("pupr"), t))
    assert "DINAS PUPR <BARU> & RUANG" in text
    assert "Ir. BUDI SANTOSO, M.T." in text and "NIP. 197001011995031001" in text
    entry = AuditLog.get(AuditLog.event == "kop_surat_diubah")
    assert entry.entity_id == "PUPR" and entry.username == "sysadmin"
    reset = letterhead_settings.reset_letterhead(sysadmin, "PUPR")
    assert reset.source == before.source
    assert "DINAS PUPR <BARU>" not in pdf_text(documents.answer_pdf(world.as_("pupr"), t))


def test_letterhead_settings_are_for_the_system_admin_and_validated(world: World) -> None:
    for user in ("admin", "kadis.pupr", "inspektur", "loket"):
        with pytest.raises(PermissionDenied):
            letterhead_settings.get_letterhead(world.as_(user), "PUPR")
        with pytest.raises(PermissionDenied):
            letterhead_settings.save_letterhead(world.as_(user), "PUPR", NEW_HEAD)
    sysadmin = world.as_("sysadmin")
    with pytest.raises(NotFound):
        letterhead_settings.get_letterhead(sysadmin, "TIDAKADA")
    import dataclasses

    with pytest.raises(ValidationError):
        letterhead_settings.save_letterhead(
            sysadmin, "PUPR", dataclasses.replace(NEW_HEAD, office="  ")
        )
    with pytest.raises(ValidationError):
        letterhead_settings.save_letterhead(
            sysadmin, "PUPR", NEW_HEAD, dataclasses.replace(NEW_SIGNER, nip="1234")
        )
    with pytest.raises(ValidationError):
        letterhead_settings.save_letterhead(
            sysadmin, "PUPR", dataclasses.replace(NEW_HEAD, emblem="/etc/passwd")
        )
    assert AuditLog.select().where(AuditLog.event == "kop_surat_diubah").count() == 0
    # and the system admin prints no case documents
    t = case_in(world, Status.DIJAWAB)
    for make in (documents.receipt_pdf, documents.answer_pdf, documents.history_pdf):
        with pytest.raises(PermissionDenied):
            make(sysadmin, t)


def test_an_opd_without_a_configured_letterhead_gets_its_own_not_the_regency_one(
    world: World,
) -> None:
    t = world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="DINKES")
    casework.start(world.as_("dinkes"), t)
    casework.submit_answer(world.as_("dinkes"), t, answer="Puskesmas buka kembali.")
    number = casework.approve(world.as_("kadis.dinkes"), t).letter_number
    text = pdf_text(documents.answer_pdf(world.as_("dinkes"), t))
    assert number == "000/1/DINKES/2026" and number in text
    assert "DINAS KESEHATAN" in text  # from the office row in the database
    assert "DINAS KOMUNIKASI" not in text.split("Tembusan")[0]
    assert "KEPALA DINAS KESEHATAN KABUPATEN KAMPAR" in text  # the approving head signs
    assert "kadis.dinkes" in text


def test_a_letter_that_cannot_be_written_keeps_no_number(
    world: World, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop import pdf

    t = case_in(world, Status.TERDISPOSISI)
    admin = world.as_("admin")
    casework.escalate(admin, t)
    missing = tmp_path / "tidak-ada" / "surat.pdf"
    with pytest.raises(ValidationError, match="Folder tujuan tidak ada"):
        documents.forwarding_document(admin, t, out=missing)
    with pytest.raises(ValidationError, match="Folder tujuan tidak ada"):
        documents.ombudsman_document(admin, out=missing)
    assert Letter.select().count() == 0

    def broken(*_a: object, **_k: object) -> bytes:
        raise RuntimeError("render error")

    # A render error after the number was reserved rolls the number back too.
    monkeypatch.setattr(pdf, "render_forwarding", broken)
    with pytest.raises(RuntimeError):
        documents.forwarding_document(admin, t, out=tmp_path / "p.pdf")
    assert Letter.select().count() == 0 and not list(tmp_path.glob("*.pdf"))
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    out = tmp_path / "penerusan.pdf"
    doc = documents.forwarding_document(admin, t, out=out)
    assert out.read_bytes() == doc.data
    (letter,) = Letter.select()
    assert letter.number == 1 and letter.full_number in pdf_text(doc.data).replace(" ", "")
    assert not list(tmp_path.glob(".*.tmp"))

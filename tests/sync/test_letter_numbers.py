"""A PC joined to a central server never prints a letter number of its own: the answer
letter shows "nomor menyusul" until a sync brings the server's number, and the reprint
carries that number (read back from the PDF with pypdf)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from lapor_desktop.db.models import Letter
from lapor_desktop.services import casework, documents, letters_register, verification
from tests.central.conftest import OPD_A
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_answer_letter_says_nomor_menyusul_until_the_server_numbers_it(
    hub: Any, office_pc: Any
) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), title="Posyandu tutup", nik="1401021203880201")
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Mohon ditindaklanjuti")
    admin.sync()
    opd = office_pc("opd_a")
    casework.start(opd.use(), ticket)
    casework.submit_answer(opd.use(), ticket, answer="Posyandu buka lagi Senin")
    opd.sync()
    head = office_pc("head_a")
    hctx = head.use()
    done = casework.approve(hctx, ticket)  # offline: the server has not numbered it
    assert done.letter_number == letters_register.PENDING_NUMBER
    (letter,) = Letter.select()
    assert letters_register.is_pending(letter)
    early = documents.answer_pdf(hctx, ticket)
    before = _text(early)
    assert "nomor menyusul" in before
    # No number of this PC's own anywhere on the letter (the local pattern ".../1/...").
    assert letters_register.format_number("answer", 1, "DINKES", letter.year) not in before
    head.sync()
    hctx = head.use()
    ((number, full),) = _server(hub, "SELECT number, full_number FROM lapor.letter")
    (letter,) = Letter.select()
    assert (letter.number, letter.full_number) == (number, full)
    assert not letters_register.is_pending(letter)
    late = documents.answer_pdf(hctx, ticket)
    after = _text(late)
    assert full in after and "nomor menyusul" not in after
    # Both prints check out: the early one by its ticket and content, the reprint by its
    # number in the register.
    assert verification.verify_pdf(hctx, early).verdict == "SAH"
    assert verification.verify_pdf(hctx, late).verdict == "SAH"


def test_a_pc_not_joined_numbers_its_letters_itself(tmp_path: Any) -> None:
    from lapor_desktop.services import storage
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    store = storage.create_database(tmp_path, lambda new: "tidak dipakai")
    try:
        initialize(Ctx(data_dir=tmp_path), "root", "sandi-uji-123")
        assert not letters_register.numbered_by_server()
    finally:
        store.close()

"""'Periksa surat' (issue 15): a real letter produced by the services is SAH, the same file
with one byte of its content changed or with another ticket's pointer is not; a PDF that
is not ours is TIDAK DIKENAL; the QR of a paper copy (as a scanner types it) is checked
too. Driven by the keyboard (Enter in the fields) and through the file dialog hook."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt

from lapor_desktop.gui import verify_page
from lapor_desktop.gui.verify_page import VerifyPage
from lapor_desktop.services import documents, verification
from tests.gui.conftest import World, open_main_window, wait_ops
from tests.gui.test_documents import answered
from tests.services.test_verification import retyped

pytestmark = pytest.mark.gui


def _keywords(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    return str(meta.get("/Keywords", ""))


def _with_keywords(pdf: bytes, text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Keywords": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page(qtbot, world: World, user: str = "inspektur") -> VerifyPage:
    page = VerifyPage(world.as_(user))
    qtbot.addWidget(page)
    page.show()
    return page


def _check_typed(qtbot, page: VerifyPage, path: Path) -> None:
    page.ui.file_edit.setFocus()
    page.ui.file_edit.setText(str(path))
    qtbot.keyClick(page.ui.file_edit, Qt.Key.Key_Return)
    wait_ops(qtbot)


def test_a_produced_letter_is_sah_and_a_tampered_one_is_not(
    qtbot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = answered(world)
    letter = tmp_path / "jawaban.pdf"
    letter.write_bytes(documents.answer_pdf(world.as_("kadis.pupr"), t))
    page = _page(qtbot, world)
    assert page.ui.result_box.isHidden() and page.ui.busy_bar.isHidden()

    # picked in the file dialog: checked at once
    monkeypatch.setattr(verify_page, "ask_open_path", lambda _parent, _title: letter)
    page.ui.choose_button.click()
    wait_ops(qtbot)
    assert page.ui.file_edit.text() == str(letter)
    assert page.ui.verdict_label.text() == "SAH"
    reason = page.ui.reason_label.text()
    assert reason.startswith("Surat 000/1/PUPR/2026 untuk tiket " + t)
    assert "tanpa tanda tangan elektronik" in reason
    assert f"Tiket: {t}" in page.ui.details_label.text()
    assert page.ui.busy_bar.isHidden()

    # the letter's recorded content changed: the sidik in the file no longer matches
    pointer = verification.parse_pointer(_keywords(letter.read_bytes()))
    assert pointer is not None
    tampered = tmp_path / "diubah.pdf"
    tampered.write_bytes(
        _with_keywords(
            letter.read_bytes(),
            verification.format_pointer(dataclasses.replace(pointer, digest="0" * 16)),
        )
    )
    _check_typed(qtbot, page, tampered)
    assert page.ui.verdict_label.text() == "TIDAK SAH"
    assert "tidak cocok" in page.ui.reason_label.text()
    assert "tidak tercatat" in page.ui.reason_label.text()

    # the text edited in a PDF editor, the pointer kept
    edited = tmp_path / "diketik-ulang.pdf"
    edited.write_bytes(retyped(letter.read_bytes(), "Jalan tidak akan diperbaiki."))
    _check_typed(qtbot, page, edited)
    assert page.ui.verdict_label.text() == "TIDAK SAH"
    assert "isinya mungkin diubah" in page.ui.reason_label.text()

    # the letter presented as another case's
    other = answered(world)
    moved = tmp_path / "tiket-lain.pdf"
    moved.write_bytes(
        _with_keywords(
            letter.read_bytes(),
            verification.format_pointer(dataclasses.replace(pointer, ticket=other)),
        )
    )
    _check_typed(qtbot, page, moved)
    assert page.ui.verdict_label.text() == "TIDAK SAH"
    assert f"bukan surat untuk tiket {other}" in page.ui.reason_label.text()

    # not a document of ours: the monthly report carries no pointer; junk is no PDF
    report = tmp_path / "rekap.pdf"
    report.write_bytes(documents.monthly_pdf(world.as_("admin"), 2026, 11))
    _check_typed(qtbot, page, report)
    assert page.ui.verdict_label.text() == "TIDAK DIKENAL"
    assert "tidak memuat penanda verifikasi" in page.ui.reason_label.text()
    junk = tmp_path / "bukan.pdf"
    junk.write_bytes(b"bukan pdf")
    _check_typed(qtbot, page, junk)
    assert page.ui.verdict_label.text() == "TIDAK DIKENAL"


def test_a_receipt_and_a_scanned_qr_code_are_checked(qtbot, world: World, tmp_path: Path) -> None:
    t = world.new_case()
    receipt = documents.receipt_pdf(world.as_("loket"), t)
    page = _page(qtbot, world, "loket")
    path = tmp_path / "tanda-terima.pdf"
    path.write_bytes(receipt)
    _check_typed(qtbot, page, path)
    assert page.ui.verdict_label.text() == "SAH"
    assert page.ui.reason_label.text().startswith(f"Tanda terima tiket {t} tercatat")
    assert "Nomor/jenis: TANDA-TERIMA" in page.ui.details_label.text()
    # a QR scanner types the code and Enter
    page.ui.code_edit.setFocus()
    qtbot.keyClicks(page.ui.code_edit, _keywords(receipt))
    qtbot.keyClick(page.ui.code_edit, Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert page.ui.verdict_label.text() == "SAH"
    assert "kode QR saja tidak membuktikan isi kertasnya" in page.ui.reason_label.text()
    page.ui.code_edit.setText(_keywords(receipt).replace(t, "2601-ZZZZ-00009"))
    page.ui.check_code_button.click()
    wait_ops(qtbot)
    assert page.ui.verdict_label.text() == "TIDAK DIKENAL"
    assert "tidak ada di basis data ini" in page.ui.reason_label.text()


def test_bad_input_is_said_in_words_and_loses_nothing(qtbot, world: World, tmp_path: Path) -> None:
    page = _page(qtbot, world)
    page.ui.check_file_button.click()  # nothing typed
    assert page.ui.verdict_label.text() == "Tidak dapat diperiksa"
    assert "Pilih atau ketik lokasi berkas PDF" in page.ui.reason_label.text()
    missing = tmp_path / "tidak-ada.pdf"
    _check_typed(qtbot, page, missing)
    assert page.ui.verdict_label.text() == "Tidak dapat diperiksa"
    assert "Berkas tidak ditemukan" in page.ui.reason_label.text()
    assert page.ui.file_edit.text() == str(missing)  # kept, to correct
    _check_typed(qtbot, page, tmp_path)
    assert "folder, bukan berkas PDF" in page.ui.reason_label.text()
    page.ui.code_edit.setText("sembarang teks")
    qtbot.keyClick(page.ui.code_edit, Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert page.ui.verdict_label.text() == "TIDAK DIKENAL"
    assert "bukan kode verifikasi" in page.ui.reason_label.text()


def test_the_page_is_in_the_navigation_of_who_prints(qtbot, world: World) -> None:
    window, page = open_main_window(qtbot, world, "loket", "periksa_surat")
    assert isinstance(page, VerifyPage)
    assert "Periksa surat" in [item.label for item in window.nav_items]

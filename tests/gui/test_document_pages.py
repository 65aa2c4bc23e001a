"""Rekap bulanan, Register surat and Kop surat & TTE, over a real database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from cryptography import x509

from lapor_desktop.gui import doc_output
from lapor_desktop.gui.admin_letterhead import LetterheadPage
from lapor_desktop.gui.letters_page import LettersPage
from lapor_desktop.gui.monthly_page import MonthlyPage, last_month
from lapor_desktop.services import documents, letterhead_settings, signing_settings
from tests.gui.conftest import Recorded, World, wait_ops
from tests.gui.test_documents import Files, answered
from tests.pdf.conftest import pdf_text
from tests.pdf.test_signing import (
    PASS,
    pki,  # noqa: F401 -- the test CA fixture, reused
)

pytestmark = pytest.mark.gui


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Files:
    f = Files(tmp_path)
    monkeypatch.setattr(doc_output, "ask_save_path", f.ask_save_path)
    monkeypatch.setattr(doc_output, "open_file", f.open_file)
    return f


# ---------------------------------------------------------------- Rekap bulanan


def test_monthly_pdf_and_xlsx_for_the_regency(
    qtbot, keep, qtmodeltester, world: World, files: Files
) -> None:
    t1 = answered(world)
    world.new_case(title="Sampah menumpuk")
    page = MonthlyPage(world.as_("admin"))
    keep.append(page)
    assert (page.year_spin.value(), page.month_combo.currentData()) == (2026, 10)  # last month
    assert page.month_combo.currentText() == "Oktober"
    assert page.opd_combo.isEnabled() and page.opd_combo.currentData() is None
    wait_ops(qtbot)
    assert page.glance_values["received"].text() == "0"
    page.month_combo.setCurrentIndex(10)  # November 2026
    wait_ops(qtbot)
    assert page.glance_values["received"].text() == "2"
    assert sum(r.received for r in page.opd_model.rows) == 2
    qtmodeltester.check(page.opd_model, force_py=True)
    page.kendala_edit.setPlainText("Jaringan internet di kecamatan sering putus.")
    page.pdf_button.click()  # the click saves
    assert not page.busy_bar.isHidden()  # busy while it is generated
    wait_ops(qtbot)
    assert page.busy_bar.isHidden()
    assert files.asked == ["rekap-2026-11.pdf"]
    text = pdf_text((files.dir / "rekap-2026-11.pdf").read_bytes())
    assert "November 2026" in text
    assert "Jaringan internet di kecamatan sering putus." in text
    assert t1 in text  # the annex lists the month's cases
    assert "Disimpan ke" in page.status_label.text()
    page.opd_combo.setCurrentIndex(page.opd_combo.findData("PUPR"))
    page.xlsx_button.click()
    wait_ops(qtbot)
    assert files.asked[-1] == "rekap-2026-11-PUPR.xlsx"
    book = openpyxl.load_workbook(files.dir / "rekap-2026-11-PUPR.xlsx")
    cells = [
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    ]
    assert t1 in cells


def test_monthly_opd_user_fixed_to_own_office(qtbot, world: World, files: Files) -> None:
    answered(world)
    page = MonthlyPage(world.as_("kadis.pupr"))
    qtbot.addWidget(page)
    assert not page.opd_combo.isEnabled()
    assert page.opd_combo.currentData() == "PUPR" and page.opd_combo.count() == 1
    assert page.ombudsman_button is None  # the regency admin's letter
    page.month_combo.setCurrentIndex(10)
    page.pdf_button.open_action.trigger()
    wait_ops(qtbot)
    [opened] = files.opened
    assert opened.name == "rekap-2026-11-PUPR.pdf"
    assert "PUPR" in pdf_text(opened.read_bytes()).upper()


def test_the_monthly_pdf_shows_the_kop_warning_with_the_document(
    qtbot, world: World, files: Files
) -> None:
    answered(world)
    page = MonthlyPage(world.as_("admin"))
    qtbot.addWidget(page)
    page.month_combo.setCurrentIndex(10)
    wait_ops(qtbot)
    page.pdf_button.click()
    wait_ops(qtbot)
    status = page.status_label.text()
    assert "Disimpan ke" in status
    assert "Peringatan: kop surat/penanda tangan DISKOMINFOSANDI" in status
    assert "Jalan Contoh Nomor 1" in status
    assert "Jalan Contoh Nomor 1" in pdf_text((files.dir / "rekap-2026-11.pdf").read_bytes())
    page.xlsx_button.click()  # no kop, no signer: no warning
    wait_ops(qtbot)
    assert "Disimpan ke" in page.status_label.text()
    assert "Peringatan" not in page.status_label.text()


def test_monthly_refusal_shows_the_message(
    qtbot, world: World, files: Files, recorded_messages: Recorded
) -> None:
    # Navigation never offers the page to the front desk; the service refuses anyway.
    page = MonthlyPage(world.as_("loket"))
    qtbot.addWidget(page)
    wait_ops(qtbot)
    refused = "Peran Petugas Loket tidak berwenang mencetak rekapitulasi bulanan."
    assert page.status_label.text() == refused  # the preview
    page.kendala_edit.setPlainText("tetap ada")
    page.xlsx_button.click()
    wait_ops(qtbot)
    assert recorded_messages.texts() == [refused]
    assert page.status_label.text() == refused
    assert page.kendala_edit.toPlainText() == "tetap ada"
    assert not list(files.dir.iterdir())


def test_last_month() -> None:
    from datetime import date

    assert last_month(date(2026, 1, 15)) == (2025, 12)
    assert last_month(date(2026, 11, 2)) == (2026, 10)


# ---------------------------------------------------------------- Register surat


def test_letters_register_and_csv(qtbot, keep, qtmodeltester, world: World, files: Files) -> None:
    t = answered(world)
    documents.forwarding_pdf(world.as_("admin"), t)  # reserves the regency's number
    page = LettersPage(world.as_("admin"))
    keep.append(page)
    wait_ops(qtbot)
    qtmodeltester.check(page.model, force_py=True)
    kinds = sorted((r.office_code, r.kind) for r in page.model.rows)
    assert kinds == [("DISKOMINFOSANDI", "forwarding"), ("PUPR", "answer")]
    assert page.count_label.text() == "2 surat"
    assert page.model.index(0, 5).data() == t
    page.export_button.click()
    wait_ops(qtbot)
    assert files.asked == ["register-surat-2026.csv"]
    raw = (files.dir / "register-surat-2026.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "nomor_surat" and len(rows) == 3
    assert {r[3] for r in rows[1:]} == {"Surat jawaban", "Surat penerusan"}

    opd = LettersPage(world.as_("pupr"))
    keep.append(opd)
    wait_ops(qtbot)
    assert not opd.office_combo.isEnabled()
    assert [(r.office_code, r.kind) for r in opd.model.rows] == [("PUPR", "answer")]
    opd.year_spin.setValue(2025)
    wait_ops(qtbot)
    assert opd.model.rowCount() == 0
    opd.year_spin.setValue(0)
    assert opd.year_spin.text() == "Semua"
    wait_ops(qtbot)
    assert opd.model.rowCount() == 1


# ---------------------------------------------------------------- Kop surat & TTE


def test_letterhead_edit_refuse_and_reset(qtbot, world: World) -> None:
    ctx = world.as_("sysadmin")
    page = LetterheadPage(ctx)
    qtbot.addWidget(page)
    page.select("DINKES")  # no kop of its own: the page says what it borrows
    assert not page.gaps_label.isHidden()
    assert "belum punya kop surat sendiri" in page.gaps_label.text()
    page.select("PUPR")
    assert "NIP penanda tangan masih contoh" in page.gaps_label.text()
    assert page.edits["government"].text() == "PEMERINTAH KABUPATEN KAMPAR"
    page.edits["office"].setText("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG")
    page.edits["address"].setText("Jl. Lingkar Bangkinang No. 1")
    page.signatory_check.setChecked(True)
    page.sig_edits["jabatan"].setText("Kepala Dinas PUPR")
    page.sig_edits["name"].setText("Ir. Ahmad Yani")
    page.sig_edits["nip"].setText("12345")
    page.save_button.click()
    assert page.errors.labels["signatory.nip"].text() == "NIP harus 18 angka."
    assert page.sig_edits["name"].text() == "Ir. Ahmad Yani"  # nothing typed is lost
    page.sig_edits["nip"].setText("197001011995031001")
    page.save_button.click()
    assert "tersimpan" in page.saved_label.text()
    stored = letterhead_settings.get_letterhead(ctx, "PUPR")
    assert stored.source == letterhead_settings.SOURCE_SETTING
    assert stored.letterhead.address == "Jl. Lingkar Bangkinang No. 1"
    assert stored.signatory is not None and stored.signatory.name == "Ir. Ahmad Yani"
    assert "admin" in page.source_label.text() and page.reset_button.isEnabled()
    assert page.gaps_label.isHidden()  # own address, a signer with pangkat and NIP
    page.sig_edits["pangkat"].clear()
    page.save_button.click()  # saved without pangkat: the note names only that
    assert not page.gaps_label.isHidden()
    assert page.gaps_label.text().endswith("• penanda tangan tanpa pangkat/golongan")
    page.reset_button.click()  # confirmed (messages.confirm is recorded as yes)
    assert letterhead_settings.get_letterhead(ctx, "PUPR").source != "pengaturan"
    assert page.edits["address"].text() != "Jl. Lingkar Bangkinang No. 1"
    assert not page.reset_button.isEnabled()


def test_electronic_signature_install_and_remove(
    qtbot,
    world: World,
    tmp_path: Path,
    pki: tuple[bytes, x509.Certificate],  # noqa: F811
) -> None:
    pfx = tmp_path / "sertifikat-uji.p12"
    pfx.write_bytes(pki[0])
    ctx = world.as_("sysadmin")
    page = LetterheadPage(ctx)
    qtbot.addWidget(page)
    page.select("PUPR")
    assert "Belum dipasang" in page.signing_status_label.text()
    assert not page.remove_button.isEnabled()
    assert page.passphrase_edit.echoMode() == page.passphrase_edit.EchoMode.Password
    page.install_button.click()
    assert "Pilih berkas sertifikat" in page.signing_errors.labels["pfx"].text()
    page.pfx_edit.setText(str(pfx))
    page.passphrase_edit.setText("salah")
    page.install_button.click()
    wait_ops(qtbot)
    assert page.signing_errors.labels["passphrase"].text()  # refused at the field
    assert page.pfx_edit.text() == str(pfx)
    assert not signing_settings.signing_status(ctx, "PUPR").configured
    page.passphrase_edit.setText(PASS.decode())
    page.install_button.click()
    wait_ops(qtbot)
    status = page.signing_status_label.text()
    assert "BUDI SANTOSO" in status and "Berlaku sampai" in status
    assert "ditandatangani secara elektronik" in status
    assert page.passphrase_edit.text() == "" and page.remove_button.isEnabled()
    page.select("DINKES")
    assert "Belum dipasang" in page.signing_status_label.text()
    page.select("PUPR")
    page.remove_button.click()
    assert "Belum dipasang" in page.signing_status_label.text()
    assert not signing_settings.signing_status(ctx, "PUPR").configured

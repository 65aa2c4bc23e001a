"""Documents from the case view and the front desk: which buttons show for whom and when,
save (to tmp_path, read back with pypdf), open and print through the system viewer, a
failure that loses nothing; "Tambah lampiran" with refused files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lapor_desktop.gui import doc_output
from lapor_desktop.gui.case_view import CaseViewPage
from lapor_desktop.gui.intake_page import IntakePage
from lapor_desktop.services import casework
from tests.gui.conftest import NIK, Recorded, World, wait_ops
from tests.pdf.conftest import pdf_text

pytestmark = pytest.mark.gui


class Files:
    """The file dialog and the system viewer, replaced: saves go to tmp_path."""

    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path / "keluaran"
        self.dir.mkdir()
        self.asked: list[str] = []  # default names offered by the save dialog
        self.opened: list[Path] = []
        self.save_to: Path | None = None  # None: save under the default name
        self.open_ok = True

    def ask_save_path(self, _parent, _title, default_name: str, _filter: str) -> Path | None:
        self.asked.append(default_name)
        return self.save_to or self.dir / default_name

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return self.open_ok


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Files:
    f = Files(tmp_path)
    monkeypatch.setattr(doc_output, "ask_save_path", f.ask_save_path)
    monkeypatch.setattr(doc_output, "open_file", f.open_file)
    return f


def view(qtbot, world: World, user: str, ticket: str) -> CaseViewPage:
    page = CaseViewPage(world.as_(user), ticket)
    qtbot.addWidget(page)
    wait_ops(qtbot)  # the case is read off the UI thread
    return page


def dispositioned(world: World) -> str:
    t = world.new_case()
    admin = world.as_("admin")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR", note="Mohon segera ditinjau.")
    return t


def answered(world: World) -> str:
    t = dispositioned(world)
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer="Jalan sudah ditambal.")
    casework.approve(world.as_("kadis.pupr"), t)
    return t


def test_buttons_by_role_and_status(qtbot, world: World) -> None:
    t = world.new_case()
    assert view(qtbot, world, "admin", t).printable() == ["receipt", "history"]
    assert view(qtbot, world, "loket", t).printable() == ["receipt"]
    admin = world.as_("admin")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    assert view(qtbot, world, "admin", t).printable() == [
        "receipt",
        "disposition",
        "forwarding",
        "history",
    ]
    assert view(qtbot, world, "pupr", t).printable() == ["history"]
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer="Sudah ditambal.")
    assert view(qtbot, world, "kadis.pupr", t).printable() == ["history"]
    casework.approve(world.as_("kadis.pupr"), t)
    assert view(qtbot, world, "kadis.pupr", t).printable() == ["answer", "history"]
    assert view(qtbot, world, "pupr", t).printable() == ["answer", "history"]
    assert view(qtbot, world, "inspektur", t).printable() == ["history"]
    wait_ops(qtbot)


def test_save_answer_letter_read_back(qtbot, world: World, files: Files) -> None:
    t = answered(world)
    page = view(qtbot, world, "pupr", t)
    page.doc_buttons["answer"].save_action.trigger()
    assert not page.doc_buttons["answer"].isEnabled()  # busy while it is generated
    wait_ops(qtbot)
    assert files.asked == [f"jawaban-{t}.pdf"]
    text = pdf_text((files.dir / f"jawaban-{t}.pdf").read_bytes())
    assert t in text and "Jalan sudah ditambal." in text
    assert page.doc_buttons["answer"].isEnabled()
    assert "Disimpan ke" in page.doc_status_label.text()


def test_a_letter_on_a_sample_kop_shows_the_warning_with_the_document(
    qtbot, world: World, files: Files
) -> None:
    """Issue 15: PUPR's shipped kop has a sample address and NIP; the saved letter says
    so next to the document, and stops saying so once the admin has set them."""
    from lapor_desktop.pdf.data import Letterhead, Signatory
    from lapor_desktop.services import letterhead_settings

    t = answered(world)
    page = view(qtbot, world, "pupr", t)
    page.doc_buttons["answer"].save_action.trigger()
    wait_ops(qtbot)
    status = page.doc_status_label.text()
    assert "Disimpan ke" in status and "Peringatan: kop surat/penanda tangan PUPR" in status
    assert "Jalan Contoh Nomor 2" in status
    assert "8a5a00" in page.doc_status_label.styleSheet()
    head = letterhead_settings.get_letterhead(world.as_("sysadmin"), "PUPR").letterhead
    letterhead_settings.save_letterhead(
        world.as_("sysadmin"),
        "PUPR",
        Letterhead(**{**head.__dict__, "address": "Jalan Lingkar 7, Bangkinang"}),
        Signatory("Kepala Dinas PUPR", "Ir. BUDI", "Pembina (IV/a)", "197001011995031001"),
    )
    page.doc_buttons["answer"].save_action.trigger()
    wait_ops(qtbot)
    assert "Peringatan" not in page.doc_status_label.text()
    assert page.doc_status_label.styleSheet() == ""


def test_open_and_print_through_the_system_viewer(
    qtbot, world: World, files: Files, recorded_messages: Recorded
) -> None:
    t = dispositioned(world)
    page = view(qtbot, world, "admin", t)
    forwarding = page.doc_buttons["forwarding"]
    qtbot.mouseClick(forwarding, Qt.MouseButton.LeftButton)  # the click opens it
    wait_ops(qtbot)
    assert len(files.opened) == 1 and files.opened[0].name == f"penerusan-{t}.pdf"
    first = pdf_text(files.opened[0].read_bytes())
    assert t in first
    assert "penampil" in forwarding.print_action.toolTip()
    forwarding.print_action.trigger()
    wait_ops(qtbot)
    assert len(files.opened) == 2 and files.opened[1] != files.opened[0]
    assert pdf_text(files.opened[1].read_bytes()) == first  # a re-print is the same letter
    assert "dicetak" in page.doc_status_label.text()
    files.open_ok = False
    page.doc_buttons["history"].open_action.trigger()
    wait_ops(qtbot)
    assert "Tidak ada aplikasi untuk membuka" in recorded_messages.texts()[-1]


def test_failure_shows_the_message_and_loses_nothing(
    qtbot, world: World, files: Files, recorded_messages: Recorded
) -> None:
    t = dispositioned(world)
    page = view(qtbot, world, "admin", t)
    casework.not_ours(world.as_("pupr"), t, note="Kewenangan Dinas Kesehatan.")
    page.doc_buttons["disposition"].save_action.trigger()  # the page is out of date now
    wait_ops(qtbot)
    assert recorded_messages.texts() == [f"Laporan {t} belum didisposisikan ke OPD."]
    assert not list(files.dir.iterdir())
    assert page.doc_status_label.text() == recorded_messages.texts()[0]
    assert page.doc_buttons["disposition"].isEnabled()
    assert page.title_label.text().startswith(t)
    files.save_to = files.dir / "tidak-ada" / "riwayat.pdf"  # a folder that does not exist
    page.doc_buttons["history"].save_action.trigger()
    wait_ops(qtbot)
    assert "Berkas tidak dapat disimpan" in recorded_messages.texts()[-1]
    files.save_to = None
    page.doc_buttons["history"].save_action.trigger()
    wait_ops(qtbot)
    assert t in pdf_text((files.dir / f"riwayat-{t}.pdf").read_bytes())


def test_add_attachments_shows_refused_files(
    qtbot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_messages
) -> None:
    t = dispositioned(world)
    photo = tmp_path / "foto-lubang.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    fake = tmp_path / "bukan-foto.png"
    fake.write_text("teks biasa")
    script = tmp_path / "skrip.exe"
    script.write_bytes(b"MZ")
    monkeypatch.setattr(doc_output, "ask_open_paths", lambda *_a: [photo, fake, script])
    page = view(qtbot, world, "pupr", t)
    assert page.add_attachment_button is not None
    assert not page.attachments_box.isHidden()  # shown even without attachments yet
    page.add_attachment_button.click()
    wait_ops(qtbot)
    assert page.attachments_list.count() == 1
    assert page.attachments_list.item(0).text().startswith("foto-lubang.jpg")
    [message] = recorded_messages.texts()
    assert "1 lampiran ditambahkan." in message
    assert "bukan-foto.png: isi berkas tidak sesuai dengan ekstensinya" in message
    assert "skrip.exe: jenis berkas tidak diizinkan" in message
    assert view(qtbot, world, "inspektur", t).add_attachment_button is None


def test_front_desk_receipt_right_after_saving(qtbot, world: World, files: Files) -> None:
    page = IntakePage(world.as_("loket"))
    qtbot.addWidget(page)
    assert page.receipt_button is not None and not page.receipt_button.isEnabled()
    page.nik_edit.setText(NIK)
    page.title_edit.setText("Lampu jalan padam")
    page.body_edit.setPlainText("Sudah dua minggu padam.")
    with qtbot.waitSignal(page.saved) as sig:
        page.save()
    ticket = sig.args[0]
    assert page.receipt_button.isEnabled()
    assert "mencetak" in page.receipt_button.toolTip()
    page.receipt_button.click()  # print = open in the system viewer
    wait_ops(qtbot)
    [opened] = files.opened
    assert opened.name == f"tanda-terima-{ticket}.pdf"
    text = pdf_text(opened.read_bytes())
    assert ticket in text and "Siti Aminah" in text
    page.receipt_button.save_action.trigger()
    wait_ops(qtbot)
    assert files.asked == [f"tanda-terima-{ticket}.pdf"]
    assert (files.dir / f"tanda-terima-{ticket}.pdf").is_file()
    page.new_complaint()
    assert not page.receipt_button.isEnabled()
    other = IntakePage(world.as_("admin"))  # the regency admin may print receipts too
    qtbot.addWidget(other)
    assert other.receipt_button is not None


def test_failed_save_of_a_numbered_letter_reserves_no_number(
    qtbot, world: World, files: Files, recorded_messages: Recorded
) -> None:
    from lapor_desktop.services import letters_register

    t = dispositioned(world)
    page = view(qtbot, world, "admin", t)
    files.save_to = files.dir / "tidak-ada" / "penerusan.pdf"
    page.doc_buttons["forwarding"].save_action.trigger()
    wait_ops(qtbot)
    assert "Folder tujuan tidak ada" in recorded_messages.texts()[-1]
    assert letters_register.register_rows(world.as_("admin")) == []
    files.save_to = None
    page.doc_buttons["forwarding"].save_action.trigger()
    wait_ops(qtbot)
    rows = letters_register.register_rows(world.as_("admin"))
    assert [r.number for r in rows] == [1]
    saved = pdf_text((files.dir / f"penerusan-{t}.pdf").read_bytes()).replace(" ", "")
    assert rows[0].full_number in saved

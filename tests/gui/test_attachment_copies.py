"""Opening a sealed attachment: the system viewer gets a private plain copy that exists
while the case is shown and is gone when it is left; "Simpan…" writes where asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lapor_desktop import paths
from lapor_desktop.gui import doc_output
from lapor_desktop.services import intake
from tests.gui.conftest import NIK, World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

SCAN = b"\x89PNG\r\n\x1a\n" + b"KTP-1401154107950001" * 20


def case_with_scan(world: World, tmp_path: Path) -> str:
    source = tmp_path / "ktp warga.png"
    source.write_bytes(SCAN)
    return intake.log_complaint(
        world.as_("loket"),
        intake.ComplaintInput(
            reporter_nik=NIK,
            title="Dengan KTP",
            body="Isi",
            channel="walk-in",
            klasifikasi="pengaduan",
            attachments=[source],
        ),
    ).ticket


def test_viewer_copy_exists_while_shown_and_goes_afterwards(
    qtbot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Path, bytes, int]] = []

    def viewer(path: Path) -> bool:  # what the system viewer would get
        seen.append((path, path.read_bytes(), path.stat().st_mode & 0o777))
        return True

    monkeypatch.setattr(doc_output, "open_file", viewer)
    first = case_with_scan(world, tmp_path)
    other = intake.log_complaint(
        world.as_("admin"),
        intake.ComplaintInput(
            reporter_nik=NIK, title="Lain", body="Isi", channel="sms", klasifikasi="pengaduan"
        ),
    ).ticket
    window, _list = open_main_window(qtbot, world, "admin", "laporan")
    page = window.open_case(first)
    wait_ops(qtbot)  # the case is read off the UI thread
    assert page.attachments_list.count() == 1
    assert page.save_attachment_button.isEnabled()
    page.attachments_list.itemActivated.emit(page.attachments_list.item(0))
    wait_ops(qtbot)
    [(copy, data, mode)] = seen
    assert data == SCAN and copy.name == "ktp warga.png"
    assert copy.is_relative_to(paths.open_copies_dir(world.data_dir))
    if os.name == "posix":
        assert mode == 0o600
    assert copy.exists()  # still there while the case is shown
    window.open_case(other)  # the case view goes
    assert not copy.exists() and not copy.parent.exists()


def test_save_copy_where_the_person_chooses(
    qtbot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = case_with_scan(world, tmp_path)
    target = tmp_path / "disimpan" / "ktp.png"
    target.parent.mkdir()
    offered: list[str] = []

    def ask(_parent, _title, default_name: str, _filter: str) -> Path:
        offered.append(default_name)
        return target

    monkeypatch.setattr(doc_output, "ask_save_path", ask)
    window, _list = open_main_window(qtbot, world, "loket", "loket")
    page = window.open_case(t)
    wait_ops(qtbot)
    page.save_attachment_button.click()
    wait_ops(qtbot)
    assert offered == ["ktp warga.png"]
    assert target.read_bytes() == SCAN
    assert str(target) in page.doc_status_label.text()


def test_an_attachment_not_downloaded_yet_says_so_and_why_it_cannot_open(
    qtbot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attachment row that came from the central server without its content (fetched
    on demand): listed as "belum diunduh"; opening it on a PC with no server says why."""
    from lapor_desktop.db.models import Attachment, AttachmentContent, database_proxy
    from lapor_desktop.gui import messages

    t = case_with_scan(world, tmp_path)
    with database_proxy.atomic("IMMEDIATE"):  # as a pulled row: sent, content elsewhere
        Attachment.update(pushed_at=Attachment.added_at).execute()
        AttachmentContent.delete().execute()
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, text: warned.append(text))
    monkeypatch.setattr(doc_output, "open_file", lambda _path: pytest.fail("nothing to open"))
    window, _list = open_main_window(qtbot, world, "admin", "laporan")
    page = window.open_case(t)
    wait_ops(qtbot)
    assert "belum diunduh" in page.attachments_list.item(0).text()
    page.attachments_list.itemActivated.emit(page.attachments_list.item(0))
    wait_ops(qtbot)
    assert warned == ["Lampiran belum diunduh; sambungkan ke server untuk membukanya."]

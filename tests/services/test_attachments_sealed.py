"""Attachments sealed inside the encrypted database (issue 12, item 2): nothing readable on
disk, nothing left by a refused intake, one copy of identical files, FIFOs, folders and
devices refused without being opened, the size limit held while reading, names cleaned,
only people who see the case's attachments may read one back."""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path

import pytest

from lapor_desktop.db.models import Attachment, AttachmentContent
from lapor_desktop.services import attachments, cases, intake
from lapor_desktop.services.errors import NotFound, ValidationError

from .conftest import NIK, World

MARKER = b"PENANDA-KTP-NIK-1401154107950001-RAHASIA"
PNG = b"\x89PNG\r\n\x1a\n"


def scan(tmp_path: Path, name: str = "ktp.png", extra: bytes = b"") -> Path:
    """A 'KTP scan' carrying a marker that must never be readable on disk."""
    f = tmp_path / name
    f.write_bytes(PNG + MARKER * 50 + extra)
    return f


def complaint(files: list[Path], **kw) -> intake.ComplaintInput:
    values: dict = {
        "reporter_nik": NIK,
        "title": "Jalan rusak",
        "body": "Lubang besar.",
        "channel": "walk-in",
        "klasifikasi": "pengaduan",
        "attachments": files,
    }
    values.update(kw)
    return intake.ComplaintInput(**values)


def files_holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_content_is_nowhere_in_plain_text_and_reads_back(world: World, tmp_path: Path) -> None:
    outside = tmp_path / "pilihan"
    outside.mkdir()
    source = scan(outside)
    r = intake.log_complaint(world.as_("loket"), complaint([source]))
    assert r.stored_files == ("ktp.png",) and not r.refused_files
    # The database and its WAL (not yet checkpointed) are the only files, and neither
    # shows the marker: SQLCipher encrypts both.
    assert {p.name for p in world.data_dir.rglob("*") if p.is_file()} <= {
        "lapor.db",
        "lapor.db-wal",
        "lapor.db-shm",
    }
    assert (world.data_dir / "lapor.db-wal").exists()
    assert files_holding(world.data_dir, MARKER) == []
    assert files_holding(world.data_dir, MARKER[:16]) == []
    assert not (world.data_dir / "lampiran").exists()
    [view] = cases.get_case(world.as_("admin"), r.ticket).attachments
    assert view.available and view.size == source.stat().st_size
    got, data = attachments.content_of(world.as_("admin"), r.ticket, view.id)
    assert data == source.read_bytes() and got.filename == "ktp.png"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reporter_nik": "1401154107950002"}, "belum terdaftar"),
        ({"title": "x" * (intake.TITLE_MAX + 1)}, "terlalu panjang"),
    ],
    ids=["unknown-reporter", "title-too-long"],
)
def test_refused_intake_leaves_nothing(
    world: World, tmp_path: Path, change: dict, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        intake.log_complaint(world.as_("loket"), complaint([scan(tmp_path)], **change))
    assert AttachmentContent.select().count() == 0
    assert Attachment.select().count() == 0
    assert [p.name for p in world.data_dir.iterdir() if p.is_dir()] == []


def test_identical_files_stored_once_across_cases(world: World, tmp_path: Path) -> None:
    a = scan(tmp_path, "ktp.png")
    b = tmp_path / "salinan ktp.png"
    b.write_bytes(a.read_bytes())
    t1 = intake.log_complaint(world.as_("loket"), complaint([a])).ticket
    t2 = intake.log_complaint(world.as_("loket"), complaint([b, a])).ticket
    assert Attachment.select().count() == 3
    assert AttachmentContent.select().count() == 1
    for t in (t1, t2):
        for v in cases.get_case(world.as_("admin"), t).attachments:
            assert attachments.content_of(world.as_("admin"), t, v.id)[1] == a.read_bytes()


def _in_thread(fn, timeout: float = 10.0):
    out: list = []
    worker = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "hung: a special file was opened"
    return out[0], time.monotonic() - started


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_folder_and_device_refused_without_opening(world: World, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.png"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    ok = scan(tmp_path)
    sources = [fifo, folder, Path("/dev/null"), Path("/dev/zero"), ok]
    r, took = _in_thread(
        lambda: intake.log_complaint(world.as_("loket"), complaint(sources)), timeout=20
    )
    assert took < 10
    assert r.stored_files == ("ktp.png",)
    reasons = {f.filename: f.reason for f in r.refused_files}
    assert set(reasons) == {"pipa.png", "folder.pdf", "null", "zero"}
    assert "bukan berkas biasa" in reasons["pipa.png"]
    assert "folder" in reasons["folder.pdf"]
    assert "bukan berkas biasa" in reasons["null"] and "bukan berkas biasa" in reasons["zero"]


def test_missing_and_unreadable_files_say_why(world: World, tmp_path: Path) -> None:
    locked = scan(tmp_path, "terkunci.png")
    locked.chmod(0)
    sources = [tmp_path / "tidak-ada.png", locked]
    r = intake.log_complaint(world.as_("loket"), complaint(sources))
    reasons = {f.filename: f.reason for f in r.refused_files}
    assert reasons["tidak-ada.png"] == "berkas tidak ditemukan"
    if os.geteuid() != 0:  # root reads anything
        assert reasons["terkunci.png"] == "tidak ada izin untuk membaca berkas ini"


def test_file_over_the_limit_refused(world: World, tmp_path: Path) -> None:
    big = tmp_path / "besar.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(attachments.MAX_BYTES + 1)  # sparse: cheap to make
    exact = tmp_path / "pas.pdf"
    with exact.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(attachments.MAX_BYTES)
    r = intake.log_complaint(world.as_("loket"), complaint([big, exact]))
    assert r.stored_files == ("pas.pdf",)
    [refused] = r.refused_files
    assert refused.filename == "besar.pdf" and "terlalu besar" in refused.reason
    assert "maksimal 20 MB" in refused.reason


def test_limit_holds_during_the_read_not_only_by_the_size_told(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /proc files are regular files that report size 0 yet have content: like a file
    # that grows after the check, only the bounded read can catch them.
    proc = Path("/proc/self/maps")
    if not proc.exists():
        pytest.skip("no /proc")
    link = tmp_path / "tumbuh.png"
    link.symlink_to(proc)
    assert link.stat().st_size == 0
    monkeypatch.setattr(attachments, "MAX_BYTES", 64)
    result = attachments.check_file(link)
    assert isinstance(result, attachments.RefusedFile)
    assert "terlalu besar (lebih dari" in result.reason


def test_names_are_sanitised(world: World, tmp_path: Path) -> None:
    hostile = "\x1b[31m..\\..\\rahasia\u202egnp.exe\x07\tx.png"
    source = tmp_path / hostile
    source.write_bytes(PNG + b"isi")
    hidden = tmp_path / "...png"
    hidden.write_bytes(PNG + b"lain")
    r = intake.log_complaint(world.as_("loket"), complaint([source, hidden]))
    first, second = r.stored_files
    assert first == "[31m.._.._rahasiagnp.exe x.png"
    assert second == "lampiran.png"
    views = cases.get_case(world.as_("admin"), r.ticket).attachments
    assert [v.filename for v in views] == [first, second]
    refused = intake.log_complaint(world.as_("loket"), complaint([tmp_path / "\x1b]0;x\x07.exe"]))
    assert refused.refused_files[0].filename == "]0;x.exe"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.png", "_.._etc_passwd.png"),
        ("..\\..\\boot.ini.pdf", "_.._boot.ini.pdf"),
        (".bashrc.pdf", "bashrc.pdf"),
        ("\u202e\u2066.png", "lampiran.png"),
        ("baris\nbaru\r\n.pdf", "baris baru.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ('a<b>c:d"e|f?g*h.jpg', "a_b_c_d_e_f_g_h.jpg"),
        ("x" * 300 + ".docx", "x" * (attachments.NAME_MAX - 5) + ".docx"),
    ],
)
def test_safe_name(raw: str, clean: str) -> None:
    assert attachments.safe_name(raw) == clean
    assert len(attachments.safe_name(raw)) <= attachments.NAME_MAX


def test_reading_back_follows_who_sees_the_attachments(world: World, tmp_path: Path) -> None:
    r = intake.log_complaint(world.as_("loket"), complaint([scan(tmp_path)]))
    [view] = cases.get_case(world.as_("admin"), r.ticket).attachments
    for user in ("loket", "admin", "inspektur"):
        assert attachments.content_of(world.as_(user), r.ticket, view.id)[1].startswith(PNG)
    for user in ("pupr", "dinkes"):  # not (yet) the case's OPD
        with pytest.raises(NotFound, match="tidak ditemukan"):
            attachments.content_of(world.as_(user), r.ticket, view.id)
    other = intake.log_complaint(world.as_("loket"), complaint([])).ticket
    with pytest.raises(NotFound):  # an attachment of another case
        attachments.content_of(world.as_("admin"), other, view.id)
    with pytest.raises(NotFound):
        attachments.content_of(world.as_("admin"), r.ticket, uuid.uuid4())


def test_add_attachments_seals_in_its_transaction(world: World, tmp_path: Path) -> None:
    t = intake.log_complaint(world.as_("loket"), complaint([])).ticket
    with pytest.raises(NotFound):  # refused (not the case's OPD): nothing stored
        intake.add_attachments(world.as_("pupr"), t, [scan(tmp_path)])
    assert AttachmentContent.select().count() == 0
    r = intake.add_attachments(world.as_("loket"), t, [scan(tmp_path)])
    assert r.stored_files == ("ktp.png",)
    assert AttachmentContent.select().count() == 1
    assert files_holding(world.data_dir, MARKER) == []


def test_private_copy_for_the_viewer_and_saved_copy(world: World, tmp_path: Path) -> None:
    source = scan(tmp_path, "\x1bktp warga.png")
    r = intake.log_complaint(world.as_("loket"), complaint([source]))
    [view] = cases.get_case(world.as_("admin"), r.ticket).attachments
    copy = attachments.open_copy(world.as_("admin"), r.ticket, view.id)
    assert copy.name == "ktp warga.png" and copy.read_bytes() == source.read_bytes()
    assert copy.is_relative_to(world.data_dir)
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert copy.parent.stat().st_mode & 0o777 == 0o700
        assert copy.parent.parent.stat().st_mode & 0o777 == 0o700
    second = attachments.open_copy(world.as_("admin"), r.ticket, view.id)
    assert second != copy and second.exists()
    attachments.remove_open_copies(world.data_dir, [copy])
    assert not copy.exists() and not copy.parent.exists() and second.exists()
    attachments.remove_open_copies(world.data_dir)
    assert not second.exists() and not second.parent.parent.exists()
    target = tmp_path / "keluar" / "simpan.png"
    target.parent.mkdir()
    attachments.save_copy(world.as_("admin"), r.ticket, view.id, target)
    assert target.read_bytes() == source.read_bytes()

"""Attachment files: checked (type allow-list by content, size limit), copied into the data
dir under their SHA-256 (identical files are stored once), never modified afterwards."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from lapor_desktop import paths
from lapor_desktop.db.models import Attachment

MAX_BYTES = 20 * 1024 * 1024

# extension -> (mime, magic prefixes); office formats are zip (OOXML/ODF) or OLE2 (legacy).
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".doc": ("application/msword", _OLE),
    ".xls": ("application/vnd.ms-excel", _OLE),
    ".ppt": ("application/vnd.ms-powerpoint", _OLE),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
}


@dataclass(frozen=True)
class CheckedFile:
    source: Path
    filename: str
    mime: str
    size: int


@dataclass(frozen=True)
class RefusedFile:
    filename: str
    reason: str


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    filename: str
    mime: str
    size: int
    sha256: str
    path: Path


def check_file(path: Path) -> CheckedFile | RefusedFile:
    name = path.name
    mime_magic = ALLOWED.get(path.suffix.lower())
    if mime_magic is None:
        kinds = ", ".join(sorted({e.lstrip(".") for e in ALLOWED}))
        return RefusedFile(name, f"jenis berkas tidak diizinkan (yang diizinkan: {kinds})")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return RefusedFile(name, f"berkas tidak dapat dibaca ({exc.strerror or exc})")
    if not path.is_file():
        return RefusedFile(name, "bukan berkas biasa")
    if size == 0:
        return RefusedFile(name, "berkas kosong")
    if size > MAX_BYTES:
        return RefusedFile(
            name, f"terlalu besar ({size / 1e6:.1f} MB; maksimal {MAX_BYTES // 2**20} MB)"
        )
    mime, magics = mime_magic
    if not any(head.startswith(m) for m in magics):
        return RefusedFile(name, "isi berkas tidak sesuai dengan ekstensinya")
    return CheckedFile(path, name[:255], mime, size)


def blob_path(data_dir: Path, sha256: str) -> Path:
    return paths.attachments_dir(data_dir) / sha256[:2] / sha256


def store_blob(data_dir: Path, source: Path) -> str:
    """Copy into the content-addressed store; returns the SHA-256. Atomic (temp + rename)."""
    target_dir = paths.attachments_dir(data_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target_dir, prefix=".masuk-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                h.update(chunk)
                out.write(chunk)
        digest = h.hexdigest()
        final = blob_path(data_dir, digest)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, final)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return digest


def view(data_dir: Path, a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.filename, a.mime, a.size, a.sha256, blob_path(data_dir, a.sha256))


def copy_out(data_dir: Path, a: AttachmentView, target: Path) -> Path:
    shutil.copyfile(blob_path(data_dir, a.sha256), target)
    return target

"""Attachments: checked (regular file, size limit, type by content), sealed inside the
encrypted database, read back only by people who may read the case.

The bytes live in `attachment_content` (schema v7, db/migrations/m0007): SQLCipher seals
them with the database key, they are written in the caller's transaction (an intake that
is refused or killed leaves nothing anywhere), every backup carries them, and no file on
disk names or holds them. A file is never opened before `os.stat` says it is a regular
file (a FIFO would block the open, a device could do anything), is opened non-blocking
and checked again on the open handle, and is read to at most MAX_BYTES + 1 bytes, so a
file that grows while it is read is refused too.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lapor_desktop import paths
from lapor_desktop.db.models import Attachment, AttachmentContent
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, ServiceError
from lapor_desktop.services.text import strip_unsafe

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
NAME_MAX = 120  # characters of a stored file name, extension included
_CHUNK = 1 << 20

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

# Characters Windows forbids in file names (the name is used again for a copy on disk).
_NAME_FORBIDDEN = str.maketrans({c: "_" for c in '/\\<>:"|?*'})
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)]
)


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    mime: str
    size: int
    sha256: str
    content: bytes


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
    available: bool  # False: its file was already gone when attachments moved into the database
    # Synced from the central server, content not fetched yet (opening or saving fetches it).
    remote: bool = False


def safe_name(name: str, suffix: str | None = None) -> str:
    """A file name safe to store, show and write again: no control or bidi characters, no
    line breaks, no path separators or characters Windows refuses, no leading dot, at most
    NAME_MAX characters with the extension kept; "lampiran<ext>" when nothing is left."""
    if suffix is None:
        dot = name.rfind(".")
        suffix = name[dot:] if dot > 0 else ""
    ext = strip_unsafe(suffix, keep_newlines=False).translate(_NAME_FORBIDDEN).replace(" ", "")
    if len(ext) > 16 or not ext.startswith(".") or ext == ".":
        ext = ""
    stem = name[: len(name) - len(suffix)] if suffix and name.endswith(suffix) else name
    stem = strip_unsafe(stem, keep_newlines=False).translate(_NAME_FORBIDDEN)
    stem = stem.strip().lstrip(". ").rstrip(". ")
    stem = stem[: NAME_MAX - len(ext)].rstrip(". ")
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return (stem or "lampiran") + ext


def _refuse_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "ini folder, bukan berkas"
    return "bukan berkas biasa (perangkat, pipa atau soket tidak dapat dilampirkan)"


def _too_big(size: int | None) -> str:
    limit = MAX_BYTES // 2**20
    if size is None:
        return f"terlalu besar (lebih dari {limit} MB)"
    return f"terlalu besar ({size / 1e6:.1f} MB; maksimal {limit} MB)"


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "berkas tidak ditemukan"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "tidak ada izin untuk membaca berkas ini"
    return f"berkas tidak dapat dibaca ({exc.strerror or exc})"


def check_file(path: Path) -> CheckedFile | RefusedFile:
    """Read and check one file the person chose; nothing is written anywhere."""
    suffix = path.suffix
    name = safe_name(path.name, suffix)
    mime_magic = ALLOWED.get(suffix.lower())
    try:
        before = os.stat(path)
    except OSError as exc:
        return RefusedFile(name, _unreadable(exc))
    kind = _refuse_kind(before.st_mode)
    if kind is not None:
        return RefusedFile(name, kind)  # never opened: a FIFO would block, a device act
    if mime_magic is None:
        kinds = ", ".join(sorted({e.lstrip(".") for e in ALLOWED}))
        return RefusedFile(name, f"jenis berkas tidak diizinkan (yang diizinkan: {kinds})")
    if before.st_size > MAX_BYTES:
        return RefusedFile(name, _too_big(before.st_size))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return RefusedFile(name, _unreadable(exc))
    try:
        now = os.fstat(fd)
        # Swapped for something else between the stat and the open?
        if (
            _refuse_kind(now.st_mode) is not None
            or now.st_dev != before.st_dev
            or now.st_ino != before.st_ino
        ):
            return RefusedFile(name, "berkas berubah saat diperiksa; coba lagi")
        digest = hashlib.sha256()
        parts: list[bytes] = []
        total = 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(_CHUNK, MAX_BYTES + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            digest.update(chunk)
            total += len(chunk)
    except OSError as exc:
        return RefusedFile(name, _unreadable(exc))
    finally:
        os.close(fd)
    if total > MAX_BYTES:
        return RefusedFile(name, _too_big(None))  # grew while being read
    if total == 0:
        return RefusedFile(name, "berkas kosong")
    content = b"".join(parts)
    mime, magics = mime_magic
    if not any(content.startswith(m) for m in magics):
        return RefusedFile(name, "isi berkas tidak sesuai dengan ekstensinya")
    return CheckedFile(name, mime, total, digest.hexdigest(), content)


def store(complaint_id: uuid.UUID, checked: CheckedFile, added_by: uuid.UUID, at: datetime) -> None:
    """Seal the content (once per SHA-256) and record the attachment. Call inside the
    caller's write transaction: both rows are written with it or not at all."""
    exists = (
        AttachmentContent.select(AttachmentContent.sha256)
        .where(AttachmentContent.sha256 == checked.sha256)
        .exists()
    )
    if not exists:
        AttachmentContent.insert(sha256=checked.sha256, content=checked.content).execute()
    Attachment.create(
        id=uuid.uuid4(),
        complaint=complaint_id,
        sha256=checked.sha256,
        filename=checked.filename,
        mime=checked.mime,
        size=checked.size,
        added_by=added_by,
        added_at=at,
    )


def views_of(complaint_id: uuid.UUID) -> tuple[AttachmentView, ...]:
    """The case's attachments, oldest first (their content is not read)."""
    rows = list(
        Attachment.select()
        .where(Attachment.complaint == complaint_id)
        .order_by(Attachment.added_at)
    )
    if not rows:
        return ()
    present = {
        r.sha256
        for r in AttachmentContent.select(AttachmentContent.sha256).where(
            AttachmentContent.sha256.in_({a.sha256 for a in rows})
        )
    }
    return tuple(
        AttachmentView(
            a.id,
            a.filename,
            a.mime,
            a.size,
            a.sha256,
            a.sha256 in present,
            a.sha256 not in present and a.pushed_at is not None,
        )
        for a in rows
    )


# ---------------------------------------------------------------- reading back


def content_of(ctx: Ctx, ticket: str, attachment_id: uuid.UUID) -> tuple[AttachmentView, bytes]:
    """An attachment of a case and its bytes, for whoever sees the case's attachments
    (the same people cases.get_case lists them for); anyone else gets "tidak ditemukan"."""
    from lapor_desktop.services.casework import load_case
    from lapor_desktop.services.scope import (
        can_read,
        not_found,
        require_casework,
        sees_full_history,
    )

    s = ctx.user()
    require_casework(s)  # refuses roles without casework (system admin)
    case = load_case(ticket)
    if not can_read(s, case) or not sees_full_history(s, case):
        raise not_found(ticket)
    a = Attachment.get_or_none((Attachment.id == attachment_id) & (Attachment.complaint == case.id))
    if a is None:
        raise NotFound(f"Lampiran itu tidak ada pada laporan {case.ticket}.")
    row = AttachmentContent.get_or_none(AttachmentContent.sha256 == a.sha256)
    if row is not None:
        data = bytes(row.content)
    elif a.pushed_at is not None:
        # Synced from the central server: fetched now (verified, then sealed here), or a
        # clear reason (offline, not sent yet by the PC it came from).
        from lapor_desktop.sync import attachments as remote

        data = remote.download(a.sha256, a.size)
        log.info("lampiran diunduh dari server pusat: %s", case.ticket)
    else:
        raise ServiceError(
            f"Isi lampiran '{a.filename}' tidak tersedia: berkasnya sudah hilang sebelum "
            "lampiran dipindahkan ke basis data."
        )
    log.info("lampiran dibaca: %s", case.ticket)
    return AttachmentView(a.id, a.filename, a.mime, a.size, a.sha256, True), data


def save_copy(ctx: Ctx, ticket: str, attachment_id: uuid.UUID, target: Path) -> Path:
    """Write a plain copy where the person chose ("Simpan…", CLI export)."""
    _view, data = content_of(ctx, ticket, attachment_id)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise ServiceError(
            f"Lampiran tidak dapat disimpan ke {target}: {exc.strerror or exc}"
        ) from None
    return target


def _private_dir(base: Path) -> Path:
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        base.chmod(0o700)
    return Path(tempfile.mkdtemp(dir=base))  # 0700, its own folder per copy


def open_copy(ctx: Ctx, ticket: str, attachment_id: uuid.UUID) -> Path:
    """A private plain copy (owner-only folder and file, under the data dir) for the system
    viewer. The caller removes it with `remove_open_copies` when it is no longer shown;
    any left by a process that died go at the next start."""
    view, data = content_of(ctx, ticket, attachment_id)
    folder = _private_dir(paths.open_copies_dir(ctx.data_dir))
    target = folder / safe_name(view.filename)
    try:
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
        )
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ServiceError(f"Lampiran tidak dapat dibuka: {exc.strerror or exc}") from None
    return target


def remove_open_copies(data_dir: Path, copies: Iterable[Path] | None = None) -> None:
    """Remove the given copies made by `open_copy` (their folders), or all of them. A copy
    a viewer still holds open on Windows stays until the next start."""
    base = paths.open_copies_dir(data_dir)
    if copies is None:
        shutil.rmtree(base, ignore_errors=True)
        return
    for copy in copies:
        folder = copy.parent
        if folder.parent == base:
            shutil.rmtree(folder, ignore_errors=True)

"""Attachments in sync (SYNC.md): metadata with the case, content in verified chunks, fetched
on demand.

Push (part of every cycle, after the case rows): for each unsent attachment whose content
is sealed on this PC, the content goes first — unless the login can already read that
blob on the server — as chunks of `CHUNK` bytes into the login's own staging area, one
committed transaction per chunk (a cut connection keeps what was committed; the next
cycle asks which chunks are in and sends only the rest), then `blob_complete` verifies
the whole and stores it once per sha256 (central/migrations/c0002). Then the attachment
rows, `ON CONFLICT (id) DO NOTHING`, and only after that COMMIT the local rows are marked
sent. A row the server refuses for good (the case is no longer this office's) goes to the
visible "gagal terkirim" list and is not pushed again until resolved.

Pull brings the attachment rows only (`apply_rows`). The content is fetched when a person
opens or saves the file (`download`, called by services/attachments.content_of through
gui/ops): read through the login's own RLS, each chunk and the whole verified, then
sealed in the local encrypted database like a local attachment.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from lapor_desktop.central.migrations.c0002_attachments import CHUNK_BYTES, MAX_BLOB_BYTES
from lapor_desktop.db.models import (
    Attachment,
    AttachmentContent,
    Complaint,
    SyncFailed,
    database_proxy,
)
from lapor_desktop.services.text import strip_unsafe
from lapor_desktop.sync.blob_link import BlobLink
from lapor_desktop.sync.link import SyncError, problem

CHUNK = CHUNK_BYTES
OFFLINE = "Lampiran belum diunduh; sambungkan ke server untuk membukanya."
NOT_ON_SERVER = (
    "Lampiran belum diunduh dan isinya belum ada di server pusat (komputer asalnya belum "
    "mengirimnya); coba lagi setelah sinkronisasi berikutnya."
)
CORRUPT = "Isi lampiran dari server pusat rusak (hash tidak cocok); tidak disimpan."

Progress = Callable[[str], None]
KnownUser = Callable[[Any, Any], str | None]


def _cut(exc: BaseException) -> bool:
    """A lost connection (retry later), as opposed to a refusal of this row."""
    return type(exc).__name__ in ("OperationalError", "InterfaceError")


def _wrap(exc: Exception) -> SyncError:
    return SyncError(problem(exc))


# ---------------------------------------------------------------- push


def upload(blobs: BlobLink, sha: str, content: bytes, progress: Progress | None = None) -> int:
    """Send the content of one blob (resuming a cut upload); the chunks sent now."""
    if len(content) > MAX_BLOB_BYTES:
        raise SyncError(
            f"Lampiran terlalu besar untuk dikirim ({len(content) / 1e6:.1f} MB; maksimal "
            f"{MAX_BLOB_BYTES // 2**20} MB)."
        )
    if blobs.readable(sha):
        return 0
    have = blobs.staged(sha)
    total = -(-len(content) // CHUNK)
    sent = 0
    for n in range(total):
        if n in have:
            continue
        if progress is not None:
            progress(f"Mengirim lampiran: potongan {n + 1}/{total}…")
        blobs.stage(sha, n, content[n * CHUNK : (n + 1) * CHUNK])
        sent += 1
    verdict = blobs.complete(sha, len(content))
    if verdict != "ok":
        # 'missing' or 'corrupt' after sending every chunk: the server cleared the
        # staging (or lost it); the next cycle sends the file again from the start.
        raise SyncError(f"Lampiran tidak diterima server pusat ({verdict}); dikirim ulang nanti.")
    return sent


def _unsent() -> list[Any]:
    """Unsent attachments, except those the server refused for good (listed as failed)."""
    failed = {
        uuid.UUID(r.entity_id)
        for r in SyncFailed.select(SyncFailed.entity_id).where(
            (SyncFailed.entity == "attachment") & ~SyncFailed.resolved
        )
    }
    query: Any = (
        Attachment.select().where(Attachment.pushed_at.is_null()).order_by(Attachment.added_at)
    )
    return [a for a in query if uuid.UUID(str(a.id)) not in failed]


def _row(a: Any) -> dict[str, Any]:
    return {
        "id": str(a.id),
        "complaint_id": str(a.complaint_id),
        "sha256": a.sha256,
        "filename": a.filename,
        "mime": a.mime,
        "size": a.size,
        "added_by": str(a.added_by_id),
        "added_at": a.added_at,
    }


def _mark_sent(ids: list[str], now: datetime) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        for start in range(0, len(ids), 500):
            Attachment.update(pushed_at=now).where(
                Attachment.id.in_(ids[start : start + 500])
            ).execute()


def _refused(a: Any, exc: Exception, now: datetime) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        SyncFailed.insert(
            entity="attachment",
            entity_id=str(a.id),
            reason=f"Lampiran '{a.filename}' ditolak server pusat: {problem(exc)}",
            at=now,
        ).on_conflict_ignore().execute()


def _driver_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("peewee", "psycopg")


def push_attachments(db: Any, now: datetime, progress: Progress) -> int:
    """Push every unsent attachment (content, then metadata); rows new to the server.
    A lost connection raises SyncError (what was committed stays committed)."""
    pending = _unsent()
    if not pending:
        return 0
    blobs = BlobLink(db)
    progress(f"Mengirim {len(pending)} lampiran…")
    try:
        for sha in dict.fromkeys(a.sha256 for a in pending):
            row = AttachmentContent.get_or_none(AttachmentContent.sha256 == sha)
            if row is not None:  # None: its file was lost before v7; the metadata goes alone
                upload(blobs, sha, bytes(row.content), progress)
        rows = [_row(a) for a in pending]
        try:
            new = blobs.push_rows(rows)
        except Exception as exc:
            if _cut(exc) or not _driver_error(exc):
                raise
            # A row refused (RLS: the case is no longer this office's): one by one; the
            # refused ones go to the visible failed list, the others through.
            new, sent = 0, []
            for a, r in zip(pending, rows, strict=True):
                try:
                    new += blobs.push_rows([r])
                    sent.append(r)
                except Exception as one:
                    if _cut(one) or not _driver_error(one):
                        raise
                    _refused(a, one, now)
            rows = sent
    except Exception as exc:
        if isinstance(exc, SyncError) or not _driver_error(exc):
            raise
        raise _wrap(exc) from None
    _mark_sent([r["id"] for r in rows], now)
    return new


# ---------------------------------------------------------------- pull (metadata)


def apply_rows(rows: list[dict[str, Any]], now: datetime, known_user: KnownUser) -> int:
    """Attachment rows of cases this PC holds (inside the caller's apply transaction);
    the content stays on the server until someone opens the file. `known_user` is
    apply.known_user (the local id of a person the server named)."""
    if not rows:
        return 0
    unique = {str(r["id"]): r for r in rows}
    ids = list({str(r["complaint_id"]) for r in unique.values()})
    query: Any = (
        Complaint.select(Complaint.id, Complaint.intake_office)
        .where(Complaint.id.in_(ids))
        .tuples()
    )
    held = {str(cid): str(office) for cid, office in query}
    columns = Attachment._meta.columns
    applied = 0
    for aid, r in unique.items():
        cid = str(r["complaint_id"])
        if r["deleted"] or cid not in held:
            Attachment.delete().where(Attachment.id == aid).execute()
            continue
        name = strip_unsafe(str(r["filename"]), keep_newlines=False)[:255] or "lampiran"
        row = {
            "id": aid,
            "complaint_id": cid,
            "sha256": str(r["sha256"]),
            "filename": name,
            "mime": str(r["mime"])[:120],
            "size": int(r["size"]),
            "added_by_id": known_user(r["added_by"] or uuid.UUID(int=0), held[cid]),
            "added_at": r["added_at"],
            "pushed_at": now,
        }
        # One prepared statement (a first sync may bring thousands; peewee's query
        # objects cost ~2 ms a row, see apply._upsert).
        database_proxy.execute_sql(_UPSERT, [columns[c].db_value(v) for c, v in row.items()])
        applied += 1
    return applied


_UPSERT_COLUMNS = (
    "id", "complaint_id", "sha256", "filename", "mime", "size", "added_by_id", "added_at",
    "pushed_at",
)  # fmt: skip
_UPSERT = (
    f'INSERT INTO "attachment" ({", ".join(_UPSERT_COLUMNS)}) '
    f"VALUES ({', '.join('?' for _ in _UPSERT_COLUMNS)}) "
    'ON CONFLICT ("id") DO UPDATE SET "filename" = excluded."filename", '
    '"pushed_at" = excluded."pushed_at"'
)


def forget_unreferenced(shas: Sequence[str]) -> None:
    """Drop sealed content no attachment on this PC refers to any more (a purged case)."""
    for sha in set(shas):
        if not Attachment.select().where(Attachment.sha256 == sha).exists():
            AttachmentContent.delete().where(AttachmentContent.sha256 == sha).execute()


# ---------------------------------------------------------------- fetch on demand


def verify(sha: str, size: int, chunks: list[tuple[int, str, bytes]]) -> bytes:
    """The blob's bytes when every chunk and the whole match; SyncError otherwise."""
    if not chunks:
        raise SyncError(NOT_ON_SERVER)
    if [n for n, _, _ in chunks] != list(range(len(chunks))):
        raise SyncError(CORRUPT)
    for _, digest, data in chunks:
        if hashlib.sha256(data).hexdigest() != digest:
            raise SyncError(CORRUPT)
    content = b"".join(d for _, _, d in chunks)
    if len(content) != size or len(content) > MAX_BLOB_BYTES:
        raise SyncError(CORRUPT)
    if hashlib.sha256(content).hexdigest() != sha:
        raise SyncError(CORRUPT)
    return content


def open_blob_link(password: str | None = None) -> BlobLink:
    """A connection as this PC's person (stored connection, keyring password or the one
    given); SyncError(OFFLINE) when there is none or the server cannot be reached."""
    from lapor_desktop.central import admin
    from lapor_desktop.sync import settings

    try:
        conn = settings.load()
    except admin.CentralError:
        conn = None
    if conn is None:
        raise SyncError(OFFLINE)
    override = os.environ.get(settings.DSN_ENV, "").strip()
    secret = (settings.password_in(override) if override else None) or password
    secret = secret or settings.stored_password(conn)
    if not secret:
        raise SyncError(OFFLINE)
    try:
        return BlobLink(admin.connect(conn.dsn(secret)))
    except admin.CentralError as exc:
        raise SyncError(f"{OFFLINE} ({exc.message})") from None


def fetch(blobs: BlobLink, sha: str, size: int) -> bytes:
    try:
        chunks = blobs.chunks(sha)
    except Exception as exc:
        if not _driver_error(exc):
            raise
        raise SyncError(f"{OFFLINE} ({problem(exc)})") from None
    return verify(sha, size, chunks)


def seal(sha: str, content: bytes) -> None:
    """Keep fetched content sealed in the local database (its own IMMEDIATE transaction)."""
    with database_proxy.atomic("IMMEDIATE"):
        AttachmentContent.insert(sha256=sha, content=content).on_conflict_ignore().execute()


def download(sha: str, size: int, password: str | None = None) -> bytes:
    """Fetch one blob from the server, verify it, seal it locally; its bytes."""
    blobs = open_blob_link(password)
    try:
        content = fetch(blobs, sha, size)
    finally:
        blobs.db.close()
    seal(sha, content)
    return content


def missing_content(ticket: str | None = None) -> list[tuple[str, int]]:
    """(sha256, size) of attachments held here whose content is not yet on this PC."""
    present = AttachmentContent.select(AttachmentContent.sha256)
    query: Any = Attachment.select(Attachment.sha256, Attachment.size).where(
        Attachment.sha256.not_in(present) & Attachment.pushed_at.is_null(False)
    )
    if ticket is not None:
        query = query.join(Complaint).where(Complaint.ticket == ticket)
    return list(dict.fromkeys((str(s), int(n)) for s, n in query.tuples()))


def prefetch(
    ticket: str | None = None, password: str | None = None, progress: Progress | None = None
) -> tuple[int, int]:
    """`sync fetch-attachments`: fetch every attachment not yet here (of one case, or
    all); (fetched, not yet on the server)."""
    wanted = missing_content(ticket)
    if not wanted:
        return 0, 0
    blobs = open_blob_link(password)
    got = absent = 0
    try:
        for i, (sha, size) in enumerate(wanted, 1):
            if progress is not None:
                progress(f"Mengunduh lampiran {i}/{len(wanted)}…")
            try:
                content = fetch(blobs, sha, size)
            except SyncError as exc:
                if exc.message != NOT_ON_SERVER:
                    raise
                absent += 1
                continue
            seal(sha, content)
            got += 1
    finally:
        blobs.db.close()
    return got, absent

"""Schema v7 moves the plain attachment files of a v6 database into the encrypted database
and removes them; a missing or damaged file does not stop the upgrade."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from pathlib import Path

from lapor_desktop import paths
from lapor_desktop.db import migrate
from lapor_desktop.db.database import connect_local
from lapor_desktop.db.models import AttachmentContent, Complaint
from lapor_desktop.services import attachments, storage

FIXTURE = Path(__file__).parent.parent / "fixtures" / "lapor-v6.db"
KEY = "fixture-passphrase"
MARKER = b"KTP-PLAIN-1401154107950001"


def _plain(data_dir: Path, data: bytes, name: str | None = None) -> Path:
    sha = name or hashlib.sha256(data).hexdigest()
    f = paths.attachments_dir(data_dir) / sha[:2] / sha
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_bytes(data)
    return f


def _v6_with_files(data_dir: Path) -> tuple[bytes, bytes, Path]:
    """The committed v6 fixture plus attachment rows and plain files as v6 wrote them."""
    data_dir.mkdir(parents=True)
    db_file = paths.db_path(data_dir)
    shutil.copy(FIXTURE, db_file)
    scan = b"\x89PNG\r\n\x1a\n" + MARKER * 100
    letter = b"%PDF-1.4\n" + MARKER + b" surat"
    gone = b"%PDF-1.4\nhilang"
    damaged_bytes = b"\xff\xd8\xff rusak"
    damaged_sha = hashlib.sha256(b"the original bytes").hexdigest()
    orphan = b"\x89PNG\r\n\x1a\n" + MARKER + b" intake yang ditolak"
    _plain(data_dir, scan)
    _plain(data_dir, letter)
    damaged = _plain(data_dir, damaged_bytes, damaged_sha)
    _plain(data_dir, orphan)  # left by a refused intake: no row refers to it
    temp = paths.attachments_dir(data_dir) / ".masuk-abc123"
    temp.write_bytes(MARKER)  # a copy killed half-way
    db = connect_local(db_file, KEY)
    case_id, admin_id = db.execute_sql(
        "SELECT c.id, u.id FROM complaint c, user u WHERE c.num = 1 AND u.username = 'admin'"
    ).fetchone()
    rows = [
        ("ktp.png", "image/png", scan),
        ("salinan ktp.png", "image/png", scan),  # the same file twice: stored once
        ("surat.pdf", "application/pdf", letter),
        ("hilang.pdf", "application/pdf", gone),  # its file is gone
    ]
    for i, (name, mime, data) in enumerate(rows):
        db.execute_sql(
            "INSERT INTO attachment (id, complaint_id, sha256, filename, mime, size, "
            "added_by_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                case_id,
                hashlib.sha256(data).hexdigest(),
                name,
                mime,
                len(data),
                admin_id,
                f"2026-03-10 09:3{i}:00",
            ),
        )
    db.execute_sql(
        "INSERT INTO attachment (id, complaint_id, sha256, filename, mime, size, "
        "added_by_id, added_at) VALUES (?, ?, ?, 'rusak.jpg', 'image/jpeg', 9, ?, "
        "'2026-03-10 09:40:00')",
        (str(uuid.uuid4()), case_id, damaged_sha, admin_id),
    )
    db.close()
    return scan, letter, damaged


def test_v6_plain_files_move_into_the_database(data_dir: Path) -> None:
    scan, letter, damaged = _v6_with_files(data_dir)
    store = storage.open_database(data_dir, lambda new: KEY)
    assert store.migrated[0] == 7 and migrate.current_version(store.db) == migrate.latest_version()
    stored = {r.sha256: bytes(r.content) for r in AttachmentContent.select()}
    assert sorted(stored.values()) == sorted([scan, letter])
    case = Complaint.get(Complaint.num == 1)
    views = attachments.views_of(case.id)
    assert [(v.filename, v.available) for v in views] == [
        ("ktp.png", True),
        ("salinan ktp.png", True),
        ("surat.pdf", True),
        ("hilang.pdf", False),
        ("rusak.jpg", False),
    ]
    # Plain copies gone (stored ones, the orphan, the half copy), empty folders too; only
    # the damaged file stays for a person to look at.
    left = [p for p in paths.attachments_dir(data_dir).rglob("*") if p.is_file()]
    assert left == [damaged]
    assert list(paths.attachments_dir(data_dir).iterdir()) == [damaged.parent]
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    holding = [p for p in data_dir.rglob("*") if p.is_file() and MARKER in p.read_bytes()]
    assert holding == []
    assert list(paths.backups_dir(data_dir).glob("lapor-v6-*.db"))  # the copy made first
    store.close()


def test_removal_interrupted_after_the_upgrade_finishes_at_the_next_start(
    data_dir: Path,
) -> None:
    scan, _letter, damaged = _v6_with_files(data_dir)
    store = storage.open_database(data_dir, lambda new: KEY)
    store.close()
    # As if the process died between the v7 commit and the deletion of the plain files.
    again = _plain(data_dir, scan)
    store = storage.open_database(data_dir, lambda new: KEY)
    assert store.migrated == []
    assert not again.exists() and not again.parent.exists()
    assert damaged.exists()
    store.close()


def test_new_database_has_no_plain_folder(data_dir: Path) -> None:
    store = storage.create_database(data_dir, lambda new: KEY)
    assert store.db.table_exists("attachment_content")
    assert not paths.attachments_dir(data_dir).exists()
    store.close()

"""The central side of attachment transport (SYNC.md "Attachments"): content-addressed
blobs sent in verified chunks and read back through the person's own PostgreSQL login
(row-level security decides what it may read). PostgreSQL transactions only — the local
side (sealing, marking sent) is sync/attachments.py."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

PUSH_COLUMNS = ("id", "complaint_id", "sha256", "filename", "mime", "size", "added_by", "added_at")


class BlobLink:
    """Blob transport over the person's own PostgreSQL login (DirectLink.db)."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def readable(self, sha: str) -> bool:
        """A complete blob this login may read (RLS: through a case it sees)."""
        cur = self.db.execute_sql("SELECT 1 FROM blob WHERE sha256 = %s", (sha,))
        return cur.fetchone() is not None

    def staged(self, sha: str) -> set[int]:
        cur = self.db.execute_sql("SELECT n FROM blob_upload WHERE sha256 = %s", (sha,))
        return {int(r[0]) for r in cur.fetchall()}

    def stage(self, sha: str, n: int, data: bytes) -> None:
        """One chunk, committed on its own."""
        with self.db.atomic("READ COMMITTED"):
            self.db.execute_sql(
                "INSERT INTO blob_upload (sha256, n, chunk_sha256, data) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                (sha, n, hashlib.sha256(data).hexdigest(), data),
            )

    def complete(self, sha: str, size: int) -> str:
        with self.db.atomic("READ COMMITTED"):
            cur = self.db.execute_sql("SELECT blob_complete(%s, %s)", (sha, size))
            return str(cur.fetchone()[0])

    def push_rows(self, rows: Sequence[dict[str, Any]]) -> int:
        """Attachment rows in one transaction; rows new to the server."""
        names = ", ".join(PUSH_COLUMNS)
        marks = "(" + ", ".join(["%s"] * len(PUSH_COLUMNS)) + ")"
        inserted = 0
        with self.db.atomic("READ COMMITTED"):
            for start in range(0, len(rows), 1000):
                batch = rows[start : start + 1000]
                cur = self.db.execute_sql(
                    f"INSERT INTO attachment ({names}) VALUES "
                    + ", ".join([marks] * len(batch))
                    + " ON CONFLICT (id) DO NOTHING",
                    [r[c] for r in batch for c in PUSH_COLUMNS],
                )
                inserted += max(cur.rowcount, 0)
        return inserted

    def chunks(self, sha: str) -> list[tuple[int, str, bytes]]:
        with self.db.atomic("REPEATABLE READ READ ONLY"):
            cur = self.db.execute_sql(
                "SELECT n, chunk_sha256, data FROM blob_chunk WHERE sha256 = %s ORDER BY n",
                (sha,),
            )
            return [(int(n), str(h), bytes(d)) for n, h, d in cur.fetchall()]

"""Candidates for duplicate suggestions (issue 18): cases received within a window whose
title shares a word with the new one (FTS5, newest first, bounded), and the same
reporter's cases in the window. The fuzzy scoring is done by services/duplicates.py."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from lapor_desktop.db.models import database_proxy


class Candidate(NamedTuple):
    num: int
    ticket: str
    title: str
    body: str  # its beginning only (what the scoring reads)
    category: str | None
    kecamatan: str
    reporter_id: str
    received_at: Any
    status: str
    duplicate_of_id: str | None
    anonim: bool
    opd_id: str | None
    created_by: str


BODY_PREFIX = 600
_SELECT = (
    'SELECT c."num", c."ticket", c."title", substr(c."body", 1, ?), c."category_id", '
    'c."location_kecamatan", c."reporter_id", c."received_at", c."status", '
    'c."duplicate_of_id", c."anonim", c."opd_id", c."created_by_id" FROM "complaint" c '
)


def _at(t: datetime) -> str:
    return f"{t:%Y-%m-%d %H:%M:%S}"  # how peewee stores a DateTimeField


def num_range(start: datetime, end: datetime) -> tuple[int, int] | None:
    """The intake numbers of cases received in [start, end] (complaint_received_num)."""
    row = database_proxy.execute_sql(
        'SELECT min("num"), max("num") FROM "complaint" WHERE "received_at" BETWEEN ? AND ?',
        (_at(start), _at(end)),
    ).fetchone()
    return None if row[0] is None else (int(row[0]), int(row[1]))


def by_words(
    words: list[str], nums: tuple[int, int], start: datetime, end: datetime, limit: int
) -> list[Candidate]:
    """Cases in the window whose title has one of `words` (newest first, at most `limit`)."""
    if not words:
        return []
    match = "title : (" + " OR ".join(f'"{w}"' for w in words) + ")"
    rows = database_proxy.execute_sql(
        _SELECT + 'JOIN (SELECT rowid AS n FROM "complaint_fts" WHERE "complaint_fts" MATCH ? '
        'AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?) f ON c."num" = f.n '
        'WHERE c."received_at" BETWEEN ? AND ?',
        (BODY_PREFIX, match, nums[0], nums[1], limit, _at(start), _at(end)),
    ).fetchall()
    return [Candidate(*r) for r in rows]


def by_reporter(reporter_id: uuid.UUID, start: datetime, end: datetime) -> list[Candidate]:
    rows = database_proxy.execute_sql(
        _SELECT + 'WHERE c."reporter_id" = ? AND c."received_at" BETWEEN ? AND ? LIMIT 200',
        (BODY_PREFIX, reporter_id.hex, _at(start), _at(end)),
    ).fetchall()
    return [Candidate(*r) for r in rows]

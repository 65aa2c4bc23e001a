"""Letter numbers: one gapless register per office and year; a number is never reused.

A number is reserved inside the transaction of the action that issues the letter (the
head's approval, a disposition or escalation letter), so a rolled-back action frees
nothing and two approvals at once still get consecutive numbers. A letter written to a
file reserves its number in the same transaction that stages the file
(services.outfile, documents._issued): a failed write rolls the number back.

On a PC joined to a central server the server numbers letters (gapless per office and
year even when two PCs of one office issue letters offline, SYNC.md): the PC never prints
a number of its own. Its letter gets a placeholder number (below PROVISIONAL, never one
the server gives) and the text PENDING_NUMBER ("nomor menyusul") as its full number, which
every document prints until a sync brings the server's number back (sync/apply.py
`_letters` overwrites both); a reprint then carries it. A PC not joined numbers locally.
"""

from __future__ import annotations

import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from peewee import fn

from lapor_desktop import paths
from lapor_desktop.db.models import Complaint, Letter, Office, SyncState, database_proxy
from lapor_desktop.db.queries import letters
from lapor_desktop.services.context import Ctx

KINDS = ("answer", "forwarding", "ombudsman", "monthly", "receipt")
DEFAULT_PATTERN = "${klasifikasi}/${nomor}/${kode_kantor}/${tahun}"
PENDING_NUMBER = "nomor menyusul"  # printed until the central server numbers the letter
PROVISIONAL = -1_000_000  # a joined PC's placeholder numbers lie below this (never real)


def numbered_by_server() -> bool:
    """True on a PC joined to a central server (the server numbers its letters)."""
    state = SyncState.get_or_none(SyncState.id == 1)
    return bool(state is not None and state.audience)


def is_pending(letter: Letter) -> bool:
    """The letter waits for its number from the central server."""
    return int(letter.number) <= PROVISIONAL


@dataclass(frozen=True)
class LetterRow:
    full_number: str
    number: int
    year: int
    kind: str
    office_code: str
    ticket: str | None
    reserved_by: str
    reserved_at: datetime


@lru_cache(maxsize=1)
def _number_settings() -> tuple[str, dict[str, str]]:
    path = paths.reports_dir() / "letters.toml"
    try:
        import tomllib  # only when a template is read

        data = tomllib.loads(path.read_text(encoding="utf-8")).get("number", {})
    except FileNotFoundError:
        data = {}
    return str(data.get("pattern", DEFAULT_PATTERN)), dict(data.get("klasifikasi", {}))


def format_number(kind: str, number: int, office_code: str, year: int) -> str:
    pattern, codes = _number_settings()
    return string.Template(pattern).substitute(
        klasifikasi=codes.get(kind, "000"), nomor=number, kode_kantor=office_code, tahun=year
    )


def reserve(
    ctx: Ctx, case: Complaint | None, kind: str, office_id: uuid.UUID | None = None
) -> Letter:
    """The next number of the acting user's office (or `office_id`) for this year.

    Must run inside the caller's write transaction (BEGIN IMMEDIATE on SQLite).
    """
    s = ctx.session
    oid = office_id or (s.office_id if s else None)
    if oid is None:
        raise ValueError("no office to number the letter for")
    office = Office.get_by_id(oid)
    now = ctx.clock.now()
    with database_proxy.atomic("IMMEDIATE"):
        this_year = (Letter.office == office.id) & (Letter.year == now.year)
        if numbered_by_server():
            low = (
                Letter.select(fn.MIN(Letter.number))
                .where(this_year & (Letter.number <= PROVISIONAL))
                .scalar()
            )
            number = int(low if low is not None else PROVISIONAL + 1) - 1
            full_number = PENDING_NUMBER
        else:
            last = Letter.select(fn.MAX(Letter.number)).where(this_year).scalar()
            number = int(last or 0) + 1
            full_number = format_number(kind, number, office.code, now.year)
        return Letter.create(
            id=uuid.uuid4(),
            office=office.id,
            year=now.year,
            number=number,
            full_number=full_number,
            kind=kind,
            complaint=case.id if case else None,
            reserved_by=s.user_id if s else None,
            reserved_at=now,
        )


def letters_of_case(case_id: uuid.UUID) -> list[Letter]:
    return list(Letter.select().where(Letter.complaint == case_id).order_by(Letter.reserved_at))


def register_rows(
    ctx: Ctx, office_code: str | None = None, year: int | None = None
) -> list[LetterRow]:
    """The register, visible to the office's own users and the regency (exportable)."""
    s = ctx.user()
    if s.is_opd:
        rows = letters.register(office=s.office_id, year=year)
    else:
        rows = letters.register(office_code=office_code.upper() if office_code else None, year=year)
    for r in rows:
        r["reserved_by"] = r["reserved_by"] or ""
    return [LetterRow(**r) for r in rows]

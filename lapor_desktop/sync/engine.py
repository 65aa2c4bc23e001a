"""`join`, one sync cycle and the offline status (SYNC.md "A sync cycle").

A cycle: gate (schema and client version), push what waits (parents first, each table in
one central transaction; rows are marked sent only after COMMIT returned), pull one window
and apply it with its checkpoint in one local IMMEDIATE transaction, record the sync on
both sides. A failure anywhere leaves every local change in place (still unsent) and
becomes a `SyncError` with an Indonesian reason; the attempt is logged locally.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lapor_desktop import __version__
from lapor_desktop.db.models import (
    Attachment,
    CaseAction,
    Complaint,
    Letter,
    Office,
    Reporter,
    Setting,
    SyncConflict,
    SyncFailed,
    SyncLog,
    SyncState,
    User,
    database_proxy,
)
from lapor_desktop.services.context import Ctx
from lapor_desktop.sync import apply, edits, settings
from lapor_desktop.sync.link import CentralLink, Me, SyncError, open_link, problem, too_old

Progress = Callable[[str], None]
PENDING_MODELS: tuple[Any, ...] = (Reporter, Complaint, CaseAction, Attachment, Letter)


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Summary:
    pushed: int
    pulled: int
    rejected: int
    conflicts: int
    checkpoint: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Status:
    last_sync: datetime | None
    pending: int
    failed: int
    conflicts: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def status() -> Status:
    """What `sync --status` shows, from the local database only."""
    state = SyncState.get_or_none(SyncState.id == 1)
    pending = sum(m.select().where(m.pushed_at.is_null()).count() for m in PENDING_MODELS)
    pending += len(edits.pending())  # edits of headers and reporters not yet sent
    return Status(
        state.last_sync if state else None,
        pending,
        SyncFailed.select().where(~SyncFailed.resolved).count(),
        SyncConflict.select().where(~SyncConflict.resolved).count(),
    )


@contextmanager
def talking() -> Iterator[None]:
    """psycopg/peewee failures while talking to the server → SyncError (Indonesian)."""
    try:
        yield
    except SyncError:
        raise
    except Exception as exc:
        if type(exc).__module__.split(".")[0] not in ("peewee", "psycopg"):
            raise
        raise SyncError(problem(exc)) from None


def _check_gate(link: CentralLink) -> None:
    from lapor_desktop.central.migrations import LATEST

    gate = link.gate()
    if too_old(__version__, gate.min_client_version) or gate.schema_version > LATEST:
        raise SyncError(
            f"Aplikasi ini (versi {__version__}) terlalu lama untuk server pusat (minimal "
            f"versi {gate.min_client_version}). Perbarui aplikasi; perubahan di komputer ini "
            "tetap tersimpan dan dikirim setelah pembaruan."
        )


# ---------------------------------------------------------------- push


def _column_rows(model: Any) -> list[dict[str, Any]]:
    """Unsent rows of `model` keyed by column name (a foreign key as `x_id`), with
    peewee's Python values (bool, datetime); UUIDs as text."""
    by_name = {f.name: f.column_name for f in model._meta.sorted_fields}
    query: Any = model.select().where(model.pushed_at.is_null()).dicts()
    rows = []
    for r in query:
        rows.append({by_name[k]: str(v) if isinstance(v, uuid.UUID) else v for k, v in r.items()})
    return rows


def _pending_rows(me: Me) -> list[tuple[str, Any, list[dict[str, Any]]]]:
    out: list[tuple[str, Any, list[dict[str, Any]]]] = []
    if me.audience == "regency":
        reporters = [{**r, "registered_by": r["registered_by_id"]} for r in _column_rows(Reporter)]
        complaints = [
            {**r, "category_code": r["category_id"], "created_by": r["created_by_id"]}
            for r in _column_rows(Complaint)
        ]
        out += [("reporter", Reporter, reporters), ("complaint", Complaint, complaints)]
    actions = sorted(_column_rows(CaseAction), key=lambda a: (a["complaint_id"], a["seq"]))
    out.append(("case_action", CaseAction, actions))
    letters = [
        {**r, "full_number": _template(r), "reserved_by": r["reserved_by_id"]}
        for r in _column_rows(Letter)
    ]
    out.append(("letter", Letter, letters))
    return out


_SENTINEL = 987_654_321


def _template(letter: dict[str, Any]) -> str:
    """The letter's number pattern with `{nomor}` where the server puts its number."""
    from lapor_desktop.services.letters_register import format_number

    code = Office.get_by_id(letter["office_id"]).code
    text = format_number(letter["kind"], _SENTINEL, code, int(letter["year"]))
    return text.replace(str(_SENTINEL), "{nomor}")


def push_pending(link: CentralLink, me: Me, now: datetime, progress: Progress) -> int:
    """Push every unsent row, parents first; mark sent only after the server committed.
    Returns the rows new to the server (a replay counts 0)."""
    new = 0
    for table, model, rows in _pending_rows(me):
        if not rows:
            continue
        progress(f"Mengirim {len(rows)} baris {table}…")
        with talking():
            new += link.push(table, rows)
        ids = [r["id"] for r in rows]
        with database_proxy.atomic("IMMEDIATE"):
            for start in range(0, len(ids), 500):
                model.update(pushed_at=now).where(model.id.in_(ids[start : start + 500])).execute()
    return new


def push_edits(link: CentralLink, now: datetime, progress: Progress) -> int:
    """Send every unsent edit of a case header or reporter as a version-checked edit and
    record the server's answers (sync/edits.py); the number of clashes."""
    waiting = edits.pending()
    if not waiting:
        if edits.has_unchanged():
            with database_proxy.atomic("IMMEDIATE"):
                edits.settle_unchanged()
        return 0
    progress(f"Mengirim {len(waiting)} perubahan data laporan/pelapor…")
    with talking():
        outcomes = link.push_edits([e.row() for e in waiting])
    with database_proxy.atomic("IMMEDIATE"):
        apply.set_applying(True)  # the server's values written back are not local edits
        clashes = edits.acknowledge(waiting, outcomes, now)
        edits.settle_unchanged()
        apply.set_applying(False)
    return clashes


# ---------------------------------------------------------------- pull


def pull_and_apply(link: CentralLink, me: Me, now: datetime, progress: Progress) -> Summary:
    start = SyncState.get_by_id(1).checkpoint
    office = str(me.office_id)
    with talking():
        window = link.pull(start, me.audience)
        # A case granted since the checkpoint: its older rows were in windows this office
        # could not see then, so it comes whole (and its rows again, harmlessly).
        # (From checkpoint 0 the window already holds everything the login may see.)
        fetch = me.audience == "opd" and start > 0
        granted = apply.granted_cases(window.rows, office) if fetch else []
        whole = link.fetch_cases(granted, me.audience) if granted else {}
    rows = {k: [*v, *whole.get(k, [])] for k, v in window.rows.items()}
    progress(f"Menerima {window.count} baris perubahan…")
    from lapor_desktop.services import deadlines

    deadlines.calendar()  # built (once per process) before the write lock, not under it
    with database_proxy.atomic("IMMEDIATE"):
        apply.set_applying(True)
        applied, refused = apply.apply_rows(rows, now)
        if me.audience == "opd":
            for case_id in apply.revoked_cases(rows, office):
                apply.purge_case(case_id)
        for r in rows.get("case_action", []):
            if not r["accepted"] and str(r["user_id"]) == str(me.user_id):
                SyncFailed.insert(
                    entity="case_action",
                    entity_id=str(r["id"]),
                    reason=r["reason"] or "ditolak server pusat",
                    at=now,
                ).on_conflict_ignore().execute()
        SyncState.update(checkpoint=window.high, last_sync=now).where(SyncState.id == 1).execute()
        apply.set_applying(False)
    conflicts = len(window.rows.get("sync_conflict", []))
    return Summary(0, applied, refused, conflicts, window.high, 0.0)


# ---------------------------------------------------------------- one cycle


def _log(now: datetime, summary: Summary | None, error: str, started: float) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        SyncLog.create(
            at=now,
            ok=summary is not None,
            pushed=summary.pushed if summary else 0,
            pulled=summary.pulled if summary else 0,
            rejected=summary.rejected if summary else 0,
            conflicts=summary.conflicts if summary else 0,
            checkpoint=summary.checkpoint if summary else SyncState.get_by_id(1).checkpoint,
            seconds=round(time.perf_counter() - started, 3),
            error=error,
        )


def run_cycle(ctx: Ctx, link: CentralLink, progress: Progress = _quiet) -> Summary:
    """One cycle on an open link (the caller closes it)."""
    started = time.perf_counter()
    now = ctx.clock.now().replace(microsecond=0)
    try:
        with talking():
            _check_gate(link)
            me = link.me()
        pushed = push_pending(link, me, now, progress)
        clashes = 0
        if me.audience == "regency":  # only the regency may edit headers and reporters
            clashes = push_edits(link, now, progress)
        got = pull_and_apply(link, me, now, progress)
        summary = Summary(
            pushed,
            got.pulled,
            got.rejected,
            max(got.conflicts, clashes),
            got.checkpoint,
            round(time.perf_counter() - started, 3),
        )
        with talking():
            link.record(me.office_id, summary.checkpoint, __version__, summary.as_dict())
    except SyncError as exc:
        _log(now, None, exc.message, started)
        raise
    _log(now, summary, "", started)
    return summary


def connection_dsn(ask_password: Callable[[str], str]) -> tuple[settings.Connection, str]:
    """The DSN to connect with: LAPOR_CENTRAL_DSN as given, else the stored settings with
    the keyring's password (asked when the keyring has none)."""
    import os

    conn = settings.load()
    if conn is None:
        raise SyncError("Komputer ini belum bergabung dengan server pusat (lapor-desktop join).")
    override = os.environ.get(settings.DSN_ENV, "").strip()
    password = settings.password_in(override) if override else None
    password = password or settings.stored_password(conn) or ask_password(conn.user)
    return conn, conn.dsn(password)


def sync(ctx: Ctx, ask_password: Callable[[str], str], progress: Progress = _quiet) -> Summary:
    """Connect with the stored connection and run one cycle."""
    started = time.perf_counter()
    try:
        _, dsn = connection_dsn(ask_password)
        progress("Menghubungi server pusat…")
        link = open_link(dsn)
    except SyncError as exc:
        _log(ctx.clock.now().replace(microsecond=0), None, exc.message, started)
        raise
    try:
        return run_cycle(ctx, link, progress)
    finally:
        link.close()


# ---------------------------------------------------------------- join


@dataclass(frozen=True)
class Joined:
    username: str
    office_id: str
    audience: str
    password_stored: bool
    summary: Summary


def join(
    ctx: Ctx,
    dsn: str,
    password: str,
    ask_db_secret: Callable[[bool], str],
    progress: Progress = _quiet,
) -> Joined:
    """Create this PC's local database from what the login may see and make the person
    a local user (argon2 hash of the same password)."""
    from lapor_desktop.central import admin
    from lapor_desktop.services import setup, storage, users

    try:
        conn = settings.parse(dsn)
    except admin.CentralError as exc:
        raise SyncError(exc.message) from None
    if storage.database_exists(ctx.data_dir):
        raise SyncError(
            "Basis data lokal sudah ada di folder data ini; join hanya untuk komputer baru."
        )
    progress("Menghubungi server pusat…")
    link = open_link(conn.dsn(password))
    try:
        with talking():
            _check_gate(link)
            me = link.me()
        password_hash = users.hash_password(password)  # slow: before the transaction
        store = storage.create_database(ctx.data_dir, ask_db_secret)
        try:
            with database_proxy.atomic("IMMEDIATE"):
                Setting.insert(key=setup.DEVICE_CODE_KEY, value=setup.new_device_code()).execute()
                Setting.insert(
                    key="initialized_on", value=ctx.clock.now().date().isoformat()
                ).execute()
                settings.save(conn)
                SyncState.update(
                    audience=me.audience,
                    login=conn.user,
                    office_id=str(me.office_id),
                    joined_at=ctx.clock.now().replace(microsecond=0),
                ).where(SyncState.id == 1).execute()
            summary = run_cycle(ctx, link, progress)
            with database_proxy.atomic("IMMEDIATE"):
                User.update(password_hash=password_hash).where(User.id == str(me.user_id)).execute()
        finally:
            store.close()
    finally:
        link.close()
    stored = settings.remember_password(conn, password)
    return Joined(conn.user, str(me.office_id), me.audience, stored, summary)


def data_dir_ready(data_dir: Path) -> bool:
    from lapor_desktop.services import storage

    return storage.database_exists(data_dir)

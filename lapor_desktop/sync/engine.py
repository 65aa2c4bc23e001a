"""`join`, one sync cycle and the offline status (SYNC.md "A sync cycle").

A cycle: gate (schema and client version), push what waits (parents first, each table in
one central transaction; rows are marked sent only after COMMIT returned), pull one window
and apply it with its checkpoint in one local IMMEDIATE transaction (a big window in
pieces, each with its own checkpoint), record the sync on
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
from lapor_desktop.sync import apply, attachments, edits, leave, lock, settings
from lapor_desktop.sync.link import (
    CentralLink,
    ClientTooOld,
    Gate,
    Me,
    SyncError,
    open_link,
    problem,
    too_old,
)

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
    # Pending: not sent yet and not parked in the failed list (those count as failed).
    pending = sum(
        m.select().where(m.pushed_at.is_null()).count()
        - _parked_unsent(m, parked_ids(m._meta.table_name))
        for m in PENDING_MODELS
    )
    pending += len(edits.pending())  # edits of headers and reporters not yet sent
    return Status(
        state.last_sync if state else None,
        pending,
        SyncFailed.select().where(~SyncFailed.resolved).count(),
        SyncConflict.select().where(~SyncConflict.resolved).count(),
    )


def _parked_unsent(model: Any, ids: set[str]) -> int:
    keys = list(ids)
    return sum(
        model.select()
        .where(model.pushed_at.is_null() & model.id.in_(keys[start : start + 500]))
        .count()
        for start in range(0, len(keys), 500)
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


def _check_gate(link: CentralLink) -> Gate:
    from lapor_desktop.central.migrations import LATEST

    gate = link.gate()
    if too_old(__version__, gate.min_client_version) or gate.schema_version > LATEST:
        raise ClientTooOld(
            f"Aplikasi ini (versi {__version__}) terlalu lama untuk server pusat (minimal "
            f"versi {gate.min_client_version}). Perbarui aplikasi; perubahan di komputer ini "
            "tetap tersimpan dan dikirim setelah pembaruan."
        )
    if gate.schema_version < LATEST:  # e.g. the LAPOR! columns (c0003) are not there yet
        raise SyncError(
            f"Server pusat masih memakai skema versi {gate.schema_version}; aplikasi ini "
            f"memerlukan versi {LATEST}. Minta TI kabupaten menjalankan 'lapor-desktop "
            "central upgrade'; perubahan di komputer ini tetap tersimpan."
        )
    return gate


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


PUSH_BATCH = 500  # rows per central transaction; a failing batch is split (bisected)


def transient(exc: BaseException) -> bool:
    """A failure of the link itself (cut, server restart, timeout): retry the whole push
    later. Anything else (a constraint, a refused value) is about the rows."""
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"OperationalError", "InterfaceError"})


def parked_ids(table: str) -> set[str]:
    """Rows parked in the visible "failed to sync" list: not pushed again until a person
    marks the entry resolved."""
    query: Any = (
        SyncFailed.select(SyncFailed.entity_id)
        .where((SyncFailed.entity == table) & ~SyncFailed.resolved)
        .tuples()
    )
    return {str(r[0]) for r in query}


def _park(table: str, row: dict[str, Any], reason: str, now: datetime) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        SyncFailed.insert(
            entity=table, entity_id=str(row["id"]), reason=reason, resolved=False, at=now
        ).on_conflict(
            conflict_target=[SyncFailed.entity, SyncFailed.entity_id],
            update={SyncFailed.reason: reason, SyncFailed.resolved: False, SyncFailed.at: now},
        ).execute()


def _mark_sent(model: Any, ids: list[Any], now: datetime) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        for start in range(0, len(ids), 500):
            model.update(pushed_at=now).where(model.id.in_(ids[start : start + 500])).execute()


def _push_batch(
    link: CentralLink,
    table: str,
    model: Any,
    rows: list[dict[str, Any]],
    now: datetime,
    checked: list[bool],
) -> int:
    """Push one batch in one central transaction and mark it sent after COMMIT. A batch
    refused for a reason of its own rows is split in halves until the bad row is alone;
    that row is parked in sync_failed with the server's reason, the rest go through."""
    try:
        new = link.push(table, rows)
    except SyncError:
        raise
    except Exception as exc:
        if type(exc).__module__.split(".")[0] not in ("peewee", "psycopg") or transient(exc):
            raise
        if not checked:  # the login itself may have been disabled meanwhile: then stop
            with talking():
                link.me()
            checked.append(True)
        if len(rows) == 1:
            _park(table, rows[0], problem(exc), now)
            return 0
        half = len(rows) // 2
        return _push_batch(link, table, model, rows[:half], now, checked) + _push_batch(
            link, table, model, rows[half:], now, checked
        )
    _mark_sent(model, [r["id"] for r in rows], now)
    return new


def push_pending(link: CentralLink, me: Me, now: datetime, progress: Progress) -> int:
    """Push every unsent row, parents first, in batches; mark sent only after the server
    committed. Returns the rows new to the server (a replay counts 0)."""
    new = 0
    held: set[str] = set()  # parked rows and rows whose parent is parked
    for table, model, rows in _pending_rows(me):
        held |= parked_ids(table)
        rows = [r for r in rows if not held & _parents(r) and str(r["id"]) not in held]
        if not rows:
            continue
        progress(f"Mengirim {len(rows)} baris {table}…")
        checked: list[bool] = []
        for start in range(0, len(rows), PUSH_BATCH):
            batch = rows[start : start + PUSH_BATCH]
            with talking():
                new += _push_batch(link, table, model, batch, now, checked)
        held |= parked_ids(table)
    blob_db = getattr(link, "db", None)  # attachments: content in chunks, then rows
    if blob_db is not None:
        new += attachments.push_attachments(blob_db, now, progress)
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


def _parents(row: dict[str, Any]) -> set[str]:
    return {str(row[k]) for k in ("reporter_id", "complaint_id") if row.get(k) is not None}


# ---------------------------------------------------------------- pull


def pull_and_apply(
    link: CentralLink,
    me: Me,
    now: datetime,
    progress: Progress,
    full: bool = False,
    piece_seconds: float | None = None,
) -> Summary:
    """Pull one window and apply it with its checkpoint in one local transaction (a big
    one in pieces; `piece_seconds`: pieces of about that long, for the app). `full`:
    from the beginning (a PC offline past the purge horizon), then drop local copies of
    cases the server no longer has."""
    start = 0 if full else SyncState.get_by_id(1).checkpoint
    office = str(me.office_id)
    with talking():
        window = link.pull(start, me.audience)
        # A login disabled meanwhile sees an empty window: never take its checkpoint.
        link.me()
        # A case granted since the checkpoint: its older rows were in windows this office
        # could not see then, so it comes whole (and its rows again, harmlessly).
        # (From checkpoint 0 the window already holds everything the login may see.)
        fetch = me.audience == "opd" and start > 0
        granted = apply.granted_cases(window.rows, office, leave.left_cases()) if fetch else []
        whole = link.fetch_cases(granted, me.audience) if granted else {}
    rows = {k: [*v, *whole.get(k, [])] for k, v in window.rows.items()}
    progress(f"Menerima {window.count} baris perubahan…")
    from lapor_desktop.services import deadlines

    deadlines.calendar()  # built (once per process) before the write lock, not under it
    applied = refused = 0
    # The app's sync (piece_seconds): pieces short enough that a save at the counter
    # waits for one of them only briefly; the CLI and a join: big pieces (fastest).
    pacer = apply.Pacer(piece_seconds) if piece_seconds else None
    fixed = apply.CHUNK_ROWS
    total, done_rows = sum(len(v) for v in rows.values()), 0
    for part, checkpoint, last in apply.paced_pieces(
        rows, start, window.high, pacer or (lambda kind: fixed)
    ):
        size = sum(len(v) for v in part.values())
        if done_rows or not last:
            shown = (f"{n:,}".replace(",", ".") for n in (done_rows + size, total))
            progress("Menerapkan perubahan: {} dari {} baris…".format(*shown))
        # After a full resync the last piece drops what the whole window no longer lists.
        keep = _listed(rows) if full and last else None
        done = _apply_part(part, me, now, checkpoint, last=last, keep=keep)
        if pacer is not None:
            pacer.took(size, done[2])
            apply.let_writers_in()
        applied, refused = applied + done[0], refused + done[1]
        done_rows += size
    conflicts = len(window.rows.get("sync_conflict", []))
    return Summary(0, applied, refused, conflicts, window.high, 0.0)


def _apply_part(
    rows: dict[str, list[Any]],
    me: Me,
    now: datetime,
    checkpoint: int,
    last: bool,
    keep: set[str] | None = None,
) -> tuple[int, int, float]:
    """Apply (part of) a window with its checkpoint in one local IMMEDIATE transaction:
    rows applied, refused, and the seconds it held the write lock."""
    office = str(me.office_id)
    with database_proxy.atomic("IMMEDIATE"):
        began = time.perf_counter()  # (after any wait for the lock)
        apply.set_applying(True)
        applied, refused = apply.apply_rows(rows, now)
        if me.audience == "opd":
            leave.back_again(rows, office)
            for case_id in apply.revoked_cases(rows, office):
                leave.leave_case(case_id, now)  # own unsent work stays, parked
        _apply_tombstones(rows, now)
        if keep is not None:
            _drop_purged(keep, now)
        _refresh_deadlines(rows, now)
        for r in rows.get("case_action", []):
            if not r["accepted"] and str(r["user_id"]) == str(me.user_id):
                SyncFailed.insert(
                    entity="case_action",
                    entity_id=str(r["id"]),
                    reason=r["reason"] or "ditolak server pusat",
                    at=now,
                ).on_conflict_ignore().execute()
        state: dict[Any, Any] = {SyncState.checkpoint: checkpoint}
        if last:
            state[SyncState.last_sync] = now
        SyncState.update(state).where(SyncState.id == 1).execute()
        apply.set_applying(False)
    return applied, refused, time.perf_counter() - began


def _case_rows(rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [*rows.get("complaint", []), *rows.get("complaint_opd", [])]


def _apply_tombstones(rows: dict[str, list[dict[str, Any]]], now: datetime) -> None:
    """Soft deletes (SYNC.md "Deletes are soft"): a case deleted on the server goes from
    this PC with its history (own unsent work on it stays, parked: sync/leave.py); a
    deleted reporter goes once no case of this PC names it."""
    for r in _case_rows(rows):
        if r.get("deleted"):
            leave.leave_case(str(r["id"]), now, leave.DELETED)
    for r in rows.get("reporter", []):
        if r.get("deleted"):
            apply.drop_reporter_if_unused(str(r["id"]))


def _refresh_deadlines(rows: dict[str, list[dict[str, Any]]], now: datetime) -> None:
    """The stored deadline of every case the window changed, from its (server-ordered)
    history as this PC now holds it: the worklists sort and flag by it. Histories are
    read 500 cases at a time (a first sync brings thousands)."""
    from lapor_desktop.db.queries.history import ACCEPTED, as_datetime
    from lapor_desktop.services import deadlines

    ids = {str(r["id"]) for r in _case_rows(rows)}
    ids |= {str(r["complaint_id"]) for r in rows.get("case_action", [])}
    if rows.get("holiday_override") or rows.get("rule_set"):
        # The working-day calendar or a rule set changed (apply invalidated its cache):
        # every open case's deadline may move, as when the admin edits them on this PC.
        ids |= apply.open_cases()
    due: tuple[Any, ...] = (
        Complaint.due_clock,
        Complaint.due_date,
        Complaint.due_soon_from,
        Complaint.escalation_due,
    )
    running = {str(s) for s in (*deadlines.STAGE_CLOCK, *deadlines.ESCALATABLE)}
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        steps: dict[str, list[tuple[str, str, datetime]]] = {}
        query: Any = (
            CaseAction.select(
                CaseAction.complaint, CaseAction.action, CaseAction.to_status, CaseAction.at
            )
            .where(CaseAction.complaint.in_(part) & ACCEPTED)
            .order_by(CaseAction.complaint, CaseAction.seq)
            .tuples()
        )
        for cid, action, to, at in query:
            steps.setdefault(str(cid), []).append((str(action), str(to), as_datetime(at)))
        fields = (Complaint.id, Complaint.received_at, Complaint.status, Complaint.rule_set)
        changed: list[list[Any]] = []
        for case in Complaint.select(*fields, *due).where(Complaint.id.in_(part)):
            before = tuple(getattr(case, f.name) for f in due)
            if case.status in running:
                history = deadlines.ActionTimes(tuple(steps.get(str(case.id), ())))
                deadlines.refresh_due(case, now, history)
                after = tuple(getattr(case, f.name) for f in due)
            else:  # closed or archived: no clock runs (what refresh_due would store)
                after = (None, None, None, None)
            if after != before:
                values = [f.db_value(v) for f, v in zip(due, after, strict=True)]
                changed.append([*values, Complaint.id.db_value(case.id)])
        if changed:
            sets = ", ".join(f'"{f.column_name}" = ?' for f in due)
            cursor = database_proxy.cursor()
            cursor.executemany(f'UPDATE "complaint" SET {sets} WHERE "id" = ?', changed)


def _listed(rows: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The cases a (full) window lists as alive, as undashed ids."""
    return {str(r["id"]).replace("-", "") for r in _case_rows(rows) if not r.get("deleted")}


def _drop_purged(listed: set[str], now: datetime) -> None:
    """After a full resync: a case this PC got from the server that the server no longer
    lists (`listed`: the whole window's) was deleted and purged meanwhile (its tombstone is
    gone too). Cases still waiting to be sent are this PC's own work and stay."""
    query: Any = Complaint.select(Complaint.id).where(Complaint.pushed_at.is_null(False)).tuples()
    for (case_id,) in query:
        if str(case_id).replace("-", "") not in listed:
            leave.leave_case(str(case_id), now, leave.DELETED)


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


SKEW_KEY = "sync_clock_skew_seconds"
SKEW_LIMIT = 300  # SYNC.md: flag a client clock more than 5 minutes off


def check_clock(link: CentralLink, local: datetime, progress: Progress) -> int:
    """Compare this PC's wall clock with the server's at each cycle; record the difference
    (seconds, + = this PC ahead) and warn when it is more than five minutes. The app
    records naive local times (when a complaint was received, when an action was taken),
    so a PC set to the wrong time zone is off too. Ordering never depends on it: the
    server numbers actions as they arrive."""
    with talking():
        server = link.now()
    skew = round((local.replace(tzinfo=None) - server.replace(tzinfo=None)).total_seconds())
    with database_proxy.atomic("IMMEDIATE"):
        Setting.insert(key=SKEW_KEY, value=str(skew)).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: str(skew)}
        ).execute()
    if abs(skew) > SKEW_LIMIT:
        progress(skew_warning(skew))
    return skew


def skew_warning(skew: int) -> str:
    hours, minutes = divmod(round(abs(skew) / 60), 60)
    side = "lebih cepat" if skew > 0 else "lebih lambat"
    return (
        f"Peringatan: jam komputer ini {hours} jam {minutes} menit {side} dari server "
        "pusat. Urutan riwayat tetap menurut server, tetapi waktu yang dicatat di komputer "
        "ini keliru; perbaiki jam dan zona waktu komputer."
    )


def clock_skew() -> int | None:
    """The difference to the server's clock measured at the last cycle (seconds)."""
    row = Setting.get_or_none(Setting.key == SKEW_KEY)
    return int(row.value) if row else None


def run_cycle(
    ctx: Ctx, link: CentralLink, progress: Progress = _quiet, piece_seconds: float | None = None
) -> Summary:
    """One cycle on an open link (the caller closes it); `piece_seconds`: see
    `pull_and_apply`."""
    started = time.perf_counter()
    now = ctx.clock.now().replace(microsecond=0)
    try:
        with talking():
            gate = _check_gate(link)
            me = link.me()
        check_clock(link, ctx.clock.now(), progress)
        pushed = push_pending(link, me, now, progress)
        clashes = 0
        if me.audience == "regency":  # only the regency may edit headers and reporters
            clashes = push_edits(link, now, progress)
        checkpoint = SyncState.get_by_id(1).checkpoint
        full = 0 < checkpoint < gate.purge_horizon
        if full:
            progress(
                "Komputer ini terlalu lama tidak sinkron (data lama sudah dibersihkan di "
                "server): memuat ulang semua data…"
            )
        got = pull_and_apply(link, me, now, progress, full=full, piece_seconds=piece_seconds)
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


def sync(
    ctx: Ctx,
    ask_password: Callable[[str], str],
    progress: Progress = _quiet,
    dsn: str | None = None,
    piece_seconds: float | None = None,
) -> Summary:
    """Connect with the stored connection (or `dsn`: the app's signed-in person) and run
    one cycle (`piece_seconds`: the app's short pieces, see `pull_and_apply`). One cycle at
    a time per data folder, whoever runs it (the app, the CLI): `lock.SyncBusy` at once when
    another holds the folder's sync lock."""
    with lock.held(ctx.data_dir):
        return _sync(ctx, ask_password, progress, dsn, piece_seconds)


def _sync(
    ctx: Ctx,
    ask_password: Callable[[str], str],
    progress: Progress,
    dsn: str | None,
    piece_seconds: float | None = None,
) -> Summary:
    started = time.perf_counter()
    try:
        if dsn is None:
            _, dsn = connection_dsn(ask_password)
        progress("Menghubungi server pusat…")
        link = open_link(dsn)
    except SyncError as exc:
        _log(ctx.clock.now().replace(microsecond=0), None, exc.message, started)
        raise
    try:
        return run_cycle(ctx, link, progress, piece_seconds)
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

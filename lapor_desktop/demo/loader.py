"""Writes demo data into the database: one IMMEDIATE transaction of multi-row INSERT
statements, written by a second thread while the next batch is generated (with each
batch's full-text entries: the FTS triggers are off for the load) — from
`PROCESS_THRESHOLD` cases generated in a spawned second process instead, so that Python
and SQLite use two cores; a big load runs with a rollback journal instead of WAL (each page
written once) and builds the history's secondary indexes afterwards (DESIGN.md §6).

Also the database side of a load: what it reads first (offices, rule sets, categories,
existing numbers), the demo users, the refusal of a database with real complaints, and
the audit entry.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import random
import re
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import OperationalError

from lapor_desktop.db.migrations import m0001_initial
from lapor_desktop.db.models import database_proxy
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services import deadlines, reference
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError, ValidationError
from lapor_desktop.services.users import hash_password

from .generator import (
    DEMO_DEVICE,
    CaseTotals,
    Generator,
    ProgressFn,
    Work,
    make_reporters,
    produce,
)
from .simulator import Office, Person, Refs, Staff, ts
from .tables import REPORTER, USER, Table

DEMO_PASSWORD = "demo12345"
MAX_CASES = 2_000_000
_CACHE_KIB = -256 * 1024  # page cache during the load (negative: KiB, SQLite's convention)


@dataclass(frozen=True)
class DemoResult:
    cases: int
    reporters: int
    actions: int
    letters: int
    by_status: dict[str, int]
    overdue: int  # open cases whose current deadline had passed at generation time
    escalated: int
    first_ticket: str
    last_ticket: str
    users_created: tuple[str, ...]
    demo_users: tuple[str, ...]  # every demo account (created now or before)
    password: str
    seconds: float


# ---------------------------------------------------------------- database side

_TRIGGER_NAME = re.compile(r'CREATE TRIGGER "(\w+)"')
FTS_TRIGGERS: tuple[tuple[str, str], ...] = tuple(
    (m.group(1), sql) for sql in m0001_initial.FTS if (m := _TRIGGER_NAME.search(sql))
)


def _insert_sql(table: Table, rows: int = 1) -> str:
    cols = ", ".join(f'"{c}"' for c in table.columns)
    one = f"({', '.join('?' for _ in table.columns)})"
    return f'INSERT INTO "{table.name}" ({cols}) VALUES {", ".join([one] * rows)}'


_STATEMENT_PARAMS = 16_000  # bound values per statement (SQLite allows 32,766)
_STATEMENT_ROWS = 500


def insert_rows(cursor: Any, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert `rows` with multi-row INSERT statements, a few hundred rows each.

    Cheaper than `executemany` (one statement step per few hundred rows instead of one
    per row), and sqlite3 holds the GIL only while binding: the step that inserts runs
    without it, so the writer thread really overlaps with generation. With executemany it
    gave the GIL up and waited to get it back for every single row.
    """
    per = max(1, min(_STATEMENT_ROWS, _STATEMENT_PARAMS // len(table.columns)))
    full = len(rows) - len(rows) % per
    if full:
        sql = _insert_sql(table, per)
        for start in range(0, full, per):
            cursor.execute(sql, list(itertools.chain.from_iterable(rows[start : start + per])))
    if rest := rows[full:]:
        sql = _insert_sql(table, len(rest))
        cursor.execute(sql, list(itertools.chain.from_iterable(rest)))


def _rows(sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    cursor = database_proxy.execute_sql(sql, tuple(params))
    return list(cursor.fetchall())


def _load_refs() -> Refs:
    offices = [
        Office(str(i), str(c), str(n), str(k))
        for i, c, n, k in _rows(
            'SELECT id, code, name, kind FROM "office" WHERE active = 1 ORDER BY code'
        )
    ]
    regency = next((o for o in offices if o.kind == "kabupaten"), None)
    opds = [o for o in offices if o.kind == "opd"]
    if regency is None or not opds:
        raise ServiceError(
            "Basis data belum berisi kantor admin kabupaten dan OPD; jalankan 'init' dahulu."
        )
    rule_rows = _rows(
        "SELECT id, effective_from, verification_days, verification_kind, follow_up_days, "
        "follow_up_kind, escalation_days, escalation_kind, reply_days, reply_kind "
        'FROM "rule_set" ORDER BY effective_from'
    )
    if not rule_rows:
        raise ServiceError("Basis data belum berisi aturan tenggat; jalankan 'init' dahulu.")
    rule_sets = []
    for rid, eff, *_ in rule_rows:
        rules = deadlines.rules_of(uuid.UUID(str(rid)))
        effective = eff if isinstance(eff, date) else date.fromisoformat(str(eff)[:10])
        rule_sets.append((effective, str(rid), rules))
    categories = frozenset(str(r[0]) for r in _rows('SELECT code FROM "category" WHERE active = 1'))
    kecamatan = list(reference.kampar_kecamatan())
    return Refs(
        regency=regency,
        opds=opds,
        opd_by_code={o.code: o for o in opds},
        categories=categories,
        rule_sets=rule_sets,
        kecamatan=kecamatan,
        desa={k.code: reference.kampar_desa(k.code) for k in kecamatan},
    )


def _nip(rng: random.Random, now: datetime) -> str:
    born = date(rng.randint(1966, 1995), rng.randint(1, 12), rng.randint(1, 28))
    tmt = f"{born.year + rng.randint(22, 30)}{rng.randint(1, 12):02d}"
    return f"{born:%Y%m%d}{tmt}{rng.randint(1, 2)}{rng.randint(1, 20):03d}"


def _ensure_staff(refs: Refs, gen: Generator) -> Staff:
    """Demo accounts for every role; existing ones are reused (they must fit their role)."""
    rng = random.Random(f"staff:{gen.rng.random()}")
    wanted: list[tuple[str, Role, Office, str]] = []
    for i in (1, 2):
        wanted.append((f"loket{i}", Role.FRONT_DESK, refs.regency, f"Petugas Loket {i}"))
    for i in (1, 2):
        wanted.append((f"admin{i}", Role.ADMIN_KABUPATEN, refs.regency, f"Admin Koordinator {i}"))
    auditor_office = refs.opd_by_code.get("INSPEKTORAT", refs.regency)
    wanted.append(("inspektur1", Role.AUDITOR, auditor_office, "Auditor Inspektorat"))
    for o in refs.opds:
        short = o.code.lower()
        wanted.append((f"{short}.admin", Role.OPD_ADMIN, o, f"Admin Penghubung {o.code}"))
        wanted.append((f"{short}.kepala", Role.OPD_HEAD, o, f"Kepala {o.name}"))
    existing = {
        str(u): (str(i), str(r), str(o))
        for i, u, r, o in _rows('SELECT id, username, role, office_id FROM "user"')
    }
    now = gen.now
    pw_hash: str | None = None
    rows: list[tuple[Any, ...]] = []
    staff = Staff([], [], {}, {}, [], [])
    for username, role, office, full_name in wanted:
        found = existing.get(username)
        if found is not None:
            uid, urole, uoffice = found
            if urole != role.value or uoffice != office.id:
                raise ServiceError(
                    f"Pengguna '{username}' sudah ada dengan peran atau kantor lain; "
                    "data demo tidak dibuat."
                )
        else:
            if pw_hash is None:
                pw_hash = hash_password(DEMO_PASSWORD)  # one hash: argon2 is slow on purpose
            uid = gen.new_id(now)
            nip = "" if role is Role.FRONT_DESK and rng.random() < 0.5 else _nip(rng, now)
            row: tuple[Any, ...] = (uid, username, full_name, nip, role.value, office.id)
            # password_hash, active, failed_attempts, locked_until, must_change, created_at
            rows.append((*row, pw_hash, 1, 0, None, 0, ts(now)))
            staff.created.append(username)
        person = Person(uid, office.id, role)
        staff.names.append(username)
        if role is Role.FRONT_DESK:
            staff.desk.append(person)
        elif role is Role.ADMIN_KABUPATEN:
            staff.admin.append(person)
        elif role is Role.OPD_ADMIN:
            staff.opd_admin[office.code] = person
        elif role is Role.OPD_HEAD:
            staff.opd_head[office.code] = person
    if rows:
        insert_rows(database_proxy.cursor(), USER, rows)
    return staff


def _check_database() -> int:
    """Refuse a database with real complaints; return how many demo complaints it holds."""
    real = _rows(
        'SELECT COUNT(*) FROM "complaint" WHERE ticket NOT LIKE ?', (f"%-{DEMO_DEVICE}-%",)
    )[0][0]
    if real:
        raise ServiceError(
            f"Basis data ini sudah berisi {real} laporan sungguhan. Data demo hanya dapat "
            "dibuat pada basis data kosong atau yang hanya berisi data demo; gunakan folder "
            "data terpisah (--data-dir) untuk demo."
        )
    return int(_rows('SELECT COUNT(*) FROM "complaint"')[0][0])


def generate(
    ctx: Ctx,
    cases: int,
    seed: int = 1,
    progress: ProgressFn | None = None,
    *,
    process_threshold: int | None = None,
) -> DemoResult:
    """Add `cases` demo complaints (with reporters, histories, letters and demo users).

    Runs in one transaction: on any error nothing is added. See the package docstring for
    what is generated and when a database is refused. `process_threshold`: from how many
    cases the generation runs in a second process (default `PROCESS_THRESHOLD`; tests
    lower it to exercise that path with a small load).
    """
    if not 1 <= cases <= MAX_CASES:
        raise ValidationError(f"Jumlah laporan demo harus 1 sampai {MAX_CASES:,}.", "cases")
    started = time.perf_counter()
    # A big page cache for the load: with SQLite's default (2 MB) the dirty index pages of a
    # large transaction spill and are re-read (and, with SQLCipher, re-encrypted) endlessly.
    # Foreign keys are not checked row by row during the load (every id comes from the
    # database or from this load; tests run PRAGMA foreign_key_check on the result). The
    # pragma only takes effect outside a transaction, so inside a caller's transaction the
    # checks simply stay on.
    cache_size = _rows("PRAGMA cache_size")[0][0]
    foreign_keys = _rows("PRAGMA foreign_keys")[0][0]
    database_proxy.execute_sql(f"PRAGMA cache_size = {_CACHE_KIB}")
    database_proxy.execute_sql("PRAGMA foreign_keys = OFF")
    journal = _rollback_journal() if cases >= BULK_INDEX_THRESHOLD else None
    try:
        threshold = PROCESS_THRESHOLD if process_threshold is None else process_threshold
        return load(ctx, cases, seed, progress, started, threshold)
    finally:
        if journal is not None:
            _set_journal_mode(journal)  # if refused, the next open sets WAL (db.database)
        database_proxy.execute_sql(f"PRAGMA foreign_keys = {int(foreign_keys)}")
        database_proxy.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")


def _set_journal_mode(mode: str) -> bool:
    try:
        return str(_rows(f"PRAGMA journal_mode = {mode}")[0][0]).lower() == mode.lower()
    except OperationalError:  # another connection is open, or we are inside a transaction
        return False


def _rollback_journal() -> str | None:
    """Switch a big load from WAL to a rollback journal; returns the mode to restore.

    In WAL mode every page of the load is written twice: into the WAL, then by the
    checkpoint into the database (8.6 s of a 100k-case load). With a rollback journal the
    pages the load appends past the end of the file are written once, and only the few
    existing pages it changes are copied to the journal first: just as safe (a crash rolls
    back from the journal). Only possible while no other connection has the file open; if
    the switch is refused the load simply runs in WAL mode.
    """
    if database_proxy.in_transaction():
        return None
    mode = str(_rows("PRAGMA journal_mode")[0][0]).lower()
    if mode != "wal":
        return None
    # Asked once, without waiting: an open connection elsewhere would otherwise hold the
    # load up for the whole busy timeout before it runs in WAL mode anyway.
    timeout = _rows("PRAGMA busy_timeout")[0][0]
    database_proxy.execute_sql("PRAGMA busy_timeout = 0")
    try:
        switched = _set_journal_mode("delete")
    finally:
        database_proxy.execute_sql(f"PRAGMA busy_timeout = {int(timeout)}")
    return mode if switched else None


BULK_INDEX_THRESHOLD = 10_000
# Only the history's: 8 actions per case make its indexes cheaper to build once, sorted,
# than to keep up row by row. The cases' ones are kept up during the load — rebuilding
# each of them scanned the whole (wide, encrypted) table again, ~0.5 s apiece at 100k.
_BULK_TABLES = ("case_action",)


def _secondary_indexes() -> list[tuple[str, str]]:
    """Explicit, non-unique indexes of the bulk-loaded tables (name, CREATE statement)."""
    rows = _rows(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in _BULK_TABLES)})",
        _BULK_TABLES,
    )
    return [(str(n), str(q)) for n, q in rows if "UNIQUE" not in str(q).upper()]


def load(
    ctx: Ctx,
    cases: int,
    seed: int,
    progress: ProgressFn | None,
    started: float,
    process_threshold: int,
) -> DemoResult:
    with database_proxy.atomic("IMMEDIATE"):
        _check_database()
        refs = _load_refs()
        device = _rows('SELECT value FROM "setting" WHERE key = ?', ("device_code",))
        first_num = int(_rows('SELECT COALESCE(MAX(num), 0) FROM "complaint"')[0][0]) + 1
        id_seed = f"{seed}:{device[0][0] if device else ''}:{first_num}"
        gen = Generator(ctx.clock.now(), refs, Staff([], [], {}, {}, [], []), seed, id_seed)
        staff = gen.staff = _ensure_staff(refs, gen)
        taken = {str(r[0]) for r in _rows('SELECT nik FROM "reporter"')}
        pool = max(30, min(cases // 3, 60_000))
        reporter_rows = make_reporters(gen, pool, staff.desk, taken)
        insert_rows(database_proxy.cursor(), REPORTER, reporter_rows)
        reporter_ids = [r[0] for r in reporter_rows]
        plans = gen.plans(cases)

        saved = {
            str(name): str(sql)
            for name, sql in _rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"({', '.join('?' for _ in FTS_TRIGGERS)})",
                [name for name, _ in FTS_TRIGGERS],
            )
        }
        for name, _sql in FTS_TRIGGERS:
            database_proxy.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')

        last_seq = {
            str(prefix): int(str(top).rsplit("-", 1)[1])
            for prefix, top in _rows(
                'SELECT substr(ticket, 1, 10), MAX(ticket) FROM "complaint" GROUP BY 1'
            )
        }
        # A big load builds the history's secondary indexes once, sorted, afterwards (the
        # load is one transaction, so a failure leaves the old indexes in place).
        indexes = _secondary_indexes() if cases >= BULK_INDEX_THRESHOLD else []
        for name, _sql in indexes:
            database_proxy.execute_sql(f'DROP INDEX "{name}"')
        work = Work(
            gen,
            plans,
            reporter_ids,
            first_num,
            last_seq,
            [sql for _name, sql in indexes],
            last_letter_numbers(),  # read now: the writer will own the connection
        )
        if cases >= process_threshold:
            result, letters = _produce_in_process(work, progress)
        else:
            writer = _Writer()
            try:
                result, letters = produce(work, progress, writer)
            finally:
                writer.close()
        for name, sql in FTS_TRIGGERS:
            database_proxy.execute_sql(saved.get(name, sql))
        if indexes:
            # Fresh statistics for the rebuilt indexes (sampled: ~2 s for 100k cases); with
            # those of the empty database the planner misses the covering count indexes.
            database_proxy.execute_sql("PRAGMA analysis_limit = 1000")
            database_proxy.execute_sql("ANALYZE")
            database_proxy.execute_sql("PRAGMA analysis_limit = 0")
        audit(
            ctx,
            "data_demo",
            "complaint",
            "",
            f"{cases} laporan demo (seed {seed}), {len(reporter_rows)} pelapor, "
            f"{len(staff.created)} pengguna demo",
        )
    by_status, actions, overdue, escalated, first_ticket, last_ticket = result
    return DemoResult(
        cases=cases,
        reporters=len(reporter_rows),
        actions=actions,
        letters=letters,
        by_status=by_status,
        overdue=overdue,
        escalated=escalated,
        first_ticket=first_ticket,
        last_ticket=last_ticket,
        users_created=tuple(staff.created),
        demo_users=tuple(staff.names),
        password=DEMO_PASSWORD,
        seconds=time.perf_counter() - started,
    )


# Loads this big are generated in a second process while this one writes: the Python that
# makes the texts and histories (~28 s of CPU per 100k cases) and SQLite (~20 s) then run on
# two cores instead of sharing one GIL. Smaller loads do not repay the process start.
PROCESS_THRESHOLD = 20_000


def _produce_in_process(work: Work, progress: ProgressFn | None) -> tuple[CaseTotals, int]:
    """`produce` in a spawned process (spawn, not fork: the caller may have threads, a
    GUI among them; a frozen build re-enters through multiprocessing.freeze_support in
    __main__); its statements are executed here, on the caller's connection and inside
    its transaction. A failure on either side stops both and raises here."""
    mp = multiprocessing.get_context("spawn")
    pipe: Any = mp.Queue(maxsize=4)  # a few batches in flight: bounded memory
    child = mp.Process(
        target=_produce_in_child, args=(pipe, work), name="lapor-demo-generator", daemon=True
    )
    child.start()
    cursor = database_proxy.cursor()
    finished = False
    try:
        while True:
            try:
                message = pipe.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(
                        f"demo generator process ended without a result (exit {child.exitcode})"
                    ) from None
                continue
            kind = message[0]
            if kind == "rows":
                insert_rows(cursor, message[1], message[2])
            elif kind == "sql":
                cursor.execute(message[1], message[2])
            elif kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                finished = True
                return message[1], message[2]
            else:
                raise RuntimeError(f"demo generator process failed:\n{message[1]}")
    finally:
        cursor.close()
        if not finished:
            child.terminate()
        child.join()
        pipe.close()


class _PipeSink:
    def __init__(self, pipe: Any) -> None:
        self._pipe = pipe

    def put(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        self._pipe.put(("rows", table, rows))

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        self._pipe.put(("sql", sql, params))


def _end_with_parent() -> None:
    """End this (generating) process as soon as the process that started it is gone.

    A parent killed outright (SIGKILL, a crash, Task Manager) runs no cleanup, so the
    `daemon` flag never fires; without this the generator would run on, then block on a
    full queue forever. multiprocessing gives a spawned child a sentinel of its parent (a
    pipe end that reaches EOF on POSIX, the process handle on Windows): a daemon thread
    waits on it and exits the process. Where there is no sentinel, poll the parent's pid."""
    parent = multiprocessing.parent_process()
    ppid = os.getppid()

    def watch() -> None:
        if parent is not None:
            parent.join()  # returns when the parent process has ended
        else:
            while os.getppid() == ppid:
                time.sleep(0.5)
        os._exit(3)

    threading.Thread(target=watch, name="demo-parent-watch", daemon=True).start()


def _produce_in_child(pipe: Any, work: Work) -> None:
    """The generating process: statements, progress and the totals go through `pipe`."""
    _end_with_parent()
    try:
        deadlines.use_calendar(work.gen.cal)  # this process has no database to read it from
        totals, letters = produce(
            work, lambda done, total: pipe.put(("progress", done, total)), _PipeSink(pipe)
        )
        pipe.put(("done", totals, letters))
    except BaseException:
        pipe.put(("error", traceback.format_exc()))


class _Writer:
    """Runs the load's statements (batch inserts, FTS fills, index builds) on a second
    thread, in order, while this one generates the next batch.

    sqlite3 releases the GIL while SQLite works, so inserting (B-trees, SQLCipher page
    encryption) overlaps with generating in Python (see `insert_rows`). The thread uses
    the caller's own connection, inside the caller's transaction; nothing else touches the
    connection until `close()` has joined the thread.
    """

    def __init__(self) -> None:
        self._conn = database_proxy.connection()
        self._queue: queue.Queue[Callable[[Any], object] | None] = queue.Queue(3)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="demo-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cursor = self._conn.cursor()
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    item(cursor)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc
        cursor.close()

    def put(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(lambda cursor: insert_rows(cursor, table, rows))

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(lambda cursor: cursor.execute(sql, params))

    def close(self) -> None:
        """Wait for every queued insert; re-raise the first failure."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def last_letter_numbers() -> dict[tuple[str, int], int]:
    return {
        (str(o), int(y)): int(n)
        for o, y, n in _rows('SELECT office_id, year, MAX(number) FROM "letter" GROUP BY 1, 2')
    }

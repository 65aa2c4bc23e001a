"""The LAPOR! columns in a pulled window (issue 18; central c0003, local v12).

- A case's `lapor_status` and what was last marked as entered in LAPOR! are plain header
  columns (`HEADER`, applied with the case; a case with an unsent local edit keeps its own).
- `duplicate_of_id` points at another case, which a window may bring later (another
  piece), never (an OPD that does not see the main case) or take away (a purge). The local
  foreign key cannot hold a pointer to a case that is not here, so the server's pointer
  waits in `duplicate_pointer` until its main case is on this PC (`point_duplicates`),
  and a purged main case puts the pointers to it back there (`set_aside_pointers_to`).
- A tracking ID is unique locally too: a case from the server takes its tracking ID from
  another local case still holding it (`free_tracking_ids`).
- A LAPOR! account key is unique locally: a reporter row from the server takes its key
  from any other local row still holding it (`free_accounts`; the server is the truth).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from lapor_desktop.db.bulk import execute_many
from lapor_desktop.db.models import SyncConflict, database_proxy

HEADER = ("lapor_status", "lapor_entered_bucket", "lapor_entered_answer", "lapor_entered_at")


def _hex(v: Any) -> str:
    return v.hex if isinstance(v, uuid.UUID) else str(v).replace("-", "").lower()


def _many(sql: str, params: list[Any]) -> None:
    execute_many(sql, params)


_BATCH = 500


def _holders(
    table: str, column: str, extra: str, pairs: list[tuple[str, str]], cond: str
) -> list[Any]:
    """Local rows of `table` whose `column` is one of the pairs' values but whose id is
    not the pair's (value, id as 32 hex digits): (id, value, *extra columns). `cond` is the
    WHERE of the column's partial index (so the look-up uses it)."""
    owner = dict(pairs)
    out: list[Any] = []
    values = list(owner)
    for start in range(0, len(values), _BATCH):
        part = values[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        cur = database_proxy.execute_sql(
            f'SELECT "id", "{column}"{extra} FROM "{table}" '
            f'WHERE "{column}" IN ({marks}) AND {cond}',
            part,
        )
        out += [row for row in cur.fetchall() if _hex(row[0]) != owner[row[1]]]
    return out


def free_accounts(reporters: Iterable[dict[str, Any]]) -> None:
    """Before reporter rows from the server are applied: no other local reporter keeps
    the LAPOR! account key one of them carries (e.g. this PC's own row of an account that
    the server merged into an earlier one)."""
    pairs = [(r["lapor_account"], _hex(r["id"])) for r in reporters if r.get("lapor_account")]
    held = _holders("reporter", "lapor_account", "", pairs, '"lapor_account" IS NOT NULL')
    _many('UPDATE "reporter" SET "lapor_account" = NULL WHERE "id" = ?', [[h[0]] for h in held])


def free_tracking_ids(cases: Iterable[dict[str, Any]], now: datetime) -> None:
    """Before case rows from the server are applied: a LAPOR! tracking ID is on one case
    (central c0003); another local case still holding one of theirs (this PC imported the
    same file offline; the server kept its copy without the ID and said so in a conflict)
    lets go of it. A case not yet sent gets the conflict note here, so nothing is lost."""
    pairs = [(r["tracking_id"], _hex(r["id"])) for r in cases if r.get("tracking_id")]
    held = _holders(
        "complaint", "tracking_id", ', "ticket", "pushed_at"', pairs, "\"tracking_id\" <> ''"
    )
    _many('UPDATE "complaint" SET "tracking_id" = \'\' WHERE "id" = ?', [[h[0]] for h in held])
    for case_id, tracking, ticket, pushed_at in held:
        if pushed_at is None:
            SyncConflict.insert(
                id=str(uuid.uuid4()),
                entity="complaint",
                entity_id=str(uuid.UUID(str(case_id))),
                reason=f"Nomor pelacakan LAPOR! {tracking} sudah dipakai laporan lain di "
                f"server pusat; laporan {ticket} disimpan tanpa nomor itu. Periksa apakah "
                "laporan ini duplikat.",
                at=now,
                resolved=False,
            ).execute()


def point_duplicates(rows: Iterable[dict[str, Any]], dirty: set[str]) -> None:
    """The server's duplicate pointers of `rows` (server case rows, just applied); a case
    with an unsent local edit (`dirty`, ids as text) keeps its own."""
    cleared: list[list[str]] = []
    waiting: list[list[str]] = []
    for r in rows:
        if "duplicate_of_id" not in r or str(r["id"]) in dirty:
            continue
        case = _hex(r["id"])
        main = r["duplicate_of_id"]
        if main is None:
            cleared.append([case])
        else:
            waiting.append([case, _hex(main)])
    if cleared:  # only the few cases that point anywhere now (a first sync: none)
        db = database_proxy
        pointing = {
            str(row[0])
            for sql in (
                'SELECT "id" FROM "complaint" WHERE "duplicate_of_id" IS NOT NULL',
                'SELECT "complaint_id" FROM "duplicate_pointer"',
            )
            for row in db.execute_sql(sql).fetchall()
        }
        cleared = [c for c in cleared if c[0] in pointing]
    _many('DELETE FROM "duplicate_pointer" WHERE "complaint_id" = ?', cleared)
    _many('UPDATE "complaint" SET "duplicate_of_id" = NULL WHERE "id" = ?', cleared)
    _many(
        'INSERT OR REPLACE INTO "duplicate_pointer" ("complaint_id", "main_id") VALUES (?, ?)',
        waiting,
    )
    resolve()


def resolve() -> None:
    """Put every waiting pointer whose main case is here now on its case."""
    db = database_proxy
    if db.execute_sql('SELECT 1 FROM "duplicate_pointer" LIMIT 1').fetchone() is None:
        return
    db.execute_sql('DELETE FROM "duplicate_pointer" WHERE "complaint_id" NOT IN '
                   '(SELECT "id" FROM "complaint")')  # fmt: skip
    ready = db.execute_sql(
        'SELECT p."complaint_id", p."main_id" FROM "duplicate_pointer" p '
        'JOIN "complaint" m ON m."id" = p."main_id"'
    ).fetchall()
    _many(
        'UPDATE "complaint" SET "duplicate_of_id" = ? WHERE "id" = ? '
        'AND "duplicate_of_id" IS NOT ?',
        [[main, case, main] for case, main in ready],
    )
    _many('DELETE FROM "duplicate_pointer" WHERE "complaint_id" = ?', [[c] for c, _ in ready])


def set_aside_pointers_to(case_id: str) -> None:
    """A case leaves this PC (purge): the pointers of its duplicates wait for it again."""
    key = _hex(case_id)
    db = database_proxy
    db.execute_sql('DELETE FROM "duplicate_pointer" WHERE "complaint_id" = ?', (key,))
    db.execute_sql(
        'INSERT OR REPLACE INTO "duplicate_pointer" ("complaint_id", "main_id") '
        'SELECT "id", "duplicate_of_id" FROM "complaint" WHERE "duplicate_of_id" = ?',
        (key,),
    )
    db.execute_sql(
        'UPDATE "complaint" SET "duplicate_of_id" = NULL WHERE "duplicate_of_id" = ?', (key,)
    )

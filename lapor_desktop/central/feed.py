"""The change feed a client pulls (SYNC.md "The change feed"), as the client will run it.

One pull is one `REPEATABLE READ, READ ONLY` transaction on the person's own login:

    hi = pg_snapshot_xmin(pg_current_snapshot())
    per relation: rows with  checkpoint <= txid < hi,  keyset pages ordered by (txid, id)

Every transaction below `hi` has ended, so every row it wrote is in this snapshot; a
transaction still running (a long writer) has txid >= hi and its rows come in a later
window. The caller applies the rows and stores `hi` as its new checkpoint in one local
transaction; a crash before that re-pulls the same window (rows are idempotent upserts).

Which relations a login pulls depends on its audience: an OPD reads `complaint_opd` (no
NIK, no anonim identity) instead of `complaint` and never `reporter`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

# (relation read, key column) per audience, in apply order (parents before children).
_REFERENCE = (
    ("office", "id"),
    ("app_user", "id"),
    ("category", "code"),
    ("rule_set", "id"),
    ("holiday_override", "id"),
)
_CASES_TAIL = (
    ("complaint_access", "id"),
    ("case_action", "id"),
    ("attachment", "id"),
    ("letter", "id"),
)
REGENCY_FEED = (
    *_REFERENCE,
    ("reporter", "id"),
    ("complaint", "id"),
    *_CASES_TAIL,
    ("record_edit", "id"),
    ("sync_conflict", "id"),
)
OPD_FEED = (*_REFERENCE, ("complaint_opd", "id"), *_CASES_TAIL)
PAGE_ROWS = 5000
FIRST_PAGE_ROWS = 50_000  # an OPD's first pull: its ~25,000 cases in one page, one sort


@dataclass
class Window:
    """One pulled window: rows per relation with txid in [low, high)."""

    low: int
    high: int
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.rows.values())


def _page(
    db: Any, relation: str, key: str, low: int, high: int, after: tuple[int, Any] | None, n: int
) -> list[dict[str, Any]]:
    sql = (
        f'SELECT *, txid::text::bigint AS txid_num FROM "{relation}" '
        "WHERE txid >= %s::text::xid8 AND txid < %s::text::xid8"
    )
    params: list[Any] = [low, high]
    if after is not None:
        sql += f' AND (txid, "{key}") > (%s::text::xid8, %s)'
        params += [after[0], after[1]]
    sql += f' ORDER BY txid, "{key}" LIMIT {int(n)}'
    cur = db.execute_sql(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def iter_rows(
    db: Any, relation: str, key: str, low: int, high: int, page: int = PAGE_ROWS
) -> Iterator[dict[str, Any]]:
    """The rows of one relation in the window, page by page on (txid, key)."""
    after: tuple[int, Any] | None = None
    while True:
        rows = _page(db, relation, key, low, high, after, page)
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1]
        k = last[key]
        after = (int(last["txid_num"]), str(k) if isinstance(k, uuid.UUID) else k)


def pull(
    db: Any,
    checkpoint: int,
    relations: Sequence[tuple[str, str]],
    page: int = PAGE_ROWS,
    by_case: str | None = None,
) -> Window:
    """Every row of `relations` the login may see that changed since `checkpoint`.

    `by_case` (an OPD's first pull: `complaint_opd`): the history and attachments are read
    by the case ids that relation brought, instead of walking the txid index — an OPD sees
    one case in forty, and that walk would read the whole regency's history to find them
    (`cases_whole`)."""
    with db.atomic("REPEATABLE READ READ ONLY"):
        high = int(
            db.execute_sql(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
            ).fetchone()[0]
        )
        window = Window(checkpoint, high)
        for relation, key in relations:
            if by_case is not None and relation in dict(_CASE_PARTS):
                continue
            window.rows[relation] = list(iter_rows(db, relation, key, checkpoint, high, page))
        if by_case is not None:
            ids = [r["id"] for r in window.rows.get(by_case, [])]
            window.rows.update(cases_whole(db, ids, page))
    return window


def cases_whole(db: Any, case_ids: Sequence[Any], page: int = PAGE_ROWS) -> dict[str, list[Any]]:
    """The history and attachments of these cases that the login may see, by the case
    index (inside the caller's snapshot), and the login's own actions wherever they are
    (a refused one on a case it may not see comes back to its author). A row newer than
    the window comes again in the next one (rows are idempotent upserts)."""
    out: dict[str, list[dict[str, Any]]] = {}
    ids = [str(i) for i in case_ids]
    for relation, column in _CASE_PARTS:
        got: dict[Any, dict[str, Any]] = {}
        for start in range(0, len(ids), page):
            cur = db.execute_sql(
                f'SELECT *, txid::text::bigint AS txid_num FROM "{relation}" '
                f'WHERE "{column}" = ANY(%s::uuid[])',
                (ids[start : start + page],),
            )
            cols = [d[0] for d in cur.description]
            got.update((r["id"], r) for r in (dict(zip(cols, t, strict=True)) for t in cur))
        if relation == "case_action":
            cur = db.execute_sql(
                "SELECT *, txid::text::bigint AS txid_num FROM case_action "
                "WHERE login = session_user::text"
            )
            cols = [d[0] for d in cur.description]
            got.update((r["id"], r) for r in (dict(zip(cols, t, strict=True)) for t in cur))
        out[relation] = sorted(got.values(), key=lambda r: (r["txid_num"], str(r["id"])))
    return out


# A case granted to an office after its checkpoint: its older rows were in windows the
# office could not see then, so the client fetches the whole case (SYNC.md step 4).
_CASE_PARTS = (("case_action", "complaint_id"), ("attachment", "complaint_id"))


def fetch_cases(
    db: Any, case_ids: Sequence[uuid.UUID], case_relation: str
) -> dict[str, list[dict[str, Any]]]:
    """Everything the login may see of these cases now (header from `case_relation`:
    `complaint` for the regency, `complaint_opd` for an OPD), in one snapshot."""
    ids = [str(i) for i in case_ids]
    out: dict[str, list[dict[str, Any]]] = {}
    with db.atomic("REPEATABLE READ READ ONLY"):
        for relation, column in ((case_relation, "id"), *_CASE_PARTS):
            cur = db.execute_sql(
                f'SELECT *, txid::text::bigint AS txid_num FROM "{relation}" '
                f'WHERE "{column}" = ANY(%s::uuid[]) ORDER BY txid, id',
                (ids,),
            )
            cols = [d[0] for d in cur.description]
            out[relation] = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    return out

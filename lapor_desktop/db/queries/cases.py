"""Case lists, counts and one case's history, as SQL (DESIGN.md §6: filtered, sorted and
paged in SQL, FTS5 for text, keyset paging). Plain values in, named rows out; who may
see what is decided by the caller (services/scope.py) and arrives as `CaseWhere` fields.
"""

from __future__ import annotations

import re
import uuid
from collections import namedtuple
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from peewee import JOIN, OP, SQL, Expression, Field, NodeList, Table, Tuple, fn

from lapor_desktop.db.models import CaseAction, Category, Complaint, Office, Reporter, User
from lapor_desktop.db.queries.history import ACCEPTED

SORT_COLUMNS = ("received_at", "ticket", "status", "due_date", "title", "opd")
CLOCK_STATES = ("due_soon", "due_today", "overdue", "running", "attention")

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User text -> an FTS5 query: every word must match, as a prefix; no FTS syntax leaks
    through (quotes, NEAR, column filters, '*' typed by the user are just characters)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " AND ".join(f'"{t}"*' for t in tokens[:20])


@dataclass(frozen=True)
class IdentityLimit:
    """Whose anonymous reporters stay hidden: all, except on the cases registered by
    `creator` (if given). Selecting cases by their reporter, the hidden ones stay out."""

    creator: uuid.UUID | None = None

    def hides(self, anonim: bool, created_by: uuid.UUID | str | None) -> bool:
        if not anonim:
            return False
        if self.creator is None or created_by is None:
            return True
        mine = created_by if isinstance(created_by, uuid.UUID) else uuid.UUID(str(created_by))
        return mine != self.creator


@dataclass(frozen=True)
class CaseWhere:
    """Which cases a list or count selects: checked, normalised values (services build it
    from the user's filter and scope)."""

    scope_opd: uuid.UUID | None = None  # only the cases currently with this OPD
    text: str = ""  # as typed; matched through `fts_query`
    statuses: tuple[str, ...] = ()
    opd: uuid.UUID | None = None
    category: str | None = None
    klasifikasi: str | None = None
    channel: str | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    escalated: bool | None = None
    reporter_id: uuid.UUID | None = None
    identity: IdentityLimit | None = None  # with reporter_id: whose anonymous cases count
    clock_state: str | None = None  # one of CLOCK_STATES
    today: date | None = None  # the day clock_state is judged on

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())


# The FTS5 table, aliased to its own name so that `complaint_fts MATCH ?` (the hidden column
# named after the table) resolves inside a joined query.
FTS: Any = Table("complaint_fts", ("rowid",)).alias("complaint_fts")

# The literals must match the expression indexes of migration m0005 for SQLite to use them.
_NO_DUE = "9999-12-31"
_DUE_SORT = fn.COALESCE(Complaint.due_date, SQL(f"'{_NO_DUE}'"))
_OPD_SORT = fn.COALESCE(Complaint.opd_code, SQL("''"))


def no_index(expr: Any) -> Any:
    """`+expr`: keeps SQLite from choosing an index on `expr`, so it walks the list order's
    index and stops after a page instead of sorting every match."""
    return NodeList((SQL("+"), expr), glue="")


def _fts_join(q: Any, w: CaseWhere) -> Any:
    """Drive a text search from the FTS index: hits come in rowid (= num, intake) order, so
    the newest page is read straight off the index, whatever else is filtered."""
    q = q.join(FTS, on=(FTS.rowid == Complaint.num))
    return q.where(SQL("complaint_fts MATCH ?", [fts_query(w.text) or '""']))


def _fts_set(q: Any, w: CaseWhere) -> Any:
    """For counts: the hits as a set checked against a covering index, instead of one
    table lookup per hit (a common word has tens of thousands)."""
    match = fts_query(w.text) or '""'
    hits = SQL('(SELECT rowid FROM "complaint_fts" WHERE "complaint_fts" MATCH ?)', [match])
    return q.where(Complaint.num.in_(hits))


def _scope_term(w: CaseWhere, plain: bool) -> Expression | None:
    """An OPD reads the cases whose current OPD is its own. `plain`: the query is driven
    by an index that starts with the OPD (counts; the date order's (opd, received, num)
    index); otherwise the column is written `+opd_id`, so SQLite walks the list order's
    index (which carries opd_id, m0005) and stops after a page instead of sorting."""
    if w.scope_opd is None:
        return None
    if plain:
        return Complaint.opd == w.scope_opd
    # db_value: under `+` peewee no longer knows the column, so convert the UUID here.
    return Expression(no_index(Complaint.opd), OP.EQ, Complaint.opd.db_value(w.scope_opd))


def _identity_term(limit: IdentityLimit) -> Expression:
    named = Complaint.anonim == False  # noqa: E712
    if limit.creator is None:
        return named
    return named | (Complaint.created_by == limit.creator)


def _clock_terms(w: CaseWhere, walk: Any, col: Any) -> list[Any]:
    """Where the case's current deadline stands on `w.today`. Walking another order,
    `+due_date`; otherwise the due-sort expression, whose index serves the range."""
    today = w.today
    due = _DUE_SORT if walk is None or walk is _DUE_SORT else col(Complaint.due_date)
    terms: list[Any] = []
    if walk is _DUE_SORT:
        # Every clock state implies a due date: skip the closed cases (sorted last as
        # 9999-12-31), which a descending walk would otherwise meet first.
        terms.append(Expression(_DUE_SORT, OP.LT, _NO_DUE))
    state = w.clock_state
    if state == "overdue":
        terms.append(Expression(due, OP.LT, today))
    elif state == "due_today":
        terms.append(Expression(due, OP.EQ, today))
    elif state == "due_soon":
        terms.append((Complaint.due_soon_from <= today) & Expression(due, OP.GT, today))
    elif state == "running":
        terms.append(Complaint.due_soon_from > today)
    elif state == "attention":  # due soon, today or overdue: the work list
        terms.append(Complaint.due_soon_from <= today)
    else:
        raise ValueError(state)
    return terms


def conditions(w: CaseWhere, *, for_count: bool = False, walk: Any = None) -> list[Any]:
    """WHERE terms for `w`. `walk`: the sort key of a list page. Its index (m0005) carries
    every filter column, so filters are written with unary `+` — SQLite then walks that
    index, checks each entry without reading its table row, and stops after a page
    instead of collecting and sorting every match. In date order, a status or OPD filter
    keeps its own (column, received_at, num) index, which serves filter and order at once."""
    date_walk = walk is Complaint.received_at

    def col(c: Any) -> Any:
        return no_index(c) if walk is not None else c

    def keyed(c: Any) -> Any:  # a column with its own index in date order
        return no_index(c) if walk is not None and not date_walk and walk is not c else c

    terms: list[Any] = []
    scope = _scope_term(w, plain=for_count or date_walk)
    if scope is not None:
        terms.append(scope)
    if w.searching and fts_query(w.text) is None:
        terms.append(SQL("0"))  # only punctuation typed: nothing can match
    if w.statuses:
        terms.append(Expression(keyed(Complaint.status), OP.IN, list(w.statuses)))
    if w.opd is not None:
        # db_value: under `+` peewee no longer knows the column, so convert the UUID here.
        terms.append(Expression(keyed(Complaint.opd), OP.EQ, Complaint.opd.db_value(w.opd)))
    for column, value in (
        (Complaint.category, w.category),
        (Complaint.klasifikasi, w.klasifikasi),
        (Complaint.channel, w.channel),
    ):
        if value:
            terms.append(Expression(col(column), OP.EQ, value))
    if w.received_from:
        terms.append(Complaint.received_at >= w.received_from)
    if w.received_to:
        terms.append(Complaint.received_at <= w.received_to)
    if w.escalated is not None:
        op = OP.IS_NOT if w.escalated else OP.IS
        terms.append(Expression(col(Complaint.escalated_at), op, None))
    if w.reporter_id is not None:
        terms.append(Complaint.reporter == w.reporter_id)
        if w.identity is not None:
            terms.append(_identity_term(w.identity))
    if w.clock_state:
        terms.extend(_clock_terms(w, walk, col))
    return terms


def _sort_expr(sort: str, text_search: bool) -> Any:
    if sort == "received_at" and text_search:
        # Full-text hits in intake order: the FTS rowid is `num`, so the newest hits come
        # straight off the index instead of sorting every hit by date (DESIGN.md §6).
        return FTS.rowid
    if sort == "due_date":
        return _DUE_SORT
    if sort == "opd":
        return _OPD_SORT
    if sort not in SORT_COLUMNS:
        raise ValueError(sort)
    return getattr(Complaint, sort)


# ---------------------------------------------------------------- one page of a list


# The columns of a list row by name (sort_key, the page's own, comes last).
_LIST_COLUMNS: dict[str, Any] = {
    "ticket": Complaint.ticket,
    "title": Complaint.title,
    "status": Complaint.status,
    "opd": Office.code,
    "opd_name": Office.name,
    "category": Complaint.category,
    "klasifikasi": Complaint.klasifikasi,
    "channel": Complaint.channel,
    "received_at": Complaint.received_at,
    "due_clock": Complaint.due_clock,
    "due_date": Complaint.due_date,
    "due_soon_from": Complaint.due_soon_from,
    "escalated_at": Complaint.escalated_at,
    "anonim": Complaint.anonim,
    "created_by": Complaint.created_by,
    "reporter_name": Reporter.name,
    "num": Complaint.num,
}
# A case list's row as read: a named tuple whose fields are the names above (built from
# them, so the names are written once; mypy cannot type such a tuple, hence Any).
ListRow: Any = namedtuple("ListRow", [*_LIST_COLUMNS, "sort_key"])  # type: ignore[misc]


def list_page(
    w: CaseWhere,
    *,
    sort: str,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
) -> list[Any]:
    """One page of the cases `w` selects in `sort` order; `after` is the (sort key, num)
    of the previous page's last row (keyset paging)."""
    key = _sort_expr(sort, w.searching)
    q = _page_query(w, key)
    if key is FTS.rowid:
        order: tuple[Any, ...] = (key.desc(),) if descending else (key.asc(),)
    else:
        order = (
            (key.desc(), Complaint.num.desc()) if descending else (key.asc(), Complaint.num.asc())
        )

    def fetch(cond: Any, n: int, by: tuple[Any, ...] = order) -> list[Any]:
        page: Any = q.where(cond) if cond is not None else q
        return [ListRow._make(r) for r in page.order_by(*by).limit(n).tuples()]

    def beyond(a: Any, b: Any) -> Any:
        return a < b if descending else a > b

    if after is None:
        return fetch(None, limit)
    if key is FTS.rowid:
        return fetch(beyond(key, after[1]), limit)
    if isinstance(key, Field):
        # A row-value comparison: the (key, num) index seeks straight to the cursor.
        return fetch(beyond(Tuple(key, Complaint.num), Tuple(*after)), limit)
    # SQLite does not seek an expression index (due date, OPD) by a row value: it scanned
    # from the first entry, 70 ms at the end of 100k cases, where 80k closed cases share
    # the due "date" 9999-12-31. Two seeks instead: the rest of the cursor's value, then
    # what follows it. The first is ordered by `num` alone: with the key fixed, SQLite
    # would otherwise sort every row sharing it (a temp B-tree).
    value, num = after
    found = fetch((key == value) & beyond(Complaint.num, num), limit, order[1:])
    if len(found) < limit:
        found += fetch(beyond(key, value), limit - len(found))
    return found


def _list_select(key: Any) -> Any:
    """The list's columns (and `key` as sort_key) with their joins."""
    return (
        Complaint.select(*_LIST_COLUMNS.values(), key.alias("sort_key"))
        .join(Office, join_type=JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
        .switch(Complaint)
        .join(Reporter, on=(Complaint.reporter == Reporter.id))
    )


def _page_query(w: CaseWhere, key: Any) -> Any:
    """The list's columns (and `key` as sort_key) over the cases `w` selects."""
    walk = None if key is FTS.rowid else key  # every other order has a walk index
    q = _list_select(key)
    if w.searching:
        q = _fts_join(q, w)
    for c in conditions(w, walk=walk):
        q = q.where(c)
    return q


def exact_hits(w: CaseWhere, *, sort: str, typed: str, limit: int = 5) -> list[Any]:
    """The cases `w`'s other filters select whose ticket or LAPOR! tracking number is
    exactly `typed` (newest first), as list rows. Tickets and tracking numbers hold digits:
    other words are no number and cost nothing. The candidates come from the ticket's
    unique index and the FTS index's tracking_id column, never from the text search's hits
    (a common word has tens of thousands)."""
    if not any(ch.isdigit() for ch in typed):
        return []
    key = _sort_expr(sort, w.searching)
    if key is FTS.rowid:
        key = Complaint.num  # the FTS rowid is the case's num
    phrase = '"' + typed.replace('"', '""') + '"'
    candidates = SQL(
        '(SELECT "num" FROM "complaint" WHERE "ticket" = ?'
        ' UNION SELECT rowid FROM "complaint_fts" WHERE "complaint_fts" MATCH ?)',
        [typed.upper(), f"tracking_id : {phrase}"],
    )
    q = _list_select(key).where(
        Complaint.num.in_(candidates)
        & ((Complaint.ticket == typed.upper()) | (Complaint.tracking_id == typed))
    )
    for c in conditions(replace(w, text="")):
        q = q.where(c)
    return [ListRow._make(r) for r in q.order_by(Complaint.num.desc()).limit(limit).tuples()]


# ---------------------------------------------------------------- counts


def count_query(w: CaseWhere, *fields: Any) -> Any:
    """SELECT fields..., COUNT(*) over the cases `w` selects."""
    q = Complaint.select(*fields, fn.COUNT(SQL("*")))
    if w.searching:
        q = _fts_set(q, w)
    for c in conditions(w, for_count=True):
        q = q.where(c)
    return q


def count(w: CaseWhere) -> int:
    return int(count_query(w).scalar() or 0)


def counts_by_status(w: CaseWhere) -> dict[str, int]:
    rows: Any = count_query(w, Complaint.status).group_by(Complaint.status).tuples()
    return {str(status): int(n) for status, n in rows}


def counts_by_opd(w: CaseWhere) -> dict[str, int]:
    """OPD code -> count (cases without an OPD left out). One grouped query over the
    OPD-code copy (schema v5) instead of a count per OPD (~60 ms each at 100k cases)."""
    q = count_query(w, Complaint.opd_code).where(Complaint.opd_code.is_null(False))
    rows: Any = q.group_by(Complaint.opd_code).tuples()
    return {str(code): int(n) for code, n in rows}


# ---------------------------------------------------------------- the work list


class DueRow(NamedTuple):
    ticket: str
    title: str
    status: str
    opd: str | None
    clock: str
    due_date: date
    due_soon_from: date


_DUE_COLUMNS: dict[str, Any] = {
    "ticket": Complaint.ticket,
    "title": Complaint.title,
    "status": Complaint.status,
    "opd": Office.code,
    "clock": Complaint.due_clock,
    "due_date": Complaint.due_date,
    "due_soon_from": Complaint.due_soon_from,
}
assert tuple(_DUE_COLUMNS) == DueRow._fields


def due_from(w: CaseWhere, day: date, opd: uuid.UUID | None, limit: int) -> list[DueRow]:
    """The cases `w` selects whose due-soon day is `day` or before (current OPD `opd`,
    if given), earliest due date first."""
    q = (
        Complaint.select(*_DUE_COLUMNS.values())
        .join(Office, join_type=JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
        # IS NOT NULL lets the due_date index skip the (many) cases without a deadline.
        .where(Complaint.due_date.is_null(False) & (Complaint.due_soon_from <= day))
        .order_by(Complaint.due_date, Complaint.num)
        .limit(limit)
    )
    for c in conditions(w):
        q = q.where(c)
    if opd is not None:
        q = q.where(Complaint.opd == opd)
    rows: Any = q.tuples()
    return [DueRow._make(r) for r in rows]


# ---------------------------------------------------------------- one case


def actions_of(case_id: uuid.UUID, office: uuid.UUID | None = None) -> list[dict[str, Any]]:
    """A case's history, oldest first; `office`: only the steps taken by that office.
    Each step by name: seq, action, from_status, to_status, by and by_name (the user's
    username and full name; None: the system), role, office and opd (codes), note,
    for_reporter, at."""
    actor = User.alias()
    by_office = Office.alias()
    opd = Office.alias()
    q = (
        CaseAction.select(
            CaseAction.seq,
            CaseAction.action,
            CaseAction.from_status,
            CaseAction.to_status,
            actor.username.alias("by"),
            actor.full_name.alias("by_name"),
            CaseAction.role,
            by_office.code.alias("office"),
            opd.code.alias("opd"),
            CaseAction.note,
            CaseAction.for_reporter,
            CaseAction.at,
        )
        .join(actor, join_type=JOIN.LEFT_OUTER, on=(CaseAction.user == actor.id))
        .switch(CaseAction)
        .join(by_office, join_type=JOIN.LEFT_OUTER, on=(CaseAction.office == by_office.id))
        .switch(CaseAction)
        .join(opd, join_type=JOIN.LEFT_OUTER, on=(CaseAction.opd == opd.id))
        .where((CaseAction.complaint == case_id) & ACCEPTED)
        .order_by(CaseAction.seq)
    )
    if office is not None:
        q = q.where(CaseAction.office == office)
    rows: Any = q.dicts()
    return list(rows)


def office_by_id(office_id: uuid.UUID | None) -> Office | None:
    return Office.get_by_id(office_id) if office_id else None


def category_name(code: str | None) -> str | None:
    cat = Category.get_or_none(Category.code == code) if code else None
    return cat.name if cat else None

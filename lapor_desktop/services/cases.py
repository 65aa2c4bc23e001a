"""Reading cases: one case in full, lists and full-text search with filters, counts and
work lists. The SQL is in db/queries/cases.py (filtered, sorted and paged there: FTS5 for
text, keyset paging); here the user's filter is checked, office scope and anonymity are
applied, for every caller, and rows get their labels and clock states.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from lapor_desktop.db.models import Complaint, Letter, Office, Reporter, User
from lapor_desktop.db.queries import cases as queries
from lapor_desktop.db.queries.cases import IdentityLimit
from lapor_desktop.domain.nik import mask_nik
from lapor_desktop.domain.permissions import ATTACH_ROLES, NIK_REVEAL_ROLES, case_documents
from lapor_desktop.domain.sla import CLOCK_LABELS, STATE_LABELS, Clock, ClockState
from lapor_desktop.domain.workflow import Action, Status, is_allowed
from lapor_desktop.services import attachments as files
from lapor_desktop.services import deadlines
from lapor_desktop.services.casework import allowed_for, load_case
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import ValidationError
from lapor_desktop.services.scope import (
    ANONYMOUS_NAME,
    can_read,
    hides_identity,
    identity_limit,
    not_found,
    require_casework,
    sees_full_history,
    visible_opd,
)

PAGE_SIZE = 50
MAX_PAGE = 500


@dataclass(frozen=True)
class ReporterCard:
    """What the user may see of a case's reporter (empty: not for this user)."""

    name: str
    nik: str | None = None  # masked, or None when the role may not see it at all
    sex: str | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    identity_check: str = ""
    reporter_id: uuid.UUID | None = None  # None when hidden (anonymous, OPD view)
    hidden: bool = False


@dataclass(frozen=True)
class ActionRow:
    seq: int
    action: str
    action_label: str
    from_status: str | None
    to_status: str
    by: str
    by_name: str
    role: str
    office: str | None
    opd: str | None
    note: str
    for_reporter: bool
    at: datetime


@dataclass(frozen=True)
class DeadlineRow:
    clock: str
    label: str
    due: date | None
    state: str | None
    state_label: str | None
    done_at: datetime | None


@dataclass(frozen=True)
class CaseDetail:
    id: uuid.UUID
    ticket: str
    tracking_id: str
    title: str
    body: str
    status: str
    status_label: str
    channel: str
    klasifikasi: str
    category: str | None
    category_name: str | None
    opd: str | None
    opd_name: str | None
    location_kecamatan: str
    location_desa: str
    location_text: str
    incident_date: date | None
    received_at: datetime
    anonim: bool
    rahasia: bool
    escalated: bool
    escalated_at: datetime | None
    reopened: int
    answer_text: str
    reporter: ReporterCard
    deadlines: dict[str, DeadlineRow]
    actions: tuple[ActionRow, ...]
    attachments: tuple[files.AttachmentView, ...]
    allowed_actions: tuple[Action, ...]
    intake_office: str
    created_by: str
    # What else this user may do with the case now (domain/permissions.py decides).
    documents: tuple[str, ...] = ()  # document kinds to offer, in order
    may_attach: bool = False
    may_reveal_nik: bool = False  # the audited "show NIK"
    letter_number: str = ""  # the answer letter's number, once the approval reserved it
    duplicate_of: str = ""  # the main case's ticket, when this one was closed as its duplicate
    duplicates: tuple[str, ...] = ()  # the cases closed as duplicates of this one
    may_mark_duplicate: bool = False  # services.duplicates.mark_duplicate would be allowed


class CaseRow(NamedTuple):
    """One line of a case list. A tuple, not a dataclass: the GUI may hold 100k of these,
    and tuples of plain values drop out of Python's cyclic GC, whose full collections
    otherwise grow with every page loaded (60–700 ms pauses while scrolling)."""

    ticket: str
    title: str
    status: str
    opd: str | None
    opd_name: str | None
    category: str | None
    klasifikasi: str
    channel: str
    received_at: datetime
    due_clock: str | None
    due_date: date | None
    due_state: str | None
    escalated: bool
    reporter_name: str
    num: int


SORT_COLUMNS = queries.SORT_COLUMNS


@dataclass
class CaseFilter:
    text: str = ""
    statuses: tuple[str, ...] = ()
    opd: str | None = None
    category: str | None = None
    klasifikasi: str | None = None
    channel: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    clock_state: str | None = None  # due_soon | due_today | overdue | running
    escalated: bool | None = None
    reporter_id: uuid.UUID | None = None


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    next_cursor: tuple[Any, int] | None  # pass as `after` for the next page


@dataclass
class StatusCounts:
    by_status: dict[str, int] = field(default_factory=dict)
    total: int = 0


# ---------------------------------------------------------------- one case


def readable_case(ctx: Ctx, ticket: str) -> Complaint:
    """The case, if the user may read it; "tidak ditemukan" otherwise (the same answer as
    for a case that does not exist). Refuses roles without casework."""
    s = ctx.user()
    require_casework(s)
    case = load_case(ticket)
    if not can_read(s, case):
        raise not_found(ticket)
    return case


# The fields of a CaseDetail that are the case's own columns, as stored.
_AS_STORED = (
    "id",
    "ticket",
    "tracking_id",
    "title",
    "body",
    "status",
    "channel",
    "klasifikasi",
    "location_kecamatan",
    "location_desa",
    "location_text",
    "incident_date",
    "received_at",
    "anonim",
    "rahasia",
    "escalated_at",
    "answer_text",
)


def get_case(ctx: Ctx, ticket: str) -> CaseDetail:
    s = ctx.user()
    case = readable_case(ctx, ticket)
    card = _reporter_card(s, case)
    full = sees_full_history(s, case)
    actions = _history(case, None if full else s.office_id)
    opd_office = queries.office_by_id(case.opd_id)
    opd_code = opd_office.code if opd_office else None
    return CaseDetail(
        **{name: getattr(case, name) for name in _AS_STORED},
        status_label=Status(case.status).label,
        category=case.category_id,
        category_name=queries.category_name(case.category_id),
        opd=opd_code,
        opd_name=opd_office.name if opd_office else None,
        escalated=case.escalated_at is not None,
        reopened=case.reopen_count,
        reporter=card,
        deadlines=_deadline_rows(case, ctx.clock.now()),
        actions=actions,
        attachments=files.views_of(case.id) if full else (),
        allowed_actions=allowed_for(s, case),
        intake_office=Office.get_by_id(case.intake_office_id).code,
        created_by=User.get_by_id(case.created_by_id).username,
        documents=case_documents(s.role, case.status, opd_code, (a.action for a in actions)),
        may_attach=s.role in ATTACH_ROLES,
        may_reveal_nik=s.role in NIK_REVEAL_ROLES and card.reporter_id is not None,
        letter_number=answer_number(case.id),
        duplicate_of=(
            Complaint.get_by_id(case.duplicate_of_id).ticket if case.duplicate_of_id else ""
        ),
        may_mark_duplicate=case.duplicate_of_id is None
        and is_allowed(Status(case.status), Action.DUPLICATE, s.role),
        duplicates=tuple(
            c.ticket
            for c in Complaint.select(Complaint.ticket)
            .where(Complaint.duplicate_of == case.id)
            .order_by(Complaint.ticket)
        ),
    )


def answer_number(complaint_id: uuid.UUID) -> str:
    """The latest answer letter number reserved for the case ("" before the approval)."""
    latest = (
        Letter.select(Letter.full_number)
        .where((Letter.complaint == complaint_id) & (Letter.kind == "answer"))
        .order_by(Letter.reserved_at.desc(), Letter.year.desc(), Letter.number.desc())
        .first()
    )
    return str(latest.full_number) if latest is not None else ""


def _reporter_card(s: Session, case: Complaint) -> ReporterCard:
    """What `s` may see of the case's reporter."""
    if hides_identity(s, case.anonim, case.created_by_id):
        return ReporterCard(name=ANONYMOUS_NAME, hidden=True)
    reporter: Reporter = case.reporter
    if s.is_opd:
        # OPDs get what an answer letter needs, never the NIK or contact details.
        return ReporterCard(name=reporter.name, sex=reporter.sex, address=reporter.address)
    contact = s.role in NIK_REVEAL_ROLES
    return ReporterCard(
        name=reporter.name,
        nik=mask_nik(reporter.nik),
        sex=reporter.sex,
        address=reporter.address,
        phone=reporter.phone if contact else "",
        email=reporter.email if contact else "",
        identity_check=reporter.identity_check,
        reporter_id=reporter.id,
    )


def _deadline_rows(case: Complaint, now: datetime) -> dict[str, DeadlineRow]:
    """The case's clocks as of `now`, by clock name."""
    clocks = deadlines.clocks_for(
        case.received_at, deadlines.history_of(case.id), deadlines.rules_of(case.rule_set_id), now
    )
    return {
        c.value: DeadlineRow(
            clock=c.value,
            label=CLOCK_LABELS[c],
            due=st.due,
            state=st.state.value if st.state else None,
            state_label=STATE_LABELS[st.state] if st.state else None,
            done_at=st.done_at,
        )
        for c, st in clocks.items()
    }


def _history(case: Complaint, office: uuid.UUID | None) -> tuple[ActionRow, ...]:
    """The case's history (`office`: only what that office did), with labels."""
    rows = queries.actions_of(case.id, office)
    for r in rows:
        r["action_label"] = Action(r["action"]).label
        r["by"] = r["by"] or "sistem"
        r["by_name"] = r["by_name"] or "Sistem"
    return tuple(ActionRow(**r) for r in rows)


# ---------------------------------------------------------------- lists and search


def case_where(ctx: Ctx, f: CaseFilter) -> queries.CaseWhere:
    """The user's filter, checked (an Indonesian error for what cannot be) and limited to
    the user's scope, as the plain values the queries take."""
    s = ctx.user()
    if f.statuses:
        bad = [x for x in f.statuses if x not in Status.__members__]
        if bad:
            raise ValidationError(f"Status tidak dikenal: {', '.join(bad)}.", "status")
    opd_id = None
    if f.opd:
        office = Office.get_or_none(Office.code == f.opd.strip().upper())
        if office is None:
            raise ValidationError(f"OPD '{f.opd}' tidak ditemukan.", "opd")
        opd_id = office.id
    state = f.clock_state.strip().lower() if f.clock_state else None
    if state is not None and state not in queries.CLOCK_STATES:
        raise ValidationError(
            "Status tenggat harus due_soon, due_today, overdue, running atau attention.",
            "clock_state",
        )
    return queries.CaseWhere(
        scope_opd=visible_opd(s),
        text=f.text,
        statuses=tuple(f.statuses),
        opd=opd_id,
        category=f.category.strip().upper() if f.category else None,
        klasifikasi=f.klasifikasi.strip().lower() if f.klasifikasi else None,
        channel=f.channel.strip().lower() if f.channel else None,
        received_from=(
            datetime.combine(f.received_from, datetime.min.time()) if f.received_from else None
        ),
        received_to=(
            datetime.combine(f.received_to, datetime.max.time()) if f.received_to else None
        ),
        escalated=f.escalated,
        reporter_id=f.reporter_id,
        # Listing a reporter's cases must not name the reporter of an anonymous one.
        identity=identity_limit(s) if f.reporter_id is not None else None,
        clock_state=state,
        today=ctx.clock.now().date() if state else None,
    )


def list_cases(
    ctx: Ctx,
    f: CaseFilter | None = None,
    *,
    sort: str = "received_at",
    descending: bool = True,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE_SIZE,
) -> CasePage:
    """One page of cases; `after` is the previous page's `next_cursor` (keyset paging)."""
    if sort not in SORT_COLUMNS:
        raise ValidationError(f"Urutan '{sort}' tidak dikenal.", "sort")
    limit = max(1, min(limit, MAX_PAGE))
    where = case_where(ctx, f or CaseFilter())
    found = queries.list_page(where, sort=sort, descending=descending, after=after, limit=limit)
    cursor = (found[-1].sort_key, found[-1].num) if len(found) == limit else None
    found = _exact_first(where, sort, (f or CaseFilter()).text, found, first_page=after is None)
    hidden = identity_limit(ctx.user())
    today = ctx.clock.now().date()
    return CasePage([_case_row(r, hidden, today) for r in found], cursor)


def _exact_first(
    where: queries.CaseWhere, sort: str, text: str, found: list[Any], *, first_page: bool
) -> list[Any]:
    """A typed ticket or LAPOR! tracking number is the first hit of the first page (Enter
    opens it), then the full-text hits without it (a later page leaves it out too)."""
    typed = text.strip()
    if not typed or any(c.isspace() for c in typed):
        return found
    exact = queries.exact_hits(where, sort=sort, typed=typed)
    if not exact:
        return found
    tickets = {r.ticket for r in exact}
    rest = [r for r in found if r.ticket not in tickets]
    return exact + rest if first_page else rest


def _case_row(r: Any, hidden: IdentityLimit | None, today: date) -> CaseRow:
    """A list row (`queries.ListRow`) as the user sees it: the clock's state today, the
    reporters `hidden` from the user named "Pelapor Anonim"."""
    state = deadlines.state_on(r.due_date, r.due_soon_from, today)
    anonymous = r.anonim and hidden is not None and hidden.hides(True, r.created_by)
    return CaseRow(
        ticket=r.ticket,
        title=r.title,
        status=r.status,
        opd=r.opd,
        opd_name=r.opd_name,
        category=r.category,
        klasifikasi=r.klasifikasi,
        channel=r.channel,
        received_at=r.received_at,
        due_clock=r.due_clock,
        due_date=r.due_date,
        due_state=state.value if state else None,
        escalated=r.escalated_at is not None,
        reporter_name=ANONYMOUS_NAME if anonymous else r.reporter_name,
        num=r.num,
    )


def count_cases(ctx: Ctx, f: CaseFilter | None = None) -> int:
    return queries.count(case_where(ctx, f or CaseFilter()))


def search(ctx: Ctx, text: str, f: CaseFilter | None = None, **kw: Any) -> CasePage:
    f = f or CaseFilter()
    f.text = text
    return list_cases(ctx, f, **kw)


def counts_by_status(ctx: Ctx, f: CaseFilter | None = None) -> StatusCounts:
    by_status = queries.counts_by_status(case_where(ctx, f or CaseFilter()))
    return StatusCounts(by_status, sum(by_status.values()))


def counts_by_opd(ctx: Ctx, f: CaseFilter | None = None) -> dict[str, int]:
    """How many of the cases `f` selects each OPD holds (OPD code -> count; none: absent)."""
    return queries.counts_by_opd(case_where(ctx, f or CaseFilter()))


@dataclass(frozen=True)
class WorkItem:
    ticket: str
    title: str
    status: str
    opd: str | None
    clock: str
    clock_label: str
    due: date
    state: str
    state_label: str


def work_list(ctx: Ctx, today: date | None = None, limit: int = 2000) -> list[WorkItem]:
    """Cases in the user's scope whose current deadline is near or passed, most urgent first.

    OPD users get the cases waiting on their OPD; the regency sees every OPD.
    """
    s = ctx.user()
    day = today or ctx.clock.now().date()
    rows = queries.due_from(
        case_where(ctx, CaseFilter()), day, s.office_id if s.is_opd else None, limit
    )
    out = []
    for r in rows:
        state = deadlines.state_on(r.due_date, r.due_soon_from, day)
        if state is None or state is ClockState.RUNNING:
            continue
        out.append(
            WorkItem(
                ticket=r.ticket,
                title=r.title,
                status=r.status,
                opd=r.opd,
                clock=r.clock,
                clock_label=CLOCK_LABELS[Clock(r.clock)],
                due=r.due_date,
                state=state.value,
                state_label=STATE_LABELS[state],
            )
        )
    return out

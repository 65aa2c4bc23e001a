"""Deadlines engine: the clocks of each case, stored for SQL work lists, and the automatic
transitions (auto close after the reply window, one Ombudsman escalation flag)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from lapor_desktop.db.models import Complaint, HolidayOverride, database_proxy
from lapor_desktop.db.models import RuleSet as RuleSetRow
from lapor_desktop.db.queries import history, rules
from lapor_desktop.domain.calendar import HolidayOverride as DomainOverride
from lapor_desktop.domain.calendar import WorkCalendar, kampar_calendar
from lapor_desktop.domain.sla import (
    CaseTimes,
    Clock,
    ClockState,
    ClockStatus,
    DayKind,
    Limit,
    RuleSet,
    compute_deadlines,
)
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.services import clock

# The clock that the current stage of a case waits on (TERTUNDA: none, clocks paused).
STAGE_CLOCK: dict[Status, Clock] = {
    Status.DITERIMA: Clock.VERIFICATION,
    Status.TERVERIFIKASI: Clock.VERIFICATION,
    Status.TERDISPOSISI: Clock.FOLLOW_UP,
    Status.DIPROSES: Clock.FOLLOW_UP,
    Status.MENUNGGU_PERSETUJUAN: Clock.FOLLOW_UP,
    Status.DIJAWAB: Clock.REPLY,
}
FOLLOW_UP_STARTS = frozenset({Action.DISPOSE, Action.REDISPOSE, Action.REPORTER_RESPONSE})
DUE_SOON_DAYS = 2

_calendar: WorkCalendar | None = None


def calendar() -> WorkCalendar:
    """The Kampar calendar with the admin's overrides; rebuilt after an override changes."""
    global _calendar
    if _calendar is None:
        overrides = [
            DomainOverride(day=o.day, kind="add" if o.kind == "add" else "remove", reason=o.reason)
            for o in HolidayOverride.select()
        ]
        this_year = clock.today().year
        _calendar = kampar_calendar(range(this_year - 2, this_year + 2), overrides)
    return _calendar


def invalidate_calendar() -> None:
    global _calendar
    _calendar = None


def use_calendar(cal: WorkCalendar) -> None:
    """In a process without the database (the demo generator): the calendar it was given."""
    global _calendar
    _calendar = cal


_rule_cache: dict[uuid.UUID, RuleSet] = {}


def invalidate_rules() -> None:
    """Forget the cached rule sets (a sync brought a changed one)."""
    _rule_cache.clear()


def rules_of(rule_set_id: uuid.UUID) -> RuleSet:
    cached = _rule_cache.get(rule_set_id)
    if cached is None:
        r = RuleSetRow.get_by_id(rule_set_id)
        cached = RuleSet(
            name=r.name,
            effective_from=r.effective_from,
            verification=Limit(r.verification_days, DayKind(r.verification_kind)),
            follow_up=Limit(r.follow_up_days, DayKind(r.follow_up_kind)),
            escalation=Limit(r.escalation_days, DayKind(r.escalation_kind)),
            reply=Limit(r.reply_days, DayKind(r.reply_kind)),
        )
        _rule_cache[rule_set_id] = cached
    return cached


def rule_set_for(received: datetime) -> RuleSetRow:
    """The rule set in force on the day a complaint was received."""
    return rules.rule_set_in_force(received.date())


@dataclass(frozen=True)
class ActionTimes:
    """(action, to_status, at) of a case's history, oldest first."""

    rows: tuple[tuple[str, str, datetime], ...]


_FOLLOW_STARTS = frozenset(a.value for a in FOLLOW_UP_STARTS)
_CLOSING = frozenset(
    a.value
    for a in (Action.ACCEPT, Action.CLOSE, Action.AUTO_CLOSE, Action.ARCHIVE, Action.DUPLICATE)
)
_DISPOSE, _NOT_OURS, _APPROVE = Action.DISPOSE.value, Action.NOT_OURS.value, Action.APPROVE.value
_HOLD, _RESUME = Action.HOLD.value, Action.RESUME.value
_RESPONSE = Action.REPORTER_RESPONSE.value


@dataclass(frozen=True)
class ClockSpans:
    """When a case's clocks start and stop, folded from its history (`spans_of`)."""

    first_dispose: datetime | None
    first_approval: datetime | None
    last_approval: datetime | None  # the latest approved answer, whatever came after
    last_answer: datetime | None  # the latest approved answer not yet responded to
    follow_start: datetime | None  # the latest (re)disposition or reporter response
    follow_end: datetime | None  # the approved answer that ended that follow-up
    closed: datetime | None
    pauses: tuple[tuple[datetime, datetime | None], ...]  # TERTUNDA periods

    @property
    def follow_done(self) -> datetime | None:
        """When the current follow-up ended: its approved answer, or the closing of an
        answered case."""
        return self.follow_end or (self.closed if self.last_answer else None)


def spans_of(rows: Iterable[tuple[str, datetime]]) -> ClockSpans:
    """The one fold of the deadline rules over a history of (action, at), oldest first;
    the clocks of one case (`clocks_for`) and the monthly summary's rates both read it.

    Verification runs from receipt to the first disposition; escalation from receipt to
    the first approved answer. Follow-up restarts with every (re)disposition and every
    reporter response and ends at the next approved answer ("bukan wewenang" stops it);
    the reply window runs from the latest approved answer to closing.
    """
    first_dispose = first_approval = last_approval = last_answer = closed = None
    follow_start: datetime | None = None
    follow_end: datetime | None = None
    paused: list[tuple[datetime, datetime | None]] = []
    hold_start: datetime | None = None
    for a, at in rows:
        if a in _FOLLOW_STARTS:
            follow_start, follow_end = at, None
            if a == _DISPOSE and first_dispose is None:
                first_dispose = at
        elif a == _NOT_OURS:
            follow_start, follow_end = None, None
        elif a == _APPROVE:
            follow_end = last_answer = last_approval = at
            if first_approval is None:
                first_approval = at
        elif a == _HOLD:
            hold_start = at
        elif a == _RESUME and hold_start is not None:
            paused.append((hold_start, at))
            hold_start = None
        elif a in _CLOSING:
            closed = at
        if a == _RESPONSE:
            last_answer = None
    if hold_start is not None:
        paused.append((hold_start, None))
    return ClockSpans(
        first_dispose,
        first_approval,
        last_approval,
        last_answer,
        follow_start,
        follow_end,
        closed,
        tuple(paused),
    )


def clocks_for(
    received: datetime, history: ActionTimes, rules: RuleSet, now: datetime
) -> dict[Clock, ClockStatus]:
    """Every clock of a case from its history (`spans_of` says when each runs)."""
    return clocks_from(received, spans_of((a, at) for a, _to, at in history.rows), rules, now)


def clocks_from(
    received: datetime, spans: ClockSpans, rules: RuleSet, now: datetime
) -> dict[Clock, ClockStatus]:
    s = spans
    cal = calendar()
    first = compute_deadlines(
        CaseTimes(received, s.first_dispose, s.first_approval, s.pauses, s.closed),
        rules,
        cal,
        now,
    )
    if s.follow_start is None:
        follow = {
            Clock.FOLLOW_UP: ClockStatus(Clock.FOLLOW_UP, None, None, None),
            Clock.REPLY: ClockStatus(Clock.REPLY, None, None, None),
        }
    else:
        follow = compute_deadlines(
            CaseTimes(
                received,
                s.follow_start,
                s.follow_end,
                s.pauses,
                s.closed if s.last_answer else None,
            ),
            rules,
            cal,
            now,
        )
    return {
        Clock.VERIFICATION: first[Clock.VERIFICATION],
        Clock.ESCALATION: first[Clock.ESCALATION],
        Clock.FOLLOW_UP: follow[Clock.FOLLOW_UP],
        Clock.REPLY: follow[Clock.REPLY],
    }


def history_of(complaint_id: uuid.UUID) -> ActionTimes:
    return ActionTimes(history.steps_of(complaint_id))


def refresh_due(case: Complaint, now: datetime, history: ActionTimes | None = None) -> None:
    """Store the current stage's deadline on the case row (the caller saves it); `history`
    when the caller already read it (a sync apply reads many cases' at once)."""
    steps = history if history is not None else history_of(case.id)
    clocks = clocks_for(case.received_at, steps, rules_of(case.rule_set_id), now)
    status = Status(case.status)
    clock = STAGE_CLOCK.get(status)
    stage = clocks.get(clock) if clock else None
    if stage is None or stage.due is None or stage.done_at is not None:
        case.due_clock = case.due_date = case.due_soon_from = None
    else:
        case.due_clock = stage.clock.value
        case.due_date = stage.due
        case.due_soon_from = soon_from(stage.due)
    esc = clocks[Clock.ESCALATION]
    case.escalation_due = esc.due if status in ESCALATABLE and esc.done_at is None else None


# The statuses whose escalation clock is stored (and flagged by the engine when past).
ESCALATABLE = frozenset(STAGE_CLOCK) - {Status.DIJAWAB} | {Status.TERTUNDA}


def soon_from(due: date) -> date:
    """The first day on which at most DUE_SOON_DAYS working days remain before `due`."""
    cal = calendar()
    d = due
    for _ in range(DUE_SOON_DAYS):
        d = _previous_working_day(cal, d)
    return d


def _previous_working_day(cal: WorkCalendar, d: date) -> date:
    from datetime import timedelta

    d -= timedelta(days=1)
    while not cal.is_working_day(d):
        d -= timedelta(days=1)
    return d


def state_on(due: date | None, soon_from: date | None, today: date) -> ClockState | None:
    """The state of a running clock on `today` from the stored columns (mirrors sla.py)."""
    if due is None:
        return None
    if today > due:
        return ClockState.OVERDUE
    if today == due:
        return ClockState.DUE_TODAY
    if soon_from is not None and today >= soon_from:
        return ClockState.DUE_SOON
    return ClockState.RUNNING


def refresh_all_open(now: datetime) -> int:
    """Recompute stored deadlines of every open case (after a holiday override changed)."""
    n = 0
    with database_proxy.atomic("IMMEDIATE"):
        for case in Complaint.select().where(Complaint.status.in_([s.value for s in STAGE_CLOCK])):
            refresh_due(case, now)
            case.save()
            n += 1
    return n

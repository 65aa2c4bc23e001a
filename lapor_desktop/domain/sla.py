"""Deadlines (SLA clocks) of a complaint (DESIGN.md §2, "Deadlines").

Four clocks, each with a start event, an end event and a ``Limit`` from the ``RuleSet``
attached to the case:

=============  ===================  ===============================  ====================
clock          starts at            ends at                          default limit
=============  ===================  ===============================  ====================
verification   ``received``         ``disposed``                     5 working days
follow_up      ``disposed``         ``answered`` (head approved)     10 working days
escalation     ``received``         ``answered``                     60 calendar days
reply          ``answered``         ``closed``                       10 working days
=============  ===================  ===============================  ====================

A clock that has not started (its start event is ``None``) has ``due=None, state=None``.
``closed`` also stops every clock still running at that moment (e.g. an archived case):
its ``done_at`` is then ``closed``.

**Due date.** Day arithmetic is on dates (the start day never counts, see ``calendar``):
working clocks: ``calendar.add_working_days(start.date(), days)``; calendar clocks:
``start.date() + days``.

**Pauses (TERTUNDA).** Overlapping pauses are merged first. Each pause is clipped to the
part of it during which the clock was running: from ``max(pause start, clock start)`` to
``min(pause end, clock end)``, where an open pause (end ``None``) and a clock that has not
ended both stop at ``now``. Then, pause by pause in time order, with ``due`` the due date so
far: a clipped pause from date ``a`` to date ``b`` with ``a <= due`` extends ``due`` by
``calendar.working_days_between(a, b)`` working days (working clocks) or ``(b - a).days``
calendar days (calendar clocks) — i.e. by the days ``a < d <= b``, counted in the clock's
own unit. So a pause that begins and ends on the same day costs nothing, a pause begun on
the due day itself still helps (the day it ends becomes the new due day), and a pause begun
after the due date had passed (``a > due``) changes nothing: the clock stays overdue.

While a pause is still open its extension grows day by day, so the clock does not tick; for
a working clock an open pause counts up to ``calendar.next_working_day(today)`` (what it
will have cost if it ends on the next working day), so a paused clock does not flip to
OVERDUE over a weekend or a holiday.

**State.** Ended clock: ``MET`` if the end date <= due, else ``MISSED``. Running clock, on
``today = now.date()``: ``OVERDUE`` if today > due; otherwise, while the case is paused,
``RUNNING``; otherwise ``DUE_TODAY`` if today == due, ``DUE_SOON`` if at most 2 working days
are left (``working_days_between(today, due) <= 2``), else ``RUNNING``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from lapor_desktop.domain.calendar import WorkCalendar

DUE_SOON_WORKING_DAYS: Final = 2


class DayKind(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"


@dataclass(frozen=True, slots=True)
class Limit:
    days: int
    kind: DayKind

    def __post_init__(self) -> None:
        if self.days < 0:
            raise ValueError("a limit cannot be negative")
        if not isinstance(self.kind, DayKind):
            object.__setattr__(self, "kind", DayKind(self.kind))

    def __str__(self) -> str:
        unit = "hari kerja" if self.kind is DayKind.WORKING else "hari kalender"
        return f"{self.days} {unit}"


class Clock(StrEnum):
    VERIFICATION = "verification"
    FOLLOW_UP = "follow_up"
    ESCALATION = "escalation"
    REPLY = "reply"


class ClockState(StrEnum):
    RUNNING = "running"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"


CLOCK_LABELS: Final[dict[Clock, str]] = {
    Clock.VERIFICATION: "Verifikasi",
    Clock.FOLLOW_UP: "Tindak lanjut",
    Clock.ESCALATION: "Eskalasi Ombudsman",
    Clock.REPLY: "Masa tanggapan",
}

STATE_LABELS: Final[dict[ClockState, str]] = {
    ClockState.RUNNING: "Berjalan",
    ClockState.DUE_SOON: "Segera jatuh tempo",
    ClockState.DUE_TODAY: "Jatuh tempo hari ini",
    ClockState.OVERDUE: "Terlambat",
    ClockState.MET: "Tepat waktu",
    ClockState.MISSED: "Terlambat selesai",
}


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Deadline limits; the rule set in force at intake stays attached to the case."""

    name: str = "SOP Kampar 067-175/1/2023"
    effective_from: date = date(2023, 1, 1)
    verification: Limit = Limit(5, DayKind.WORKING)
    follow_up: Limit = Limit(10, DayKind.WORKING)
    escalation: Limit = Limit(60, DayKind.CALENDAR)
    reply: Limit = Limit(10, DayKind.WORKING)

    def limit(self, clock: Clock) -> Limit:
        match clock:
            case Clock.VERIFICATION:
                return self.verification
            case Clock.FOLLOW_UP:
                return self.follow_up
            case Clock.ESCALATION:
                return self.escalation
            case Clock.REPLY:
                return self.reply
        raise ValueError(clock)  # pragma: no cover


@dataclass(frozen=True, slots=True)
class CaseTimes:
    """The event times a case's clocks depend on (all naive or all aware, consistently).

    ``answered`` is when the OPD head approved the answer (DIJAWAB); ``paused`` are the
    TERTUNDA periods, ``(start, end)`` with ``end=None`` while the case is still on hold.
    """

    received: datetime
    disposed: datetime | None = None
    answered: datetime | None = None
    paused: tuple[tuple[datetime, datetime | None], ...] = field(default=())
    closed: datetime | None = None


@dataclass(frozen=True, slots=True)
class ClockStatus:
    clock: Clock
    due: date | None
    state: ClockState | None
    done_at: datetime | None

    @property
    def label(self) -> str:
        return CLOCK_LABELS[self.clock]

    @property
    def state_label(self) -> str | None:
        return None if self.state is None else STATE_LABELS[self.state]


def due_date(start: date, limit: Limit, calendar: WorkCalendar, extension: int = 0) -> date:
    """``start`` + ``limit`` (+ ``extension`` days of the same unit), without pauses logic."""
    days = limit.days + extension
    if limit.kind is DayKind.WORKING:
        return calendar.add_working_days(start, days)
    return calendar.add_calendar_days(start, days)


def working_days_left(due: date, today: date, calendar: WorkCalendar) -> int:
    """Working days from ``today`` to ``due`` (0 on the due day, negative when overdue)."""
    return calendar.working_days_between(today, due)


def _merged_pauses(
    paused: tuple[tuple[datetime, datetime | None], ...], now: datetime
) -> list[tuple[datetime, datetime, bool]]:
    """Pauses as ``(start, end, still_open)``, open ones ending at ``now``, merged."""
    spans: list[tuple[datetime, datetime, bool]] = []
    for start, end in paused:
        if start > now:
            continue  # a hold recorded in the future has not begun yet
        if end is None or end > now:
            spans.append((start, now, end is None or end > now))
        else:
            spans.append((start, end, False))
    spans.sort(key=lambda span: span[0])
    merged: list[tuple[datetime, datetime, bool]] = []
    for start, end, is_open in spans:
        if merged and start <= merged[-1][1]:
            last_start, last_end, last_open = merged[-1]
            if end >= last_end:
                merged[-1] = (last_start, end, is_open or last_open)
            else:
                merged[-1] = (last_start, last_end, is_open or last_open)
        else:
            merged.append((start, end, is_open))
    return merged


def _paused_due(
    pauses: list[tuple[datetime, datetime, bool]],
    clock_start: datetime,
    clock_stop: datetime,
    limit: Limit,
    calendar: WorkCalendar,
    *,
    clock_running: bool,
) -> date:
    """The due date with the pauses applied (rule in the module docstring)."""
    due = due_date(clock_start.date(), limit, calendar)
    for pause_start, pause_end, is_open in pauses:  # merged, sorted by start
        a = max(pause_start, clock_start)
        b = min(pause_end, clock_stop)
        if b <= a or a.date() > due:
            continue
        if limit.kind is DayKind.WORKING:
            end_day = b.date()
            if is_open and clock_running:
                end_day = calendar.next_working_day(end_day)
            due = calendar.add_working_days(due, calendar.working_days_between(a.date(), end_day))
        else:
            due = calendar.add_calendar_days(due, (b.date() - a.date()).days)
    return due


def _clock_status(
    clock: Clock,
    start: datetime | None,
    end: datetime | None,
    limit: Limit,
    *,
    closed: datetime | None,
    pauses: list[tuple[datetime, datetime, bool]],
    calendar: WorkCalendar,
    now: datetime,
) -> ClockStatus:
    if start is None:
        return ClockStatus(clock, None, None, None)
    if end is None and closed is not None:
        end = closed
    stop = end if end is not None else now
    due = _paused_due(pauses, start, stop, limit, calendar, clock_running=end is None)
    if end is not None:
        state = ClockState.MET if end.date() <= due else ClockState.MISSED
        return ClockStatus(clock, due, state, end)
    today = now.date()
    paused_now = any(is_open for _, _, is_open in pauses)
    if today > due:
        state = ClockState.OVERDUE
    elif paused_now:
        state = ClockState.RUNNING
    elif today == due:
        state = ClockState.DUE_TODAY
    elif working_days_left(due, today, calendar) <= DUE_SOON_WORKING_DAYS:
        state = ClockState.DUE_SOON
    else:
        state = ClockState.RUNNING
    return ClockStatus(clock, due, state, None)


def compute_deadlines(
    times: CaseTimes, rules: RuleSet, calendar: WorkCalendar, now: datetime
) -> dict[Clock, ClockStatus]:
    """Due date and state of every clock of a case at ``now`` (pure; see module docs)."""
    pauses = _merged_pauses(times.paused, now)
    spans: dict[Clock, tuple[datetime | None, datetime | None]] = {
        Clock.VERIFICATION: (times.received, times.disposed),
        Clock.FOLLOW_UP: (times.disposed, times.answered),
        Clock.ESCALATION: (times.received, times.answered),
        Clock.REPLY: (times.answered, times.closed),
    }
    return {
        clock: _clock_status(
            clock,
            start,
            end,
            rules.limit(clock),
            closed=times.closed,
            pauses=pauses,
            calendar=calendar,
            now=now,
        )
        for clock, (start, end) in spans.items()
    }

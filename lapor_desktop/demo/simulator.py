"""The life of one demo case, simulated action by action along the workflow table over
the working-day calendar: holds, archives, misroutes, "bukan wewenang", returned answers,
reopened cases, acceptances, automatic closes and Ombudsman escalations, with the deadline
columns the deadlines engine would store (`deadlines.clocks_for`).

Plain data in and out (no database): the loader reads the reference data, the generator
plans the cases and turns them into rows.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from lapor_desktop.domain import sla
from lapor_desktop.domain.calendar import WorkCalendar
from lapor_desktop.domain.sla import Clock, DayKind, Limit
from lapor_desktop.domain.sla import RuleSet as DomainRuleSet
from lapor_desktop.domain.workflow import Action, Role, Status
from lapor_desktop.services import deadlines, reference

from .texts import AUTO_CLOSE_NOTE, ESCALATE_NOTE, NOT_OURS_NOTE, NOTES, OFFICE_CHANNELS, Template

PERIOD_DAYS = 365  # cases are received over the year before the clock's now

# ---------------------------------------------------------------- reference data


@dataclass(frozen=True)
class Office:
    id: str
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Person:
    id: str
    office_id: str
    role: Role


@dataclass
class Refs:
    regency: Office
    opds: list[Office]
    opd_by_code: dict[str, Office]
    categories: frozenset[str]
    rule_sets: list[tuple[date, str, DomainRuleSet]]  # (effective_from, id hex, rules)
    kecamatan: list[reference.Region]
    desa: dict[str, tuple[reference.Region, ...]]


@dataclass
class Staff:
    desk: list[Person]
    admin: list[Person]
    opd_admin: dict[str, Person]  # office code -> person
    opd_head: dict[str, Person]
    names: list[str]
    created: list[str]


# ---------------------------------------------------------------- one case


@dataclass
class Plan:
    received: datetime
    channel: str
    template: int
    kec: int  # index into kecamatan
    opd: str  # the competent OPD's code
    stop_at: Status | None = None  # forced: the case stops once it reaches this status
    plain: bool = False  # forced: no hold/archive/stuck/misroute before disposition
    fast: bool = False  # forced: short delays


@dataclass
class Case:
    """Mutable state of one case while its history is simulated."""

    plan: Plan
    cid: str
    t: datetime  # the time of the last action
    status: Status = Status.DITERIMA
    opd: Office | None = None
    disposed_at: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    escalated_at: datetime | None = None
    answered_once: bool = False
    reopen: int = 0
    answer: str = ""
    category: str | None = None
    pauses: list[tuple[date, date]] = field(default_factory=list)
    esc_at: datetime | None = None  # when the engine flags it (cached; reset by a pause)
    hold_at: datetime | None = None
    stuck: Status | None = None
    done: bool = False
    acts: list[tuple[Any, ...]] = field(default_factory=list)
    history: list[tuple[str, str, datetime]] = field(default_factory=list)


SYSTEM = Person("", "", Role.SYSTEM)
# Where the deadlines engine flags escalations (a case on hold has its clocks paused).
_FLAGGED_IN = deadlines.ESCALATABLE - {Status.TERTUNDA}
_STUCK_STAGES = (
    Status.DITERIMA,
    Status.TERVERIFIKASI,
    Status.TERDISPOSISI,
    Status.TERDISPOSISI,
    Status.DIPROSES,
    Status.DIPROSES,
    Status.DIPROSES,
    Status.MENUNGGU_PERSETUJUAN,
)


_MINUTES = tuple(timedelta(minutes=m) for m in range(481))
_EPOCH = datetime(1970, 1, 1)
_MILLISECOND = timedelta(milliseconds=1)
_VARIANT = 0b10 << 62  # RFC 9562 variant bits


def ts(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ")


def ds(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class Simulator:
    """Draws (seeded: the same seed gives the same cases), working-day arithmetic over a
    table of the demo period, and the simulation of one case's history."""

    def __init__(self, now: datetime, refs: Refs, staff: Staff, seed: int, id_seed: str) -> None:
        self.refs = refs
        self.staff = staff
        self.rng = random.Random(seed)
        self._ids = random.Random(id_seed)
        self.now = now.replace(microsecond=0)
        self.today = self.now.date()
        self.cal: WorkCalendar = deadlines.calendar()
        self.letters: list[tuple[str, datetime, str, str]] = []  # office id, at, case, user
        self._soon: dict[date, date] = {}
        self.random = self.rng.random
        # The working days around the demo period as a table (the calendar's day-by-day
        # loops are too slow for millions of steps): `_next_wd[d - first]` is the index in
        # `_workdays` of the first working day on or after d.
        first = self.today - timedelta(days=PERIOD_DAYS + 30)
        last = self.today + timedelta(days=500)
        self._day0 = first.toordinal()
        self._day_last = last.toordinal()
        self._workdays: list[date] = [
            d
            for i in range((last - first).days + 60)
            if self.cal.is_working_day(d := first + timedelta(days=i))
        ]
        self._next_wd: list[int] = []
        j = 0
        for i in range((last - first).days + 1):
            d = first + timedelta(days=i)
            while self._workdays[j] < d:
                j += 1
            self._next_wd.append(j)
        self._day_starts = [datetime(d.year, d.month, d.day, 7, 30) for d in self._workdays]

    # -- fast deterministic draws (random.randint/choice cost several calls each)

    def ri(self, lo: int, hi: int) -> int:
        return lo + int(self.random() * (hi - lo + 1))

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    # -- ids and times

    def new_id(self, at: datetime, seq: int = 0) -> str:
        """A time-ordered UUID (version 7 layout, RFC 9562) for a row made at `at`.

        Random (version 4) keys land all over the primary-key B-trees and make a bulk load
        several times slower; these ones arrive in key order. `seq` orders the rows of one
        case (its actions) after its own id.
        """
        ms = (at - _EPOCH) // _MILLISECOND
        return f"{ms:012x}7{seq & 0xFFF:03x}{self._ids.getrandbits(62) | _VARIANT:016x}"

    def next_working_day(self, d: date) -> date:
        o = d.toordinal()
        if self._day0 <= o <= self._day_last:
            return self._workdays[self._next_wd[o - self._day0]]
        return self.cal.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        o = d.toordinal() + 1
        if n > 0 and self._day0 <= o <= self._day_last:
            i = self._next_wd[o - self._day0] + n - 1
            if i < len(self._workdays):
                return self._workdays[i]
        return self.cal.add_working_days(d, n)

    def office_time(self, d: date) -> datetime:
        """A time in office hours (07:30–15:30) on the first working day from `d`."""
        o = d.toordinal()
        minutes = _MINUTES[int(self.random() * 481)]
        if self._day0 <= o <= self._day_last:
            return self._day_starts[self._next_wd[o - self._day0]] + minutes
        d = self.cal.next_working_day(d)
        return datetime(d.year, d.month, d.day, 7, 30) + minutes

    def after(self, t: datetime, lo: int, hi: int) -> datetime:
        """`lo`..`hi` working days after `t` (0: later the same working day if there is time)."""
        n = self.ri(lo, hi)
        day = t.date()
        if n == 0:
            later = t + timedelta(minutes=self.ri(10, 150))
            if later.hour < 16 and later.date() == day and self.next_working_day(day) == day:
                return later
            n = 1
        return self.office_time(self.add_working_days(day, n))

    # -- one case

    def emit(
        self,
        c: Case,
        action: Action,
        to: Status,
        at: datetime,
        who: Person,
        *,
        note: str = "",
        opd: Office | None = None,
        for_reporter: bool = False,
    ) -> None:
        seq = len(c.acts) + 1
        # (StrEnum members are str: they go into the rows as their values.)
        c.acts.append(
            (
                f"{c.cid[:13]}{seq:03x}{self._ids.getrandbits(62) | _VARIANT:016x}",
                c.cid,
                seq,
                action,
                c.status if seq > 1 else None,
                to,
                who.id or None,
                who.role,
                who.office_id or None,
                opd.id if opd else None,
                note,
                int(for_reporter),
                ts(at),
            )
        )
        c.history.append((action, to, at))
        c.status = to
        c.t = at

    def note(self, action: Action) -> str:
        return self.pick(NOTES[action])

    def escalation_check(self, c: Case, until: datetime) -> None:
        """What `deadlines --apply` would have done before `until`: flag once, if past due."""
        if c.escalated_at is not None or c.answered_once:
            return
        at = c.esc_at
        if at is None:
            limit = self.rules_for(c.plan.received).escalation
            due = sla.due_date(c.plan.received.date(), limit, self.cal)
            for a, b in c.pauses:  # (the pause rule of domain/sla.py, for early holds)
                if a <= due:
                    days = (
                        self.cal.working_days_between(a, b)
                        if limit.kind is DayKind.WORKING
                        else (b - a).days
                    )
                    due = sla.due_date(due, Limit(days, limit.kind), self.cal)
            at = c.esc_at = self.office_time(due + timedelta(days=1))
        if at >= until or at > self.now or c.status not in _FLAGGED_IN:
            return
        if at <= c.t:  # was not escalatable then (on hold): flag it right after
            at = c.t + timedelta(minutes=self.ri(5, 60))
        if at < until and at <= self.now:
            admin = self.random() < 0.2  # now and then the admin flags it by hand
            who = self.pick(self.staff.admin) if admin else SYSTEM
            self.emit(c, Action.ESCALATE, c.status, at, who, note=ESCALATE_NOTE)
            c.escalated_at = at

    def wait(self, c: Case, lo: int, hi: int, slow: float = 0.0) -> datetime | None:
        """The time of the next step, or None when it would be after now (the case stops)."""
        if c.done:
            return None
        rnd = self.random
        if c.plan.fast:
            lo, hi = 0, 1
        elif c.stuck is c.status:
            lo, hi = 40, 260
        elif slow and rnd() < slow:
            lo, hi = hi + 1, hi * 3 + 2
        at = self.after(c.t, lo, hi)
        if at > self.now or c.status is c.plan.stop_at:
            self.escalation_check(c, self.now + timedelta(seconds=1))
            c.done = True
            return None
        self.escalation_check(c, at)
        return at

    def simulate(self, c: Case, tpl: Template, slots: dict[str, str], channel: str) -> None:
        ri, pick, rnd = self.ri, self.pick, self.random
        staff = self.staff
        plan = c.plan
        right = self.refs.opd_by_code[plan.opd]
        intake_by = pick(staff.desk if channel in OFFICE_CHANNELS else staff.admin)
        self.emit(c, Action.INTAKE, Status.DITERIMA, plan.received, intake_by)
        if not plan.plain and not plan.stop_at and rnd() < 0.07:
            c.stuck = pick(_STUCK_STAGES)
        # DITERIMA: hold for more information, archive, or verify.
        r = rnd()
        force = plan.stop_at
        if force is Status.TERTUNDA or (not plan.plain and force is None and r < 0.05):
            at = self.wait(c, 0, 2)
            if at is None:
                return
            admin = pick(staff.admin)
            self.emit(c, Action.HOLD, Status.TERTUNDA, at, admin, note=self.note(Action.HOLD))
            c.hold_at = at
            r2 = rnd()
            if force is Status.TERTUNDA or r2 < 0.12:
                c.done = True  # the reporter never answered; still waiting
                return
            if r2 < 0.35:
                self.archive(c, 8, 20, admin)
                return
            at = self.wait(c, 2, 10)
            if at is None:
                return
            self.emit(c, Action.RESUME, Status.DITERIMA, at, admin, note=self.note(Action.RESUME))
            c.pauses.append((c.hold_at.date(), at.date()))
            c.esc_at = None
            c.hold_at = None
        if force is Status.ARSIP or (not plan.plain and force is None and r > 0.955):
            self.archive(c, 0, 3, None)
            return
        at = self.wait(c, 0, 3, slow=0.12)
        if at is None:
            return
        admin = pick(staff.admin)
        c.category = tpl.category if tpl.category in self.refs.categories else None
        self.emit(c, Action.VERIFY, Status.TERVERIFIKASI, at, admin, note=self.note(Action.VERIFY))
        if rnd() < 0.05:
            at2 = at + timedelta(minutes=ri(5, 90))
            self.emit(c, Action.NOTE, c.status, at2, admin, note=self.note(Action.NOTE))
        # Disposition, possibly to the wrong OPD first.
        misroute = not plan.plain and rnd() < 0.08 and len(self.refs.opds) > 1
        target = right
        if misroute:
            while target is right:
                target = pick(self.refs.opds)
        if not self.dispose(c, Action.DISPOSE, target, slots):
            return
        if misroute:
            if rnd() < 0.5:
                at = self.wait(c, 0, 3)
                if at is None:
                    return
                admin = pick(staff.admin)
                note = self.note(Action.REDISPOSE)
                self.emit(c, Action.REDISPOSE, Status.TERDISPOSISI, at, admin, note=note, opd=right)
                c.opd, c.disposed_at = right, at
            else:
                at = self.wait(c, 1, 5)
                if at is None:
                    return
                assert c.opd is not None
                who = staff.opd_admin[c.opd.code]
                note = NOT_OURS_NOTE.format(opd=right.name)
                self.emit(c, Action.NOT_OURS, Status.TERVERIFIKASI, at, who, note=note, opd=right)
                c.opd = None
                if not self.dispose(c, Action.DISPOSE, right, slots):
                    return
        self.follow_up(c, tpl, slots)

    def archive(self, c: Case, lo: int, hi: int, who: Person | None) -> None:
        """Archived `lo`..`hi` working days on, by `who` (None: an admin picked then)."""
        at = self.wait(c, lo, hi)
        if at is None:
            return
        if who is None:
            who = self.pick(self.staff.admin)
        self.emit(c, Action.ARCHIVE, Status.ARSIP, at, who, note=self.note(Action.ARCHIVE))
        c.closed_at = at

    def dispose(self, c: Case, action: Action, target: Office, slots: dict[str, str]) -> bool:
        at = self.wait(c, 0, 2, slow=0.1)
        if at is None:
            return False
        admin = self.pick(self.staff.admin)
        note = self.note(Action.DISPOSE)
        self.emit(c, action, Status.TERDISPOSISI, at, admin, note=note, opd=target)
        c.opd, c.disposed_at = target, at
        return True

    def follow_up(self, c: Case, tpl: Template, slots: dict[str, str]) -> None:
        pick, rnd = self.pick, self.random
        assert c.opd is not None
        opd_admin = self.staff.opd_admin[c.opd.code]
        head = self.staff.opd_head[c.opd.code]
        at = self.wait(c, 0, 3, slow=0.12)
        if at is None:
            return
        self.emit(c, Action.START, Status.DIPROSES, at, opd_admin, note=self.note(Action.START))
        while True:  # DIPROSES (again after a returned answer or a reporter's response)
            for _ in range(0 if c.plan.fast else pick((0, 0, 1, 1, 1, 2, 3))):
                at = self.wait(c, 1, 4)
                if at is None:
                    return
                who = head if rnd() < 0.1 else opd_admin
                note = self.note(Action.FOLLOWUP_NOTE)
                fr = rnd() < 0.3
                self.emit(c, Action.FOLLOWUP_NOTE, c.status, at, who, note=note, for_reporter=fr)
            at = self.wait(c, 1, 6, slow=0.15)
            if at is None:
                return
            answer = (
                "Terima kasih atas laporan Saudara. "
                + pick(tpl.answers).format_map(slots)
                + " Demikian kami sampaikan."
            )
            self.emit(
                c, Action.SUBMIT_ANSWER, Status.MENUNGGU_PERSETUJUAN, at, opd_admin, note=answer
            )
            c.answer = answer
            at = self.wait(c, 0, 2, slow=0.08)
            if at is None:
                return
            if rnd() < 0.1:
                note = self.note(Action.RETURN_ANSWER)
                self.emit(c, Action.RETURN_ANSWER, Status.DIPROSES, at, head, note=note)
                continue
            self.emit(c, Action.APPROVE, Status.DIJAWAB, at, head)
            self.letters.append((c.opd.id, at, c.cid, head.id))
            c.answered_at, c.answered_once = at, True
            # DIJAWAB: the reporter responds (reopens), accepts, the admin closes, or the
            # reply window passes and the deadlines engine closes it.
            r = rnd()
            desk = pick(self.staff.desk + self.staff.admin)
            if r < 0.07 and c.reopen < 2 and c.plan.stop_at is None:
                at = self.wait(c, 1, 8)
                if at is None:
                    return
                note = self.note(Action.REPORTER_RESPONSE)
                self.emit(c, Action.REPORTER_RESPONSE, Status.DIPROSES, at, desk, note=note)
                c.reopen += 1
                c.answered_at = None
                continue
            if r < 0.4:
                at = self.wait(c, 0, 8)
                if at is None:
                    return
                self.emit(c, Action.ACCEPT, Status.SELESAI, at, desk, note=self.note(Action.ACCEPT))
            elif r < 0.45:
                at = self.wait(c, 2, 9)
                if at is None:
                    return
                admin = pick(self.staff.admin)
                self.emit(c, Action.CLOSE, Status.SELESAI, at, admin, note=self.note(Action.CLOSE))
            else:
                reply = self.rules_for(c.plan.received).reply
                due = (
                    self.add_working_days(c.t.date(), reply.days)
                    if reply.kind is DayKind.WORKING
                    else c.t.date() + timedelta(days=reply.days)
                )
                at = self.office_time(due + timedelta(days=1))
                if c.done or at > self.now or c.plan.stop_at is Status.DIJAWAB:
                    return
                self.emit(c, Action.AUTO_CLOSE, Status.SELESAI, at, SYSTEM, note=AUTO_CLOSE_NOTE)
            c.closed_at = at
            return

    # -- deadlines, as the engine stores them (deadlines.refresh_due)

    def due_columns(
        self, c: Case
    ) -> tuple[str | None, date | None, date | None, date | None, bool]:
        status = c.status
        clock = deadlines.STAGE_CLOCK.get(status)
        if clock is None and status is not Status.TERTUNDA:
            return None, None, None, None, False  # final: nothing runs
        rules = self.rules_for(c.plan.received)
        clocks = deadlines.clocks_for(
            c.plan.received, deadlines.ActionTimes(tuple(c.history)), rules, self.now
        )
        stage = clocks.get(clock) if clock else None
        due_clock = due = soon = None
        if stage is not None and stage.due is not None and stage.done_at is None:
            due_clock, due = stage.clock.value, stage.due
            soon = self._soon.get(due)
            if soon is None:
                soon = self._soon[due] = deadlines.soon_from(due)
        esc = clocks[Clock.ESCALATION]
        escalatable = status in deadlines.ESCALATABLE
        esc_due = esc.due if escalatable and esc.done_at is None else None
        overdue = due is not None and due < self.today
        return due_clock, due, soon, esc_due, overdue

    def rule_set_for(self, received: datetime) -> tuple[str, DomainRuleSet]:
        """(id, rules) of the rule set in force on the day of receipt (as the engine's
        deadlines.rule_set_for: the latest effective by then, else the first)."""
        _effective, rid, rules = self.refs.rule_sets[0]
        for effective, one_id, one in self.refs.rule_sets:
            if effective <= received.date():
                rid, rules = one_id, one
        return rid, rules

    def rules_for(self, received: datetime) -> DomainRuleSet:
        return self.rule_set_for(received)[1]

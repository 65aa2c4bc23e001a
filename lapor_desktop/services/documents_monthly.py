"""Rekapitulasi bulanan: the monthly summary computed from the database.

Counts are SQL aggregates (GROUP BY on indexed columns); only the on-time rates and the
working days to answer need each case's history, which is read in one query and run
through the same clock rules as everywhere else (deadlines.clocks_for), so the report
agrees with what the case view says.

Definitions (printed in the report, `reports/letters.toml` [monthly] definitions):
- scope: the whole regency, or one OPD = cases currently dispositioned to it;
- cohort: cases received in the month (received_at in [1st, 1st of next month));
- by status / klasifikasi / channel / category / OPD: the cohort, by its status at the
  month's end (now, in the running month; LAPOR! buckets) — so `by_status` equals
  `cases.counts_by_status` with that month's date filter while nothing changed since;
  OPD columns: Selesai = SELESAI, Diproses = DIPROSES, MENUNGGU_PERSETUJUAN,
  DIJAWAB, Belum ditindaklanjuti = TERDISPOSISI;
- verification on time: cases dispositioned (first DISPOSE) by the verification due date,
  over cases dispositioned; follow-up on time: answers approved by the follow-up due
  date (latest follow-up cycle), over cases whose follow-up ended with an approval;
  finished on time: first approved answer within the escalation limit, over cases
  answered. Cohort view: over the cohort, steps taken by the month's end; activity
  view: over the cases whose step (first disposition, latest approval, first approval)
  happened in the month;
- days to finish: working days from receipt to the first approved answer, cohort cases
  answered by the month's end (mean and median; per OPD and overall);
- overdue: cases that at the month's end (now, in the running month) were open before
  the answer with their stage deadline before min(today, last day of the month) — from
  each case's history up to then, not today's columns;
- escalated: cases flagged ESKALASI_OMBUDSMAN during the month;
- reopened: cases the reporter reopened during the month (cases and events);
- trend: received per month, the 12 months up to this one;
- annex: every cohort case (the title of a *rahasia* case is not printed).
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from lapor_desktop import pdf
from lapor_desktop.db.models import Complaint, Office
from lapor_desktop.db.queries import history, monthly
from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI, KLASIFIKASI_LABELS
from lapor_desktop.domain.sla import Clock, ClockState, Limit, RuleSet, due_date
from lapor_desktop.domain.workflow import LAPOR_BUCKETS, Action, Role, Status
from lapor_desktop.pdf.data import (
    AnnexRow,
    CountRow,
    MonthCount,
    MonthlySummary,
    OnTimeRates,
    OpdRow,
    Rate,
    Signatory,
)
from lapor_desktop.services import deadlines
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import require_print
from lapor_desktop.services.errors import PermissionDenied, ValidationError
from lapor_desktop.services.letterhead_settings import templates_for
from lapor_desktop.services.scope import require_casework
from lapor_desktop.services.setup import regency_office

BUCKETS = tuple(dict.fromkeys(LAPOR_BUCKETS.values()))  # dashboard order, no repeats
FINISHED = (Status.SELESAI.value,)
IN_PROCESS = (Status.DIPROSES.value, Status.MENUNGGU_PERSETUJUAN.value, Status.DIJAWAB.value)
NOT_FOLLOWED_UP = (Status.TERDISPOSISI.value,)
BEFORE_ANSWER = tuple(
    s.value
    for s in (
        Status.DITERIMA,
        Status.TERVERIFIKASI,
        Status.TERDISPOSISI,
        Status.DIPROSES,
        Status.MENUNGGU_PERSETUJUAN,
    )
)
TOP_CATEGORIES = 10
NO_OPD = "Belum didisposisikan"
NO_CATEGORY = "Belum dikategorikan"
SECRET_TITLE = "(isi laporan dirahasiakan)"


@dataclass
class _Tally:
    on_time: int = 0
    total: int = 0

    def add(self, on_time: bool) -> None:
        self.total += 1
        self.on_time += int(on_time)

    def rate(self) -> Rate:
        return Rate(self.on_time, self.total)


@dataclass
class _Rates:
    verification: _Tally = field(default_factory=_Tally)
    followup: _Tally = field(default_factory=_Tally)
    finished: _Tally = field(default_factory=_Tally)

    def frozen(self) -> OnTimeRates:
        return OnTimeRates(self.verification.rate(), self.followup.rate(), self.finished.rate())


@dataclass
class _Period:
    """The on-time tallies of one period [start, end): its cohort (cases received in it)
    and its activity (cases whose step — first disposition, latest approval, first
    approval — happened in it)."""

    start: datetime
    end: datetime
    cohort: _Rates = field(default_factory=_Rates)
    activity: _Rates = field(default_factory=_Rates)

    def holds(self, at: datetime) -> bool:
        return self.start <= at < self.end

    def add(self, received: datetime, facts: ClockFacts) -> None:
        # The cohort as of the period's end: a step taken after it is not counted (the
        # case is then still waiting, and §I counts it overdue if it was late).
        in_cohort = self.holds(received)
        if facts.first_dispose is not None:
            met = bool(facts.verification_met)
            if in_cohort and facts.first_dispose < self.end:
                self.cohort.verification.add(met)
            if self.holds(facts.first_dispose):
                self.activity.verification.add(met)
        if facts.followup_met is not None and facts.last_approval is not None:
            if in_cohort and facts.last_approval < self.end:
                self.cohort.followup.add(facts.followup_met)
            if self.holds(facts.last_approval):
                self.activity.followup.add(facts.followup_met)
        if facts.first_approval is not None:
            met = bool(facts.escalation_met)
            if in_cohort and facts.first_approval < self.end:
                self.cohort.finished.add(met)
            if self.holds(facts.first_approval):
                self.activity.finished.add(met)


@dataclass(frozen=True)
class PeriodRates:
    """The on-time rates of [start, end) (end exclusive), both views of the monthly
    summary (section G)."""

    start: date
    end: date
    cohort: OnTimeRates
    activity: OnTimeRates


def on_time_rates(ctx: Ctx, periods: Sequence[tuple[date, date]]) -> tuple[PeriodRates, ...]:
    """The on-time rates of each period [start, end) in the user's scope, computed as the
    monthly summary computes them (one pass over the histories of the whole span).

    Scope as on the dashboard: the regency for the front desk, the regency admin and the
    auditor; their own OPD (cases currently dispositioned to it) for OPD roles; the
    system admin is refused."""
    s = ctx.user()
    require_casework(s)  # refuses roles without casework
    if not periods:
        return ()
    if any(a >= b for a, b in periods):
        raise ValidationError("Periode harus berakhir setelah awalnya.", "period")
    tallies = [_Period(_midnight(a), _midnight(b)) for a, b in periods]
    start = min(t.start for t in tallies)
    end = max(t.end for t in tallies)
    opd = s.office_id if s.is_opd else None
    for c in _clocked_cases(opd, start, end, _Clocks(ctx.clock.now())):
        for t in tallies:
            t.add(c.history.received, c.facts)
    return tuple(
        PeriodRates(t.start.date(), t.end.date(), t.cohort.frozen(), t.activity.frozen())
        for t in tallies
    )


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    i = year * 12 + (month - 1) + n
    return i // 12, i % 12 + 1


def _scope(ctx: Ctx, opd_code: str | None) -> Office | None:
    s = require_print(ctx, "monthly")
    code = (opd_code or "").strip().upper()
    if s.is_opd:
        if code and code != s.office_code:
            raise PermissionDenied("Pengguna OPD hanya dapat mencetak rekapitulasi OPD-nya.")
        return Office.get_by_id(s.office_id)
    if not code:
        return None
    office = Office.get_or_none(Office.code == code)
    if office is None or office.kind != "opd":
        raise ValidationError(f"OPD '{opd_code}' tidak ditemukan.", "opd")
    return office


def _check_month(year: int, month: int) -> None:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise ValidationError("Bulan laporan harus YYYY-MM yang sah (tahun 2000–2100).", "month")


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _mean(values: list[int]) -> float | None:
    return statistics.fmean(values) if values else None


@dataclass(frozen=True)
class _Month:
    """The month asked for, in a scope (`opd` None: the regency), as of `now`."""

    year: int
    month: int
    opd: uuid.UUID | None
    now: datetime

    @property
    def start(self) -> datetime:
        return _month_start(self.year, self.month)

    @property
    def end(self) -> datetime:  # exclusive
        return _month_start(*_add_months(self.year, self.month, 1))

    @property
    def until(self) -> datetime:
        """The month's end, or now in the running month."""
        return min(self.now, self.end)

    @property
    def ref_day(self) -> date:
        """The day the overdue count is judged on: the month's last day, or today."""
        return min(self.now.date(), (self.end - timedelta(days=1)).date())

    def received(self, back: int = 0) -> int:
        """Cases received in the month `back` months before this one."""
        y, m = _add_months(self.year, self.month, -back)
        return monthly.count_received(
            self.opd, _month_start(y, m), _month_start(*_add_months(y, m, 1))
        )


@dataclass
class _OpdTally:
    """One OPD's row of table F (None: cases not yet dispositioned)."""

    received: int = 0
    finished: int = 0
    in_process: int = 0
    not_followed_up: int = 0
    overdue: int = 0
    escalated: int = 0

    def empty(self) -> bool:
        return not (
            self.received
            or self.finished
            or self.in_process
            or self.not_followed_up
            or self.overdue
            or self.escalated
        )


@dataclass
class _ClockPass:
    """Sections G, H and J: the cohort's and the month's clocks, from one pass."""

    period: _Period
    days_by_opd: dict[uuid.UUID | None, list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    days_of: dict[str, int] = field(default_factory=dict)  # case id (hex) -> working days
    reopen_events: int = 0
    reopened_cases: int = 0


def monthly_summary(
    ctx: Ctx,
    year: int,
    month: int,
    opd_code: str | None = None,
    *,
    kendala: str = "",
    upaya: str = "",
    annex: bool = True,
) -> MonthlySummary:
    """The month's numbers for the regency or one OPD (see the module docstring).

    ADMIN_KABUPATEN and AUDITOR: the regency or any OPD; OPD_ADMIN/OPD_HEAD: their own
    OPD only (opd_code defaults to it; another OPD is refused); others are refused.
    `kendala`/`upaya` are the admin's free text for section III.
    """
    _check_month(year, month)
    opd = _scope(ctx, opd_code)
    m = _Month(year, month, opd.id if opd else None, ctx.clock.now())
    per_opd: dict[uuid.UUID | None, _OpdTally] = defaultdict(_OpdTally)
    by_status = _status_buckets(m, per_opd)
    by_klasifikasi, by_channel, by_category = _breakdowns(m)
    _overdue_and_escalated(m, per_opd)
    clocks = _clock_pass(m)
    all_days = [d for v in clocks.days_by_opd.values() for d in v]
    office = opd or regency_office()
    return MonthlySummary(
        office_code=office.code,
        year=year,
        month=month,
        received_this_month=m.received(),
        received_last_month=m.received(back=1),
        received_year_to_date=monthly.count_received(m.opd, datetime(year, 1, 1), m.end),
        by_status=by_status,
        by_klasifikasi=by_klasifikasi,
        by_channel=by_channel,
        by_category=by_category,
        by_opd=_opd_table(per_opd, clocks.days_by_opd),
        cohort_rates=clocks.period.cohort.frozen(),
        activity_rates=clocks.period.activity.frozen(),
        avg_days_to_finish=_mean(all_days),
        median_days_to_finish=_median(all_days),
        overdue=sum(v.overdue for v in per_opd.values()),
        escalated=sum(v.escalated for v in per_opd.values()),
        reopened_cases=clocks.reopened_cases,
        reopen_events=clocks.reopen_events,
        # 12-month trend (one indexed range count per month)
        trend=tuple(
            MonthCount(*_add_months(year, month, -back), m.received(back))
            for back in range(11, -1, -1)
        ),
        opd_scope=opd.name if opd else "",
        kendala=kendala,
        upaya=upaya,
        annex=_annex(m, clocks.days_of) if annex else (),
        date=m.now.date(),
        as_of=m.ref_day,
    )


def _status_buckets(m: _Month, per_opd: dict[uuid.UUID | None, _OpdTally]) -> tuple[CountRow, ...]:
    """B. status buckets, and F.'s status columns per OPD: each cohort case's status at
    the month's end (today's status unless an action since changed it)."""
    then = monthly.statuses_before(m.opd, m.start, m.end, m.until)
    buckets = dict.fromkeys(BUCKETS, 0)
    for row in monthly.statuses(m.opd, m.start, m.end):
        status = then.get(row.id, row.status)
        buckets[Status(status).lapor_bucket] += 1
        tally = per_opd[row.opd]
        tally.received += 1
        tally.finished += status in FINISHED
        tally.in_process += status in IN_PROCESS
        tally.not_followed_up += status in NOT_FOLLOWED_UP
    return tuple(CountRow(label, n) for label, n in buckets.items())


def _breakdowns(
    m: _Month,
) -> tuple[tuple[CountRow, ...], tuple[CountRow, ...], tuple[CountRow, ...]]:
    """C. klasifikasi (all three), D. channel, E. top categories, of the cohort."""
    kl = monthly.counts_by(m.opd, m.start, m.end, "klasifikasi")
    by_klasifikasi = tuple(CountRow(KLASIFIKASI_LABELS[k], kl.pop(k, 0)) for k in KLASIFIKASI)
    by_klasifikasi += tuple(CountRow(str(k), n) for k, n in sorted(kl.items()))
    ch = monthly.counts_by(m.opd, m.start, m.end, "channel")
    by_channel = tuple(
        CountRow(CHANNEL_LABELS.get(k, k), n)
        for k, n in sorted(ch.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    cats = [
        (name or NO_CATEGORY, n) for name, n in monthly.counts_by_category(m.opd, m.start, m.end)
    ]
    by_category = tuple(CountRow(n, c) for n, c in cats[:TOP_CATEGORIES])
    if len(cats) > TOP_CATEGORIES:
        rest = cats[TOP_CATEGORIES:]
        # "(… kategori lain)": no category name starts with a parenthesis
        by_category += (CountRow(f"({len(rest)} kategori lain)", sum(c for _, c in rest)),)
    return by_klasifikasi, by_channel, by_category


def _overdue_and_escalated(m: _Month, per_opd: dict[uuid.UUID | None, _OpdTally]) -> None:
    """I. overdue as of the month's end (or now, for the running month), from each
    candidate's history up to then; escalated: flagged during the month. OPDs left with
    nothing to show are dropped from the table."""
    for oid, n in _overdue_at(m.opd, m.until, m.ref_day).items():
        per_opd[oid].overdue = n
    for oid, n in monthly.escalated_by_opd(m.opd, m.start, m.end).items():
        per_opd[oid].escalated = n
    for oid in [k for k, v in per_opd.items() if v.empty()]:
        del per_opd[oid]


def _clock_pass(m: _Month) -> _ClockPass:
    """G, H, J: the clocks of the cohort and of the month's activity, in one pass."""
    out = _ClockPass(_Period(m.start, m.end))
    timer = _Clocks(m.now)
    reopen = Action.REPORTER_RESPONSE.value
    for c in _clocked_cases(m.opd, m.start, m.end, timer):
        h, facts = c.history, c.facts
        out.period.add(h.received, facts)
        reopens = sum(1 for s in h.steps if s.action == reopen and m.start <= s.at < m.end)
        out.reopen_events += reopens
        out.reopened_cases += reopens > 0
        done = facts.first_approval
        if done is not None and done < m.end and out.period.holds(h.received):
            days = timer.working_days(h.received.date(), done.date())
            out.days_by_opd[h.opd].append(days)
            out.days_of[h.id] = days
    return out


def _opd_table(
    per_opd: dict[uuid.UUID | None, _OpdTally], days_by_opd: dict[uuid.UUID | None, list[int]]
) -> tuple[OpdRow, ...]:
    """F. the OPD table, the OPD with the most cases first (no OPD last among equals)."""
    names = monthly.office_names(oid for oid in per_opd if oid is not None)
    rows = (
        OpdRow(
            opd=names.get(oid, NO_OPD) if oid else NO_OPD,
            received=v.received,
            finished=v.finished,
            in_process=v.in_process,
            not_followed_up=v.not_followed_up,
            avg_days=_mean(days_by_opd.get(oid, [])),
            median_days=_median(days_by_opd.get(oid, [])),
            overdue=v.overdue,
            escalated=v.escalated,
        )
        for oid, v in per_opd.items()
    )
    return tuple(sorted(rows, key=lambda r: (-r.received, r.opd == NO_OPD, r.opd)))


# ---------------------------------------------------------------- clocks in bulk

# The actions deadlines.clocks_for looks at; the others do not move a clock.
CLOCK_ACTIONS = tuple(
    a.value
    for a in (
        Action.DISPOSE,
        Action.REDISPOSE,
        Action.NOT_OURS,
        Action.APPROVE,
        Action.REPORTER_RESPONSE,
        Action.HOLD,
        Action.RESUME,
        Action.ACCEPT,
        Action.CLOSE,
        Action.AUTO_CLOSE,
        Action.ARCHIVE,
    )
)


@dataclass(frozen=True)
class _ClockedCase:
    history: history.History  # its clock actions
    facts: ClockFacts


def _clocked_cases(
    opd: uuid.UUID | None, start: datetime, end: datetime, timer: _Clocks
) -> Iterator[_ClockedCase]:
    """The cases in scope whose clocks may have moved in [start, end), with their facts:
    those received in it, then those received before it whose stored columns say
    something may have happened since (the history decides); two indexed history
    queries."""
    received = monthly.in_scope(opd, monthly.received_in(start, end))
    for cases in (received, monthly.moved_since(opd, start)):
        for h in history.histories(cases, actions=CLOCK_ACTIONS):
            yield _ClockedCase(h, timer.facts(h))


@dataclass(frozen=True)
class ClockFacts:
    """What the monthly rates need of a case's clocks (None: that clock has not ended)."""

    first_dispose: datetime | None
    first_approval: datetime | None
    last_approval: datetime | None
    verification_met: bool | None
    followup_met: bool | None
    escalation_met: bool | None


class _Clocks:
    """deadlines.clocks_for for many cases at once: the same fold (deadlines.spans_of);
    a case without a hold (no pauses) gets memoised due dates (sla.due_date: the same
    arithmetic, computed once per start day); a case with a hold goes through
    deadlines.clocks_from itself. The tests
    check both ways agree on every case of a generated database."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.cal = deadlines.calendar()
        self.rules: dict[str, RuleSet] = {}
        self.dues: dict[tuple[date, Limit], date] = {}
        self.spans: dict[tuple[date, date], int] = {}

    def rule_set(self, rs: str) -> RuleSet:
        rules = self.rules.get(rs)
        if rules is None:
            rules = self.rules[rs] = deadlines.rules_of(uuid.UUID(rs))
        return rules

    def due(self, start: datetime, limit: Limit) -> date:
        key = (start.date(), limit)
        d = self.dues.get(key)
        if d is None:
            d = self.dues[key] = due_date(start.date(), limit, self.cal)
        return d

    def working_days(self, a: date, b: date) -> int:
        n = self.spans.get((a, b))
        if n is None:
            n = self.spans[(a, b)] = self.cal.working_days_between(a, b)
        return n

    def facts(self, h: history.History) -> ClockFacts:
        received, rules = h.received, self.rule_set(h.rule_set)
        s = deadlines.spans_of((step.action, step.at) for step in h.steps)
        if s.pauses:
            return self._slow(received, rules, s)
        ver = esc = fol = None
        if s.first_dispose is not None:
            ver = s.first_dispose.date() <= self.due(received, rules.verification)
        if s.first_approval is not None:
            esc = s.first_approval.date() <= self.due(received, rules.escalation)
        if s.follow_start is not None:
            done = s.follow_done
            if done is not None:
                fol = done.date() <= self.due(s.follow_start, rules.follow_up)
        return ClockFacts(s.first_dispose, s.first_approval, s.last_approval, ver, fol, esc)

    def _slow(self, received: datetime, rules: RuleSet, s: deadlines.ClockSpans) -> ClockFacts:
        """A case with a hold: the clocks with their pauses, as deadlines computes them."""
        clocks = deadlines.clocks_from(received, s, rules, self.now)

        def met(clock: Clock) -> bool | None:
            st = clocks[clock]
            if st.done_at is None or st.state not in (ClockState.MET, ClockState.MISSED):
                return None
            return st.state is ClockState.MET

        return ClockFacts(
            s.first_dispose,
            s.first_approval,
            s.last_approval,
            met(Clock.VERIFICATION) if s.first_dispose else None,
            met(Clock.FOLLOW_UP),
            met(Clock.ESCALATION) if s.first_approval else None,
        )


def clock_facts(ctx: Ctx, ticket: str) -> ClockFacts:
    """One case's facts, through the bulk path (for tests and diagnostics)."""
    case = Complaint.get(Complaint.ticket == ticket)
    h = history.history_of(case.id, CLOCK_ACTIONS)
    if h is None:
        return ClockFacts(None, None, None, None, None, None)
    return _Clocks(ctx.clock.now()).facts(h)


def _overdue_at(opd: uuid.UUID | None, until: datetime, day: date) -> dict[uuid.UUID | None, int]:
    """Per OPD: the cases that, at `until`, were open before the answer with their stage's
    deadline before `day` — from each case's history up to `until`, not from today's
    columns (a case verified late after the month's end was still overdue at its end)."""
    candidates = monthly.open_at(opd, until, [*BEFORE_ANSWER, Status.TERTUNDA.value])
    timer = _Clocks(until - timedelta(seconds=1))
    out: dict[uuid.UUID | None, int] = defaultdict(int)
    for h in history.histories(candidates, before=until):
        due = _stage_due(h, timer)
        if due is not None and due < day:
            out[h.opd] += 1
    return out


_STAGES = frozenset(BEFORE_ANSWER)


def _stage_due(h: history.History, timer: _Clocks) -> date | None:
    """The due date of the stage the case was in at the end of its history `h` (None:
    past the answer, or that stage's clock had stopped)."""
    status = next((s.to_status for s in reversed(h.steps) if s.to_status), Status.DITERIMA.value)
    clock = deadlines.STAGE_CLOCK.get(Status(status)) if status in _STAGES else None
    if clock is None:
        return None
    rule = timer.rule_set(h.rule_set)
    if any(s.action == Action.HOLD.value for s in h.steps):  # paused: the full clocks
        st = deadlines.clocks_for(
            h.received, deadlines.ActionTimes(tuple(h.steps)), rule, timer.now
        )[clock]
        return st.due if st.done_at is None else None
    if clock is Clock.VERIFICATION:  # memoised due dates, as _Clocks.facts does
        disposed = any(s.action == Action.DISPOSE.value for s in h.steps)
        return None if disposed else timer.due(h.received, rule.verification)
    start = deadlines.spans_of((s.action, s.at) for s in h.steps).follow_start
    return timer.due(start, rule.follow_up) if start is not None else None


def _annex(m: _Month, days_of: dict[str, int]) -> tuple[AnnexRow, ...]:
    return tuple(
        AnnexRow(
            opd=r.opd_name or NO_OPD,
            ticket=r.ticket,
            received=r.received_at.date(),
            klasifikasi=KLASIFIKASI_LABELS.get(r.klasifikasi, r.klasifikasi),
            category=r.category_name or "-",
            title=SECRET_TITLE if r.rahasia else r.title,
            status=Status(r.status).label,
            days=days_of.get(r.id.hex),
        )
        for r in monthly.annex(m.opd, m.start, m.end)
    )


def _signatory(office: Office) -> Signatory | None:
    head = monthly.head_of(office.id, Role.OPD_HEAD.value)
    if head is None:
        return None
    return Signatory(jabatan=f"Kepala {office.name} Kabupaten Kampar", name=head.full_name)


def monthly_pdf(
    ctx: Ctx,
    year: int,
    month: int,
    opd_code: str | None = None,
    *,
    kendala: str = "",
    upaya: str = "",
) -> bytes:
    """The monthly summary as PDF, on the letterhead of the regency office (or the OPD),
    signed by its head as in the templates (or the OPD's head user)."""
    data = monthly_summary(ctx, year, month, opd_code, kendala=kendala, upaya=upaya)
    office = Office.get(Office.code == data.office_code)
    fallback = _signatory(office)
    templates = templates_for(
        [data.office_code], {data.office_code: fallback} if fallback else None
    )
    return pdf.render_monthly(data, templates)


def monthly_summary_office(ctx: Ctx, opd_code: str | None = None) -> str:
    """The office whose kop and signer the monthly summary of this scope prints: the
    OPD's (an OPD user's own, or the one asked for), else the regency office's."""
    return str((_scope(ctx, opd_code) or regency_office()).code)


def monthly_xlsx(ctx: Ctx, year: int, month: int, opd_code: str | None = None) -> bytes:
    """The monthly summary's tables as an XLSX workbook (same numbers as the PDF)."""
    from lapor_desktop.pdf.monthly_workbook import monthly_xlsx as build

    data = monthly_summary(ctx, year, month, opd_code)
    return build(data, templates_for([data.office_code]))

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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from peewee import JOIN, fn

from lapor_desktop import pdf
from lapor_desktop.db.models import (
    CaseAction,
    Category,
    Complaint,
    Office,
    User,
    database_proxy,
)
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
from lapor_desktop.services.scope import visible_condition
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
    visible_condition(s)  # refuses roles without casework
    if not periods:
        return ()
    if any(a >= b for a, b in periods):
        raise ValidationError("Periode harus berakhir setelah awalnya.", "period")
    scoped = _scoper(s.office_id if s.is_opd else None)
    tallies = [_Period(_midnight(a), _midnight(b)) for a, b in periods]
    start = min(t.start for t in tallies)
    end = max(t.end for t in tallies)
    for c in _clocked_cases(scoped, start, end, _Clocks(ctx.clock.now())):
        for t in tallies:
            t.add(c.received, c.facts)
    return tuple(
        PeriodRates(t.start.date(), t.end.date(), t.cohort.frozen(), t.activity.frozen())
        for t in tallies
    )


def _scoper(opd_id: uuid.UUID | None) -> Callable[..., Any]:
    """`scoped(*conds)`: the conditions ANDed, within the scope (all cases, or those
    currently dispositioned to one OPD)."""

    def scoped(*conds: Any) -> Any:
        out = Complaint.opd == opd_id if opd_id else None
        for c in conds:
            out = c if out is None else (out & c)
        return out

    return scoped


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
    now = ctx.clock.now()
    start = _month_start(year, month)
    end = _month_start(*_add_months(year, month, 1))
    last_day = (end - timedelta(days=1)).date()
    ref_day = min(now.date(), last_day)

    scoped = _scoper(opd.id if opd else None)

    def received_between(a: datetime, b: datetime) -> Any:
        return (Complaint.received_at >= a) & (Complaint.received_at < b)

    cohort = scoped(received_between(start, end))

    def count(cond: Any) -> int:
        return int(Complaint.select(fn.COUNT(Complaint.id)).where(cond).scalar() or 0)

    def grouped(column: Any) -> dict[Any, int]:
        rows: Any = (
            Complaint.select(column, fn.COUNT(Complaint.id)).where(cohort).group_by(column).tuples()
        )
        return {k: int(n) for k, n in rows}

    received = count(cohort)
    prev = _month_start(*_add_months(year, month, -1))
    received_last = count(scoped(received_between(prev, start)))
    ytd = count(scoped(received_between(datetime(year, 1, 1), end)))

    # B. status buckets and F. per OPD: each cohort case's status at the month's end
    # (today's status unless an action since changed it: its from_status says)
    until = min(now, end)
    then = _status_then(cohort, until)
    cohort_rows: Any = Complaint.select(Complaint.id, Complaint.opd, Complaint.status).where(cohort)
    buckets = dict.fromkeys(BUCKETS, 0)
    per_opd: dict[uuid.UUID | None, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for cid, oid, status in cohort_rows.tuples():
        status = then.get(cid, status)
        buckets[Status(status).lapor_bucket] += 1
        row = per_opd[oid]
        row[0] += 1
        row[1] += status in FINISHED
        row[2] += status in IN_PROCESS
        row[3] += status in NOT_FOLLOWED_UP
    by_status = tuple(CountRow(label, n) for label, n in buckets.items())

    # C. klasifikasi (all three), D. channel, E. top categories
    kl = grouped(Complaint.klasifikasi)
    by_klasifikasi = tuple(CountRow(KLASIFIKASI_LABELS[k], kl.pop(k, 0)) for k in KLASIFIKASI)
    by_klasifikasi += tuple(CountRow(str(k), n) for k, n in sorted(kl.items()))
    ch = grouped(Complaint.channel)
    by_channel = tuple(
        CountRow(CHANNEL_LABELS.get(k, k), n)
        for k, n in sorted(ch.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    cat_rows: Any = (
        Complaint.select(Category.name, fn.COUNT(Complaint.id).alias("n"))
        .join(Category, JOIN.LEFT_OUTER, on=(Complaint.category == Category.code))
        .where(cohort)
        .group_by(Category.name)
        .order_by(fn.COUNT(Complaint.id).desc(), Category.name)
        .tuples()
    )
    cats = [(name or NO_CATEGORY, int(n)) for name, n in cat_rows]
    by_category = tuple(CountRow(n, c) for n, c in cats[:TOP_CATEGORIES])
    if len(cats) > TOP_CATEGORIES:
        rest = cats[TOP_CATEGORIES:]
        # "(… kategori lain)": no category name starts with a parenthesis
        by_category += (CountRow(f"({len(rest)} kategori lain)", sum(c for _, c in rest)),)

    # I. overdue as of the month's end (or now, for the running month), from each
    # candidate's history up to then; escalated: flagged during the month.
    for oid, n in _overdue_at(scoped, until, ref_day).items():
        per_opd[oid][4] = n
    esc_rows: Any = (
        Complaint.select(Complaint.opd, fn.COUNT(Complaint.id))
        .where(scoped((Complaint.escalated_at >= start) & (Complaint.escalated_at < end)))
        .group_by(Complaint.opd)
        .tuples()
    )
    for oid, esc_n in esc_rows:
        per_opd[oid][5] = int(esc_n or 0)
    for oid in [k for k, v in per_opd.items() if not any(v)]:
        del per_opd[oid]

    # G, H, J: the clocks of the cohort and of the month's activity, in one pass.
    period = _Period(start, end)
    days_by_opd: dict[uuid.UUID | None, list[int]] = defaultdict(list)
    days_of: dict[str, int] = {}
    timer = _Clocks(now)
    reopen_events = reopened_cases = 0
    for c in _clocked_cases(scoped, start, end, timer):
        period.add(c.received, c.facts)
        reopens = sum(
            1 for a, at in c.rows if a == Action.REPORTER_RESPONSE.value and start <= at < end
        )
        reopen_events += reopens
        reopened_cases += reopens > 0
        if (
            c.facts.first_approval is not None
            and c.facts.first_approval < end
            and period.holds(c.received)
        ):
            days = timer.working_days(c.received.date(), c.facts.first_approval.date())
            days_by_opd[_uuid(c.opd_id)].append(days)
            days_of[c.id] = days

    # names of the OPDs in the table
    ids = [oid for oid in per_opd if oid is not None]
    names = {o.id: o.name for o in Office.select().where(Office.id.in_(ids))} if ids else {}
    by_opd = tuple(
        sorted(
            (
                OpdRow(
                    opd=names.get(oid, NO_OPD) if oid else NO_OPD,
                    received=v[0],
                    finished=v[1],
                    in_process=v[2],
                    not_followed_up=v[3],
                    avg_days=_mean(days_by_opd.get(oid, [])),
                    median_days=_median(days_by_opd.get(oid, [])),
                    overdue=v[4],
                    escalated=v[5],
                )
                for oid, v in per_opd.items()
            ),
            key=lambda r: (-r.received, r.opd == NO_OPD, r.opd),
        )
    )
    all_days = [d for v in days_by_opd.values() for d in v]

    # 12-month trend (one indexed range count per month)
    trend = []
    for back in range(11, -1, -1):
        y, m = _add_months(year, month, -back)
        a = _month_start(y, m)
        b = _month_start(*_add_months(y, m, 1))
        trend.append(MonthCount(y, m, count(scoped(received_between(a, b)))))

    annex_rows = _annex(cohort, days_of) if annex else ()
    office = opd or regency_office()
    return MonthlySummary(
        office_code=office.code,
        year=year,
        month=month,
        received_this_month=received,
        received_last_month=received_last,
        received_year_to_date=ytd,
        by_status=by_status,
        by_klasifikasi=by_klasifikasi,
        by_channel=by_channel,
        by_category=by_category,
        by_opd=by_opd,
        cohort_rates=period.cohort.frozen(),
        activity_rates=period.activity.frozen(),
        avg_days_to_finish=_mean(all_days),
        median_days_to_finish=_median(all_days),
        overdue=sum(v[4] for v in per_opd.values()),
        escalated=sum(v[5] for v in per_opd.values()),
        reopened_cases=reopened_cases,
        reopen_events=reopen_events,
        trend=tuple(trend),
        opd_scope=opd.name if opd else "",
        kendala=kendala,
        upaya=upaya,
        annex=annex_rows,
        date=now.date(),
        as_of=ref_day,
    )


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


def _dt(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


def _histories(cond: Any) -> Iterator[tuple[str, datetime, str, Any, list[tuple[str, datetime]]]]:
    """(case id, received, rule set id, opd id, [(action, at)…]) of the cases matching
    `cond` that have a clock action, from one query (raw rows: no model objects)."""
    # Driven by the matching case ids (an index range on complaint), then the history
    # of each through the case_action(complaint_id) index; never a scan of case_action.
    ids = Complaint.select(Complaint.id).where(cond)
    q = (
        CaseAction.select(
            Complaint.id,
            Complaint.received_at,
            Complaint.rule_set,
            Complaint.opd,
            CaseAction.action,
            CaseAction.at,
        )
        .join(Complaint, on=(CaseAction.complaint == Complaint.id))
        .where(CaseAction.complaint.in_(ids) & CaseAction.action.in_(list(CLOCK_ACTIONS)))
        .order_by(CaseAction.complaint, CaseAction.seq)
    )
    sql, params = q.sql()
    cursor = database_proxy.execute_sql(sql, params)
    current: Any = None
    rows: list[tuple[str, datetime]] = []
    head: tuple[Any, Any, Any] = (None, None, None)
    for cid, rec, rs, oid, action, at in cursor:
        if cid != current:
            if current is not None:
                yield str(current), _dt(head[0]), str(head[1]), head[2], rows
            current, head, rows = cid, (rec, rs, oid), []
        rows.append((str(action), _dt(at)))
    if current is not None:
        yield str(current), _dt(head[0]), str(head[1]), head[2], rows


@dataclass(frozen=True)
class _ClockedCase:
    id: str
    received: datetime
    opd_id: Any
    rows: list[tuple[str, datetime]]
    facts: ClockFacts


def _clocked_cases(
    scoped: Callable[..., Any], start: datetime, end: datetime, timer: _Clocks
) -> Iterator[_ClockedCase]:
    """The cases in scope whose clocks may have moved in [start, end), with their facts:
    those received in it, then those received before it whose stored columns say
    something may have happened since (the history decides); two indexed history
    queries."""
    received = scoped((Complaint.received_at >= start) & (Complaint.received_at < end))
    earlier = scoped(
        Complaint.received_at < start,
        (Complaint.disposed_at >= start)
        | (Complaint.answered_at >= start)
        | (Complaint.reopen_count > 0),
    )
    for cond in (received, earlier):
        for cid, rec, rs, oid, rows in _histories(cond):
            yield _ClockedCase(cid, rec, oid, rows, timer.facts(rec, rs, rows))


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

    def facts(self, received: datetime, rs: str, rows: list[tuple[str, datetime]]) -> ClockFacts:
        rules = self.rule_set(rs)
        s = deadlines.spans_of(rows)
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
    for _cid, rec, rs, _oid, rows in _histories(Complaint.id == case.id):
        return _Clocks(ctx.clock.now()).facts(rec, rs, rows)
    return ClockFacts(None, None, None, None, None, None)


def _status_then(cohort: Any, until: datetime) -> dict[Any, str]:
    """The status at `until` of the `cohort` cases an action has changed since (the
    from_status of the first such action); the others still have it today."""
    ids = Complaint.select(Complaint.id).where(cohort)
    rows: Any = (
        CaseAction.select(CaseAction.complaint, CaseAction.from_status)
        .where(
            CaseAction.complaint.in_(ids)
            & (CaseAction.at >= until)
            & CaseAction.from_status.is_null(False)
            & (CaseAction.from_status != "")
        )
        .order_by(CaseAction.complaint, CaseAction.seq)
        .tuples()
    )
    out: dict[Any, str] = {}
    for cid, status in rows:
        out.setdefault(cid, str(status))
    return out


def _overdue_at(
    scoped: Callable[..., Any], until: datetime, day: date
) -> dict[uuid.UUID | None, int]:
    """Per OPD: the cases that, at `until`, were open before the answer with their stage's
    deadline before `day` — from each case's history up to `until`, not from today's
    columns (a case verified late after the month's end was still overdue at its end).

    Candidates: received before `until`, and open now, or answered since, or closed since
    without an answer (or after a reopening): a case answered before `until` and not
    reopened was past its stages then."""
    cond = scoped(
        Complaint.received_at < until,
        Complaint.status.in_([*BEFORE_ANSWER, Status.TERTUNDA.value])
        | (Complaint.answered_at >= until)
        | (
            (Complaint.closed_at >= until)
            & (Complaint.answered_at.is_null() | (Complaint.reopen_count > 0))
        ),
    )
    ids = Complaint.select(Complaint.id).where(cond)
    q = (
        CaseAction.select(
            Complaint.id,
            Complaint.received_at,
            Complaint.rule_set,
            Complaint.opd,
            CaseAction.action,
            CaseAction.to_status,
            CaseAction.at,
        )
        .join(Complaint, on=(CaseAction.complaint == Complaint.id))
        .where(CaseAction.complaint.in_(ids) & (CaseAction.at < until))
        .order_by(CaseAction.complaint, CaseAction.seq)
    )
    sql, params = q.sql()
    grouped: dict[Any, tuple[Any, Any, Any, list[tuple[str, str, datetime]]]] = {}
    for cid, rec, rs, oid, action, to, at in database_proxy.execute_sql(sql, params):
        grouped.setdefault(cid, (rec, rs, oid, []))[3].append((str(action), str(to or ""), _dt(at)))
    timer = _Clocks(until - timedelta(seconds=1))
    out: dict[uuid.UUID | None, int] = defaultdict(int)
    stages = set(BEFORE_ANSWER)
    for rec, rs, oid, rows in grouped.values():
        status = next((to for _a, to, _at in reversed(rows) if to), Status.DITERIMA.value)
        clock = deadlines.STAGE_CLOCK.get(Status(status)) if status in stages else None
        if clock is None:
            continue
        received, rule = _dt(rec), timer.rule_set(str(rs))
        due: date | None
        if any(a == Action.HOLD.value for a, _to, _at in rows):  # paused: the full clocks
            st = deadlines.clocks_for(
                received, deadlines.ActionTimes(tuple(rows)), rule, timer.now
            )[clock]
            due = st.due if st.done_at is None else None
        elif clock is Clock.VERIFICATION:  # memoised due dates, as _Clocks.facts does
            disposed = any(a == Action.DISPOSE.value for a, _to, _at in rows)
            due = None if disposed else timer.due(received, rule.verification)
        else:
            start = deadlines.spans_of((a, at) for a, _to, at in rows).follow_start
            due = timer.due(start, rule.follow_up) if start is not None else None
        if due is not None and due < day:
            out[_uuid(oid)] += 1
    return out


def _annex(cohort: Any, days_of: dict[str, int]) -> tuple[AnnexRow, ...]:
    rows: Any = (
        Complaint.select(
            Complaint.id,
            Office.name,
            Complaint.ticket,
            Complaint.received_at,
            Complaint.klasifikasi,
            Category.name,
            Complaint.title,
            Complaint.rahasia,
            Complaint.status,
        )
        .join(Office, JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
        .switch(Complaint)
        .join(Category, JOIN.LEFT_OUTER, on=(Complaint.category == Category.code))
        .where(cohort)
        .order_by(Office.name, Complaint.received_at, Complaint.num)
        .tuples()
    )
    return tuple(
        AnnexRow(
            opd=opd or NO_OPD,
            ticket=ticket,
            received=received.date(),
            klasifikasi=KLASIFIKASI_LABELS.get(kl, kl),
            category=cat or "-",
            title=SECRET_TITLE if rahasia else title,
            status=Status(status).label,
            days=days_of.get(cid.hex),
        )
        for cid, opd, ticket, received, kl, cat, title, rahasia, status in rows
    )


def _signatory(office: Office) -> Signatory | None:
    head = (
        User.select()
        .where((User.office == office.id) & (User.role == Role.OPD_HEAD.value) & User.active)
        .order_by(User.created_at)
        .first()
    )
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

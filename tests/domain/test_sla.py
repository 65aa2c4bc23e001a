from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapor_desktop.domain.calendar import WorkCalendar, kampar_calendar
from lapor_desktop.domain.sla import (
    CLOCK_LABELS,
    STATE_LABELS,
    CaseTimes,
    Clock,
    ClockState,
    ClockStatus,
    DayKind,
    Limit,
    RuleSet,
    compute_deadlines,
    due_date,
    working_days_left,
)

RULES = RuleSet()
PLAIN = WorkCalendar()  # Mon–Fri, no holidays
RECEIVED = datetime(2026, 5, 4, 9, 0)  # Monday
V = Clock.VERIFICATION
F = Clock.FOLLOW_UP
E = Clock.ESCALATION
R = Clock.REPLY


def at(d: date, hour: int = 10) -> datetime:
    return datetime.combine(d, time(hour))


def compute(times: CaseTimes, now: datetime, cal: WorkCalendar = PLAIN) -> dict[Clock, ClockStatus]:
    return compute_deadlines(times, RULES, cal, now)


@pytest.fixture(scope="module")
def kampar() -> WorkCalendar:
    return kampar_calendar([2026])


def test_defaults_and_labels() -> None:
    assert RULES.name == "SOP Kampar 067-175/1/2023"
    assert RULES.effective_from == date(2023, 1, 1)
    assert RULES.verification == Limit(5, DayKind.WORKING)
    assert RULES.follow_up == Limit(10, DayKind.WORKING)
    assert RULES.escalation == Limit(60, DayKind.CALENDAR)
    assert RULES.reply == Limit(10, DayKind.WORKING)
    assert RULES.limit(Clock.ESCALATION) is RULES.escalation
    assert CLOCK_LABELS[Clock.ESCALATION] == "Eskalasi Ombudsman"
    assert STATE_LABELS[ClockState.MISSED] == "Terlambat selesai"
    assert set(CLOCK_LABELS) == set(Clock)
    assert set(STATE_LABELS) == set(ClockState)
    assert Limit(3, "calendar").kind is DayKind.CALENDAR  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Limit(-1, DayKind.WORKING)


def test_fresh_case() -> None:
    s = compute(CaseTimes(received=RECEIVED), at(date(2026, 5, 5)))
    assert s[V] == ClockStatus(V, date(2026, 5, 11), ClockState.RUNNING, None)
    assert s[F] == ClockStatus(F, None, None, None)
    assert s[E] == ClockStatus(E, date(2026, 7, 3), ClockState.RUNNING, None)
    assert s[R] == ClockStatus(R, None, None, None)
    assert s[V].label == "Verifikasi"
    assert s[V].state_label == "Berjalan"
    assert s[F].state_label is None


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 5, 4), ClockState.RUNNING),
        (date(2026, 5, 6), ClockState.RUNNING),  # 3 working days left
        (date(2026, 5, 7), ClockState.DUE_SOON),  # 2 left (Fri, Mon)
        (date(2026, 5, 8), ClockState.DUE_SOON),
        (date(2026, 5, 9), ClockState.DUE_SOON),  # Saturday, 1 left
        (date(2026, 5, 11), ClockState.DUE_TODAY),
        (date(2026, 5, 12), ClockState.OVERDUE),
        (date(2026, 6, 12), ClockState.OVERDUE),
    ],
)
def test_running_states(today: date, state: ClockState) -> None:
    s = compute(CaseTimes(received=RECEIVED), at(today, 16))
    assert s[V].due == date(2026, 5, 11)
    assert s[V].state is state


def test_escalation_states() -> None:
    times = CaseTimes(received=RECEIVED, disposed=at(date(2026, 5, 6)))
    assert compute(times, at(date(2026, 7, 3)))[E].state is ClockState.DUE_TODAY
    assert compute(times, at(date(2026, 7, 4)))[E].state is ClockState.OVERDUE
    assert compute(times, at(date(2026, 7, 1)))[E].state is ClockState.DUE_SOON
    assert compute(times, at(date(2026, 6, 29)))[E].state is ClockState.RUNNING


def test_met_and_missed() -> None:
    on_time = CaseTimes(received=RECEIVED, disposed=datetime(2026, 5, 11, 23, 59))
    s = compute(on_time, at(date(2026, 5, 20)))
    assert s[V] == ClockStatus(V, date(2026, 5, 11), ClockState.MET, on_time.disposed)
    # follow-up now runs from the disposition: 10 working days after Mon 11 May
    assert s[F].due == date(2026, 5, 25)
    assert s[F].state is ClockState.RUNNING

    late = CaseTimes(received=RECEIVED, disposed=datetime(2026, 5, 12, 0, 1))
    assert compute(late, at(date(2026, 5, 20)))[V].state is ClockState.MISSED

    answered_on_time = CaseTimes(
        received=RECEIVED, disposed=at(date(2026, 5, 11)), answered=at(date(2026, 5, 25), 17)
    )
    s = compute(answered_on_time, at(date(2026, 5, 26)))
    assert s[F] == ClockStatus(F, date(2026, 5, 25), ClockState.MET, at(date(2026, 5, 25), 17))
    assert s[E].state is ClockState.MET
    assert s[R] == ClockStatus(R, date(2026, 6, 8), ClockState.RUNNING, None)

    answered_late = CaseTimes(
        received=RECEIVED, disposed=at(date(2026, 5, 11)), answered=at(date(2026, 7, 6))
    )
    s = compute(answered_late, at(date(2026, 7, 7)))
    assert s[F].state is ClockState.MISSED
    assert s[E] == ClockStatus(E, date(2026, 7, 3), ClockState.MISSED, at(date(2026, 7, 6)))


def test_reply_window() -> None:
    times = CaseTimes(
        received=RECEIVED, disposed=at(date(2026, 5, 5)), answered=at(date(2026, 5, 25))
    )
    assert compute(times, at(date(2026, 6, 8)))[R].state is ClockState.DUE_TODAY
    assert compute(times, at(date(2026, 6, 9)))[R].state is ClockState.OVERDUE
    closed = CaseTimes(
        received=RECEIVED,
        disposed=at(date(2026, 5, 5)),
        answered=at(date(2026, 5, 25)),
        closed=at(date(2026, 6, 8), 23),
    )
    assert compute(closed, at(date(2026, 7, 1)))[R] == ClockStatus(
        R, date(2026, 6, 8), ClockState.MET, at(date(2026, 6, 8), 23)
    )


def test_closed_stops_running_clocks() -> None:
    archived = CaseTimes(received=RECEIVED, closed=at(date(2026, 5, 20)))
    s = compute(archived, at(date(2026, 9, 1)))
    assert s[V] == ClockStatus(V, date(2026, 5, 11), ClockState.MISSED, at(date(2026, 5, 20)))
    assert s[F] == ClockStatus(F, None, None, None)
    assert s[E] == ClockStatus(E, date(2026, 7, 3), ClockState.MET, at(date(2026, 5, 20)))
    assert s[R] == ClockStatus(R, None, None, None)


def test_closed_pause_extends_running_clocks() -> None:
    # On hold Tue 10:00 -> Thu 16:00: Wed and Thu given back (2 working / 2 calendar days).
    times = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 5)), at(date(2026, 5, 7), 16)),))
    s = compute(times, at(date(2026, 5, 8)))
    assert s[V].due == date(2026, 5, 13)
    assert s[V].state is ClockState.RUNNING  # 3 working days left (11, 12, 13)
    assert s[E].due == date(2026, 7, 5)
    # A same-day hold costs nothing.
    same_day = CaseTimes(
        received=RECEIVED, paused=((at(date(2026, 5, 5), 9), at(date(2026, 5, 5), 15)),)
    )
    assert compute(same_day, at(date(2026, 5, 8)))[V].due == date(2026, 5, 11)


def test_pause_over_a_weekend_counts_working_days_only() -> None:
    # Fri 8 -> Tue 12 May: Mon and Tue are given back to working clocks, 4 days to calendar.
    times = CaseTimes(
        received=RECEIVED,
        paused=(
            (
                at(date(2026, 5, 8)),
                at(date(2026, 5, 12)),
            ),
        ),
    )
    s = compute(times, at(date(2026, 5, 12), 16))
    assert s[V].due == date(2026, 5, 13)
    assert s[E].due == date(2026, 7, 7)


def test_open_pause_freezes_the_clock() -> None:
    times = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 5)), None),))
    # Saturday 16 May, long past the original due date 11 May: still not overdue.
    s = compute(times, at(date(2026, 5, 16)))
    # given back: Wed 6 .. Mon 18 (next working day) = 9 working days -> 11 May + 9 = 22 May
    assert s[V].due == date(2026, 5, 22)
    assert s[V].state is ClockState.RUNNING
    assert s[E].due == date(2026, 7, 14)
    assert s[E].state is ClockState.RUNNING


def test_pause_on_the_due_day_neither_due_today_nor_overdue() -> None:
    times = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 11), 10), None),))
    s = compute(times, at(date(2026, 5, 11), 12))
    assert s[V].due == date(2026, 5, 11)
    assert s[V].state is ClockState.RUNNING
    s = compute(times, at(date(2026, 5, 16)))  # Saturday, still on hold
    assert s[V].due == date(2026, 5, 18)
    assert s[V].state is ClockState.RUNNING
    # resumed Monday morning: the day it was paused on is what is left
    resumed = CaseTimes(
        received=RECEIVED, paused=((at(date(2026, 5, 11), 10), at(date(2026, 5, 18), 9)),)
    )
    s = compute(resumed, at(date(2026, 5, 18), 11))
    assert s[V].due == date(2026, 5, 18)
    assert s[V].state is ClockState.DUE_TODAY
    assert compute(resumed, at(date(2026, 5, 19)))[V].state is ClockState.OVERDUE


def test_pause_while_overdue_stays_overdue() -> None:
    # Due Mon 11 May; put on hold Wed 13 May: the due date does not move.
    times = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 13)), None),))
    s = compute(times, at(date(2026, 5, 15)))
    assert s[V].due == date(2026, 5, 11)
    assert s[V].state is ClockState.OVERDUE
    resumed = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 13)), at(date(2026, 5, 20))),))
    assert compute(resumed, at(date(2026, 5, 21)))[V].due == date(2026, 5, 11)


def test_hold_on_the_weekend_after_a_friday_due_date() -> None:
    # Received Sun 20 Sep 2026 -> due Fri 25 Sep; on hold from Sat 26 Sep: already overdue.
    received = datetime(2026, 9, 20, 8)
    times = CaseTimes(received=received, paused=((at(date(2026, 9, 26), 1), None),))
    s = compute(times, at(date(2026, 9, 27)))
    assert s[V] == ClockStatus(V, date(2026, 9, 25), ClockState.OVERDUE, None)
    # but a hold begun on the due day itself keeps the clock alive over the weekend
    times = CaseTimes(received=received, paused=((at(date(2026, 9, 25), 15), None),))
    s = compute(times, at(date(2026, 9, 27)))
    assert s[V] == ClockStatus(V, date(2026, 9, 28), ClockState.RUNNING, None)


def test_pause_only_affects_clocks_running_during_it() -> None:
    times = CaseTimes(
        received=RECEIVED,
        disposed=at(date(2026, 5, 6)),
        paused=(
            (
                at(date(2026, 5, 7)),
                at(date(2026, 5, 12)),
            ),
        ),
    )
    s = compute(times, at(date(2026, 5, 13)))
    assert s[V] == ClockStatus(V, date(2026, 5, 11), ClockState.MET, at(date(2026, 5, 6)))
    assert s[E].due == date(2026, 7, 8)  # +5 calendar days
    # follow-up started 6 May: Thu 7 is its start side, 8, 11, 12 are given back (3)
    assert s[F].due == due_date(date(2026, 5, 6), RULES.follow_up, PLAIN, 3)
    assert s[F].due == date(2026, 5, 25)


def test_pause_clipped_to_the_clock_and_merged() -> None:
    # Starts before receipt (bad data) -> only the part after receipt counts.
    early = CaseTimes(
        received=RECEIVED,
        paused=(
            (
                at(date(2026, 5, 1)),
                at(date(2026, 5, 6)),
            ),
        ),
    )
    assert compute(early, at(date(2026, 5, 7)))[V].due == date(2026, 5, 13)
    # Overlapping holds are not counted twice: 5->8 May = 3 working days.
    overlapping = CaseTimes(
        received=RECEIVED,
        paused=(
            (at(date(2026, 5, 5)), at(date(2026, 5, 7))),
            (at(date(2026, 5, 6)), at(date(2026, 5, 8))),
        ),
    )
    assert compute(overlapping, at(date(2026, 5, 8), 16))[V].due == date(2026, 5, 14)
    # Two separate holds add up.
    two = CaseTimes(
        received=RECEIVED,
        paused=(
            (at(date(2026, 5, 5)), at(date(2026, 5, 6))),
            (at(date(2026, 5, 7)), at(date(2026, 5, 8))),
        ),
    )
    assert compute(two, at(date(2026, 5, 8), 16))[V].due == date(2026, 5, 13)
    # A hold that has not begun yet does nothing.
    future = CaseTimes(received=RECEIVED, paused=((at(date(2026, 5, 20)), None),))
    assert compute(future, at(date(2026, 5, 7)))[V] == ClockStatus(
        V, date(2026, 5, 11), ClockState.DUE_SOON, None
    )


def test_lebaran_2026(kampar: WorkCalendar) -> None:
    times = CaseTimes(received=datetime(2026, 3, 17, 14, 30))
    s = compute(times, at(date(2026, 3, 20)), kampar)
    assert s[V].due == date(2026, 3, 31)  # 25, 26, 27, 30, 31 March
    assert s[V].state is ClockState.RUNNING
    assert compute(times, at(date(2026, 3, 27)), kampar)[V].state is ClockState.DUE_SOON
    assert compute(times, at(date(2026, 3, 26)), kampar)[V].state is ClockState.RUNNING
    # escalation ignores holidays: 17 March + 60 days
    assert s[E].due == date(2026, 5, 16)
    # disposed on 31 March: met; follow-up runs 10 working days past Lebaran (3 April is
    # Good Friday): 1, 2, 6, 7, 8, 9, 10, 13, 14, 15 April
    done = CaseTimes(received=times.received, disposed=at(date(2026, 3, 31)))
    s = compute(done, at(date(2026, 4, 1)), kampar)
    assert s[V].state is ClockState.MET
    assert s[F].due == date(2026, 4, 15)


def test_working_days_left() -> None:
    assert working_days_left(date(2026, 5, 11), date(2026, 5, 7), PLAIN) == 2
    assert working_days_left(date(2026, 5, 11), date(2026, 5, 11), PLAIN) == 0
    assert working_days_left(date(2026, 5, 11), date(2026, 5, 13), PLAIN) == -2


def test_custom_rule_set() -> None:
    rules = RuleSet(name="uji", verification=Limit(3, DayKind.CALENDAR))
    s = compute_deadlines(CaseTimes(received=RECEIVED), rules, PLAIN, at(date(2026, 5, 5)))
    assert s[V].due == date(2026, 5, 7)


# --- properties ----------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31))


@given(moments, st.integers(0, 120), st.booleans())
def test_state_matches_definition(
    kampar: WorkCalendar, received: datetime, minutes_days: int, ended: bool
) -> None:
    later = received + timedelta(days=minutes_days, hours=3)
    times = CaseTimes(received=received, disposed=later if ended else None)
    s = compute(times, later + timedelta(days=1), kampar)[V]
    assert s.due is not None
    assert kampar.is_working_day(s.due)
    assert kampar.working_days_between(received.date(), s.due) == 5
    if ended:
        assert s.done_at == later
        assert s.state is (ClockState.MET if later.date() <= s.due else ClockState.MISSED)
    else:
        today = later.date() + timedelta(days=1)
        left = kampar.working_days_between(today, s.due)
        expected = (
            ClockState.OVERDUE
            if today > s.due
            else ClockState.DUE_TODAY
            if today == s.due
            else ClockState.DUE_SOON
            if left <= 2
            else ClockState.RUNNING
        )
        assert s.state is expected


@given(moments, st.integers(0, 40), st.integers(0, 40), st.integers(0, 60))
def test_pauses_never_shorten_and_freeze(
    kampar: WorkCalendar, received: datetime, start_after: int, length: int, look: int
) -> None:
    base = compute(CaseTimes(received=received), received, kampar)
    pause_start = received + timedelta(days=start_after, hours=1)
    pause_end = pause_start + timedelta(days=length)
    now = pause_end + timedelta(days=look)
    closed_pause = CaseTimes(received=received, paused=((pause_start, pause_end),))
    s = compute(closed_pause, now, kampar)
    for clock in (V, E):
        base_due, due = base[clock].due, s[clock].due
        assert base_due is not None and due is not None
        assert due >= base_due
    # still on hold at `now`: a clock that was not overdue when the hold began is RUNNING
    open_pause = CaseTimes(received=received, paused=((pause_start, None),))
    s = compute(open_pause, now, kampar)
    for clock in (V, E):
        base_due, due = base[clock].due, s[clock].due
        assert base_due is not None and due is not None
        if pause_start.date() <= base_due:
            assert s[clock].state is ClockState.RUNNING
            assert due >= now.date()
        else:
            assert s[clock].state is ClockState.OVERDUE
            assert due == base_due

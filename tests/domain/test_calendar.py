from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapor_desktop.domain.calendar import HolidayOverride, WorkCalendar, kampar_calendar


@pytest.fixture(scope="module")
def kampar() -> WorkCalendar:
    return kampar_calendar([2025, 2026, 2027])


# What the installed `holidays` package says for Idul Fitri 1447 H (SKB 3 Menteri 2026):
# Nyepi Thu 19 March (cuti bersama Wed 18), Idul Fitri Sat 21 + Sun 22 March,
# cuti bersama Fri 20, Mon 23, Tue 24 March.
LEBARAN_2026 = {
    date(2026, 3, 18): "Cuti Bersama Hari Suci Nyepi",
    date(2026, 3, 19): "Hari Suci Nyepi",
    date(2026, 3, 20): "Cuti Bersama Hari Raya Idul Fitri",
    date(2026, 3, 21): "Hari Raya Idul Fitri",
    date(2026, 3, 22): "Hari kedua dari Hari Raya Idul Fitri",
    date(2026, 3, 23): "Cuti Bersama Hari Raya Idul Fitri",
    date(2026, 3, 24): "Cuti Bersama Hari Raya Idul Fitri",
}


def test_idul_fitri_2026_from_holidays_package(kampar: WorkCalendar) -> None:
    found = dict(kampar.holidays_between(date(2026, 3, 16), date(2026, 3, 27)))
    assert found == LEBARAN_2026
    off = [d for d in LEBARAN_2026 if not kampar.is_working_day(d)]
    assert off == sorted(LEBARAN_2026)
    assert kampar.is_working_day(date(2026, 3, 17))
    assert kampar.is_working_day(date(2026, 3, 25))


def test_verification_before_lebaran_is_pushed_past_the_holidays(kampar: WorkCalendar) -> None:
    # Received Tuesday 17 March 2026; the next working day is Wednesday 25 March.
    assert kampar.add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)
    assert kampar.add_working_days(date(2026, 3, 17), 5) == date(2026, 3, 31)
    assert kampar.working_days_between(date(2026, 3, 17), date(2026, 3, 31)) == 5
    # Without holidays it would have been Tuesday 24 March.
    assert WorkCalendar().add_working_days(date(2026, 3, 17), 5) == date(2026, 3, 24)


def test_other_2026_holidays(kampar: WorkCalendar) -> None:
    assert not kampar.is_working_day(date(2026, 1, 1))
    assert not kampar.is_working_day(date(2026, 8, 17))
    assert not kampar.is_working_day(date(2026, 12, 24))  # cuti bersama Natal
    assert not kampar.is_working_day(date(2026, 12, 25))
    assert kampar.is_working_day(date(2026, 12, 28))
    assert kampar.holiday_names[date(2026, 5, 15)] == "Cuti Bersama Kenaikan Yesus Kristus"


def test_public_only_would_miss_cuti_bersama() -> None:
    import holidays

    public = holidays.country_holidays("ID", years=2026, categories=("public",))
    assert date(2026, 3, 23) not in public
    assert date(2026, 3, 21) in public


def test_basic_arithmetic() -> None:
    cal = WorkCalendar()
    friday = date(2026, 5, 8)
    assert cal.add_working_days(friday, 0) == friday
    assert cal.add_working_days(friday, 1) == date(2026, 5, 11)
    assert cal.add_working_days(date(2026, 5, 9), 0) == date(2026, 5, 9)  # n=0: start itself
    assert cal.add_working_days(date(2026, 5, 9), 1) == date(2026, 5, 11)
    assert cal.add_working_days(friday, 5) == date(2026, 5, 15)
    assert cal.working_days_between(friday, date(2026, 5, 15)) == 5
    assert cal.working_days_between(date(2026, 5, 15), friday) == -5
    assert cal.working_days_between(friday, friday) == 0
    assert cal.working_days_between(friday, date(2026, 5, 10)) == 0  # only the weekend
    assert cal.add_calendar_days(friday, 60) == date(2026, 7, 7)
    with pytest.raises(ValueError):
        cal.add_working_days(friday, -1)


def test_explicit_holidays_and_weekend() -> None:
    cal = WorkCalendar(holidays=[date(2026, 5, 11)])
    assert not cal.is_working_day(date(2026, 5, 11))
    assert cal.add_working_days(date(2026, 5, 8), 1) == date(2026, 5, 12)
    assert cal.holiday_names == {date(2026, 5, 11): "Hari libur"}
    named = WorkCalendar(holidays={date(2026, 5, 11): "Libur"})
    assert named.holiday_name(date(2026, 5, 11)) == "Libur"
    six_day = WorkCalendar(weekend=(6,))
    assert six_day.is_working_day(date(2026, 5, 9))  # Saturday
    assert six_day.add_working_days(date(2026, 5, 8), 1) == date(2026, 5, 9)
    with pytest.raises(ValueError):
        WorkCalendar(weekend=range(7))
    with pytest.raises(ValueError):
        WorkCalendar(weekend=(7,))


def test_overrides() -> None:
    cal = kampar_calendar(
        [2026],
        [
            HolidayOverride(date(2026, 3, 24), "remove", "SK Bupati Kampar No. 100/2026"),
            HolidayOverride(date(2026, 3, 26), "add", "Hari Jadi Kabupaten Kampar"),
            HolidayOverride(date(2027, 1, 4), "add", "Libur daerah"),
            HolidayOverride(date(2026, 3, 21), "remove", "weekend stays weekend"),
        ],
    )
    assert cal.is_working_day(date(2026, 3, 24))
    assert not cal.is_working_day(date(2026, 3, 26))
    assert cal.holiday_names[date(2026, 3, 26)] == "Hari Jadi Kabupaten Kampar"
    assert not cal.is_working_day(date(2026, 3, 21))
    # 24 (1), 25 (2), 27 (3), 30 (4), 31 (5)
    assert cal.add_working_days(date(2026, 3, 17), 5) == date(2026, 3, 31)
    # Overrides reach lazily loaded years too.
    assert 2027 not in cal.loaded_years
    assert not cal.is_working_day(date(2027, 1, 4))
    assert 2027 in cal.loaded_years
    with pytest.raises(ValueError):
        HolidayOverride(date(2026, 1, 1), "maybe", "x")  # type: ignore[arg-type]


def test_static_calendar_overrides() -> None:
    cal = WorkCalendar(
        holidays=[date(2026, 5, 11)],
        overrides=[HolidayOverride(date(2026, 5, 11), "remove", "SK 1")],
    )
    assert cal.is_working_day(date(2026, 5, 11))


def test_lazy_years() -> None:
    cal = kampar_calendar([2026])
    assert cal.loaded_years == {2026}
    # 30 Dec 2026 + 5: 31 Dec, (1 Jan holiday), 4, (5 Jan 2027 Isra Mikraj), 6, 7, 8
    assert cal.add_working_days(date(2026, 12, 30), 5) == date(2027, 1, 8)
    assert 2027 in cal.loaded_years
    assert cal.working_days_between(date(2031, 1, 1), date(2031, 1, 2)) == 1
    assert 2031 in cal.loaded_years


def test_next_working_day(kampar: WorkCalendar) -> None:
    assert kampar.next_working_day(date(2026, 3, 18)) == date(2026, 3, 25)
    assert kampar.next_working_day(date(2026, 3, 25)) == date(2026, 3, 25)


# --- properties ----------------------------------------------------------------------------

days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@given(days, st.integers(min_value=1, max_value=80))
def test_add_lands_on_working_day_and_inverts(kampar: WorkCalendar, start: date, n: int) -> None:
    end = kampar.add_working_days(start, n)
    assert end > start
    assert kampar.is_working_day(end)
    assert kampar.working_days_between(start, end) == n
    # exactly n working days in (start, end], counted naively
    naive = sum(
        kampar.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )
    assert naive == n


@given(days, days)
def test_between_matches_naive_count(kampar: WorkCalendar, a: date, b: date) -> None:
    lo, hi = min(a, b), max(a, b)
    naive = sum(kampar.is_working_day(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    expected = naive if b >= a else -naive
    assert kampar.working_days_between(a, b) == expected


@given(days, days)
def test_between_then_add_round_trips(kampar: WorkCalendar, a: date, b: date) -> None:
    if b > a and kampar.is_working_day(b):
        assert kampar.add_working_days(a, kampar.working_days_between(a, b)) == b


@given(days, st.integers(0, 30), st.integers(0, 30))
def test_add_composes(kampar: WorkCalendar, start: date, m: int, n: int) -> None:
    if m > 0:
        assert kampar.add_working_days(kampar.add_working_days(start, m), n) == (
            kampar.add_working_days(start, m + n)
        )

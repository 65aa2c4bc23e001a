"""Working-day calendar (hari kerja) for deadline computation (DESIGN.md §2).

A working day is a weekday that is not in ``weekend`` (Python ``date.weekday()`` numbers,
default Saturday=5 and Sunday=6) and not a holiday. Holidays are national holidays and
*cuti bersama* (from the ``holidays`` package, ``ID``, categories public + government) plus
the admin's local overrides (``HolidayOverride``).

Day arithmetic convention (used by ``sla``): a period "starts" on ``start`` and the start
day itself never counts. ``add_working_days(start, n)`` is the n-th working day after
``start``; ``working_days_between(a, b)`` counts the working days ``d`` with ``a < d <= b``.

Year coverage: ``WorkCalendar`` built from an explicit holiday list knows only those
holidays. ``kampar_calendar`` builds a calendar with a *year loader*: the years given are
loaded up front, and any other year is loaded from the ``holidays`` package automatically
the first time a date in it is looked at (overrides are applied to it too), so a case
received in December with a deadline in January, or a test in 2031, just works. Loading is
guarded by a lock, so a calendar can be shared between threads.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

HOLIDAY_CATEGORIES: Final = ("public", "government")  # government = cuti bersama
DEFAULT_WEEKEND: Final = (5, 6)

YearLoader = Callable[[int], Mapping[date, str]]


@dataclass(frozen=True, slots=True)
class HolidayOverride:
    """A local change to the official holiday list, edited by the system admin.

    ``kind="add"`` makes ``day`` a non-working holiday (``reason`` is its name, e.g. a
    regional holiday); ``kind="remove"`` makes an official holiday a working day again
    (``reason`` should carry the decree number). "remove" does not turn a weekend day into a
    working day.
    """

    day: date
    kind: Literal["add", "remove"]
    reason: str

    def __post_init__(self) -> None:
        if self.kind not in ("add", "remove"):
            raise ValueError(f"HolidayOverride.kind must be 'add' or 'remove', not {self.kind!r}")


class WorkCalendar:
    """Working days: weekdays outside ``weekend`` that are not holidays.

    ``holidays`` may be any iterable of dates; if it is a mapping ``date -> name`` the names
    end up in ``holiday_names`` (otherwise the name is ``"Hari libur"``). ``year_loader`` and
    ``overrides`` are used by ``kampar_calendar`` to load years lazily (see module docs).
    """

    def __init__(
        self,
        holidays: Iterable[date] = (),
        weekend: Iterable[int] = DEFAULT_WEEKEND,
        *,
        year_loader: YearLoader | None = None,
        overrides: Iterable[HolidayOverride] = (),
        preload_years: Iterable[int] = (),
    ) -> None:
        self.weekend: frozenset[int] = frozenset(weekend)
        if not self.weekend <= set(range(7)):
            raise ValueError("weekend days must be date.weekday() numbers 0..6")
        if len(self.weekend) == 7:
            raise ValueError("a calendar needs at least one working weekday")
        self.holiday_names: dict[date, str] = {}
        if isinstance(holidays, Mapping):
            for day, name in holidays.items():
                self.holiday_names[day] = str(name)
        else:
            for day in holidays:
                self.holiday_names[day] = "Hari libur"
        self.overrides: tuple[HolidayOverride, ...] = tuple(overrides)
        self._year_loader = year_loader
        self._loaded_years: set[int] = set()
        self._lock = threading.Lock()
        self._sorted: list[date] | None = None  # non-working weekdays, sorted; cache
        if year_loader is None:
            self._apply_overrides(None)
        for year in preload_years:
            self._ensure_year(year)

    def __getstate__(self) -> dict[str, object]:
        # Picklable (demo generation hands its calendar to a second process); the lock
        # guards only this process's lazy year loading.
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # -- holiday bookkeeping ---------------------------------------------------------------

    def _apply_overrides(self, year: int | None) -> None:
        for override in self.overrides:
            if year is not None and override.day.year != year:
                continue
            if override.kind == "add":
                self.holiday_names[override.day] = override.reason
            else:
                self.holiday_names.pop(override.day, None)

    def _ensure_year(self, year: int) -> None:
        if self._year_loader is None or year in self._loaded_years:
            return
        with self._lock:
            if year in self._loaded_years:
                return
            for day, name in self._year_loader(year).items():
                self.holiday_names.setdefault(day, name)
            self._apply_overrides(year)
            self._loaded_years.add(year)
            self._sorted = None

    def _ensure_range(self, a: date, b: date) -> None:
        if self._year_loader is None:
            return
        lo, hi = min(a, b).year, max(a, b).year
        for year in range(lo, hi + 1):
            self._ensure_year(year)

    def _holiday_weekdays(self) -> list[date]:
        """Sorted holidays that fall on a (non-weekend) weekday — the ones that matter."""
        cached = self._sorted
        if cached is None:
            cached = sorted(d for d in self.holiday_names if d.weekday() not in self.weekend)
            self._sorted = cached
        return cached

    @property
    def loaded_years(self) -> frozenset[int]:
        return frozenset(self._loaded_years)

    def is_holiday(self, d: date) -> bool:
        self._ensure_year(d.year)
        return d in self.holiday_names

    def holiday_name(self, d: date) -> str | None:
        self._ensure_year(d.year)
        return self.holiday_names.get(d)

    def holidays_between(self, a: date, b: date) -> list[tuple[date, str]]:
        """Holidays (including those on weekends) with ``a <= d <= b``, sorted."""
        self._ensure_range(a, b)
        return sorted((d, n) for d, n in self.holiday_names.items() if a <= d <= b)

    # -- the arithmetic ---------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        if d.weekday() in self.weekend:
            return False
        self._ensure_year(d.year)
        return d not in self.holiday_names

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` never counts); ``n=0`` -> start."""
        if n < 0:
            raise ValueError("n must be >= 0")
        d = start
        remaining = n
        while remaining:
            d += timedelta(days=1)
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Number of working days ``d`` with ``a < d <= b``; the negative count if ``b < a``.

        ``add_working_days(a, working_days_between(a, b)) == b`` when ``b > a`` is a working
        day.
        """
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        self._ensure_range(a, b)
        first = a + timedelta(days=1)
        total_days = (b - first).days + 1
        full_weeks, rest = divmod(total_days, 7)
        weekdays = full_weeks * (7 - len(self.weekend))
        start_wd = first.weekday()
        weekdays += sum(1 for i in range(rest) if (start_wd + i) % 7 not in self.weekend)
        holidays = self._holiday_weekdays()
        weekdays -= bisect_right(holidays, b) - bisect_left(holidays, first)
        return weekdays

    def add_calendar_days(self, start: date, n: int) -> date:
        """``start`` + n calendar days (n may be negative)."""
        return start + timedelta(days=n)

    def next_working_day(self, d: date) -> date:
        """``d`` itself if it is a working day, else the next working day."""
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d


def kampar_calendar(
    years: Iterable[int], overrides: Iterable[HolidayOverride] = ()
) -> WorkCalendar:
    """The Kampar working calendar: ``holidays`` ``ID`` public + government (cuti bersama).

    ``years`` are loaded immediately; other years are loaded on first use (see module docs).
    ``overrides`` (the admin's local table) are applied on top of every loaded year.
    """
    return WorkCalendar(
        year_loader=_official_holidays, overrides=overrides, preload_years=sorted(set(years))
    )


def _official_holidays(year: int) -> dict[date, str]:
    # A module-level function, so that a calendar can be pickled (demo generation hands
    # its generator to a second process).
    import holidays as holidays_pkg  # lazy: keep the domain importable without it

    official = holidays_pkg.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)
    return {day: str(name) for day, name in official.items()}

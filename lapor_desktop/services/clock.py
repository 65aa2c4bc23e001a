"""Injectable time: services never read the time of day themselves (datetime.now(),
date.today(), time.time()); they ask `ctx.clock`, so tests can move time. The few that
have no context (a cached calendar's range, a certificate's validity) read the wall clock
through the functions here, so this module stays the only place that reads it
(tests/test_clock.py checks that)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that stands still until moved (tests, `deadlines --today`)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


SYSTEM_CLOCK = SystemClock()


def today() -> date:
    """The wall clock's date, for code without a context (not for casework decisions)."""
    return date.today()


def utc_now() -> datetime:
    """The wall clock in UTC (aware): certificates are valid in real time, whatever a
    test's clock says."""
    return datetime.now(UTC)

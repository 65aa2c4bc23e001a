"""Indonesian dates for letters: `Bangkinang, 27 November 2026`."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def long_date(d: date) -> str:
    """27 November 2026"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """27-11-2026 (tables)."""
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def day_date(d: date) -> str:
    """Jumat, 27 November 2026"""
    return f"{DAYS[d.weekday()]}, {long_date(d)}"


def date_time(dt: datetime) -> str:
    """27 November 2026 pukul 09.05 WIB (Indonesian writes the time with a dot)."""
    return f"{long_date(dt)} pukul {dt.hour:02d}.{dt.minute:02d} WIB"


def short_date_time(dt: datetime) -> str:
    return f"{short_date(dt)} {dt.hour:02d}.{dt.minute:02d}"


def place_date(place: str, d: date) -> str:
    """Bangkinang, 27 November 2026"""
    return f"{place}, {long_date(d)}"

"""Indonesian formats for dates and labels shown in the GUI."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from lapor_desktop.domain.sla import STATE_LABELS, ClockState


def _months() -> tuple[str, ...]:
    t = QCoreApplication.translate
    return (
        t("fmt", "Januari"),
        t("fmt", "Februari"),
        t("fmt", "Maret"),
        t("fmt", "April"),
        t("fmt", "Mei"),
        t("fmt", "Juni"),
        t("fmt", "Juli"),
        t("fmt", "Agustus"),
        t("fmt", "September"),
        t("fmt", "Oktober"),
        t("fmt", "November"),
        t("fmt", "Desember"),
    )


def short_date(d: date | None) -> str:
    """dd-MM-yyyy (tables)."""
    return "" if d is None else f"{d:%d-%m-%Y}"


def short_datetime(d: datetime | None) -> str:
    return "" if d is None else f"{d:%d-%m-%Y %H:%M}"


def long_date(d: date | None) -> str:
    """'27 November 2026' (headers, letters)."""
    if d is None:
        return ""
    return f"{d.day} {_months()[d.month - 1]} {d.year}"


def month_name(month: int) -> str:
    return _months()[month - 1]


def percent(value: float | None) -> str:
    """'87,5 %' (Indonesian decimal comma); '—' when undefined."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def decimal(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def month_year(d: date) -> str:
    return f"{_months()[d.month - 1]} {d.year}"


# Deadline states: colour AND text, never colour alone.
STATE_COLORS: dict[str, str] = {
    ClockState.RUNNING.value: "#2e7d32",
    ClockState.DUE_SOON.value: "#b26a00",
    ClockState.DUE_TODAY.value: "#c43e00",
    ClockState.OVERDUE.value: "#b71c1c",
    ClockState.MET.value: "#2e7d32",
    ClockState.MISSED.value: "#b71c1c",
}


def state_label(state: str | None) -> str:
    if not state:
        return ""
    return STATE_LABELS[ClockState(state)]


def state_color(state: str | None) -> QColor | None:
    if not state or state not in STATE_COLORS:
        return None
    return QColor(STATE_COLORS[state])

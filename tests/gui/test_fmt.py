"""Indonesian date formats."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lapor_desktop.gui import fmt

pytestmark = pytest.mark.gui


def test_indonesian_dates(qapp) -> None:
    assert fmt.long_date(date(2026, 11, 27)) == "27 November 2026"
    assert fmt.long_date(date(2026, 8, 1)) == "1 Agustus 2026"
    assert fmt.short_date(date(2026, 2, 3)) == "03-02-2026"
    assert fmt.short_datetime(datetime(2026, 2, 3, 9, 5)) == "03-02-2026 09:05"
    assert fmt.month_year(date(2026, 5, 1)) == "Mei 2026"
    assert fmt.long_date(None) == "" and fmt.short_date(None) == ""


def test_deadline_state_has_text_and_colour(qapp) -> None:
    for state in ("due_soon", "due_today", "overdue", "running"):
        assert fmt.state_label(state)
        assert fmt.state_color(state) is not None
    assert fmt.state_label(None) == "" and fmt.state_color(None) is None

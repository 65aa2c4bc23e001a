"""Deadline rule sets as rows."""

from __future__ import annotations

from datetime import date

from lapor_desktop.db.models import RuleSet


def rule_set_in_force(day: date) -> RuleSet:
    """The rule set in force on `day`: the latest effective by then, else the first."""
    row = (
        RuleSet.select()
        .where(RuleSet.effective_from <= day)
        .order_by(RuleSet.effective_from.desc())
        .first()
    )
    if row is None:
        row = RuleSet.select().order_by(RuleSet.effective_from).first()
    return row

"""The "Perlu dimutakhirkan di LAPOR!" list as SQL (issue 18): cases with a LAPOR!
tracking ID whose LAPOR! status bucket or approved answer differ from what was last
marked as entered in LAPOR!."""

from __future__ import annotations

from typing import Any, NamedTuple

from lapor_desktop.db.models import database_proxy


class UpdateRow(NamedTuple):
    ticket: str
    tracking_id: str
    title: str
    status: str
    bucket: str
    entered_bucket: str | None
    answer: str  # the approved answer ('' before approval)
    entered_answer: str | None
    entered_at: Any
    opd: str | None


def pending(buckets: dict[str, str], limit: int = 5000) -> list[UpdateRow]:
    """`buckets`: internal status -> LAPOR! bucket (domain/workflow.py)."""
    case = "CASE c.status " + " ".join("WHEN ? THEN ?" for _ in buckets) + " ELSE '' END"
    args: list[Any] = [x for pair in buckets.items() for x in pair]
    answer = "CASE WHEN c.answered_at IS NOT NULL THEN c.answer_text ELSE '' END"
    sql = (
        f"SELECT * FROM (SELECT c.ticket, c.tracking_id, c.title, c.status, {case} AS bucket, "
        f"c.lapor_entered_bucket, {answer} AS answer, c.lapor_entered_answer, "
        "c.lapor_entered_at, o.code, c.num FROM complaint c "
        "LEFT JOIN office o ON o.id = c.opd_id WHERE c.tracking_id <> '') "
        "WHERE bucket IS NOT coalesce(lapor_entered_bucket, '') "
        "OR answer IS NOT coalesce(lapor_entered_answer, '') ORDER BY num LIMIT ?"
    )
    rows = database_proxy.execute_sql(sql, (*args, limit)).fetchall()
    return [UpdateRow(*r[:10]) for r in rows]

"""deadlines.spans_of: the one fold of the deadline rules over a case's history, read by
the clocks of one case (clocks_for: work lists, case view, demo) and the monthly rates."""

from __future__ import annotations

from datetime import datetime

from lapor_desktop.services.deadlines import spans_of


def at(day: int) -> datetime:
    return datetime(2026, 11, day, 9, 0)


def test_a_reopened_case() -> None:
    s = spans_of(
        [
            ("INTAKE", at(2)),
            ("VERIFY", at(3)),
            ("DISPOSE", at(4)),
            ("START", at(5)),
            ("SUBMIT_ANSWER", at(6)),
            ("APPROVE", at(9)),
            ("REPORTER_RESPONSE", at(10)),
            ("SUBMIT_ANSWER", at(11)),
            ("APPROVE", at(12)),
            ("ACCEPT", at(13)),
        ]
    )
    assert (s.first_dispose, s.first_approval, s.last_approval) == (at(4), at(9), at(12))
    assert (s.follow_start, s.follow_end, s.closed) == (at(10), at(12), at(13))
    assert s.follow_done == at(12) and s.pauses == ()


def test_holds_handing_back_and_closing_unanswered() -> None:
    s = spans_of(
        [
            ("INTAKE", at(2)),
            ("HOLD", at(3)),
            ("RESUME", at(5)),
            ("VERIFY", at(6)),
            ("DISPOSE", at(9)),
            ("NOT_OURS", at(10)),
            ("REDISPOSE", at(11)),
            ("HOLD", at(12)),
        ]
    )
    assert s.first_dispose == at(9) and s.follow_start == at(11)
    assert s.pauses == ((at(3), at(5)), (at(12), None))
    closed = spans_of([("INTAKE", at(2)), ("DISPOSE", at(3)), ("ARCHIVE", at(4))])
    assert closed.closed == at(4) and closed.follow_done is None  # never answered

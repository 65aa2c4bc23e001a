"""Server triggers: actions numbered gapless per case, validated against the status, the
login's role and office (the workflow table generated from domain/workflow.py), stored
rejected with a reason instead of failing; access as data; versioned edits; letters."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest

from lapor_desktop.central.names import workflow_rows
from lapor_desktop.domain.workflow import TRANSITIONS
from tests.central.conftest import (
    OPD_A,
    OPD_B,
    Central,
    case_row,
    new_case,
    push,
    to_disposed,
)

pytestmark = pytest.mark.postgres


def test_the_workflow_table_is_generated_from_the_domain(central: Central) -> None:
    with central.admin() as c:
        rows = c.execute(
            "SELECT action, from_status, role, to_status, scope, needs_note "
            "FROM lapor.workflow_rule"
        ).fetchall()
    assert sorted(rows, key=repr) == sorted(workflow_rows(), key=repr)
    assert {r[0] for r in rows} == {t.action.value for t in TRANSITIONS}


def test_a_case_runs_its_course_and_the_server_derives_status_and_opd(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    assert case_row(central, cid, "status", "opd_id") == (
        "TERDISPOSISI",
        central.office_id(OPD_A),
    )
    assert push(central, "opd_a", cid, "START")[0]
    assert push(central, "opd_a", cid, "SUBMIT_ANSWER", note="Sudah diperbaiki")[0]
    assert push(central, "head_a", cid, "APPROVE")[0]
    assert push(central, "desk", cid, "ACCEPT")[0]
    status, answer, answered, closed = case_row(
        central, cid, "status", "answer_text", "answered_at", "closed_at"
    )
    assert (status, answer) == ("SELESAI", "Sudah diperbaiki")
    assert answered is not None and closed is not None
    with central.admin() as c:
        seqs = c.execute(
            "SELECT seq, action FROM lapor.case_action WHERE complaint_id = %s ORDER BY seq",
            (cid,),
        ).fetchall()
    assert [s for s, _ in seqs] == list(range(1, 8))
    assert [a for _, a in seqs][-4:] == ["START", "SUBMIT_ANSWER", "APPROVE", "ACCEPT"]


def test_an_invalid_or_stale_action_is_kept_rejected_with_its_reason(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    cases: list[tuple[str, str, dict[str, Any], str]] = [
        ("opd_a", "APPROVE", {}, "tidak berwenang"),  # the OPD head approves, not its admin
        ("admin", "VERIFY", {}, "tidak dapat dilakukan pada laporan berstatus TERDISPOSISI"),
        ("opd_a", "SUBMIT_ANSWER", {}, "tidak dapat dilakukan"),  # not started yet
        ("opd_a", "START", {"note": ""}, ""),  # START needs no note: accepted below
        ("opd_a", "FOLLOWUP_NOTE", {"note": "  "}, "memerlukan catatan"),
        ("admin", "REDISPOSE", {"opd": OPD_A}, "tidak dapat dilakukan"),  # now DIPROSES
    ]
    for who, action, extra, why in cases:
        ok, reason, seq = push(central, who, cid, action, **extra)
        if not why:
            assert ok and reason is None and seq == 4
            continue
        assert not ok and seq is None and reason and why in reason, (action, reason)
    # OPD B is not the assigned OPD: its action on this case looks like a missing case.
    assert push(central, "opd_b", cid, "NOTE")[:2] == (False, "Laporan tidak ditemukan.")
    assert case_row(central, cid, "status", "last_seq") == ("DIPROSES", 4)
    # Two offices acted on one case offline: whichever arrives second is stale.
    other = to_disposed(central, OPD_A)
    assert push(central, "opd_a", other, "NOT_OURS", note="bukan kami")[0]
    ok, reason, _ = push(central, "opd_a", other, "START")
    assert not ok and reason == "Laporan tidak ditemukan."  # no longer dispositioned to A


def test_a_replayed_push_stores_and_projects_nothing_twice(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    aid = uuid.uuid4()
    first = push(central, "opd_a", cid, "START", aid=aid)
    again = push(central, "opd_a", cid, "START", aid=aid)
    assert first == again == (True, None, 4)
    with central.admin() as c:
        n = c.execute(
            "SELECT count(*) FROM lapor.case_action WHERE complaint_id = %s", (cid,)
        ).fetchone()
    assert n == (4,)
    assert case_row(central, cid, "status", "last_seq") == ("DIPROSES", 4)


def test_redisposition_keeps_access_as_data_never_deleted(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    assert push(central, "admin", cid, "REDISPOSE", opd=OPD_B)[0]
    assert push(central, "admin", cid, "REDISPOSE", opd=OPD_A)[0]

    def access() -> dict[str, bool]:
        with central.admin() as c:
            rows = c.execute(
                "SELECT o.code, a.active FROM lapor.complaint_access a "
                "JOIN lapor.office o ON o.id = a.office_id WHERE a.complaint_id = %s",
                (cid,),
            ).fetchall()
        return dict(rows)

    assert access() == {OPD_A: True, OPD_B: False}
    with central.conn("opd_b") as c:
        # B reads its revocation (so its PC purges the case), not the case.
        rows = c.execute(
            "SELECT active FROM complaint_access WHERE complaint_id = %s", (cid,)
        ).fetchall()
        assert rows == [(False,)]
        assert c.execute("SELECT count(*) FROM complaint_opd WHERE id = %s", (cid,)).fetchone() == (
            0,
        )
    assert push(central, "opd_a", cid, "NOT_OURS", note="bukan wewenang")[0]
    assert access() == {OPD_A: False, OPD_B: False}
    assert case_row(central, cid, "opd_id", "status") == (None, "TERVERIFIKASI")


def test_concurrent_pushers_on_one_case_get_gapless_numbers(central: Central) -> None:
    cid = new_case(central)
    errors: list[BaseException] = []

    def pusher(who: str) -> None:
        try:
            with central.conn(who) as c:
                for _ in range(8):
                    assert push(central, who, cid, "NOTE", conn=c)[0]
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=pusher, args=(w,)) for w in ("desk", "admin") * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    with central.admin() as c:
        seqs = [
            r[0]
            for r in c.execute(
                "SELECT seq FROM lapor.case_action WHERE complaint_id = %s ORDER BY seq", (cid,)
            ).fetchall()
        ]
    assert seqs == list(range(1, 1 + 1 + 4 * 8))
    assert case_row(central, cid, "last_seq") == (33,)


def _edit(central: Central, who: str, entity: str, eid: uuid.UUID, base: int, changes: str) -> Any:
    rid = uuid.uuid4()
    with central.conn(who) as c:
        for _ in range(2):  # pushed twice: stored once
            c.execute(
                "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                (rid, entity, eid, base, changes),
            )
        return c.execute(
            "SELECT outcome, current_version, reason FROM record_edit WHERE id = %s", (rid,)
        ).fetchone()


def test_versioned_edits_apply_on_the_current_version_and_keep_a_clash(central: Central) -> None:
    cid = new_case(central)
    assert _edit(central, "desk", "complaint", cid, 1, '{"title": "Jalan berlubang"}')[:2] == (
        "applied",
        2,
    )
    # A second PC edited from version 1 as well: a conflict kept for a person, not applied.
    outcome, current, reason = _edit(central, "admin", "complaint", cid, 1, '{"title": "Lain"}')
    assert (outcome, current) == ("conflict", 2) and "versi" in reason
    assert case_row(central, cid, "title", "row_version") == ("Jalan berlubang", 2)
    with central.conn("admin") as c:
        assert c.execute(
            "SELECT count(*) FROM sync_conflict WHERE entity_id = %s", (cid,)
        ).fetchone() == (1,)
    # The derived columns are not editable.
    outcome, _, reason = _edit(central, "admin", "complaint", cid, 2, '{"status": "SELESAI"}')
    assert outcome == "rejected" and "status" in reason
    assert case_row(central, cid, "status") == ("DITERIMA",)


def test_one_nik_registered_on_two_pcs_is_merged_and_flagged(central: Central) -> None:
    nik = "1406011203850007"
    first = new_case(central, nik=nik)
    second = new_case(central, nik=nik)
    with central.admin() as c:
        r1, r2 = (
            c.execute("SELECT reporter_id FROM lapor.complaint WHERE id = %s", (x,)).fetchone()[0]
            for x in (first, second)
        )
        merged = c.execute("SELECT merged_into FROM lapor.reporter WHERE id = %s", (r2,)).fetchone()
        live = c.execute(
            "SELECT count(*) FROM lapor.reporter WHERE nik = %s AND merged_into IS NULL", (nik,)
        ).fetchone()
        flagged = c.execute(
            "SELECT count(*) FROM lapor.sync_conflict WHERE entity_id = %s", (r2,)
        ).fetchone()
    assert merged == (r1,) and live == (1,) and flagged == (1,)
    # The second PC pushes its reporter again (the acknowledgement was lost): no change.
    with central.conn("desk") as c:
        c.execute(
            "INSERT INTO reporter (id, nik, name, sex) VALUES (%s, %s, 'Lagi', 'L') "
            "ON CONFLICT (id) DO NOTHING",
            (r2, nik),
        )
    with central.admin() as c:
        assert c.execute(
            "SELECT count(*) FROM lapor.sync_conflict WHERE entity_id = %s", (r2,)
        ).fetchone() == (1,)


def test_letters_are_numbered_by_the_server_gapless_per_office_and_year(
    central: Central,
) -> None:
    cid = to_disposed(central, OPD_B)
    ids = [uuid.uuid4() for _ in range(6)]
    # Two PCs of one office (two logins would do the same; the office decides).
    with central.conn("opd_b") as c1, central.conn("opd_b") as c2:
        for i, lid in enumerate(ids):
            c = (c1, c2)[i % 2]
            for _ in range(2):  # replayed: numbered once
                c.execute(
                    "INSERT INTO letter (id, office_id, year, kind, complaint_id, reserved_at, "
                    "full_number) VALUES (%s, %s, 2031, 'answer', %s, localtimestamp, "
                    "'800/{nomor}/DISDIK/2031') ON CONFLICT (id) DO NOTHING",
                    (lid, central.office_id(OPD_B), cid),
                )
        rows = c1.execute(
            "SELECT number, full_number FROM letter WHERE year = 2031 ORDER BY number"
        ).fetchall()
    assert [n for n, _ in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[2][1] == "800/3/DISDIK/2031"


def test_a_skewed_client_clock_is_flagged_and_ordering_ignores_it(central: Central) -> None:
    cid = new_case(central)
    ahead, behind = uuid.uuid4(), uuid.uuid4()
    with central.conn("admin") as c:
        for aid, shift in ((ahead, "+ interval '3 hours'"), (behind, "- interval '9 hours'")):
            c.execute(
                "INSERT INTO case_action (id, complaint_id, action, note, at) "
                f"VALUES (%s, %s, 'NOTE', 'x', localtimestamp {shift})",
                (aid, cid),
            )
        rows = c.execute(
            "SELECT id, seq, accepted, clock_skewed FROM case_action "
            "WHERE complaint_id = %s AND action = 'NOTE' ORDER BY seq",
            (cid,),
        ).fetchall()
    # Numbered in arrival order, whatever the clocks say; a clock ahead of the server is
    # flagged (one behind is indistinguishable from work done offline earlier).
    assert rows == [(ahead, 2, True, True), (behind, 3, True, False)]

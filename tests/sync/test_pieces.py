"""A big window applied in pieces (short IMMEDIATE transactions, each moving the
checkpoint): every case arrives whole, and a failure between pieces keeps what was applied
and loses nothing — the next sync completes the window."""

from __future__ import annotations

import time
from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, Setting, SyncState
from lapor_desktop.services import casework
from lapor_desktop.services.errors import DatabaseBusy
from lapor_desktop.sync import apply, engine
from tests.central.conftest import OPD_A
from tests.sync.conftest import no_prompt
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _cases_for_a(office_pc: Any, n: int, first_nik: int) -> list[str]:
    desk = office_pc("desk")
    tickets = [_intake(desk.use(), nik=f"14010212038800{first_nik + i:02d}") for i in range(n)]
    desk.sync()
    admin = office_pc("admin")
    actx = admin.use()
    for ticket in tickets:
        casework.verify(actx, ticket, category="INFRASTRUKTUR")
        casework.dispose(actx, ticket, opd=OPD_A, note="Untuk Dinkes")
    assert admin.sync().rejected == 0
    return tickets


def _settled(hub: Any) -> None:
    """Wait until a pull's window reaches the newest case rows: it ends below the oldest
    transaction still open anywhere in the cluster (SYNC.md), and on a shared test server
    another job's transaction may hold it back for a moment (then too few pieces come)."""
    sql = (
        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint > "
        "(SELECT max(txid::text::bigint) FROM lapor.case_action)"
    )
    for _ in range(300):
        if _server(hub, sql)[0][0]:
            return
        time.sleep(0.1)


def _history(hub: Any, ticket: str) -> list[tuple[int, str]]:
    rows = _server(
        hub,
        "SELECT a.seq, a.action FROM lapor.case_action a JOIN lapor.complaint c "
        "ON c.id = a.complaint_id WHERE c.ticket = %s AND a.accepted ORDER BY a.seq",
        ticket,
    )
    return [(int(s), a) for s, a in rows]


def _local_history(ticket: str) -> list[tuple[int, str]]:
    case = Complaint.get(Complaint.ticket == ticket)
    query = CaseAction.select().where(CaseAction.complaint == case.id).order_by(CaseAction.seq)
    return [(a.seq, a.action) for a in query]


def test_a_big_first_pull_comes_in_pieces_with_every_case_whole(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tickets = _cases_for_a(office_pc, 4, 71)
    monkeypatch.setattr(apply, "CHUNK_ROWS", 5)  # one case is 5 rows: header, access, 3 actions
    said: list[str] = []
    join = engine.join
    monkeypatch.setattr(engine, "join", lambda *a, **k: join(*a, progress=said.append, **k))
    _settled(hub)
    opd = office_pc("opd_a")
    opd.use()
    assert sum("Menerapkan perubahan" in s for s in said) >= 3
    for ticket in tickets:
        assert Complaint.get(Complaint.ticket == ticket).status == "TERDISPOSISI"
        assert _local_history(ticket) == _history(hub, ticket)
    state = SyncState.get_by_id(1)
    assert state.last_sync is not None and state.checkpoint > 0


def test_a_failure_between_pieces_keeps_whole_cases_and_the_next_sync_completes(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opd = office_pc("opd_a")  # joined before the cases exist
    tickets = _cases_for_a(office_pc, 4, 81)
    ctx = opd.use()
    before = SyncState.get_by_id(1)
    monkeypatch.setattr(apply, "CHUNK_ROWS", 5)  # a case a piece
    real = apply.apply_rows
    calls: list[int] = []

    def busy_on_the_third(rows: Any, now: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise DatabaseBusy(DatabaseBusy.MESSAGE)
        return real(rows, now)

    monkeypatch.setattr(apply, "apply_rows", busy_on_the_third)
    _settled(hub)
    with pytest.raises(DatabaseBusy):
        engine.sync(ctx, no_prompt)
    state = SyncState.get_by_id(1)
    assert before.checkpoint <= state.checkpoint
    assert state.last_sync == before.last_sync  # the window is not done
    held = [t for t in tickets if Complaint.select().where(Complaint.ticket == t).exists()]
    assert held and len(held) < len(tickets)
    for ticket in held:  # whatever is there is whole
        assert _local_history(ticket) == _history(hub, ticket)
    monkeypatch.setattr(apply, "apply_rows", real)
    assert opd.sync().rejected == 0
    for ticket in tickets:
        assert Complaint.get(Complaint.ticket == ticket).status == "TERDISPOSISI"
        assert _local_history(ticket) == _history(hub, ticket)


def test_pieces_split_by_case_and_move_the_checkpoint_forward() -> None:
    def row(case: str, txid: int, **more: Any) -> dict[str, Any]:
        return {"complaint_id": case, "id": f"{case}-{txid}", "txid_num": txid, **more}

    rows = {
        "office": [{"id": "o", "txid_num": 50}],
        "sync_conflict": [{"id": "x", "txid_num": 20}],
        "complaint_opd": [{"id": "a", "txid_num": 30}, {"id": "b", "txid_num": 40}],
        "complaint_access": [row("a", 30), row("b", 40)],
        "case_action": [row("a", 12), row("a", 30), row("b", 11), row("b", 40)],
    }
    parts = apply.pieces(rows, 10, 60, size=3)
    assert [c for _, c in parts][-1] == 60
    checkpoints = [c for _, c in parts]
    assert checkpoints == sorted(checkpoints)
    seen: dict[str, int] = {}
    for n, (part, checkpoint) in enumerate(parts):
        for relation, items in part.items():
            for r in items:
                case = r["id"] if relation == "complaint_opd" else r.get("complaint_id")
                if case is not None:
                    assert seen.setdefault(case, n) == n  # a case lives in one piece
        later = [r for p, _ in parts[n + 1 :] for items in p.values() for r in items]
        assert all(r["txid_num"] >= checkpoint for r in later)
    assert "office" in parts[0][0] and "sync_conflict" in parts[-1][0]
    assert sum(len(v) for p, _ in parts for v in p.values()) == 10
    assert apply.pieces(rows, 10, 60, size=100) == [(rows, 60)]


def test_another_writer_gets_the_database_between_pieces(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counter logging a walk-in while a big sync applies: between two pieces the
    write lock is free (taken at once, no waiting) and what it writes stays."""
    from lapor_desktop import paths
    from lapor_desktop.db.database import connect_local

    opd = office_pc("opd_a")
    _cases_for_a(office_pc, 4, 91)
    ctx = opd.use()
    monkeypatch.setattr(apply, "CHUNK_ROWS", 5)  # a case a piece
    key = opd.store.db.connect_params["passphrase"]
    other = connect_local(paths.db_path(opd.data_dir), key)  # the counter's process
    other.execute_sql("PRAGMA busy_timeout = 0")
    real = engine._apply_part
    wrote: list[int] = []

    def then_the_counter(*args: Any, **kwargs: Any) -> Any:
        done = real(*args, **kwargs)
        other.execute_sql("BEGIN IMMEDIATE")  # fails at once if the sync held the lock
        other.execute_sql(
            "INSERT INTO setting (key, value) VALUES (?, ?)", (f"loket-{len(wrote)}", "x")
        )
        other.execute_sql("COMMIT")
        wrote.append(1)
        return done

    monkeypatch.setattr(engine, "_apply_part", then_the_counter)
    _settled(hub)
    try:
        engine.sync(ctx, no_prompt)
    finally:
        other.close()
    assert len(wrote) >= 3
    assert Setting.select().where(Setting.key.startswith("loket-")).count() == len(wrote)


def test_paced_pieces_take_the_size_asked_for_each_piece_and_keep_cases_whole() -> None:
    """The app's short pieces: the size is asked again for every piece (the Pacer
    measures as it goes); reporters may spread over several pieces, always before the
    cases; a case is never split; every row comes exactly once; the checkpoint only
    moves forward and never past a row still to come."""

    def row(case: str, txid: int) -> dict[str, Any]:
        return {"complaint_id": case, "id": f"{case}-{txid}", "txid_num": txid}

    cases = [f"c{i}" for i in range(6)]
    rows: dict[str, list[dict[str, Any]]] = {
        "office": [{"id": "o", "txid_num": 90}],
        "reporter": [{"id": f"r{i}", "txid_num": 15 + i} for i in range(5)],
        "complaint_opd": [{"id": c, "txid_num": 30 + i} for i, c in enumerate(cases)],
        "case_action": [row(c, 12 + i) for i, c in enumerate(cases)]
        + [row(c, 40 + i) for i, c in enumerate(cases)],
        "sync_conflict": [{"id": "x", "txid_num": 20}],
    }
    total = sum(len(v) for v in rows.values())
    asked = iter([2, 1, 4, 3, 1, 5, 2, 2, 2, 2, 2, 2, 2, 2])
    kinds: list[str] = []

    def size(kind: str) -> int:
        kinds.append(kind)
        return next(asked)

    parts = list(apply.paced_pieces(rows, 10, 99, size))
    assert kinds[0] == "rows" and kinds[-1] == "case"
    assert kinds[1:] == sorted(kinds[1:], key=lambda k: k == "case")  # never back
    assert len(parts) >= 5
    assert [last for _, _, last in parts] == [False] * (len(parts) - 1) + [True]
    assert parts[-1][1] == 99
    assert [c for _, c, _ in parts] == sorted(c for _, c, _ in parts)
    seen: dict[str, int] = {}
    reporter_pieces, case_pieces = set(), set()
    for n, (part, checkpoint, _) in enumerate(parts):
        for relation, items in part.items():
            for r in items:
                if relation == "reporter":
                    reporter_pieces.add(n)
                case = r["id"] if relation == "complaint_opd" else r.get("complaint_id")
                if case is not None:
                    case_pieces.add(n)
                    assert seen.setdefault(case, n) == n  # a case lives in one piece
        later = [r for p, _, _ in parts[n + 1 :] for items in p.values() for r in items]
        assert all(r["txid_num"] >= checkpoint for r in later)
    assert len(reporter_pieces) > 1 and max(reporter_pieces) < min(case_pieces)
    assert "sync_conflict" in parts[-1][0]
    assert sorted(r["id"] for p, _, _ in parts for v in p.values() for r in v) == sorted(
        r["id"] for v in rows.values() for r in v
    )
    assert total == sum(len(v) for p, _, _ in parts for v in p.values())


def test_the_pacer_sizes_pieces_to_the_time_budget_per_kind() -> None:
    pacer = apply.Pacer(0.04, first=200)
    assert pacer("case") == 200
    pacer.took(200, 0.08)  # twice the budget: half the rows next
    assert pacer("case") == 100
    for _ in range(3):  # much faster than needed: it grows, at most 1.5-fold a piece,
        pacer.took(pacer("case"), 0.001)  # once the slow piece is three pieces back
    assert pacer("case") == 150
    pacer.took(150, 0.001)
    assert pacer("case") == 225
    for _ in range(30):
        pacer.took(pacer("rows"), 0.0001)  # cheap reporters grow their own pieces only
    assert pacer("rows") == apply.CHUNK_ROWS  # never more than the CLI's pieces
    assert pacer("case") == 225
    pacer.took(5000, 60.0)  # a very slow PC: few rows, never none
    assert pacer("case") == apply.FEWEST_PIECE_ROWS


def test_the_apps_sync_lets_a_waiting_save_in_between_two_short_pieces(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counter saves while the background sync applies: the save waits (busy timeout,
    no failure) for the piece being applied, then gets the lock before the next piece."""
    import threading

    from lapor_desktop.db.models import database_proxy

    opd = office_pc("opd_a")
    tickets = _cases_for_a(office_pc, 4, 61)
    ctx = opd.use()
    monkeypatch.setattr(apply, "CHUNK_ROWS", 5)  # the Pacer never goes above it: a case a piece
    monkeypatch.setattr(apply, "FIRST_PIECE_ROWS", 5)
    events: list[str] = []
    failed: list[BaseException] = []
    real = apply.apply_rows

    def counter() -> None:
        try:
            with database_proxy.atomic("IMMEDIATE"):  # what a save at the counter does
                Setting.insert(key="loket-saat-sinkron", value="x").execute()
                events.append("counter")
        except BaseException as exc:
            failed.append(exc)
        finally:
            database_proxy.close()

    def watched(rows: Any, now: Any) -> Any:
        events.append("piece")
        if len(events) == 1:  # the save comes while the first piece holds the lock
            threading.Thread(target=counter).start()
            db = database_proxy.obj
            deadline = time.monotonic() + 10
            while not db.writers_waiting and time.monotonic() < deadline:
                time.sleep(0.001)
            assert db.writers_waiting == 1
        return real(rows, now)

    monkeypatch.setattr(apply, "apply_rows", watched)
    _settled(hub)
    engine.sync(ctx, no_prompt, piece_seconds=0.04)
    assert not failed
    assert events[:3] == ["piece", "counter", "piece"]
    assert Setting.get_or_none(Setting.key == "loket-saat-sinkron") is not None
    for ticket in tickets:
        assert Complaint.get(Complaint.ticket == ticket).status == "TERDISPOSISI"
        assert _local_history(ticket) == _history(hub, ticket)
    assert SyncState.get_by_id(1).last_sync is not None

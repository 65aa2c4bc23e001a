"""Demo data (lapor_desktop/demo/): realistic, consistent with the workflow table and the
deadlines engine, searchable, deterministic, and never mixed with real casework."""

from __future__ import annotations

import itertools
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest

from lapor_desktop import demo
from lapor_desktop.db.database import bind
from lapor_desktop.db.migrations import m0001_initial
from lapor_desktop.db.models import CaseAction, Complaint, Letter, Office, database_proxy
from lapor_desktop.demo import generator, loader, tables
from lapor_desktop.domain.nik import parse_nik
from lapor_desktop.domain.region_codes import KAMPAR_DISTRICTS
from lapor_desktop.domain.workflow import Action, Role, Status, next_status, transition_for
from lapor_desktop.memory_keyring import MemoryKeyring
from lapor_desktop.services import cases, deadlines, intake, letters_register, storage, users
from lapor_desktop.services.clock import FixedClock
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.setup import initialize
from tests.services.conftest import NIK, START, World

N = 300
SEED = 11


@dataclass
class Demo:
    store: storage.Storage
    base: Ctx
    result: demo.DemoResult

    def sign_in(self, username: str) -> Ctx:
        return self.base.as_user(users.sign_in(self.base, username, demo.DEMO_PASSWORD))


def _fresh(data_dir: Path) -> tuple[storage.Storage, Ctx]:
    store = storage.create_database(data_dir, lambda new: "tidak dipakai")
    deadlines.invalidate_calendar()
    base = Ctx(data_dir=data_dir, clock=FixedClock(START))
    initialize(base, "root", "sandi-uji-123")
    return store, base


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(database_proxy.execute_sql(sql, params).fetchall())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        store, base = _fresh(tmp_path_factory.mktemp("demo") / "data")
        progress: list[tuple[int, int]] = []
        result = demo.generate(base, N, seed=SEED, progress=lambda a, b: progress.append((a, b)))
        assert progress and progress[-1] == (N, N)
    finally:
        keyring.set_keyring(previous)
    yield Demo(store, base, result)
    store.close()


@pytest.fixture
def d(generated: Demo) -> Demo:
    # Other tests (and this module's fresh databases) rebind the models; point them back.
    bind(generated.store.db)
    deadlines.invalidate_calendar()
    return generated


def _histories() -> dict[str, list[CaseAction]]:
    out: dict[str, list[CaseAction]] = defaultdict(list)
    for a in CaseAction.select().order_by(CaseAction.complaint, CaseAction.seq):
        out[str(a.complaint_id)].append(a)
    return out


# ---------------------------------------------------------------- the histories


def test_every_status_is_reached_and_is_the_fold_of_its_history(d: Demo) -> None:
    assert d.result.cases == N
    assert Complaint.select().count() == N
    statuses = Counter(c.status for c in Complaint.select())
    assert set(statuses) == {s.value for s in Status}
    assert statuses == Counter(d.result.by_status)
    histories = _histories()
    now = d.base.clock.now()
    for case in Complaint.select():
        rows = histories[str(case.id)]
        assert [r.seq for r in rows] == list(range(1, len(rows) + 1)), case.ticket
        state: Status | None = None
        for r in rows:
            before = state
            state = next_status(state, Action(r.action), Role(r.role))  # raises if not allowed
            assert r.from_status == (before.value if before else None), (case.ticket, r.seq)
            assert r.to_status == state.value, (case.ticket, r.seq)
        assert state is not None and case.status == state.value, case.ticket
        times = [r.at for r in rows]
        assert times == sorted(times) and times[0] == case.received_at and times[-1] <= now
        assert case.row_version == len(rows)


def test_case_columns_agree_with_the_history(d: Demo) -> None:
    opd_of_user = {u: o for u, o in _rows('SELECT id, office_id FROM "user"')}
    for case in Complaint.select():
        rows = _histories_for(case)
        acts = [r.action for r in rows]
        assert case.reopen_count == acts.count(Action.REPORTER_RESPONSE.value)
        final = case.status in (Status.SELESAI.value, Status.ARSIP.value)
        assert (case.closed_at is not None) == final, case.ticket
        escalations = [r for r in rows if r.action == Action.ESCALATE.value]
        assert len(escalations) <= 1
        assert case.escalated_at == (escalations[0].at if escalations else None)
        # The OPD the case is with: the last (re)disposition, unless handed back since.
        opd = None
        for r in rows:
            if Role(r.role) in (Role.OPD_ADMIN, Role.OPD_HEAD):
                # OPD work is done by the OPD the case is dispositioned to.
                assert opd is not None and r.office_id == opd, (case.ticket, r.seq)
                assert opd_of_user[r.user_id.hex] == opd.hex
            if Role(r.role) is Role.SYSTEM:
                assert r.user_id is None and r.office_id is None
            if r.action in (Action.DISPOSE.value, Action.REDISPOSE.value):
                opd = r.opd_id
            elif r.action == Action.NOT_OURS.value:
                opd = None
        assert case.opd_id == opd, case.ticket
        if case.status == Status.DIJAWAB.value:
            assert case.answered_at == rows[-1].at or case.answered_at is not None
        answers = [r.note for r in rows if r.action == Action.SUBMIT_ANSWER.value]
        assert case.answer_text == (answers[-1] if answers else "")


def _histories_for(case: Complaint) -> list[CaseAction]:
    return list(CaseAction.select().where(CaseAction.complaint == case.id).order_by(CaseAction.seq))


def test_every_action_kind_occurs(d: Demo) -> None:
    seen = {a for (a,) in _rows("SELECT DISTINCT action FROM case_action")}
    # CLOSE is rare (5 % of 5 %); the LAPOR! import/update and duplicate actions (their own
    # services, issue 18) are not generated by the demo.
    expected = {a.value for a in Action if not transition_for(a).own_service} - {Action.CLOSE.value}
    assert expected <= seen


def test_database_integrity(d: Demo) -> None:
    assert _rows("PRAGMA foreign_key_check") == []
    assert _rows("PRAGMA integrity_check") == [("ok",)]
    assert _rows("PRAGMA foreign_keys") == [(1,)]  # switched back on after the load
    # The loader fills complaint.opd_code itself (schema v5); it must be what the triggers
    # would have written.
    assert _rows(
        "SELECT COUNT(*) FROM complaint c LEFT JOIN office o ON o.id = c.opd_id "
        "WHERE c.opd_code IS NOT o.code"
    ) == [(0,)]
    assert _rows("SELECT COUNT(*) FROM complaint WHERE opd_code IS NOT NULL") != [(0,)]


# ---------------------------------------------------------------- realism and coverage


def test_reporters_have_valid_kampar_niks(d: Demo) -> None:
    today = d.base.clock.now().date()
    rows = _rows('SELECT nik, sex, birth_date, kecamatan, desa, name FROM "reporter"')
    assert len(rows) == d.result.reporters >= 30
    assert len({r[0] for r in rows}) == len(rows)
    for nik, sex, birth, kec, desa, name in rows:
        info = parse_nik(nik, today=today)
        assert info.regency_code == "1401" and info.district_code in KAMPAR_DISTRICTS
        assert info.warnings == (), nik
        assert info.sex == sex and info.birth_date.isoformat() == birth
        assert kec == info.district_code and desa.startswith(kec)
        assert name and name == name.strip()
    assert {r[1] for r in rows} == {"L", "P"}


def test_every_kecamatan_and_opd_is_used(d: Demo) -> None:
    kec = {k for (k,) in _rows("SELECT DISTINCT location_kecamatan FROM complaint")}
    assert kec == set(KAMPAR_DISTRICTS)
    for k, desa, text in _rows(
        "SELECT location_kecamatan, location_desa, location_text FROM complaint"
    ):
        assert desa.startswith(k) and KAMPAR_DISTRICTS[k] in text
    opds = {o.id for o in Office.select().where(Office.kind == "opd")}
    disposed = {
        r.opd_id
        for r in CaseAction.select().where(
            CaseAction.action.in_([Action.DISPOSE.value, Action.REDISPOSE.value])
        )
    }
    assert disposed == opds


def test_variety_dates_privacy_overdue_and_escalation(d: Demo) -> None:
    now = d.base.clock.now()
    today = now.date()
    all_cases = list(Complaint.select())
    received = [c.received_at for c in all_cases]
    assert min(received) >= now - timedelta(days=366) and max(received) <= now
    months = {(r.year, r.month) for r in received}
    assert len(months) >= 12
    assert {c.channel for c in all_cases} == set(intake.CHANNELS)
    assert {c.klasifikasi for c in all_cases} == {"pengaduan", "aspirasi", "informasi"}
    assert len({c.category_id for c in all_cases}) >= 12
    assert any(c.anonim for c in all_cases) and any(c.rahasia for c in all_cases)
    assert len({c.title for c in all_cases}) > N // 3
    assert all(c.ticket.startswith(f"{c.received_at:%y%m}-DEMO-") for c in all_cases)
    nums = sorted(c.num for c in all_cases)
    assert nums == list(range(1, N + 1))
    by_num = sorted(all_cases, key=lambda c: c.num)
    assert [c.received_at for c in by_num] == sorted(received)  # FTS rowid follows date order
    overdue = [c for c in all_cases if c.due_date is not None and c.due_date < today]
    assert len(overdue) == d.result.overdue > 0
    escalated = [c for c in all_cases if c.escalated_at is not None]
    assert len(escalated) == d.result.escalated > 0
    # An escalation comes after the escalation limit, as the deadlines engine does it.
    for c in escalated:
        assert (c.escalated_at - c.received_at).days >= 60


def test_stored_deadlines_equal_the_engine(d: Demo) -> None:
    now = d.base.clock.now()
    columns = ("due_clock", "due_date", "due_soon_from", "escalation_due")
    checked = Counter()
    for case in Complaint.select():
        stored = tuple(getattr(case, c) for c in columns)
        deadlines.refresh_due(case, now)
        assert tuple(getattr(case, c) for c in columns) == stored, case.ticket
        checked[stored[0]] += 1
    assert {"verification", "follow_up", "reply", None} <= set(checked)


def test_answer_letters_are_gapless_per_office_and_year(d: Demo) -> None:
    letters = list(Letter.select().order_by(Letter.office, Letter.year, Letter.number))
    assert len(letters) == d.result.letters > 0
    by_key: dict[tuple[Any, int], list[Letter]] = defaultdict(list)
    for letter in letters:
        by_key[(letter.office_id, letter.year)].append(letter)
    codes = {o.id: o.code for o in Office.select()}
    for (office, year), group in by_key.items():
        assert [x.number for x in group] == list(range(1, len(group) + 1))
        assert [x.reserved_at for x in group] == sorted(x.reserved_at for x in group)
        for x in group:
            assert x.full_number == letters_register.format_number(
                "answer", x.number, codes[office], year
            )
    approvals = list(CaseAction.select().where(CaseAction.action == Action.APPROVE.value))
    assert len(approvals) == len(letters)
    letter_of = {(x.complaint_id, x.reserved_at): x for x in letters}
    for a in approvals:
        x = letter_of[(a.complaint_id, a.at)]
        assert x.office_id == a.office_id and x.reserved_by_id == a.user_id


# ---------------------------------------------------------------- search and users


def test_full_text_search_finds_generated_words(d: Demo) -> None:
    admin = d.sign_in("admin1")
    sample = Complaint.select().order_by(Complaint.num).limit(1).offset(N // 2).get()
    word = max(sample.title.split(), key=len)
    page = cases.search(admin, word, limit=500)
    assert sample.ticket in {r.ticket for r in page.rows}
    for r in page.rows:
        c = Complaint.get(Complaint.ticket == r.ticket)
        text = f"{c.title} {c.body} {c.location_text} {c.ticket} {c.tracking_id}".lower()
        assert word.lower().strip(".,") in text
    assert [r.ticket for r in cases.search(admin, sample.ticket).rows] == [sample.ticket]
    hits = cases.search(admin, "puskesmas", cases.CaseFilter(statuses=("SELESAI",)), limit=500)
    assert hits.rows and all(r.status == "SELESAI" for r in hits.rows)
    assert cases.search(admin, "kata-yang-tidak-ada-sama-sekali").rows == []
    # The triggers are back exactly as the migration made them.
    triggers = dict(_rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for name, sql in demo.FTS_TRIGGERS:
        assert triggers[name] == sql
    assert {n for n, _ in demo.FTS_TRIGGERS} == {
        "complaint_fts_ai",
        "complaint_fts_au",
        "complaint_fts_ad",
    }
    assert len(m0001_initial.FTS) == 4


def test_demo_users_can_sign_in_in_their_roles(d: Demo) -> None:
    names = set(d.result.demo_users)
    assert set(d.result.users_created) == names
    assert {"loket1", "admin1", "pupr.admin", "pupr.kepala", "dinkes.admin", "inspektur1"} <= names
    roles = {
        d.sign_in(n).session.role
        for n in (
            "loket1",
            "admin1",
            "pupr.admin",  # type: ignore[union-attr]
            "pupr.kepala",
            "inspektur1",
        )
    }
    assert roles == {
        Role.FRONT_DESK,
        Role.ADMIN_KABUPATEN,
        Role.OPD_ADMIN,
        Role.OPD_HEAD,
        Role.AUDITOR,
    }
    pupr = d.sign_in("pupr.admin")
    page = cases.list_cases(pupr, limit=500)
    assert page.rows and all(r.opd == "PUPR" or r.opd is None for r in page.rows)


# ---------------------------------------------------------------- determinism and policy


def _fingerprint() -> list[tuple[Any, ...]]:
    out = []
    for c in Complaint.select().order_by(Complaint.num):
        acts = tuple(
            (a.seq, a.action, a.from_status, a.to_status, a.role, a.note, a.at)
            for a in _histories_for(c)
        )
        texts = (c.ticket, c.title, c.body, c.location_text)
        out.append((*texts, c.status, c.channel, c.received_at, c.anonim, c.due_date, acts))
    return out


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    prints = []
    for i, seed in enumerate((5, 5, 6)):
        store, base = _fresh(tmp_path / f"d{i}")
        try:
            demo.generate(base, 120, seed=seed)
            prints.append(_fingerprint())
        finally:
            store.close()
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_adds_to_demo_data_and_refuses_real_complaints(world: World) -> None:
    first = demo.generate(world.base, 60, seed=1)
    assert first.last_ticket.split("-")[1] == "DEMO"
    second = demo.generate(world.base, 40, seed=2)
    assert second.users_created == ()  # the demo accounts are reused
    assert Complaint.select().count() == 100
    nums = sorted(c.num for c in Complaint.select())
    assert nums == list(range(1, 101))
    assert len({c.ticket for c in Complaint.select()}) == 100
    for _key, group in itertools.groupby(
        Letter.select().order_by(Letter.office, Letter.year, Letter.number),
        key=lambda x: (x.office_id, x.year),
    ):
        numbers = [x.number for x in group]
        assert numbers == list(range(1, len(numbers) + 1))
    # The FTS triggers work again: a real complaint logged now is found.
    t = world.new_case(title="Jembatan Sungai Kampar retak berbahaya")
    assert [r.ticket for r in cases.search(world.as_("admin"), "retak berbahaya").rows] == [t]
    assert "DEMO" not in t
    with pytest.raises(ServiceError, match="laporan sungguhan"):
        demo.generate(world.base, 10)
    assert Complaint.select().count() == 101
    with pytest.raises(ServiceError):
        demo.generate(world.base, 0)


def test_a_failed_load_leaves_nothing(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kw: object) -> object:
        raise RuntimeError("putus di tengah jalan")

    monkeypatch.setattr(generator, "insert_letters", broken)
    with pytest.raises(RuntimeError):
        demo.generate(world.base, 50)
    assert Complaint.select().count() == 0
    assert CaseAction.select().count() == 0
    assert _rows("SELECT COUNT(*) FROM \"user\" WHERE username = 'admin1'") == [(0,)]
    triggers = dict(_rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for name, sql in demo.FTS_TRIGGERS:
        assert triggers[name] == sql
    assert _rows("PRAGMA foreign_keys") == [(1,)]
    # ...and the database still works.
    t = world.new_case()
    assert cases.search(world.as_("admin"), "rusak").rows[0].ticket == t


def test_reporter_nik_of_the_world_is_not_reused(world: World) -> None:
    demo.generate(world.base, 30, seed=3)
    niks = [n for (n,) in _rows('SELECT nik FROM "reporter"')]
    assert niks.count(NIK) == 1
    assert len(niks) == len(set(niks))


def test_received_dates_follow_the_clock(world: World) -> None:
    world.clock.at = datetime(2027, 3, 15, 10, 0)
    deadlines.invalidate_calendar()
    demo.generate(world.base, 40, seed=4)
    received = [c.received_at for c in Complaint.select()]
    assert max(received) <= world.clock.at
    assert min(received).date() >= date(2026, 3, 14)


def test_cli_demo_command(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from lapor_desktop import cli

    assert cli.main(["demo", "--cases", "40", "--seed", "9", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cases"] == 40 and sum(out["by_status"].values()) == 40
    assert out["password"] == demo.DEMO_PASSWORD and "admin1" in out["users"]
    assert cli.main(["demo", "--cases", "5"]) == 0
    captured = capsys.readouterr()
    assert "5 laporan demo dibuat" in captured.out and "demo12345" in captured.out
    assert "Membuat data demo: 5/5" in captured.err
    store = storage.open_database(world.data_dir, lambda new: "tidak dipakai")
    try:
        world.new_case()
        assert cli.main(["demo", "--cases", "5"]) == 1
        assert "laporan sungguhan" in capsys.readouterr().err
    finally:
        store.close()


def test_bulk_load_rebuilds_every_secondary_index(data_dir: Path, monkeypatch) -> None:
    store, base = _fresh(data_dir)
    before = set(_rows("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    monkeypatch.setattr(loader, "BULK_INDEX_THRESHOLD", 1)  # take the big-load path
    demo.generate(base, 60, seed=3)
    after = set(_rows("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert after == before
    assert _rows("PRAGMA integrity_check") == [("ok",)]
    admin = base.as_user(users.sign_in(base, "admin1", demo.DEMO_PASSWORD))
    page = cases.list_cases(admin, cases.CaseFilter(statuses=("SELESAI",)))
    assert page.rows and all(r.status == "SELESAI" for r in page.rows)
    # The planner gets statistics of the loaded data, for the rebuilt indexes too.
    analyzed = {str(i) for (i,) in _rows("SELECT idx FROM sqlite_stat1 WHERE tbl = 'complaint'")}
    assert {"complaint_num_status", "complaint_walk_received"} <= analyzed
    assert _rows("PRAGMA analysis_limit") == [(0,)]
    store.close()


def _journal() -> str:
    return str(_rows("PRAGMA journal_mode")[0][0]).lower()


def _journal_during_load(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the journal mode the load runs in (asked before its writer thread starts:
    the connection is not shared while it works)."""
    seen: list[str] = []
    real = loader.load

    def spy(*args: Any, **kw: Any) -> Any:
        seen.append(_journal())
        return real(*args, **kw)

    monkeypatch.setattr(loader, "load", spy)
    return seen


@pytest.fixture
def big_load(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Ctx]:
    """A fresh database where even a small demo load takes the big-load path."""
    store, base = _fresh(data_dir)
    monkeypatch.setattr(loader, "BULK_INDEX_THRESHOLD", 1)
    yield base
    store.close()


def _back_in_wal_and_intact() -> None:
    assert _journal() == "wal"
    assert _rows("PRAGMA integrity_check") == [("ok",)]


def test_a_big_load_writes_through_a_rollback_journal_then_returns_to_wal(
    big_load: Ctx, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _journal() == "wal"
    seen = _journal_during_load(monkeypatch)
    demo.generate(big_load, 40, seed=5)
    assert seen == ["delete"]  # during the load: pages written once
    assert not (data_dir / "lapor.db-journal").exists()
    assert Complaint.select().count() == 40
    _back_in_wal_and_intact()


def test_a_failed_big_load_rolls_back_and_returns_to_wal(
    big_load: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kw: object) -> object:
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(generator, "insert_letters", broken)
    with pytest.raises(RuntimeError):
        demo.generate(big_load, 40, seed=5)
    assert Complaint.select().count() == 0 and CaseAction.select().count() == 0
    _back_in_wal_and_intact()


def test_a_big_load_with_another_connection_open_stays_in_wal(
    big_load: Ctx, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop.db.database import connect_local

    other = connect_local(data_dir / "lapor.db", database_proxy.obj.connect_params["passphrase"])
    assert other.execute_sql("SELECT COUNT(*) FROM office").fetchone()[0] > 0
    started = time.monotonic()
    try:
        seen = _journal_during_load(monkeypatch)
        demo.generate(big_load, 40, seed=5)
        assert seen == ["wal"]
        assert time.monotonic() - started < 4  # no wait for the busy timeout (5 s)
        assert Complaint.select().count() == 40
    finally:
        other.close()
    _back_in_wal_and_intact()


# ---------------------------------------------------------------- a second process


def _letters() -> list[tuple[Any, ...]]:
    return _rows('SELECT year, number, full_number, kind FROM "letter" ORDER BY 1, 2, 3')


def test_a_second_process_generates_the_same_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big loads are generated in a spawned process while this one writes; the data must
    be exactly what the in-process path makes from the same seed."""
    made = []
    for i, threshold in enumerate((demo.MAX_CASES + 1, 1)):
        monkeypatch.setattr(loader, "PROCESS_THRESHOLD", threshold)
        store, base = _fresh(tmp_path / f"d{i}")
        try:
            seen: list[tuple[int, int]] = []
            r = demo.generate(base, 150, seed=7, progress=lambda a, b, s=seen: s.append((a, b)))
            assert seen[-1] == (150, 150)
            assert _rows("PRAGMA foreign_key_check") == []
            assert _rows("PRAGMA integrity_check") == [("ok",)]
            totals = (r.by_status, r.actions, r.letters, r.overdue, r.escalated, r.last_ticket)
            made.append((totals, _fingerprint(), _letters()))
        finally:
            store.close()
    assert made[0] == made[1]
    assert made[0][0][2] > 0  # letters were made (and numbered) in the child


def _generator_processes() -> list[Any]:
    import multiprocessing

    return [p for p in multiprocessing.active_children() if p.name == "lapor-demo-generator"]


def _nothing_added(world: World) -> None:
    assert Complaint.select().count() == 0 and CaseAction.select().count() == 0
    assert Letter.select().count() == 0
    triggers = dict(_rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for name, sql in demo.FTS_TRIGGERS:
        assert triggers[name] == sql
    assert _generator_processes() == []
    t = world.new_case()  # the database still works
    assert cases.search(world.as_("admin"), "rusak").rows[0].ticket == t


def test_an_error_in_the_generator_process_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROCESS_THRESHOLD", 1)
    real_plans = generator.Generator.plans

    def broken_plans(self: Any, n: int) -> list[Any]:
        plans = real_plans(self, n)
        plans[-1].template = 10**6  # fails in the child, at the last case
        return plans

    monkeypatch.setattr(generator.Generator, "plans", broken_plans)
    with pytest.raises(RuntimeError, match="IndexError"):
        demo.generate(world.base, 40, seed=2)
    _nothing_added(world)


class _ExitsWhenUnpickled:
    """Kills the process that unpickles it: a generator that dies without a word."""

    def __reduce__(self) -> tuple[Any, ...]:
        import os

        return (os._exit, (3,))


def test_a_generator_process_that_dies_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROCESS_THRESHOLD", 1)
    monkeypatch.setattr(loader, "last_letter_numbers", lambda: {("x", 0): _ExitsWhenUnpickled()})
    with pytest.raises(RuntimeError, match=r"ended without a result \(exit 3\)"):
        demo.generate(world.base, 40, seed=2)
    _nothing_added(world)


def test_a_write_error_stops_the_generator_process_and_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROCESS_THRESHOLD", 1)
    real_insert = loader.insert_rows

    def disk_full(cursor: Any, table: tables.Table, *args: Any) -> Any:
        if table.name == "case_action":
            raise RuntimeError("disk penuh")
        return real_insert(cursor, table, *args)

    monkeypatch.setattr(loader, "insert_rows", disk_full)
    with pytest.raises(RuntimeError, match="disk penuh"):
        demo.generate(world.base, 40, seed=2)
    _nothing_added(world)

"""A randomised (hypothesis) schedule over three PCs — the regency front desk, the regency
admin and an OPD — of offline casework, syncs and syncs whose link is cut (before, during
or after an INSERT, before a COMMIT, mid-pull). After a final round of syncs every
invariant of SYNC.md holds:

1. nothing lost: no PC has anything left to send; every action a PC made is on the server
   exactly once;
2. no duplicates: per-case numbers of accepted actions are gapless from 1;
3. convergence: every case a PC holds has the server's status and OPD; the OPD PC holds
   exactly the cases its office may see; the regency PCs hold every case;
4. determinism: the server's status is the fold of its accepted actions, and syncing
   again changes nothing;
5. refused actions come back to their author, reason and all; the OPD PC holds no NIK;
6. checkpoints only move forward.

Kept within about a minute: few examples (LAPOR_SCHEDULE_EXAMPLES raises it), no deadline.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapor_desktop.db.models import CaseAction, Complaint, Reporter, SyncFailed, SyncState
from lapor_desktop.services import casework
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.sync import engine, link
from lapor_desktop.sync.link import SyncError
from tests.central.conftest import OPD_A, OPD_B, SUPER_DSN, dsn_with
from tests.sync.conftest import PC
from tests.sync.proxy import CutProxy, running
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres

EXAMPLES = int(os.environ.get("LAPOR_SCHEDULE_EXAMPLES", "5"))
PCS = ("desk", "admin", "opd_a")
CUTS = (
    ("insert-before", b"INSERT INTO", 0),
    ("insert-during", b"INSERT INTO", 20),
    ("commit", b"COMMIT", 0),
    ("pull", None, 3000),
)

case = st.one_of(st.just(-1), st.integers(0, 99))  # -1: the schedule's own case
work = st.one_of(
    st.tuples(st.just("intake")),
    st.tuples(st.just("admin"), case, st.sampled_from([OPD_A, OPD_B])),
    st.tuples(st.just("opd"), case),
)
step = st.one_of(
    work,
    work,
    st.tuples(st.just("sync"), st.sampled_from(PCS)),
    st.tuples(st.just("cut"), st.sampled_from(PCS), st.sampled_from(CUTS)),
)


@pytest.fixture
def proxy(hub: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[CutProxy]:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(SUPER_DSN)
    real = link.open_link
    with running(str(params.get("host") or "127.0.0.1"), int(params.get("port") or 5432)) as p:

        def opened(dsn: str) -> link.DirectLink:
            return real(dsn_with(dsn, host="127.0.0.1", port=str(p.port), sslmode="disable"))

        monkeypatch.setattr(engine, "open_link", opened)
        yield p


class World:
    """The three PCs, the cases made so far, and what each PC has done."""

    def __init__(self, hub: Any, office_pc: Any, proxy: CutProxy) -> None:
        self.hub = hub
        self.proxy = proxy
        self.pcs: dict[str, PC] = {key: office_pc(key) for key in PCS}
        self.tickets: list[str] = []
        self.serial = itertools.count(1)
        self.checkpoints: dict[str, int] = {key: 0 for key in PCS}

    def ctx(self, key: str) -> Any:
        return self.pcs[key].use()

    def pick(self, key: str, i: int) -> str | None:
        """The i-th (mod n) case this PC holds."""
        self.ctx(key)
        query: Any = Complaint.select(Complaint.ticket).order_by(Complaint.ticket).tuples()
        held = [t for (t,) in query if t in self.tickets]
        if i < 0:  # the newest case, if this PC holds it
            return self.tickets[-1] if self.tickets and self.tickets[-1] in held else None
        return held[i % len(held)] if held else None

    def run(self, s: tuple[Any, ...]) -> None:
        kind = s[0]
        try:
            if kind == "intake":
                n = next(self.serial)
                nik = f"1401021203{88 if n < 10_000 else 89}{n % 10_000:04d}"
                self.tickets.append(_intake(self.ctx("desk"), title=f"Kasus {n}", nik=nik))
            elif kind == "admin" and (t := self.pick("admin", s[1])):
                self.admin_step(t, s[2])
            elif kind == "opd" and (t := self.pick("opd_a", s[1])):
                self.opd_step(t)
            elif kind == "sync":
                self.sync(s[1])
            elif kind == "cut":
                self.cut_sync(s[1], s[2])
        except ServiceError as exc:
            # Refused on the PC itself (the case is in the wrong state here): nothing made.
            assert not isinstance(exc, SyncError), exc

    def admin_step(self, ticket: str, opd: str) -> None:
        """The regency's next step on the case as this PC sees it (maybe stale)."""
        ctx = self.ctx("admin")
        case = Complaint.get(Complaint.ticket == ticket)
        if case.status == "DITERIMA":
            casework.verify(ctx, ticket, category="INFRASTRUKTUR")
        elif case.status == "TERVERIFIKASI":
            casework.dispose(ctx, ticket, opd=opd, note="Mohon ditindaklanjuti")
        elif case.status in ("TERDISPOSISI", "DIPROSES"):
            casework.redispose(ctx, ticket, opd=opd, note="Pindah OPD")

    def opd_step(self, ticket: str) -> None:
        ctx = self.ctx("opd_a")
        case = Complaint.get(Complaint.ticket == ticket)
        if case.status == "TERDISPOSISI":
            casework.start(ctx, ticket)
        elif case.status == "DIPROSES":
            casework.submit_answer(ctx, ticket, answer="Sudah diperbaiki.")

    def sync(self, key: str) -> engine.Summary:
        summary = self.pcs[key].sync()
        assert summary.checkpoint >= self.checkpoints[key]  # only forward
        self.checkpoints[key] = summary.checkpoint
        return summary

    def cut_sync(self, key: str, cut: tuple[str, bytes | None, int]) -> None:
        _, pattern, n = cut
        if pattern is None:
            self.proxy.cut_after(n)
        else:
            self.proxy.cut_on(pattern, forward=n)
        try:
            self.sync(key)
        except SyncError as exc:
            assert "terputus" in exc.message, exc.message
        finally:
            self.proxy.disarm()
        self.pcs[key].use()
        state = SyncState.get_by_id(1)
        assert state.checkpoint >= self.checkpoints[key] and state.applying == 0

    # ------------------------------------------------------------ invariants

    def settle_and_check(self) -> None:
        for key in (*PCS, *PCS):
            self.sync(key)
        ids = self.hub_cases()
        server = self.server_actions(ids)
        # 2. gapless per case; 4. the status is the fold of the accepted actions
        status = {
            str(cid): (st_, str(opd) if opd else None)
            for cid, st_, opd in _server(
                self.hub,
                "SELECT id, status, opd_id FROM lapor.complaint WHERE id = ANY(%s::uuid[])",
                ids,
            )
        }
        for cid in ids:
            accepted = sorted(
                (seq, to) for (c, seq, _a, ok, to, _l, _r) in server.values() if c == cid and ok
            )
            assert [seq for seq, _ in accepted] == list(range(1, len(accepted) + 1)), cid
            assert accepted[-1][1] == status[cid][0], cid
        access = {
            str(c)
            for (c,) in _server(
                self.hub,
                "SELECT complaint_id FROM lapor.complaint_access "
                "WHERE office_id = %s AND active AND complaint_id = ANY(%s::uuid[])",
                self.hub.office_id(OPD_A),
                ids,
            )
        }
        for key, pc in self.pcs.items():
            pc.use()
            me = _server(self.hub, "SELECT id FROM lapor.app_user WHERE username = %s", pc.login)[
                0
            ][0]
            # 1. nothing left to send, nothing parked
            assert engine.status().pending == 0, key
            mine = {
                str(a.id)
                for a in CaseAction.select().where(CaseAction.user == str(me))
                if str(a.complaint_id) in status
            }
            assert mine <= set(server), key  # on the server (its primary key: once)
            # 3. convergence
            held = {
                str(c.id): (c.status, str(c.opd_id) if c.opd_id else None)
                for c in Complaint.select().where(Complaint.id.in_(ids))
            }
            expected = set(ids) if key != "opd_a" else access
            assert set(held) == expected, key
            for cid, got in held.items():
                assert got == status[cid], (key, cid)
                local = sorted(
                    a.seq
                    for a in CaseAction.select().where(
                        (CaseAction.complaint == cid) & CaseAction.accepted
                    )
                )
                want = sorted(s for (c, s, _a, ok, *_) in server.values() if c == cid and ok)
                assert local == want, (key, cid)
            if key == "opd_a":  # confidentiality: never a NIK or birth date on an OPD PC
                assert (
                    not Reporter.select()
                    .where(Reporter.nik.is_null(False) | Reporter.birth_date.is_null(False))
                    .exists()
                )
            # 5. every refusal of this login came back to this PC with its reason
            refused = {
                aid: reason
                for aid, (_c, _s, _a, ok, _t, login, reason) in server.items()
                if not ok and login == pc.login
            }
            failed = {
                f.entity_id: f.reason
                for f in SyncFailed.select().where(SyncFailed.entity == "case_action")
            }
            for aid, reason in refused.items():
                assert reason and failed.get(aid) == reason, (key, aid)
        # 4. syncing again changes nothing
        for key in PCS:
            again = self.sync(key)
            assert (again.pushed, again.rejected) == (0, 0), key
        after = {str(c): s for c, s in _server(
            self.hub, "SELECT id, status FROM lapor.complaint WHERE id = ANY(%s::uuid[])", ids
        )}  # fmt: skip
        assert after == {c: s for c, (s, _) in status.items()}

    def hub_cases(self) -> list[str]:
        self.pcs["desk"].use()
        query: Any = Complaint.select(Complaint.id).where(Complaint.ticket.in_(self.tickets))
        return [str(c.id) for c in query]

    def server_actions(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        rows = _server(
            self.hub,
            "SELECT id, complaint_id, seq, action, accepted, to_status, login, reason "
            "FROM lapor.case_action WHERE complaint_id = ANY(%s::uuid[])",
            ids,
        )
        return {str(r[0]): (str(r[1]), *r[2:]) for r in rows}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=4, max_size=14))
def test_random_schedule_of_offline_work_syncs_and_cuts_keeps_every_invariant(
    hub: Any, office_pc: Any, proxy: CutProxy, steps: list[tuple[Any, ...]]
) -> None:
    world = _world(hub, office_pc, proxy)
    # Every schedule starts from a case all three hold, disposed to the OPD: the work
    # that follows, offline on each side, can clash.
    prelude = [
        ("intake",),
        ("sync", "desk"),
        ("sync", "admin"),
        ("admin", -1, OPD_A),
        ("admin", -1, OPD_A),
        ("sync", "admin"),
        ("sync", "opd_a"),
    ]
    for s in [*prelude, *steps]:
        world.run(s)
    world.settle_and_check()


_WORLDS: dict[int, World] = {}


def _world(hub: Any, office_pc: Any, proxy: CutProxy) -> World:
    """One set of joined PCs for all examples of a run (joining is the slow part); the
    invariants are checked over every case made so far."""
    key = id(office_pc)
    if key not in _WORLDS:
        _WORLDS.clear()
        _WORLDS[key] = World(hub, office_pc, proxy)
    return _WORLDS[key]

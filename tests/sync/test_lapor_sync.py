"""A LAPOR! import and a duplicate marked on a regency PC reach the central server like
any other action (issue 18): the imported cases, their LAPOR! accounts (no NIK) and the
INTAKE / DUPLICATE / DUPLICATE_LINKED history, accepted."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.services import duplicates, lapor_import
from tests.lapor import files
from tests.sync.test_cycle import _server

pytestmark = pytest.mark.postgres


def test_imported_cases_and_a_duplicate_reach_the_server(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    admin = office_pc("admin")
    ctx = admin.use()
    start = (datetime.now() - timedelta(days=10)).replace(second=0, microsecond=0)
    path = files.write_csv(tmp_path / "lapor.csv", files.rows(3, start=start))
    plan = lapor_import.import_file(ctx, path, lapor_import.load_profile(ctx, "lapor-default"))
    main, dup = plan.tickets[:2]
    duplicates.mark_duplicate(ctx, dup, main)
    summary = admin.sync()
    assert summary.rejected == 0
    rows = _server(
        hub,
        "SELECT c.ticket, c.tracking_id, c.status, r.nik FROM lapor.complaint c "
        "JOIN lapor.reporter r ON r.id = c.reporter_id WHERE c.ticket = ANY(%s) ORDER BY 1",
        plan.tickets,
    )
    assert [(t, tr, st) for t, tr, st, _ in rows] == sorted(
        (t, f"LPR-{i:06d}", "ARSIP" if t == dup else "DITERIMA")
        for i, t in enumerate(plan.tickets, 1)
    )
    assert all(nik is None for *_, nik in rows)  # LAPOR! accounts: never an invented NIK
    actions = _server(
        hub,
        "SELECT c.ticket, a.action, a.accepted FROM lapor.case_action a "
        "JOIN lapor.complaint c ON c.id = a.complaint_id WHERE c.ticket = ANY(%s) "
        "ORDER BY c.ticket, a.seq",
        [main, dup],
    )
    assert sorted(actions) == sorted(
        [
            (main, "INTAKE", True),
            (main, "DUPLICATE_LINKED", True),
            (dup, "INTAKE", True),
            (dup, "DUPLICATE", True),
        ]
    )


def _rows(prefix: str, n: int, start: datetime, status: str = "Proses") -> list[list[str]]:
    """`files.rows` with tracking IDs and reporters of this test's own (the hub is shared
    by the module) and rows 1 and 2 from one LAPOR! account."""
    data = files.rows(n, start=start, status=status)
    for r in data:
        r[0] = r[0].replace("LPR-", f"{prefix}-")
        r[5] = f"{r[5]} {prefix}"
    data[1][5:7] = data[0][5:7]
    return data


def _case(ticket: str) -> Any:
    from lapor_desktop.db.models import Complaint

    return Complaint.get(Complaint.ticket == ticket)


def test_lapor_columns_reach_the_other_regency_pc_and_the_opd(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    from lapor_desktop.db.models import Complaint, Reporter
    from lapor_desktop.services import casework, lapor_gateway
    from tests.central.conftest import OPD_A

    start = (datetime.now() - timedelta(days=10)).replace(second=0, microsecond=0)
    # PC 1: import, disposition of two cases, one marked as the duplicate of the other,
    # the main case marked as entered in LAPOR!.
    pc1 = office_pc("admin")
    ctx = pc1.use()
    first = files.write_csv(tmp_path / "a.csv", _rows("SYN", 3, start))
    profile = lapor_import.load_profile(ctx, "lapor-default")
    plan = lapor_import.import_file(ctx, first, profile)
    main, dup, third = plan.tickets
    for t in (main, dup):
        casework.verify(ctx, t, category="INFRASTRUKTUR", klasifikasi="pengaduan")
        casework.dispose(ctx, t, opd=OPD_A, note="Mohon ditindaklanjuti")
    duplicates.mark_duplicate(ctx, dup, main)
    lapor_gateway.mark_entered(ctx, [main])
    entered = _case(main)
    account = Reporter.get_by_id(_case(main).reporter_id).lapor_account
    assert account and _case(dup).reporter_id == _case(main).reporter_id
    assert pc1.sync().rejected == 0
    pc1.use()
    assert Complaint.select().where(Complaint.edit_base.is_null(False)).count() == 0

    # On the server: the columns, the pointer, the account (never a NIK).
    rows = _server(
        hub,
        "SELECT c.ticket, c.tracking_id, c.lapor_status, c.duplicate_of_id, "
        "c.lapor_entered_bucket, r.lapor_account, r.nik FROM lapor.complaint c "
        "JOIN lapor.reporter r ON r.id = c.reporter_id WHERE c.ticket = ANY(%s) ORDER BY 1",
        plan.tickets,
    )
    by_ticket = {r[0]: r[1:] for r in rows}
    assert by_ticket[main][:3] == ("SYN-000001", "Proses", None)
    assert by_ticket[dup][2] == entered.id
    assert by_ticket[main][3] == entered.lapor_entered_bucket
    assert {r[4] for r in (by_ticket[main], by_ticket[dup])} == {account}
    assert all(r[6] is None for r in rows)

    # PC 2 (another regency PC) gets all of it.
    pc2 = office_pc("admin")
    ctx2 = pc2.use()
    there = _case(dup)
    assert (there.tracking_id, there.lapor_status) == ("SYN-000002", "Proses")
    assert there.duplicate_of_id == entered.id
    assert _case(main).lapor_entered_bucket == entered.lapor_entered_bucket
    assert _case(main).lapor_entered_at == entered.lapor_entered_at
    assert Reporter.get_by_id(_case(main).reporter_id).lapor_account == account
    assert main not in {i.ticket for i in lapor_gateway.pending(ctx2)}  # entered on PC 1

    # A newer file imported on PC 2: updates (LAPOR! status) and one new case of the same
    # account — matched, not a second reporter.
    newer = _rows("SYN", 4, start, status="Selesai")
    newer[3][5:7] = newer[0][5:7]
    again = lapor_import.import_file(
        ctx2, files.write_csv(tmp_path / "b.csv", newer), profile
    ).summary()
    assert (again["new"], again["updated"]) == (1, 3)
    assert Reporter.select().where(Reporter.lapor_account == account).count() == 1
    fourth = Complaint.get(Complaint.tracking_id == "SYN-000004")
    assert fourth.reporter_id == _case(main).reporter_id
    assert pc2.sync().rejected == 0
    assert _server(
        hub,
        "SELECT count(DISTINCT reporter_id), count(*) FILTER (WHERE lapor_status = 'Selesai') "
        "FROM lapor.complaint WHERE tracking_id LIKE 'SYN-%%' AND tracking_id <> 'SYN-000003'",
    ) == [(1, 3)]
    one = "SELECT count(*) FROM lapor.reporter WHERE lapor_account = %s"
    assert _server(hub, one, account) == [(1,)]
    # … and PC 1 sees the update.
    pc1.sync()
    pc1.use()
    assert _case(third).lapor_status == "Selesai"
    assert Complaint.select().where(Complaint.tracking_id == "SYN-000004").count() == 1

    # The OPD PC: both cases, the pointer and the LAPOR! status; no account anywhere.
    opd = office_pc("opd_a")
    opd.use()
    assert _case(dup).duplicate_of_id == entered.id
    assert _case(main).lapor_status == "Selesai"
    assert (
        _case(dup).ticket == dup
        and Complaint.select().where(Complaint.ticket == third).count() == 0
    )
    assert Reporter.select().where(Reporter.lapor_account.is_null(False)).count() == 0


def test_an_opd_login_cannot_read_a_lapor_account(hub: Any) -> None:
    import psycopg

    with hub.conn("opd_a") as c:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            c.execute("SELECT lapor_account FROM lapor.reporter")
        cols = c.execute("SELECT * FROM lapor.complaint_opd LIMIT 0").description
        names = {d.name for d in cols or []}
        assert {"duplicate_of_id", "lapor_status"} <= names
        assert not {n for n in names if "lapor_account" in n or n.startswith("lapor_entered")}
    with hub.conn("auditor") as c:
        cols = c.execute("SELECT * FROM lapor.reporter_audit LIMIT 0").description
        assert "lapor_account" not in {d.name for d in cols or []}


def test_one_file_imported_on_two_pcs_offline_keeps_one_tracking_id_and_one_account(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    from lapor_desktop.db.models import Complaint, Reporter, SyncConflict

    start = (datetime.now() - timedelta(days=5)).replace(second=0, microsecond=0)
    path = files.write_csv(tmp_path / "c.csv", _rows("OFF", 2, start))
    pcs = [office_pc("admin"), office_pc("admin")]
    for pc in pcs:
        ctx = pc.use()
        lapor_import.import_file(ctx, path, lapor_import.load_profile(ctx, "lapor-default"))
    for pc in pcs:
        assert pc.sync().rejected == 0
    # The server: each tracking ID on one case; the second PC's cases kept without it,
    # its reporter merged into the first one's.
    held = _server(
        hub,
        "SELECT tracking_id, count(*) FROM lapor.complaint WHERE tracking_id LIKE 'OFF-%%' "
        "GROUP BY 1 ORDER BY 1",
    )
    assert held == [("OFF-000001", 1), ("OFF-000002", 1)]
    (merged,) = _server(
        hub,
        "SELECT count(*) FILTER (WHERE merged_into IS NOT NULL) FROM lapor.reporter r "
        "WHERE lapor_account IN (SELECT lapor_account FROM lapor.reporter GROUP BY 1 "
        "HAVING count(*) > 1)",
    )[0]
    assert merged == 1
    # The second PC learns why (a conflict per case) and keeps its cases; syncing both
    # again converges without errors, one account key on each PC.
    second = pcs[1]
    second.sync()
    second.use()
    reasons = [c.reason for c in SyncConflict.select().where(SyncConflict.entity == "complaint")]
    assert len(reasons) == 2 and all("sudah dipakai laporan" in r for r in reasons)
    assert Complaint.select().where(Complaint.tracking_id.startswith("OFF-")).count() == 2
    assert Complaint.select().where(Complaint.channel == "lapor").count() >= 4
    for pc in pcs:
        pc.sync()
        pc.use()
        keys = [r.lapor_account for r in Reporter.select() if r.lapor_account]
        assert len(keys) == len(set(keys))


def _waiting() -> list[tuple[str, str]]:
    from lapor_desktop.db.models import database_proxy

    rows = database_proxy.execute_sql("SELECT complaint_id, main_id FROM duplicate_pointer")
    return [(str(a), str(b)) for a, b in rows.fetchall()]


def test_a_duplicate_pointer_waits_on_the_opd_pc_for_its_main_case(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    """The OPD sees the duplicate but not (yet, or any more) its main case: the pointer
    waits instead of breaking the local foreign key, and lands when the main case comes."""
    from lapor_desktop.services import casework
    from tests.central.conftest import OPD_A, OPD_B

    start = (datetime.now() - timedelta(days=3)).replace(second=0, microsecond=0)
    admin = office_pc("admin")
    ctx = admin.use()
    path = files.write_csv(tmp_path / "p.csv", _rows("PTR", 2, start))
    main, dup = lapor_import.import_file(
        ctx, path, lapor_import.load_profile(ctx, "lapor-default")
    ).tickets
    casework.verify(ctx, dup, category="INFRASTRUKTUR", klasifikasi="pengaduan")
    casework.dispose(ctx, dup, opd=OPD_A, note="Mohon ditindaklanjuti")
    duplicates.mark_duplicate(ctx, dup, main)
    main_id = _case(main).id
    assert admin.sync().rejected == 0

    opd = office_pc("opd_a")
    opd.use()
    assert _case(dup).duplicate_of_id is None
    assert _waiting() == [(_case(dup).id.hex, main_id.hex)]

    # The main case is dispositioned to the same OPD: the pointer lands.
    ctx = admin.use()
    casework.verify(ctx, main, category="INFRASTRUKTUR", klasifikasi="pengaduan")
    casework.dispose(ctx, main, opd=OPD_A, note="Mohon ditindaklanjuti")
    assert admin.sync().rejected == 0
    opd.sync()
    opd.use()
    assert _case(dup).duplicate_of_id == main_id and _waiting() == []

    # … and taken away again: the main case goes from the OPD PC, the pointer waits again.
    ctx = admin.use()
    casework.redispose(ctx, main, opd=OPD_B, note="Bukan kewenangan Dinkes")
    assert admin.sync().rejected == 0
    opd.sync()
    opd.use()
    from lapor_desktop.db.models import Complaint

    assert Complaint.select().where(Complaint.ticket == main).count() == 0
    assert _case(dup).duplicate_of_id is None
    assert _waiting() == [(_case(dup).id.hex, main_id.hex)]


def test_the_server_checks_edits_of_the_lapor_columns(hub: Any) -> None:
    """Plain SQL as the regency admin's login: an edit naming a main case that does not
    exist, or a tracking ID another case holds, is kept rejected with the reason (never a
    failed push); a LAPOR! status and a real main case are applied."""
    import json
    import uuid

    from tests.central.conftest import new_case

    main, dup = new_case(hub), new_case(hub)
    admin = hub.shared("admin")
    owner = hub.shared("owner")
    owner.execute("UPDATE lapor.complaint SET tracking_id = %s WHERE id = %s", (
        f"CHK-{main.hex[:8]}", main))  # fmt: skip
    (version,) = owner.execute(
        "SELECT row_version FROM lapor.complaint WHERE id = %s", (dup,)
    ).fetchone()

    def edit(changes: dict[str, Any], base: int) -> tuple[str, str | None]:
        eid = uuid.uuid4()
        admin.execute(
            "INSERT INTO lapor.record_edit (id, entity, entity_id, base_version, changes) "
            "VALUES (%s, 'complaint', %s, %s, %s::jsonb)",
            (eid, dup, base, json.dumps(changes)),
        )
        return admin.execute(
            "SELECT outcome, reason FROM lapor.record_edit WHERE id = %s", (eid,)
        ).fetchone()

    outcome, reason = edit({"duplicate_of_id": str(uuid.uuid4())}, version)
    assert outcome == "rejected" and "tidak ditemukan" in (reason or "")
    outcome, reason = edit({"duplicate_of_id": str(dup)}, version)
    assert outcome == "rejected"
    outcome, reason = edit({"tracking_id": f"CHK-{main.hex[:8]}"}, version)
    assert outcome == "rejected" and "sudah dipakai" in (reason or "")
    assert edit({"duplicate_of_id": str(main), "lapor_status": "Selesai",
                 "lapor_entered_at": "2026-12-01T10:00:00"}, version)[0] == "applied"  # fmt: skip
    row = owner.execute(
        "SELECT duplicate_of_id, lapor_status, lapor_entered_at FROM lapor.complaint WHERE id = %s",
        (dup,),
    ).fetchone()
    assert row == (main, "Selesai", datetime(2026, 12, 1, 10, 0))
    # An OPD login may not send edits at all.
    import psycopg

    with hub.conn("opd_a") as c, pytest.raises(psycopg.errors.InsufficientPrivilege):
        c.execute(
            "INSERT INTO lapor.record_edit (id, entity, entity_id, base_version, changes) "
            "VALUES (%s, 'complaint', %s, 1, '{}'::jsonb)",
            (uuid.uuid4(), dup),
        )

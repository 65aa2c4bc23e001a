"""Confidentiality enforced by PostgreSQL itself: each role's login tries, with plain SQL
(what `psql` under its own password could do), what it must not do, and is refused."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.central.conftest import (
    OPD_A,
    OPD_B,
    Central,
    _psycopg,
    case_row,
    new_case,
    push,
    to_disposed,
)

pytestmark = pytest.mark.postgres


def refused(c: Any, sql: str, params: tuple[Any, ...] = ()) -> str:
    psycopg = _psycopg()
    with pytest.raises(psycopg.Error) as info:
        c.execute(sql, params)
    return str(info.value).split("\n")[0]


def test_no_client_login_can_bypass_rls_create_or_use_temp(central: Central) -> None:
    with central.admin() as c:
        for key, login in central.logins.items():
            row = c.execute(
                "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, "
                "has_database_privilege(%s, current_database(), 'CREATE'), "
                "has_database_privilege(%s, current_database(), 'TEMP'), "
                "has_schema_privilege(%s, 'lapor', 'CREATE'), "
                "has_schema_privilege(%s, 'public', 'CREATE') "
                "FROM pg_roles WHERE rolname = %s",
                (login, login, login, login, login),
            ).fetchone()
            assert row == (False,) * 8, key
        owner = c.execute(
            "SELECT r.rolname, r.rolcanlogin FROM pg_tables t "
            "JOIN pg_roles r ON r.rolname = t.tableowner WHERE t.tablename = 'case_action'"
        ).fetchone()
        assert owner is not None and owner[1] is False and owner[0].endswith("_owner")
        # Nothing is granted to PUBLIC: a login of another database in the cluster gets in
        # nowhere here.
        public = c.execute(
            "SELECT count(*) FROM information_schema.role_table_grants "
            "WHERE grantee = 'PUBLIC' AND table_schema = 'lapor'"
        ).fetchone()
        assert public == (0,)
    with central.conn("opd_a") as c:
        assert "permission denied" in refused(c, "CREATE TEMP TABLE t (x int)")
        assert "permission denied" in refused(c, "CREATE TABLE lapor.t (x int)")
        # session_user decides, so SET ROLE to a group gains nothing and a regency group is
        # not even reachable.
        assert "permission denied" in refused(
            c, f'SET ROLE "{central.dbname}_admin_kabupaten"'
        ) or "must be member" in refused(c, f'SET ROLE "{central.dbname}_admin_kabupaten"')


def test_an_opd_sees_its_cases_only_and_a_probe_looks_like_a_missing_case(
    central: Central,
) -> None:
    mine = to_disposed(central, OPD_A)
    theirs = to_disposed(central, OPD_B)
    missing = uuid.uuid4()
    with central.conn("opd_a") as c:
        seen = {r[0] for r in c.execute("SELECT id FROM complaint_opd").fetchall()}
        assert mine in seen and theirs not in seen
        for cid in (theirs, missing):
            assert c.execute("SELECT * FROM complaint_opd WHERE id = %s", (cid,)).fetchall() == []
            assert (
                c.execute("SELECT * FROM case_action WHERE complaint_id = %s", (cid,)).fetchall()
                == []
            )
            assert (
                c.execute("SELECT * FROM attachment WHERE complaint_id = %s", (cid,)).fetchall()
                == []
            )
        # The base table: the same refusal whatever the id.
        errors = {
            refused(c, "SELECT title FROM complaint WHERE id = %s", (cid,))
            for cid in (mine, theirs, missing)
        }
        assert len(errors) == 1 and "permission denied" in errors.pop()
    # Acting on another office's case and on a missing one: the same stored answer.
    answers = {push(central, "opd_a", cid, "START")[:2] for cid in (theirs, missing)}
    assert answers == {(False, "Laporan tidak ditemukan.")}
    assert case_row(central, theirs, "status") == ("TERDISPOSISI",)
    # Nor can it ask where a case went.
    with central.conn("opd_a") as c:
        assert "permission denied" in refused(
            c, "SELECT office_sees_case(%s, %s)", (theirs, central.office_id(OPD_B))
        )
    # A leaky predicate cannot see rows before the view's own filter (security_barrier).
    with central.conn("opd_a") as c:
        rows = c.execute(
            "SELECT id FROM complaint_opd WHERE 1 / (CASE WHEN id = %s THEN 0 ELSE 1 END) = 1",
            (theirs,),
        ).fetchall()
        assert theirs not in {r[0] for r in rows}


def test_no_opd_reads_a_nik_or_the_reporter_table(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    for who in ("opd_a", "head_a"):
        with central.conn(who) as c:
            assert "permission denied" in refused(c, "SELECT nik FROM reporter")
            assert "permission denied" in refused(c, "SELECT count(*) FROM reporter")
            assert "does not exist" in refused(c, "SELECT nik FROM complaint_opd")
            cols = [
                d.name
                for d in c.execute("SELECT * FROM complaint_opd WHERE id = %s", (cid,)).description
                or []
            ]
            assert not {"nik", "birth_date"} & set(cols)
    # The auditor reads every case but no NIK either.
    with central.conn("auditor") as c:
        assert "permission denied" in refused(c, "SELECT nik FROM reporter")
        assert c.execute("SELECT count(*) FROM complaint WHERE id = %s", (cid,)).fetchone() == (1,)
        assert "does not exist" in refused(c, "SELECT nik FROM reporter_audit")


def _opd_view(central: Central, cid: uuid.UUID) -> tuple[Any, ...]:
    with central.conn("opd_a") as c:
        row = c.execute(
            "SELECT reporter_id, reporter_name, reporter_phone, reporter_email, txid::text "
            "FROM complaint_opd WHERE id = %s",
            (cid,),
        ).fetchone()
        assert row is not None
        return tuple(row)


def test_anonim_identity_never_reaches_an_opd_even_when_switched_on_later(
    central: Central,
) -> None:
    hidden = new_case(central, anonim=True)
    assert push(central, "admin", hidden, "VERIFY")[0]
    assert push(central, "admin", hidden, "DISPOSE", opd=OPD_A)[0]
    assert _opd_view(central, hidden)[:4] == (None, None, None, None)

    cid = to_disposed(central, OPD_A)
    before = _opd_view(central, cid)
    assert before[1] == "Budi Pelapor" and before[2] == "0812000111"
    # The regency switches anonim on after the contacts were synced: a versioned edit.
    version = case_row(central, cid, "row_version")[0]
    with central.conn("admin") as c:
        c.execute(
            "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
            "VALUES (%s, 'complaint', %s, %s, '{\"anonim\": true}')",
            (uuid.uuid4(), cid, version),
        )
    after = _opd_view(central, cid)
    assert after[:4] == (None, None, None, None)
    # ... and the row comes again through the feed (newer txid), so the PC purges them.
    assert int(after[4]) > int(before[4])


def test_history_cannot_be_changed_and_status_cannot_be_forged(central: Central) -> None:
    cid = to_disposed(central, OPD_A)
    for who in ("desk", "admin", "opd_a"):
        with central.conn(who) as c:
            for sql in (
                "UPDATE case_action SET note = 'x' WHERE complaint_id = %s",
                "DELETE FROM case_action WHERE complaint_id = %s",
                "UPDATE complaint SET status = 'SELESAI' WHERE id = %s",
                "DELETE FROM complaint WHERE id = %s",
            ):
                assert "permission denied" in refused(c, sql, (cid,)), (who, sql)
    # Not even the owner's rights change history: a trigger refuses.
    with central.admin() as c:
        assert "tidak dapat diubah" in refused(
            c, "UPDATE lapor.case_action SET note = 'x' WHERE complaint_id = %s", (cid,)
        )
        assert "tidak dapat diubah" in refused(
            c, "DELETE FROM lapor.case_action WHERE complaint_id = %s", (cid,)
        )
    # A forged action: the client's from/to status, seq, role and acceptance are ignored.
    # So are the office, the person and the login it claims (another office's identity).
    aid = uuid.uuid4()
    with central.conn("opd_a") as c:
        c.execute(
            "INSERT INTO case_action (id, complaint_id, seq, action, from_status, to_status, "
            "role, accepted, office_id, user_id, login, at) VALUES (%s, %s, 99, 'START', "
            "'DIJAWAB', 'SELESAI', 'ADMIN_KABUPATEN', true, %s, %s, %s, localtimestamp)",
            (aid, cid, central.office_id(OPD_B), uuid.uuid4(), central.logins["admin"]),
        )
        row = c.execute(
            "SELECT seq, from_status, to_status, role, accepted, office_id, "
            "user_id = my_user_id(), login FROM case_action WHERE id = %s",
            (aid,),
        ).fetchone()
    assert row == (
        4,
        "TERDISPOSISI",
        "DIPROSES",
        "OPD_ADMIN",
        True,
        central.office_id(OPD_A),
        True,
        central.logins["opd_a"],
    )
    assert case_row(central, cid, "status") == ("DIPROSES",)
    # A regency role forging an OPD's action: refused by role, stored with the reason.
    ok, reason, seq = push(central, "admin", cid, "SUBMIT_ANSWER", role="OPD_ADMIN")
    assert not ok and seq is None and reason and "tidak berwenang" in reason


def test_an_opd_cannot_reach_another_offices_people_or_letters(central: Central) -> None:
    with central.conn("opd_a") as c:
        offices = {
            r[0]
            for r in c.execute(
                "SELECT o.code FROM app_user u JOIN office o ON o.id = u.office_id"
            ).fetchall()
        }
        assert offices == {OPD_A}
        # A letter claimed for another office is numbered in the login's own office.
        lid = uuid.uuid4()
        c.execute(
            "INSERT INTO letter (id, office_id, year, kind, reserved_at, full_number) "
            "VALUES (%s, %s, 2026, 'answer', localtimestamp, '800/{nomor}/X')",
            (lid, central.office_id(OPD_B)),
        )
        got = c.execute(
            "SELECT o.code FROM letter l JOIN office o ON o.id = l.office_id WHERE l.id = %s",
            (lid,),
        ).fetchone()
        assert got == (OPD_A,)
    with central.conn("opd_b") as c:
        assert c.execute("SELECT count(*) FROM letter WHERE id = %s", (lid,)).fetchone() == (0,)
        assert "permission denied" in refused(c, "SELECT * FROM record_edit")


def test_the_system_admin_and_the_auditor_do_no_casework(central: Central) -> None:
    cid = new_case(central)
    with central.conn("sys") as c:
        assert "permission denied" in refused(c, "SELECT * FROM complaint")
        assert "permission denied" in refused(c, "SELECT * FROM complaint_opd")
    for who in ("sys", "auditor"):
        with central.conn(who) as c:
            assert "permission denied" in refused(
                c,
                "INSERT INTO case_action (id, complaint_id, action, at) "
                "VALUES (%s, %s, 'NOTE', localtimestamp)",
                (uuid.uuid4(), cid),
            )

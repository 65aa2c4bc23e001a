"""Every released central schema upgrades: tests/fixtures/central-cN.sql (one per central
schema version, made by make_central_fixture.py) restored into a scratch database, then
`lapor-desktop central upgrade`, gives the schema a new `central init` builds, with the
old data still there. New migrations (c0002, …) are covered as soon as they exist: the
test iterates over the fixtures and compares with whatever the newest schema is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop import app
from lapor_desktop.central import admin
from lapor_desktop.central.migrations import LATEST
from lapor_desktop.central.names import prefix_for
from tests.central.conftest import _psycopg, drop_scratch, make_scratch, require_server

pytestmark = pytest.mark.postgres

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("central-c*.sql"), key=lambda p: int(p.stem.split("-c")[1]))


def test_every_central_schema_version_has_a_fixture() -> None:
    have = [int(p.stem.split("-c")[1]) for p in _fixtures()]
    assert have == list(range(1, LATEST + 1)), "run tests/fixtures/make_central_fixture.py"


# What a schema is made of, as the catalogs say, with the database's role prefix
# written as "@" (two databases in one cluster differ in it, nothing else).
CATALOG = {
    "columns": """SELECT table_name, column_name, data_type, is_nullable,
        coalesce(column_default, '') FROM information_schema.columns
        WHERE table_schema = 'lapor' ORDER BY 1, 2""",
    "constraints": """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'lapor'::regnamespace ORDER BY 1, 2""",
    "indexes": """SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'lapor' ORDER BY 1, 2""",
    "triggers": """SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
        FROM pg_trigger WHERE NOT tgisinternal
        AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'lapor'::regnamespace)
        ORDER BY 1, 2""",
    "policies": """SELECT tablename, policyname, cmd, roles::text, coalesce(qual, ''),
        coalesce(with_check, '') FROM pg_policies WHERE schemaname = 'lapor' ORDER BY 1, 2""",
    "rls": """SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = 'lapor'::regnamespace AND relkind = 'r' ORDER BY 1""",
    "functions": """SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid),
        pg_get_userbyid(p.proowner) FROM pg_proc p
        WHERE pronamespace = 'lapor'::regnamespace ORDER BY 1""",
    "views": """SELECT viewname, definition, viewowner FROM pg_views
        WHERE schemaname = 'lapor' ORDER BY 1""",
    "grants": """SELECT table_name, grantee, privilege_type FROM
        information_schema.role_table_grants WHERE table_schema = 'lapor' ORDER BY 1, 2, 3""",
    "column_grants": """SELECT table_name, column_name, grantee, privilege_type FROM
        information_schema.column_privileges WHERE table_schema = 'lapor'
        ORDER BY 1, 2, 3, 4""",
    "owners": """SELECT relname, pg_get_userbyid(relowner) FROM pg_class
        WHERE relnamespace = 'lapor'::regnamespace ORDER BY 1""",
    "workflow": "SELECT * FROM lapor.workflow_rule ORDER BY 1, 2, 3",
}


def _catalog(dsn: str, prefix: str) -> dict[str, list[tuple[str, ...]]]:
    mark = re.compile(re.escape(prefix) + r"(?=_)")
    with _psycopg().connect(dsn) as c:
        return {
            key: [tuple(mark.sub("@", str(v)) for v in row) for row in c.execute(sql)]
            for key, sql in CATALOG.items()
        }


def _cli(capsys: pytest.CaptureFixture[str], tmp: Path, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = app.main(["--data-dir", str(tmp / "d"), "central", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(scope="module")
def newest() -> Any:
    """The catalog of a database `central init` makes today (what an upgrade must reach)."""
    require_server()
    dbname, dsn = make_scratch("new")
    try:
        db = admin.connect(dsn)
        try:
            admin.init(db)
        finally:
            db.close()
        yield _catalog(dsn, prefix_for(dbname))
    finally:
        drop_scratch(dbname, [])


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda p: p.name)
def test_central_upgrade_brings_a_released_schema_to_the_newest(
    fixture: Path, newest: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_version = int(fixture.stem.split("-c")[1])
    dbname, dsn = make_scratch("up")
    prefix = prefix_for(dbname)
    try:
        sql = fixture.read_text(encoding="utf-8")
        with _psycopg().connect(dsn) as c:  # one transaction, as pg_dump wrote it
            c.execute(sql.replace("@PREFIX@", prefix).replace("@DBNAME@", dbname))
        with _psycopg().connect(dsn) as c:
            before = c.execute(
                "SELECT (SELECT schema_version FROM lapor.sync_meta), "
                "(SELECT count(*) FROM lapor.office), (SELECT count(*) FROM lapor.complaint), "
                "(SELECT count(*) FROM lapor.case_action)"
            ).fetchone()
        assert before is not None and before[0] == old_version and before[2] >= 1

        code, out = _cli(capsys, tmp_path, "upgrade", "--dsn", dsn)
        assert code == 0, out
        with _psycopg().connect(dsn) as c:
            after = c.execute(
                "SELECT (SELECT schema_version FROM lapor.sync_meta), "
                "(SELECT count(*) FROM lapor.office), (SELECT count(*) FROM lapor.complaint), "
                "(SELECT count(*) FROM lapor.case_action)"
            ).fetchone()
            title = c.execute("SELECT title FROM lapor.complaint").fetchone()
        assert after == (LATEST, *before[1:])
        assert title == ("Jalan rusak",)
        upgraded = _catalog(dsn, prefix)
        for key in CATALOG:
            assert upgraded[key] == newest[key], key
        # Upgrading again changes nothing and says so.
        code, out = _cli(capsys, tmp_path, "upgrade", "--dsn", dsn)
        assert code == 0, out
        assert _catalog(dsn, prefix) == upgraded
    finally:
        drop_scratch(dbname, [])

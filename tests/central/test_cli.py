"""`lapor-desktop central …` end to end against a scratch database: init on an empty
database, logins per person, lists as JSON, status, and clear refusals (exit 1/2)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from lapor_desktop import app
from lapor_desktop.central.migrations import LATEST
from lapor_desktop.services.setup import office_rows
from tests.central.conftest import (
    PASSWORD,
    Central,
    _psycopg,
    drop_scratch,
    dsn_with,
    make_scratch,
    require_server,
)

pytestmark = pytest.mark.postgres


class Cli:
    def __init__(self, dsn: str, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.dsn, self.tmp, self.capsys = dsn, tmp, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            rc = app.main(["--data-dir", str(self.tmp / "d"), "central", *args])
        except SystemExit as exc:  # argparse's usage errors
            rc = int(exc.code or 0)
        out = self.capsys.readouterr()
        return rc, out.out, out.err


@pytest.fixture
def scratch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Cli, list[str]]]:
    require_server()
    dbname, dsn = make_scratch("cli")
    monkeypatch.setenv("LAPOR_CENTRAL_OWNER_DSN", dsn)
    logins: list[str] = []
    try:
        yield Cli(dsn, tmp_path, capsys), logins
    finally:
        drop_scratch(dbname, logins)


def test_init_users_offices_and_status(
    scratch: tuple[Cli, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli, logins = scratch
    rc, out, err = cli("office", "list")
    assert rc == 1 and "belum diinisialisasi" in err and "Traceback" not in err
    rc, out, err = cli("init", "--dsn", cli.dsn)
    assert rc == 0, err
    assert f"skema versi {LATEST}" in out
    rc, out, err = cli("init")
    assert rc == 1 and "sudah diinisialisasi" in err
    rc, out, _ = cli("upgrade")
    assert rc == 0 and f"sudah versi terbaru ({LATEST})" in out

    rc, out, _ = cli("office", "list", "--json")
    offices = json.loads(out)
    assert {(o["code"], o["name"], o["kind"]) for o in offices} == set(office_rows())
    assert set(offices[0]) == {"code", "name", "kind"}

    login = f"siti{uuid.uuid4().hex[:8]}"
    logins.append(login)
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    rc, out, err = cli("user", "add", login, "--role", "opd_head", "--office", "DINKES")
    assert rc == 0, err
    rc, out, err = cli("user", "add", login, "--role", "OPD_HEAD", "--office", "DINKES")
    assert rc == 1 and "sudah ada" in err
    rc, _, err = cli("user", "add", "x" + login, "--role", "OPD_HEAD", "--office", "SETDA_X")
    assert rc == 1 and "tidak dikenal" in err
    rc, _, err = cli("user", "add", "y" + login, "--role", "FRONT_DESK", "--office", "DINKES")
    assert rc == 1 and "kantor admin kabupaten" in err
    rc, _, err = cli("user", "add", "z" + login, "--office", "DINKES")
    assert rc == 2 and "--role" in err

    # The person signs in with the password given, as a member of its group only.
    psycopg = _psycopg()
    person = dsn_with(cli.dsn, user=login, password=PASSWORD)
    with psycopg.connect(person) as c:
        assert c.execute("SELECT my_role(), current_user").fetchone() == ("OPD_HEAD", login)
        c.execute("INSERT INTO sync_log (checkpoint, client_version) VALUES ('1', '0.1.0')")
    rc, out, _ = cli("user", "list", "--json")
    assert json.loads(out) == [
        {
            "username": login,
            "full_name": login,
            "role": "OPD_HEAD",
            "office": "DINKES",
            "active": True,
        }
    ]
    rc, out, _ = cli("status", "--json")
    status = json.loads(out)
    assert status["schema_version"] == LATEST and status["offices"] == len(office_rows())
    assert [s["login"] for s in status["last_sync"]] == [login]
    assert status["last_sync"][0]["lag_transactions"] > 0
    rc, out, _ = cli("status")
    assert rc == 0 and login in out

    # Disabled: the login can no longer connect.
    rc, out, err = cli("user", "disable", login)
    assert rc == 0, err
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(person).close()
    rc, out, _ = cli("user", "list", "--json")
    assert json.loads(out)[0]["active"] is False


def test_unreachable_server_and_wrong_password_are_one_line_exit_1(
    central: Central,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(central.admin_dsn, tmp_path, capsys)
    monkeypatch.setenv("LAPOR_CENTRAL_OWNER_DSN", central.admin_dsn)
    rc, _, err = cli("status", "--dsn", dsn_with(cli.dsn, password="salah-sekali"))
    assert rc == 1 and "kata sandi salah" in err
    rc, _, err = cli("status", "--dsn", "host=127.0.0.1 port=1 dbname=x user=x")
    assert rc == 1 and "tidak dapat dihubungi" in err and "Traceback" not in err
    rc, _, err = cli("status", "--dsn", "host=127.0.0.1 nonsense=1")
    assert rc == 1 and "tidak sah" in err
    monkeypatch.delenv("LAPOR_CENTRAL_OWNER_DSN")
    rc, _, err = cli("status")
    assert rc == 1 and "LAPOR_CENTRAL_OWNER_DSN" in err

"""`lapor-desktop join` / `sync` / `sync --status` end to end, in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop import app
from tests.central.conftest import PASSWORD

pytestmark = pytest.mark.postgres


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        rc = app.main(["--data-dir", str(data), *args])
    except SystemExit as exc:
        rc = int(exc.code or 0)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_join_sync_and_status_from_the_command_line(
    hub: Any,
    tmp_path: Path,
    memory_keyring: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LAPOR_CENTRAL_DSN", raising=False)
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    login = hub.logins["admin"]
    data = tmp_path / "pc"
    dsn = hub.dsn(login).replace(f"password={PASSWORD}", "").strip()
    rc, out, err = run(capsys, data, "join", "--dsn", dsn, "--json")
    assert rc == 0, err
    joined = json.loads(out)
    assert joined["username"] == login and joined["audience"] == "regency"
    assert joined["password_stored"] is True and joined["pulled"] > 0
    # The settings hold no password; the keyring does.
    assert PASSWORD not in (data / "lapor.db").read_bytes().decode("latin-1")
    rc, out, err = run(capsys, data, "sync", "--user", login, "--json")
    assert rc == 0, err
    summary = json.loads(out)
    assert set(summary) == {"pushed", "pulled", "rejected", "conflicts", "checkpoint", "seconds"}
    assert summary["checkpoint"] >= joined["checkpoint"] and "Menghubungi" in err
    rc, out, err = run(capsys, data, "sync", "--status", "--json")
    status = json.loads(out)
    assert rc == 0 and set(status) == {"last_sync", "pending", "failed", "conflicts"}
    assert status["pending"] == 0 and status["last_sync"]
    # The server cannot be reached: exit 1 with the reason in Indonesian, no traceback.
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", f"host=127.0.0.1 port=1 dbname=x user={login}")
    rc, out, err = run(capsys, data, "sync", "--user", login)
    assert rc == 1 and "tidak dapat dihubungi" in err and "Traceback" not in err
    rc, out, err = run(capsys, data, "sync", "--status", "--json")
    assert json.loads(out)["pending"] == 0

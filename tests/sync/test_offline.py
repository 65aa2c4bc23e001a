"""`sync --status` works offline and `sync` on a PC that never joined says why (no server
needed: these run everywhere)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop import app
from lapor_desktop.services import storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.setup import initialize
from tests.sync.test_cycle import _intake


def test_status_offline_and_sync_before_join(
    data_dir: Path,
    memory_keyring: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LAPOR_CENTRAL_DSN", raising=False)
    store = storage.create_database(data_dir, lambda new: "x")
    admin = initialize(Ctx(data_dir=data_dir), "admin", "kata-sandi-kuat")
    from lapor_desktop.services import users

    session = users.sign_in(Ctx(data_dir=data_dir), admin.username, "kata-sandi-kuat")
    users.add_user(
        Ctx(data_dir=data_dir).as_user(session),
        "loket",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password="kata-sandi-kuat",
        full_name="Petugas Loket",
        must_change_password=False,
    )
    desk = users.sign_in(Ctx(data_dir=data_dir), "loket", "kata-sandi-kuat")
    _intake(Ctx(data_dir=data_dir).as_user(desk))
    store.close()
    capsys.readouterr()
    assert app.main(["--data-dir", str(data_dir), "sync", "--status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status == {"last_sync": None, "pending": 3, "failed": 0, "conflicts": 0}
    monkeypatch.setenv("LAPOR_PASSWORD", "kata-sandi-kuat")
    rc = app.main(["--data-dir", str(data_dir), "sync", "--user", "loket"])
    err = capsys.readouterr().err
    assert rc == 1 and "belum bergabung" in err and "Traceback" not in err
    assert app.main(["--data-dir", str(data_dir), "sync", "--status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 3  # nothing lost

"""`backup` and `restore` on the command line: in-process through `app.main` (in-memory
keyring), and as real processes without a keyring (passphrase from LAPOR_DB_KEY)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lapor_desktop import app, paths
from tests.cli.test_cli_casework import Cli, Result

PASSWORD = "sandi-uji-123"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch) -> Cli:
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", PASSWORD)
    monkeypatch.delenv("LAPOR_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.delenv("LAPOR_USER", raising=False)
    c = Cli(capsys, data_dir)
    c.ok("init", "--admin", "root")
    return c


def _users(cli: Cli) -> set[str]:
    r = cli.ok("user", "list", "--json", user="root")
    import json

    return {u["username"] for u in json.loads(r.out)}


def _add_user(cli: Cli, name: str, role: str = "FRONT_DESK") -> Result:
    return cli.ok(
        "user",
        "add",
        name,
        "--role",
        role,
        "--office",
        "DISKOMINFOSANDI",
        "--no-must-change",
        user="root",
    )


def test_backup_list_and_restore(cli: Cli, data_dir: Path) -> None:
    _add_user(cli, "petugas1")
    r = cli.ok("backup", user="root")
    made = Path(r.out.split("Cadangan dibuat: ")[1].split(" (")[0])
    assert made.parent == paths.backups_dir(data_dir) and made.exists()
    assert made.name in cli.ok("backup", "--list", user="root").out
    _add_user(cli, "petugas2")
    r = cli.ok("restore", str(made), user="root")
    assert "dipulihkan" in r.out and "sebelumnya disimpan" in r.out
    names = _users(cli)
    assert "petugas1" in names and "petugas2" not in names
    kinds = cli.ok("backup", "--list", user="root").out
    assert "Sebelum pemulihan" in kinds and "Manual" in kinds
    assert "7 hari" in cli.ok("backup", "--keep", "7", user="root").out


def test_exit_codes_and_messages(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    _add_user(cli, "petugas1")
    assert cli("backup").rc == 2  # no --user
    assert cli("backup", "--keep", "0", user="root").rc == 2
    assert cli("backup", "--list", "--out", "x.db", user="root").rc == 2
    assert cli("restore").rc == 2
    r = cli("backup", user="petugas1")
    assert r.rc == 1 and "tidak berwenang" in r.err
    text = tmp_path / "surat.txt"
    text.write_text("bukan cadangan\n")
    r = cli("restore", str(text))  # the database opens: --user is needed
    assert r.rc == 2 and "--user" in r.err
    r = cli("restore", str(text), user="petugas1")
    assert r.rc == 1 and "tidak berwenang" in r.err
    r = cli("restore", str(text), user="root")
    assert r.rc == 1 and "bukan cadangan" in r.err and "Traceback" not in r.err
    r = cli("backup", "--out", str(tmp_path / "tidak-ada" / "x.db"), user="root")
    assert r.rc == 1  # no passphrase and no terminal
    assert "LAPOR_BACKUP_PASSPHRASE" in r.err
    assert "petugas1" in _users(cli)


def test_backup_for_another_pc(cli: Cli, tmp_path: Path, monkeypatch) -> None:
    _add_user(cli, "petugas1")
    out = tmp_path / "bawa-pulang.db"
    monkeypatch.setenv("LAPOR_BACKUP_PASSPHRASE", "frasa-sandi-pindahan")
    assert "frasa sandi" in cli.ok("backup", "--out", str(out), user="root").out
    r = cli("backup", "--out", str(out), user="root")
    assert r.rc == 1 and "tidak akan ditimpa" in r.err
    monkeypatch.delenv("LAPOR_BACKUP_PASSPHRASE")

    other = tmp_path / "pc-baru"  # a new PC: no database yet
    r = cli("--data-dir", str(other), "restore", str(out))
    assert r.rc == 1 and "LAPOR_BACKUP_PASSPHRASE" in r.err
    assert not paths.db_path(other).exists()
    monkeypatch.setenv("LAPOR_BACKUP_PASSPHRASE", "frasa-sandi-keliru")
    r = cli("--data-dir", str(other), "restore", str(out))
    assert r.rc == 1 and "salah" in r.err
    monkeypatch.setenv("LAPOR_BACKUP_PASSPHRASE", "frasa-sandi-pindahan")
    r = cli("--data-dir", str(other), "restore", str(out))
    assert r.rc == 0, r.err
    monkeypatch.delenv("LAPOR_BACKUP_PASSPHRASE")
    # the same accounts, opened with the new PC's own key
    r = cli.ok("--data-dir", str(other), "user", "list", user="root")
    assert "petugas1" in r.out


def _run(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "LAPOR_DATA_DIR": str(data_dir),
        "LAPOR_DB_KEY": "frasa-sandi-kantor-1",
        "LAPOR_PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **env,
    }
    full.pop("LAPOR_USER", None)
    return subprocess.run(
        [sys.executable, "-m", "lapor_desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
    )


def test_damaged_database_restored_without_sign_in_as_real_processes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert _run(data_dir, "init", "--admin", "root").returncode == 0
    made = _run(data_dir, "--user", "root", "backup")
    assert made.returncode == 0, made.stderr
    live = paths.db_path(data_dir)
    raw = bytearray(live.read_bytes())
    for page in range(1, len(raw) // 4096):
        raw[page * 4096 + 100 : page * 4096 + 132] = bytes(32)
    live.write_bytes(bytes(raw))
    (backup_file,) = paths.backups_dir(data_dir).glob("*-manual.db")
    r = _run(data_dir, "restore", str(backup_file))
    assert r.returncode == 0, r.stderr
    assert "rusak" in r.stderr and "Traceback" not in r.stderr + r.stdout
    assert "ERROR CORE" not in r.stderr
    r = _run(data_dir, "--user", "root", "user", "list")
    assert r.returncode == 0 and "root" in r.stdout
    assert any(p.name.endswith("-rusak.db") for p in paths.backups_dir(data_dir).iterdir())


def test_help_mentions_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        app.main(["--help"])
    out = capsys.readouterr().out
    assert "backup" in out and "restore" in out

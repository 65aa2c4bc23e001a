"""The log file after a full scenario through the CLI: what it records (start, sign-in,
every action by name and ticket, sign-out) and what it never holds (a NIK, a name,
contact data, complaint text, notes, passwords, the database key). And an unexpected
error: its traceback in the log, one line and exit 1 for the person."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lapor_desktop import app, logs
from lapor_desktop.domain.workflow import Action
from lapor_desktop.memory_keyring import MemoryKeyring

PASSWORD = "Sandi-Rahasia-9931"
WRONG_PASSWORD = "Salah-Tebak-4471"
TYPED_AS_NAME = "Rahasia-Ketik-Keliru"  # a password typed into the user-name field
NIK = "1401154107950001"
PERSONAL = {
    "nik": NIK,
    "name": "Ratna Sari Dewi",
    "phone": "0813 2222 9876",
    "email": "ratna.dewi@contoh.id",
    "address": "Jl. Melati Nomor 17 Bangkinang",
    "title": "Lampu jalan padam di Gang Kenanga",
    "body": "Sudah tiga minggu lampu jalan di depan rumah nomor 12 padam total.",
    "dispose note": "Mohon segera diperbaiki oleh tim lapangan",
    "followup note": "Tim survei dijadwalkan Kamis pagi",
    "answer": "Lampu telah diganti dengan yang baru oleh teknisi",
    "attachment name": "KTP_Ratna_Sari_Dewi.jpg",
}
STAFF = {
    "loket": ("FRONT_DESK", "DISKOMINFOSANDI"),
    "admin": ("ADMIN_KABUPATEN", "DISKOMINFOSANDI"),
    "pupr": ("OPD_ADMIN", "PUPR"),
    "kadis.pupr": ("OPD_HEAD", "PUPR"),
    "inspektur": ("AUDITOR", "INSPEKTORAT"),
}


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str, user: str | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            rc = app.main(["--user", user, *args] if user else list(args))
        except SystemExit as exc:
            rc = int(exc.code or 0)
        out = self.capsys.readouterr()
        return rc, out.out, out.err

    def ok(self, *args: str, user: str | None = None) -> str:
        rc, out, err = self(*args, user=user)
        assert rc == 0, f"{args}: {err}"
        return out


def log_text(data_dir: Path) -> str:
    files = sorted(paths for paths in (data_dir / "logs").iterdir() if paths.is_file())
    assert files, "no log file"
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", PASSWORD)
    monkeypatch.delenv("LAPOR_USER", raising=False)
    return Cli(capsys)


def test_full_scenario_logs_actions_and_no_personal_data(
    cli: Cli,
    data_dir: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli.ok("init", "--admin", "root")
    for name, (role, office) in STAFF.items():
        cli.ok(
            "user", "add", name, "--role", role, "--office", office, "--no-must-change", user="root"
        )
    cli.ok(
        "reporter",
        "add",
        "--nik",
        NIK,
        "--name",
        PERSONAL["name"],
        "--phone",
        PERSONAL["phone"],
        "--email",
        PERSONAL["email"],
        "--address",
        PERSONAL["address"],
        user="loket",
    )
    scan = tmp_path / PERSONAL["attachment name"]
    scan.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg " + NIK.encode())
    added = cli.ok(
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        PERSONAL["title"],
        "--body",
        PERSONAL["body"],
        "--channel",
        "walk-in",
        "--type",
        "pengaduan",
        "--attach",
        str(scan),
        "--json",
        user="loket",
    )
    ticket = json.loads(added)["ticket"]
    cli.ok("search", "Kenanga", user="admin")
    cli.ok("case", "verify", ticket, "--category", "INFRASTRUKTUR", user="admin")
    cli.ok(
        "case", "dispose", ticket, "--opd", "PUPR", "--note", PERSONAL["dispose note"], user="admin"
    )
    cli.ok("case", "start", ticket, user="pupr")
    cli.ok("case", "note", ticket, "--note", PERSONAL["followup note"], user="pupr")
    cli.ok("case", "answer", ticket, "--note", PERSONAL["answer"], user="pupr")
    cli.ok("case", "approve", ticket, user="kadis.pupr")
    for user, kind in (("loket", "receipt"), ("kadis.pupr", "answer"), ("inspektur", "history")):
        cli.ok("letter", kind, ticket, "--out", str(tmp_path / f"{kind}.pdf"), user=user)
    cli.ok("case", "show", ticket, user="admin")
    # Sign-in failures: a known user with a wrong password; a password typed as a name.
    monkeypatch.setenv("LAPOR_PASSWORD", WRONG_PASSWORD)
    assert cli("office", "list", user="admin")[0] == 1
    assert cli("office", "list", user=TYPED_AS_NAME)[0] == 1

    text = log_text(data_dir)
    # Never: the citizen's data, what people wrote, passwords, the database key.
    db_keys = [v for k, v in memory_keyring.store.items() if k[1].startswith("db-key:")]
    assert db_keys
    secrets = {"password": PASSWORD, "wrong password": WRONG_PASSWORD, "typed": TYPED_AS_NAME}
    for what, value in {**PERSONAL, **secrets}.items():
        assert value not in text, what
    for key in db_keys:
        assert key not in text and key.strip("x'\"").lower() not in text.lower()
    for word in ("Ratna", "Kenanga", "Melati", "ratna.dewi", "2222 9876", "1401154107"):
        assert word not in text, word
    assert not re.search(r"(?<!\d)\d{16}(?!\d)", text)
    # Always: the starts, the database, sign-in and sign-out, each action with its ticket.
    assert "start LAPOR Desktop" in text and "mode CLI (complaint add)" in text
    assert "database opened" in text and "database created" in text
    assert re.search(r"action login by admin", text)
    assert re.search(r"action login_gagal by - user admin", text)
    assert "sign-in refused (PermissionDenied)" in text
    assert "sign-out pupr" in text
    done = (
        Action.VERIFY,
        Action.DISPOSE,
        Action.START,
        Action.FOLLOWUP_NOTE,
        Action.SUBMIT_ANSWER,
        Action.APPROVE,
    )
    for action in ["kasus_catat"] + [f"kasus_{a.value.lower()}" for a in done]:
        assert re.search(rf"action {action} by \S+ complaint {re.escape(ticket)}\b", text), action
    assert "action pelapor_daftar by loket reporter " in text
    assert "action user_tambah by root user kadis.pupr" in text
    assert "mode CLI (letter answer)" in text
    # Owner-only on POSIX: the folder and the file.
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / "logs").stat().st_mode) == 0o700
        assert stat.S_IMODE(logs.log_file(data_dir).stat().st_mode) == 0o600


def test_unexpected_error_is_logged_with_traceback_and_said_in_one_line(
    cli: Cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("init", "--admin", "root")
    from lapor_desktop.services import users

    # A bug stands in here: an exception no code expects, whose message holds personal data.
    def broken(ctx: object) -> list[object]:
        raise RuntimeError(f"rusak {PERSONAL['name']} {NIK}")

    monkeypatch.setattr(users, "list_users", broken)
    rc, _out, err = cli("user", "list", user="root")
    assert rc == 1
    assert "Traceback" not in err and "RuntimeError" not in err
    assert err.startswith("Terjadi kesalahan tak terduga") and err.count("\n") == 1
    assert str(logs.log_file(data_dir)) in err
    text = log_text(data_dir)
    assert "unexpected error in 'user list'" in text
    assert "Traceback (most recent call last)" in text
    assert "in broken" in text and "RuntimeError: (pesan disembunyikan" in text
    assert PERSONAL["name"] not in text and NIK not in text
    assert "end, exit code 1" in text


def test_a_log_that_cannot_be_written_stops_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / "logs").write_text("a file where the folder should be")
    assert app.main(["--data-dir", str(data_dir), "nik", NIK]) == 0
    assert logs.current_log_file() is None
    if os.name == "posix" and os.geteuid() != 0:
        (data_dir / "logs").unlink()
        data_dir.chmod(0o500)  # a read-only data dir: no logs folder can be made
        try:
            assert app.main(["--data-dir", str(data_dir), "nik", NIK]) == 0
            assert logs.current_log_file() is None
        finally:
            data_dir.chmod(0o700)
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err


def test_subprocess_passphrase_never_logged_and_no_stderr_noise(tmp_path: Path) -> None:
    # A real process without a keyring: the passphrase comes from LAPOR_DB_KEY.
    passphrase = "frasa sandi kantor camat 2026"
    env = {
        **os.environ,
        "LAPOR_DATA_DIR": str(tmp_path / "d"),
        "LAPOR_PASSWORD": PASSWORD,
        "LAPOR_DB_KEY": passphrase,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    for args in (["init", "--admin", "root"], ["--user", "root", "user", "list"]):
        r = subprocess.run(
            [sys.executable, "-m", "lapor_desktop", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert r.returncode == 0, r.stderr
    text = log_text(tmp_path / "d")
    assert passphrase not in text and PASSWORD not in text
    assert "key from a passphrase" in text and "action login by root" in text
    assert text.count("start LAPOR Desktop") == 2

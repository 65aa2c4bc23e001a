"""`init`, `nik` and `self-check` end to end, through the real entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lapor_desktop import app


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "lapor_desktop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_init_then_self_check_in_new_data_dir_without_keyring(tmp_path: Path) -> None:
    # A subprocess has no in-memory keyring: the no-keyring path with LAPOR_DB_KEY.
    env = {
        "LAPOR_DATA_DIR": str(tmp_path / "d"),
        "LAPOR_PASSWORD": "sandi-admin-1",
        "LAPOR_DB_KEY": "frasa sandi uji coba",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    r = run("init", "--admin", "admin", env=env)
    assert r.returncode == 0, r.stderr
    assert "Basis data dibuat" in r.stdout
    r = run("self-check", "--json", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    names = {i["name"]: i for i in report["items"]}
    assert names["basis data"]["ok"] and "skema" in names["basis data"]["detail"]
    assert names["keyring"]["detail"].startswith("keyring.backends.fail")
    # Offices printing a borrowed or sample kop: a warning line each, not a failure.
    kop = names["kop surat DINKES"]
    assert kop["ok"] and kop["warning"] and "belum punya kop surat sendiri" in kop["detail"]
    assert "masih contoh" in names["kop surat DISKOMINFOSANDI"]["detail"]
    r = run("self-check", env=env)
    assert r.returncode == 0 and "[PERINGATAN] kop surat DINKES: " in r.stdout
    assert "Semua siap digunakan." in r.stdout
    # init refuses to overwrite
    r = run("init", "--admin", "admin", env=env)
    assert r.returncode == 1 and "tidak akan ditimpa" in r.stderr
    # the wrong passphrase: self-check fails, clearly
    r = run("self-check", env={**env, "LAPOR_DB_KEY": "salah salah salah"})
    assert r.returncode == 1 and "kunci salah" in r.stdout


def test_self_check_fails_without_database(tmp_path: Path) -> None:
    r = run("--data-dir", str(tmp_path / "kosong"), "self-check")
    assert r.returncode == 1
    assert "jalankan init" in r.stdout


def test_init_without_password_source_refuses(tmp_path: Path) -> None:
    r = run("--data-dir", str(tmp_path / "d"), "init", "--admin", "admin")
    assert r.returncode == 1
    assert "LAPOR_PASSWORD" in r.stderr
    assert not (tmp_path / "d" / "lapor.db").exists()


def test_init_with_weak_password_creates_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LAPOR_PASSWORD", "pendek")
    rc = app.main(["--data-dir", str(tmp_path / "d"), "init", "--admin", "admin"])
    assert rc == 1
    assert not (tmp_path / "d" / "lapor.db").exists()


def test_init_in_process_uses_keyring(tmp_path: Path, monkeypatch, memory_keyring) -> None:
    monkeypatch.setenv("LAPOR_PASSWORD", "sandi-admin-1")
    rc = app.main(["--data-dir", str(tmp_path / "d"), "init", "--admin", "Admin"])
    assert rc == 0
    assert any(k[1].startswith("db-key:") for k in memory_keyring.store)
    assert app.main(["--data-dir", str(tmp_path / "d"), "self-check"]) == 0


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("140115410795000", "length"),
        ("14011541079500011", "length"),
        ("1401-1541-0795-0001", "digits"),
        ("9901154107950001", "province"),
        ("1401153113950001", "date"),
        ("1401154107950000", "serial"),
    ],
)
def test_nik_invalid_json(nik: str, code: str, capsys) -> None:
    assert app.main(["nik", nik, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["code"] == code and out["message"]


def test_nik_valid_json_fields(capsys) -> None:
    assert app.main(["nik", " 1401 1541 0795 0001 ", "--json", "--today", "2026-11-28"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["nik"] == "1401154107950001"
    assert out["province_code"] == "14" and out["regency_code"] == "1401"
    assert out["district_code"] == "140115"
    assert out["birth_date"] == "1995-07-01" and out["sex"] == "P"
    assert out["serial"] == "0001" and out["masked"] == "1401********0001"
    assert out["warnings"] == []


def test_nik_warnings_listed(capsys) -> None:
    # Pekanbaru (14.71), born 2015: outside Kampar and under 17.
    assert app.main(["nik", "1471010101150003", "--today", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "luar Kabupaten Kampar" in out and "di bawah 17" in out


def test_nik_text_output_invalid(capsys) -> None:
    assert app.main(["nik", "abc"]) == 1
    assert "NIK tidak valid [digits]" in capsys.readouterr().err


def test_usage_error_exit_2() -> None:
    r = run("nik")
    assert r.returncode == 2
    r = run("tidak-ada")
    assert r.returncode == 2

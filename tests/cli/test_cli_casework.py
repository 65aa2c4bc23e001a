"""The casework CLI end to end: through `app.main([...])` in-process (in-memory keyring) and
one real `python -m lapor_desktop` run without a keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop import app

PASSWORD = "sandi-uji-123"
NIK = "1401154107950001"  # Bangkinang, woman born 1 July 1995
NIK2 = "1401060101900002"  # Siak Hulu, man born 1 January 1990

USERS = {
    "loket": ("FRONT_DESK", "DISKOMINFOSANDI"),
    "admin": ("ADMIN_KABUPATEN", "DISKOMINFOSANDI"),
    "pupr": ("OPD_ADMIN", "PUPR"),
    "kadis.pupr": ("OPD_HEAD", "PUPR"),
    "dinkes": ("OPD_ADMIN", "DINKES"),
    "inspektur": ("AUDITOR", "INSPEKTORAT"),
}


@dataclass
class Result:
    rc: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
        self.capsys = capsys
        self.data_dir = data_dir

    def __call__(self, *args: str, user: str | None = None) -> Result:
        self.capsys.readouterr()
        argv = ["--user", user, *args] if user else list(args)
        try:
            rc = app.main(argv)
        except SystemExit as exc:  # argparse usage errors and --help
            rc = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Result(rc, captured.out, captured.err)

    def ok(self, *args: str, user: str | None = None) -> Result:
        r = self(*args, user=user)
        assert r.rc == 0, f"{args}: rc={r.rc}\n{r.out}\n{r.err}"
        return r

    def new_case(self, *extra: str, user: str = "loket", title: str = "Jalan rusak") -> str:
        r = self.ok(
            "complaint",
            "add",
            "--reporter",
            NIK,
            "--title",
            title,
            "--body",
            "Lubang besar di jalan utama Desa Pulau.",
            "--channel",
            "walk-in",
            "--type",
            "pengaduan",
            "--json",
            *extra,
            user=user,
        )
        return str(r.json()["ticket"])


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", PASSWORD)
    monkeypatch.delenv("LAPOR_USER", raising=False)
    c = Cli(capsys, data_dir)
    c.ok("init", "--admin", "root")
    for name, (role, office) in USERS.items():
        c.ok(
            "user", "add", name, "--role", role, "--office", office, "--no-must-change", user="root"
        )
    c.ok(
        "reporter",
        "add",
        "--nik",
        NIK,
        "--name",
        "Siti Aminah",
        "--phone",
        "0812 7654 321",
        user="loket",
    )
    return c


def through_to_processing(cli: Cli, ticket: str, opd: str = "PUPR") -> None:
    cli.ok("case", "verify", ticket, "--category", "INFRASTRUKTUR", user="admin")
    cli.ok("case", "dispose", ticket, "--opd", opd, "--note", "Mohon ditindaklanjuti", user="admin")
    cli.ok("case", "start", ticket, user="pupr" if opd == "PUPR" else "dinkes")


# ---------------------------------------------------------------- users and reference data


def test_user_list_and_roles(cli: Cli) -> None:
    rows = cli.ok("user", "list", "--json", user="root").json()
    got = {r["username"]: (r["role"], r["office_code"], r["active"]) for r in rows}
    for name, (role, office) in USERS.items():
        assert got[name] == (role, office, True)
    assert got["root"][0] == "SYS_ADMIN"
    # only a system admin adds users; an unknown role or office is refused (exit 1)
    r = cli(
        "user", "add", "baru", "--role", "FRONT_DESK", "--office", "DISKOMINFOSANDI", user="admin"
    )
    assert r.rc == 1 and "tidak berwenang" in r.err
    r = cli("user", "add", "baru", "--role", "RAJA", "--office", "PUPR", user="root")
    assert r.rc == 1 and "Peran 'RAJA' tidak dikenal" in r.err
    r = cli("user", "add", "baru", "--role", "OPD_ADMIN", "--office", "NGAWUR", user="root")
    assert r.rc == 1 and "tidak ditemukan" in r.err
    r = cli(
        "user", "add", "loket", "--role", "FRONT_DESK", "--office", "DISKOMINFOSANDI", user="root"
    )
    assert r.rc == 1 and "sudah dipakai" in r.err


def test_user_disable_enable_and_passwords(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.ok("user", "disable", "dinkes", user="root")
    r = cli("office", "list", user="dinkes")
    assert r.rc == 1 and "dinonaktifkan" in r.err
    cli.ok("user", "enable", "dinkes", user="root")
    cli.ok("office", "list", user="dinkes")
    # reset by the system admin: the new password works, and a change is asked for
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", "sandi-baru-456")
    cli.ok("user", "passwd", "dinkes", user="root")
    assert cli("office", "list", user="dinkes").rc == 1  # the old password no longer works
    monkeypatch.setenv("LAPOR_PASSWORD", "sandi-baru-456")
    r = cli("office", "list", user="dinkes")  # nothing but a password change until then
    assert r.rc == 1 and "harus diganti" in r.err and "ganti kata sandi" in r.err
    # the user changes their own password: old = LAPOR_PASSWORD, new = LAPOR_NEW_PASSWORD
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", "sandi-sendiri-789")
    r = cli.ok("user", "passwd", "dinkes", user="dinkes")
    assert "diganti" in r.out
    monkeypatch.setenv("LAPOR_PASSWORD", "sandi-sendiri-789")
    r = cli.ok("office", "list", user="dinkes")
    assert "harus diganti" not in r.err
    # a non-admin cannot reset someone else's password
    r = cli("user", "passwd", "pupr", user="dinkes")
    assert r.rc == 1
    # a weak new password is refused
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", "pendek")
    r = cli("user", "passwd", "pupr", user="root")
    assert r.rc == 1 and "minimal" in r.err


def test_an_account_made_by_the_admin_changes_its_password_first(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = cli.ok(
        "user", "add", "siti", "--role", "FRONT_DESK", "--office", "DISKOMINFOSANDI", user="root"
    )
    assert "wajib diganti saat masuk pertama" in r.out
    listed = {u["username"]: u for u in cli.ok("user", "list", "--json", user="root").json()}
    assert listed["siti"]["must_change_password"] and not listed["loket"]["must_change_password"]
    r = cli("office", "list", user="siti")  # refused, and told how to change it
    assert r.rc == 1 and r.out == ""
    assert "harus diganti" in r.err and "lapor-desktop --user siti user passwd siti" in r.err
    assert cli("user", "passwd", "loket", user="siti").rc == 1  # not someone else's
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", "sandi-siti-baru")
    cli.ok("user", "passwd", "siti", user="siti")
    monkeypatch.setenv("LAPOR_PASSWORD", "sandi-siti-baru")
    cli.ok("office", "list", user="siti")
    # unticked by the admin: the initial password is kept, at creation and at a reset
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_NEW_PASSWORD", PASSWORD)
    r = cli.ok(
        "user",
        "add",
        "budi",
        "--role",
        "FRONT_DESK",
        "--office",
        "DISKOMINFOSANDI",
        "--no-must-change",
        user="root",
    )
    assert "wajib diganti" not in r.out
    cli.ok("office", "list", user="budi")
    r = cli.ok("user", "passwd", "budi", "--no-must-change", user="root")
    assert "wajib diganti" not in r.out
    cli.ok("office", "list", user="budi")


def test_sign_in_failures(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAPOR_PASSWORD", "salah-salah-1")
    r = cli("office", "list", user="admin")
    assert r.rc == 1 and "kata sandi salah" in r.err
    r = cli("office", "list", user="tidak.ada")
    assert r.rc == 1 and "kata sandi salah" in r.err


def test_user_option_global_subcommand_and_env(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = cli.ok("user", "list", "--json", "--user", "root").json()
    assert any(r["username"] == "root" for r in rows)
    # the subcommand's --user wins over the global one
    r = cli("--user", "loket", "user", "list", "--user", "root")
    assert r.rc == 0
    monkeypatch.setenv("LAPOR_USER", "root")
    cli.ok("user", "list")
    monkeypatch.delenv("LAPOR_USER")
    r = cli("user", "list")
    assert r.rc == 2 and "--user" in r.err


def test_office_and_category_list_json(cli: Cli) -> None:
    offices = cli.ok("office", "list", "--json", user="loket").json()
    assert all(set(o) == {"code", "name", "kind"} for o in offices)
    by_code = {o["code"]: o for o in offices}
    assert by_code["DISKOMINFOSANDI"]["kind"] == "kabupaten"
    assert by_code["PUPR"]["kind"] == "opd"
    assert [o["code"] for o in offices if o["kind"] == "kabupaten"] == ["DISKOMINFOSANDI"]
    cats = cli.ok("category", "list", "--json", user="pupr").json()
    assert all(set(c) == {"code", "name"} for c in cats)
    assert "INFRASTRUKTUR" in {c["code"] for c in cats}
    text = cli.ok("office", "list", user="loket").out
    assert "Dinas Pekerjaan Umum" in text


# ---------------------------------------------------------------- reporters and intake


def test_reporter_add(cli: Cli) -> None:
    r = cli.ok(
        "reporter",
        "add",
        "--nik",
        NIK2,
        "--name",
        "Budi",
        "--ktp-seen",
        "--sex",
        "P",
        "--kecamatan",
        "140106",
        "--json",
        user="admin",
    )
    view = r.json()
    assert view["nik"] == "1401********0002" and view["nik_masked"] == view["nik"]
    assert view["sex"] == "L" and view["birth_date"] == "1990-01-01"
    assert view["identity_check"] == "ktp_seen" and view["kecamatan"] == "140106"
    assert "Jenis kelamin" in r.err and view["warnings"]
    # the NIK again: refused, pointing to the registered reporter
    r = cli("reporter", "add", "--nik", NIK2, "--name", "Budi Lagi", user="loket")
    assert r.rc == 1 and "sudah terdaftar atas nama Budi" in r.err
    # invalid NIK, bad e-mail: exit 1 with the reason
    r = cli("reporter", "add", "--nik", "140115", "--name", "X", user="loket")
    assert r.rc == 1 and "16 digit" in r.err
    r = cli("reporter", "add", "--nik", "1401153113950001", "--name", "X", user="loket")
    assert r.rc == 1 and r.err.strip()
    r = cli(
        "reporter", "add", "--nik", "1401010101900003", "--name", "X", "--email", "x@", user="loket"
    )
    assert r.rc == 1 and "e-mail" in r.err
    # OPD users and auditors do not register reporters
    r = cli("reporter", "add", "--nik", "1401010101900003", "--name", "X", user="pupr")
    assert r.rc == 1
    # usage: no --nik
    assert cli("reporter", "add", "--name", "X", user="loket").rc == 2


def test_complaint_add_with_attachments(cli: Cli, tmp_path: Path) -> None:
    pdf = tmp_path / "foto.pdf"
    pdf.write_bytes(b"%PDF-1.4 bukti")
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ")
    fake = tmp_path / "palsu.png"
    fake.write_bytes(b"bukan png")
    r = cli.ok(
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        "Lampu jalan mati",
        "--body",
        "Sudah dua minggu.",
        "--channel",
        "letter",
        "--type",
        "aspirasi",
        "--category",
        "AIR_LISTRIK",
        "--location",
        "Jl. Lintas Riau",
        "--kecamatan",
        "140115",
        "--tracking-id",
        "LAPOR-123",
        "--received",
        "2026-01-05 08:30",
        "--incident-date",
        "2026-01-01",
        "--attach",
        str(pdf),
        str(exe),
        "--attach",
        str(fake),
        "--json",
        user="loket",
    )
    out = r.json()
    ticket = out["ticket"]
    assert ticket and out["stored_files"] == ["foto.pdf"]
    assert {f["filename"] for f in out["refused_files"]} == {"virus.exe", "palsu.png"}
    assert all(f["reason"] for f in out["refused_files"])
    assert "virus.exe" in r.err and "palsu.png" in r.err
    d = cli.ok("case", "show", ticket, "--json", user="admin").json()
    assert d["status"] == "DITERIMA" and d["category"] == "AIR_LISTRIK"
    assert d["received_at"] == "2026-01-05 08:30:00" and d["tracking_id"] == "LAPOR-123"
    assert d["klasifikasi"] == "aspirasi" and d["channel"] == "letter"
    assert [a["filename"] for a in d["attachments"]] == ["foto.pdf"]
    # text output names the ticket
    r = cli.ok(
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        "T",
        "--body",
        "B",
        "--channel",
        "sms",
        "--type",
        "informasi",
        user="admin",
    )
    assert "nomor tiket" in r.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "fax"], "Saluran"),
        (["--type", "keluhan"], "Klasifikasi"),
        (["--reporter", "1401010101900003"], "belum terdaftar"),
        (["--reporter", "12345"], "16 digit"),
        (["--category", "TIDAKADA"], "Kategori"),
        (["--received", "1900-01-01"], "satu tahun"),
        (["--received", "2999-01-01"], "masa depan"),
        (["--kecamatan", "147101"], "Kecamatan"),
        (["--title", "   "], "Judul"),
    ],
)
def test_complaint_add_invalid_input_exit_1(cli: Cli, args: list[str], message: str) -> None:
    base = {
        "--reporter": NIK,
        "--title": "Judul",
        "--body": "Isi",
        "--channel": "walk-in",
        "--type": "pengaduan",
    }
    for k, v in zip(args[::2], args[1::2], strict=True):
        base[k] = v
    argv = [x for kv in base.items() for x in kv]
    r = cli("complaint", "add", *argv, user="loket")
    assert r.rc == 1, r.err
    assert message in r.err
    assert cli.ok("cases", "list", "--json", user="admin").json() == []


def test_complaint_add_refused_for_opd_and_auditor(cli: Cli) -> None:
    for user in ("pupr", "inspektur", "root"):
        r = cli(
            "complaint",
            "add",
            "--reporter",
            NIK,
            "--title",
            "T",
            "--body",
            "B",
            "--channel",
            "sms",
            "--type",
            "pengaduan",
            user=user,
        )
        assert r.rc == 1 and "tidak berwenang" in r.err, user


# ---------------------------------------------------------------- the workflow


def test_whole_workflow_through_case_commands(cli: Cli) -> None:
    t = cli.new_case()
    assert cli.ok(
        "case",
        "verify",
        t,
        "--category",
        "INFRASTRUKTUR",
        "--type",
        "pengaduan",
        "--json",
        user="admin",
    ).json() == {
        "ticket": t,
        "action": "VERIFY",
        "from": "DITERIMA",
        "to": "TERVERIFIKASI",
        "letter_number": None,
    }
    cli.ok("case", "dispose", t, "--opd", "DINKES", "--note", "Mohon dicek", user="admin")
    r = cli.ok(
        "case", "redispose", t, "--opd", "PUPR", "--note", "Salah OPD", "--json", user="admin"
    ).json()
    assert (r["from"], r["to"]) == ("TERDISPOSISI", "TERDISPOSISI")
    assert cli.ok("case", "start", t, "--json", user="pupr").json()["to"] == "DIPROSES"
    # `note` by the assigned OPD on a DIPROSES case is a follow-up note
    r = cli.ok("case", "note", t, "--note", "Survei lokasi", "--json", user="pupr").json()
    assert r["action"] == "FOLLOWUP_NOTE"
    r = cli.ok(
        "case", "note", t, "--note", "Tim sudah turun", "--for-reporter", "--json", user="pupr"
    ).json()
    assert r["action"] == "FOLLOWUP_NOTE"
    # by the regency it is an internal note
    r = cli.ok("case", "note", t, "--note", "Pantau", "--json", user="admin").json()
    assert r["action"] == "NOTE" and r["from"] == r["to"] == "DIPROSES"
    r = cli.ok("case", "answer", t, "--note", "Akan diperbaiki.", "--json", user="pupr").json()
    assert r["to"] == "MENUNGGU_PERSETUJUAN"
    r = cli.ok(
        "case", "send-back", t, "--note", "Lengkapi jadwal", "--json", user="kadis.pupr"
    ).json()
    assert r["to"] == "DIPROSES"
    cli.ok("case", "answer", t, "--note", "Diperbaiki pekan depan.", user="pupr")
    r = cli.ok("case", "approve", t, user="kadis.pupr")
    assert "Nomor surat dicadangkan" in r.out
    reply = cli.ok("case", "reply", t, "--note", "Belum diperbaiki", "--json", user="loket").json()
    assert (reply["from"], reply["to"]) == ("DIJAWAB", "DIPROSES")
    cli.ok("case", "answer", t, "--note", "Sudah diperbaiki.", user="pupr")
    approved = cli.ok("case", "approve", t, "--json", user="kadis.pupr").json()
    assert approved["to"] == "DIJAWAB" and approved["letter_number"]
    assert "/PUPR/" in approved["letter_number"]
    r = cli.ok("case", "accept", t, "--json", user="loket").json()
    assert r["to"] == "SELESAI"

    d = cli.ok("case", "show", t, "--json", user="admin").json()
    for key in (
        "ticket",
        "title",
        "body",
        "status",
        "opd",
        "category",
        "reporter",
        "anonim",
        "rahasia",
        "escalated",
        "reopened",
        "deadlines",
        "actions",
    ):
        assert key in d, key
    assert d["ticket"] == t and d["title"] == "Jalan rusak"
    assert d["body"] == "Lubang besar di jalan utama Desa Pulau."
    assert d["status"] == "SELESAI" and d["opd"] == "PUPR" and d["category"] == "INFRASTRUKTUR"
    assert d["reporter"] == {**d["reporter"], "name": "Siti Aminah", "nik": "1401********0001"}
    assert d["anonim"] is False and d["rahasia"] is False and d["escalated"] is False
    assert d["reopened"] == 1
    assert set(d["deadlines"]) == {"verification", "follow_up", "escalation", "reply"}
    for clock in d["deadlines"].values():
        assert set(clock) >= {"due", "state"}
    assert d["deadlines"]["verification"]["due"]
    assert [a["action"] for a in d["actions"]] == [
        "INTAKE",
        "VERIFY",
        "DISPOSE",
        "REDISPOSE",
        "START",
        "FOLLOWUP_NOTE",
        "FOLLOWUP_NOTE",
        "NOTE",
        "SUBMIT_ANSWER",
        "RETURN_ANSWER",
        "SUBMIT_ANSWER",
        "APPROVE",
        "REPORTER_RESPONSE",
        "SUBMIT_ANSWER",
        "APPROVE",
        "ACCEPT",
    ]
    first = d["actions"][0]
    assert set(first) >= {"action", "from", "to", "by", "at", "note"}
    assert first["from"] is None and first["to"] == "DITERIMA" and first["by"] == "loket"
    dispose = d["actions"][2]
    assert dispose["by"] == "admin" and dispose["note"] == "Mohon dicek"
    assert (dispose["from"], dispose["to"]) == ("TERVERIFIKASI", "TERDISPOSISI")
    datetime.fromisoformat(dispose["at"])

    # the human summary is Indonesian and complete enough to read
    text = cli.ok("case", "show", t, user="admin").out
    assert t in text and "Selesai" in text and "Siti Aminah" in text and "Riwayat" in text
    assert "1401********0001" in text


def test_hold_resume_archive_close_escalate(cli: Cli) -> None:
    t = cli.new_case()
    assert cli("case", "hold", t, user="admin").rc == 1  # the reason is required
    r = cli.ok("case", "hold", t, "--note", "Mohon foto lokasi", "--json", user="admin").json()
    assert r["to"] == "TERTUNDA"
    assert cli.ok("case", "resume", t, "--json", user="admin").json()["to"] == "DITERIMA"
    r = cli.ok("case", "escalate", t, "--note", "Manual", "--json", user="admin").json()
    assert r["action"] == "ESKALASI_OMBUDSMAN" and r["to"] == "DITERIMA"
    assert cli.ok("case", "show", t, "--json", user="admin").json()["escalated"] is True
    r = cli("case", "escalate", t, user="admin")
    assert r.rc == 1 and "sudah dieskalasi" in r.err
    assert cli("case", "archive", t, user="admin").rc == 1
    assert (
        cli.ok("case", "archive", t, "--note", "Duplikat", "--json", user="admin").json()["to"]
        == "ARSIP"
    )
    # close: DIJAWAB only, regency admin only
    t2 = cli.new_case()
    through_to_processing(cli, t2)
    cli.ok("case", "answer", t2, "--note", "Jawaban", user="pupr")
    cli.ok("case", "approve", t2, user="kadis.pupr")
    assert cli("case", "close", t2, user="loket").rc == 1
    assert cli.ok("case", "close", t2, "--json", user="admin").json()["to"] == "SELESAI"


def test_not_ours_goes_back_to_the_regency(cli: Cli) -> None:
    t = cli.new_case()
    cli.ok("case", "verify", t, "--category", "KESEHATAN", user="admin")
    cli.ok("case", "dispose", t, "--opd", "PUPR", user="admin")
    assert cli("case", "not-ours", t, user="pupr").rc == 1  # the reason is required
    r = cli.ok(
        "case", "not-ours", t, "--note", "Urusan Dinkes", "--opd", "DINKES", "--json", user="pupr"
    ).json()
    assert (r["from"], r["to"]) == ("TERDISPOSISI", "TERVERIFIKASI")
    d = cli.ok("case", "show", t, "--json", user="admin").json()
    assert d["opd"] is None
    assert d["actions"][-1]["opd"] == "DINKES"


@pytest.mark.parametrize(
    ("verb", "user", "extra", "message"),
    [
        ("verify", "loket", ["--category", "INFRASTRUKTUR"], "tidak berwenang"),  # wrong role
        ("verify", "inspektur", ["--category", "INFRASTRUKTUR"], "tidak menangani"),
        ("verify", "root", ["--category", "INFRASTRUKTUR"], "tidak menangani"),
        ("dispose", "admin", ["--opd", "PUPR"], "berstatus Diterima"),  # wrong status
        ("start", "pupr", [], "tidak ditemukan"),  # not dispositioned to PUPR: invisible
        ("approve", "admin", [], "tidak berwenang"),
        ("accept", "loket", [], "berstatus Diterima"),
        ("verify", "admin", ["--category", "TIDAKADA"], "Kategori"),
        ("verify", "admin", [], "Kategori wajib"),
    ],
)
def test_refused_actions_exit_1(
    cli: Cli, verb: str, user: str, extra: list[str], message: str
) -> None:
    t = cli.new_case()
    r = cli("case", verb, t, *extra, user=user)
    assert r.rc == 1
    assert message in r.err, r.err
    assert cli.ok("case", "show", t, "--json", user="admin").json()["status"] == "DITERIMA"


def test_another_opds_case_looks_missing(cli: Cli) -> None:
    t = cli.new_case()
    through_to_processing(cli, t)
    missing = "2601-XXXX-99999"
    for verb in ("show", "answer", "note", "start"):
        extra = [] if verb == "show" else ["--note", "x"]
        r_other = cli("case", verb, t, *extra, user="dinkes")
        r_missing = cli("case", verb, missing, *extra, user="dinkes")
        assert r_other.rc == r_missing.rc == 1
        assert "tidak ditemukan" in r_other.err
        assert r_other.err.replace(t, "TIKET") == r_missing.err.replace(missing, "TIKET")
    assert cli.ok("cases", "list", "--json", user="dinkes").json() == []
    assert cli.ok("search", "rusak", "--json", user="dinkes").json() == []
    # PUPR itself sees it
    assert [r["ticket"] for r in cli.ok("cases", "list", "--json", user="pupr").json()] == [t]
    # a case on a DIPROSES case at another OPD: the head of PUPR cannot act on DINKES cases
    t2 = cli.new_case(title="Puskesmas tutup")
    through_to_processing(cli, t2, opd="DINKES")
    r = cli("case", "approve", t2, user="kadis.pupr")
    assert r.rc == 1 and "tidak ditemukan" in r.err


def test_anonymous_reporter_hidden_from_opd(cli: Cli) -> None:
    t = cli.new_case("--anonim", "--rahasia", title="Pungli di kantor desa")
    through_to_processing(cli, t)
    d = cli.ok("case", "show", t, "--json", user="pupr").json()
    assert d["anonim"] is True and d["rahasia"] is True
    assert d["reporter"]["name"] == "Pelapor Anonim"
    assert "nik" not in d["reporter"]
    assert "Siti" not in json.dumps(d) and "0001" not in json.dumps(d["reporter"])
    text = cli.ok("case", "show", t, user="pupr").out
    assert "Pelapor Anonim" in text and "Siti" not in text
    rows = cli.ok("cases", "list", "--json", user="pupr").json()
    assert rows[0]["reporter_name"] == "Pelapor Anonim"
    rows = cli.ok("search", "pungli", "--json", user="kadis.pupr").json()
    assert rows[0]["reporter_name"] == "Pelapor Anonim"
    # the auditor reads with masked identities; the regency sees who it is (NIK masked)
    d = cli.ok("case", "show", t, "--json", user="inspektur").json()
    assert d["reporter"]["name"] == "Pelapor Anonim" and "nik" not in d["reporter"]
    d = cli.ok("case", "show", t, "--json", user="loket").json()
    assert d["reporter"]["name"] == "Siti Aminah" and d["reporter"]["nik"] == "1401********0001"
    # a named reporter: the OPD sees the name but never the NIK
    t2 = cli.new_case()
    through_to_processing(cli, t2)
    d = cli.ok("case", "show", t2, "--json", user="pupr").json()
    assert d["reporter"]["name"] == "Siti Aminah" and "nik" not in d["reporter"]


def test_anonymous_identity_hidden_from_another_front_desk_officer(cli: Cli) -> None:
    cli.ok(
        "user",
        "add",
        "loket2",
        "--role",
        "FRONT_DESK",
        "--office",
        "DISKOMINFOSANDI",
        "--no-must-change",
        user="root",
    )
    t = cli.new_case("--anonim", title="Pungli di kantor desa")  # registered by "loket"
    for user in ("loket", "admin"):
        d = cli.ok("case", "show", t, "--json", user=user).json()
        assert d["reporter"]["name"] == "Siti Aminah"
    d = cli.ok("case", "show", t, "--json", user="loket2").json()
    assert d["reporter"]["name"] == "Pelapor Anonim" and d["reporter"]["hidden"] is True
    assert "Siti" not in json.dumps(d) and "nik" not in d["reporter"]
    rows = cli.ok("cases", "list", "--json", user="loket2").json()
    assert [r["reporter_name"] for r in rows if r["ticket"] == t] == ["Pelapor Anonim"]
    rows = cli.ok("search", "pungli", "--json", user="loket2").json()
    assert [r["reporter_name"] for r in rows] == ["Pelapor Anonim"]


def test_redispositioned_case_is_gone_for_the_old_opd(cli: Cli) -> None:
    t = cli.new_case()
    through_to_processing(cli, t)
    cli.ok("case", "note", t, "--note", "Catatan PUPR di lapangan", user="pupr")
    cli.ok("case", "not-ours", t, "--note", "Urusan Dinkes", "--opd", "DINKES", user="pupr")
    cli.ok("case", "dispose", t, "--opd", "DINKES", user="admin")
    missing = "2601-XXXX-99999"
    for verb in ("show", "note"):
        extra = [] if verb == "show" else ["--note", "x"]
        r_old = cli("case", verb, t, *extra, user="pupr")
        r_missing = cli("case", verb, missing, *extra, user="pupr")
        assert r_old.rc == r_missing.rc == 1
        assert r_old.err.replace(t, "TIKET") == r_missing.err.replace(missing, "TIKET")
    assert cli.ok("cases", "list", "--json", user="pupr").json() == []
    assert cli.ok("search", "rusak", "--json", user="pupr").json() == []
    notes = [
        a["note"] for a in cli.ok("case", "show", t, "--json", user="dinkes").json()["actions"]
    ]
    assert "Catatan PUPR di lapangan" in notes


# ---------------------------------------------------------------- lists and search


def test_cases_list_and_search_filters(cli: Cli) -> None:
    a = cli.new_case(title="Jalan berlubang di Kuok")
    b = cli.new_case(title="Puskesmas kekurangan obat")
    c = cli.new_case(title="Drainase tersumbat", user="admin")
    through_to_processing(cli, a)
    cli.ok("case", "verify", b, "--category", "KESEHATAN", user="admin")

    rows = cli.ok("cases", "list", "--json", user="admin").json()
    assert {r["ticket"] for r in rows} == {a, b, c}
    for r in rows:
        assert set(r) >= {
            "ticket",
            "title",
            "status",
            "opd",
            "received_at",
            "due_date",
            "due_state",
            "escalated",
            "reporter_name",
            "category",
            "klasifikasi",
            "channel",
        }
    by = {r["ticket"]: r for r in rows}
    assert by[a]["status"] == "DIPROSES" and by[a]["opd"] == "PUPR"
    assert by[b]["status"] == "TERVERIFIKASI" and by[b]["opd"] is None

    def tickets(*args: str, user: str = "admin") -> set[str]:
        return {r["ticket"] for r in cli.ok(*args, "--json", user=user).json()}

    assert tickets("cases", "list", "--status", "DIPROSES") == {a}
    assert tickets("cases", "list", "--status", "diproses,terverifikasi") == {a, b}
    assert tickets("cases", "list", "--status", "DIPROSES", "--status", "DITERIMA") == {a, c}
    assert tickets("cases", "list", "--opd", "PUPR") == {a}
    assert tickets("cases", "list", "--category", "KESEHATAN") == {b}
    assert tickets("cases", "list", "--type", "aspirasi") == set()
    assert tickets("cases", "list", "--channel", "walk-in") == {a, b, c}
    assert tickets("cases", "list", "--overdue") == set()
    assert tickets("cases", "list", "--deadline", "running") == {a, b, c}
    assert tickets("cases", "list", "--escalated") == set()
    assert tickets("cases", "list", "--not-escalated") == {a, b, c}
    today = date.today()
    assert tickets("cases", "list", "--from", (today + timedelta(days=1)).isoformat()) == set()
    assert tickets("cases", "list", "--to", today.isoformat()) == {a, b, c}
    assert tickets("search", "puskesmas") == {b}
    assert tickets("search", "jalan", "kuok", "--status", "DIPROSES") == {a}
    assert tickets("search", "jalan", "--status", "DITERIMA") == {c}  # "jalan" in the body
    assert tickets("search", a) == {a}
    # ordering and limits, paging through the cursor
    rows = cli.ok("cases", "list", "--sort", "ticket", "--asc", "--json", user="admin").json()
    assert [r["ticket"] for r in rows] == sorted([a, b, c])
    rows = cli.ok(
        "cases", "list", "--sort", "ticket", "--limit", "2", "--json", user="admin"
    ).json()
    assert [r["ticket"] for r in rows] == sorted([a, b, c], reverse=True)[:2]
    # invalid filter values: exit 1; bad option usage: exit 2
    r = cli("cases", "list", "--status", "ENTAH", user="admin")
    assert r.rc == 1 and "Status tidak dikenal" in r.err
    assert cli("cases", "list", "--opd", "ENTAH", user="admin").rc == 1
    assert cli("cases", "list", "--from", "kemarin", user="admin").rc == 2  # usage
    assert cli("cases", "list", "--limit", "0", user="admin").rc == 2
    assert cli("cases", "list", "--sort", "warna", user="admin").rc == 2
    assert cli("cases", "list", "--deadline", "besok", user="admin").rc == 2
    # the system admin does no casework
    assert cli("cases", "list", user="root").rc == 1
    # text output
    out = cli.ok("cases", "list", user="admin").out
    assert a in out and "3 laporan" in out


def test_cases_list_pages_through_the_cursor(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from lapor_desktop.services import cases

    monkeypatch.setattr(cases, "MAX_PAGE", 2)  # pages of 2: five rows need three pages
    made = {cli.new_case(title=f"Laporan nomor {i}") for i in range(5)}
    rows = cli.ok("cases", "list", "--all", "--json", user="admin").json()
    assert len(rows) == 5 and {r["ticket"] for r in rows} == made
    rows = cli.ok("cases", "list", "--limit", "3", "--json", user="admin").json()
    assert len(rows) == 3
    rows = cli.ok(
        "search", "laporan", "--limit", "4", "--sort", "ticket", "--asc", "--json", user="admin"
    ).json()
    assert [r["ticket"] for r in rows] == sorted(made)[:4]


# ---------------------------------------------------------------- deadlines and letters


def _days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def test_deadlines_work_list_as_of_a_date(cli: Cli) -> None:
    old = cli.new_case("--received", _days_ago(20), "--channel", "letter", title="Surat lama")
    fresh = cli.new_case(title="Baru masuk")
    items = cli.ok("deadlines", "--json", user="admin").json()
    by = {i["ticket"]: i for i in items}
    assert by[old]["state"] == "overdue" and by[old]["clock"] == "verification"
    assert fresh not in by
    for item in items:
        assert set(item) >= {"ticket", "title", "status", "opd", "clock", "due", "state"}
    # far in the future, the fresh case is overdue too; in the past, nothing is due
    later = (date.today() + timedelta(days=40)).isoformat()
    items = cli.ok("deadlines", "--today", later, "--json", user="admin").json()
    assert {i["ticket"] for i in items} == {old, fresh}
    early = _days_ago(19)
    assert cli.ok("deadlines", "--today", early, "--json", user="admin").json() == []
    # OPD users see only what waits on their OPD
    assert cli.ok("deadlines", "--today", later, "--json", user="pupr").json() == []
    text = cli.ok("deadlines", user="admin").out
    assert old in text
    assert cli("deadlines", "--today", "besok", user="admin").rc == 2  # usage
    assert cli("deadlines", user="root").rc == 1


def test_deadlines_apply_escalates_and_closes_idempotently(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop.services import clock

    old = cli.new_case("--received", _days_ago(70), "--channel", "letter", title="Surat lama")
    young = cli.new_case("--received", _days_ago(40), title="Belum lama")
    answered = cli.new_case(title="Sudah dijawab")
    through_to_processing(cli, answered)
    cli.ok("case", "answer", answered, "--note", "Jawaban", user="pupr")
    cli.ok("case", "approve", answered, user="kadis.pupr")

    # only the regency admin runs the automatic transitions
    for user in ("pupr", "loket", "inspektur", "root"):
        r = cli("deadlines", "--apply", user=user)
        assert r.rc == 1 and "tidak berwenang" in r.err, user

    first = cli.ok("deadlines", "--apply", "--json", user="admin").json()
    assert first == {"closed": [], "escalated": [old]}
    assert cli.ok("deadlines", "--apply", "--json", user="admin").json() == {
        "closed": [],
        "escalated": [],
    }
    d = cli.ok("case", "show", old, "--json", user="admin").json()
    assert d["escalated"] is True and d["status"] == "DITERIMA"
    assert [a["action"] for a in d["actions"]].count("ESKALASI_OMBUDSMAN") == 1
    assert cli.ok("case", "show", young, "--json", user="admin").json()["escalated"] is False
    assert {
        r["ticket"] for r in cli.ok("cases", "list", "--escalated", "--json", user="admin").json()
    } == {old}

    # a month later the reply window of the answered case is over: it is closed, once
    later = datetime.now().replace(microsecond=0) + timedelta(days=30)
    monkeypatch.setattr(clock.SystemClock, "now", lambda self: later)
    result = cli.ok("deadlines", "--apply", "--json", user="admin").json()
    assert result["closed"] == [answered]
    assert young in result["escalated"] and old not in result["escalated"]
    again = cli.ok("deadlines", "--apply", user="admin")
    assert "(0)" in again.out
    d = cli.ok("case", "show", answered, "--json", user="admin").json()
    assert d["status"] == "SELESAI" and d["actions"][-1]["action"] == "AUTO_CLOSE"
    assert d["actions"][-1]["by"] == "sistem"
    # --apply is always "now": combining it with --today is a usage error
    assert cli("deadlines", "--apply", "--today", "2026-01-01", user="admin").rc == 2


def test_letters_list(cli: Cli) -> None:
    t = cli.new_case()
    through_to_processing(cli, t)
    cli.ok("case", "answer", t, "--note", "Jawaban", user="pupr")
    number = cli.ok("case", "approve", t, "--json", user="kadis.pupr").json()["letter_number"]
    rows = cli.ok("letters", "list", "--json", user="admin").json()
    assert [r["full_number"] for r in rows] == [number]
    assert rows[0]["office_code"] == "PUPR" and rows[0]["kind"] == "answer"
    assert rows[0]["year"] == date.today().year and rows[0]["number"] == 1
    assert cli.ok("letters", "list", "--office", "DINKES", "--json", user="admin").json() == []
    assert cli.ok("letters", "list", "--json", user="dinkes").json() == []
    assert len(cli.ok("letters", "list", "--json", user="pupr").json()) == 1
    assert number in cli.ok("letters", "list", user="admin").out


def test_letters_list_names_ticket_and_user(cli: Cli) -> None:
    t = cli.new_case()
    through_to_processing(cli, t)
    cli.ok("case", "answer", t, "--note", "Jawaban", user="pupr")
    cli.ok("case", "approve", t, user="kadis.pupr")
    row = cli.ok("letters", "list", "--json", user="admin").json()[0]
    assert row["ticket"] == t and row["reserved_by"] == "kadis.pupr"


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "argv",
    [
        ["case"],
        ["case", "show"],
        ["case", "terbang", "2601-AAAA-00001"],
        ["case", "verify"],
        ["cases"],
        ["user", "add", "x"],
        ["user", "add", "x", "--role", "FRONT_DESK"],
        ["complaint", "add", "--title", "T"],
        ["search"],
        ["deadlines", "--bogus"],
        ["letters", "list", "--year", "tahun"],
        ["office", "list", "--nope"],
    ],
)
def test_usage_errors_exit_2(cli: Cli, argv: list[str]) -> None:
    r = cli(*argv, user="admin")
    assert r.rc == 2
    assert "kesalahan penggunaan" in r.err


def test_without_database_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    rc = app.main(["--data-dir", str(tmp_path / "kosong"), "--user", "x", "cases", "list"])
    assert rc == 1
    assert "init" in capsys.readouterr().err


# ---------------------------------------------------------------- a real process, no keyring


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lapor_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_subprocess_without_keyring(tmp_path: Path) -> None:
    env = {
        "LAPOR_DATA_DIR": str(tmp_path / "d"),
        "LAPOR_PASSWORD": PASSWORD,
        "LAPOR_NEW_PASSWORD": PASSWORD,
        "LAPOR_DB_KEY": "frasa sandi uji coba",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    assert run("init", "--admin", "root", env=env).returncode == 0
    r = run(
        "--user",
        "root",
        "user",
        "add",
        "loket",
        "--role",
        "FRONT_DESK",
        "--office",
        "DISKOMINFOSANDI",
        "--no-must-change",
        env=env,
    )
    assert r.returncode == 0, r.stderr
    r = run(
        "reporter",
        "add",
        "--nik",
        NIK,
        "--name",
        "Siti",
        "--user",
        "loket",
        env={**env, "LAPOR_USER": "root"},
    )
    assert r.returncode == 0, r.stderr
    r = run(
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        "Jalan",
        "--body",
        "Rusak",
        "--channel",
        "phone",
        "--type",
        "pengaduan",
        "--json",
        env={**env, "LAPOR_USER": "loket"},
    )
    assert r.returncode == 0, r.stderr
    ticket = json.loads(r.stdout)["ticket"]
    r = run("case", "show", ticket, "--json", env={**env, "LAPOR_USER": "loket"})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["status"] == "DITERIMA"
    r = run(
        "case", "verify", ticket, "--category", "INFRASTRUKTUR", env={**env, "LAPOR_USER": "loket"}
    )
    assert r.returncode == 1 and "tidak berwenang" in r.stderr
    r = run("case", "show", ticket, env={**env, "LAPOR_USER": "loket", "LAPOR_DB_KEY": "salah"})
    assert r.returncode == 1
    r = run("cases", "list", "--bogus", env=env)
    assert r.returncode == 2

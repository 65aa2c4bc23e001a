"""`import lapor`, `lapor updates|mark`, `cases export`, `case duplicate(s)` end to end."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from lapor_desktop.cli.entry import build_parser
from tests.cli.test_cli_casework import Cli, cli  # noqa: F401  (the fixture)
from tests.lapor import files


def _file(tmp_path: Path, n: int = 5, **kw: str) -> Path:
    start = (datetime.now() - timedelta(days=20)).replace(second=0, microsecond=0)
    return files.write_csv(tmp_path / "lapor.csv", files.rows(n, start=start, **kw))


def test_import_lapor_dry_run_then_import_then_again(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    path = _file(tmp_path)
    bad = path.read_text(encoding="utf-8-sig") + ";01/01/2020 10:00;x;y;;;;;;\r\n"
    path.write_text(bad, encoding="utf-8-sig")
    args = ("import", "lapor", str(path), "--profile", "lapor-default")
    r = cli.ok(*args, "--dry-run", "--json", user="admin").json()
    assert r["dry_run"] and r["summary"]["new"] == 5 and r["summary"]["problems"] == 1
    assert r["problems"][0]["line"] == 12 and "ID tracking kosong" in r["problems"][0]["reason"]
    assert cli.ok("cases", "list", "--json", user="admin").json() == []
    r = cli.ok(*args, user="admin")
    assert "5 laporan baru" in r.out and "Baris 12: ID tracking kosong." in r.out
    r = cli.ok(*args, "--json", user="admin").json()
    assert r["summary"]["new"] == 0 and r["summary"]["unchanged"] == 5
    # a profile by path; an unknown profile is refused (exit 1) with the known names
    profile = Path(__file__).parents[2] / "resources" / "lapor" / "lapor-default.toml"
    cli.ok("import", "lapor", str(path), "--profile", str(profile), "--dry-run", user="admin")
    r = cli("import", "lapor", str(path), "--profile", "tidak-ada", user="admin")
    assert r.rc == 1 and "lapor-default" in r.err
    r = cli(*args, user="loket")
    assert r.rc == 1 and "tidak berwenang" in r.err


def test_updates_mark_export_and_duplicate(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    r = cli.ok(
        "import",
        "lapor",
        str(_file(tmp_path, 2)),
        "--profile",
        "lapor-default",
        "--json",
        user="admin",
    ).json()
    t1, t2 = r["new_tickets"]
    cli.ok("case", "verify", t1, "--category", "INFRASTRUKTUR", user="admin")
    cli.ok("case", "dispose", t1, "--opd", "PUPR", user="admin")
    items = cli.ok("lapor", "updates", "--json", user="admin").json()
    assert [(i["ticket"], i["lapor_status"]) for i in items] == [
        (t1, "Terdisposisi Belum Ditindaklanjuti")
    ]
    assert "status → Terdisposisi" in cli.ok("lapor", "updates", user="admin").out
    r = cli.ok("lapor", "mark", t1, "--json", user="admin").json()
    assert r == {"marked": [t1], "already_up_to_date": []}
    assert "Tidak ada laporan" in cli.ok("lapor", "updates", user="admin").out

    out = tmp_path / "ekspor.xlsx"
    r = cli.ok(
        "cases", "export", "--out", str(out), "--status", "TERDISPOSISI", "--json", user="admin"
    ).json()
    assert r == {"out": str(out), "rows": 1, "format": "xlsx"}
    assert cli("cases", "export", "--out", str(out), user="admin").rc == 1  # no overwrite
    r = cli.ok("cases", "export", "--out", str(tmp_path / "x.csv"), user="admin")
    assert "2 laporan diekspor" in r.out

    sug = cli.ok("case", "duplicates", t2, "--json", user="admin").json()
    assert [s["ticket"] for s in sug] == [t1]  # "Jalan rusak nomor 1/2 di Desa Pulau"
    r = cli.ok("case", "duplicate", t2, "--of", t1, "--json", user="admin").json()
    assert r == {"ticket": t2, "duplicate_of": t1, "from": "DITERIMA", "status": "ARSIP"}
    shown = cli.ok("case", "show", t2, "--json", user="admin").json()
    assert shown["status"] == "ARSIP" and shown["actions"][-1]["action"] == "DUPLICATE"
    assert shown["duplicate_of"] == t1
    assert cli.ok("case", "show", t1, "--json", user="admin").json()["duplicates"] == [t2]
    assert f"Duplikat dari : {t1}" in cli.ok("case", "show", t2, user="admin").out
    r = cli("case", "duplicate", t1, "--of", t1, user="admin")
    assert r.rc == 1 and "dirinya sendiri" in r.err


def test_the_commands_are_registered_with_the_issue_interface() -> None:
    p = build_parser()
    a = p.parse_args(["import", "lapor", "f.csv", "--profile", "x", "--dry-run", "--json"])
    assert (a.file, a.profile, a.dry_run, a.json) == ("f.csv", "x", True, True)
    a = p.parse_args(["cases", "export", "--out", "f.csv", "--status", "DITERIMA", "--opd", "PUPR"])
    assert (a.out, a.status, a.opd) == ("f.csv", ["DITERIMA"], "PUPR")
    a = p.parse_args(["case", "duplicate", "A", "--of", "B"])
    assert (a.ticket, a.of) == ("A", "B")

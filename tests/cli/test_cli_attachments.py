"""`case attachment`: a plain copy of one sealed attachment, written where asked; `case
show` numbers the attachments it can write."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli_casework import NIK, Cli, cli  # noqa: F401  (the fixture)

SCAN = b"\x89PNG\r\n\x1a\n" + b"KTP 1401154107950001 " * 10


def test_case_attachment_writes_a_copy(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "ktp\x1b[2J.png"
    source.write_bytes(SCAN)
    r = cli.ok(
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        "Dengan KTP",
        "--body",
        "Isi",
        "--channel",
        "walk-in",
        "--type",
        "pengaduan",
        "--attach",
        str(source),
        "--json",
        user="loket",
    )
    ticket = r.json()["ticket"]
    assert r.json()["stored_files"] == ["ktp[2J.png"]
    shown = cli.ok("case", "show", ticket, user="admin").out
    assert "Lampiran: 1. ktp[2J.png" in shown and "\x1b" not in shown
    d = cli.ok("case", "show", ticket, "--json", user="admin").json()
    assert d["attachments"][0]["available"] is True
    assert d["attachments"][0]["remote"] is False  # synced from the server, not fetched yet
    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    r = cli.ok("case", "attachment", ticket, "1", "--out", str(out_dir), user="admin")
    written = out_dir / "ktp[2J.png"
    assert written.read_bytes() == SCAN and str(written) in r.out
    again = cli("case", "attachment", ticket, "1", "--out", str(written), user="admin")
    assert again.rc == 1 and "tidak ditimpa" in again.err
    cli.ok("case", "attachment", ticket, "1", "--out", str(written), "--force", user="admin")
    missing = cli("case", "attachment", ticket, "2", "--out", str(out_dir), user="admin")
    assert missing.rc == 1 and "tidak memiliki lampiran nomor 2" in missing.err
    # an OPD the case is not dispositioned to does not learn it exists
    other = cli("case", "attachment", ticket, "1", "--out", str(out_dir), user="pupr")
    assert other.rc == 1 and "tidak ditemukan" in other.err

"""The CLI's input and output hygiene, through real processes: bad arguments are usage
errors (exit 2) without a traceback, long text and NIKs come from a file or stdin, stored
terminal controls never reach the terminal, and a closed stdout pipe ends quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from lapor_desktop import app
from lapor_desktop.db.models import Complaint, Reporter, database_proxy
from lapor_desktop.domain.workflow import Action, Role, Status
from lapor_desktop.services import casework
from tests.services.conftest import NIK, PASSWORD, build_world

PASSPHRASE = "tidak dipakai"  # what build_world answers when the keyring cannot hold the key
NIK2 = "1401060101900002"
ESC, BEL, RLO, PDF_, C1_CSI = "\x1b", "\x07", "\u202e", "\u202c", "\x9b"
UNSAFE = {ESC, BEL, RLO, PDF_, C1_CSI, "\x00", "\x7f"}
# Stored before input hygiene existed (written straight through the model below).
OLD_TITLE = f"Jalan {ESC}[2J{ESC}]0;judul palsu{BEL} {RLO}kusak{PDF_} rusak{C1_CSI}31m"
OLD_BODY = f"Isi lama{ESC}[31m merah{BEL}\nbaris {RLO}dua"
OLD_NOTE = f"Catatan{ESC}[1A lama{BEL}"
OLD_NAME = f"Siti{ESC}[8m Aminah{RLO}"
NO_TRACEBACK = ("Traceback", "Exception ignored", "BrokenPipeError", "Error:")


@dataclass
class Setup:
    data_dir: Path
    old_ticket: str  # a case whose texts hold raw terminal controls
    env: dict[str, str]


def run(
    setup: Setup | None, *args: str | bytes, stdin: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **(setup.env if setup else {})}
    return subprocess.run(
        [sys.executable, "-m", "lapor_desktop", *args],
        capture_output=True,
        env=env,
        timeout=180,
        input=None if stdin is None else stdin.encode(),
        stdin=subprocess.DEVNULL if stdin is None else None,
    )


def text(stream: bytes) -> str:
    return stream.decode("utf-8")


def assert_no_traceback(r: subprocess.CompletedProcess[bytes]) -> None:
    for marker in NO_TRACEBACK:
        assert marker not in text(r.stderr), text(r.stderr)


def assert_terminal_safe(output: str) -> None:
    assert not UNSAFE & set(output), repr(output[:500])


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    """A database opened by passphrase (child processes have no keyring), with users, a
    reporter and one case whose title, body, note and reporter name hold raw controls."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        world, store = build_world(tmp_path_factory.mktemp("hygiene") / "data")
    finally:
        keyring.set_keyring(previous)
    try:
        ticket = world.new_case()
        Complaint.update(title=OLD_TITLE, body=OLD_BODY).where(Complaint.ticket == ticket).execute()
        case = Complaint.get(Complaint.ticket == ticket)
        admin = world.as_("admin")
        with database_proxy.atomic():  # an internal note as stored before the rule
            casework.record_action(
                admin,
                case,
                Action.NOTE,
                Status.DITERIMA,
                Status.DITERIMA,
                role=Role.ADMIN_KABUPATEN,
                note=OLD_NOTE,
            )
        Reporter.update(name=OLD_NAME).where(Reporter.nik == NIK).execute()
        env = {
            "LAPOR_DATA_DIR": str(world.data_dir),
            "LAPOR_PASSWORD": PASSWORD,
            "LAPOR_DB_KEY": PASSPHRASE,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "LAPOR_USER": "",
        }
        yield Setup(world.data_dir, ticket, env)
    finally:
        store.close()


def complaint_args(*extra: str, title: str = "Dari berkas") -> list[str]:
    return [
        "--user",
        "loket",
        "complaint",
        "add",
        "--reporter",
        NIK,
        "--title",
        title,
        "--channel",
        "walk-in",
        "--type",
        "pengaduan",
        "--json",
        *extra,
    ]


def show_json(setup: Setup, ticket: str) -> dict:
    r = run(setup, "--user", "admin", "case", "show", ticket, "--json")
    assert r.returncode == 0, text(r.stderr)
    return json.loads(r.stdout)


# ---------------------------------------------------------------- usage errors, real processes


def test_invalid_utf8_argument_is_a_usage_error() -> None:
    r = run(None, "nik", b"\xff\xfe1401")
    assert r.returncode == 2
    err = text(r.stderr)
    assert "bukan teks UTF-8" in err and "\\xff\\xfe1401" in err
    assert_no_traceback(r)


def test_invalid_utf8_in_a_title_stores_nothing(setup: Setup) -> None:
    before = Complaint.select().count()
    r = run(setup, *complaint_args("--body", "isi"), "--title", b"Judul \xc3\x28 rusak")
    assert r.returncode == 2 and "bukan teks UTF-8" in text(r.stderr)
    assert_no_traceback(r)
    assert Complaint.select().count() == before


def test_impossible_date_is_a_usage_error() -> None:
    r = run(None, "nik", NIK, "--today", "2026-02-30")
    assert r.returncode == 2
    assert "2026-02-30" in text(r.stderr) and "kesalahan penggunaan" in text(r.stderr)
    assert_no_traceback(r)


# ---------------------------------------------------------------- usage errors, in process


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nik", NIK, "--today", "2026-13-01"], "YYYY-MM-DD"),
        (["nik", NIK, "--today", "besok"], "bukan 'besok'"),
        (complaint_args("--body", "x", "--received", "kemarin"), "argumen --received"),
        (complaint_args("--body", "x", "--received", "2026-02-29 10:00"), "2026-02-29"),
        (complaint_args("--body", "x", "--incident-date", "2026-04-31"), "--incident-date"),
        (["--user", "a", "cases", "list", "--from", "2026-1-1x"], "argumen --from"),
        (["--user", "a", "deadlines", "--today", "31-12-2026"], "argumen --today"),
        (
            ["--user", "a", "reporter", "add", "--nik", NIK, "--name", "A", "--birth-date", "x"],
            "--birth-date",
        ),
        (["--user", "a", "cases", "list", "--deadline", "kapan"], "pilihan tidak dikenal: 'kapan'"),
        (["--user", "a", "cases", "list", "--sort", "nama"], "pilihan tidak dikenal"),
        (["perintah-aneh"], "pilihan tidak dikenal: 'perintah-aneh'"),
        (["demo", "--cases", "5", "--seed", "x"], "nilai tidak sah: 'x'"),
        (complaint_args("--body", "x", "--body-file", "-"), "tidak boleh bersama --body"),
        (complaint_args(), "salah satu dari --body --body-file wajib diisi"),
        (["nik", NIK, "--bukan-opsi"], "argumen tidak dikenal: --bukan-opsi"),
    ],
)
def test_bad_arguments_exit_2_in_indonesian(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        app.main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "kesalahan penggunaan" in err
    for english in ("invalid choice", "argument ", "is required", "not allowed"):
        assert english not in err.split("kesalahan penggunaan")[1]


def test_unreadable_body_files_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Jalan rusak di Desa Pulau, biaya Rp 5.000 \xb1".encode("latin-1"))
    big = tmp_path / "besar.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    cases = {
        str(tmp_path / "tidak-ada.txt"): "tidak ditemukan",
        str(tmp_path): "folder",
        str(latin1): "bukan teks UTF-8",
        str(big): "terlalu besar",
    }
    for path, message in cases.items():
        with pytest.raises(SystemExit) as exc:
            app.main(complaint_args("--body-file", path))
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert "argumen --body-file" in err and message in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_body_file_fifo_without_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "antrian"
    os.mkfifo(fifo)
    # Parsed in a real process: nobody writes to the FIFO, so it reads as an empty body
    # (refused by the service) instead of waiting forever.
    r = run(None, "--data-dir", str(tmp_path / "kosong"), *complaint_args("--body-file", str(fifo)))
    assert r.returncode == 1 and "Basis data belum ada" in text(r.stderr)  # parsed, went on
    assert_no_traceback(r)


def test_stdin_serves_one_argument_only(capsys: pytest.CaptureFixture[str]) -> None:
    argv = complaint_args("--body-file", "-")
    argv[argv.index(NIK)] = "-"
    with pytest.raises(SystemExit) as exc:
        app.main(argv)
    assert exc.value.code == 2
    assert "hanya satu argumen" in capsys.readouterr().err


# ---------------------------------------------------------------- text and NIK from a file or stdin


def test_body_file_from_a_file(setup: Setup, tmp_path: Path) -> None:
    body = "Baris satu NIK 1401154107950001\r\nbaris dua\n\tmenjorok " + ESC + "[31m\n\n"
    f = tmp_path / "isi.txt"
    f.write_bytes(b"\xef\xbb\xbf" + body.encode())  # a BOM, as Windows editors write
    r = run(setup, *complaint_args("--body-file", str(f)))
    assert r.returncode == 0, text(r.stderr)
    d = show_json(setup, json.loads(r.stdout)["ticket"])
    assert d["body"] == "Baris satu NIK 1401154107950001\nbaris dua\n\tmenjorok [31m"


def test_body_file_and_note_file_from_stdin(setup: Setup) -> None:
    r = run(setup, *complaint_args("--body-file", "-"), stdin="Dari stdin\nbaris dua\n")
    assert r.returncode == 0, text(r.stderr)
    ticket = json.loads(r.stdout)["ticket"]
    assert show_json(setup, ticket)["body"] == "Dari stdin\nbaris dua"
    r = run(
        setup,
        "--user",
        "admin",
        "case",
        "note",
        ticket,
        "--note-file",
        "-",
        stdin=f"Catatan{BEL} dari stdin\nbaris dua\n",
    )
    assert r.returncode == 0, text(r.stderr)
    assert show_json(setup, ticket)["actions"][-1]["note"] == "Catatan dari stdin\nbaris dua"


def test_nik_from_stdin(setup: Setup) -> None:
    r = run(
        setup,
        "--user",
        "loket",
        "reporter",
        "add",
        "--nik",
        "-",
        "--name",
        f"Budi{ESC}[8m\nSantoso",
        "--json",
        stdin=f"{NIK2}\n",
    )
    assert r.returncode == 0, text(r.stderr)
    assert "1401060101900002" not in text(r.stdout)  # printed masked only
    view = json.loads(r.stdout)
    assert view["nik_masked"] == "1401********0002" and view["name"] == "Budi[8m Santoso"
    r = run(None, "nik", "-", "--json", stdin=f" {NIK2}\n")
    assert r.returncode == 0 and json.loads(r.stdout)["valid"] is True, text(r.stderr)
    argv = complaint_args("--body", "isi", title="NIK dari stdin")
    argv[argv.index(NIK)] = "-"
    r = run(setup, *argv, stdin=NIK2)  # no newline at the end: a NIK typed then Ctrl-D
    assert r.returncode == 0, text(r.stderr)


# ---------------------------------------------------------------- output of stored controls


def test_case_show_text_never_carries_stored_controls(setup: Setup) -> None:
    r = run(setup, "--user", "admin", "case", "show", setup.old_ticket)
    assert r.returncode == 0, text(r.stderr)
    out = text(r.stdout)
    assert_terminal_safe(out)
    assert "Jalan [2J]0;judul palsu kusak rusak31m" in out  # the words stay readable
    assert "Isi lama[31m merah\nbaris dua" in out
    assert "Catatan[1A lama" in out and "Siti[8m Aminah" in out


def test_case_show_json_escapes_stored_controls_keeping_the_data(setup: Setup) -> None:
    r = run(setup, "--user", "admin", "case", "show", setup.old_ticket, "--json")
    assert r.returncode == 0, text(r.stderr)
    raw = text(r.stdout)
    assert_terminal_safe(raw)
    d = json.loads(raw)
    assert d["title"] == OLD_TITLE and d["body"] == OLD_BODY
    assert d["reporter"]["name"] == OLD_NAME


def test_lists_and_refusals_never_carry_stored_controls(setup: Setup) -> None:
    r = run(setup, "--user", "admin", "cases", "list", "--all")
    assert r.returncode == 0, text(r.stderr)
    assert_terminal_safe(text(r.stdout))
    assert "Jalan [2J]0;judul palsu" in text(r.stdout)
    r = run(setup, "--user", "admin", "search", "judul", "palsu")
    assert r.returncode == 0 and setup.old_ticket in text(r.stdout)
    assert_terminal_safe(text(r.stdout))
    # A refusal that quotes stored data (the name under an already registered NIK).
    r = run(setup, "--user", "loket", "reporter", "add", "--nik", NIK, "--name", "Orang Lain")
    assert r.returncode == 1 and "Siti[8m Aminah" in text(r.stderr)
    assert_terminal_safe(text(r.stderr))


# ---------------------------------------------------------------- a closed stdout pipe


@pytest.mark.parametrize("command", [["case", "show", "{ticket}"], ["cases", "list", "--all"]])
def test_closed_stdout_pipe_ends_quietly(setup: Setup, command: list[str]) -> None:
    argv = [a.format(ticket=setup.old_ticket) for a in command]
    proc = subprocess.Popen(
        [sys.executable, "-m", "lapor_desktop", "--user", "admin", *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **setup.env},
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    _, stderr = proc.communicate(timeout=180)
    assert proc.returncode == 141
    assert stderr.decode() == ""


def test_piped_into_head_ends_quietly(setup: Setup, tmp_path: Path) -> None:
    # A body far larger than a pipe holds: `head -1` exits while the output still flows.
    f = tmp_path / "panjang.txt"
    f.write_text("\n".join(f"baris {i:06d} " + "x" * 40 for i in range(3600)))
    r = run(setup, *complaint_args("--body-file", str(f), title="Laporan panjang"))
    assert r.returncode == 0, text(r.stderr)
    ticket = json.loads(r.stdout)["ticket"]
    cli = subprocess.Popen(
        [sys.executable, "-m", "lapor_desktop", "--user", "admin", "case", "show", ticket],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **setup.env},
    )
    assert cli.stdout is not None
    head = subprocess.run(["head", "-1"], stdin=cli.stdout, capture_output=True, timeout=180)
    cli.stdout.close()
    _, stderr = cli.communicate(timeout=180)
    assert head.stdout.decode().startswith(f"Laporan {ticket}: Laporan panjang")
    assert cli.returncode == 141, stderr.decode()
    assert stderr.decode() == ""

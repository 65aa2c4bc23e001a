"""lapor_desktop/logs.py: the file, its rotation and modes, and the guards against personal
data in lines and tracebacks."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from lapor_desktop import logs

NIK = "1401154107950001"
NAME = "Siti Aminah"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    data_dir = tmp_path / "data"
    assert logs.configure(data_dir) == data_dir / "logs" / "lapor-desktop.log"
    yield data_dir / "logs"
    logs.configure(None)


def read(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def test_lines_of_the_package_only(log_dir: Path) -> None:
    logging.getLogger("lapor_desktop.services.x").info("action %s", "kasus_catat")
    logging.getLogger("peewee").warning("SELECT ... params %s", ("Siti",))
    logging.getLogger("lapor_desktop").debug("debug is not written")
    text = read(log_dir)
    assert "INFO lapor_desktop.services.x: action kasus_catat" in text
    assert "Siti" not in text and "debug is not written" not in text
    assert f" {os.getpid()} " in text  # several processes share the file


def test_sixteen_digit_numbers_and_home_are_masked(log_dir: Path) -> None:
    home = str(Path.home())
    logging.getLogger("lapor_desktop").info("nik %s in %s/x, ticket 2612-AB12-00001", NIK, home)
    logging.getLogger("lapor_desktop").info("longer 12345678901234567 is no NIK")
    text = read(log_dir)
    assert NIK not in text and logs.NIK_MASK in text
    assert "2612-AB12-00001" in text and "12345678901234567" in text
    if len(home) > 1:
        assert home + "/x" not in text and "~/x" in text


def test_traceback_keeps_frames_drops_messages_that_may_hold_data(log_dir: Path) -> None:
    def inner() -> None:
        raise ValueError(f"tanggal lahir salah untuk {NAME} {NIK}")

    try:
        try:
            inner()
        except ValueError as exc:
            raise KeyError(NAME) from exc
    except KeyError:
        logging.getLogger("lapor_desktop.t").exception("failed")
    try:
        sqlite3.connect(":memory:").execute("SELECT * FROM complaint")
    except sqlite3.Error:
        logging.getLogger("lapor_desktop.t").exception("db")
    text = read(log_dir)
    assert NAME not in text and NIK not in text
    assert "in inner" in text and 'raise ValueError(f"tanggal lahir salah' in text
    assert f"ValueError: {logs.HIDDEN_MESSAGE}" in text
    assert f"KeyError: {logs.HIDDEN_MESSAGE}" in text
    assert "direct cause of the following exception" in text
    assert "sqlite3.OperationalError: no such table: complaint" in text  # the engine's words


def test_exception_without_message_and_context_chain() -> None:
    try:
        try:
            raise RuntimeError
        except RuntimeError:
            raise OSError(2, "No such file", f"/data/lampiran/KTP {NIK}.jpg") from None
    except OSError as exc:
        text = logs.format_exception(exc)
    assert "FileNotFoundError: (pesan disembunyikan" in text
    assert NIK not in text and "RuntimeError" not in text  # `from None` hides the context
    try:
        try:
            raise RuntimeError
        except RuntimeError:
            raise LookupError  # noqa: B904 (the implicit context is the point)
    except LookupError as exc:
        text = logs.format_exception(exc)
    assert "RuntimeError\n" in text and "During handling" in text and text.endswith("LookupError")


def test_rotation_keeps_five_owner_only_files(
    log_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure(tmp_path / "data")
    log = logging.getLogger("lapor_desktop.rot")
    for i in range(400):
        log.info("line %04d %s", i, "x" * 60)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == ["lapor-desktop.log"] + [f"lapor-desktop.log.{n}" for n in range(1, 6)]
    assert "line 0399" in (log_dir / "lapor-desktop.log").read_text()
    assert all(p.stat().st_size <= 2_200 for p in log_dir.iterdir())
    if os.name == "posix":
        assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700
        for p in log_dir.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name


def test_existing_loose_file_is_closed_to_others(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    folder = tmp_path / "data" / "logs"
    folder.mkdir(parents=True, mode=0o755)
    (folder / "lapor-desktop.log").write_text("old\n")
    (folder / "lapor-desktop.log").chmod(0o644)
    logs.configure(tmp_path / "data")
    logging.getLogger("lapor_desktop").info("new")
    logs.configure(None)
    assert stat.S_IMODE((folder / "lapor-desktop.log").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "lapor-desktop.log").read_text().startswith("old\n")


def test_configure_again_moves_to_the_new_file(tmp_path: Path) -> None:
    logs.configure(tmp_path / "a")
    logging.getLogger("lapor_desktop").info("to a")
    logs.configure(tmp_path / "b")
    logging.getLogger("lapor_desktop").info("to b")
    logs.configure(None)
    logging.getLogger("lapor_desktop").info("nowhere")
    assert "to a" in read(tmp_path / "a" / "logs") and "to b" not in read(tmp_path / "a" / "logs")
    assert "to b" in read(tmp_path / "b" / "logs") and "nowhere" not in read(
        tmp_path / "b" / "logs"
    )
    assert logs.current_log_file() is None

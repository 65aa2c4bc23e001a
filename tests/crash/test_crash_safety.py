"""Crash safety (issue 12): SIGKILL a process at random moments of an intake with
attachments, a workflow action (with a numbered letter written to a file) and a demo load
(in-process and with its spawned generator), many times; after each kill the database
opens, passes integrity_check and holds every change whole or not at all, with no orphan
attachment file. And a demo generator process ends with its parent.

Linux only (fork, /proc, SIGKILL). Seeded: a failure names the seed to replay it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lapor_desktop import credentials, paths
from tests.services.casepaths import case_in
from tests.services.conftest import World, build_world

from .harness import Findings, Zygote, alive, check_database, descendants, wait_gone

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and /proc")

KILLS = 30


def _setup[T](data_dir: Path, prepare: Callable[[World], T] | None = None) -> tuple[str, T | None]:
    """A fresh database (users of every role, one reporter), `prepare`d, then closed: the
    children open it themselves. Returns its key and what `prepare` returned."""
    world, store = build_world(data_dir)
    try:
        key = credentials.get_db_key(paths.db_path(data_dir))
        assert key
        return key, prepare(world) if prepare else None
    finally:
        store.close()


def _assert_whole(f: Findings, seed: int, orphans: list[str]) -> None:
    assert not f.problems, f"seed {seed}: {f.problems}"
    if f.sealed_attachments:
        assert not f.orphan_files, f"seed {seed}: orphan files {f.orphan_files[:5]}"
    else:
        orphans.extend(f"seed {seed}: {x}" for x in f.orphan_files if x not in str(orphans))


def _orphans_under_v6(orphans: list[str]) -> None:
    # Schema v6 copies attachment files before the intake's transaction; sealed
    # attachments (schema v7) write them inside it, where this check is strict.
    if orphans:
        pytest.xfail(f"orphan attachment files under schema v6: {orphans[:3]}")


@pytest.fixture(scope="module")
def zygote() -> Iterator[Zygote]:
    with Zygote() as z:
        yield z


def test_killed_intakes_leave_whole_complaints_and_no_orphans(
    zygote: Zygote, data_dir: Path, tmp_path: Path
) -> None:
    key, _ = _setup(data_dir)
    finished = 0
    orphans: list[str] = []
    for seed in range(KILLS):
        run = zygote.kill_during(
            "intake",
            data_dir,
            key,
            seed=seed,
            max_delay=0.6,
            args={"sources": str(tmp_path / "sumber")},
        )
        finished += run.done
        f = check_database(data_dir, key)
        assert f.complaints >= finished, f"seed {seed}: a finished intake is missing"
        _assert_whole(f, seed, orphans)
    assert finished > 0  # the kills did not all land before the first intake
    assert f.attachments > 0
    _orphans_under_v6(orphans)


def test_killed_workflow_actions_and_letters_stay_whole(
    zygote: Zygote, data_dir: Path, tmp_path: Path
) -> None:
    from lapor_desktop.domain.workflow import Status

    def cases(world: World) -> list[str]:
        return [case_in(world, s) for s in (Status.DITERIMA, Status.TERVERIFIKASI)] + [
            case_in(world, Status.DIPROSES) for _ in range(3)
        ]

    key, made = _setup(data_dir, cases)
    tickets = made or []
    letters = tmp_path / "surat"
    letters.mkdir()
    finished = 0
    orphans: list[str] = []
    for seed in range(KILLS):
        run = zygote.kill_during(
            "workflow",
            data_dir,
            key,
            seed=1000 + seed,
            max_delay=0.5,
            args={"tickets": tickets, "letters": str(letters)},
        )
        finished += run.done
        f = check_database(data_dir, key)
        assert f.actions >= len(tickets) + finished, f"seed {seed}: a finished action is lost"
        _assert_whole(f, seed, orphans)
    assert finished > 0
    # No letter file without its number in the register (the reverse may happen: killed
    # after the commit, before the rename; a re-print reuses that number).
    from lapor_desktop.db.models import Complaint, Letter

    check_database(data_dir, key)
    for pdf in letters.glob("penerusan-*.pdf"):
        ticket = pdf.stem.removeprefix("penerusan-")
        case = Complaint.get(Complaint.ticket == ticket)
        assert (
            Letter.select()
            .where((Letter.complaint == case.id) & (Letter.kind == "forwarding"))
            .exists()
        ), pdf.name


@pytest.mark.parametrize(
    ("threshold", "kills", "max_delay"), [(None, 6, 4.5), (1, 5, 7.0)], ids=["thread", "process"]
)
def test_killed_demo_loads_are_whole_and_leave_no_process(
    zygote: Zygote, data_dir: Path, threshold: int | None, kills: int, max_delay: float
) -> None:
    key, _ = _setup(data_dir)
    finished = 0
    orphans: list[str] = []
    for seed in range(kills):
        run = zygote.kill_during(
            "demo",
            data_dir,
            key,
            seed=2000 + seed,
            max_delay=max_delay,
            args={"cases": 150, "process_threshold": threshold},
            track_children=True,
        )
        finished += run.done
        assert not run.orphans, f"seed {seed}: processes {run.orphans} outlived the killed load"
        f = check_database(data_dir, key)
        assert f.complaints >= 150 * finished, f"seed {seed}: a finished load is missing"
        assert f.complaints % 150 == 0, f"seed {seed}: {f.complaints} demo cases"
        _assert_whole(f, seed, orphans)
    _orphans_under_v6(orphans)


def test_demo_generator_process_ends_with_its_parent(zygote: Zygote, data_dir: Path) -> None:
    """SIGKILL the process running a demo load while its spawned generator works: the
    generator ends within a few seconds instead of running (then blocking) forever."""
    key, _ = _setup(data_dir)
    pid = zygote.start("demo", data_dir, key, 1, {"cases": 20000, "process_threshold": 1})
    # The first progress report comes from the generator through the queue: it runs.
    zygote.expect(lambda m: m.get("progress") == pid, timeout=120)
    generator = {p for p in descendants(pid) if _is_generator(p)}
    assert generator, "the demo load spawned no generator process"
    assert all(alive(p) for p in generator)
    os.kill(pid, signal.SIGKILL)
    assert not wait_gone({pid}, 10)
    left = wait_gone(generator, 5)
    for p in left:  # do not leave it behind for the rest of the suite
        os.kill(p, signal.SIGKILL)
    assert not left, f"generator {left} outlived its parent"
    f = check_database(data_dir, key)
    assert f.complaints == 0 and not f.problems, f.problems


def _is_generator(pid: int) -> bool:
    try:
        return b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False

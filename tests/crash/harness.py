"""Kill a process at random moments of a write, then prove the database whole.

    with Zygote() as z:
        for i in range(kills):
            z.kill_during("intake", data_dir, key, seed=i, max_delay=0.4, args={...})
            check_database(data_dir, key)        # raises AssertionError with the finding

`Zygote` (tests/crash/zygote.py) forks a warm child per run; the child opens the real
SQLCipher file, runs its scenario in a loop, and is SIGKILLed after a seeded random delay
(possibly before its first operation finished, possibly in the middle of the tenth).
`check_database` opens the file the way the app does and checks what must hold after any
crash: integrity, foreign keys, every change whole or absent (a complaint with its INTAKE
action, its audit entry and all its attachments; a status with its action; letter numbers
gapless; demo loads whole) and no orphan attachment file. Other scenarios (a restore, a
sync) add a function to zygote.SCENARIOS and their own checks beside these.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (not yet reaped) counts as gone
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state != "Z"


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:
            continue
        for t in tasks:
            try:
                kids = (t / "children").read_text().split()
            except OSError:
                continue
            for k in map(int, kids):
                if k not in found:
                    found.add(k)
                    todo.append(k)
    return found


def wait_gone(pids: set[int], timeout: float) -> set[int]:
    """The pids still alive after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    left = set(pids)
    while left and time.monotonic() < deadline:
        left = {p for p in left if alive(p)}
        if left:
            time.sleep(0.02)
    return {p for p in left if alive(p)}


@dataclass
class Run:
    pid: int
    done: int  # operations the child reported finished before it was killed
    orphans: set[int] = field(default_factory=set)  # its processes alive after the kill


class Zygote:
    def __init__(self) -> None:
        env = dict(os.environ)
        env.pop("LAPOR_DB_KEY", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.zygote"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.expect(lambda m: "zygote" in m, timeout=120)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(json.loads(line))
        self.lines.put({"eof": True})

    def expect(self, want: Any, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("crash harness: no answer from the child in time")
            try:
                m = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if "error" in m:
                raise AssertionError(f"child failed before it was killed:\n{m['trace']}")
            if "eof" in m:
                raise AssertionError("crash harness: the zygote ended")
            if want(m):
                return m

    def start(
        self, scenario: str, data_dir: Path, key: str, seed: int, args: dict[str, Any]
    ) -> int:
        assert self.proc.stdin is not None
        req = {"scenario": scenario, "data_dir": str(data_dir), "key": key, "seed": seed}
        self.proc.stdin.write(json.dumps({**req, "args": args}) + "\n")
        self.proc.stdin.flush()
        return int(self.expect(lambda m: "ready" in m, timeout=60)["ready"])

    def kill_during(
        self,
        scenario: str,
        data_dir: Path,
        key: str,
        *,
        seed: int,
        max_delay: float,
        args: dict[str, Any] | None = None,
        track_children: bool = False,
    ) -> Run:
        """Start `scenario`, SIGKILL it after a random delay in [0, max_delay) seconds
        (seeded), wait until it is gone. `track_children`: also collect its descendants
        just before the kill and report those still alive 5 s after it."""
        pid = self.start(scenario, data_dir, key, seed, args or {})
        time.sleep(random.Random(seed).uniform(0, max_delay))
        kids = descendants(pid) if track_children else set()
        with contextlib.suppress(ProcessLookupError):  # ended by itself: see below
            os.kill(pid, signal.SIGKILL)
        if wait_gone({pid}, 10):
            raise AssertionError(f"process {pid} survived SIGKILL")
        time.sleep(0.05)  # lets the reader thread take in its last lines
        done = 0
        while True:  # what it reported before dying
            try:
                m = self.lines.get_nowait()
            except queue.Empty:
                break
            if m.get("error") == pid:
                raise AssertionError(f"child failed before it was killed:\n{m['trace']}")
            if m.get("done") == pid:
                done = int(m["n"])
        return Run(pid, done, wait_gone(kids, 5) if kids else set())

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- what must hold


@dataclass
class Findings:
    """What check_database saw; `problems` must be empty."""

    complaints: int = 0
    attachments: int = 0
    actions: int = 0
    letters: int = 0
    problems: list[str] = field(default_factory=list)
    orphan_files: list[str] = field(default_factory=list)  # under lampiran/
    sealed_attachments: bool = False  # schema holds attachment contents in the database

    def ok(self) -> bool:
        return not self.problems and not self.orphan_files


def _q(db: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


_LAMPIRAN = re.compile(r" (\d+) lampiran ")
_DEMO = re.compile(r"^(\d+) laporan demo")


def check_database(data_dir: Path, key: str) -> Findings:
    """Open the database as the app does and check every crash invariant."""
    import keyring

    from lapor_desktop import credentials, paths
    from lapor_desktop.memory_keyring import MemoryKeyring
    from lapor_desktop.services import storage

    kr = keyring.get_keyring()
    if not isinstance(kr, MemoryKeyring):  # the tests' in-memory keyring holds the key
        keyring.set_keyring(MemoryKeyring())
    credentials.store_db_key(paths.db_path(data_dir), key)
    store = storage.open_database(data_dir, lambda _new: key)
    try:
        return _check(store.db, data_dir)
    finally:
        store.close()


def _check(db: Any, data_dir: Path) -> Findings:
    f = Findings()
    p = f.problems
    integrity = _q(db, "PRAGMA integrity_check")
    if integrity != [("ok",)]:
        p.append(f"integrity_check: {integrity[:5]}")
    fk = _q(db, "PRAGMA foreign_key_check")
    if fk:
        p.append(f"foreign_key_check: {fk[:5]}")
    tables = {r[0] for r in _q(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    f.sealed_attachments = "attachment_content" in tables

    # Complaints: INTAKE first, gapless history, status = last action, one audit entry
    # per action (user actions; demo loads write one audit entry per load).
    rows = _q(
        db,
        'SELECT c.id, c.ticket, c.status, c.title, group_concat(a.seq || ":" || a.action || '
        '":" || a.to_status, ",") FROM complaint c LEFT JOIN ('
        "SELECT * FROM case_action ORDER BY complaint_id, seq) a ON a.complaint_id = c.id "
        "GROUP BY c.id",
    )
    audits = dict(
        _q(
            db,
            "SELECT entity_id, COUNT(*) FROM audit_log WHERE entity = 'complaint' "
            "AND event LIKE 'kasus\\_%' ESCAPE '\\' GROUP BY entity_id",
        )
    )
    f.complaints = len(rows)
    for cid, ticket, status, title, hist in rows:
        acts = [h.split(":") for h in (hist or "").split(",") if h]
        f.actions += len(acts)
        seqs = sorted(int(s) for s, _a, _t in acts)
        if not acts or seqs != list(range(1, len(acts) + 1)):
            p.append(f"{ticket}: history not gapless from 1: {seqs}")
            continue
        by_seq = {int(s): (a, t) for s, a, t in acts}
        if by_seq[1][0] != "INTAKE":
            p.append(f"{ticket}: first action {by_seq[1][0]}, not INTAKE")
        if by_seq[len(acts)][1] != status:
            p.append(f"{ticket}: status {status} but last action says {by_seq[len(acts)][1]}")
        if "-DEMO-" not in ticket and audits.get(ticket, 0) != len(acts):
            p.append(f"{ticket}: {len(acts)} actions but {audits.get(ticket, 0)} audit entries")
        m = _LAMPIRAN.search(title or "")
        if m:
            n = _q(db, "SELECT COUNT(*) FROM attachment WHERE complaint_id = ?", (cid,))[0][0]
            if n != int(m.group(1)):
                p.append(f"{ticket}: {n} of {m.group(1)} attachments")

    # Attachments: every row has its content (in the database, or a file under lampiran/
    # before schema v7), matching its SHA-256 and size.
    store = paths_lampiran(data_dir)
    referenced: set[str] = set()
    for sha, size in _q(db, "SELECT sha256, size FROM attachment"):
        f.attachments += 1
        referenced.add(sha)
        content: bytes | None = None
        if f.sealed_attachments:
            got = _q(db, "SELECT content FROM attachment_content WHERE sha256 = ?", (sha,))
            content = bytes(got[0][0]) if got else None
        if content is None:
            blob = store / sha[:2] / sha
            content = blob.read_bytes() if blob.is_file() else None
        if content is None:
            p.append(f"attachment {sha[:12]}: content missing")
        elif hashlib.sha256(content).hexdigest() != sha or len(content) != size:
            p.append(f"attachment {sha[:12]}: content does not match")
    if store.exists():
        for file in sorted(x for x in store.rglob("*") if not x.is_dir()):
            if file.name not in referenced or file.parent.name != file.name[:2]:
                f.orphan_files.append(str(file.relative_to(data_dir)))

    # Letters: gapless per office and year; one answer letter per approval.
    for office, year, n, top in _q(
        db, "SELECT office_id, year, COUNT(*), MAX(number) FROM letter GROUP BY 1, 2"
    ):
        f.letters += n
        if n != top:
            p.append(f"letters of {office}/{year}: {n} numbers up to {top}")
    approvals = _q(
        db,
        "SELECT (SELECT COUNT(*) FROM case_action WHERE action = 'APPROVE'), "
        "(SELECT COUNT(*) FROM letter WHERE kind = 'answer')",
    )[0]
    if approvals[0] != approvals[1]:
        p.append(f"{approvals[0]} approvals but {approvals[1]} answer letters")

    # Demo loads: whole or absent (the audit entry counts the cases of each load), and the
    # full-text index holds every case (its triggers are dropped during a load).
    loaded = sum(
        int(m.group(1))
        for (d,) in _q(db, "SELECT detail FROM audit_log WHERE event = 'data_demo'")
        if (m := _DEMO.match(d or ""))
    )
    demo_cases = _q(db, "SELECT COUNT(*) FROM complaint WHERE ticket LIKE '%-DEMO-%'")[0][0]
    if demo_cases != loaded:
        p.append(f"{demo_cases} demo cases but the audit log counts {loaded}")
    fts = _q(db, "SELECT COUNT(*) FROM complaint_fts")[0][0]
    if fts != f.complaints:
        p.append(f"{fts} full-text entries for {f.complaints} complaints")
    triggers = {r[0] for r in _q(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name in ("complaint_fts_ai", "complaint_fts_au", "complaint_fts_ad"):
        if name not in triggers:
            p.append(f"trigger {name} missing")
    return f


def paths_lampiran(data_dir: Path) -> Path:
    from lapor_desktop import paths

    return paths.attachments_dir(data_dir)

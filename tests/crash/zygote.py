"""The process side of the crash harness (tests/crash/harness.py).

Started once per test as `python -m tests.crash.zygote`: imports the application (the
slow part, seconds with bytecode writing off), then forks one child per request read
from stdin. A child opens the real SQLCipher file the way the app does, signs in and runs
its scenario in a loop until the test kills it with SIGKILL. Forking a warm process makes
a kill cycle cost milliseconds instead of an interpreter start, so a test can kill many
times. The zygote itself never opens the database (a forked child gets no inherited
connection) and runs no threads.

Protocol (one JSON object per line): request {"scenario", "data_dir", "key", "seed",
"args"} on stdin; the child answers {"ready": pid} once its database is open and
{"done": pid, "n": k} after each finished operation, or {"error": pid, "trace": ...}
(a demo load also says {"progress": pid, "n": cases} as it goes).

Scenarios are functions in SCENARIOS: (Child) -> None, looping forever. Add one by
decorating it with @scenario("name").
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring

from lapor_desktop import credentials, demo, paths
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.memory_keyring import MemoryKeyring
from lapor_desktop.services import casework, documents, intake, storage, users
from lapor_desktop.services.clock import SystemClock
from lapor_desktop.services.context import Ctx

PASSWORD = "sandi-uji-123"
NIK = "1401154107950001"


def say(obj: dict[str, Any]) -> None:
    # One short write per line: lines from several processes on one pipe stay whole.
    os.write(1, (json.dumps(obj) + "\n").encode())


@dataclass
class Child:
    data_dir: Path
    base: Ctx
    rng: random.Random
    args: dict[str, Any]
    _ctx: dict[str, Ctx]

    def as_(self, username: str) -> Ctx:
        if username not in self._ctx:
            self._ctx[username] = self.base.as_user(users.sign_in(self.base, username, PASSWORD))
        return self._ctx[username]

    def done(self, n: int) -> None:
        say({"done": os.getpid(), "n": n})


SCENARIOS: dict[str, Callable[[Child], None]] = {}


def scenario(name: str) -> Callable[[Callable[[Child], None]], Callable[[Child], None]]:
    def register(fn: Callable[[Child], None]) -> Callable[[Child], None]:
        SCENARIOS[name] = fn
        return fn

    return register


# ---------------------------------------------------------------- scenarios

_MAGIC = {".jpg": b"\xff\xd8\xff\xe0", ".pdf": b"%PDF-1.4\n", ".png": b"\x89PNG\r\n\x1a\n"}


@scenario("intake")
def intake_with_attachments(c: Child) -> None:
    """Intakes with 1-3 attachments each (random sizes up to ~1 MB, random bytes so no
    two files are alike); the title says how many, so a check can count them."""
    src = Path(c.args["sources"]) / str(os.getpid())
    src.mkdir(parents=True)
    desk = c.as_("loket")
    k = 0
    while True:
        n = c.rng.randint(1, 3)
        files = []
        for i in range(n):
            ext = c.rng.choice(sorted(_MAGIC))
            f = src / f"bukti-{k}-{i}{ext}"
            f.write_bytes(_MAGIC[ext] + c.rng.randbytes(c.rng.randint(1_000, 1_000_000)))
            files.append(f)
        intake.log_complaint(
            desk,
            intake.ComplaintInput(
                reporter_nik=NIK,
                title=f"Uji mati mendadak {n} lampiran {os.getpid()}-{k}",
                body="Laporan uji dengan lampiran.",
                channel="walk-in",
                klasifikasi="pengaduan",
                attachments=files,
            ),
        )
        k += 1
        c.done(k)


# The next step of each status on a road that never ends: an answered case is reopened.
_NEXT: dict[Status, tuple[str, Action, dict[str, Any]]] = {
    Status.DITERIMA: ("admin", Action.VERIFY, {"category": "INFRASTRUKTUR"}),
    Status.TERVERIFIKASI: ("admin", Action.DISPOSE, {"opd": "PUPR", "note": "Mohon ditindak"}),
    Status.TERDISPOSISI: ("pupr", Action.START, {}),
    Status.DIPROSES: ("pupr", Action.SUBMIT_ANSWER, {"note": "Jalan diperbaiki"}),
    Status.MENUNGGU_PERSETUJUAN: ("kadis.pupr", Action.APPROVE, {}),
    Status.DIJAWAB: ("loket", Action.REPORTER_RESPONSE, {"note": "Belum diperbaiki"}),
}


@scenario("workflow")
def workflow(c: Child) -> None:
    """Workflow actions on the given cases (approvals reserve answer-letter numbers), and
    the forwarding letter of each newly dispositioned case written to a file (its number
    is reserved in the same transaction)."""
    tickets: list[str] = list(c.args["tickets"])
    out = Path(c.args["letters"])
    k = 0
    while True:
        ticket = c.rng.choice(tickets)
        status = Status(casework.load_case(ticket).status)
        user, action, kw = _NEXT[status]
        casework.perform(c.as_(user), ticket, action, **kw)
        if action is Action.DISPOSE:
            documents.forwarding_document(
                c.as_("admin"), ticket, out=out / f"penerusan-{ticket}.pdf"
            )
        k += 1
        c.done(k)


@scenario("demo")
def demo_load(c: Child) -> None:
    """Demo loads of `cases` cases; `process_threshold` 1 takes the spawned-generator path."""
    k = 0
    while True:
        demo.generate(
            c.base,
            int(c.args["cases"]),
            seed=c.rng.randint(1, 10**6),
            progress=lambda done, _total: say({"progress": os.getpid(), "n": done}),
            process_threshold=c.args.get("process_threshold"),
        )
        k += 1
        c.done(k)


# ---------------------------------------------------------------- the fork loop


def _child(req: dict[str, Any]) -> None:
    data_dir = Path(req["data_dir"])
    key = str(req["key"])
    credentials.store_db_key(paths.db_path(data_dir), key)
    storage.open_database(data_dir, lambda _new: key)
    base = Ctx(data_dir=data_dir, clock=SystemClock())
    c = Child(data_dir, base, random.Random(req["seed"]), dict(req.get("args") or {}), {})
    say({"ready": os.getpid()})
    SCENARIOS[req["scenario"]](c)


def _warm_up() -> None:
    """Import and load now what a first letter or deadline would (reportlab, fonts,
    templates, the holidays package), so a child starts its scenario at once instead of
    spending its first second or two importing."""
    from datetime import date

    from lapor_desktop import pdf
    from lapor_desktop.domain.calendar import kampar_calendar
    from lapor_desktop.pdf import samples

    pdf.render_forwarding(samples.forwarding(1), pdf.load_templates())
    year = date.today().year
    kampar_calendar(range(year - 2, year + 2), [])  # imports `holidays`, its country data


def main() -> None:
    _warm_up()
    keyring.set_keyring(MemoryKeyring())
    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)
    # Children are reaped by the kernel: a killed child leaves no zombie behind, so the
    # test sees it gone (kill(pid, 0) fails) as soon as it has died.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    say({"zygote": os.getpid()})
    for line in sys.stdin:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own children are waited for
            try:
                _child(req)
            except BaseException:
                say({"error": os.getpid(), "trace": traceback.format_exc()})
            finally:
                os._exit(0)


if __name__ == "__main__":
    main()

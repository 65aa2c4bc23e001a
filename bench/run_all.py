"""Every benchmark in one table: each figure, its target and the ratio (issue 19).

    .tools/bin/uv run --frozen python bench/run_all.py [--cases 100000] [--quick]
        [--only casework,pdf] [--skip gui] [--dsn "host=… user=… password=…"]
        [--with-central] [--json] [--markdown] [--timeout 1800] [--raw DIR]

Runs each bench/bench_*.py in its own process, as its own CLI documents it, with the same
number of demo cases (default 100,000: each bench that needs a database generates its own
in a temporary folder), the PostgreSQL benches (sync, sync_gui, sync_many, attachments,
central) against the PostgreSQL of `--dsn` (else LAPOR_BENCH_PG_DSN, else
LAPOR_TEST_PG_DSN; a superuser: each makes a scratch database; without one they are rows
saying "skipped"). bench_central (1,000,000 cases on the server, ~5 minutes to generate)
runs only with `--with-central` or when named in `--only`.
The benches print text for people; this reads their figures from that text. A bench that
is missing, fails, times out or prints nothing readable gets a row saying so, and the
others still run. `--quick` is a short rehearsal (2,000 cases, fewer repeats): its figures
prove the plumbing, not the targets, which are set for the full sizes.

Prints the table (with the machine it ran on) as text, `--markdown` as the README's table,
`--json` as JSON. Exit code 0 when every figure met its target and every bench ran, 1 if
not, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

UNITS = {"ms": 0.001, "s": 1.0, "MB": 1.0, "×": 1.0, "": 1.0}


@dataclass
class Figure:
    bench: str
    name: str
    value: float
    unit: str
    target: float | None
    higher_is_better: bool = False
    note: str = ""
    cpu: float | None = None  # the process's CPU time, where the bench prints it

    @property
    def ratio(self) -> float | None:
        if self.target is None or self.target == 0:
            return None
        return self.value / self.target

    @property
    def ok(self) -> bool | None:
        r = self.ratio
        if r is None:
            return None
        return r >= 1 if self.higher_is_better else r <= 1


@dataclass
class BenchRun:
    name: str
    script: str
    status: str = "not run"  # ok | exit N | failed | timeout | missing | skipped | unreadable
    seconds: float = 0.0
    detail: str = ""
    figures: list[Figure] = field(default_factory=list)


# ---------------------------------------------------------------- reading the figures

NUM = r"[\d][\d,]*(?:\.\d+)?"
# "<name>   12.3 ms (CPU …)  target ≤ 50.0 ms  OK": bench_casework, bench_pdf,
# bench_documents (and any bench printing that shape).
GENERIC = re.compile(
    rf"^\s*(?P<name>\S.*?)(?::\s+|\s{{2,}})(?P<val>{NUM})\s*(?P<unit>ms|s|MB)\b"
    rf"(?:\s*\(CPU\s+(?P<cpu>{NUM})\s*(?P<cunit>ms|s)\))?"
    rf".*?target ≤ (?P<tval>{NUM})\s*(?P<tunit>ms|s|MB)\b"
)


def number(text: str) -> float:
    return float(text.replace(",", ""))


def in_unit(value: float, unit: str, wanted: str) -> float:
    return value * UNITS[unit] / UNITS[wanted]


# bench_import: "the same, CPU time of this process …  0.282 s" on the line right after a figure
CPU_AFTER = re.compile(rf"^\s+the same, CPU time\b.*?\s(?P<cpu>{NUM})\s*(?P<cunit>ms|s)\s*$")


def generic(bench: str, out: str) -> list[Figure]:
    found: list[Figure] = []
    previous: Figure | None = None  # the figure of the line just before, if any
    for line in out.splitlines():
        m = GENERIC.match(line)
        if m is None:
            c = CPU_AFTER.match(line)
            if c is not None and previous is not None and previous.unit in ("ms", "s"):
                previous.cpu = in_unit(number(c["cpu"]), c["cunit"], previous.unit)
            previous = None
            continue
        unit, tunit = m["unit"], m["tunit"]
        value = number(m["val"])
        target = in_unit(number(m["tval"]), tunit, unit) if {unit, tunit} <= {"ms", "s"} else None
        if unit == "MB" and tunit == "MB":
            target = number(m["tval"])
        cpu = in_unit(number(m["cpu"]), m["cunit"], unit) if m["cpu"] and unit != "MB" else None
        name = m["name"].strip().rstrip(":")
        previous = Figure(bench, name, value, unit, target, cpu=cpu)
        found.append(previous)
    return found


@dataclass(frozen=True)
class Pattern:
    """A figure printed in a bench's own words: `regex` with group `val` (and `name` when
    the figure's name comes from the line), in `unit`, against `target`."""

    regex: str
    name: str
    unit: str
    target: float | None
    higher_is_better: bool = False
    total_group: str = ""  # the target is this group of the same line (e.g. "10/10")
    value: float | None = None  # a line that is itself the figure (e.g. "invariants: OK" = 1)


def patterned(bench: str, out: str, patterns: tuple[Pattern, ...]) -> list[Figure]:
    found = []
    for p in patterns:
        for m in re.finditer(p.regex, out, re.MULTILINE):
            groups = m.groupdict()
            name = p.name.format(**{k: v for k, v in groups.items() if v is not None})
            target = number(m[p.total_group]) if p.total_group else p.target
            value = p.value if p.value is not None else number(m["val"])
            found.append(Figure(bench, name, value, p.unit, target, p.higher_is_better))
    return found


@dataclass(frozen=True)
class Spec:
    """How to run one bench: its arguments (given the run's options and a scratch folder
    kept until it is done), and optionally a `prepare` command run before it, untimed, in
    another process (bench_gui's memory figure must not include generating the data)."""

    name: str
    script: str
    args: Callable[[argparse.Namespace, Path], list[str]]
    patterns: tuple[Pattern, ...] = ()
    generic: bool = False
    needs_pg: bool = False
    note: str = ""
    prepare: Callable[[argparse.Namespace, Path], list[str]] | None = None
    opt_in: str = ""  # run only with this flag (or named in --only): minutes-long benches


# bench_gui's own prepare(): the demo database and its key file, which --data-dir reuses.
GUI_PREPARE = (
    "import sys; from pathlib import Path; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/bench']; "
    "import bench_gui; bench_gui.prepare(Path(sys.argv[2]), int(sys.argv[3]))"
)


def _quick(a: argparse.Namespace, full: list[str], quick: list[str]) -> list[str]:
    return quick if a.quick else full


SPECS: tuple[Spec, ...] = (
    Spec(
        "casework",
        "bench_casework.py",
        lambda a, w: ["--cases", str(a.cases), *_quick(a, [], ["--repeat", "3"])],
        generic=True,
    ),
    Spec("pdf", "bench_pdf.py", lambda a, w: [], generic=True),
    Spec(
        "documents",
        "bench_documents.py",
        lambda a, w: ["--cases", str(a.cases)],
        generic=True,
        note="monthly summary of the busiest month (~1/12 of the cases)",
    ),
    Spec(
        "gui",
        "bench_gui.py",
        lambda a, w: ["--cases", str(a.cases), "--data-dir", str(w / "data")],
        prepare=lambda a, w: ["-c", GUI_PREPARE, str(ROOT), str(w / "data"), str(a.cases)],
        patterns=(
            Pattern(
                rf"^cold start:.*waited {NUM} ms \((?P<val>{NUM})×, target ≤ 2×\)",
                "cold start to a usable main window, × a bare window",
                "×",
                2.0,
            ),
            Pattern(
                rf"with no time at all to type, start to main window {NUM} ms \((?P<val>{NUM})×\)",
                "cold start with no time to type, × a bare window (no target)",
                "×",
                None,
            ),
            Pattern(
                rf"^case list first page after opening: (?P<val>{NUM}) ms",
                "case list first page after opening",
                "ms",
                150.0,
            ),
            Pattern(
                rf"^\s+after (?P<what>[^:]+): (?P<val>{NUM}) ms",
                "case list first page after {what}",
                "ms",
                150.0,
            ),
            Pattern(
                rf"^scroll to the end:.*worst fetch (?P<val>{NUM}) ms",
                "scrolling to the end, worst page fetch",
                "ms",
                50.0,
            ),
            Pattern(
                rf"^peak resident memory: (?P<val>{NUM}) MB",
                "peak resident memory",
                "MB",
                250.0,
            ),
        ),
    ),
    Spec(
        "counter",
        "bench_counter.py",
        lambda a, w: _quick(a, [], ["--runs", "1"]),
        patterns=(
            Pattern(
                rf"^== (?P<kind>\w+): .*typing at \d+ keys/min (?P<val>{NUM}) s",
                "keyboard-only walk-in ({kind}), typing time",
                "s",
                60.0,
            ),
            Pattern(
                rf"^== (?P<kind>\w+): .*app's work median (?P<val>{NUM}) ms",
                "keyboard-only walk-in ({kind}), the app's own work (no target)",
                "ms",
                None,
            ),
        ),
    ),
    Spec(
        "concurrency",
        "bench_concurrency.py",
        lambda a, w: _quick(a, [], ["--processes", "2", "--intakes", "5"]),
        patterns=(
            Pattern(
                rf"^services: .*: (?P<val>{NUM})/(?P<total>{NUM}) succeeded",
                "concurrent intakes that succeeded",
                "",
                None,
                higher_is_better=True,
                total_group="total",
            ),
            Pattern(
                rf"^\s+throughput (?P<val>{NUM}) per second",
                "concurrent intakes per second (no target)",
                "/s",
                None,
            ),
            Pattern(
                rf"^\s+latency p50 {NUM} ms, p95 (?P<val>{NUM}) ms",
                "concurrent intake latency p95 (no target)",
                "ms",
                None,
            ),
        ),
    ),
    Spec(
        "sync",
        "bench_sync.py",
        lambda a, w: _quick(a, [], ["--cases", "200", "--actions", "50"]),
        needs_pg=True,
        patterns=(
            Pattern(
                rf"^1\. OPD PC first sync \(join\) with (?P<n>{NUM}) cases: (?P<val>{NUM}) s",
                "sync: an OPD PC's first sync (join), {n} cases",
                "s",
                15.0,
            ),
            Pattern(
                rf"^2\. sync with nothing to do: mean (?P<val>{NUM}) ms",
                "sync with nothing to do",
                "ms",
                300.0,
            ),
            Pattern(
                rf"^3\. pushing (?P<n>{NUM}) actions: whole sync (?P<val>{NUM}) s",
                "sync pushing {n} actions",
                "s",
                2.0,
            ),
        ),
        note="targets for 10,000 cases and 1,000 actions",
    ),
    Spec(
        "import",
        "bench_import.py",
        lambda a, w: [
            "--cases",
            str(a.cases),
            *_quick(a, [], ["--rows", "2000", "--repeat", "5"]),
        ],
        # "import 50,000 rows (goal 10 s)   12.345 s  target ≤ 60 s  OK" and the median of the
        # duplicate suggestions at intake (≤ 50 ms) are in the generic shape.
        generic=True,
        patterns=(
            Pattern(
                rf"^\s+precision (?P<val>{NUM}) \(target ≥ 0\.9\)",
                "duplicate suggestions on the labelled set, precision",
                "",
                0.9,
                higher_is_better=True,
            ),
            Pattern(
                rf"recall (?P<val>{NUM}) \(target ≥ 0\.8\)",
                "duplicate suggestions on the labelled set, recall",
                "",
                0.8,
                higher_is_better=True,
            ),
        ),
        note="targets for 50,000 rows (the import's scales with --rows) and 100,000 cases",
    ),
    Spec(
        "sync_gui",
        "bench_sync_gui.py",
        lambda a, w: _quick(a, [], ["--rows", "500", "--intakes", "10"]),
        needs_pg=True,
        patterns=(
            Pattern(
                rf"^1\. background cycle: (?P<n>{NUM}) rows pulled and applied in (?P<val>{NUM}) s",
                "background sync cycle applying {n} rows (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^\s+intake latency: median (?P<val>{NUM}) ms",
                "intake at the counter during a background sync, median (no target)",
                "ms",
                None,
            ),
            Pattern(
                rf"^\s+intake latency: median {NUM} ms, worst (?P<val>{NUM}) ms",
                "intake at the counter during a background sync, worst",
                "ms",
                100.0,
            ),
            Pattern(
                rf"UI thread's worst gap (?P<val>{NUM}) ms",
                "UI thread's worst gap between 10 ms ticks (no target)",
                "ms",
                None,
            ),
            Pattern(
                rf"^2\. approval → admin's PC:.*expected (?P<val>{NUM}) s",
                "approval → regency admin's PC, 2-minute timer, expected (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^2\. approval → admin's PC:.*\(F9 on the admin's PC: (?P<val>{NUM}) s",
                "approval → regency admin's PC with F9 there (no target)",
                "s",
                None,
            ),
        ),
        note="target for a cycle applying 10,000 rows",
    ),
    Spec(
        "sync_many",
        "bench_sync_many.py",
        lambda a, w: _quick(
            a, [], ["--pcs", "5", "--rounds", "2", "--per-round", "3", "--cases", "20"]
        ),
        needs_pg=True,
        patterns=(
            Pattern(
                r"^invariants: .*OK\s*$",
                "PCs syncing at once: every invariant holds (1 = yes)",
                "",
                1.0,
                higher_is_better=True,
                value=1.0,
            ),
            Pattern(
                r"^INVARIANTS BROKEN",
                "PCs syncing at once: every invariant holds (1 = yes)",
                "",
                1.0,
                higher_is_better=True,
                value=0.0,
            ),
            Pattern(
                rf"^join, all (?P<n>{NUM}) at once: median {NUM} s, max (?P<val>{NUM}) s",
                "{n} PCs joining at once, slowest (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^\d+ rounds: \d+ syncs in {NUM} s = (?P<val>{NUM}) syncs/s",
                "PCs syncing at once, throughput (no target)",
                "syncs/s",
                None,
            ),
            Pattern(
                rf"^\d+ rounds: .* = (?P<val>{NUM}) rows/s",
                "PCs syncing at once, rows pushed per second (no target)",
                "rows/s",
                None,
            ),
            Pattern(
                rf"^\d+ rounds: .*sync median {NUM} ms, p95 (?P<val>{NUM}) ms",
                "PCs syncing at once, one sync p95 (no target)",
                "ms",
                None,
            ),
        ),
        note="20 PCs (--quick: 5)",
    ),
    Spec(
        "attachments",
        "bench_attachments.py",
        lambda a, w: _quick(a, [], ["--mb", "2"]),
        needs_pg=True,
        patterns=(
            Pattern(
                rf"^1\. upload (?P<mb>{NUM}) MiB in \d+ chunks: (?P<val>{NUM}) s",
                "attachment upload, {mb} MiB (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^2\. same content again: .*sent whole by another (?P<val>{NUM}) s",
                "the same attachment sent again by another login (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^3\. OPD fetch on demand (?P<mb>{NUM}) MiB: (?P<val>{NUM}) s",
                "attachment download on demand, {mb} MiB (no target)",
                "s",
                None,
            ),
        ),
        note="informational: no target",
    ),
    Spec(
        "central",
        "bench_central.py",
        lambda a, w: _quick(a, [], ["--cases", "20000", "--day", "300"]),
        needs_pg=True,
        opt_in="--with-central",
        patterns=(
            Pattern(
                rf"generated (?P<n>{NUM}) cases in (?P<val>{NUM}) s",
                "central database: generating {n} cases (no target)",
                "s",
                None,
            ),
            Pattern(
                rf"^1\. the day's pull: (?P<val>{NUM}) ms, (?P<n>{NUM}) rows",
                "central: an OPD's pull of a day's work ({n} rows)",
                "ms",
                1000.0,
            ),
            Pattern(
                rf"^2\. nothing new: (?P<val>{NUM}) ms",
                "central: an OPD's pull with nothing new",
                "ms",
                1000.0,
            ),
            Pattern(
                rf"^3\. the OPD's first pull \(checkpoint 0\): (?P<val>{NUM}) s, (?P<n>{NUM}) rows",
                "central: an OPD's first pull, {n} rows (no target)",
                "s",
                None,
            ),
        ),
        note="targets for 1,000,000 cases on the server (--quick: 20,000)",
    ),
)


# ---------------------------------------------------------------- running


def pg_dsn(args: argparse.Namespace) -> str:
    return (
        args.dsn
        or os.environ.get("LAPOR_BENCH_PG_DSN", "")
        or os.environ.get("LAPOR_TEST_PG_DSN", "")
    )


@dataclass
class Outcome:
    code: int | None  # None: stopped at the timeout
    out: str
    err: str


def _run(name: str, argv: list[str], env: dict[str, str], timeout: int) -> Outcome:
    print(f"-- {name}: {' '.join(argv)[:160]}", file=sys.stderr, flush=True)
    try:
        done = subprocess.run(
            [sys.executable, *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:

        def text(b: bytes | str | None) -> str:
            return b.decode(errors="replace") if isinstance(b, bytes) else (b or "")

        return Outcome(None, text(exc.stdout), text(exc.stderr))
    return Outcome(done.returncode, done.stdout, done.stderr)


def _last_line(text: str) -> str:
    return next((ln.strip() for ln in reversed(text.splitlines()) if ln.strip()), "")


def run_one(spec: Spec, args: argparse.Namespace) -> BenchRun:
    run = BenchRun(spec.name, spec.script)
    script = BENCH / spec.script
    if not script.is_file():
        run.status, run.detail = "missing", f"bench/{spec.script} tidak ada"
        return run
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    # some benches import `bench.…` / `tests.…` as packages of the repository
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    if spec.needs_pg:
        dsn = pg_dsn(args)
        if not dsn:
            run.status, run.detail = "skipped", "no PostgreSQL: --dsn or LAPOR_BENCH_PG_DSN"
            return run
        env["LAPOR_BENCH_PG_DSN"] = dsn
    with tempfile.TemporaryDirectory(prefix=f"lapor-run-all-{spec.name}-") as scratch:
        work = Path(scratch)
        if spec.prepare is not None:
            ready = _run(f"{spec.name} (prepare)", spec.prepare(args, work), env, args.timeout)
            if ready.code != 0:
                why = "timeout" if ready.code is None else _last_line(ready.err)
                run.status, run.detail = "failed", f"prepare: {why}"[:200]
                return run
        t0 = time.perf_counter()
        done = _run(spec.name, [str(script), *spec.args(args, work)], env, args.timeout)
        run.seconds = time.perf_counter() - t0
    if args.raw:
        args.raw.mkdir(parents=True, exist_ok=True)
        (args.raw / f"{spec.name}.out").write_text(done.out, encoding="utf-8")
        (args.raw / f"{spec.name}.err").write_text(done.err, encoding="utf-8")
    run.figures = read_figures(spec, done.out)
    last_err = _last_line(done.err) or _last_line(done.out)  # some print their error
    if done.code is None:
        run.status, run.detail = "timeout", f"stopped after {args.timeout} s"
    elif done.code != 0 and not run.figures:
        run.status, run.detail = "failed", f"exit {done.code}: {last_err[:200]}"
    elif not run.figures:
        run.status, run.detail = "unreadable", "no figure recognised in the output"
    elif done.code != 0:
        # Some benches exit 1 when a target is missed; the figures say which.
        run.status, run.detail = f"exit {done.code}", last_err[:200]
    else:
        run.status = "ok"
    return run


def read_figures(spec: Spec, out: str) -> list[Figure]:
    found = generic(spec.name, out) if spec.generic else []
    found += patterned(spec.name, out, spec.patterns)
    for f in found:
        f.note = f.note or spec.note
    return found


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "os": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "memory": memory,
        "python": platform.python_version(),
        "load_before": load,
    }


# ---------------------------------------------------------------- the table


def fmt_value(value: float, unit: str) -> str:
    if unit == "ms" and value >= 1000:
        return f"{value / 1000:.2f} s"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "" and value % 1 and abs(value) < 10:  # a ratio such as precision 0.950
        return f"{value:.3f}"
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def rows(runs: list[BenchRun]) -> list[list[str]]:
    table = []
    for run in runs:
        if not run.figures:
            table.append(
                [run.name, f"({run.status})", "—", "—", "—", "—", run.detail or run.status]
            )
            continue
        for f in run.figures:
            target = "—"
            if f.target is not None:
                target = ("≥ " if f.higher_is_better else "≤ ") + fmt_value(f.target, f.unit)
            ratio = f"{f.ratio:.2f}" if f.ratio is not None else "—"
            verdict = {True: "OK", False: "MISSED", None: ""}[f.ok]
            if run.status == "timeout":
                verdict = f"{verdict} (timeout)".strip()
            cpu = fmt_value(f.cpu, f.unit) if f.cpu is not None else "—"
            measured = fmt_value(f.value, f.unit)
            table.append([run.name, f.name, measured, cpu, target, ratio, verdict])
    return table


HEAD = ["bench", "figure", "measured", "CPU", "target", "ratio", "verdict"]


def print_text(runs: list[BenchRun], info: dict[str, str], cases: int) -> None:
    table = [HEAD, *rows(runs)]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEAD))]
    print(describe(info, cases, runs))
    for i, r in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def print_markdown(runs: list[BenchRun], info: dict[str, str], cases: int) -> None:
    print(describe(info, cases, runs) + "\n")
    print("| " + " | ".join(HEAD) + " |")
    print("|" + "|".join(" --- " for _ in HEAD) + "|")
    for r in rows(runs):
        print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")


def describe(info: dict[str, str], cases: int, runs: list[BenchRun]) -> str:
    took = ", ".join(f"{r.name} {r.seconds:.0f} s" for r in runs if r.seconds)
    return (
        f"{info['date']}, {cases:,} demo cases; {info['os']}, {info['cpu']}, "
        f"{info['cores']} cores, {info['memory']}, Python {info['python']} "
        f"(load average before: {info['load_before']}; after: {info.get('load_after', '?')}). "
        f"Time per bench: {took}."
    )


def load(path: Path) -> tuple[dict[str, str], int, list[BenchRun]]:
    """An earlier `--json` output, back as the runs it describes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    runs = [BenchRun(**b) for b in data["benches"]]
    by_name = {r.name: r for r in runs}
    for f in data["figures"]:
        fields = {k: v for k, v in f.items() if k not in ("ratio", "ok")}
        by_name[f["bench"]].figures.append(Figure(**fields))
    return data["machine"], int(data["cases"]), runs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--cases", type=int, help="demo cases (default 100000; --quick 2000)")
    p.add_argument("--quick", action="store_true", help="a short rehearsal, not the targets")
    p.add_argument("--only", help="comma-separated bench names: " + ",".join(s.name for s in SPECS))
    p.add_argument("--skip", default="", help="comma-separated bench names to leave out")
    p.add_argument("--dsn", default="", help="PostgreSQL superuser DSN for the sync bench")
    p.add_argument("--json", action="store_true", help="JSON instead of the text table")
    p.add_argument("--markdown", action="store_true", help="the README's markdown table")
    p.add_argument("--timeout", type=int, default=1800, help="seconds per bench (1800)")
    p.add_argument("--raw", type=Path, help="keep each bench's output in this folder")
    p.add_argument(
        "--with-central",
        action="store_true",
        help="also bench_central (1,000,000 cases on the server: ~5 min to generate)",
    )
    p.add_argument(
        "--from-json", type=Path, metavar="FILE", help="print the table of an earlier --json run"
    )
    args = p.parse_args(argv)
    if args.from_json:
        info, cases, runs = load(args.from_json)
        (print_markdown if args.markdown else print_text)(runs, info, cases)
        return 0
    if args.cases is None:
        args.cases = 2_000 if args.quick else 100_000
    names = {s.name for s in SPECS}
    only = set(args.only.split(",")) if args.only else names
    skip = set(filter(None, args.skip.split(",")))
    unknown = (only | skip) - names
    if unknown:
        p.error(f"unknown bench: {', '.join(sorted(unknown))}")
    info = machine()
    runs = []
    for spec in SPECS:
        if spec.name not in only or spec.name in skip:
            continue
        if spec.opt_in and not (args.with_central or args.only):
            continue  # minutes-long: only when asked for (its flag, or by name in --only)
        runs.append(run_one(spec, args))
    if hasattr(os, "getloadavg"):  # how busy the machine was while the benches ran
        info["load_after"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.json:
        payload = {
            "machine": info,
            "cases": args.cases,
            "quick": args.quick,
            "benches": [{k: v for k, v in asdict(r).items() if k != "figures"} for r in runs],
            "figures": [
                {**asdict(f), "ratio": f.ratio, "ok": f.ok} for r in runs for f in r.figures
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif args.markdown:
        print_markdown(runs, info, args.cases)
    else:
        print_text(runs, info, args.cases)
    all_ran = all(r.status == "ok" or r.status.startswith("exit") for r in runs)
    all_met = all(f.ok is not False for r in runs for f in r.figures)
    return 0 if all_ran and all_met else 1


if __name__ == "__main__":
    raise SystemExit(main())

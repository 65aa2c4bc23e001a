"""DESIGN.md §3: time comes from an injectable clock. Services (and the demo generator)
never read the wall clock themselves; `services/clock.py` is the one module that does.
Durations (time.perf_counter, time.monotonic) are not the time of day and stay allowed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parent.parent / "lapor_desktop"
CLOCK = PKG / "services" / "clock.py"
WATCHED = ("services", "demo")

# module or class name -> the attributes that read the wall clock
WALL_CLOCK = {
    "datetime": {"now", "utcnow", "today"},
    "date": {"today"},
    "time": {"time", "time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime"},
}


def watched_modules() -> list[Path]:
    return sorted(p for top in WATCHED for p in (PKG / top).rglob("*.py") if p != CLOCK)


def wall_clock_reads(source: str) -> list[str]:
    """Every `datetime.now`, `date.today`, `time.time`... (called or passed on), and every
    `from time import time`-style import of such a function."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            base = node.value
            name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
            if node.attr in WALL_CLOCK.get(str(name), set()):
                found.append(f"line {node.lineno}: {name}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            found += [
                f"line {node.lineno}: from time import {a.name}"
                for a in node.names
                if a.name in WALL_CLOCK["time"]
            ]
    return found


@pytest.mark.parametrize("path", watched_modules(), ids=lambda p: p.relative_to(PKG).as_posix())
def test_time_only_through_the_clock(path: Path) -> None:
    reads = wall_clock_reads(path.read_text(encoding="utf-8"))
    assert not reads, f"{path.name} reads the wall clock (use ctx.clock or services/clock): {reads}"


def test_the_guard_sees_what_it_should() -> None:
    bad = (
        "import time\nfrom datetime import date, datetime\nimport datetime as dt\n"
        "a = datetime.now()\nb = date.today()\nc = time.time()\nd = dt.datetime.now(dt.UTC)\n"
        "f = field(default_factory=datetime.now)\nfrom time import localtime\n"
    )
    assert len(wall_clock_reads(bad)) == 6
    fine = "import time\nt = time.perf_counter()\nu = time.monotonic()\nv = ctx.clock.now()\n"
    assert wall_clock_reads(fine) == []
    assert wall_clock_reads(CLOCK.read_text(encoding="utf-8"))  # the one allowed reader

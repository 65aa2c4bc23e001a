"""bench/run_all.py: one row per figure with its target and ratio, and a marked row for a
bench that is missing, fails or prints nothing it can read (the others still run)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import run_all

OK_BENCH = """
print("search 'jalan', admin          12.5 ms (CPU 3.0 ms)  target ≤ 50.0 ms  OK")
print("monthly summary                6.20 s   target ≤ 5.0 s   MISSED")
print("a figure without a target      3.0 ms")
"""
FAILING = "import sys; print('half', file=sys.stderr); sys.exit('Traceback: boom')"
QUIET = "print('nothing to see')"
SLOW = "import time; print('first figure   1.5 ms   target ≤ 2 ms'); time.sleep(30)"


def test_rows_for_figures_and_for_benches_that_did_not_deliver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (("ok", OK_BENCH), ("failing", FAILING), ("quiet", QUIET), ("slow", SLOW)):
        (tmp_path / f"bench_{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.setattr(run_all, "BENCH", tmp_path)
    specs = tuple(
        run_all.Spec(name, f"bench_{name}.py", lambda a, w: [], generic=True)
        for name in ("ok", "failing", "missing", "quiet", "slow")
    )
    monkeypatch.setattr(run_all, "SPECS", specs)

    code = run_all.main(["--json", "--cases", "10", "--timeout", "3"])
    assert code == 1  # a target missed and benches that did not run
    data = json.loads(capsys.readouterr().out)
    status = {b["name"]: b["status"] for b in data["benches"]}
    assert status == {
        "ok": "ok",
        "failing": "failed",
        "missing": "missing",
        "quiet": "unreadable",
        "slow": "timeout",
    }
    detail = {b["name"]: b["detail"] for b in data["benches"]}
    assert "boom" in detail["failing"]
    figures = [(f["name"], f["value"], f["unit"], f["target"], f["ok"]) for f in data["figures"]]
    assert data["figures"][0]["cpu"] == 3.0
    assert figures == [
        ("search 'jalan', admin", 12.5, "ms", 50.0, True),
        ("monthly summary", 6.2, "s", 5.0, False),
        ("first figure", 1.5, "ms", 2.0, True),  # what a bench printed before its timeout
    ]
    assert data["figures"][1]["ratio"] == pytest.approx(1.24)

    saved = tmp_path / "run.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert run_all.main(["--from-json", str(saved), "--markdown"]) == 0
    table = capsys.readouterr().out
    assert "| ok | search 'jalan', admin | 12.5 ms | 3.0 ms | ≤ 50.0 ms | 0.25 | OK |" in table
    assert "| ok | monthly summary | 6.20 s | — | ≤ 5.00 s | 1.24 | MISSED |" in table
    assert "| failing | (failed) | — | — | — | — |" in table
    assert "| missing | (missing) |" in table


SAMPLES = {
    "import": """
  import 50,000 rows (goal 10 s)                               12.345 s   target ≤ 60 s  OK
  the same, CPU time of this process (the rest: waiting for a core/disk)    9.100 s
  precision 0.950 (target ≥ 0.9), recall 0.750 (target ≥ 0.8)
  suggestions for one new report, median                       21.500 ms  target ≤ 50 ms  OK
""",
    "sync_gui": """
1. background cycle: 10000 rows pulled and applied in 3.90 s while the counter saved 40 complaints
   intake latency: median 15 ms, worst 3800 ms; during the cycle (12): median 900 ms, worst 3800 ms; UI thread's worst gap 150 ms (10 ms timer)
2. approval → admin's PC: head's PC syncs 3 s after the action; a small cycle takes 100 ms here; with the admin's timer at 2 min: expected 63 s, worst 123 s (F9 on the admin's PC: 3.2 s)
""",  # noqa: E501
    "sync_many": """
join, all 20 at once: median 1.20 s, max 2.50 s (4000 rows pulled)
5 rounds: 100 syncs in 20.0 s = 5.0 syncs/s; 3000 rows pushed = 150 rows/s (900 made offline); sync median 300 ms, p95 900 ms, max 1200 ms
invariants: gapless numbers, every action once, same status and history: OK
""",  # noqa: E501
    "attachments": """
1. upload 20.0 MiB in 80 chunks: 1.50 s (13 MiB/s)
2. same content again: skipped by a login that can read it 5 ms; sent whole by another 1.40 s (stored, stored once)
3. OPD fetch on demand 20.0 MiB: 0.90 s (22 MiB/s)
""",  # noqa: E501
    "central": """
central: 40 offices with cases (the regency, 39 OPDs; 41 in the table); generated 1,000,000 cases in 250 s (+ VACUUM ANALYZE 30 s): 1,000,001 cases, 4,000,004 actions, 2 GB
1. the day's pull: 350 ms, 5000 rows
2. nothing new: 23 ms, 0 rows
3. the OPD's first pull (checkpoint 0): 10.20 s, 138,286 rows
""",  # noqa: E501
}


def test_the_later_benches_are_read_with_their_targets() -> None:
    """Every bench of issues 16-18 is in run_all, and its printed figures are read."""
    specs = {s.name: s for s in run_all.SPECS}
    assert set(SAMPLES) <= set(specs)
    got = {
        name: {f.name: (f.value, f.target, f.ok) for f in run_all.read_figures(specs[name], out)}
        for name, out in SAMPLES.items()
    }
    assert got["import"]["import 50,000 rows (goal 10 s)"] == (12.345, 60.0, True)
    cpu = {f.name: f.cpu for f in run_all.read_figures(specs["import"], SAMPLES["import"])}
    assert cpu["import 50,000 rows (goal 10 s)"] == 9.1  # from the line after it
    assert cpu["suggestions for one new report, median"] is None
    assert got["import"]["suggestions for one new report, median"] == (21.5, 50.0, True)
    precision = "duplicate suggestions on the labelled set, precision"
    assert got["import"][precision] == (0.95, 0.9, True)
    assert got["import"]["duplicate suggestions on the labelled set, recall"] == (0.75, 0.8, False)
    worst = "intake at the counter during a background sync, worst"
    assert got["sync_gui"][worst] == (3800.0, 100.0, False)
    assert len(got["sync_gui"]) == 6
    invariants = "PCs syncing at once: every invariant holds (1 = yes)"
    assert got["sync_many"][invariants] == (1.0, 1.0, True)
    assert got["sync_many"]["PCs syncing at once, throughput (no target)"] == (5.0, None, None)
    assert len(got["sync_many"]) == 5
    broken = run_all.read_figures(specs["sync_many"], "INVARIANTS BROKEN:\n1. gaps")
    assert [(f.value, f.ok) for f in broken] == [(0.0, False)]
    assert got["attachments"] == {
        "attachment upload, 20.0 MiB (no target)": (1.5, None, None),
        "the same attachment sent again by another login (no target)": (1.4, None, None),
        "attachment download on demand, 20.0 MiB (no target)": (0.9, None, None),
    }
    assert got["central"]["central: an OPD's pull of a day's work (5000 rows)"] == (
        350.0,
        1000.0,
        True,
    )
    assert got["central"]["central: an OPD's pull with nothing new"] == (23.0, 1000.0, True)
    assert len(got["central"]) == 4


def test_the_central_bench_runs_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bench_big.py").write_text(
        "print('first pull   0.5 s   target ≤ 1 s')", encoding="utf-8"
    )
    monkeypatch.setattr(run_all, "BENCH", tmp_path)
    monkeypatch.setattr(
        run_all,
        "SPECS",
        (run_all.Spec("big", "bench_big.py", lambda a, w: [], generic=True, opt_in="x"),),
    )
    for argv, ran in (([], False), (["--with-central"], True), (["--only", "big"], True)):
        assert run_all.main(["--json", *argv]) == 0
        benches = json.loads(capsys.readouterr().out)["benches"]
        assert [b["name"] for b in benches] == (["big"] if ran else [])

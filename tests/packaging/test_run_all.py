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

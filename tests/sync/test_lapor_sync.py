"""A LAPOR! import and a duplicate marked on a regency PC reach the central server like
any other action (issue 18): the imported cases, their LAPOR! accounts (no NIK) and the
INTAKE / DUPLICATE / DUPLICATE_LINKED history, accepted."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.services import duplicates, lapor_import
from tests.lapor import files
from tests.sync.test_cycle import _server

pytestmark = pytest.mark.postgres


def test_imported_cases_and_a_duplicate_reach_the_server(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    admin = office_pc("admin")
    ctx = admin.use()
    start = (datetime.now() - timedelta(days=10)).replace(second=0, microsecond=0)
    path = files.write_csv(tmp_path / "lapor.csv", files.rows(3, start=start))
    plan = lapor_import.import_file(ctx, path, lapor_import.load_profile(ctx, "lapor-default"))
    main, dup = plan.tickets[:2]
    duplicates.mark_duplicate(ctx, dup, main)
    summary = admin.sync()
    assert summary.rejected == 0
    rows = _server(
        hub,
        "SELECT c.ticket, c.tracking_id, c.status, r.nik FROM lapor.complaint c "
        "JOIN lapor.reporter r ON r.id = c.reporter_id WHERE c.ticket = ANY(%s) ORDER BY 1",
        plan.tickets,
    )
    assert [(t, tr, st) for t, tr, st, _ in rows] == sorted(
        (t, f"LPR-{i:06d}", "ARSIP" if t == dup else "DITERIMA")
        for i, t in enumerate(plan.tickets, 1)
    )
    assert all(nik is None for *_, nik in rows)  # LAPOR! accounts: never an invented NIK
    actions = _server(
        hub,
        "SELECT c.ticket, a.action, a.accepted FROM lapor.case_action a "
        "JOIN lapor.complaint c ON c.id = a.complaint_id WHERE c.ticket = ANY(%s) "
        "ORDER BY c.ticket, a.seq",
        [main, dup],
    )
    assert sorted(actions) == sorted(
        [
            (main, "INTAKE", True),
            (main, "DUPLICATE_LINKED", True),
            (dup, "INTAKE", True),
            (dup, "DUPLICATE", True),
        ]
    )

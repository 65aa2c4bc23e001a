"""Every list order and filter, as walked through the m0005 indexes, returns exactly the
rows and the order that the filter and sort key define (checked against Python over the
whole list), and complaint.opd_code follows the OPD through its triggers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lapor_desktop.db.database import bind
from lapor_desktop.db.models import Complaint, Office, database_proxy
from lapor_desktop.domain.workflow import Action
from lapor_desktop.services import cases, casework, deadlines
from lapor_desktop.services.cases import CaseFilter, CaseRow
from tests.demo.test_demo import Demo
from tests.demo.test_demo import generated as generated

from .conftest import World

NO_DUE = "9999-12-31"
KEYS: dict[str, Callable[[CaseRow], Any]] = {
    "received_at": lambda r: r.received_at,
    "ticket": lambda r: r.ticket,
    "status": lambda r: r.status,
    "due_date": lambda r: r.due_date.isoformat() if r.due_date else NO_DUE,
    "title": lambda r: r.title,
    "opd": lambda r: r.opd or "",
}
FILTERS: dict[str, tuple[CaseFilter, Callable[[CaseRow], bool]]] = {
    "none": (CaseFilter(), lambda r: True),
    "sms+aspirasi": (
        CaseFilter(channel="sms", klasifikasi="aspirasi"),
        lambda r: r.channel == "sms" and r.klasifikasi == "aspirasi",
    ),
    "escalated": (CaseFilter(escalated=True), lambda r: r.escalated),
    "not escalated": (CaseFilter(escalated=False), lambda r: not r.escalated),
    "category": (CaseFilter(category="KESEHATAN"), lambda r: r.category == "KESEHATAN"),
    "opd": (CaseFilter(opd="PUPR"), lambda r: r.opd == "PUPR"),
    "statuses": (
        CaseFilter(statuses=("DIPROSES", "SELESAI")),
        lambda r: r.status in ("DIPROSES", "SELESAI"),
    ),
    "overdue": (CaseFilter(clock_state="overdue"), lambda r: r.due_state == "overdue"),
    "due soon": (CaseFilter(clock_state="due_soon"), lambda r: r.due_state == "due_soon"),
    "running": (CaseFilter(clock_state="running"), lambda r: r.due_state == "running"),
}


@pytest.fixture
def d(generated: Demo) -> Iterator[Demo]:
    bind(generated.store.db)
    deadlines.invalidate_calendar()
    yield generated


def _all(ctx: Any) -> list[CaseRow]:
    rows = cases.list_cases(ctx, CaseFilter(), limit=cases.MAX_PAGE).rows
    assert len(rows) == cases.count_cases(ctx, CaseFilter())  # the reference is complete
    return rows


@pytest.mark.parametrize("user", ["admin1", "pupr.admin"])
def test_every_order_and_filter_matches_its_definition(d: Demo, user: str) -> None:
    ctx = d.sign_in(user)
    everything = _all(ctx)
    assert len({r.opd for r in everything}) > 1 or user != "admin1"
    for fname, (flt, keep) in FILTERS.items():
        wanted = [r for r in everything if keep(r)]
        for sort, key in KEYS.items():
            for desc in (True, False):
                expect = sorted(wanted, key=lambda r: (key(r), r.num), reverse=desc)
                got: list[str] = []
                cursor = None
                while True:
                    page = cases.list_cases(
                        ctx, flt, sort=sort, descending=desc, after=cursor, limit=37
                    )
                    got += [r.ticket for r in page.rows]
                    if (cursor := page.next_cursor) is None:
                        break
                assert got == [r.ticket for r in expect], (fname, sort, desc)
    # The demo data has something behind every filter for the admin.
    if user == "admin1":
        assert all(any(keep(r) for r in everything) for _, keep in FILTERS.values())


def _opd_code(ticket: str) -> str | None:
    row = database_proxy.execute_sql(
        "SELECT opd_code FROM complaint WHERE ticket = ?", (ticket,)
    ).fetchone()
    return row[0]


def test_opd_code_follows_disposition_and_office_code(world: World) -> None:
    t = world.new_case()
    assert _opd_code(t) is None
    casework.perform(world.as_("admin"), t, Action.VERIFY, category="INFRASTRUKTUR")
    casework.perform(
        world.as_("admin"), t, Action.DISPOSE, opd="PUPR", note="Mohon ditindaklanjuti"
    )
    assert _opd_code(t) == "PUPR"
    casework.perform(world.as_("admin"), t, Action.REDISPOSE, opd="DINKES", note="Salah OPD")
    assert _opd_code(t) == "DINKES"
    # A code changed at the source (e.g. by the central server) is followed too.
    Office.update(code="DINKES2").where(Office.code == "DINKES").execute()
    assert _opd_code(t) == "DINKES2"
    assert Complaint.get(Complaint.ticket == t).opd_code == "DINKES2"


@pytest.mark.parametrize("user", ["admin1", "pupr.admin"])
@pytest.mark.parametrize("name", ["none", "overdue", "escalated"])
def test_counts_by_opd_match_the_rows(d: Demo, user: str, name: str) -> None:
    ctx = d.sign_in(user)
    flt, keep = FILTERS[name]
    expected: dict[str, int] = {}
    for r in _all(ctx):
        if keep(r) and r.opd:
            expected[r.opd] = expected.get(r.opd, 0) + 1
    assert cases.counts_by_opd(ctx, flt) == expected
    if name == "overdue" and user == "admin1":
        assert len(expected) > 1  # the demo has overdue cases in several OPDs

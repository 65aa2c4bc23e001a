"""Keyset paging returns every row exactly once, in the same order as one big page, for
every sort order and direction, with ties on the sort key."""

from __future__ import annotations

from datetime import datetime

import pytest

from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import cases

from .casepaths import case_in
from .conftest import World


@pytest.fixture(scope="module")
def many(shared_world: World) -> World:
    w = shared_world
    for i in range(14):
        # Several cases share a received_at (letters logged later with the same date).
        w.clock.at = datetime(2026, 10, 1 + i // 3, 9, 0)
        status = [Status.DITERIMA, Status.TERDISPOSISI, Status.DIPROSES, Status.ARSIP][i % 4]
        case_in(
            w,
            status,
            lambda i=i: w.new_case(
                title=f"Kasus {i % 5} jalan", received_at=datetime(2026, 10, 1, 8, 0)
            ),
        )
    return w


@pytest.mark.parametrize("sort", cases.SORT_COLUMNS)
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("text", ["", "jalan"])
@pytest.mark.parametrize("user", ["admin", "pupr"])
def test_pages_concatenate_to_the_whole(
    many: World, sort: str, descending: bool, text: str, user: str
) -> None:
    ctx = many.as_(user)
    f = cases.CaseFilter(text=text)
    whole = [
        r.ticket for r in cases.list_cases(ctx, f, sort=sort, descending=descending, limit=500).rows
    ]
    assert len(whole) == cases.count_cases(ctx, f)
    assert len(whole) >= (14 if user == "admin" else 7)
    seen: list[str] = []
    cursor = None
    while True:
        page = cases.list_cases(ctx, f, sort=sort, descending=descending, after=cursor, limit=4)
        seen += [r.ticket for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == whole

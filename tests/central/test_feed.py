"""The change feed the client will pull (central/feed.py): a window ends at the snapshot's
xmin, so a row written by a long-running transaction is never skipped by a checkpoint."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from lapor_desktop.central import feed
from lapor_desktop.db import central as driver
from tests.central.conftest import (
    OPD_A,
    OPD_B,
    Central,
    _psycopg,
    new_case,
    push,
    settle,
    to_disposed,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def as_admin(central: Central) -> Iterator[Any]:
    db = driver.connect(central.dsn(central.logins["admin"]))
    try:
        yield db
    finally:
        db.close()


def _ids(window: feed.Window, relation: str) -> dict[uuid.UUID, int]:
    return {r["id"]: r["txid_num"] for r in window.rows[relation]}


def test_a_long_running_writer_is_not_lost_by_the_checkpoint(
    central: Central, as_admin: Any
) -> None:
    slow_case, fast_case = new_case(central), new_case(central)
    start = feed.pull(as_admin, 0, feed.REGENCY_FEED).high
    writer = _psycopg().connect(central.dsn(central.logins["desk"]), autocommit=False)
    try:
        slow = uuid.uuid4()
        push(central, "desk", slow_case, "NOTE", aid=slow, conn=writer)  # not committed yet
        fast = uuid.uuid4()
        assert push(central, "admin", fast_case, "NOTE", aid=fast)[0]  # committed later

        first = feed.pull(as_admin, start, feed.REGENCY_FEED)
        seen = _ids(first, "case_action")
        # The window stops below the open writer, so the later commit waits too.
        assert slow not in seen and fast not in seen
        assert first.high >= start
        writer.commit()
    finally:
        writer.close()
    second = feed.pull(as_admin, first.high, feed.REGENCY_FEED)
    got = _ids(second, "case_action")
    assert slow in got and fast in got
    # The bug this avoids: the slow row's transaction id is below the fast one's, so a
    # checkpoint of "highest id seen" taken after the fast commit would have skipped it.
    assert got[slow] < got[fast]
    assert second.high > first.high
    # Nothing is seen twice across consecutive windows.
    assert not set(_ids(first, "case_action")) & set(got)


def test_keyset_pages_return_every_row_once_in_order(central: Central, as_admin: Any) -> None:
    start = feed.pull(as_admin, 0, feed.REGENCY_FEED).high
    for _ in range(3):
        to_disposed(central, OPD_A)
    settle(central)  # (a shared test server's other transactions hold the window back)
    whole = feed.pull(as_admin, start, feed.REGENCY_FEED)
    paged = feed.pull(as_admin, start, feed.REGENCY_FEED, page=2)
    assert whole.high == paged.high
    for relation, _ in feed.REGENCY_FEED:
        assert [r["id"] for r in paged.rows[relation]] == [r["id"] for r in whole.rows[relation]]
    keys = [(r["txid_num"], str(r["id"])) for r in paged.rows["case_action"]]
    assert keys == sorted(keys) and len(keys) == 9  # 3 cases x INTAKE, VERIFY, DISPOSE
    # The same window pulled again (a crash before the local apply) gives the same rows.
    again = feed.pull(as_admin, start, feed.REGENCY_FEED)
    assert _ids(again, "case_action").keys() == _ids(whole, "case_action").keys()


def test_an_opd_pull_holds_only_its_cases_and_no_identity(central: Central) -> None:
    mine, theirs = to_disposed(central, OPD_A), to_disposed(central, OPD_B)
    hidden = new_case(central, anonim=True)
    assert push(central, "admin", hidden, "VERIFY")[0]
    assert push(central, "admin", hidden, "DISPOSE", opd=OPD_A)[0]
    settle(central)
    db = driver.connect(central.dsn(central.logins["opd_a"]))
    try:
        w = feed.pull(db, 0, feed.OPD_FEED)
    finally:
        db.close()
    cases = {r["id"]: r for r in w.rows["complaint_opd"]}
    assert mine in cases and hidden in cases and theirs not in cases
    assert cases[hidden]["reporter_id"] is None and cases[hidden]["reporter_phone"] is None
    # Actions of other cases: only the login's own (a rejection coming back to its author,
    # or its work on a case since taken away), never anyone else's.
    login = central.logins["opd_a"]
    assert all(r["login"] == login for r in w.rows["case_action"] if r["complaint_id"] not in cases)
    assert {r["complaint_id"] for r in w.rows["case_action"] if r["login"] != login} <= set(cases)
    assert "reporter" not in w.rows and "complaint" not in w.rows
    assert all("nik" not in r for r in w.rows["complaint_opd"])


def test_a_case_granted_after_the_checkpoint_is_fetched_whole(central: Central) -> None:
    db = driver.connect(central.dsn(central.logins["opd_b"]))
    try:
        checkpoint = feed.pull(db, 0, feed.OPD_FEED).high
        cid = new_case(central)
        assert push(central, "admin", cid, "VERIFY")[0]
        assert push(central, "admin", cid, "DISPOSE", opd=OPD_B)[0]
        settle(central)
        w = feed.pull(db, checkpoint, feed.OPD_FEED)
        granted = [r["complaint_id"] for r in w.rows["complaint_access"] if r["active"]]
        assert cid in granted and cid in {r["id"] for r in w.rows["complaint_opd"]}
        whole = feed.fetch_cases(db, granted, "complaint_opd")
    finally:
        db.close()
    actions = [r["action"] for r in whole["case_action"] if r["complaint_id"] == cid]
    assert actions == ["INTAKE", "VERIFY", "DISPOSE"]

"""An OPD's first pull reads its cases' history by case, not by walking the whole
regency's txid index (central/feed.py `by_case`): it must bring exactly what the walk
brings — its cases' accepted history and attachments, and its own actions wherever they
are (a refusal on a case it may not see) — and nothing of anyone else's."""

from __future__ import annotations

import pytest

from lapor_desktop.central import feed
from lapor_desktop.db import central as driver
from tests.central.conftest import OPD_A, OPD_B, Central, new_case, push, settle, to_disposed

pytestmark = pytest.mark.postgres


def test_an_opd_first_pull_by_case_brings_what_the_txid_walk_brings(central: Central) -> None:
    mine = [to_disposed(central, OPD_A) for _ in range(3)]
    theirs = to_disposed(central, OPD_B)
    assert push(central, "opd_a", mine[0], "START")[0]
    # its own action on a case it may not see: refused, and it must come back to it
    accepted, _, _ = push(central, "opd_a", theirs, "START")
    assert not accepted
    stale = new_case(central)  # not verified: a refused disposal by the admin
    assert not push(central, "admin", stale, "START")[0]
    settle(central)  # (a shared test server's other transactions hold the window back)
    db = driver.connect(central.dsn(central.logins["opd_a"]))
    try:
        walked = feed.pull(db, 0, feed.OPD_FEED)
        by_case = feed.pull(db, 0, feed.OPD_FEED, by_case="complaint_opd")
        paged = feed.pull(db, 0, feed.OPD_FEED, page=2, by_case="complaint_opd")
    finally:
        db.close()
    for relation, key in feed.OPD_FEED:
        want = {r[key] for r in walked.rows[relation] if r["txid_num"] < walked.high}
        for got in (by_case, paged):
            ids = {r[key] for r in got.rows[relation]}
            missing = [r for r in walked.rows[relation] if r[key] in want - ids]
            assert not missing, (relation, missing[:2])
            newer = [r for r in got.rows[relation] if r[key] not in want]
            assert all(r["txid_num"] >= walked.high for r in newer), relation
    actions = {r["id"]: r for r in by_case.rows["case_action"]}
    login = central.logins["opd_a"]
    cases = {r["id"] for r in by_case.rows["complaint_opd"]}
    assert set(mine) <= cases and theirs not in cases
    assert {r["complaint_id"] for r in actions.values() if r["login"] != login} <= cases
    assert any(r["complaint_id"] == theirs and not r["accepted"] for r in actions.values())
    assert not any(r["complaint_id"] == stale for r in actions.values())
    assert len(actions) == len(by_case.rows["case_action"])  # each once

"""Random action sequences: every status change has exactly one action record, and the
status always equals the fold of the history through the workflow table."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapor_desktop.db.models import CaseAction, Complaint
from lapor_desktop.domain.workflow import Action, Role, Status, next_status, transition_for
from lapor_desktop.services.errors import ServiceError

from .casepaths import do
from .conftest import World

USERS = ["loket", "admin", "pupr", "kadis.pupr", "dinkes", "kadis.dinkes", "inspektur"]
# Own-service actions (LAPOR! import/updates, duplicates) go through their own services.
ACTIONS = [
    a
    for a in Action
    if a not in (Action.INTAKE, Action.AUTO_CLOSE) and not transition_for(a).own_service
]


def fold(rows: list[CaseAction]) -> Status | None:
    status: Status | None = None
    for r in rows:
        status = next_status(status, Action(r.action), Role(r.role))
        assert r.to_status == status.value
    return status


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(USERS), st.sampled_from(ACTIONS), st.sampled_from(["PUPR", "DINKES"])
        ),
        max_size=30,
    )
)
def test_status_is_the_fold_of_history(shared_world: World, steps) -> None:
    ticket = shared_world.new_case()
    case = Complaint.get(Complaint.ticket == ticket)
    succeeded = 0
    for user, action, opd in steps:
        before = Complaint.get_by_id(case.id).status
        extra = {"opd": opd} if action in (Action.DISPOSE, Action.REDISPOSE) else {}
        try:
            result = do(shared_world, user, ticket, action, **extra)
        except ServiceError:
            assert Complaint.get_by_id(case.id).status == before
            continue
        succeeded += 1
        assert result.from_status.value == before
    rows = list(CaseAction.select().where(CaseAction.complaint == case.id).order_by(CaseAction.seq))
    assert len(rows) == 1 + succeeded
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    for prev, row in itertools.pairwise(rows):
        assert row.from_status == prev.to_status
    assert fold(rows).value == Complaint.get_by_id(case.id).status

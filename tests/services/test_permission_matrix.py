"""The full permission matrix (role × action × status), generated from the workflow table,
each cell tried for real through the services on a case in that status."""

from __future__ import annotations

import pytest

from lapor_desktop.db.models import CaseAction, Complaint
from lapor_desktop.domain.workflow import (
    OPD_ROLES,
    Action,
    Role,
    Status,
    is_allowed,
    transition_for,
)
from lapor_desktop.services.errors import ServiceError

from .casepaths import case_in, do
from .conftest import USERS, World

PERSON_USERS = ["loket", "admin", "pupr", "kadis.pupr", "inspektur", "sysadmin"]
# The own-service actions (LAPOR! import and updates, duplicates) are not casework.perform's:
# their services are tested on their own (tests/services/test_lapor_*.py).
ACTIONS = [a for a in Action if a is not Action.INTAKE and not transition_for(a).own_service]
# The OPD user of the case's OPD can see the case only once it was dispositioned there.
VISIBLE_TO_PUPR = {
    Status.TERDISPOSISI,
    Status.DIPROSES,
    Status.MENUNGGU_PERSETUJUAN,
    Status.DIJAWAB,
    Status.SELESAI,
}


@pytest.mark.parametrize("status", list(Status), ids=str)
@pytest.mark.parametrize("username", PERSON_USERS)
def test_matrix_row(shared_world: World, status: Status, username: str) -> None:
    role = USERS[username][0]
    for action in ACTIONS:
        ticket = case_in(shared_world, status)
        expected = is_allowed(status, action, role)
        if role in OPD_ROLES and status not in VISIBLE_TO_PUPR:
            expected = False
        before = Complaint.get(Complaint.ticket == ticket)
        n_before = CaseAction.select().where(CaseAction.complaint == before.id).count()
        try:
            do(shared_world, username, ticket, action)
            allowed = True
        except ServiceError as exc:
            allowed = False
            assert exc.message, "a refusal always says why"
        after = Complaint.get(Complaint.ticket == ticket)
        n_after = CaseAction.select().where(CaseAction.complaint == after.id).count()
        assert allowed == expected, f"{role.value} {action.value} on {status.value}"
        # A refusal writes nothing; an allowed action writes exactly one history row.
        assert n_after == n_before + (1 if allowed else 0)
        if not allowed:
            assert after.status == before.status and after.row_version == before.row_version


def test_intake_only_by_front_desk_and_admin(shared_world: World) -> None:
    from lapor_desktop.services import intake

    for username in PERSON_USERS:
        role = USERS[username][0]
        try:
            intake.log_complaint(
                shared_world.as_(username),
                intake.ComplaintInput(
                    reporter_nik="1401154107950001",
                    title="Uji",
                    body="Isi",
                    channel="phone",
                    klasifikasi="aspirasi",
                ),
            )
            allowed = True
        except ServiceError:
            allowed = False
        assert allowed == (role in (Role.FRONT_DESK, Role.ADMIN_KABUPATEN)), username

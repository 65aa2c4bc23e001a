"""Who may see which case, and what of its reporter (DESIGN.md §2, SYNC.md).

- regency roles (front desk, regency admin) and the auditor see every case;
- an OPD user sees the cases dispositioned to its OPD *now*: a case handed back ("bukan
  wewenang") or re-dispositioned elsewhere is gone for it, with the same "tidak
  ditemukan" as a case that does not exist; what it wrote stays in the case's history,
  which the new OPD and the regency read in full;
- the system admin does no casework and sees no cases;
- an anonymous reporter's identity is seen only by the regency admin and by the officer
  who registered that complaint; everyone else (other front-desk officers, OPDs, the
  auditor) gets "Pelapor Anonim", in lists, searches, details and documents alike.
"""

from __future__ import annotations

import uuid

from lapor_desktop.db.models import Complaint
from lapor_desktop.db.queries.cases import IdentityLimit
from lapor_desktop.domain.workflow import OPD_ROLES, Role
from lapor_desktop.services.context import Session
from lapor_desktop.services.errors import NotFound, PermissionDenied

ANONYMOUS_NAME = "Pelapor Anonim"
READ_ALL_ROLES = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN, Role.AUDITOR})


def not_found(ticket: str) -> NotFound:
    # The same answer for "does not exist" and "not yours": existence must not leak.
    return NotFound(f"Laporan {ticket} tidak ditemukan.")


def visible_opd(s: Session) -> uuid.UUID | None:
    """Whose cases `s` may read: None = every case; an OPD id = the cases whose current
    OPD is that one (the same test as `can_read`). Refuses roles without casework."""
    if s.role in READ_ALL_ROLES:
        return None
    if s.role in OPD_ROLES:
        return s.office_id
    raise PermissionDenied(f"Peran {s.role.label} tidak menangani laporan.")


def require_casework(s: Session) -> None:
    """Refuses roles that do no casework (the system admin)."""
    visible_opd(s)


def can_read(s: Session, case: Complaint) -> bool:
    if s.role in READ_ALL_ROLES:
        return True
    if s.role in OPD_ROLES:
        return bool(case.opd_id == s.office_id)
    return False


def is_assigned(s: Session, case: Complaint) -> bool:
    return s.role in OPD_ROLES and case.opd_id == s.office_id


def identity_limit(s: Session) -> IdentityLimit | None:
    """Whose anonymous reporters `s` may not see (None: `s` sees every reporter). An
    anonymous reporter is known only to the regency admin and to the officer who
    registered that complaint; not to other front-desk officers, OPDs or the auditor
    (who reads with masked identities). Queries that select cases *by their reporter*
    (a reporter's case list) leave those cases out, or the list would name the reporter."""
    if s.role is Role.ADMIN_KABUPATEN:
        return None
    if s.role is Role.FRONT_DESK:
        return IdentityLimit(creator=s.user_id)
    return IdentityLimit()


def hides_identity(s: Session, anonim: bool, created_by: uuid.UUID | str | None) -> bool:
    limit = identity_limit(s)
    return limit is not None and limit.hides(anonim, created_by)


def sees_full_history(s: Session, case: Complaint) -> bool:
    return s.role in READ_ALL_ROLES or is_assigned(s, case)

"""Who may see which case, and what of its reporter (DESIGN.md §2, SYNC.md).

- regency roles (front desk, regency admin) and the auditor see every case;
- an OPD user sees the cases dispositioned to its OPD, plus those its own office acted on
  before (with only its own office's part of the history);
- the system admin does no casework and sees no cases;
- an anonymous reporter's identity never leaves the services for OPD roles.
"""

from __future__ import annotations

from peewee import OP, SQL, Expression, NodeList

from lapor_desktop.db.models import Complaint, database_proxy
from lapor_desktop.domain.workflow import OPD_ROLES, Role
from lapor_desktop.services.context import Session
from lapor_desktop.services.errors import NotFound, PermissionDenied

ANONYMOUS_NAME = "Pelapor Anonim"
READ_ALL_ROLES = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN, Role.AUDITOR})
# Roles that may see a NIK in full after an audited "show NIK".
NIK_REVEAL_ROLES = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN})


def not_found(ticket: str) -> NotFound:
    # The same answer for "does not exist" and "not yours": existence must not leak.
    return NotFound(f"Laporan {ticket} tidak ditemukan.")


def visible_condition(s: Session, *, for_count: bool = False) -> Expression | None:
    """A WHERE condition limiting complaints to what `s` may read; None = everything.

    `for_count`: the query counts rows rather than reading one ordered page, so SQLite may
    drive it by the (small) set of visible ids."""
    if s.role in READ_ALL_ROLES:
        return None
    if s.role in OPD_ROLES:
        # complaint_access (schema v4) lists every case ever dispositioned to an office: one
        # covering-index lookup builds the set. The unary + keeps SQLite from driving the
        # query by that set (thousands of random lookups, then a sort); it walks the list
        # order's index instead and stops after a page (measured: 500 ms -> a few ms).
        ever = SQL(
            '(SELECT "complaint_id" FROM "complaint_access" WHERE "office_id" = ?)',
            [s.office_id.hex],
        )
        if for_count:
            return Complaint.id.in_(ever)
        return Expression(NodeList((SQL("+"), Complaint.id), glue=""), OP.IN, ever)
    raise PermissionDenied(f"Peran {s.role.label} tidak menangani laporan.")


def can_read(s: Session, case: Complaint) -> bool:
    if s.role in READ_ALL_ROLES:
        return True
    if s.role in OPD_ROLES:
        if case.opd_id == s.office_id:
            return True
        # Same source as visible_condition, so a list never shows what get_case refuses.
        row = database_proxy.execute_sql(
            'SELECT 1 FROM "complaint_access" WHERE "office_id" = ? AND "complaint_id" = ?',
            (s.office_id.hex, case.id.hex),
        ).fetchone()
        return row is not None
    return False


def is_assigned(s: Session, case: Complaint) -> bool:
    return s.role in OPD_ROLES and case.opd_id == s.office_id


def hides_identity(s: Session, anonim: bool) -> bool:
    """Only the regency desk and admin see who an anonymous reporter is (not OPDs, not the
    auditor, who reads with masked identities)."""
    return anonim and s.role not in NIK_REVEAL_ROLES


def sees_full_history(s: Session, case: Complaint) -> bool:
    return s.role in READ_ALL_ROLES or is_assigned(s, case)

"""Who may do what besides the workflow's actions (those are the table in workflow.py):
attach files, print which document in which state of a case, reveal a NIK, open which
page. One table per question; services check them and tell the GUI and the CLI as plain
data (`capabilities`, and the fields of a case's detail), so neither holds a role code.

Who may print which document (services.documents_common checks it for every caller):

==========  ==========  =====  ========  ========  =======  =========
document    front desk  admin  OPD       OPD head  auditor  sys admin
==========  ==========  =====  ========  ========  =======  =========
receipt     yes         yes    -         -         -        -
disposition -           yes    -         -         -        -
forwarding  -           yes    -         -         -        -
answer      -           yes    own OPD   own OPD   -        -
ombudsman   -           yes    -         -         -        -
history     -           yes    own      own        yes      -
monthly     -           yes    own OPD   own OPD   yes      -
==========  ==========  =====  ========  ========  =======  =========
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lapor_desktop.domain.workflow import OPD_ROLES, Action, Role, Status

_R = Role
_A = Role.ADMIN_KABUPATEN

# Who may attach files to a case they can read (intake.add_attachments checks it).
ATTACH_ROLES = frozenset({_R.FRONT_DESK, _A, _R.OPD_ADMIN, _R.OPD_HEAD})
# Who may see a NIK in full after an audited "show NIK", and a reporter's contact data.
NIK_REVEAL_ROLES = frozenset({_R.FRONT_DESK, _A})
# Who automatically closes and escalates cases (the deadlines engine, on a timer).
AUTOMATION_ROLES = frozenset({_A})

DOCUMENT_ROLES: dict[str, frozenset[Role]] = {
    "receipt": frozenset({_R.FRONT_DESK, _A}),
    "disposition": frozenset({_A}),
    "forwarding": frozenset({_A}),
    "answer": frozenset({_A, _R.OPD_ADMIN, _R.OPD_HEAD}),
    "ombudsman": frozenset({_A}),
    "history": frozenset({_A, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR}),
    "monthly": frozenset({_A, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR}),
}
# The documents of one case, in the order they are offered.
CASE_DOCUMENTS = ("receipt", "disposition", "forwarding", "answer", "history")
_DISPOSED = frozenset({Action.DISPOSE.value, Action.REDISPOSE.value})
_ANSWERED = frozenset({Status.DIJAWAB.value, Status.SELESAI.value})


def may_print(role: Role, kind: str) -> bool:
    """Whether this role may print this kind of document at all (scope comes on top)."""
    return role in DOCUMENT_ROLES.get(kind, frozenset())


def document_applies(kind: str, status: str, opd: str | None, actions: Iterable[str]) -> bool:
    """Does the case's state allow this document: the disposition sheet and the forwarding
    letter once it was dispositioned to an OPD, the answer once answered."""
    if kind in ("disposition", "forwarding"):
        return bool(opd) and any(a in _DISPOSED for a in actions)
    if kind == "answer":
        return status in _ANSWERED
    return True


def case_documents(
    role: Role, status: str, opd: str | None, actions: Iterable[str]
) -> tuple[str, ...]:
    """The documents this role may print for a case in this state, in offered order."""
    done = tuple(actions)
    return tuple(
        k for k in CASE_DOCUMENTS if may_print(role, k) and document_applies(k, status, opd, done)
    )


# ---------------------------------------------------------------- pages

_CASE_READERS = frozenset({_R.FRONT_DESK, _A, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR})
_DEADLINE_ROLES = frozenset({_A, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR})
# The letters register: the regency (admin, auditor) and each OPD (its own office's).
_REGISTER_ROLES = frozenset({_A, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR})
_SYS = frozenset({_R.SYS_ADMIN})
# Checking a document against the register: whoever prints any document.
_PRINTERS = frozenset().union(*DOCUMENT_ROLES.values())

# Page key -> who opens it, in navigation order.
PAGES: dict[str, frozenset[Role]] = {
    # OPD staff start on what waits for their office: new dispositions, answers returned
    # by the head, the overdue first (services/worklists.py).
    "kotak_masuk": OPD_ROLES,
    "beranda": _CASE_READERS,
    "loket": frozenset({_R.FRONT_DESK, _A}),
    "verifikasi": frozenset({_A}),
    "persetujuan": frozenset({_R.OPD_HEAD}),
    "jatuh_tempo": _DEADLINE_ROLES,
    "laporan": _CASE_READERS,
    # Working alongside SP4N LAPOR! (issue 18): the regency admin's import and update list.
    "impor_lapor": frozenset({_A}),
    "mutakhir_lapor": frozenset({_A}),
    "rekap": DOCUMENT_ROLES["monthly"],
    "register": _REGISTER_ROLES,
    "periksa_surat": _PRINTERS,
    "pengguna": _SYS,
    "kantor": _SYS,
    "aturan": _SYS,
    "kop_surat": _SYS,
    "cadangan": _SYS,
    # Every person: the sync state, history, rejected actions, conflicts (issue 17).
    "sinkronisasi": frozenset(Role) - {_R.SYSTEM},
}
# The count shown beside a page: what waits there for its user.
PAGE_BADGES = {
    "kotak_masuk": "inbox",
    "verifikasi": "verify",
    "persetujuan": "approve",
    "jatuh_tempo": "overdue",
}
# The page a role starts on, when not the first of its list: the front desk works at the
# counter, so its window opens on the intake form.
_START_PAGE = {_R.FRONT_DESK: "loket"}


def pages_for(role: Role) -> tuple[str, ...]:
    return tuple(k for k, roles in PAGES.items() if role in roles)


def start_page(role: Role) -> str | None:
    pages = pages_for(role)
    return _START_PAGE.get(role, pages[0] if pages else None)


@dataclass(frozen=True)
class Capabilities:
    """What one user may do, whatever the case: the GUI builds itself from this."""

    pages: tuple[str, ...]
    start_page: str | None
    badges: tuple[str, ...]  # PAGE_BADGES values of the user's pages
    reads_cases: bool  # casework or audit (the system admin does neither)
    # Deadline reminders go to the roles that have the "Jatuh tempo" page to act on them
    # (not the front desk, whose work ends at intake).
    watches_deadlines: bool
    runs_automation: bool
    may_attach: bool
    may_reveal_nik: bool
    printable: frozenset[str]  # DOCUMENT_ROLES kinds this role may print at all
    # The PC's link to the central server (connection settings, everyone's unsent work
    # for hand-over): the system administrator's, like the other set-up pages.
    manages_sync: bool


def capabilities(role: Role) -> Capabilities:
    pages = pages_for(role)
    return Capabilities(
        pages=pages,
        start_page=start_page(role),
        badges=tuple(PAGE_BADGES[p] for p in pages if p in PAGE_BADGES),
        reads_cases=role in _CASE_READERS,
        watches_deadlines=role in _DEADLINE_ROLES,
        runs_automation=role in AUTOMATION_ROLES,
        may_attach=role in ATTACH_ROLES,
        may_reveal_nik=role in NIK_REVEAL_ROLES,
        printable=frozenset(k for k in DOCUMENT_ROLES if may_print(role, k)),
        manages_sync=role in _SYS,
    )

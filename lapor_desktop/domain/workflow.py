"""Statuses, actions, roles and the transition table of a complaint (DESIGN.md §2).

The table below is the single source of truth: services check it before writing, the GUI
asks it which buttons to enable, and the permission-matrix tests are generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DITERIMA = "DITERIMA"
    TERVERIFIKASI = "TERVERIFIKASI"
    TERDISPOSISI = "TERDISPOSISI"
    DIPROSES = "DIPROSES"
    TERTUNDA = "TERTUNDA"
    ARSIP = "ARSIP"
    MENUNGGU_PERSETUJUAN = "MENUNGGU_PERSETUJUAN"
    DIJAWAB = "DIJAWAB"
    SELESAI = "SELESAI"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def lapor_bucket(self) -> str:
        """The SP4N LAPOR! dashboard bucket this status is reported under."""
        return LAPOR_BUCKETS[self]


class Role(StrEnum):
    FRONT_DESK = "FRONT_DESK"
    ADMIN_KABUPATEN = "ADMIN_KABUPATEN"
    OPD_ADMIN = "OPD_ADMIN"
    OPD_HEAD = "OPD_HEAD"
    AUDITOR = "AUDITOR"
    SYS_ADMIN = "SYS_ADMIN"
    # Not a person: the deadlines engine acting on its own (auto close, auto escalation).
    SYSTEM = "SYSTEM"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


class Action(StrEnum):
    INTAKE = "INTAKE"
    VERIFY = "VERIFY"
    DISPOSE = "DISPOSE"
    REDISPOSE = "REDISPOSE"
    HOLD = "HOLD"
    RESUME = "RESUME"
    ARCHIVE = "ARCHIVE"
    START = "START"
    FOLLOWUP_NOTE = "FOLLOWUP_NOTE"
    NOT_OURS = "NOT_OURS"
    SUBMIT_ANSWER = "SUBMIT_ANSWER"
    APPROVE = "APPROVE"
    RETURN_ANSWER = "RETURN_ANSWER"
    REPORTER_RESPONSE = "REPORTER_RESPONSE"
    ACCEPT = "ACCEPT"
    CLOSE = "CLOSE"
    AUTO_CLOSE = "AUTO_CLOSE"
    ESCALATE = "ESKALASI_OMBUDSMAN"
    NOTE = "NOTE"
    # Working alongside SP4N LAPOR! (issue 18); each done only through its own service.
    LAPOR_UPDATE = "LAPOR_UPDATE"  # a newer LAPOR! export changed the imported report
    LAPOR_ENTERED = "LAPOR_ENTERED"  # status/answer marked as entered in LAPOR!
    DUPLICATE = "DUPLICATE"  # closed as a duplicate of another case
    DUPLICATE_LINKED = "DUPLICATE_LINKED"  # another case was closed as a duplicate of this

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


class Scope(StrEnum):
    """Whose cases a role may act on for a given action (checked by the services)."""

    REGENCY = "regency"  # any case (regency admin office, front desk)
    ASSIGNED_OPD = "assigned_opd"  # only cases currently dispositioned to the user's OPD


class TransitionNotAllowed(Exception):
    """An action that the workflow table does not allow; `reason` says why, in Indonesian."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]  # empty for INTAKE: a case that does not exist yet
    target: Status | None  # None: the status stays what it was
    roles: frozenset[Role]
    scope: Scope
    needs_note: bool = False  # the action must carry a reason or text
    # Done only through its own service call (import, update list, duplicates): never
    # offered as a plain action button nor accepted by casework.perform.
    own_service: bool = False


OPEN_STATUSES = frozenset(
    {
        Status.DITERIMA,
        Status.TERVERIFIKASI,
        Status.TERDISPOSISI,
        Status.DIPROSES,
        Status.TERTUNDA,
        Status.MENUNGGU_PERSETUJUAN,
    }
)
FINAL_STATUSES = frozenset({Status.SELESAI, Status.ARSIP})
ALL_STATUSES = frozenset(Status)
# Roles that handle cases; AUDITOR reads only, SYS_ADMIN does no casework.
CASEWORK_ROLES = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN, Role.OPD_ADMIN, Role.OPD_HEAD})
OPD_ROLES = frozenset({Role.OPD_ADMIN, Role.OPD_HEAD})
REGENCY_ROLES = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN})

_ADMIN = frozenset({Role.ADMIN_KABUPATEN})
_DESK = frozenset({Role.FRONT_DESK, Role.ADMIN_KABUPATEN})
_HEAD = frozenset({Role.OPD_HEAD})
_S = Status


def _t(
    action: Action,
    sources: frozenset[Status] | set[Status],
    target: Status | None,
    roles: frozenset[Role],
    scope: Scope = Scope.REGENCY,
    needs_note: bool = False,
    own_service: bool = False,
) -> Transition:
    return Transition(action, frozenset(sources), target, roles, scope, needs_note, own_service)


TRANSITIONS: tuple[Transition, ...] = (
    _t(Action.INTAKE, set(), _S.DITERIMA, _DESK),
    _t(Action.VERIFY, {_S.DITERIMA}, _S.TERVERIFIKASI, _ADMIN),
    _t(Action.DISPOSE, {_S.TERVERIFIKASI}, _S.TERDISPOSISI, _ADMIN),
    _t(Action.REDISPOSE, {_S.TERDISPOSISI}, _S.TERDISPOSISI, _ADMIN),
    _t(Action.HOLD, {_S.DITERIMA}, _S.TERTUNDA, _ADMIN, needs_note=True),
    _t(Action.RESUME, {_S.TERTUNDA}, _S.DITERIMA, _ADMIN),
    # A held case whose reporter never answers must be archivable too.
    _t(Action.ARCHIVE, {_S.DITERIMA, _S.TERTUNDA}, _S.ARSIP, _ADMIN, needs_note=True),
    _t(Action.START, {_S.TERDISPOSISI}, _S.DIPROSES, OPD_ROLES, Scope.ASSIGNED_OPD),
    _t(
        Action.FOLLOWUP_NOTE,
        {_S.DIPROSES},
        None,
        OPD_ROLES,
        Scope.ASSIGNED_OPD,
        needs_note=True,
    ),
    _t(
        Action.NOT_OURS,
        {_S.TERDISPOSISI, _S.DIPROSES},
        _S.TERVERIFIKASI,
        OPD_ROLES,
        Scope.ASSIGNED_OPD,
        needs_note=True,
    ),
    _t(
        Action.SUBMIT_ANSWER,
        {_S.DIPROSES},
        _S.MENUNGGU_PERSETUJUAN,
        OPD_ROLES,
        Scope.ASSIGNED_OPD,
        needs_note=True,
    ),
    _t(Action.APPROVE, {_S.MENUNGGU_PERSETUJUAN}, _S.DIJAWAB, _HEAD, Scope.ASSIGNED_OPD),
    _t(
        Action.RETURN_ANSWER,
        {_S.MENUNGGU_PERSETUJUAN},
        _S.DIPROSES,
        _HEAD,
        Scope.ASSIGNED_OPD,
        needs_note=True,
    ),
    _t(Action.REPORTER_RESPONSE, {_S.DIJAWAB}, _S.DIPROSES, _DESK, needs_note=True),
    _t(Action.ACCEPT, {_S.DIJAWAB}, _S.SELESAI, _DESK),
    _t(Action.CLOSE, {_S.DIJAWAB}, _S.SELESAI, _ADMIN),
    _t(Action.AUTO_CLOSE, {_S.DIJAWAB}, _S.SELESAI, frozenset({Role.SYSTEM})),
    _t(Action.ESCALATE, OPEN_STATUSES, None, frozenset({Role.ADMIN_KABUPATEN, Role.SYSTEM})),
    # Internal notes: every casework role that can see the case, at any status.
    _t(Action.NOTE, ALL_STATUSES, None, CASEWORK_ROLES, needs_note=True),
    _t(Action.LAPOR_UPDATE, ALL_STATUSES, None, _ADMIN, needs_note=True, own_service=True),
    _t(Action.LAPOR_ENTERED, ALL_STATUSES, None, _ADMIN, own_service=True),
    # A duplicate closes (archived with a pointer); an answered one too, before it is final.
    _t(
        Action.DUPLICATE,
        OPEN_STATUSES | {_S.DIJAWAB},
        _S.ARSIP,
        _ADMIN,
        needs_note=True,
        own_service=True,
    ),
    _t(Action.DUPLICATE_LINKED, ALL_STATUSES, None, _ADMIN, needs_note=True, own_service=True),
)

_BY_ACTION: dict[Action, Transition] = {t.action: t for t in TRANSITIONS}
assert len(_BY_ACTION) == len(TRANSITIONS), "one row per action"


def transition_for(action: Action) -> Transition:
    return _BY_ACTION[action]


def next_status(status: Status | None, action: Action, role: Role) -> Status:
    """The status after `role` performs `action` on a case in `status`.

    `status` is None only for INTAKE (the case does not exist yet). Raises
    TransitionNotAllowed with an Indonesian reason when the table forbids it.
    """
    t = _BY_ACTION[action]
    if role not in t.roles:
        raise TransitionNotAllowed(
            f"Peran {role.label} tidak berwenang melakukan tindakan '{action.label}'."
        )
    if status is None:
        if t.sources:
            raise TransitionNotAllowed(f"Tindakan '{action.label}' memerlukan laporan yang ada.")
        assert t.target is not None
        return t.target
    if status not in t.sources:
        raise TransitionNotAllowed(
            f"Tindakan '{action.label}' tidak dapat dilakukan pada laporan berstatus "
            f"{status.label}."
        )
    return t.target if t.target is not None else status


def is_allowed(status: Status | None, action: Action, role: Role) -> bool:
    try:
        next_status(status, action, role)
    except TransitionNotAllowed:
        return False
    return True


def allowed_actions(status: Status, role: Role) -> tuple[Action, ...]:
    """Actions the table allows `role` on a case in `status`, in table order.

    Office scope (ASSIGNED_OPD) is not known here; callers that know the case check it.
    """
    return tuple(
        t.action
        for t in TRANSITIONS
        if t.sources and status in t.sources and role in t.roles and not t.own_service
    )


STATUS_LABELS: dict[Status, str] = {
    Status.DITERIMA: "Diterima",
    Status.TERVERIFIKASI: "Terverifikasi",
    Status.TERDISPOSISI: "Terdisposisi",
    Status.DIPROSES: "Diproses",
    Status.TERTUNDA: "Tertunda",
    Status.ARSIP: "Arsip",
    Status.MENUNGGU_PERSETUJUAN: "Menunggu Persetujuan",
    Status.DIJAWAB: "Dijawab",
    Status.SELESAI: "Selesai",
}

LAPOR_BUCKETS: dict[Status, str] = {
    Status.DITERIMA: "Belum Terverifikasi",
    Status.TERVERIFIKASI: "Belum Terverifikasi",
    Status.TERDISPOSISI: "Terdisposisi Belum Ditindaklanjuti",
    Status.DIPROSES: "Sedang Diproses",
    Status.MENUNGGU_PERSETUJUAN: "Sedang Diproses",
    Status.DIJAWAB: "Sedang Diproses",
    Status.SELESAI: "Selesai",
    Status.TERTUNDA: "Tertunda",
    Status.ARSIP: "Arsip",
}

ROLE_LABELS: dict[Role, str] = {
    Role.FRONT_DESK: "Petugas Loket",
    Role.ADMIN_KABUPATEN: "Admin Koordinator Kabupaten",
    Role.OPD_ADMIN: "Admin Penghubung OPD",
    Role.OPD_HEAD: "Kepala OPD",
    Role.AUDITOR: "Auditor (Inspektorat)",
    Role.SYS_ADMIN: "Administrator Sistem",
    Role.SYSTEM: "Sistem",
}

ACTION_LABELS: dict[Action, str] = {
    Action.INTAKE: "Catat laporan",
    Action.VERIFY: "Verifikasi",
    Action.DISPOSE: "Disposisi ke OPD",
    Action.REDISPOSE: "Disposisi ulang",
    Action.HOLD: "Tunda (minta informasi)",
    Action.RESUME: "Lanjutkan",
    Action.ARCHIVE: "Arsipkan",
    Action.START: "Mulai tindak lanjut",
    Action.FOLLOWUP_NOTE: "Catatan tindak lanjut",
    Action.NOT_OURS: "Bukan wewenang",
    Action.SUBMIT_ANSWER: "Ajukan jawaban",
    Action.APPROVE: "Setujui jawaban",
    Action.RETURN_ANSWER: "Kembalikan jawaban",
    Action.REPORTER_RESPONSE: "Tanggapan pelapor",
    Action.ACCEPT: "Pelapor menerima jawaban",
    Action.CLOSE: "Tutup laporan",
    Action.AUTO_CLOSE: "Ditutup otomatis",
    Action.ESCALATE: "Eskalasi ke Ombudsman",
    Action.NOTE: "Catatan internal",
    Action.LAPOR_UPDATE: "Pembaruan dari LAPOR!",
    Action.LAPOR_ENTERED: "Dimutakhirkan di LAPOR!",
    Action.DUPLICATE: "Ditutup sebagai duplikat",
    Action.DUPLICATE_LINKED: "Duplikat digabungkan",
}

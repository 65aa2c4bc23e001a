"""Which pages each role sees: one table, so the main window and its tests agree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStyle

from lapor_desktop.domain.workflow import Role
from lapor_desktop.services.documents_common import DOCUMENT_ROLES

_R = Role
_CASE_READERS = frozenset(
    {_R.FRONT_DESK, _R.ADMIN_KABUPATEN, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR}
)
_DEADLINE_ROLES = frozenset({_R.ADMIN_KABUPATEN, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR})
# The letters register: the regency (admin, auditor) and each OPD (its own office's).
_REGISTER_ROLES = frozenset({_R.ADMIN_KABUPATEN, _R.OPD_ADMIN, _R.OPD_HEAD, _R.AUDITOR})


@dataclass(frozen=True)
class NavItem:
    key: str
    roles: frozenset[Role]
    icon: QStyle.StandardPixmap
    badge: str | None = None  # 'verify' | 'approve' | 'overdue'

    @property
    def label(self) -> str:
        return QCoreApplication.translate("navigation", str(_LABELS[self.key]))


_SP = QStyle.StandardPixmap
NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("beranda", _CASE_READERS, _SP.SP_DirHomeIcon),
    NavItem("loket", frozenset({_R.FRONT_DESK, _R.ADMIN_KABUPATEN}), _SP.SP_FileDialogNewFolder),
    NavItem("verifikasi", frozenset({_R.ADMIN_KABUPATEN}), _SP.SP_DialogApplyButton, "verify"),
    NavItem("persetujuan", frozenset({_R.OPD_HEAD}), _SP.SP_DialogYesButton, "approve"),
    NavItem("jatuh_tempo", _DEADLINE_ROLES, _SP.SP_MessageBoxWarning, "overdue"),
    NavItem("laporan", _CASE_READERS, _SP.SP_FileDialogDetailedView),
    NavItem("rekap", DOCUMENT_ROLES["monthly"], _SP.SP_FileDialogContentsView),
    NavItem("register", _REGISTER_ROLES, _SP.SP_FileDialogListView),
    NavItem("pengguna", frozenset({_R.SYS_ADMIN}), _SP.SP_DirHomeIcon),
    NavItem("kantor", frozenset({_R.SYS_ADMIN}), _SP.SP_DirIcon),
    NavItem("aturan", frozenset({_R.SYS_ADMIN}), _SP.SP_FileDialogInfoView),
    NavItem("kop_surat", frozenset({_R.SYS_ADMIN}), _SP.SP_FileIcon),
    NavItem("cadangan", frozenset({_R.SYS_ADMIN}), _SP.SP_DriveHDIcon),
)

_LABELS = {
    "beranda": QT_TRANSLATE_NOOP("navigation", "Beranda"),
    "loket": QT_TRANSLATE_NOOP("navigation", "Loket pengaduan"),
    "verifikasi": QT_TRANSLATE_NOOP("navigation", "Perlu verifikasi"),
    "persetujuan": QT_TRANSLATE_NOOP("navigation", "Persetujuan jawaban"),
    "jatuh_tempo": QT_TRANSLATE_NOOP("navigation", "Jatuh tempo"),
    "laporan": QT_TRANSLATE_NOOP("navigation", "Semua laporan"),
    "rekap": QT_TRANSLATE_NOOP("navigation", "Rekap bulanan"),
    "register": QT_TRANSLATE_NOOP("navigation", "Register surat"),
    "pengguna": QT_TRANSLATE_NOOP("navigation", "Pengguna"),
    "kantor": QT_TRANSLATE_NOOP("navigation", "OPD & kategori"),
    "aturan": QT_TRANSLATE_NOOP("navigation", "Aturan tenggat & hari libur"),
    "kop_surat": QT_TRANSLATE_NOOP("navigation", "Kop surat & TTE"),
    "cadangan": QT_TRANSLATE_NOOP("navigation", "Cadangan & pemulihan"),
}


# The page a role starts on, when not the first of its list: the front desk works at the
# counter, so its window opens on the intake form.
_START_PAGE = {_R.FRONT_DESK: "loket"}


def items_for(role: Role) -> list[NavItem]:
    return [item for item in NAV_ITEMS if role in item.roles]


def start_page(role: Role) -> str | None:
    items = items_for(role)
    return _START_PAGE.get(role, items[0].key if items else None)


def watches_deadlines(role: Role) -> bool:
    """Deadline reminders go to the roles that have the "Jatuh tempo" page to act on them
    (not the front desk, whose work ends at intake)."""
    return role in _DEADLINE_ROLES

"""The navigation list: each page's label and icon. Which pages a role opens, its start
page and the badges are the table in domain/permissions.py (PAGES)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lapor_desktop.domain.permissions import PAGE_BADGES, PAGES, pages_for
from lapor_desktop.domain.permissions import start_page as start_page
from lapor_desktop.domain.workflow import Role


@dataclass(frozen=True)
class NavItem:
    key: str
    icon: str  # a name for gui/icons.icon
    badge: str | None = None  # 'inbox' | 'verify' | 'approve' | 'overdue'

    @property
    def label(self) -> str:
        return QCoreApplication.translate("navigation", str(_LABELS[self.key]))


_ICONS = {
    "kotak_masuk": "inbox",
    "beranda": "house",
    "loket": "clipboard-pen",
    "verifikasi": "clipboard-check",
    "persetujuan": "badge-check",
    "jatuh_tempo": "alarm-clock",
    "laporan": "files",
    "impor_lapor": "file-spreadsheet",
    "mutakhir_lapor": "external-link",
    "rekap": "chart-column",
    "register": "book-open",
    "periksa_surat": "file-check",
    "pengguna": "users",
    "kantor": "building-2",
    "aturan": "calendar-clock",
    "kop_surat": "signature",
    "cadangan": "database-backup",
    "sinkronisasi": "refresh-cw",
}
NAV_ITEMS: tuple[NavItem, ...] = tuple(
    NavItem(key, _ICONS[key], PAGE_BADGES.get(key)) for key in PAGES
)

_LABELS = {
    "kotak_masuk": QT_TRANSLATE_NOOP("navigation", "Kotak masuk"),
    "beranda": QT_TRANSLATE_NOOP("navigation", "Beranda"),
    "loket": QT_TRANSLATE_NOOP("navigation", "Loket pengaduan"),
    "verifikasi": QT_TRANSLATE_NOOP("navigation", "Perlu verifikasi"),
    "persetujuan": QT_TRANSLATE_NOOP("navigation", "Persetujuan jawaban"),
    "jatuh_tempo": QT_TRANSLATE_NOOP("navigation", "Jatuh tempo"),
    "laporan": QT_TRANSLATE_NOOP("navigation", "Semua laporan"),
    "impor_lapor": QT_TRANSLATE_NOOP("navigation", "Impor LAPOR!"),
    "mutakhir_lapor": QT_TRANSLATE_NOOP("navigation", "Mutakhirkan LAPOR!"),
    "rekap": QT_TRANSLATE_NOOP("navigation", "Rekap bulanan"),
    "register": QT_TRANSLATE_NOOP("navigation", "Register surat"),
    "periksa_surat": QT_TRANSLATE_NOOP("navigation", "Periksa surat"),
    "pengguna": QT_TRANSLATE_NOOP("navigation", "Pengguna"),
    "kantor": QT_TRANSLATE_NOOP("navigation", "OPD & kategori"),
    "aturan": QT_TRANSLATE_NOOP("navigation", "Aturan tenggat & hari libur"),
    "kop_surat": QT_TRANSLATE_NOOP("navigation", "Kop surat & TTE"),
    "cadangan": QT_TRANSLATE_NOOP("navigation", "Cadangan & pemulihan"),
    "sinkronisasi": QT_TRANSLATE_NOOP("navigation", "Sinkronisasi"),
}


def items_for(role: Role) -> list[NavItem]:
    keys = pages_for(role)
    return [item for item in NAV_ITEMS if item.key in keys]

"""Errors the services raise; every message is Indonesian and meant for the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused or invalid request. `message` is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """Bad input; `field` names the form field the message belongs next to."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class StaleEdit(ServiceError):
    """An edit of a mutable record made on a version that has changed since it was read
    (SYNC.md: an edit carries its base version; no silent last-writer-wins)."""


class AccountLocked(PermissionDenied):
    pass


class SchemaTooNew(ServiceError):
    pass


class UpgradeFailed(ServiceError):
    """A schema migration failed on opening; the message says whether the database was put
    back from the copy made before the upgrade (and where that copy is)."""


class KeyRefused(ServiceError):
    """The key (from the keyring or typed) does not open the database file."""

    MESSAGE = "Basis data tidak dapat dibuka: kunci salah (kunci ini tidak membuka berkasnya)."


class DatabaseUnavailable(ServiceError):
    """The database file could not be used; the subclass says why (each its own message)."""

    MESSAGE = "Basis data tidak dapat dipakai."


class DatabaseBusy(DatabaseUnavailable):
    """Another process held SQLite's write lock longer than the busy timeout (30 s)."""

    MESSAGE = "Basis data sedang dipakai proses lain; coba lagi sebentar lagi."


class DatabaseDamaged(DatabaseUnavailable):
    """The file opens with the key but SQLite finds it malformed (integrity failure)."""

    MESSAGE = (
        "Berkas basis data rusak (pemeriksaan integritas gagal). Jangan lanjut bekerja "
        "dengan berkas ini: pulihkan dari cadangan terbaru."
    )


class NotADatabase(DatabaseUnavailable):
    """The file is not a LAPOR Desktop database at all (or not one this key can read)."""

    MESSAGE = (
        "Berkas ini bukan basis data LAPOR Desktop (bukan berkas terenkripsi aplikasi ini, "
        "atau berkasnya kosong/terpotong)."
    )

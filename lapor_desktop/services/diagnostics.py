"""`self-check`: is this installation usable? Versions, folders, keyring, schema, resources,
and the database file's integrity (checked read only: a damaged file is never written to)."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from peewee import DatabaseError

from lapor_desktop import __version__, credentials, paths
from lapor_desktop.db import migrate
from lapor_desktop.services import storage
from lapor_desktop.services.errors import DatabaseDamaged, ServiceError

REQUIRED_RESOURCES = (
    "data/wilayah.csv",
    "data/opd-kampar.csv",
    "data/kategori.csv",
)
PACKAGES = (
    "PySide6-Essentials",
    "peewee",
    "sqlcipher3",
    "psycopg",
    "reportlab",
    "keyring",
    "platformdirs",
    "holidays",
    "argon2-cffi",
)


@dataclass(frozen=True)
class CheckItem:
    name: str
    ok: bool
    detail: str
    # Reported, not failed: the installation works, but something prints that should be
    # configured (an office's letterhead or signer: letterhead_settings.letterhead_gaps).
    warning: bool = False


INTEGRITY_FAILED_HELP = (
    "Berkas basis data rusak. Jangan lanjut bekerja dengan berkas ini; pulihkan dari "
    "cadangan terbaru (folder cadangan/ di folder data)."
)


@dataclass
class SelfCheckReport:
    items: list[CheckItem] = field(default_factory=list)
    # SQLite's integrity check of the database file: None when it could not be run (no
    # database, a wrong key, not a database of ours).
    integrity: bool | None = None
    integrity_detail: str = ""

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)

    def add(self, name: str, ok: bool, detail: str, warning: bool = False) -> None:
        self.items.append(CheckItem(name, ok, detail, warning))


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def self_check(data_dir: Path, ask_secret: storage.AskSecret) -> SelfCheckReport:
    r = SelfCheckReport()
    r.add(
        "aplikasi",
        sys.version_info >= (3, 12),
        f"LAPOR Desktop {__version__}, Python {platform.python_version()} ({sys.platform})",
    )
    for dist in PACKAGES:
        v = _version(dist)
        r.add(f"paket {dist}", v is not None, v or "tidak terpasang")
    r.add("folder data", True, str(data_dir))
    try:
        backend = credentials.backend_name()
        usable = credentials.keyring_usable()
    except Exception as exc:  # a broken backend must not stop the check
        backend, usable = f"galat: {exc}", False
    # No keyring is a supported mode (passphrase asked), so it is reported, not failed.
    r.add("keyring", True, backend + ("" if usable else " (tidak tersedia: frasa sandi diminta)"))
    res = paths.resources_dir()
    missing = [name for name in REQUIRED_RESOURCES if not (res / name).is_file()]
    r.add(
        "sumber daya",
        not missing,
        f"{res}" + (f"; hilang: {', '.join(missing)}" if missing else ""),
    )
    fonts = sorted(p.name for p in (res / "fonts").glob("*.ttf"))
    r.add("fon", bool(fonts), ", ".join(fonts) or f"tidak ada berkas .ttf di {res / 'fonts'}")
    reports = sorted(p.name for p in paths.reports_dir().glob("*.toml"))
    r.add("templat surat", bool(reports), ", ".join(reports) or "tidak ada templat .toml")
    if not storage.database_exists(data_dir):
        r.add("basis data", False, f"belum ada di {paths.db_path(data_dir)} (jalankan init)")
        return r
    _check_database(r, data_dir, ask_secret)
    return r


def _check_database(r: SelfCheckReport, data_dir: Path, ask_secret: storage.AskSecret) -> None:
    """Read only, so that a damaged file is looked at, never written to: the key, the schema
    and SQLite's full `PRAGMA integrity_check`."""
    try:
        store = storage.open_read_only(data_dir, ask_secret)
    except DatabaseDamaged as exc:
        r.add("basis data", False, exc.message)
        r.integrity, r.integrity_detail = False, "berkas tidak terbaca dengan utuh"
        r.add("integritas", False, r.integrity_detail)
        return
    except ServiceError as exc:
        r.add("basis data", False, exc.message)
        return
    letterheads = False
    gaps: dict[str, list[str]] | str = {}
    try:
        version = migrate.current_version(store.db)
        latest = migrate.latest_version()
        cipher = store.db.execute_sql("PRAGMA cipher_version").fetchone()
        pending = " (dimutakhirkan saat aplikasi dibuka)" if version < latest else ""
        r.add(
            "basis data",
            version <= latest,
            f"{store.db_file}, skema {version}/{latest}{pending}, "
            f"SQLCipher {cipher[0] if cipher else '?'}",
        )
        problems = store.db.integrity_check()
        r.integrity = problems == ["ok"]
        r.integrity_detail = "ok" if r.integrity else "; ".join(problems[:5])
        letterheads = bool(r.integrity) and version == latest
        if letterheads:
            gaps = _letterhead_gaps(store)
    except DatabaseDamaged:
        r.integrity, r.integrity_detail = False, "berkas tidak terbaca dengan utuh"
    except ServiceError as exc:
        r.add("basis data", False, exc.message)
    finally:
        store.close()
    if r.integrity is not None:
        r.add("integritas", r.integrity, r.integrity_detail)
    if letterheads:
        _report_letterheads(r, gaps)


def _letterhead_gaps(store: storage.Storage) -> dict[str, list[str]] | str:
    """letterhead_settings.all_letterhead_gaps on the read-only database (or why not)."""
    from lapor_desktop.db.models import Office, Setting
    from lapor_desktop.pdf.templates import TemplateError
    from lapor_desktop.services import letterhead_settings

    try:
        with store.db.bind_ctx([Office, Setting]):
            return letterhead_settings.all_letterhead_gaps()
    except (ServiceError, DatabaseError, TemplateError, OSError) as exc:
        return str(exc)


def _report_letterheads(r: SelfCheckReport, gaps: dict[str, list[str]] | str) -> None:
    """A warning line per active office whose documents print a borrowed or sample kop or
    an incomplete signer. A warning, not a failure: every document still prints, and
    configuring 45 OPDs' kop surat is the admin's work over time, not a broken install
    (self-check's exit code is for "can this installation run")."""
    if isinstance(gaps, str):
        r.add("kop surat", True, f"tidak dapat diperiksa: {gaps}", warning=True)
        return
    for code, items in gaps.items():
        r.add(f"kop surat {code}", True, "; ".join(items), warning=True)
    if not gaps:
        r.add("kop surat", True, "setiap kantor punya kop dan penanda tangan sendiri")

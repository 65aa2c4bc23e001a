"""Backups and restore of the local database (attachments live inside it).

Where and how:
- `<data dir>/cadangan/` (folder 0700, files 0600), one file per backup, named
  `lapor-YYYYMMDD-HHMMSS-<kind>.db`; kinds: `otomatis` (at sign-out, at exit, daily),
  `manual` (the system admin), `sebelum-pemulihan` (the database a restore replaced),
  `rusak` (a damaged database a restore replaced, kept as it was) and, from db/migrate.py,
  `lapor-vN-….db` (before a schema upgrade).
- Made with SQLite's online backup API (db/snapshot.py) while others keep writing, still
  encrypted with the database key, written to a temporary name and renamed when whole.
- Automatic backups keep the newest of each of the newest N days (N = the `backup_keep`
  setting, default 14); the other kinds stay until deleted by hand.
- `export_backup` writes a copy for another PC, encrypted with a passphrase instead of
  this PC's random keyring key (which never leaves the keyring).

A restore never loses the current database: the chosen file is copied (and re-keyed to the
local key) into a temporary file in the data dir, proven good there (opens, integrity_check,
this application's tables, a schema no newer than this version), the current database is
kept in `cadangan/`, and only then replaced — in ONE write transaction of the live database
through the backup API, so a killed restore leaves the old database whole. Only when the
current database cannot be opened at all (damaged, foreign, missing) is the file swapped.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from lapor_desktop import credentials, paths
from lapor_desktop.db import migrate, snapshot
from lapor_desktop.db.models import Setting, database_proxy
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services.audit import audit
from lapor_desktop.services.clock import SYSTEM_CLOCK
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import (
    DatabaseBusy,
    KeyRefused,
    SchemaTooNew,
    ServiceError,
    ValidationError,
)

log = logging.getLogger(__name__)

KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 14
MAX_KEEP = 365
MIN_PASSPHRASE = 10

AUTO, MANUAL, BEFORE_RESTORE, DAMAGED, BEFORE_UPGRADE = (
    "otomatis",
    "manual",
    "sebelum-pemulihan",
    "rusak",
    "sebelum-pembaruan",
)
KIND_LABELS = {
    AUTO: "Otomatis",
    MANUAL: "Manual",
    BEFORE_RESTORE: "Sebelum pemulihan",
    DAMAGED: "Berkas rusak (disimpan)",
    BEFORE_UPGRADE: "Sebelum pembaruan skema",
}
_NAME_RE = re.compile(
    r"^lapor-(\d{8}-\d{6})(?:-(\d+))?-(otomatis|manual|sebelum-pemulihan|rusak)\.db$"
)
_UPGRADE_RE = re.compile(r"^lapor-v\d+-(\d{8}-\d{6})\.db$")
_STAMP = "%Y%m%d-%H%M%S"


# (pages done, pages in all) -> False to stop
Progress = Callable[[int, int], bool]


class BackupCancelled(ServiceError):
    """The person stopped the backup or restore (nothing was changed)."""


class BackupPassphraseNeeded(ServiceError):
    """The file does not open with this PC's key: ask for the backup's passphrase."""


@dataclass(frozen=True)
class BackupRow:
    path: Path
    made_at: datetime
    kind: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def restorable(self) -> bool:
        return self.kind != DAMAGED


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    schema_version: int
    previous_kept: Path | None  # the replaced database, in cadangan/
    swapped_file: bool  # True: the current file could not be opened and was replaced


class Health(Enum):
    OK = "ok"
    MISSING = "missing"
    UNREADABLE = "unreadable"  # the key does not open it, or not a database at all
    DAMAGED = "damaged"


# ---------------------------------------------------------------- files and names


def backups_dir(data_dir: Path) -> Path:
    return paths.backups_dir(data_dir)


def _private_dir(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        directory.chmod(0o700)
    return directory


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _new_private_file(path: Path) -> None:
    """An empty file only the owner may read, before SQLite opens it (SQLite would create
    it 0644 and its journal with the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _remove_db_file(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # never remove what might be another process's work
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TEMP_RE = re.compile(r"^\..+\.(\d+)\.tmp$")


def remove_stale_temporaries(data_dir: Path) -> list[Path]:
    """Temporary copies left by a process that was killed (`.<name>.<pid>.tmp`)."""
    removed = []
    for directory in (data_dir, backups_dir(data_dir)):
        if not directory.is_dir():
            continue
        for p in directory.iterdir():
            m = _TEMP_RE.match(p.name.removesuffix("-journal"))
            if m and not _pid_alive(int(m.group(1))):
                _remove_db_file(p)
                removed.append(p)
    return removed


def _temp_for(final: Path) -> Path:
    return final.with_name(f".{final.name}.{os.getpid()}.tmp")


def _parse(path: Path) -> BackupRow | None:
    m = _NAME_RE.match(path.name)
    if m:
        stamp, kind = m.group(1), m.group(3)
    else:
        m = _UPGRADE_RE.match(path.name)
        if not m:
            return None
        stamp, kind = m.group(1), BEFORE_UPGRADE
    try:
        made_at = datetime.strptime(stamp, _STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupRow(path, made_at, kind, size)


def list_for(ctx: Ctx) -> list[BackupRow]:
    """The backups, for the system admin."""
    ctx.require(Role.SYS_ADMIN)
    return list_backups(ctx.data_dir)


def list_backups(data_dir: Path) -> list[BackupRow]:
    """Every backup in `cadangan/`, newest first (no file is opened)."""
    directory = backups_dir(data_dir)
    if not directory.is_dir():
        return []
    rows = [r for p in directory.iterdir() if p.is_file() and (r := _parse(p)) is not None]
    return sorted(rows, key=lambda r: (r.made_at, r.name), reverse=True)


def _unique_name(directory: Path, made_at: datetime, kind: str) -> Path:
    stamp = made_at.strftime(_STAMP)
    target = directory / f"lapor-{stamp}-{kind}.db"
    n = 1
    while target.exists():
        n += 1
        target = directory / f"lapor-{stamp}-{n}-{kind}.db"
    return target


def _write_copy(
    live_file: Path,
    key: str,
    target: Path,
    target_key: str,
    progress: Progress | None,
) -> None:
    """An online copy of the live database into `target` (a new file), via a temporary
    name in the same folder; owner-only from the first byte."""
    temp = _temp_for(target)
    _remove_db_file(temp)
    _new_private_file(temp)
    try:
        with snapshot.opened(live_file, key) as source:
            snapshot.copy(source, temp, target_key, progress)
        _fsync_file(temp)
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except BaseException:
        _remove_db_file(temp)
        raise


def _live() -> tuple[Path, str]:
    """The bound database's file and key."""
    db = database_proxy.obj
    if db is None:
        raise ServiceError("Basis data belum dibuka.")
    return Path(db.database), str(db.connect_params.get("passphrase", ""))


def _snapshot_error(exc: snapshot.SnapshotError, what: str) -> ServiceError:
    if isinstance(exc, snapshot.Busy):
        return DatabaseBusy(DatabaseBusy.MESSAGE)
    if isinstance(exc, snapshot.Cancelled):
        return BackupCancelled(f"{what} dibatalkan.")
    if isinstance(exc, snapshot.Damaged):
        return ServiceError(f"{what} gagal: basis data rusak (pemeriksaan integritas gagal).")
    return ServiceError(f"{what} gagal: basis data tidak dapat dibaca.")


# ---------------------------------------------------------------- settings


def keep_count(ctx: Ctx) -> int:
    """How many days of automatic backups are kept (the `backup_keep` setting)."""
    row = Setting.get_or_none(Setting.key == KEEP_SETTING)
    try:
        n = int(row.value) if row is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP
    return n if 1 <= n <= MAX_KEEP else DEFAULT_KEEP


def set_keep_count(ctx: Ctx, n: int) -> int:
    ctx.require(Role.SYS_ADMIN)
    if not 1 <= n <= MAX_KEEP:
        raise ValidationError(
            f"Jumlah cadangan otomatis yang disimpan harus 1 sampai {MAX_KEEP}.", "keep"
        )
    with database_proxy.atomic("IMMEDIATE"):
        Setting.insert(key=KEEP_SETTING, value=str(n)).on_conflict_replace().execute()
        audit(ctx, "cadangan_jumlah", "setting", KEEP_SETTING, str(n))
    return n


# ---------------------------------------------------------------- making backups


def _make(ctx: Ctx, kind: str, progress: Progress | None) -> BackupRow:
    live_file, key = _live()
    try:
        directory = _private_dir(backups_dir(ctx.data_dir))
        remove_stale_temporaries(ctx.data_dir)
        target = _unique_name(directory, ctx.clock.now(), kind)
        _write_copy(live_file, key, target, key, progress)
    except snapshot.SnapshotError as exc:
        raise _snapshot_error(exc, "Pencadangan") from exc
    except OSError as exc:  # a full disk, a file where the folder should be
        raise ServiceError(
            f"Pencadangan gagal: {exc.strerror or exc} ({backups_dir(ctx.data_dir)})."
        ) from exc
    row = _parse(target)
    assert row is not None
    log.info("backup made: %s (%s, %d bytes)", target.name, kind, row.size)
    return row


def make_backup(ctx: Ctx, progress: Progress | None = None) -> BackupRow:
    """A backup by the system admin, kept until deleted by hand."""
    ctx.require(Role.SYS_ADMIN)
    row = _make(ctx, MANUAL, progress)
    with database_proxy.atomic("IMMEDIATE"):
        audit(ctx, "cadangan_dibuat", "backup", row.name, MANUAL)
    return row


def automatic_backup(ctx: Ctx, progress: Progress | None = None) -> BackupRow:
    """At sign-out, at exit and daily (any signed-in role): a backup, then the old
    automatic ones beyond the newest of each of the newest N days are removed."""
    row = _make(ctx, AUTO, progress)
    prune(ctx)
    return row


def daily_backup_due(ctx: Ctx) -> bool:
    """No automatic backup made today yet (by the clock's date)."""
    today = ctx.clock.now().date()
    return not any(r.kind == AUTO and r.made_at.date() == today for r in list_backups(ctx.data_dir))


def prune(ctx: Ctx) -> list[Path]:
    """Keep the newest automatic backup of each of the newest N days; remove the rest."""
    keep = keep_count(ctx)
    seen_days: list[date] = []
    removed = []
    for row in list_backups(ctx.data_dir):  # newest first
        if row.kind != AUTO:
            continue
        day = row.made_at.date()
        if day not in seen_days and len(seen_days) < keep:
            seen_days.append(day)
            continue
        row.path.unlink(missing_ok=True)
        removed.append(row.path)
    if removed:
        log.info("old automatic backups removed: %d", len(removed))
    return removed


def delete_backup(ctx: Ctx, name: str) -> None:
    ctx.require(Role.SYS_ADMIN)
    rows = {r.name: r for r in list_backups(ctx.data_dir)}
    if name not in rows:
        raise ServiceError(f"Cadangan '{name}' tidak ditemukan.")
    rows[name].path.unlink(missing_ok=True)
    with database_proxy.atomic("IMMEDIATE"):
        audit(ctx, "cadangan_dihapus", "backup", name, rows[name].kind)


def export_backup(ctx: Ctx, out: Path, passphrase: str, progress: Progress | None = None) -> Path:
    """A backup for another PC (or a USB disk): encrypted with `passphrase`, which is asked
    again when it is restored; this PC's keyring key never leaves the keyring."""
    ctx.require(Role.SYS_ADMIN)
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"Frasa sandi cadangan minimal {MIN_PASSPHRASE} karakter.", "passphrase"
        )
    out = out.expanduser().absolute()
    if out.exists() or out.is_symlink():
        raise ServiceError(f"Berkas {out} sudah ada; tidak akan ditimpa.")
    if not out.parent.is_dir():
        raise ServiceError(f"Folder {out.parent} tidak ada.")
    live_file, key = _live()
    try:
        _write_copy(live_file, key, out, passphrase, progress)
    except snapshot.SnapshotError as exc:
        raise _snapshot_error(exc, "Pencadangan") from exc
    except OSError as exc:
        raise ServiceError(f"Berkas cadangan tidak dapat ditulis: {exc.strerror}.") from exc
    with database_proxy.atomic("IMMEDIATE"):
        audit(ctx, "cadangan_diekspor", "backup", out.name, "")
    log.info("backup exported (%d bytes)", out.stat().st_size)
    return out


# ---------------------------------------------------------------- checking


def database_health(data_dir: Path, key: str) -> Health:
    """How the current database is, without changing it (quick_check, not the full one)."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        return Health.MISSING
    try:
        with snapshot.opened(db_file, key) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except snapshot.Busy as exc:
        raise DatabaseBusy(DatabaseBusy.MESSAGE) from exc
    except snapshot.Damaged:
        return Health.DAMAGED
    except (snapshot.Unreadable, snapshot.SnapshotError):
        return Health.UNREADABLE
    except Exception as exc:
        if "locked" in str(exc):
            raise DatabaseBusy(DatabaseBusy.MESSAGE) from exc
        return Health.DAMAGED
    return Health.OK if [r[0] for r in rows] == ["ok"] else Health.DAMAGED


def newest_good_backup(
    data_dir: Path, key: str, on_checking: Callable[[BackupRow], None] | None = None
) -> BackupRow | None:
    """The newest backup in `cadangan/` that opens with `key`, passes integrity_check and is
    this application's database with a schema this version can use."""
    for row in list_backups(data_dir):
        if not row.restorable:
            continue
        if on_checking is not None:
            on_checking(row)
        try:
            info = snapshot.check(row.path, key)
        except snapshot.SnapshotError as exc:
            log.warning("backup %s not usable: %s", row.name, type(exc).__name__)
            continue
        if info.schema_version <= migrate.latest_version():
            return row
    return None


def _precheck(source: Path, live_file: Path) -> None:
    try:
        st = os.stat(source)  # stat first: a FIFO or a device is never opened
    except OSError:
        raise ServiceError(f"Berkas {source} tidak ada atau tidak dapat dibaca.") from None
    if not stat.S_ISREG(st.st_mode):
        raise ServiceError("Berkas cadangan harus berkas biasa (bukan folder, FIFO, perangkat).")
    if live_file.exists() and os.path.samefile(source, live_file):
        raise ServiceError("Itu berkas basis data yang sedang dipakai, bukan cadangan.")
    if st.st_size == 0 or st.st_size % 512 != 0:
        raise ServiceError("Berkas ini bukan cadangan LAPOR Desktop; tidak dipulihkan.")
    if snapshot.looks_like_plain_sqlite(source):
        raise ServiceError(
            "Berkas ini basis data SQLite tanpa enkripsi, bukan cadangan LAPOR Desktop; "
            "tidak dipulihkan."
        )


def _source_key(source: Path, local_key: str, passphrase: str | None) -> str:
    for key in (local_key, passphrase):
        if not key:
            continue
        try:
            with snapshot.opened(source, key, read_only=True):
                return key
        except snapshot.Unreadable:
            continue
        except snapshot.SnapshotError as exc:
            raise _restore_refused(exc) from exc
    if passphrase is None:
        raise BackupPassphraseNeeded(
            "Cadangan ini tidak terbuka dengan kunci basis data PC ini (mungkin dibuat di PC "
            "lain). Masukkan frasa sandi cadangannya."
        )
    raise KeyRefused(
        "Frasa sandi cadangan salah, atau berkas ini bukan cadangan LAPOR Desktop; "
        "tidak dipulihkan."
    )


def _restore_refused(exc: snapshot.SnapshotError) -> ServiceError:
    unchanged = " Basis data saat ini tidak diubah."
    if isinstance(exc, snapshot.Busy):
        return DatabaseBusy(DatabaseBusy.MESSAGE)
    if isinstance(exc, snapshot.Cancelled):
        return BackupCancelled("Pemulihan dibatalkan." + unchanged)
    if isinstance(exc, snapshot.Foreign):
        return ServiceError(
            "Berkas ini basis data lain, bukan cadangan LAPOR Desktop; tidak dipulihkan."
            + unchanged
        )
    if isinstance(exc, snapshot.Damaged):
        return ServiceError(
            "Cadangan ini rusak (pemeriksaan integritas gagal); tidak dipulihkan." + unchanged
        )
    return ServiceError(
        "Berkas ini tidak dapat dibaca sebagai cadangan; tidak dipulihkan." + unchanged
    )


# ---------------------------------------------------------------- restoring


@dataclass
class LocalKey:
    """This PC's key for the database of a data dir; `created` when there was no database
    yet and a new key was made for the one being restored."""

    db_file: Path
    key: str
    created: bool
    in_keyring: bool

    def discard_if_new(self) -> None:
        """The restore failed: a key made for it is forgotten again."""
        if self.created and self.in_keyring and not self.db_file.exists():
            credentials.forget_db_key(self.db_file)


def local_key(data_dir: Path, ask_secret: Callable[[bool], str]) -> LocalKey:
    """The key of this data dir's database (keyring, else asked); for a data dir without a
    database, a new random key in the keyring (else a new passphrase, asked twice)."""
    db_file = paths.db_path(data_dir)
    exists = db_file.exists()
    try:
        key = credentials.get_db_key(db_file)
        usable = True
    except credentials.KeyringUnavailable:
        key, usable = None, False
    if key is not None:
        return LocalKey(db_file, key, False, True)
    if exists:
        return LocalKey(db_file, ask_secret(False), False, False)
    if usable:
        key = credentials.new_raw_key()
        credentials.store_db_key(db_file, key)
        return LocalKey(db_file, key, True, True)
    secret = ask_secret(True)
    if len(secret) < MIN_PASSPHRASE:
        raise ServiceError(f"Frasa sandi basis data minimal {MIN_PASSPHRASE} karakter.")
    return LocalKey(db_file, secret, True, False)


def with_passphrase[T](attempt: Callable[[str | None], T], ask: Callable[[], str | None]) -> T:
    """Try with this PC's key; when the file needs its own passphrase, ask once and retry."""
    try:
        return attempt(None)
    except BackupPassphraseNeeded:
        passphrase = ask()
        if not passphrase:
            raise
        return attempt(passphrase)


def restore(
    ctx: Ctx,
    source: Path,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """The system admin restores `source` over the open (bound) database."""
    ctx.require(Role.SYS_ADMIN)
    live_file, key = _live()
    result = _restore(ctx.data_dir, live_file, Path(source), key, passphrase, progress, ctx)
    return result


def restore_unopened(
    data_dir: Path,
    source: Path,
    local_key: str,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore when nobody can sign in because the current database cannot be opened
    (damaged, not a database, or missing). Holding the key that opens the backup (or its
    passphrase) is the permission: whoever has it owns the data. The current file is kept
    in `cadangan/` as it was."""
    if database_health(data_dir, local_key) is Health.OK:
        raise ServiceError(
            "Basis data saat ini dapat dibuka; pemulihan hanya oleh administrator sistem "
            "yang masuk (--user)."
        )
    return _restore(
        data_dir, paths.db_path(data_dir), Path(source), local_key, passphrase, progress, None
    )


def _restore_failure[**P](run: Callable[P, RestoreResult]) -> Callable[P, RestoreResult]:
    """A file error during a restore, in Indonesian: the live database stays in use."""

    @functools.wraps(run)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> RestoreResult:
        try:
            return run(*args, **kwargs)
        except OSError as exc:
            raise ServiceError(
                f"Pemulihan gagal: {exc.strerror or exc}. Basis data saat ini tetap dipakai."
            ) from exc

    return guarded


@_restore_failure
def _restore(
    data_dir: Path,
    live_file: Path,
    source: Path,
    key: str,
    passphrase: str | None,
    progress: Progress | None,
    ctx: Ctx | None,
) -> RestoreResult:
    source = source.expanduser().absolute()
    _precheck(source, live_file)
    source_key = _source_key(source, key, passphrase)
    remove_stale_temporaries(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    temp = data_dir / f".pemulihan.{os.getpid()}.tmp"
    _remove_db_file(temp)
    _new_private_file(temp)
    try:
        try:
            snapshot.copy_file(source, source_key, temp, key, progress)
            info = snapshot.check(temp, key, read_only=False)
        except snapshot.SnapshotError as exc:
            raise _restore_refused(exc) from exc
        if info.schema_version > migrate.latest_version():
            raise SchemaTooNew(
                f"Cadangan ini dibuat oleh versi aplikasi yang lebih baru (skema "
                f"{info.schema_version}); perbarui LAPOR Desktop dahulu. Basis data saat ini "
                "tidak diubah."
            )
        _fsync_file(temp)
        kept, swapped = _replace_live(data_dir, live_file, temp, key, progress, ctx)
    finally:
        _remove_db_file(temp)
    log.info("database restored (schema %d, file swapped: %s)", info.schema_version, swapped)
    if ctx is not None and info.schema_version == migrate.latest_version():
        # The restored database may not know the user who restored it: the name goes
        # into the detail, not as a reference.
        who = ctx.session.username if ctx.session else ""
        try:
            with database_proxy.atomic("IMMEDIATE"):
                audit(
                    ctx.as_user(None),
                    "pemulihan",
                    "backup",
                    source.name,
                    f"oleh {who}; sebelumnya: {kept.name if kept else '-'}",
                )
        except Exception:  # the restore is done; a missing audit row must not undo that
            log.exception("audit of the restore failed")
    return RestoreResult(source, info.schema_version, kept, swapped)


def _replace_live(
    data_dir: Path,
    live_file: Path,
    temp: Path,
    key: str,
    progress: Progress | None,
    ctx: Ctx | None,
) -> tuple[Path | None, bool]:
    directory = _private_dir(backups_dir(data_dir))
    now = (ctx.clock if ctx is not None else SYSTEM_CLOCK).now()
    health = database_health(data_dir, key)
    if health is Health.OK:
        kept = _unique_name(directory, now, BEFORE_RESTORE)
        try:
            _write_copy(live_file, key, kept, key, None)
            # Every page of the live database, in one of its write transactions.
            snapshot.install(temp, key, live_file, key, progress)
        except snapshot.SnapshotError as exc:
            raise _restore_refused(exc) from exc
        return kept, False
    kept_damaged: Path | None = None
    if health is not Health.MISSING:
        kept_damaged = _unique_name(directory, now, DAMAGED)
        for suffix in ("", "-wal"):
            part = Path(str(live_file) + suffix)
            if part.exists():
                tmp = _temp_for(Path(str(kept_damaged) + suffix))
                with part.open("rb") as src:
                    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                    with os.fdopen(fd, "wb") as dst:
                        while chunk := src.read(1 << 20):
                            dst.write(chunk)
                        dst.flush()
                        os.fsync(dst.fileno())
                os.replace(tmp, Path(str(kept_damaged) + suffix))
        _fsync_dir(directory)
    # The old -wal must never meet the new file: it goes first.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(live_file) + suffix).unlink(missing_ok=True)
    os.replace(temp, live_file)
    if os.name == "posix":
        live_file.chmod(0o600)
    _fsync_dir(live_file.parent)
    return kept_damaged, True

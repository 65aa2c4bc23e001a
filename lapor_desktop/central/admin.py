"""What the regency IT does to the central database (`lapor-desktop central …`), with the
DSN of an administrator login (a superuser, or one with CREATEROLE that may become the
owner): init, upgrade, person logins, offices, status.

Every failure is a CentralError with an Indonesian message; the CLI prints it (exit 1).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass
from typing import Any

from lapor_desktop import __version__
from lapor_desktop.central.migrations import LATEST, MIGRATIONS
from lapor_desktop.central.names import (
    PERSON_ROLES,
    RoleNames,
    prefix_for,
    quoted,
    workflow_rows,
)
from lapor_desktop.db import central as driver
from lapor_desktop.domain.workflow import OPD_ROLES, Role

SCHEMA = "lapor"
TIME_ZONE = "Asia/Jakarta"  # naive times on both ends are WIB (db/models.py)
CONNECT_TIMEOUT = 10  # seconds, unless the DSN says otherwise


class CentralError(Exception):
    """Refused or failed, with the reason in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text


def connect(dsn: str) -> Any:
    """A peewee PostgresqlDatabase, or CentralError saying why not (in Indonesian)."""
    if not dsn.strip():
        raise CentralError(
            "Alamat server pusat belum diberikan: gunakan --dsn atau LAPOR_CENTRAL_OWNER_DSN."
        )
    driver.load_driver()
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(dsn)
        if not params.get("dbname"):
            raise CentralError(
                "Alamat server pusat tidak menyebut basis data (dbname=NAMA, atau /NAMA di "
                "akhir alamat postgresql://…)."
            )
        if "connect_timeout" not in params:  # an unreachable host: no hang
            dsn = make_conninfo(dsn, connect_timeout=CONNECT_TIMEOUT)
        return driver.connect(dsn)
    except CentralError:
        raise
    except Exception as exc:  # peewee wraps psycopg's OperationalError / ProgrammingError
        raise CentralError(connection_problem(exc)) from None


def connection_problem(exc: Exception) -> str:
    text = str(exc)
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return "Login ke server pusat ditolak: nama login atau kata sandi salah."
    if "not permitted to log in" in low:
        return "Login ke server pusat dinonaktifkan."
    if "does not exist" in low and "database" in low:
        return "Basis data pusat tidak ada di server itu."
    if "invalid dsn" in low or "invalid connection option" in low or "missing" in low:
        return f"Alamat server pusat tidak sah: {_reason(exc)}"
    return f"Server pusat tidak dapat dihubungi: {_reason(exc)}"


def statement_problem(exc: Exception) -> str:
    """A statement the server refused, or a link that broke while it ran."""
    if type(exc).__name__ in ("OperationalError", "InterfaceError"):
        return f"Hubungan ke server pusat terputus: {_reason(exc)}"
    return f"Server pusat menolak perintah: {_reason(exc)}"


def _one(db: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    row = db.execute_sql(sql, params).fetchone()
    return row[0] if row else None


def _initialized(db: Any) -> bool:
    return bool(_one(db, "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.sync_meta",)))


def _names(db: Any) -> RoleNames:
    if not _initialized(db):
        raise CentralError("Basis data pusat belum diinisialisasi: jalankan 'central init'.")
    return RoleNames(str(_one(db, f"SELECT role_prefix FROM {SCHEMA}.sync_meta")))


def _check_admin(db: Any) -> None:
    row = db.execute_sql(
        "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    if not row or not (row[0] or row[1]):
        raise CentralError(
            "Login ini bukan administrator server (perlu SUPERUSER atau CREATEROLE)."
        )


def _as_owner(db: Any, names: RoleNames) -> None:
    if not _one(db, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"):
        db.execute_sql(f"GRANT {quoted(names.owner)} TO CURRENT_USER")
    db.execute_sql(f"SET LOCAL ROLE {quoted(names.owner)}")
    db.execute_sql(f"SET LOCAL search_path = {SCHEMA}, pg_temp")


def _load_workflow(db: Any) -> None:
    """The workflow table as data, generated from domain/workflow.py (never hand-copied)."""
    db.execute_sql(f"DELETE FROM {SCHEMA}.workflow_rule")
    for row in workflow_rows():
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.workflow_rule "
            "(action, from_status, role, to_status, scope, needs_note) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            row,
        )


def _load_reference(db: Any) -> None:
    from lapor_desktop.services.setup import category_rows, default_rule_set_fields, office_rows

    for code, name, kind in office_rows():
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.office (id, code, name, kind) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (code) DO NOTHING",
            (uuid.uuid4(), code, name, kind),
        )
    for code, name in category_rows():
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.category (code, name) VALUES (%s, %s) "
            "ON CONFLICT (code) DO NOTHING",
            (code, name),
        )
    if not _one(db, f"SELECT count(*) FROM {SCHEMA}.rule_set"):
        fields = default_rule_set_fields()
        cols = ", ".join(["id", *fields])
        marks = ", ".join(["%s"] * (len(fields) + 1))
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.rule_set ({cols}) VALUES ({marks})",
            (uuid.uuid4(), *fields.values()),
        )
    # Official holidays come from the `holidays` package on every PC; only the admin's
    # local overrides (holiday_override) are data, and a new regency has none yet.


def _create_roles(db: Any, names: RoleNames) -> None:
    for role in [names.owner, *names.groups.values()]:
        if not _one(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)):
            db.execute_sql(f"CREATE ROLE {quoted(role)} NOLOGIN")
    dbname = quoted(str(_one(db, "SELECT current_database()")))
    db.execute_sql(f"REVOKE ALL ON DATABASE {dbname} FROM PUBLIC")
    groups = ", ".join(quoted(g) for g in names.groups.values())
    db.execute_sql(f"GRANT CONNECT ON DATABASE {dbname} TO {groups}")
    db.execute_sql("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    db.execute_sql(f"CREATE SCHEMA {SCHEMA} AUTHORIZATION {quoted(names.owner)}")
    db.execute_sql(f"ALTER DATABASE {dbname} SET search_path = {SCHEMA}")
    db.execute_sql(f"ALTER DATABASE {dbname} SET timezone = '{TIME_ZONE}'")
    db.execute_sql(f"SET LOCAL timezone = '{TIME_ZONE}'")


def _migrate(db: Any, names: RoleNames, after: int) -> None:
    for mod in MIGRATIONS:
        if after < mod.VERSION:
            for sql in mod.statements(names):
                # Without parameters: the SQL is a script (several statements, and '%'
                # in PL/pgSQL format strings that a parameter parser would misread).
                db.cursor().execute(sql)


@dataclass(frozen=True)
class InitResult:
    database: str
    role_prefix: str
    schema_version: int
    offices: int
    categories: int


def init(db: Any) -> InitResult:
    """The whole central database in one transaction: roles, schema, policies, triggers,
    sync_meta, the workflow table and the reference data."""
    _check_admin(db)
    if _initialized(db):
        raise CentralError(
            "Basis data pusat sudah diinisialisasi; gunakan 'central upgrade' untuk "
            "memperbarui skemanya."
        )
    database = str(_one(db, "SELECT current_database()"))
    names = RoleNames(prefix_for(database))
    if _one(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (names.owner,)):
        # Another database with a name that gives the same prefix ("a-b" and "a_b"), or a
        # leftover: sharing its groups would let its logins in here.
        raise CentralError(
            f"Peran '{names.owner}' sudah ada di server ini (milik basis data lain atau "
            "sisa yang lama); gunakan nama basis data lain atau hapus peran-peran itu."
        )
    with db.atomic():
        _create_roles(db, names)
        _as_owner(db, names)
        _migrate(db, names, 0)
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.sync_meta (schema_version, min_client_version, role_prefix) "
            "VALUES (%s, %s, %s)",
            (LATEST, __version__, names.prefix),
        )
        _load_workflow(db)
        _load_reference(db)
        offices = int(_one(db, f"SELECT count(*) FROM {SCHEMA}.office"))
        categories = int(_one(db, f"SELECT count(*) FROM {SCHEMA}.category"))
    return InitResult(database, names.prefix, LATEST, offices, categories)


def schema_version(db: Any) -> int:
    _names(db)
    return int(_one(db, f"SELECT schema_version FROM {SCHEMA}.sync_meta"))


def upgrade(db: Any) -> tuple[int, int]:
    """(from, to): the migrations newer than the database's version, in one transaction;
    the workflow table is regenerated from domain/workflow.py each time."""
    _check_admin(db)
    names = _names(db)
    with db.atomic():
        current = int(_one(db, f"SELECT schema_version FROM {SCHEMA}.sync_meta FOR UPDATE"))
        if current > LATEST:
            raise CentralError(
                f"Skema server pusat (versi {current}) lebih baru dari aplikasi ini "
                f"(versi {LATEST}); perbarui aplikasi."
            )
        _as_owner(db, names)
        _migrate(db, names, current)
        _load_workflow(db)
        if current < LATEST:  # a newer schema wants this client version at least
            db.execute_sql(
                f"UPDATE {SCHEMA}.sync_meta SET schema_version = %s, min_client_version = %s",
                (LATEST, __version__),
            )
    return current, LATEST


# ---------------------------------------------------------------- person logins


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, computed here so the plain password
    never travels in a statement (nor reaches the server's log)."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


@dataclass(frozen=True)
class CentralUser:
    username: str
    full_name: str
    role: str
    office: str
    active: bool


def _check_username(name: str) -> str:
    from lapor_desktop.services.users import USERNAME_RE

    clean = name.strip().lower()
    if not USERNAME_RE.match(clean):
        raise CentralError(
            "Nama login 2–60 karakter: huruf kecil, angka, titik, garis bawah atau strip."
        )
    return clean


def add_user(
    db: Any, username: str, role: str, office_code: str, password: str, full_name: str = ""
) -> CentralUser:
    """A PostgreSQL login for one person, member of its role's group, and its user row."""
    from lapor_desktop.services.errors import ServiceError
    from lapor_desktop.services.users import check_password_strength

    _check_admin(db)
    names = _names(db)
    name = _check_username(username)
    try:
        kind = Role(role.strip().upper())
    except ValueError:
        kind = Role.SYSTEM
    if kind not in PERSON_ROLES:
        choices = ", ".join(r.value for r in PERSON_ROLES)
        raise CentralError(f"Peran '{role}' tidak dikenal. Pilihan: {choices}.")
    try:
        check_password_strength(password)
    except ServiceError as exc:
        raise CentralError(exc.message) from None
    office = db.execute_sql(
        f"SELECT id, code, kind FROM {SCHEMA}.office WHERE code = %s AND NOT deleted",
        (office_code.strip().upper(),),
    ).fetchone()
    if office is None:
        raise CentralError(f"Kantor '{office_code}' tidak dikenal (lihat 'central office list').")
    if kind in OPD_ROLES and office[2] != "opd":
        raise CentralError("Peran OPD harus berada di kantor OPD.")
    if kind not in OPD_ROLES and kind is not Role.AUDITOR and office[2] != "kabupaten":
        raise CentralError(f"Peran {kind.label} harus berada di kantor admin kabupaten.")
    if _one(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)):
        raise CentralError(f"Login '{name}' sudah ada di server PostgreSQL ini.")
    with db.atomic():
        db.execute_sql(
            f"CREATE ROLE {quoted(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
            f"NOREPLICATION NOBYPASSRLS INHERIT IN ROLE {quoted(names.group(kind))} "
            f"PASSWORD '{scram_verifier(password)}'"
        )
        db.execute_sql(
            f"INSERT INTO {SCHEMA}.app_user (id, username, full_name, role, office_id) "
            "VALUES (%s, %s, %s, %s, %s)",
            (uuid.uuid4(), name, full_name.strip() or name, kind.value, office[0]),
        )
    return CentralUser(name, full_name.strip() or name, kind.value, office[1], True)


def disable_user(db: Any, username: str) -> int:
    """The login can no longer connect, its open sessions end, its row says inactive.
    Returns the number of sessions ended."""
    _check_admin(db)
    _names(db)
    name = username.strip().lower()
    if not _one(db, f"SELECT 1 FROM {SCHEMA}.app_user WHERE username = %s", (name,)):
        raise CentralError(f"Login '{name}' tidak dikenal di basis data pusat ini.")
    with db.atomic():
        db.execute_sql(f"ALTER ROLE {quoted(name)} NOLOGIN")
        db.execute_sql(f"UPDATE {SCHEMA}.app_user SET active = false WHERE username = %s", (name,))
    ended = db.execute_sql(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = %s",
        (name,),
    ).fetchone()
    return int(ended[0]) if ended else 0


def list_users(db: Any) -> list[CentralUser]:
    _names(db)
    rows = db.execute_sql(
        f"SELECT u.username, u.full_name, u.role, o.code, "
        "u.active AND coalesce(r.rolcanlogin, false) "
        f"FROM {SCHEMA}.app_user u JOIN {SCHEMA}.office o ON o.id = u.office_id "
        "LEFT JOIN pg_roles r ON r.rolname = u.username "
        "WHERE NOT u.deleted ORDER BY u.username"
    ).fetchall()
    return [CentralUser(*row) for row in rows]


def list_offices(db: Any) -> list[dict[str, str]]:
    _names(db)
    rows = db.execute_sql(
        f"SELECT code, name, kind FROM {SCHEMA}.office WHERE NOT deleted ORDER BY kind, code"
    ).fetchall()
    return [{"code": c, "name": n, "kind": k} for c, n, k in rows]


# ---------------------------------------------------------------- status

LONG_TRANSACTION_SECONDS = 60


def status(db: Any, long_after: int = LONG_TRANSACTION_SECONDS) -> dict[str, Any]:
    """Schema version, offices, last sync per login with its lag behind the feed, and the
    transactions old enough to hold the feed's horizon back."""
    _names(db)
    version, min_client, purge_horizon = db.execute_sql(
        f"SELECT schema_version, min_client_version, purge_horizon::text::bigint "
        f"FROM {SCHEMA}.sync_meta"
    ).fetchone()
    horizon = int(_one(db, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
    offices = int(_one(db, f"SELECT count(*) FROM {SCHEMA}.office WHERE NOT deleted"))
    syncs = db.execute_sql(
        f"SELECT DISTINCT ON (l.login) l.login, o.code, l.at, l.checkpoint::text, "
        "l.client_version, extract(epoch FROM now() - l.at)::bigint "
        f"FROM {SCHEMA}.sync_log l LEFT JOIN {SCHEMA}.office o ON o.id = l.office_id "
        "ORDER BY l.login, l.at DESC"
    ).fetchall()
    long_tx = db.execute_sql(
        "SELECT pid, usename, state, extract(epoch FROM now() - xact_start)::bigint, "
        "xact_start FROM pg_stat_activity "
        "WHERE datname = current_database() AND xact_start IS NOT NULL "
        "AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL) "
        "AND pid <> pg_backend_pid() AND now() - xact_start > make_interval(secs => %s) "
        "ORDER BY xact_start",
        (long_after,),
    ).fetchall()
    return {
        "schema_version": int(version),
        "min_client_version": min_client,
        "app_schema_version": LATEST,
        "feed_horizon": horizon,
        "purge_horizon": int(purge_horizon),  # `central purge`: PCs below it resync in full
        "offices": offices,
        "last_sync": [
            {
                "login": login,
                "office": code,
                "at": at.isoformat(timespec="seconds"),
                "checkpoint": int(cp) if cp is not None else None,
                "client_version": cv,
                "seconds_ago": int(ago),
                "lag_transactions": horizon - int(cp) if cp is not None else None,
            }
            for login, code, at, cp, cv, ago in syncs
        ],
        "long_transactions": [
            {"pid": pid, "login": user, "state": state, "seconds": int(secs)}
            for pid, user, state, secs, _start in long_tx
        ],
    }


# ---------------------------------------------------------------- purge

PURGE_DAYS = 180  # default age of the soft-deleted rows `central purge` removes

# Soft-deleted rows that go for good besides cases (with their access rows and
# attachments), per table: (table, extra condition). A row another table still refers
# to stays (a category of old cases, a rule set in force for them).
_PURGEABLE = (
    ("holiday_override", ""),
    (
        "reporter",
        "AND NOT EXISTS (SELECT 1 FROM complaint c WHERE c.reporter_id = t.id) "
        "AND NOT EXISTS (SELECT 1 FROM reporter m WHERE m.merged_into = t.id)",
    ),
    ("category", "AND NOT EXISTS (SELECT 1 FROM complaint c WHERE c.category_code = t.code)"),
    ("rule_set", "AND NOT EXISTS (SELECT 1 FROM complaint c WHERE c.rule_set_id = t.id)"),
)


@dataclass(frozen=True)
class PurgeResult:
    horizon: int  # sync_meta.purge_horizon after the purge (a transaction id)
    moved: bool  # the horizon moved (PCs whose checkpoint is below it resync in full)
    purged: dict[str, int]  # rows removed per table


def purge(db: Any, older_than_days: int = PURGE_DAYS) -> PurgeResult:
    """Remove soft-deleted rows (tombstones) older than the horizon, and move sync_meta's
    purge horizon there, in one transaction: a PC whose checkpoint is below it never saw
    those tombstones and now never will, so it pushes its own work and resyncs in full
    (sync/engine.py); a PC that synced since has them applied already.

    The horizon is the feed position of `older_than_days` ago: the highest checkpoint any
    PC recorded (sync_log) at least that long ago (a transaction id, since rows carry no
    deletion time: a row deleted before it is at least that old). With 0 days it is the
    feed's position now. It never moves back. A deleted case goes with its access rows,
    attachments; its history, edits and letters (append-only) stay on the server."""
    _check_admin(db)
    names = _names(db)
    if older_than_days < 0:
        raise CentralError("--older-than harus 0 hari atau lebih.")
    with db.atomic():
        _as_owner(db, names)
        before = int(_one(db, "SELECT purge_horizon::text::bigint FROM sync_meta FOR UPDATE"))
        if older_than_days == 0:
            target = _one(db, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        else:
            target = _one(
                db,
                "SELECT max(checkpoint)::text::bigint FROM sync_log "
                "WHERE at <= now() - make_interval(days => %s)",
                (older_than_days,),
            )
        horizon = max(before, int(target or 0))
        purged = _purge_below(db, horizon) if horizon > 0 else {}
        if horizon > before:
            db.execute_sql("UPDATE sync_meta SET purge_horizon = %s::text::xid8", (str(horizon),))
    return PurgeResult(horizon, horizon > before, purged)


def _purge_below(db: Any, horizon: int) -> dict[str, int]:
    """Delete the tombstones below `horizon` (inside the caller's owner transaction)."""

    def run(sql: str, n: int = 1) -> int:
        cur = db.execute_sql(sql, (str(horizon),) * n)
        return int(cur.rowcount or 0)

    old = "deleted AND txid < %s::text::xid8"
    cases = f"SELECT id FROM complaint WHERE {old}"
    out: dict[str, int] = {}
    out["complaint_access"] = run(f"DELETE FROM complaint_access WHERE complaint_id IN ({cases})")
    out["attachment"] = run(f"DELETE FROM attachment WHERE complaint_id IN ({cases}) OR ({old})", 2)
    out["complaint"] = run(f"DELETE FROM complaint WHERE {old}")
    for table, extra in _PURGEABLE:
        out[table] = run(f"DELETE FROM {table} t WHERE t.{old} {extra}")
    return {k: v for k, v in out.items() if v}

"""Where this PC's central connection lives: host, port, database, sslmode and CA file in
the app's settings (local database); the password only in the OS keyring (never in a
file). `LAPOR_CENTRAL_DSN` overrides the stored connection (operations and tests)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from lapor_desktop import credentials
from lapor_desktop.central import admin
from lapor_desktop.db import central as driver
from lapor_desktop.db.models import Setting

DSN_ENV = "LAPOR_CENTRAL_DSN"
KEYS = ("host", "port", "dbname", "user", "sslmode", "sslrootcert")
PREFIX = "central."


@dataclass(frozen=True)
class Connection:
    params: dict[str, str]

    @property
    def user(self) -> str:
        return self.params.get("user", "")

    def secret_name(self) -> str:
        p = self.params
        return f"central:{p.get('user', '')}@{p.get('host', '')}:{p.get('port', '')}/{p.get('dbname', '')}"  # noqa: E501

    def dsn(self, password: str | None) -> str:
        driver.load_driver()
        from psycopg.conninfo import make_conninfo

        extra = {"password": password} if password else {}
        return make_conninfo(**self.params, **extra)


def parse(dsn: str) -> Connection:
    """The stored part of a DSN (no password); SyncError-free: admin's check is reused."""
    driver.load_driver()
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {k: str(v) for k, v in conninfo_to_dict(dsn).items() if k in KEYS}
    except Exception as exc:
        raise admin.CentralError(f"Alamat server pusat tidak sah: {exc}") from None
    if not params.get("user"):
        raise admin.CentralError(
            "Alamat server pusat tidak menyebut nama login (postgresql://NAMA@HOST/DB)."
        )
    if not params.get("dbname"):
        raise admin.CentralError("Alamat server pusat tidak menyebut basis data.")
    return Connection(params)


def password_in(dsn: str) -> str | None:
    driver.load_driver()
    from psycopg.conninfo import conninfo_to_dict

    value = conninfo_to_dict(dsn).get("password")
    return None if value is None else str(value)


def save(conn: Connection) -> None:
    """Write the settings (caller holds the IMMEDIATE transaction)."""
    for key in KEYS:
        value = conn.params.get(key)
        if value is None:
            Setting.delete().where(Setting.key == PREFIX + key).execute()
        else:
            Setting.insert(key=PREFIX + key, value=value).on_conflict_replace().execute()


def load() -> Connection | None:
    """The connection to use: LAPOR_CENTRAL_DSN, else the stored settings, else None."""
    override = os.environ.get(DSN_ENV, "").strip()
    if override:
        return parse(override)
    rows = Setting.select().where(Setting.key.startswith(PREFIX))
    params = {r.key.removeprefix(PREFIX): r.value for r in rows}
    return Connection(params) if params.get("user") else None


def remember_password(conn: Connection, password: str) -> bool:
    """Into the keyring; False (not stored, asked next time) when there is no keyring."""
    try:
        credentials.store_secret(conn.secret_name(), password)
    except credentials.KeyringUnavailable:
        return False
    return True


def stored_password(conn: Connection) -> str | None:
    try:
        return credentials.get_secret(conn.secret_name())
    except credentials.KeyringUnavailable:
        return None

"""Secrets in the OS keyring: the database key, later the central password and certificate
passphrases. Nothing here ever writes a secret to a file, a log or the database.

When no keyring backend works (a server without Secret Service, say), callers fall back to
asking a person: `LAPOR_DB_KEY` or a prompt on the command line, a dialog in the GUI.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "lapor-desktop"


class KeyringUnavailable(Exception):
    """No usable OS keyring: ask the person for the secret instead."""


def new_raw_key() -> str:
    """A random 256-bit SQLCipher key in raw form (`x'…'`), skipping the slow passphrase KDF."""
    return "x'" + secrets.token_hex(32).upper() + "'"


def _db_account(db_file: Path) -> str:
    # One entry per database file, so two data dirs on one PC don't share a key.
    digest = hashlib.sha256(str(db_file.resolve()).encode()).hexdigest()[:16]
    return f"db-key:{digest}"


def backend_name() -> str:
    kr = keyring.get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def get_db_key(db_file: Path) -> str | None:
    """The key kept for this database, None when none is stored.

    Raises KeyringUnavailable when there is no working keyring at all.
    """
    try:
        return keyring.get_password(SERVICE, _db_account(db_file))
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def store_db_key(db_file: Path, key: str) -> None:
    try:
        keyring.set_password(SERVICE, _db_account(db_file), key)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def forget_db_key(db_file: Path) -> None:
    try:
        keyring.delete_password(SERVICE, _db_account(db_file))
    except KeyringError:
        log.info("no stored database key to forget")


def keyring_usable() -> bool:
    try:
        keyring.get_password(SERVICE, "probe")
    except KeyringError:
        return False
    return True


# ---------------------------------------------------------------- other secrets by name


def get_secret(name: str) -> str | None:
    """A named secret (e.g. `sign:PUPR:…`, a certificate passphrase), None when none is
    stored. Raises KeyringUnavailable when there is no working keyring at all."""
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def store_secret(name: str, value: str) -> None:
    """Keep a named secret in the OS keyring; KeyringUnavailable when there is none."""
    try:
        keyring.set_password(SERVICE, name, value)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def forget_secret(name: str) -> bool:
    """Delete a named secret; False when none was stored. KeyringUnavailable when there
    is no working keyring at all."""
    try:
        keyring.delete_password(SERVICE, name)
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc
    return True

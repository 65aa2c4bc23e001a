"""Users, sign-in and passwords (argon2; 5 failures lock an account for 15 minutes)."""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lapor_desktop.db.models import Office, User, database_proxy
from lapor_desktop.domain.workflow import OPD_ROLES, Role
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import (
    AccountLocked,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from lapor_desktop.services.text import checked_text

log = logging.getLogger(__name__)

MAX_FAILED = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
# Roles a person can hold (SYSTEM is the deadlines engine).
PERSON_ROLES = tuple(r for r in Role if r is not Role.SYSTEM)

_hasher = PasswordHasher()  # argon2id, the library's recommended (RFC 9106 low-memory) cost


def use_hash_cost(time_cost: int, memory_cost_kib: int) -> None:
    """Change the argon2 cost of new hashes (tests use a cheap one; existing hashes still
    verify, and are re-hashed at the next sign-in)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=1)


@dataclass(frozen=True)
class UserRow:
    username: str
    full_name: str
    role: str
    office_code: str
    office_name: str
    active: bool
    locked_until: datetime | None
    must_change_password: bool = False  # the initial or reset password is still in use


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD} karakter.", "password")
    if password.strip() != password or not password.isprintable():
        raise ValidationError(
            "Kata sandi tidak boleh diawali/diakhiri spasi atau berisi karakter kontrol.",
            "password",
        )


def session_for(user: User) -> Session:
    office: Office = user.office
    return Session(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        office_id=office.id,
        office_code=office.code,
        office_name=office.name,
        office_kind=office.kind,
        must_change_password=user.must_change_password,
    )


_dummy_hash: tuple[PasswordHasher, str] | None = None


def _dummy_verify(password: str) -> None:
    """An unknown user costs what a wrong password costs: one argon2 verification (against
    a hash of the current cost), so the time does not tell which names exist."""
    global _dummy_hash
    if _dummy_hash is None or _dummy_hash[0] is not _hasher:
        _dummy_hash = (_hasher, _hasher.hash(uuid.uuid4().hex))
    with contextlib.suppress(VerificationError, InvalidHashError):
        _hasher.verify(_dummy_hash[1], password)


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def password_verifies(password_hash: str, password: str) -> bool:
    """Whether `password` matches an argon2 hash (False for an unusable one)."""
    return _verifies(password_hash, password)


def _locked_message(locked_until: datetime, now: datetime) -> str:
    minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
    return (
        f"Akun terkunci karena {MAX_FAILED} kali salah kata sandi. "
        f"Coba lagi dalam {minutes} menit atau hubungi administrator sistem."
    )


def _logs_refusal(fn: Callable[[Ctx, str, str], Session]) -> Callable[[Ctx, str, str], Session]:
    """A refused sign-in is logged without the name typed: it may be a password typed into
    the wrong field (a known user's failure is logged by its audit entry)."""

    @functools.wraps(fn)
    def signing_in(ctx: Ctx, username: str, password: str) -> Session:
        try:
            return fn(ctx, username, password)
        except PermissionDenied as exc:
            log.info("sign-in refused (%s)", type(exc).__name__)
            raise

    return signing_in


@_logs_refusal
def sign_in(ctx: Ctx, username: str, password: str) -> Session:
    """Check the password; count failures; lock after MAX_FAILED for LOCK_MINUTES.

    An unknown name and a wrong password get the same answer (type, message, about the
    same time). The slow part — argon2 — runs outside any transaction; only the outcome is
    written, in a write transaction taken up front (BEGIN IMMEDIATE), on a fresh read of
    the account (another process may have counted a failure meanwhile)."""
    now = ctx.clock.now()
    refused = "Nama pengguna atau kata sandi salah."
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None:
        _dummy_verify(password)
        # Written like a wrong password's count (same cost, so the time tells nothing),
        # and worth keeping: attempts on names that do not exist. Never the typed name —
        # it may be a password typed into the wrong field.
        with database_proxy.atomic("IMMEDIATE"):
            audit(ctx.as_user(None), "login_gagal", "user", "", "nama pengguna tidak dikenal")
        raise PermissionDenied(refused)
    if user.locked_until and user.locked_until > now:
        raise AccountLocked(_locked_message(user.locked_until, now))
    checked_hash = user.password_hash
    ok = _verifies(checked_hash, password)
    new_hash = hash_password(password) if ok and _hasher.check_needs_rehash(checked_hash) else None
    locked = False
    with database_proxy.atomic("IMMEDIATE"):
        user = User.get_or_none(User.id == user.id)
        if user is None:
            raise PermissionDenied(refused)
        if user.locked_until and user.locked_until > now:
            raise AccountLocked(_locked_message(user.locked_until, now))
        if user.password_hash != checked_hash:
            # Changed meanwhile (a re-hash at another sign-in, a new password): check
            # against what the account holds now. Rare; only then argon2 runs under the lock.
            ok, new_hash = _verifies(user.password_hash, password), None
        if ok and not user.active:
            raise PermissionDenied("Akun ini dinonaktifkan. Hubungi administrator sistem.")
        if not ok:
            # Recorded and committed before refusing: a failed attempt must count.
            user.failed_attempts += 1
            locked = user.failed_attempts >= MAX_FAILED
            if locked:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_attempts = 0
            user.save()
            audit(
                ctx.as_user(None),
                "login_gagal",
                "user",
                user.username,
                "akun dikunci" if locked else "",
            )
        else:
            user.failed_attempts = 0
            user.locked_until = None
            if new_hash is not None:
                user.password_hash = new_hash
            user.save()
            session = session_for(user)
            audit(ctx.as_user(session), "login", "user", user.username)
    if not ok:
        if locked:
            raise AccountLocked(
                f"Akun terkunci selama {LOCK_MINUTES} menit karena {MAX_FAILED} kali "
                "salah kata sandi."
            )
        raise PermissionDenied(refused)
    return session


def _office(code: str) -> Office:
    office = Office.get_or_none(Office.code == code.strip().upper())
    if office is None:
        raise NotFound(f"Kantor/OPD dengan kode '{code}' tidak ditemukan.")
    return office


def add_user(
    ctx: Ctx,
    username: str,
    *,
    role: str,
    office_code: str,
    password: str,
    full_name: str = "",
    nip: str = "",
    must_change_password: bool = True,
) -> UserRow:
    """A system admin makes an account. The person changes the initial password at the
    first sign-in unless the admin says otherwise (`must_change_password=False`)."""
    ctx.require(Role.SYS_ADMIN)
    return create_user_unchecked(
        ctx, username, role, office_code, password, full_name, nip, must_change_password
    )


def create_user_unchecked(
    ctx: Ctx,
    username: str,
    role: str,
    office_code: str,
    password: str,
    full_name: str = "",
    nip: str = "",
    must_change_password: bool = False,
) -> UserRow:
    """Create a user without a role check: only for `init` (the first admin) and demo data."""
    name = username.strip().lower()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "Nama pengguna 2–60 karakter: huruf kecil, angka, titik, garis bawah atau strip.",
            "username",
        )
    full_name = checked_text(
        full_name, field="full_name", label="Nama lengkap", max_len=120, single_line=True
    )
    nip = checked_text(nip, field="nip", label="NIP", max_len=30, single_line=True)
    try:
        role_enum = Role(role.strip().upper())
    except ValueError:
        raise ValidationError(
            f"Peran '{role}' tidak dikenal. Pilihan: {', '.join(r.value for r in PERSON_ROLES)}.",
            "role",
        ) from None
    if role_enum is Role.SYSTEM:
        raise ValidationError("Peran SYSTEM tidak untuk pengguna.", "role")
    office = _office(office_code)
    if role_enum in OPD_ROLES and office.kind != "opd":
        raise ValidationError("Peran OPD harus berada di kantor OPD.", "office")
    if role_enum not in OPD_ROLES and role_enum is not Role.AUDITOR and office.kind != "kabupaten":
        raise ValidationError(
            f"Peran {role_enum.label} harus berada di kantor admin kabupaten.", "office"
        )
    check_password_strength(password)
    password_hash = hash_password(password)  # argon2 before the write lock, not under it
    with database_proxy.atomic("IMMEDIATE"):
        if User.select().where(User.username == name).exists():
            raise ValidationError(f"Nama pengguna '{name}' sudah dipakai.", "username")
        user = User.create(
            id=uuid.uuid4(),
            username=name,
            full_name=full_name or name,
            nip=nip,
            role=role_enum.value,
            office=office,
            password_hash=password_hash,
            must_change_password=must_change_password,
            created_at=ctx.clock.now(),
        )
        audit(ctx, "user_tambah", "user", name, f"{role_enum.value} @ {office.code}")
    return _row(user)


def _row(user: User) -> UserRow:
    return UserRow(
        user.username,
        user.full_name,
        user.role,
        user.office.code,
        user.office.name,
        user.active,
        user.locked_until,
        user.must_change_password,
    )


def list_users(ctx: Ctx) -> list[UserRow]:
    ctx.require(Role.SYS_ADMIN, Role.AUDITOR)
    q = User.select(User, Office).join(Office).order_by(User.username)
    return [_row(u) for u in q]


def _get(username: str) -> User:
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None:
        raise NotFound(f"Pengguna '{username}' tidak ditemukan.")
    return user


def disable_user(ctx: Ctx, username: str) -> None:
    s = ctx.require(Role.SYS_ADMIN)
    with database_proxy.atomic("IMMEDIATE"):
        user = _get(username)
        if user.id == s.user_id:
            raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.", "username")
        user.active = False
        user.save()
        audit(ctx, "user_nonaktif", "user", user.username)


def enable_user(ctx: Ctx, username: str) -> None:
    ctx.require(Role.SYS_ADMIN)
    with database_proxy.atomic("IMMEDIATE"):
        user = _get(username)
        user.active = True
        user.failed_attempts = 0
        user.locked_until = None
        user.save()
        audit(ctx, "user_aktif", "user", user.username)


def reset_password(
    ctx: Ctx, username: str, new_password: str, must_change_password: bool = True
) -> None:
    """A system admin sets a new password; the user must change it at next sign-in (unless
    `must_change_password=False`)."""
    ctx.require(Role.SYS_ADMIN)
    check_password_strength(new_password)
    new_hash = hash_password(new_password)  # argon2 before the write lock, not under it
    with database_proxy.atomic("IMMEDIATE"):
        user = _get(username)
        user.password_hash = new_hash
        user.failed_attempts = 0
        user.locked_until = None
        user.must_change_password = must_change_password
        user.save()
        audit(ctx, "user_reset_sandi", "user", user.username)


def change_password(ctx: Ctx, old_password: str, new_password: str) -> Session:
    s = ctx.signed_in()
    check_password_strength(new_password)
    if old_password == new_password:
        raise ValidationError("Kata sandi baru harus berbeda dari yang lama.", "password")
    # argon2 (twice) before the write lock, not under it; the hash checked must still be
    # the account's when the change is written.
    checked_hash = User.get_by_id(s.user_id).password_hash
    try:
        _hasher.verify(checked_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise ValidationError("Kata sandi lama salah.", "old_password") from None
    new_hash = hash_password(new_password)
    with database_proxy.atomic("IMMEDIATE"):
        user = User.get_by_id(s.user_id)
        if user.password_hash != checked_hash:
            raise ValidationError("Kata sandi lama salah.", "old_password")
        user.password_hash = new_hash
        user.must_change_password = False
        user.save()
        audit(ctx, "user_ganti_sandi", "user", user.username)
        return session_for(user)


def sign_out(ctx: Ctx) -> None:
    """The person leaves (GUI sign-out or exit, end of a CLI command): logged, nothing
    written to the database."""
    s = ctx.session
    if s is not None:
        log.info("sign-out %s", s.username)

"""The signed-in person and the central server (issue 17): sign-in online when the server
answers, offline with the cached argon2 hash when it does not; the DSN a person syncs with.

- At sign-in on a joined PC the central server is asked first (a short connect timeout). It
  is the authority while it answers: a password changed centrally works at once (and is
  cached as the new local hash), the old one is refused, a disabled login is refused.
- When the server cannot be reached the local hash decides (the one cached at the last
  online sign-in): people keep working while the link is down.
- The password typed at sign-in is held in memory for the session (the background sync
  connects with it); it is never written anywhere.
No Qt here: the GUI calls these on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lapor_desktop.db.models import SyncState, User, database_proxy
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import PermissionDenied
from lapor_desktop.sync import settings
from lapor_desktop.sync.link import LoginDisabled, SyncError, open_link

ONLINE_TIMEOUT_S = 5  # sign-in waits at most this long for the server


class Reach(StrEnum):
    LOCAL = "local"  # this PC never joined a central server
    ONLINE = "online"  # the server accepted the login
    OFFLINE = "offline"  # the server could not be reached: the local hash decided


@dataclass(frozen=True)
class SignedIn:
    session: Session
    reach: Reach
    note: str = ""  # why offline (the server's problem, in Indonesian)


def joined() -> bool:
    state = SyncState.get_or_none(SyncState.id == 1)
    return bool(state and state.login) and settings.load() is not None


def person_dsn(username: str, password: str, timeout: int | None = None) -> str:
    """The stored connection with this person's login and password."""
    conn = settings.load()
    if conn is None:
        raise SyncError("Komputer ini belum bergabung dengan server pusat.")
    params = {**conn.params, "user": username.strip().lower()}
    if timeout is not None:
        params["connect_timeout"] = str(timeout)
    return settings.Connection(params).dsn(password)


def check_login(username: str, password: str, timeout: int = ONLINE_TIMEOUT_S) -> None:
    """Connect as the person and ask who they are. Raises LoginDisabled, a SyncError saying
    the password is wrong, or a SyncError saying the server is unreachable."""
    link = open_link(person_dsn(username, password, timeout))
    try:
        try:
            link.me()
        except SyncError:
            raise
        except Exception as exc:
            from lapor_desktop.sync.link import problem

            raise SyncError(problem(exc)) from None
    finally:
        link.close()


def _wrong_password(message: str) -> bool:
    return "kata sandi salah" in message


def cache_password(username: str, password: str) -> None:
    """The argon2 hash of a password the server just accepted becomes the local one (when it
    differs): offline sign-in works with it, the old password no longer does."""
    from lapor_desktop.services.users import hash_password, password_verifies

    user = User.get_or_none(User.username == username.strip().lower())
    if user is None or password_verifies(user.password_hash, password):
        return
    new_hash = hash_password(password)  # slow: outside the write transaction
    with database_proxy.atomic("IMMEDIATE"):
        User.update(password_hash=new_hash, failed_attempts=0, locked_until=None).where(
            User.id == user.id
        ).execute()


def sign_in(ctx: Ctx, username: str, password: str) -> SignedIn:
    """Sign in on this PC: online when joined and the server answers, else offline."""
    from lapor_desktop.services import users

    if not joined():
        return SignedIn(users.sign_in(ctx, username, password), Reach.LOCAL)
    try:
        check_login(username, password)
    except LoginDisabled:
        raise PermissionDenied(
            "Login Anda dinonaktifkan di server pusat. Hubungi administrator sistem; "
            "pekerjaan yang belum terkirim tetap tersimpan di komputer ini."
        ) from None
    except SyncError as exc:
        if _wrong_password(exc.message):
            # The server is the authority while it answers (a password changed centrally).
            users.sign_in(ctx, username, "\x00wrong")  # counted like any wrong password
            raise PermissionDenied("Nama pengguna atau kata sandi salah.") from None
        return SignedIn(users.sign_in(ctx, username, password), Reach.OFFLINE, exc.message)
    cache_password(username, password)
    return SignedIn(users.sign_in(ctx, username, password), Reach.ONLINE)


# ---------------------------------------------------------------- connection settings

SSL_MODES = ("verify-full", "verify-ca", "require", "prefer", "disable")


def connection_params() -> dict[str, str]:
    """The stored connection (for the settings form), without a password."""
    conn = settings.load()
    return dict(conn.params) if conn else {}


def checked_params(params: dict[str, str]) -> settings.Connection:
    from lapor_desktop.central import admin
    from lapor_desktop.services.errors import ValidationError

    clean = {k: str(v).strip() for k, v in params.items() if k in settings.KEYS and str(v).strip()}
    if clean.get("sslmode", "prefer") not in SSL_MODES:
        raise ValidationError("Mode TLS tidak dikenal.", field="sslmode")
    if not clean.get("host"):
        raise ValidationError("Host server pusat wajib diisi.", field="host")
    try:
        return settings.parse(settings.Connection(clean).dsn(None))
    except admin.CentralError as exc:
        raise ValidationError(exc.message) from None


def test_connection(params: dict[str, str], password: str) -> None:
    """Connect with these settings as their login (SyncError with the reason if not)."""
    conn = checked_params(params)
    link = open_link(settings.Connection({**conn.params, "connect_timeout": "5"}).dsn(password))
    try:
        link.me()
    finally:
        link.close()


def save_connection(ctx: Ctx, params: dict[str, str], password: str) -> bool:
    """The system admin changes this PC's connection: the settings in one transaction, the
    password (if given) into the OS keyring. False when there is no keyring: the password
    is then asked again, never written to a file."""
    from lapor_desktop.domain.workflow import Role
    from lapor_desktop.services.audit import audit

    if ctx.user().role != Role.SYS_ADMIN:
        raise PermissionDenied("Hanya administrator sistem yang mengubah koneksi server pusat.")
    conn = checked_params(params)
    with database_proxy.atomic("IMMEDIATE"):
        settings.save(conn)
        audit(ctx, "koneksi_pusat", "setting", "central", conn.secret_name())
    if not password:
        return settings.stored_password(conn) is not None
    return settings.remember_password(conn, password)


# ---------------------------------------------------------------- joining from the app


def join_from_app(
    data_dir: Any,
    params: dict[str, str],
    password: str,
    ask_db_secret: Callable[[bool], str],
    progress: Callable[[str], None],
) -> str:
    """The first-run wizard's "Gabung ke server kabupaten": a new PC joins (engine.join);
    a join cancelled or broken during its first pull is resumed from where it stopped
    (the checkpoint only moves forward). Returns the login, for the sign-in."""
    from lapor_desktop.services import storage

    conn = checked_params(params)
    if not password:
        from lapor_desktop.services.errors import ValidationError

        raise ValidationError("Kata sandi wajib diisi.", field="password")
    dsn = conn.dsn(password)
    ctx = Ctx(data_dir=data_dir)
    if not storage.database_exists(data_dir):
        from lapor_desktop.sync import engine

        return engine.join(ctx, dsn, password, ask_db_secret, progress).username
    store = storage.open_database(data_dir, ask_db_secret)
    try:
        state = SyncState.get_or_none(SyncState.id == 1)
        if state is None or state.login != conn.user:
            raise SyncError(
                "Basis data lokal sudah ada di folder data ini; bergabung hanya untuk "
                "komputer baru."
            )
        from lapor_desktop.sync import engine

        progress("Melanjutkan penerimaan data…")
        engine.sync(ctx, lambda _u: password, progress, dsn=dsn)
        cache_password(conn.user, password)
    finally:
        store.close()
    settings.remember_password(conn, password)
    return conn.user


def discard_partial_join(data_dir: Any) -> None:
    """The wizard was closed after a cancelled or broken join: its half-filled database
    goes (nothing of anyone's work is in it: it held only what the server sent), so the
    next start offers the wizard again instead of a sign-in nobody can pass."""
    from lapor_desktop import paths

    db_file = paths.db_path(data_dir)
    for path in (db_file, db_file.with_name(db_file.name + "-wal"),
                 db_file.with_name(db_file.name + "-shm")):  # fmt: skip
        path.unlink(missing_ok=True)


def release_thread_connection() -> None:
    """On a worker that is about to end (the app's sync thread): close its own database
    connection (peewee keeps one per thread; it is not closed for it otherwise)."""
    try:
        if not database_proxy.is_closed():
            database_proxy.close()
    except Exception:  # the database already closed or never opened on this thread
        pass

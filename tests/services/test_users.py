"""Sign-in, lock-out, password change, and what a system admin does with users."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

import pytest

from lapor_desktop.db.models import AuditLog, User, database_proxy
from lapor_desktop.services import users
from lapor_desktop.services.errors import (
    AccountLocked,
    PermissionDenied,
    ValidationError,
)

from .conftest import PASSWORD, World


def test_five_failures_lock_for_fifteen_minutes(world: World) -> None:
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="salah"):
            users.sign_in(world.base, "loket", "keliru-keliru")
    with pytest.raises(AccountLocked, match="15 menit"):
        users.sign_in(world.base, "loket", "keliru-keliru")
    with pytest.raises(AccountLocked):  # even the right password, while locked
        users.sign_in(world.base, "loket", PASSWORD)
    world.clock.advance(minutes=14)
    with pytest.raises(AccountLocked, match="1 menit"):
        users.sign_in(world.base, "loket", PASSWORD)
    world.clock.advance(minutes=1, seconds=1)
    assert users.sign_in(world.base, "loket", PASSWORD).username == "loket"
    assert AuditLog.select().where(AuditLog.event == "login_gagal").count() == 5


def test_success_resets_the_failure_count(world: World) -> None:
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            users.sign_in(world.base, "admin", "salah-salah")
    users.sign_in(world.base, "admin", PASSWORD)
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            users.sign_in(world.base, "admin", "salah-salah")
    assert users.sign_in(world.base, "Admin ", PASSWORD).username == "admin"


def test_unknown_user_and_wrong_password_look_the_same(world: World) -> None:
    with pytest.raises(PermissionDenied) as a:
        users.sign_in(world.base, "tidak-ada", PASSWORD)
    with pytest.raises(PermissionDenied) as b:
        users.sign_in(world.base, "loket", "salah-salah")
    assert a.value.message == b.value.message
    assert type(a.value) is type(b.value)


def test_unknown_user_takes_as_long_as_a_wrong_password(world: World) -> None:
    # At a cost where argon2 dominates (as in production), an unknown name must not answer
    # faster than a wrong password: that would tell which names exist.
    users.use_hash_cost(time_cost=2, memory_cost_kib=16 * 1024)
    try:
        with database_proxy.atomic("IMMEDIATE"):
            User.update(password_hash=users.hash_password(PASSWORD)).where(
                User.username == "loket"
            ).execute()

        def seconds(name: str, password: str) -> float:
            started = time.perf_counter()
            with pytest.raises(PermissionDenied):
                users.sign_in(world.base, name, password)
            return time.perf_counter() - started

        seconds("tidak-ada", PASSWORD)  # warm-up (the dummy hash is made once)
        # Interleaved, and the median of each: a busy machine slows both alike.
        unknown: list[float] = []
        wrong: list[float] = []
        for i in range(6):
            unknown.append(seconds(f"tidak-ada-{i}", PASSWORD))
            wrong.append(seconds("loket", "salah-salah"))
            if i == 3:  # stay below the lock-out (5 failures)
                with database_proxy.atomic("IMMEDIATE"):
                    User.update(failed_attempts=0).where(User.username == "loket").execute()
        ratio = statistics.median(unknown) / statistics.median(wrong)
        assert 0.5 < ratio < 2, (unknown, wrong)
    finally:
        users.use_hash_cost(time_cost=1, memory_cost_kib=1024)  # the suite's cost (conftest)


def test_password_change(world: World) -> None:
    ctx = world.as_("loket")
    with pytest.raises(ValidationError, match="lama salah"):
        users.change_password(ctx, "salah-salah", "baru-sekali-1")
    with pytest.raises(ValidationError, match="minimal"):
        users.change_password(ctx, PASSWORD, "pendek")
    users.change_password(ctx, PASSWORD, "baru-sekali-1")
    with pytest.raises(PermissionDenied):
        users.sign_in(world.base, "loket", PASSWORD)
    assert users.sign_in(world.base, "loket", "baru-sekali-1").username == "loket"


def test_sysadmin_disables_and_resets(world: World) -> None:
    root = world.as_("sysadmin")
    users.disable_user(root, "pupr")
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        users.sign_in(world.base, "pupr", PASSWORD)
    users.enable_user(root, "pupr")
    users.reset_password(root, "pupr", "sementara-123")
    s = users.sign_in(world.base, "pupr", "sementara-123")
    assert s.must_change_password
    with pytest.raises(ValidationError):
        users.disable_user(root, "sysadmin")
    for other in ("admin", "loket", "inspektur"):
        with pytest.raises(PermissionDenied):
            users.disable_user(world.as_(other), "pupr")
    assert {u.username for u in users.list_users(root)} >= {"pupr", "loket", "root"}


@pytest.mark.parametrize(
    ("name", "role", "office", "field"),
    [
        ("Bad Name!", "FRONT_DESK", "DISKOMINFOSANDI", "username"),
        ("x1", "KING", "DISKOMINFOSANDI", "role"),
        ("x2", "OPD_ADMIN", "DISKOMINFOSANDI", "office"),
        ("x3", "ADMIN_KABUPATEN", "PUPR", "office"),
        ("loket", "FRONT_DESK", "DISKOMINFOSANDI", "username"),
        ("x4", "SYSTEM", "DISKOMINFOSANDI", "role"),
    ],
)
def test_add_user_validation(world: World, name: str, role: str, office: str, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        users.add_user(
            world.as_("sysadmin"), name, role=role, office_code=office, password=PASSWORD
        )
    assert exc.value.field == field


def test_lock_expiry_uses_the_injected_clock(world: World) -> None:
    start = world.clock.now()
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            users.sign_in(world.base, "dinkes", "salah-salah")
    world.clock.at = start + timedelta(minutes=16)
    users.sign_in(world.base, "dinkes", PASSWORD)


def test_reset_password_must_be_changed_before_casework(world: World) -> None:
    from lapor_desktop.services import cases

    users.reset_password(world.as_("sysadmin"), "admin", "sementara-123")
    ctx = world.base.as_user(users.sign_in(world.base, "admin", "sementara-123"))
    with pytest.raises(PermissionDenied, match="ganti kata sandi"):
        cases.list_cases(ctx)
    ctx = ctx.as_user(users.change_password(ctx, "sementara-123", "baru-sekali-9"))
    assert cases.list_cases(ctx).rows == []


def test_an_account_made_by_the_admin_changes_its_initial_password(world: World) -> None:
    from lapor_desktop.services import cases

    root = world.as_("sysadmin")
    row = users.add_user(
        root, "siti", role="FRONT_DESK", office_code="DISKOMINFOSANDI", password="awal-sekali-1"
    )
    assert row.must_change_password
    ctx = world.base.as_user(users.sign_in(world.base, "siti", "awal-sekali-1"))
    assert ctx.signed_in().must_change_password
    with pytest.raises(PermissionDenied, match="ganti kata sandi"):
        cases.list_cases(ctx)
    ctx = ctx.as_user(users.change_password(ctx, "awal-sekali-1", "milik-siti-22"))
    assert not ctx.signed_in().must_change_password
    assert not {u.username: u for u in users.list_users(root)}["siti"].must_change_password


def test_the_admin_may_untick_the_change_at_creation_and_reset(world: World) -> None:
    root = world.as_("sysadmin")
    users.add_user(
        root,
        "budi",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password="awal-sekali-1",
        must_change_password=False,
    )
    assert not users.sign_in(world.base, "budi", "awal-sekali-1").must_change_password
    users.reset_password(root, "budi", "reset-sekali-2", must_change_password=False)
    assert not users.sign_in(world.base, "budi", "reset-sekali-2").must_change_password
    users.reset_password(root, "budi", "reset-sekali-3")  # by default: changed at next sign-in
    assert users.sign_in(world.base, "budi", "reset-sekali-3").must_change_password

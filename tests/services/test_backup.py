"""Backups and restore: encrypted, online, owner-only, kept N days; restore refuses what is
not a good backup of this application and never loses the current database."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lapor_desktop import paths
from lapor_desktop.db import snapshot
from lapor_desktop.db.models import Complaint, database_proxy
from lapor_desktop.services import backup, storage
from lapor_desktop.services.errors import KeyRefused, PermissionDenied, ServiceError
from tests.services.conftest import NIK, World, build_world


def _key(world: World) -> str:
    return str(database_proxy.obj.connect_params["passphrase"])


def _live(world: World) -> Path:
    return paths.db_path(world.data_dir)


def _tickets(path: Path, key: str) -> set[str]:
    with snapshot.opened(path, key) as conn:
        return {r[0] for r in conn.execute("SELECT ticket FROM complaint")}


def _damage(data: bytes) -> bytes:
    """Every page but the first hurt (so whatever SQLite reads fails its HMAC)."""
    out = bytearray(data)
    for page in range(1, len(out) // 4096):
        out[page * 4096 + 100 : page * 4096 + 132] = bytes(32)
    return bytes(out)


def _leftovers(data_dir: Path) -> list[str]:
    found = []
    for d in (data_dir, paths.backups_dir(data_dir)):
        if d.is_dir():
            found += [p.name for p in d.iterdir() if p.name.endswith((".tmp", "-journal"))]
    return found


def test_backup_is_encrypted_private_and_whole(world: World) -> None:
    ticket = world.new_case(title="Jembatan Sungai Kampar runtuh")
    row = backup.make_backup(world.as_("sysadmin"))
    assert row.kind == backup.MANUAL and row.path.parent == paths.backups_dir(world.data_dir)
    data = row.path.read_bytes()
    for secret in (b"Siti Aminah", NIK.encode(), b"Jembatan Sungai Kampar", b"SQLite format"):
        assert secret not in data
    # The check above means something: the same words are in the database's plain pages.
    with snapshot.opened(row.path, _key(world), read_only=True) as conn:
        assert conn.execute("SELECT name FROM reporter").fetchone()[0] == "Siti Aminah"
    assert snapshot.check(row.path, _key(world)).schema_version >= 1
    assert ticket in _tickets(row.path, _key(world))
    if os.name == "posix":
        assert stat.S_IMODE(row.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(row.path.parent.stat().st_mode) == 0o700
    assert _leftovers(world.data_dir) == []
    assert [r.name for r in backup.list_backups(world.data_dir)] == [row.name]


def test_only_the_system_admin_backs_up_or_restores(world: World, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backup.make_backup(world.as_("admin"))
    with pytest.raises(PermissionDenied):
        backup.restore(world.as_("loket"), tmp_path / "x.db")
    with pytest.raises(PermissionDenied):
        backup.set_keep_count(world.as_("admin"), 3)
    # the automatic one is for whoever signs out
    assert backup.automatic_backup(world.as_("loket")).kind == backup.AUTO


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from lapor_desktop.db import snapshot
    conn = snapshot.connect(Path(sys.argv[1]), sys.argv[2])
    i = 0
    print("ready", flush=True)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO setting VALUES (?, ?)", (f"probe-a:{i}", "x" * 2000))
        conn.execute("INSERT INTO setting VALUES (?, ?)", (f"probe-b:{i}", "y" * 2000))
        conn.execute("COMMIT")
        i += 1
        time.sleep(0.002)  # a busy office, not a lock held without a break
    """
)


def test_backup_is_online_while_another_process_writes(world: World) -> None:
    for _ in range(30):
        world.new_case()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(_live(world)), _key(world)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        rows = [backup.make_backup(world.as_("sysadmin")) for _ in range(3)]
        assert writer.poll() is None  # it kept writing all along
    finally:
        writer.kill()
        writer.communicate()
    counts = []
    for row in rows:
        snapshot.check(row.path, _key(world))  # integrity_check passes
        with snapshot.opened(row.path, _key(world), read_only=True) as conn:
            a, b = conn.execute(
                "SELECT sum(key LIKE 'probe-a:%'), sum(key LIKE 'probe-b:%') FROM setting"
            ).fetchone()
        assert a == b  # every writer transaction whole or absent
        counts.append(a)
    assert counts[-1] > 0  # the writer's commits went on during the backups


def test_retention_keeps_the_newest_of_each_of_n_days(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    assert backup.keep_count(sysadmin) == backup.DEFAULT_KEEP
    backup.set_keep_count(sysadmin, 3)
    manual = backup.make_backup(sysadmin)
    assert backup.daily_backup_due(sysadmin)
    made = []
    for _day in range(5):
        for _ in range(2):
            made.append(backup.automatic_backup(sysadmin))
            world.clock.advance(minutes=30)
        assert not backup.daily_backup_due(sysadmin)
        world.clock.advance(days=1)
    assert backup.daily_backup_due(sysadmin)
    autos = [r for r in backup.list_backups(world.data_dir) if r.kind == backup.AUTO]
    # newest of each of the last 3 days (the second of each day)
    assert [r.name for r in autos] == [made[9].name, made[7].name, made[5].name]
    assert manual.path.exists()
    with pytest.raises(ServiceError):
        backup.set_keep_count(sysadmin, 0)


def test_restore_brings_back_the_backup_and_keeps_the_current(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    before = world.new_case(title="Sebelum cadangan")
    row = backup.make_backup(sysadmin)
    after = world.new_case(title="Setelah cadangan")
    result = backup.restore(sysadmin, row.path)
    assert not result.swapped_file
    tickets = {c.ticket for c in Complaint.select()}  # the bound connection sees it too
    assert before in tickets and after not in tickets
    assert result.previous_kept is not None and result.previous_kept.exists()
    assert after in _tickets(result.previous_kept, _key(world))
    snapshot.check(_live(world), _key(world), read_only=False)
    assert _leftovers(world.data_dir) == []


def _current_fingerprint(world: World) -> tuple[set[str], int]:
    return _tickets(_live(world), _key(world)), len(backup.list_backups(world.data_dir))


def test_restore_refuses_what_is_not_a_good_backup(world: World, tmp_path: Path) -> None:
    sysadmin = world.as_("sysadmin")
    world.new_case()
    good = backup.make_backup(sysadmin)
    fingerprint = _current_fingerprint(world)

    text = tmp_path / "catatan.txt"
    text.write_text("bukan cadangan\n" * 100)
    aligned_text = tmp_path / "catatan.db"
    aligned_text.write_bytes(b"bukan cadangan\n".ljust(4096, b" ") * 4)
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as c:
        c.execute("CREATE TABLE t (x)")
    foreign = tmp_path / "foreign.db"  # SQLCipher with this PC's key, another schema
    conn = snapshot.connect(foreign, _key(world))
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(_damage(good.path.read_bytes()))
    folder = tmp_path / "folder.db"
    folder.mkdir()
    cases: list[tuple[Path, str]] = [
        (text, "bukan cadangan"),
        (aligned_text, "bukan cadangan"),
        (plain, "tanpa enkripsi"),
        (foreign, "bukan cadangan LAPOR"),
        (damaged, "rusak"),
        (folder, "berkas biasa"),
        (tmp_path / "tidak-ada.db", "tidak ada"),
        (_live(world), "sedang dipakai"),
    ]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.db"
        os.mkfifo(fifo)
        cases.append((fifo, "berkas biasa"))
    for path, words in cases:
        with pytest.raises(ServiceError) as err:
            backup.restore(sysadmin, path, passphrase="frasa-sandi-apa-saja")
        assert words in err.value.message, (path.name, err.value.message)
        assert _current_fingerprint(world) == fingerprint, path.name
    assert _leftovers(world.data_dir) == []


def test_restore_from_another_pc_with_its_passphrase(
    world: World, tmp_path: Path, memory_keyring
) -> None:
    ticket = world.new_case(title="Dari kantor lama")
    out = tmp_path / "bawa.db"
    with pytest.raises(ServiceError):
        backup.export_backup(world.as_("sysadmin"), out, "pendek")
    backup.export_backup(world.as_("sysadmin"), out, "frasa-sandi-pindahan")
    assert b"Siti Aminah" not in out.read_bytes()
    with pytest.raises(ServiceError, match="tidak akan ditimpa"):
        backup.export_backup(world.as_("sysadmin"), out, "frasa-sandi-pindahan")
    with pytest.raises(ServiceError, match="tidak ada"):
        backup.export_backup(world.as_("sysadmin"), tmp_path / "x" / "y.db", "frasa-sandi-123")
    database_proxy.obj.close()

    # Another PC: its own database, its own random key in its own keyring entry.
    other, other_store = build_world(tmp_path / "pc-lain")
    try:
        sysadmin = other.as_("sysadmin")
        with pytest.raises(backup.BackupPassphraseNeeded):
            backup.restore(sysadmin, out)
        with pytest.raises(KeyRefused):
            backup.restore(sysadmin, out, passphrase="frasa-sandi-keliru")
        assert ticket not in {c.ticket for c in Complaint.select()}
        backup.restore(sysadmin, out, passphrase="frasa-sandi-pindahan")
        assert ticket in {c.ticket for c in Complaint.select()}
    finally:
        other_store.close()
    # and it opens the normal way, with that PC's keyring key
    reopened = storage.open_database(other.data_dir, lambda new: "tidak dipakai")
    try:
        assert reopened.key_in_keyring
        assert ticket in {c.ticket for c in Complaint.select()}
    finally:
        reopened.close()


def test_a_damaged_database_is_restored_from_the_newest_good_backup(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    first = world.new_case(title="Pertama")
    older = backup.automatic_backup(sysadmin)
    world.clock.advance(days=1)
    second = world.new_case(title="Kedua")
    newest = backup.automatic_backup(sysadmin)
    # the newest backup is damaged too: the older good one is chosen
    newest.path.write_bytes(_damage(newest.path.read_bytes()))
    key = _key(world)
    with pytest.raises(ServiceError, match="dapat dibuka"):
        backup.restore_unopened(world.data_dir, older.path, key)
    database_proxy.obj.close()
    live = _live(world)
    with snapshot.opened(live, key) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(live.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 4096] = os.urandom(4096)
    live.write_bytes(bytes(raw))
    assert backup.database_health(world.data_dir, key) is not backup.Health.OK

    good = backup.newest_good_backup(world.data_dir, key)
    assert good is not None and good.name == older.name
    result = backup.restore_unopened(world.data_dir, good.path, key)
    assert result.swapped_file and result.previous_kept is not None
    assert result.previous_kept.read_bytes()[:4096] == bytes(raw[:4096])  # kept as it was
    assert backup.database_health(world.data_dir, key) is backup.Health.OK
    tickets = _tickets(live, key)
    assert first in tickets and second not in tickets
    if os.name == "posix":
        assert stat.S_IMODE(live.stat().st_mode) == 0o600
    rows = backup.list_backups(world.data_dir)
    assert any(r.kind == backup.DAMAGED and not r.restorable for r in rows)


LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from lapor_desktop.db import snapshot
    conn = snapshot.connect(Path(sys.argv[1]), sys.argv[2])
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO setting VALUES ('pemegang-kunci', '1')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[3]))
    conn.execute("COMMIT")
    """
)


def test_restore_waits_for_another_writer(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    row = backup.make_backup(sysadmin)
    after = world.new_case(title="Sesudah")
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(_live(world)), _key(world), "2"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        backup.restore(sysadmin, row.path)
        waited = time.monotonic() - started
    finally:
        holder.communicate()
    assert holder.returncode == 0 and waited > 1.0
    assert after not in _tickets(_live(world), _key(world))


def test_delete_a_backup(world: World) -> None:
    row = backup.make_backup(world.as_("sysadmin"))
    with pytest.raises(PermissionDenied):
        backup.delete_backup(world.as_("admin"), row.name)
    with pytest.raises(ServiceError, match="tidak ditemukan"):
        backup.delete_backup(world.as_("sysadmin"), "../lapor.db")
    backup.delete_backup(world.as_("sysadmin"), row.name)
    assert not row.path.exists() and _live(world).exists()

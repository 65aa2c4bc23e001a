"""Attachments in sync against a real central PostgreSQL (SYNC.md): the rows travel with
the case, the content in verified chunks (resumable, stored once per sha256), fetched on
demand by a PC that may read the case, and sealed there like a local attachment."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.central.migrations.c0002_attachments import (
    CHUNK_BYTES,
    MAX_BLOB_BYTES,
    MAX_CHUNKS,
)
from lapor_desktop.db.models import Attachment, AttachmentContent, Complaint, SyncFailed
from lapor_desktop.services import attachments, cases, casework, intake, reporters
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.sync import attachments as remote
from lapor_desktop.sync import engine
from lapor_desktop.sync.link import SyncError
from tests.central.conftest import OPD_A, OPD_B, PASSWORD, _psycopg, to_disposed
from tests.central.test_rls import refused
from tests.sync.conftest import no_prompt
from tests.sync.test_cycle import _server

pytestmark = pytest.mark.postgres

PNG = b"\x89PNG\r\n\x1a\n"


def _settled(hub: Any) -> None:
    """Wait until every transaction of the cluster that began before now has ended: the
    feed's window ends at the snapshot's xmin, and other databases of a shared test cluster
    (CI runs several suites at once) hold it back for a moment. Then a join or a sync sees
    everything written before it."""
    owner = hub.shared("owner")
    (mark,) = owner.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()
    for _ in range(600):
        (low,) = owner.execute(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
        ).fetchone()
        if low > mark:
            return
        time.sleep(0.05)
    raise AssertionError("a transaction of the test cluster stays open")


def _join(hub: Any, office_pc: Any, who: str) -> Any:
    _settled(hub)
    return office_pc(who)


def _sync(hub: Any, pc: Any, progress: Any = None) -> engine.Summary:
    _settled(hub)
    if progress is None:
        return pc.sync()
    return engine.sync(pc.use(), no_prompt, progress)


def _file(folder: Path, name: str, size: int, seed: bytes | None = None) -> Path:
    """A PNG-looking file of `size` bytes (random, or repeatable from `seed`)."""
    body = os.urandom(size - len(PNG)) if seed is None else (seed * size)[: size - len(PNG)]
    path = folder / name
    path.write_bytes(PNG + body)
    return path


def _intake(ctx: Ctx, files: list[Path], nik: str, title: str = "Foto jalan") -> str:
    new = reporters.ReporterInput(nik=nik, name="Sari Pelapor", phone="0812 3333 4444")
    data = intake.ComplaintInput(
        reporter_nik=nik, title=title, body="Jalan berlubang.", channel="walk-in",
        klasifikasi="pengaduan", attachments=files,
    )  # fmt: skip
    result = intake.take_in(ctx, new, data)
    assert not result.refused_files, result.refused_files
    return result.ticket


def _views(ctx: Ctx, ticket: str) -> tuple[attachments.AttachmentView, ...]:
    return cases.get_case(ctx, ticket).attachments


def _blob_rows(hub: Any, sha: str) -> tuple[int, int, int]:
    """(blob rows, stored chunks, staged chunks of every login) for one sha, as the owner."""
    return (
        _server(hub, "SELECT count(*) FROM lapor.blob WHERE sha256 = %s", sha)[0][0],
        _server(hub, "SELECT count(*) FROM lapor.blob_chunk WHERE sha256 = %s", sha)[0][0],
        _server(hub, "SELECT count(*) FROM lapor.blob_upload WHERE sha256 = %s", sha)[0][0],
    )


def _chunk_sql(c: Any, sha: str, n: int, data: bytes, digest: str | None = None) -> None:
    c.execute(
        "INSERT INTO blob_upload (sha256, n, chunk_sha256, data) VALUES (%s, %s, %s, %s)",
        (sha, n, digest or hashlib.sha256(data).hexdigest(), data),
    )


def _upload_sql(c: Any, content: bytes) -> tuple[str, str]:
    """Stage every chunk and complete, as plain SQL; (sha, blob_complete's answer)."""
    sha = hashlib.sha256(content).hexdigest()
    for n in range(0, -(-len(content) // CHUNK_BYTES)):
        _chunk_sql(c, sha, n, content[n * CHUNK_BYTES : (n + 1) * CHUNK_BYTES])
    return sha, c.execute("SELECT blob_complete(%s, %s)", (sha, len(content))).fetchone()[0]


def _attach_sql(c: Any, cid: uuid.UUID, sha: str, size: int) -> None:
    c.execute(
        "INSERT INTO attachment (id, complaint_id, sha256, filename, mime, size, added_at) "
        "VALUES (%s, %s, %s, 'ktp.png', 'image/png', %s, localtimestamp)",
        (uuid.uuid4(), cid, sha, size),
    )


def test_a_photo_travels_desk_to_opd_fetched_on_demand_byte_for_byte(
    hub: Any, office_pc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = _file(tmp_path, "jalan.png", 3 * CHUNK_BYTES + 12345)
    desk = _join(hub, office_pc, "desk")
    ticket = _intake(desk.use(), [photo], nik="1401021203880101")
    assert engine.status().pending == 4  # reporter, complaint, INTAKE, attachment
    _sync(hub, desk)
    assert engine.status().pending == 0
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert _blob_rows(hub, sha) == (1, 4, 0)  # complete, stored, staging cleared
    admin = _join(hub, office_pc, "admin")
    actx = admin.use()
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    casework.dispose(actx, ticket, opd=OPD_A, note="Mohon dicek")
    _sync(hub, admin)

    opd = _join(hub, office_pc, "opd_a")
    octx = opd.use()
    (view,) = _views(octx, ticket)
    # Pulled: the row only, its content stays on the server until someone opens it.
    assert (view.filename, view.size, view.sha256) == ("jalan.png", photo.stat().st_size, sha)
    assert view.remote and not view.available
    assert AttachmentContent.select().count() == 0
    # Offline: a clear reason, nothing written.
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", hub.dsn(opd.login).replace("5432", "1"))
    with pytest.raises(ServiceError, match="Lampiran belum diunduh; sambungkan ke server"):
        attachments.content_of(octx, ticket, view.id)
    assert AttachmentContent.select().count() == 0
    monkeypatch.delenv("LAPOR_CENTRAL_DSN")
    # Online: fetched, verified, sealed in the encrypted database; then offline is fine.
    target = attachments.save_copy(octx, ticket, view.id, tmp_path / "salinan.png")
    assert target.read_bytes() == photo.read_bytes()
    assert bytes(AttachmentContent.get_by_id(sha).content) == photo.read_bytes()
    (view,) = _views(octx, ticket)
    assert view.available and not view.remote
    monkeypatch.setenv("LAPOR_CENTRAL_DSN", hub.dsn(opd.login).replace("5432", "1"))
    assert attachments.content_of(octx, ticket, view.id)[1] == photo.read_bytes()
    monkeypatch.delenv("LAPOR_CENTRAL_DSN")

    # The OPD adds its own photo; the regency fetches it the same way.
    reply = _file(tmp_path, "perbaikan.png", CHUNK_BYTES // 2)
    casework.start(octx, ticket)
    intake.add_attachments(octx, ticket, [reply])
    _sync(hub, opd)
    assert engine.status().pending == 0
    actx = admin.use()
    _sync(hub, admin)
    views = {v.filename: v for v in _views(actx, ticket)}
    assert views["perbaikan.png"].remote
    got = attachments.content_of(actx, ticket, views["perbaikan.png"].id)[1]
    assert got == reply.read_bytes()
    # The desk PC prefetches everything it holds but lacks (`sync fetch-attachments`).
    _sync(hub, desk)
    assert [v.remote for v in _views(desk.use(), ticket)] == [False, True]
    assert remote.prefetch(password=None) == (1, 0)
    assert remote.missing_content() == []


def test_an_upload_cut_midway_resumes_with_the_missing_chunks_only(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    scan = _file(tmp_path, "ktp.png", 5 * CHUNK_BYTES - 100)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    desk = _join(hub, office_pc, "desk")
    ctx = desk.use()
    ticket = _intake(ctx, [scan], nik="1401021203880102")
    sent: list[str] = []

    def cut_at_third(text: str) -> None:
        sent.append(text)
        if "potongan 3/5" in text:  # two chunks committed; the link dies now
            hub.shared("owner").execute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                "WHERE usename = %s",  # waits until the backend is gone
                (desk.login,),
            )

    with pytest.raises(SyncError, match="terputus"):
        _sync(hub, desk, cut_at_third)
    assert _blob_rows(hub, sha) == (0, 0, 2)  # half-sent: staged, never complete
    assert _server(hub, "SELECT count(*) FROM lapor.attachment WHERE sha256 = %s", sha) == [(0,)]
    with hub.conn("desk") as c:  # the pusher's own login sees no blob either
        assert c.execute("SELECT count(*) FROM blob WHERE sha256 = %s", (sha,)).fetchone() == (0,)
    assert Attachment.get(Attachment.sha256 == sha).pushed_at is None
    assert engine.status().pending == 1

    sent.clear()
    _sync(hub, desk, sent.append)
    chunks = [t for t in sent if "potongan" in t]
    assert chunks == [f"Mengirim lampiran: potongan {n}/5…" for n in (3, 4, 5)]
    assert _blob_rows(hub, sha) == (1, 5, 0)
    assert engine.status().pending == 0
    stored = _server(
        hub, "SELECT string_agg(data, ''::bytea ORDER BY n) FROM lapor.blob_chunk "
        "WHERE sha256 = %s", sha,
    )  # fmt: skip
    assert bytes(stored[0][0]) == scan.read_bytes()
    assert Complaint.get(Complaint.ticket == ticket).pushed_at is not None


def test_a_corrupted_chunk_is_refused_and_a_forged_whole_never_completes(hub: Any) -> None:
    content = PNG + os.urandom(CHUNK_BYTES + 500)
    sha = hashlib.sha256(content).hexdigest()
    with hub.conn("desk") as c:
        part = content[:CHUNK_BYTES]
        # A chunk whose bytes do not match its hash (damaged on the way).
        with pytest.raises(_psycopg().Error, match="hash tidak cocok"):
            _chunk_sql(c, sha, 0, part[:-1] + b"\x00", hashlib.sha256(part).hexdigest())
        # Chunks each consistent with their own hash but not with the file's.
        _chunk_sql(c, sha, 0, part)
        forged = bytes(len(content) - CHUNK_BYTES)
        _chunk_sql(c, sha, 1, forged)
        assert c.execute("SELECT blob_complete(%s, %s)", (sha, len(content))).fetchone() == (
            "corrupt",
        )
        assert c.execute("SELECT count(*) FROM blob_upload").fetchone() == (0,)
        # Half-sent: 'missing' until the rest is in.
        _chunk_sql(c, sha, 0, part)
        assert c.execute("SELECT blob_complete(%s, %s)", (sha, len(content))).fetchone() == (
            "missing",
        )
        _chunk_sql(c, sha, 1, content[CHUNK_BYTES:])
        assert c.execute("SELECT blob_complete(%s, %s)", (sha, len(content))).fetchone() == ("ok",)
        # The store is append-only, even for the login that sent it.
        for sql in (
            "UPDATE blob_chunk SET data = ''",
            "DELETE FROM blob",
            "DELETE FROM blob_upload",
        ):
            assert "permission denied" in refused(c, sql)
    assert _blob_rows(hub, sha) == (1, 2, 0)
    # A PC verifies what it fetches: one flipped byte and nothing is kept.
    chunks = [(0, hashlib.sha256(part).hexdigest(), part)]
    bad = [(0, chunks[0][1], part[:-1] + b"\x01")]
    with pytest.raises(SyncError, match="rusak"):
        remote.verify(hashlib.sha256(part).hexdigest(), len(part), bad)
    assert remote.verify(hashlib.sha256(part).hexdigest(), len(part), chunks) == part


def test_an_opd_login_cannot_read_a_blob_of_a_case_not_dispositioned_to_it(hub: Any) -> None:
    cid = to_disposed(hub, OPD_B)
    content = PNG + os.urandom(CHUNK_BYTES + 7)
    with hub.conn("desk") as c:
        sha, verdict = _upload_sql(c, content)
        assert verdict == "ok"
        _attach_sql(c, cid, sha, len(content))
    with hub.conn("opd_b") as c:  # the OPD it went to reads it
        got = c.execute(
            "SELECT string_agg(data, ''::bytea ORDER BY n) FROM blob_chunk WHERE sha256 = %s",
            (sha,),
        ).fetchone()[0]
        assert bytes(got) == content
    missing = hashlib.sha256(b"tidak ada").hexdigest()
    with hub.conn("opd_a") as c:
        # Another office's blob answers exactly like one that does not exist.
        for probe in (sha, missing):
            assert c.execute(
                "SELECT count(*) FROM blob WHERE sha256 = %s", (probe,)
            ).fetchone() == (0,)
            assert c.execute(
                "SELECT count(*) FROM blob_chunk WHERE sha256 = %s", (probe,)
            ).fetchone() == (0,)
            assert c.execute("SELECT may_read_blob(%s)", (probe,)).fetchone() == (False,)
            assert c.execute("SELECT blob_complete(%s, %s)", (probe, 300_000)).fetchone() == (
                "missing",
            )
        # Knowing the sha256 is not enough: naming it in an attachment of its own case
        # (one dispositioned to it) reads nothing.
        own = to_disposed(hub, OPD_A)
        _attach_sql(c, own, sha, len(content))
        assert c.execute(
            "SELECT count(*) FROM blob_chunk WHERE sha256 = %s", (sha,)
        ).fetchone() == (0,)
        # Forged chunks (each matching its own hash) for content that exists: refused
        # exactly as for content that does not, and no proof of holding it.
        for probe in (sha, missing):
            _chunk_sql(c, probe, 0, bytes(CHUNK_BYTES))
            _chunk_sql(c, probe, 1, bytes(7))
            assert c.execute(
                "SELECT blob_complete(%s, %s)", (probe, CHUNK_BYTES + 7)
            ).fetchone() == ("corrupt",)
        assert c.execute(
            "SELECT count(*) FROM blob_chunk WHERE sha256 = %s", (sha,)
        ).fetchone() == (0,)
        # Nor does uploading the same bytes tell it that they were there already; having
        # sent them, it reads them through its own attachment.
        again, verdict = _upload_sql(c, content)
        assert (again, verdict) == (sha, "ok")
        assert c.execute("SELECT count(*) FROM blob_upload").fetchone() == (0,)
        assert c.execute("SELECT count(*) FROM blob WHERE sha256 = %s", (sha,)).fetchone() == (1,)
        assert "permission denied" in refused(c, "SELECT * FROM blob_holder")
        # It cannot write the store directly, nor another login's staging.
        assert "permission denied" in refused(
            c,
            "INSERT INTO blob (sha256, size, chunks, stored_by) VALUES (%s, 1, 1, 'x')",
            (missing,),
        )
        assert "permission denied" in refused(
            c, "INSERT INTO blob_chunk (sha256, n, chunk_sha256, data) VALUES (%s, 0, '', '')",
            (sha,),
        )  # fmt: skip
        c.execute(
            "INSERT INTO blob_upload (login, sha256, n, chunk_sha256, data) "
            "VALUES (%s, %s, 0, %s, 'x')",
            (hub.logins["desk"], missing, hashlib.sha256(b"x").hexdigest()),
        )
    owners = _server(hub, "SELECT DISTINCT login FROM lapor.blob_upload WHERE sha256 = %s", missing)
    assert owners == [(hub.logins["opd_a"],)]  # the login is always the session's own
    # Once the case is re-dispositioned to it, it reads the blob.
    with hub.conn("admin") as c:
        c.execute(
            "INSERT INTO case_action (id, complaint_id, action, opd_id, note, at) "
            "VALUES (%s, %s, 'REDISPOSE', %s, 'ke Dinkes', localtimestamp)",
            (uuid.uuid4(), cid, hub.office_id(OPD_A)),
        )
        assert c.execute(
            "SELECT accepted, reason FROM case_action WHERE complaint_id = %s ORDER BY seq DESC "
            "NULLS FIRST LIMIT 1", (cid,)
        ).fetchone() == (True, None)  # fmt: skip
    with hub.conn("opd_a") as c:
        assert c.execute(
            "SELECT count(*) FROM blob_chunk WHERE sha256 = %s", (sha,)
        ).fetchone() == (2,)
    with hub.conn("opd_b") as c:  # and the office it left no longer does
        assert c.execute("SELECT count(*) FROM blob WHERE sha256 = %s", (sha,)).fetchone() == (0,)


def test_the_same_content_is_stored_once_and_sent_once(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    same = _file(tmp_path, "surat.png", 2 * CHUNK_BYTES + 1, seed=b"surat-kuasa-")
    copy = tmp_path / "salinan-surat.png"
    copy.write_bytes(same.read_bytes())
    sha = hashlib.sha256(same.read_bytes()).hexdigest()
    desk = _join(hub, office_pc, "desk")
    ctx = desk.use()
    _intake(ctx, [same], nik="1401021203880103", title="Kasus satu")
    _intake(ctx, [copy], nik="1401021203880104", title="Kasus dua")
    sent: list[str] = []
    _sync(hub, desk, sent.append)
    assert len([t for t in sent if "potongan" in t]) == 3  # one upload for both cases
    assert _server(hub, "SELECT count(*) FROM lapor.attachment WHERE sha256 = %s", sha) == [(2,)]
    assert _blob_rows(hub, sha) == (1, 3, 0)
    # Another login sending the same bytes for its own case: accepted, stored once.
    cid = to_disposed(hub, OPD_A)
    with hub.conn("opd_a") as c:
        assert _upload_sql(c, same.read_bytes())[1] == "ok"
        _attach_sql(c, cid, sha, same.stat().st_size)
    assert _blob_rows(hub, sha) == (1, 3, 0)
    # Later cycles send nothing again.
    sent.clear()
    _sync(hub, desk, sent.append)
    assert not [t for t in sent if "lampiran" in t.lower()]


def test_size_limits_hold_on_the_server_and_the_pc(hub: Any, tmp_path: Path) -> None:
    assert MAX_BLOB_BYTES == attachments.MAX_BYTES  # the server's limit is the app's
    sha = hashlib.sha256(b"besar").hexdigest()
    with hub.conn("desk") as c:
        too_big = bytes(CHUNK_BYTES + 1)
        assert "violates check constraint" in refused(
            c,
            "INSERT INTO blob_upload (sha256, n, chunk_sha256, data) VALUES (%s, 0, %s, %s)",
            (sha, hashlib.sha256(too_big).hexdigest(), too_big),
        )
        assert "violates check constraint" in refused(
            c,
            "INSERT INTO blob_upload (sha256, n, chunk_sha256, data) VALUES (%s, %s, %s, 'x')",
            (sha, MAX_CHUNKS, hashlib.sha256(b"x").hexdigest()),
        )
        assert "batas ukuran" in refused(
            c, "SELECT blob_complete(%s, %s)", (sha, MAX_BLOB_BYTES + 1)
        )
    # The auditor reads, never sends.
    with hub.conn("auditor") as c:
        assert "permission denied" in refused(c, "SELECT blob_complete(%s, 1)", (sha,))
    # A PC refuses to send more than the limit before it talks to the server.
    with pytest.raises(SyncError, match="terlalu besar"):
        remote.upload(remote.BlobLink(None), sha, bytes(MAX_BLOB_BYTES + 1))


def test_an_attachment_for_a_case_taken_away_goes_to_the_failed_list(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    desk = _join(hub, office_pc, "desk")
    ticket = _intake(desk.use(), [], nik="1401021203880105", title="Sekolah")
    _sync(hub, desk)
    admin = _join(hub, office_pc, "admin")
    actx = admin.use()
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    casework.dispose(actx, ticket, opd=OPD_A, note="Mohon dicek")
    _sync(hub, admin)
    opd = _join(hub, office_pc, "opd_a")
    octx = opd.use()
    # Offline, the OPD attaches a photo; meanwhile the regency takes the case away.
    assert not intake.add_attachments(
        octx, ticket, [_file(tmp_path, "foto.png", 5000)]
    ).refused_files
    actx = admin.use()
    _sync(hub, admin)
    casework.redispose(actx, ticket, opd=OPD_B, note="Salah alamat")
    _sync(hub, admin)
    opd.use()
    _sync(hub, opd)  # nothing lost, nothing stuck: the refusal is listed with its reason
    failed = list(SyncFailed.select().where(SyncFailed.entity == "attachment"))
    assert len(failed) == 1 and failed[0].reason == "laporan sudah dialihkan dari OPD ini"
    assert engine.status().failed >= 1
    # The case left this office's work, but the PC's own unsent file stays (sealed) with
    # the case header it belongs to, until a person drops it ("Abaikan").
    case = Complaint.get(Complaint.ticket == ticket)
    assert case.opd_id is None
    assert AttachmentContent.select().count() == 1
    from lapor_desktop.db.queries.sync import failed_rows
    from lapor_desktop.services import sync_repair

    (listed,) = failed_rows()
    assert (listed.ticket, listed.what, listed.author) == (ticket, "Lampiran foto.png", "opd_a")

    sync_repair.drop_failed(octx, failed[0].id)
    assert not Complaint.select().where(Complaint.ticket == ticket).exists()
    assert AttachmentContent.select().count() == 0


def test_central_upgrade_brings_a_version_1_server_to_blobs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lapor_desktop.central import admin
    from lapor_desktop.central.migrations import LATEST, MIGRATIONS
    from tests.central.conftest import drop_scratch, make_scratch

    dbname, dsn = make_scratch("up")
    try:
        db = admin.connect(dsn)
        try:
            monkeypatch.setattr(admin, "MIGRATIONS", MIGRATIONS[:1])
            monkeypatch.setattr(admin, "LATEST", 1)
            admin.init(db)
            assert db.execute_sql("SELECT to_regclass('lapor.attachment_chunk')").fetchone()[0]
            monkeypatch.undo()
            assert admin.upgrade(db) == (1, LATEST)
            tables = {
                r[0]
                for r in db.execute_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'lapor'"
                ).fetchall()
            }
            assert {"blob", "blob_chunk", "blob_upload"} <= tables
            assert "attachment_chunk" not in tables
            assert admin.schema_version(db) == LATEST
        finally:
            db.close()
    finally:
        drop_scratch(dbname, [])


def test_sync_fetch_attachments_prefetches_from_the_command_line(
    hub: Any,
    office_pc: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.sync.test_cli import run

    photo = _file(tmp_path, "cli.png", CHUNK_BYTES + 3)
    desk = _join(hub, office_pc, "desk")
    ticket = _intake(desk.use(), [photo], nik="1401021203880106")
    _sync(hub, desk)
    admin = _join(hub, office_pc, "admin")
    admin.close()
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    login = hub.logins["admin"]
    args = ("sync", "fetch-attachments", "--user", login, "--case", ticket, "--json")
    rc, out, err = run(capsys, admin.data_dir, *args)
    assert rc == 0, err
    assert json.loads(out) == {"fetched": 1, "not_on_server": 0} and "Mengunduh" in err
    rc, out, err = run(capsys, admin.data_dir, *args)
    assert json.loads(out) == {"fetched": 0, "not_on_server": 0}
    rc, out, err = run(capsys, admin.data_dir, *args[:-3], "--case", "KPR-TIDAK-ADA")
    assert rc == 1 and "tidak ditemukan" in err and "Traceback" not in err
    admin.use()
    assert bytes(AttachmentContent.get_by_id(photo_sha(photo)).content) == photo.read_bytes()


def photo_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 in front of the test server that can cut every connection
    once the client has sent a given number of bytes more (a link dying mid-transfer)."""

    def __init__(self, host: str, port: int) -> None:
        import socket
        import threading

        self.target = (host, port)
        self.sent = 0
        self.cut_at: int | None = None
        self.lock = threading.Lock()
        self.pairs: list[tuple[Any, Any]] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, src: Any, dst: Any, counted: bool) -> None:
        try:
            while data := src.recv(65536):
                if counted:
                    with self.lock:
                        self.sent += len(data)
                        if self.cut_at is not None and self.sent >= self.cut_at:
                            # Forward part of it, then the link dies.
                            dst.sendall(data[: max(0, len(data) - (self.sent - self.cut_at))])
                            self.cut()
                            return
                dst.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        import socket

        for pair in self.pairs:
            for s in pair:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
        self.pairs.clear()

    def close(self) -> None:
        self.cut()
        self.server.close()


def test_a_link_cut_in_the_middle_of_a_chunk_keeps_the_committed_ones(
    hub: Any, office_pc: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psycopg.conninfo import conninfo_to_dict

    from tests.central.conftest import dsn_with

    scan = _file(tmp_path, "akta.png", 5 * CHUNK_BYTES - 7)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    desk = _join(hub, office_pc, "desk")
    ctx = desk.use()
    _intake(ctx, [scan], nik="1401021203880107")
    params = conninfo_to_dict(hub.dsn(desk.login))
    proxy = CuttingProxy(str(params.get("host") or "127.0.0.1"), int(params.get("port") or 5432))
    try:
        monkeypatch.setenv(
            "LAPOR_CENTRAL_DSN",
            dsn_with(
                hub.dsn(desk.login), host="127.0.0.1", port=str(proxy.port), sslmode="disable"
            ),
        )

        def cut_inside_third(text: str) -> None:
            if "potongan 3/5" in text:  # half of the third chunk reaches the server
                proxy.cut_at = proxy.sent + CHUNK_BYTES // 2

        with pytest.raises(SyncError, match="terputus"):
            _sync(hub, desk, cut_inside_third)
    finally:
        proxy.close()
    assert _blob_rows(hub, sha) == (0, 0, 2)  # the third never arrived whole: not kept
    monkeypatch.delenv("LAPOR_CENTRAL_DSN")
    sent: list[str] = []
    _sync(hub, desk, sent.append)
    assert [t for t in sent if "potongan" in t] == [
        f"Mengirim lampiran: potongan {n}/5…" for n in (3, 4, 5)
    ]
    assert _blob_rows(hub, sha) == (1, 5, 0) and engine.status().pending == 0


def test_content_the_server_has_is_not_sent_again_and_still_reaches_the_opd(
    hub: Any, office_pc: Any, tmp_path: Path
) -> None:
    """The regency admin attaches a file the desk already sent for another case: the PC
    sees it on the server and sends the row only; the OPD of the second case reads the
    content through that row (the admin could read it, so the admin holds it)."""
    scan = _file(tmp_path, "sertifikat.png", CHUNK_BYTES + 99)
    copy = tmp_path / "sertifikat-lagi.png"
    copy.write_bytes(scan.read_bytes())
    sha = photo_sha(scan)
    desk = _join(hub, office_pc, "desk")
    ctx = desk.use()
    _intake(ctx, [scan], nik="1401021203880108", title="Tanah satu")
    second = _intake(ctx, [], nik="1401021203880109", title="Tanah dua")
    _sync(hub, desk)
    admin = _join(hub, office_pc, "admin")
    actx = admin.use()
    intake.add_attachments(actx, second, [copy])
    casework.verify(actx, second, category="INFRASTRUKTUR")
    casework.dispose(actx, second, opd=OPD_B, note="Untuk Disdik")
    sent: list[str] = []
    _sync(hub, admin, sent.append)
    assert not [t for t in sent if "potongan" in t] and engine.status().pending == 0
    assert _blob_rows(hub, sha) == (1, 2, 0)
    holders = _server(hub, "SELECT login FROM lapor.blob_holder WHERE sha256 = %s", sha)
    assert {h for (h,) in holders} == {hub.logins["desk"], hub.logins["admin"]}
    opd = _join(hub, office_pc, "opd_b")
    octx = opd.use()
    (view,) = _views(octx, second)
    assert view.remote
    assert attachments.content_of(octx, second, view.id)[1] == scan.read_bytes()

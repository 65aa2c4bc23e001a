"""The transport to the central server (SYNC.md: "keep the sync code behind one interface").

`CentralLink` is that interface; `open_link` makes the direct-PostgreSQL one, connected as
the person's own login (RLS decides what it may read and write). Every failure becomes a
`SyncError` with an Indonesian reason; nothing here touches the local database.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from lapor_desktop.central import feed
from lapor_desktop.services.errors import ServiceError

# Columns the client sends per table (the server fills in the rest: numbers, status,
# verdicts, login, txid). Parents first.
PUSH_COLUMNS: dict[str, tuple[str, ...]] = {
    "reporter": (
        "id", "nik", "name", "sex", "birth_date", "address", "kecamatan", "desa", "phone",
        "email", "identity_check", "registered_by", "created_at", "lapor_account",
    ),
    "complaint": (
        "id", "ticket", "tracking_id", "reporter_id", "channel", "klasifikasi", "title",
        "body", "location_kecamatan", "location_desa", "location_text", "incident_date",
        "received_at", "anonim", "rahasia", "category_code", "rule_set_id",
        "intake_office_id", "created_by", "created_at", "duplicate_of_id", "lapor_status",
        "lapor_entered_bucket", "lapor_entered_answer", "lapor_entered_at",
    ),
    "case_action": ("id", "complaint_id", "action", "role", "opd_id", "note", "for_reporter", "at"),
    # full_number with the literal {nomor}: the server numbers letters per office and year
    "letter": (
        "id", "office_id", "year", "full_number", "kind", "complaint_id", "reserved_by",
        "reserved_at",
    ),
}  # fmt: skip
MAX_PARAMS = 60_000  # psycopg: a statement stays under 65,535 parameters


class SyncError(ServiceError):
    """Sync refused or failed; `message` is the Indonesian reason for the person."""


class LoginDisabled(SyncError):
    """The central server refuses this login for good (disabled): the app stops syncing."""


class ClientTooOld(SyncError):
    """`sync_meta` wants a newer client: "perbarui aplikasi"; the app keeps working offline."""


@dataclass(frozen=True)
class Gate:
    schema_version: int
    min_client_version: str
    purge_horizon: int


@dataclass(frozen=True)
class Me:
    user_id: uuid.UUID
    office_id: uuid.UUID
    role: str
    office_kind: str

    @property
    def audience(self) -> str:
        return "regency" if self.office_kind == "kabupaten" else "opd"


class CentralLink(Protocol):
    def gate(self) -> Gate: ...
    def me(self) -> Me: ...
    def now(self) -> datetime: ...
    def push(self, table: str, rows: Sequence[dict[str, Any]]) -> int: ...
    def push_edits(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]: ...
    def pull(self, checkpoint: int, audience: str) -> feed.Window: ...
    def fetch_cases(self, ids: Sequence[uuid.UUID], audience: str) -> dict[str, list[Any]]: ...
    def record(
        self, office_id: uuid.UUID, checkpoint: int, client: str, counts: dict[str, int]
    ) -> None: ...
    def close(self) -> None: ...


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def too_old(client: str, minimum: str) -> bool:
    return _version(client) < _version(minimum)


def problem(exc: Exception) -> str:
    """The Indonesian reason for a failure while talking to the server."""
    from lapor_desktop.central import admin

    low = str(exc).lower()
    if "not permitted to log in" in low or "password authentication failed" in low:
        return admin.connection_problem(exc)
    if type(exc).__name__ in ("OperationalError", "InterfaceError"):
        return (
            "Hubungan ke server pusat terputus; perubahan tetap tersimpan di komputer ini "
            f"dan dikirim pada sinkronisasi berikutnya ({admin.statement_problem(exc)})."
        )
    return admin.statement_problem(exc)


class DirectLink:
    """The person's own PostgreSQL login; search_path `lapor` is set on the database."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.db.execute_sql(sql, params).fetchall())

    def gate(self) -> Gate:
        row = self._rows(
            "SELECT schema_version, min_client_version, purge_horizon::text::bigint FROM sync_meta"
        )
        if not row:
            raise SyncError("Server pusat belum disiapkan (central init).")
        return Gate(int(row[0][0]), str(row[0][1]), int(row[0][2]))

    def now(self) -> datetime:
        """The server's wall clock in the regency's time zone (the central database's
        TimeZone), naive like every time the app records."""
        return self._rows("SELECT localtimestamp(0)")[0][0]

    def me(self) -> Me:
        rows = self._rows(
            "SELECT u.id, u.office_id, u.role, o.kind FROM app_user u "
            "JOIN office o ON o.id = u.office_id WHERE u.id = my_user_id()"
        )
        if not rows:
            raise LoginDisabled(
                "Login ini tidak terdaftar atau sudah dinonaktifkan di server pusat."
            )
        uid, office, role, kind = rows[0]
        return Me(uuid.UUID(str(uid)), uuid.UUID(str(office)), str(role), str(kind))

    def push(self, table: str, rows: Sequence[dict[str, Any]]) -> int:
        """INSERT … ON CONFLICT (id) DO NOTHING in one READ COMMITTED transaction; the
        number of rows new to the server. Raises on any failure (nothing committed)."""
        if not rows:
            return 0
        cols = PUSH_COLUMNS[table]
        per = max(1, MAX_PARAMS // len(cols))
        inserted = 0
        with self.db.atomic("READ COMMITTED"):
            for start in range(0, len(rows), per):
                batch = rows[start : start + per]
                values = ", ".join(["(" + ", ".join(["%s"] * len(cols)) + ")"] * len(batch))
                params = [r.get(c) for r in batch for c in cols]
                names = ", ".join(f'"{c}"' for c in cols)
                cur = self.db.execute_sql(
                    f'INSERT INTO "{table}" ({names}) VALUES {values} ON CONFLICT (id) DO NOTHING',
                    params,
                )
                inserted += max(cur.rowcount, 0)
        return inserted

    def push_edits(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """Version-checked edits (sync/edits.py) in one READ COMMITTED transaction: each
        `record_edit` row is inserted (a replay inserts nothing) and the server's answer
        read back with the row as it stands now; {edit id: edits.Outcome}."""
        import json

        from lapor_desktop.central.migrations.c0003_lapor import (
            COMPLAINT_EDITABLE,
            REPORTER_EDITABLE,
        )
        from lapor_desktop.sync.edits import Outcome

        if not rows:
            return {}
        editable = {"complaint": COMPLAINT_EDITABLE, "reporter": REPORTER_EDITABLE}
        ids = [r["id"] for r in rows]
        out: dict[str, Any] = {}
        with self.db.atomic("READ COMMITTED"):
            for start in range(0, len(rows), 1000):
                batch = rows[start : start + 1000]
                values = ", ".join(["(%s, %s, %s, %s, %s::jsonb)"] * len(batch))
                params = [
                    v
                    for r in batch
                    for v in (r["id"], r["entity"], r["entity_id"], r["base_version"],
                              json.dumps(r["changes"]))
                ]  # fmt: skip
                self.db.execute_sql(
                    "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
                    f"VALUES {values} ON CONFLICT (id) DO NOTHING",
                    params,
                )
            answers = self._rows(
                "SELECT id::text, outcome, current_version, coalesce(reason, '') "
                "FROM record_edit WHERE id = ANY(%s::uuid[])",
                (ids,),
            )
            clashes = [a[0] for a in answers if a[1] != "applied"]
            conflict_of = dict(
                self._rows(
                    "SELECT other_id::text, id::text FROM sync_conflict "
                    "WHERE other_id = ANY(%s::uuid[])",
                    (clashes,),
                )
                if clashes
                else []
            )
            theirs: dict[str, dict[str, Any]] = {}
            for entity, cols in editable.items():
                wanted = [
                    r["entity_id"] for r in rows if r["entity"] == entity and r["id"] in clashes
                ]
                if not wanted:
                    continue
                names = ", ".join(c for c in cols if c != "deleted")
                cur = self.db.execute_sql(
                    f"SELECT id::text, row_version, {names} FROM {entity} "
                    "WHERE id = ANY(%s::uuid[])",
                    (wanted,),
                )
                keys = [d[0] for d in cur.description]
                for found in cur.fetchall():
                    theirs[f"{entity}:{found[0]}"] = dict(zip(keys, found, strict=True))
        by_id = {r["id"]: r for r in rows}
        for edit_id, outcome, version, reason in answers:
            r = by_id.get(edit_id)
            if r is None:
                continue
            out[edit_id] = Outcome(
                outcome,
                None if version is None else int(version),
                reason,
                conflict_of.get(edit_id),
                theirs.get(f"{r['entity']}:{r['entity_id']}"),
            )
        return out

    def pull(self, checkpoint: int, audience: str) -> feed.Window:
        relations = feed.REGENCY_FEED if audience == "regency" else feed.OPD_FEED
        # An OPD's first pull reads its cases' history by case (feed.pull).
        if audience == "opd" and checkpoint == 0:
            return feed.pull(self.db, 0, relations, feed.FIRST_PAGE_ROWS, by_case="complaint_opd")
        return feed.pull(self.db, checkpoint, relations)

    def fetch_cases(self, ids: Sequence[uuid.UUID], audience: str) -> dict[str, list[Any]]:
        relation = "complaint" if audience == "regency" else "complaint_opd"
        return feed.fetch_cases(self.db, ids, relation)

    def record(
        self, office_id: uuid.UUID, checkpoint: int, client: str, counts: dict[str, int]
    ) -> None:
        with self.db.atomic("READ COMMITTED"):
            self.db.execute_sql(
                "INSERT INTO sync_log (office_id, checkpoint, client_version, pushed, pulled, "
                "rejected) VALUES (%s, %s::text::xid8, %s, %s, %s, %s)",
                (
                    office_id,
                    checkpoint,
                    client,
                    counts.get("pushed", 0),
                    counts.get("pulled", 0),
                    counts.get("rejected", 0),
                ),
            )

    def close(self) -> None:
        self.db.close()


def open_link(dsn: str) -> DirectLink:
    """Connect as the person (a libpq DSN with user and password); SyncError if not."""
    from lapor_desktop.central import admin

    try:
        return DirectLink(admin.connect(dsn))
    except admin.CentralError as exc:
        if exc.message == DISABLED:
            raise LoginDisabled(exc.message) from None
        raise SyncError(exc.message) from None


DISABLED = "Login ke server pusat dinonaktifkan."  # admin.connection_problem's words

"""Clashes of edits a person resolves (SYNC.md: "a clash is stored and shown to a person").

A clash comes back from the server when this PC's edit of a case header or a reporter
started from a version somebody else had changed meanwhile (or the server refused it,
e.g. a NIK another reporter holds). sync/edits.py keeps both sides on the local
`sync_conflict` row: `mine` (what was typed here) and `theirs` (the server's values, at
`base_version`); the local row already shows the server's values.

`resolve` keeps the server's version ('theirs'), this PC's ('mine') or a field-by-field
mix ('merge'), in one transaction; a result that differs from the server is a new local
edit on `base_version`, pushed at the next sync as a version-checked edit (so a server
that moved on again gives a new clash, never a silent overwrite).

A clash the server recorded without an edit of this PC (one NIK registered twice on two
offline PCs: the server already joined the later reporter to the first) shows the two
reporters side by side; resolving it only marks it seen.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from lapor_desktop.db.models import Complaint, Reporter, SyncConflict, database_proxy
from lapor_desktop.domain.nik import mask_nik
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, ValidationError
from lapor_desktop.services.reporters import WRITE_ROLES
from lapor_desktop.sync import edits

CHOICES = ("mine", "theirs", "merge")
ENTITY_LABELS = {"complaint": "Laporan", "reporter": "Pelapor"}


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str  # 'reporter' | 'complaint'
    entity_id: str
    label: str  # the ticket, or the reporter's name
    reason: str
    at: datetime
    fields: list[FieldDiff]

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["at"] = self.at.isoformat(sep=" ")
        return out


@dataclass(frozen=True)
class Resolved:
    id: str
    choice: str
    to_push: list[str]  # fields that go to the server as a new edit (empty: nothing)


def _label(entity: str, entity_id: str) -> str:
    if entity == "complaint":
        ticket = Complaint.select(Complaint.ticket).where(Complaint.id == entity_id).scalar()
        return str(ticket) if ticket else "(laporan tidak ada di komputer ini)"
    name = Reporter.select(Reporter.name).where(Reporter.id == entity_id).scalar()
    return str(name) if name else "(pelapor tidak ada di komputer ini)"


def _sides(c: SyncConflict) -> tuple[dict[str, Any], dict[str, Any]]:
    if c.mine is not None:
        return json.loads(c.mine), json.loads(c.theirs or "{}")
    if c.entity == "reporter" and c.other_id:  # one NIK twice: the two reporters
        return (
            edits.values_of("reporter", c.entity_id) or {},
            edits.values_of("reporter", c.other_id) or {},
        )
    return {}, {}


def _diffs(c: SyncConflict, *, masked: bool) -> list[FieldDiff]:
    mine, theirs = _sides(c)
    out = []
    for f in edits.FIELDS.get(c.entity, ()):
        if f.name not in mine or f.name not in theirs or mine[f.name] == theirs[f.name]:
            continue
        a, b = mine[f.name], theirs[f.name]
        if masked and f.name == "nik":  # a NIK is shown in full only by reveal_nik
            a, b = mask_nik(a), mask_nik(b)
        out.append(FieldDiff(f.name, f.label, a, b))
    return out


def _conflict(c: SyncConflict) -> Conflict:
    return Conflict(
        str(c.id),
        str(c.entity),
        str(c.entity_id),
        _label(c.entity, c.entity_id),
        str(c.reason),
        c.at,
        _diffs(c, masked=True),
    )


def list_conflicts(ctx: Ctx) -> list[Conflict]:
    """The unresolved clashes, oldest first, each with its differing fields. Only the
    regency's front desk and admin edit headers and reporters: for anybody else (an OPD
    PC's page shows the widget too) the list is empty."""
    if ctx.user().role not in WRITE_ROLES:
        return []
    rows = SyncConflict.select().where(~SyncConflict.resolved).order_by(SyncConflict.at)
    return [_conflict(c) for c in rows]


def _picked(choice: str, names: list[str], picks: dict[str, str] | None) -> dict[str, str]:
    if choice not in CHOICES:
        raise ValidationError("Pilih: versi saya, versi server, atau gabungkan.", "choice")
    if choice != "merge":
        if picks:
            raise ValidationError("Pilihan per kolom hanya untuk 'gabungkan'.", "picks")
        return dict.fromkeys(names, choice)
    picks = dict(picks or {})
    unknown = sorted(set(picks) - set(names))
    if unknown:
        raise ValidationError(
            "Kolom ini tidak berbeda atau tidak dikenal: " + ", ".join(unknown) + ".", "picks"
        )
    bad = sorted(k for k, v in picks.items() if v not in ("mine", "theirs"))
    if bad:
        raise ValidationError(
            "Untuk tiap kolom pilih 'mine' (versi saya) atau 'theirs' (versi server): "
            + ", ".join(bad)
            + ".",
            "picks",
        )
    return {n: picks.get(n, "theirs") for n in names}  # not named: the server's value


def resolve(
    ctx: Ctx, conflict_id: str, choice: str, picks: dict[str, str] | None = None
) -> Resolved:
    """Resolve one clash (one transaction); fields taken from this PC's side become a
    local edit on the server version shown, pushed at the next sync."""
    ctx.require(*WRITE_ROLES)
    now = ctx.clock.now().replace(microsecond=0)
    with database_proxy.atomic("IMMEDIATE"):
        c = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
        if c is None:
            raise NotFound("Konflik sinkronisasi tidak ditemukan.")
        if c.resolved:
            raise ValidationError("Konflik ini sudah diselesaikan.", "choice")
        diffs = _diffs(c, masked=False) if c.mine is not None else []
        chosen = _picked(choice, [d.name for d in diffs], picks)
        to_push = [d.name for d in diffs if chosen[d.name] == "mine"]
        model = edits.MODELS.get(c.entity)
        if to_push and model is not None:
            if not model.select().where(model.id == c.entity_id).exists():
                raise NotFound(f"{ENTITY_LABELS[c.entity]} ini tidak ada lagi di komputer ini.")
            by_name = {d.name: d.mine for d in diffs}
            fields = model._meta.fields
            data = {fields[n]: edits.typed(n, by_name[n]) for n in to_push}
            model.update(data).where(model.id == c.entity_id).execute()
            # The edit starts from the server's version the person compared against: only
            # the fields taken from this PC differ from it, so only they are sent.
            theirs = json.loads(c.theirs or "{}")
            base_version = c.base_version if c.base_version is not None else 1
            edits.mark_edited(c.entity, c.entity_id, base_version, theirs)
        c.resolved = True
        c.resolution = choice
        c.resolved_at = now
        c.save()
        key = _label(c.entity, c.entity_id) if c.entity == "complaint" else c.entity_id
        audit(
            ctx, "konflik_sinkron_selesai", c.entity, key, f"{choice}: {', '.join(to_push) or '-'}"
        )
    return Resolved(str(c.id), choice, to_push)

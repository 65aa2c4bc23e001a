"""System administration: offices, categories, rule sets and holiday overrides."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from lapor_desktop.db.models import Category, HolidayOverride, Office, database_proxy
from lapor_desktop.db.models import RuleSet as RuleSetRow
from lapor_desktop.domain.sla import DayKind
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services import deadlines
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, ValidationError
from lapor_desktop.services.reference import CategoryRow, OfficeRow
from lapor_desktop.services.text import checked_text, one_line

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,39}$")


@dataclass(frozen=True)
class RuleSetView:
    id: uuid.UUID
    name: str
    effective_from: date
    verification: str  # "5 working"
    follow_up: str
    escalation: str
    reply: str


@dataclass(frozen=True)
class HolidayOverrideView:
    day: date
    kind: str
    reason: str


def _code(value: str, field: str) -> str:
    code = one_line(value).upper()
    if not CODE_RE.match(code):
        raise ValidationError(
            "Kode 2–40 karakter: huruf besar, angka, garis bawah atau strip.", field
        )
    return code


def save_office(
    ctx: Ctx,
    code: str,
    name: str,
    *,
    kind: str = "opd",
    active: bool = True,
    address: str = "",
    phone: str = "",
    email: str = "",
) -> OfficeRow:
    ctx.require(Role.SYS_ADMIN)
    code = _code(code, "code")
    name = checked_text(
        name, field="name", label="Nama kantor", max_len=200, required=True, single_line=True
    )
    if kind not in ("opd", "kabupaten"):
        raise ValidationError("Jenis kantor harus 'opd' atau 'kabupaten'.", "kind")
    with database_proxy.atomic("IMMEDIATE"):
        office = Office.get_or_none(Office.code == code)
        if kind == "kabupaten":
            other = Office.get_or_none((Office.kind == "kabupaten") & (Office.code != code))
            if other is not None:
                raise ValidationError(
                    f"Kantor admin kabupaten sudah ada ({other.code}); hanya boleh satu.", "kind"
                )
        if office is None:
            office = Office(id=uuid.uuid4(), code=code)
            created = True
        else:
            created = False
            office.row_version += 1
        office.name, office.kind, office.active = name, kind, active
        office.address, office.phone, office.email = (
            one_line(address),
            one_line(phone),
            one_line(email),
        )
        office.save(force_insert=created)
        audit(ctx, "kantor_simpan", "office", code, "baru" if created else "ubah")
    return OfficeRow(code, name, kind, active, office.address, office.phone, office.email)


def save_category(ctx: Ctx, code: str, name: str, *, active: bool = True) -> CategoryRow:
    ctx.require(Role.SYS_ADMIN)
    code = _code(code, "code")
    name = checked_text(
        name, field="name", label="Nama kategori", max_len=200, required=True, single_line=True
    )
    with database_proxy.atomic("IMMEDIATE"):
        cat = Category.get_or_none(Category.code == code)
        if cat is None:
            Category.create(code=code, name=name, active=active)
        else:
            cat.name, cat.active = name, active
            cat.save()
        audit(ctx, "kategori_simpan", "category", code)
    return CategoryRow(code, name, active)


def _limit_text(days: int, kind: str) -> str:
    return f"{days} {kind}"


def list_rule_sets(ctx: Ctx) -> list[RuleSetView]:
    ctx.user()
    return [
        RuleSetView(
            r.id,
            r.name,
            r.effective_from,
            _limit_text(r.verification_days, r.verification_kind),
            _limit_text(r.follow_up_days, r.follow_up_kind),
            _limit_text(r.escalation_days, r.escalation_kind),
            _limit_text(r.reply_days, r.reply_kind),
        )
        for r in RuleSetRow.select().order_by(RuleSetRow.effective_from)
    ]


def add_rule_set(
    ctx: Ctx,
    name: str,
    effective_from: date,
    *,
    verification: tuple[int, str],
    follow_up: tuple[int, str],
    escalation: tuple[int, str],
    reply: tuple[int, str],
) -> RuleSetView:
    """A new rule set for cases received from `effective_from` on (existing cases keep theirs)."""
    ctx.require(Role.SYS_ADMIN)
    name = checked_text(
        name, field="name", label="Nama aturan", max_len=120, required=True, single_line=True
    )
    limits = {}
    for label, (days, kind) in {
        "verification": verification,
        "follow_up": follow_up,
        "escalation": escalation,
        "reply": reply,
    }.items():
        if not 1 <= days <= 365:
            raise ValidationError("Batas waktu harus 1–365 hari.", label)
        try:
            limits[label] = (days, DayKind(kind).value)
        except ValueError:
            raise ValidationError("Jenis hari harus 'working' atau 'calendar'.", label) from None
    with database_proxy.atomic("IMMEDIATE"):
        if RuleSetRow.select().where(RuleSetRow.effective_from == effective_from).exists():
            raise ValidationError(
                "Sudah ada aturan yang berlaku mulai tanggal itu.", "effective_from"
            )
        r = RuleSetRow.create(
            id=uuid.uuid4(),
            name=name,
            effective_from=effective_from,
            verification_days=limits["verification"][0],
            verification_kind=limits["verification"][1],
            follow_up_days=limits["follow_up"][0],
            follow_up_kind=limits["follow_up"][1],
            escalation_days=limits["escalation"][0],
            escalation_kind=limits["escalation"][1],
            reply_days=limits["reply"][0],
            reply_kind=limits["reply"][1],
        )
        audit(ctx, "aturan_tambah", "rule_set", r.id, f"{name} mulai {effective_from}")
    return next(v for v in list_rule_sets(ctx) if v.id == r.id)


def list_holiday_overrides(ctx: Ctx) -> list[HolidayOverrideView]:
    ctx.user()
    return [
        HolidayOverrideView(o.day, o.kind, o.reason)
        for o in HolidayOverride.select().order_by(HolidayOverride.day)
    ]


def set_holiday_override(ctx: Ctx, day: date, kind: str, reason: str) -> HolidayOverrideView:
    """Add a local holiday ('add') or cancel an official one ('remove'), with its decree.

    Stored deadlines of open cases are recomputed in the same transaction."""
    s = ctx.require(Role.SYS_ADMIN)
    if kind not in ("add", "remove"):
        raise ValidationError("Jenis harus 'add' (libur) atau 'remove' (masuk kerja).", "kind")
    reason = checked_text(
        reason,
        field="reason",
        label="Dasar (nomor keputusan)",
        max_len=300,
        required=True,
        single_line=True,
    )
    with database_proxy.atomic("IMMEDIATE"):
        HolidayOverride.delete().where(HolidayOverride.day == day).execute()
        HolidayOverride.create(
            id=uuid.uuid4(),
            day=day,
            kind=kind,
            reason=reason,
            created_by=s.user_id,
            created_at=ctx.clock.now(),
        )
        deadlines.invalidate_calendar()
        deadlines.refresh_all_open(ctx.clock.now())
        audit(ctx, "libur_ubah", "holiday_override", day.isoformat(), f"{kind}: {reason}")
    return HolidayOverrideView(day, kind, reason)


def remove_holiday_override(ctx: Ctx, day: date) -> None:
    ctx.require(Role.SYS_ADMIN)
    with database_proxy.atomic("IMMEDIATE"):
        n = HolidayOverride.delete().where(HolidayOverride.day == day).execute()
        if not n:
            raise NotFound(f"Tidak ada pengecualian hari libur pada {day:%d-%m-%Y}.")
        deadlines.invalidate_calendar()
        deadlines.refresh_all_open(ctx.clock.now())
        audit(ctx, "libur_hapus", "holiday_override", day.isoformat())

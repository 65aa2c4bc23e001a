"""First run: reference data (offices, categories, rule set) and the first system admin."""

from __future__ import annotations

import csv
import secrets
import uuid
from pathlib import Path

from lapor_desktop import paths
from lapor_desktop.db.models import Category, Office, RuleSet, Setting, User, database_proxy
from lapor_desktop.domain.sla import RuleSet as DomainRuleSet
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.users import UserRow, create_user_unchecked

# Letters that cannot be confused when read aloud or copied by hand (no 0/O, 1/I/L).
_DEVICE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DEVICE_CODE_KEY = "device_code"
REGENCY_OFFICE_KIND = "kabupaten"


def _read_csv(name: str) -> list[dict[str, str]]:
    path: Path = paths.resources_dir() / "data" / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def office_rows() -> list[tuple[str, str, str]]:
    """(code, name, kind) of the offices in resources/data/opd-kampar.csv: the one reading
    of that file, for the local database and the central one."""
    return [
        (r["kode"].strip(), r["nama"].strip(), r["jenis"].strip())
        for r in _read_csv("opd-kampar.csv")
    ]


def category_rows() -> list[tuple[str, str]]:
    """(code, name) of the categories in resources/data/kategori.csv."""
    return [(r["kode"].strip(), r["nama"].strip()) for r in _read_csv("kategori.csv")]


def default_rule_set_fields() -> dict[str, object]:
    """The columns of the default rule set (domain/sla.py), without its id."""
    d = DomainRuleSet()
    return {
        "name": d.name,
        "effective_from": d.effective_from,
        "verification_days": d.verification.days,
        "verification_kind": d.verification.kind.value,
        "follow_up_days": d.follow_up.days,
        "follow_up_kind": d.follow_up.kind.value,
        "escalation_days": d.escalation.days,
        "escalation_kind": d.escalation.kind.value,
        "reply_days": d.reply.days,
        "reply_kind": d.reply.kind.value,
    }


def new_device_code() -> str:
    return "".join(secrets.choice(_DEVICE_ALPHABET) for _ in range(4))


def load_reference_data(ctx: Ctx) -> None:
    """Offices, categories and the default rule set; idempotent (existing codes are kept)."""
    with database_proxy.atomic("IMMEDIATE"):
        for code, name, kind in office_rows():
            Office.get_or_create(
                code=code, defaults={"id": uuid.uuid4(), "name": name, "kind": kind}
            )
        for code, name in category_rows():
            Category.get_or_create(code=code, defaults={"name": name})
        if not RuleSet.select().exists():
            RuleSet.create(id=uuid.uuid4(), **default_rule_set_fields())
        Setting.get_or_create(key=DEVICE_CODE_KEY, defaults={"value": new_device_code()})
        Setting.get_or_create(
            key="initialized_on", defaults={"value": ctx.clock.now().date().isoformat()}
        )
        audit(ctx, "data_referensi", "setting", "", "data referensi dimuat")


def regency_office() -> Office:
    office = Office.get_or_none(Office.kind == REGENCY_OFFICE_KIND)
    if office is None:
        raise ServiceError("Kantor admin kabupaten belum ada di basis data.")
    return office


def initialize(ctx: Ctx, admin_username: str, password: str, full_name: str = "") -> UserRow:
    """Reference data plus the first system admin, in one transaction."""
    with database_proxy.atomic("IMMEDIATE"):
        if User.select().exists():
            raise ServiceError("Basis data sudah berisi pengguna; inisialisasi dibatalkan.")
        load_reference_data(ctx)
        return create_user_unchecked(
            ctx,
            admin_username,
            Role.SYS_ADMIN.value,
            regency_office().code,
            password,
            full_name or "Administrator Sistem",
        )


def device_code() -> str:
    row = Setting.get_or_none(Setting.key == DEVICE_CODE_KEY)
    if row is None:
        raise ServiceError("Kode perangkat belum dibuat; jalankan inisialisasi.")
    return str(row.value)

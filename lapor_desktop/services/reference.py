"""Reference data for forms and pickers: offices, categories, kecamatan and desa."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from lapor_desktop import paths
from lapor_desktop.db.models import Category, Office
from lapor_desktop.services.context import Ctx


@dataclass(frozen=True)
class OfficeRow:
    code: str
    name: str
    kind: str  # 'kabupaten' | 'opd'
    active: bool
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CategoryRow:
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class Region:
    code: str  # without dots: '140115' (kecamatan) or '1401152001' (desa)
    name: str


def list_offices(ctx: Ctx, *, include_inactive: bool = False) -> list[OfficeRow]:
    ctx.user()
    q = Office.select().order_by(Office.kind.desc(), Office.code)
    if not include_inactive:
        q = q.where(Office.active == True)  # noqa: E712 - peewee expression
    return [OfficeRow(o.code, o.name, o.kind, o.active, o.address, o.phone, o.email) for o in q]


def list_categories(ctx: Ctx, *, include_inactive: bool = False) -> list[CategoryRow]:
    ctx.user()
    q = Category.select().order_by(Category.name)
    if not include_inactive:
        q = q.where(Category.active == True)  # noqa: E712
    return [CategoryRow(c.code, c.name, c.active) for c in q]


@lru_cache(maxsize=1)
def _kampar_regions() -> tuple[tuple[Region, ...], dict[str, tuple[Region, ...]]]:
    kecamatan: list[Region] = []
    desa: dict[str, list[Region]] = {}
    with (paths.resources_dir() / "data" / "wilayah.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["kode"]
            if not code.startswith("14.01."):
                continue
            flat = code.replace(".", "")
            if row["tingkat"] == "kecamatan":
                kecamatan.append(Region(flat, row["nama"].strip()))
            elif row["tingkat"] == "desa_kelurahan":
                desa.setdefault(flat[:6], []).append(Region(flat, row["nama"].strip()))
    return tuple(kecamatan), {k: tuple(sorted(v, key=lambda r: r.name)) for k, v in desa.items()}


def kampar_kecamatan() -> tuple[Region, ...]:
    return _kampar_regions()[0]


def kampar_desa(kecamatan_code: str) -> tuple[Region, ...]:
    return _kampar_regions()[1].get(kecamatan_code.replace(".", ""), ())


def region_name(code: str) -> str:
    code = code.replace(".", "")
    if len(code) == 6:
        return next((r.name for r in kampar_kecamatan() if r.code == code), "")
    return next((r.name for r in kampar_desa(code[:6]) if r.code == code), "")

"""Letterheads (kop surat) and signatories, as edited by the system admin in the app.

Where an office's letterhead comes from, first match wins:

1. the system admin's edit, stored as JSON in the `setting` table under
   `letterhead:<OFFICE CODE>` (`save_letterhead`);
2. the office's entry in `reports/letterheads.toml` (the shipped defaults);
3. a letterhead made from the office row in the database (name, address, phone,
   e-mail), with the default office's emblem — so an OPD without a configured kop never
   prints the regency office's kop by mistake.

`templates_for(codes)` gives `pdf.Templates` in which every office in `codes` resolves
this way (via `Templates.with_office`). Reading and editing the settings is for the
system admin only (SYS_ADMIN); every change is audited.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lapor_desktop import paths
from lapor_desktop.db.models import Office, Setting, database_proxy
from lapor_desktop.domain.workflow import Role
from lapor_desktop.pdf.data import Letterhead, Signatory
from lapor_desktop.pdf.templates import Office as TemplateOffice
from lapor_desktop.pdf.templates import Templates, load_templates
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, ValidationError
from lapor_desktop.services.text import one_line

SETTING_PREFIX = "letterhead:"
GOVERNMENT = "PEMERINTAH KABUPATEN KAMPAR"
SOURCE_SETTING = "pengaturan"
SOURCE_TEMPLATE = "templat"
SOURCE_DATABASE = "basis data"
EMBLEM_SUFFIXES = (".png", ".jpg", ".jpeg")

# field -> (label, max length, required)
_LETTERHEAD_FIELDS: dict[str, tuple[str, int, bool]] = {
    "government": ("Nama pemerintah daerah", 120, True),
    "office": ("Nama kantor", 200, True),
    "address": ("Alamat", 300, True),
    "phone": ("Telepon", 60, False),
    "website": ("Laman", 120, False),
    "email": ("Pos-el", 120, False),
    "emblem": ("Berkas lambang", 500, False),
    "city": ("Tempat (kota) surat", 60, True),
}
_SIGNATORY_FIELDS: dict[str, tuple[str, int, bool]] = {
    "jabatan": ("Jabatan penanda tangan", 250, True),
    "name": ("Nama penanda tangan", 120, True),
    "pangkat": ("Pangkat/golongan", 120, False),
    "nip": ("NIP", 18, False),
    "an": ("Atas nama (a.n.)", 120, False),
}


@dataclass(frozen=True)
class LetterheadConfig:
    """One office's letterhead and default signatory, and where they come from."""

    office_code: str
    office_name: str
    letterhead: Letterhead
    signatory: Signatory | None
    source: str  # SOURCE_SETTING | SOURCE_TEMPLATE | SOURCE_DATABASE
    gaps: tuple[str, ...] = ()  # letterhead_gaps: what is borrowed or still a sample


@lru_cache(maxsize=4)
def _file_templates(directory: str) -> Templates:
    return load_templates(directory)


def file_templates() -> Templates:
    """`reports/*.toml` as shipped (read once per process)."""
    return _file_templates(str(paths.reports_dir()))


def _key(code: str) -> str:
    return SETTING_PREFIX + code


def _stored(code: str) -> dict[str, Any] | None:
    row = Setting.get_or_none(Setting.key == _key(code))
    if row is None:
        return None
    try:
        data = json.loads(row.value)
    except ValueError:
        return None  # a damaged value falls back to the defaults rather than failing
    return data if isinstance(data, dict) else None


def _letterhead_from(raw: Mapping[str, Any]) -> Letterhead:
    return Letterhead(**{k: str(raw.get(k, "")) for k in _LETTERHEAD_FIELDS})


def _signatory_from(raw: Mapping[str, Any] | None) -> Signatory | None:
    if not raw:
        return None
    return Signatory(
        **{k: str(raw.get(k, "")) for k in _SIGNATORY_FIELDS},
        electronic=bool(raw.get("electronic", False)),
    )


def _from_database(office: Office, base: Templates) -> Letterhead:
    default = base.letterhead(base.default_office)
    return Letterhead(
        government=GOVERNMENT,
        office=office.name.upper(),
        address=office.address or default.address,
        phone=office.phone,
        website="",
        email=office.email,
        emblem=default.emblem,
        city=default.city,
    )


def _resolve(code: str, base: Templates) -> tuple[Letterhead, Signatory | None, str, bool]:
    """(letterhead, signatory, source, signatory given by the source)."""
    stored = _stored(code)
    if stored is not None and isinstance(stored.get("letterhead"), dict):
        sig = _signatory_from(stored.get("signatory"))
        return _letterhead_from(stored["letterhead"]), sig, SOURCE_SETTING, sig is not None
    if code in base.offices:
        office = base.offices[code]
        return office.letterhead, office.signatory, SOURCE_TEMPLATE, office.signatory is not None
    row = Office.get_or_none(Office.code == code)
    if row is None:
        return base.letterhead(code), base.signatory(code, ""), SOURCE_TEMPLATE, True
    return _from_database(row, base), None, SOURCE_DATABASE, False


def templates_for(
    codes: Iterable[str], fallback_signatories: Mapping[str, Signatory] | None = None
) -> Templates:
    """The shipped templates with the given offices resolved (see the module docstring).

    `fallback_signatories[code]` signs for an office that neither the admin nor the file
    gives a signatory (e.g. the head who approved an answer letter).
    """
    base = file_templates()
    out = base
    for code in dict.fromkeys(codes):
        letterhead, signatory, source, has_sig = _resolve(code, base)
        if source == SOURCE_TEMPLATE:
            if not has_sig and fallback_signatories and code in fallback_signatories:
                out = out.with_office(code, letterhead, fallback_signatories[code])
            continue
        old = base.offices.get(code)
        sig = signatory or (fallback_signatories or {}).get(code)
        office = TemplateOffice(
            code=code,
            letterhead=letterhead,
            number_code=old.number_code if old else code,
            signatory=sig or (old.signatory if old else None),
            # An admin's signatory replaces the file's per-document ones, too.
            signatories={}
            if (source == SOURCE_SETTING and signatory)
            else dict(old.signatories if old else {}),
        )
        out = dataclasses.replace(out, offices={**out.offices, code: office})
    return out


# ---------------------------------------------------------------- the admin's screen


def _office(code: str) -> Office:
    office = Office.get_or_none(Office.code == (code or "").strip().upper())
    if office is None:
        raise NotFound(f"Kantor dengan kode '{code}' tidak ditemukan.")
    return office


def get_letterhead(ctx: Ctx, office_code: str) -> LetterheadConfig:
    """The letterhead and signatory the office's documents print now (SYS_ADMIN only)."""
    ctx.require(Role.SYS_ADMIN)
    office = _office(office_code)
    letterhead, signatory, source, _ = _resolve(office.code, file_templates())
    return LetterheadConfig(
        office.code,
        office.name,
        letterhead,
        signatory,
        source,
        tuple(letterhead_gaps(office.code)),
    )


def _checked(value: object, spec: dict[str, tuple[str, int, bool]], prefix: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, (label, max_len, required) in spec.items():
        text = one_line(str(getattr(value, name) or ""))
        if required and not text:
            raise ValidationError(f"{label} wajib diisi.", f"{prefix}{name}")
        if len(text) > max_len:
            raise ValidationError(
                f"{label} terlalu panjang ({len(text)} karakter; maksimal {max_len}).",
                f"{prefix}{name}",
            )
        out[name] = text
    return out


def _check_emblem(path_text: str, base: Templates) -> None:
    if not path_text:
        return
    p = Path(path_text)
    full = p if p.is_absolute() else base.base_dir / p
    if p.suffix.lower() not in EMBLEM_SUFFIXES:
        raise ValidationError("Berkas lambang harus gambar PNG atau JPEG.", "emblem")
    if not full.is_file():
        raise ValidationError(f"Berkas lambang tidak ditemukan: {path_text}", "emblem")


def save_letterhead(
    ctx: Ctx, office_code: str, letterhead: Letterhead, signatory: Signatory | None = None
) -> LetterheadConfig:
    """Store the admin's letterhead (and signatory; None = keep the file's) for an office.

    SYS_ADMIN only; validated (required fields, lengths, NIP of 18 digits, emblem an
    existing PNG/JPEG) and audited in the same transaction.
    """
    ctx.require(Role.SYS_ADMIN)
    office = _office(office_code)
    base = file_templates()
    lh = _checked(letterhead, _LETTERHEAD_FIELDS, "")
    _check_emblem(lh["emblem"], base)
    data: dict[str, Any] = {"letterhead": lh, "signatory": None}
    if signatory is not None:
        sig = _checked(signatory, _SIGNATORY_FIELDS, "signatory.")
        if sig["nip"] and not (sig["nip"].isdigit() and len(sig["nip"]) == 18):
            raise ValidationError("NIP harus 18 angka.", "signatory.nip")
        data["signatory"] = {**sig, "electronic": bool(signatory.electronic)}
    value = json.dumps(data, ensure_ascii=False, sort_keys=True)
    with database_proxy.atomic("IMMEDIATE"):
        before = _stored(office.code)
        Setting.insert(key=_key(office.code), value=value).on_conflict_replace().execute()
        audit(
            ctx,
            "kop_surat_diubah",
            "office",
            office.code,
            json.dumps({"sebelum": before, "sesudah": data}, ensure_ascii=False)[:4000],
        )
    return get_letterhead(ctx, office.code)


def reset_letterhead(ctx: Ctx, office_code: str) -> LetterheadConfig:
    """Forget the admin's edit: the office prints the file's (or the database's) kop again."""
    ctx.require(Role.SYS_ADMIN)
    office = _office(office_code)
    with database_proxy.atomic("IMMEDIATE"):
        n = Setting.delete().where(Setting.key == _key(office.code)).execute()
        if n:
            audit(ctx, "kop_surat_dikembalikan", "office", office.code, "kembali ke bawaan")
    return get_letterhead(ctx, office.code)


# ---------------------------------------------------------------- what is not the office's own

PLACEHOLDER_ADDRESS = "Jalan Contoh"  # how the shipped reports/letterheads.toml marks a sample


def _placeholder_nip(nip: str) -> bool:
    return not nip.strip() or set(nip.strip()) == {"0"}


def letterhead_gaps(office_code: str) -> list[str]:
    """What an office's documents would print that is not the office's own, one sentence
    each ([] when nothing): no letterhead of its own (made from the office row), an address
    borrowed from the default office or still the shipped sample ("Jalan Contoh …"), no
    signatory of its own, a signatory without pangkat/golongan or NIP (or the sample NIP
    of zeros). Facts about the settings only: no role needed, nothing private. Used at
    print time (CLI `letter …`, the GUI's document output), by `self-check` and on the
    admin's Kop surat page.
    """
    code = (office_code or "").strip().upper()
    base = file_templates()
    letterhead, signatory, source, _ = _resolve(code, base)
    row = Office.get_or_none(Office.code == code)
    out: list[str] = []
    if source == SOURCE_DATABASE:
        out.append(
            "belum punya kop surat sendiri (kop dibuat dari data kantor; "
            "atur di halaman Kop surat atau dengan 'letterhead set')"
        )
        if row is not None and not (row.address or "").strip():
            out.append(f"alamat kop diambil dari kantor bawaan {base.default_office}")
    if PLACEHOLDER_ADDRESS.lower() in letterhead.address.lower():
        out.append(f"alamat kop masih contoh: {letterhead.address}")
    if signatory is None:
        out.append(
            "belum ada penanda tangan sendiri (dipakai kepala kantor dari akun pengguna, "
            "tanpa pangkat/golongan)"
        )
    else:
        if not signatory.pangkat.strip():
            out.append("penanda tangan tanpa pangkat/golongan")
        if _placeholder_nip(signatory.nip):
            out.append(
                "penanda tangan tanpa NIP"
                if not signatory.nip.strip()
                else "NIP penanda tangan masih contoh"
            )
    return out


def letterhead_warning(office_code: str) -> str:
    """`letterhead_gaps` as one line for a printed document ("" when nothing is missing)."""
    gaps = letterhead_gaps(office_code)
    if not gaps:
        return ""
    code = (office_code or "").strip().upper()
    return f"Peringatan: kop surat/penanda tangan {code}: " + "; ".join(gaps) + "."


def all_letterhead_gaps() -> dict[str, list[str]]:
    """`letterhead_gaps` for every active office that has any (office code -> gaps)."""
    out: dict[str, list[str]] = {}
    for row in Office.select(Office.code).where(Office.active).order_by(Office.code):
        gaps = letterhead_gaps(row.code)
        if gaps:
            out[row.code] = gaps
    return out

"""Reporters registered by NIK (KTP)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from lapor_desktop.db.models import Reporter, database_proxy
from lapor_desktop.domain.nik import InvalidNik, NikInfo, mask_nik, parse_nik, warning_message
from lapor_desktop.domain.permissions import NIK_REVEAL_ROLES
from lapor_desktop.domain.region_codes import KAMPAR_DISTRICTS
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, StaleEdit, ValidationError
from lapor_desktop.services.text import checked_text, one_line

IDENTITY_CHECKS = ("none", "ktp_seen", "dukcapil")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
WRITE_ROLES = (Role.FRONT_DESK, Role.ADMIN_KABUPATEN)


@dataclass(frozen=True)
class ReporterView:
    """A reporter as the current user may see it (`nik` is masked unless revealed)."""

    id: uuid.UUID
    nik: str
    nik_masked: str
    name: str
    sex: str
    birth_date: date | None  # None on an OPD PC (schema v9)
    address: str
    kecamatan: str
    desa: str
    phone: str
    email: str
    identity_check: str
    warnings: tuple[str, ...] = ()  # Indonesian messages (NIK and typed-data mismatches)
    row_version: int = 1  # the base version of a contact edit made from this view

    @property
    def ktp_seen(self) -> bool:
        return self.identity_check != "none"


def _view(r: Reporter, *, reveal: bool, warnings: tuple[str, ...] = ()) -> ReporterView:
    masked = mask_nik(r.nik)
    return ReporterView(
        r.id,
        (r.nik or "") if reveal else masked,
        masked,
        r.name,
        r.sex,
        r.birth_date,
        r.address,
        r.kecamatan,
        r.desa,
        r.phone,
        r.email,
        r.identity_check,
        warnings,
        r.row_version,
    )


def check_nik(ctx: Ctx, nik: str) -> NikInfo:
    try:
        return parse_nik(nik, today=ctx.clock.now().date())
    except InvalidNik as exc:
        raise ValidationError(exc.message, "nik") from None


@dataclass
class ReporterInput:
    """A reporter as typed at the counter (sex and birth date are read from the NIK)."""

    nik: str
    name: str
    sex: str | None = None
    birth_date: date | None = None
    address: str = ""
    kecamatan: str = ""
    desa: str = ""
    phone: str = ""
    email: str = ""
    ktp_seen: bool = False


@dataclass(frozen=True)
class CheckedReporter:
    """A ReporterInput that passed every check (`create` writes it)."""

    info: NikInfo
    name: str
    address: str
    kecamatan: str
    desa: str
    phone: str
    email: str
    ktp_seen: bool
    warnings: tuple[str, ...]


def check_input(ctx: Ctx, data: ReporterInput) -> CheckedReporter:
    """Every check that needs no database: a refused reporter is refused before any lock."""
    info = check_nik(ctx, data.nik)
    name = checked_text(
        data.name, field="name", label="Nama", max_len=150, required=True, single_line=True
    )
    address = checked_text(data.address, field="address", label="Alamat", max_len=1000)
    phone, email = checked_contact_lines(data.phone, data.email)
    kecamatan, desa = one_line(data.kecamatan), one_line(data.desa)
    if kecamatan:
        kecamatan = kecamatan.replace(".", "")
        if kecamatan not in KAMPAR_DISTRICTS:
            raise ValidationError(
                f"Kode kecamatan '{kecamatan}' bukan kecamatan di Kabupaten Kampar.", "kecamatan"
            )
    if desa:
        desa = desa.replace(".", "")
        if kecamatan and not desa.startswith(kecamatan):
            raise ValidationError("Desa/kelurahan tidak berada di kecamatan yang dipilih.", "desa")
    warnings = [warning_message(w) for w in info.warnings]
    if data.sex and data.sex.upper()[:1] != info.sex:
        warnings.append("Jenis kelamin yang diisi berbeda dengan NIK; dipakai data NIK.")
    if data.birth_date and data.birth_date != info.birth_date:
        warnings.append("Tanggal lahir yang diisi berbeda dengan NIK; dipakai data NIK.")
    return CheckedReporter(
        info, name, address, kecamatan, desa, phone, email, data.ktp_seen, tuple(warnings)
    )


def create(ctx: Ctx, checked: CheckedReporter) -> ReporterView:
    """Write a checked reporter with its audit entry. Call inside a writing transaction
    (`register`, or `intake.take_in` together with the complaint)."""
    s = ctx.require(*WRITE_ROLES)
    info = checked.info
    existing = Reporter.get_or_none(Reporter.nik == info.nik)
    if existing is not None:
        raise ValidationError(
            f"NIK {info.masked} sudah terdaftar atas nama {existing.name}. "
            "Gunakan data pelapor yang sudah ada.",
            "nik",
        )
    r = Reporter.create(
        id=uuid.uuid4(),
        nik=info.nik,
        name=checked.name,
        sex=info.sex,
        birth_date=info.birth_date,
        address=checked.address,
        kecamatan=checked.kecamatan,
        desa=checked.desa,
        phone=checked.phone,
        email=checked.email,
        identity_check="ktp_seen" if checked.ktp_seen else "none",
        registered_by=s.user_id,
        created_at=ctx.clock.now(),
    )
    audit(ctx, "pelapor_daftar", "reporter", r.id, info.masked)
    return _view(r, reveal=False, warnings=checked.warnings)


def register(
    ctx: Ctx,
    *,
    nik: str,
    name: str,
    sex: str | None = None,
    birth_date: date | None = None,
    address: str = "",
    kecamatan: str = "",
    desa: str = "",
    phone: str = "",
    email: str = "",
    ktp_seen: bool = False,
) -> ReporterView:
    """Register a reporter; sex and birth date come from the NIK (a typed mismatch warns)."""
    ctx.require(*WRITE_ROLES)
    checked = check_input(
        ctx,
        ReporterInput(nik, name, sex, birth_date, address, kecamatan, desa, phone, email, ktp_seen),
    )
    with database_proxy.atomic("IMMEDIATE"):
        return create(ctx, checked)


def find_by_nik(ctx: Ctx, nik: str) -> ReporterView | None:
    """The registered reporter with this NIK, or None (front desk: type the NIK first)."""
    ctx.require(*WRITE_ROLES)
    info = check_nik(ctx, nik)
    r = Reporter.get_or_none(Reporter.nik == info.nik)
    return None if r is None else _view(r, reveal=False)


def get(ctx: Ctx, reporter_id: uuid.UUID) -> ReporterView:
    ctx.require(*WRITE_ROLES, Role.AUDITOR)
    r = Reporter.get_or_none(Reporter.id == reporter_id)
    if r is None:
        raise NotFound("Pelapor tidak ditemukan.")
    return _view(r, reveal=False)


def reveal_nik(ctx: Ctx, reporter_id: uuid.UUID, reason: str = "") -> str:
    """The full NIK, for roles that need it; every reveal is written to the audit log."""
    ctx.require(*NIK_REVEAL_ROLES)
    reason = checked_text(reason, field="reason", label="Alasan", max_len=300, single_line=True)
    with database_proxy.atomic("IMMEDIATE"):
        r = Reporter.get_or_none(Reporter.id == reporter_id)
        if r is None:
            raise NotFound("Pelapor tidak ditemukan.")
        audit(ctx, "nik_tampil", "reporter", r.id, reason)
    return str(r.nik)


@dataclass(frozen=True)
class ContactEdit:
    """A registered reporter's contact details as retyped at the counter. `base_version`
    is the `row_version` they were read at: an edit on a version changed since (another
    counter, or a sync) is refused, never silently overwritten (SYNC.md)."""

    reporter_id: uuid.UUID
    base_version: int
    phone: str
    email: str
    address: str


def checked_contact_lines(phone: str, email: str) -> tuple[str, str]:
    """Phone and e-mail on one line each, refused when not a phone number / address."""
    phone, email = one_line(phone), one_line(email)
    if phone and not PHONE_RE.match(phone):
        raise ValidationError(
            "Nomor telepon hanya boleh berisi angka, spasi, +, - dan ().", "phone"
        )
    if email and not EMAIL_RE.match(email):
        raise ValidationError("Alamat e-mail tidak valid.", "email")
    return phone, email


def check_contact(edit: ContactEdit) -> ContactEdit:
    """The edit cleaned and checked (no database needed: refused before any lock)."""
    phone, email = checked_contact_lines(edit.phone, edit.email)
    address = checked_text(edit.address, field="address", label="Alamat", max_len=1000)
    return ContactEdit(edit.reporter_id, edit.base_version, phone, email, address)


STALE_CONTACT = (
    "Data kontak pelapor ini sudah diubah di tempat lain sejak ditampilkan. Periksa data "
    "yang tersimpan sekarang, lalu simpan lagi bila perubahan Anda tetap perlu."
)


def apply_contact(ctx: Ctx, edit: ContactEdit) -> ReporterView:
    """Write a checked contact edit (inside a writing transaction: `update_contact`, or
    `intake.take_in` together with the complaint). Nothing changed: nothing written."""
    ctx.require(*WRITE_ROLES)
    r = Reporter.get_or_none(Reporter.id == edit.reporter_id)
    if r is None:
        raise NotFound("Pelapor tidak ditemukan.")
    if r.row_version != edit.base_version:
        raise StaleEdit(STALE_CONTACT)
    typed = {"phone": edit.phone, "email": edit.email, "address": edit.address}
    changed = [k for k, v in typed.items() if getattr(r, k) != v]
    if not changed:
        return _view(r, reveal=False)
    for k in changed:
        setattr(r, k, typed[k])
    r.row_version += 1
    r.save()
    audit(ctx, "pelapor_ubah", "reporter", r.id, ", ".join(changed))
    return _view(r, reveal=False)


def update_contact(
    ctx: Ctx,
    reporter_id: uuid.UUID,
    *,
    base_version: int,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
) -> ReporterView:
    """Change a reporter's phone, e-mail or address (None: keep), on `base_version`."""
    ctx.require(*WRITE_ROLES)
    current = Reporter.get_or_none(Reporter.id == reporter_id)
    if current is None:
        raise NotFound("Pelapor tidak ditemukan.")
    edit = check_contact(
        ContactEdit(
            reporter_id,
            base_version,
            current.phone if phone is None else phone,
            current.email if email is None else email,
            current.address if address is None else address,
        )
    )
    with database_proxy.atomic("IMMEDIATE"):
        # Fields left as None keep what is stored under the lock, not what was read above.
        fresh = Reporter.get_or_none(Reporter.id == reporter_id)
        if fresh is None:
            raise NotFound("Pelapor tidak ditemukan.")
        return apply_contact(
            ctx,
            ContactEdit(
                reporter_id,
                base_version,
                fresh.phone if phone is None else edit.phone,
                fresh.email if email is None else edit.email,
                fresh.address if address is None else edit.address,
            ),
        )

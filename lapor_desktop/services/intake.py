"""Logging a complaint (front desk or regency admin), with its attachments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from peewee import fn

from lapor_desktop.db.models import Complaint, Reporter, database_proxy
from lapor_desktop.domain.channels import CHANNELS
from lapor_desktop.domain.permissions import ATTACH_ROLES
from lapor_desktop.domain.region_codes import KAMPAR_DISTRICTS
from lapor_desktop.domain.workflow import Action, Role, Status, next_status
from lapor_desktop.services import attachments as files
from lapor_desktop.services import deadlines, reporters
from lapor_desktop.services.audit import audit
from lapor_desktop.services.casework import active_category, check_klasifikasi, record_action
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ValidationError
from lapor_desktop.services.reporters import check_nik
from lapor_desktop.services.setup import device_code
from lapor_desktop.services.text import checked_text, one_line

TITLE_MAX = 300
BODY_MAX = 200_000


@dataclass
class ComplaintInput:
    reporter_nik: str
    title: str
    body: str
    channel: str
    klasifikasi: str
    category: str | None = None
    location_kecamatan: str = ""
    location_desa: str = ""
    location_text: str = ""
    incident_date: date | None = None
    received_at: datetime | None = None
    anonim: bool = False
    rahasia: bool = False
    tracking_id: str = ""
    attachments: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class IntakeResult:
    ticket: str
    received_at: datetime
    refused_files: tuple[files.RefusedFile, ...] = ()
    stored_files: tuple[str, ...] = ()
    registered: reporters.ReporterView | None = None  # the reporter take_in registered
    updated: reporters.ReporterView | None = None  # the reporter after take_in's contact edit


def new_ticket(now: datetime) -> str:
    """`YYMM-DEVICE-NNNNN`: unique across PCs without asking a server (the device code is
    random per installation), sequential per device and month. Call inside the write lock."""
    prefix = f"{now:%y%m}-{device_code()}-"
    last = (
        Complaint.select(fn.MAX(Complaint.ticket))
        .where(Complaint.ticket.startswith(prefix))
        .scalar()
    )
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:05d}"


def next_num() -> int:
    return int(Complaint.select(fn.MAX(Complaint.num)).scalar() or 0) + 1


def one_year_before(moment: datetime) -> datetime:
    """The same date and time a year earlier (29 February: the 28th)."""
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:
        return moment.replace(year=moment.year - 1, day=28)


def _validated(ctx: Ctx, data: ComplaintInput) -> dict[str, object]:
    now = ctx.clock.now()
    title = checked_text(
        data.title, field="title", label="Judul", max_len=TITLE_MAX, required=True, single_line=True
    )
    body = checked_text(
        data.body, field="body", label="Isi laporan", max_len=BODY_MAX, required=True
    )
    channel = (data.channel or "").strip().lower()
    if channel not in CHANNELS:
        raise ValidationError(f"Saluran harus salah satu dari: {', '.join(CHANNELS)}.", "channel")
    klasifikasi = check_klasifikasi(data.klasifikasi)
    category = active_category(data.category) if data.category else None
    received = data.received_at or now
    if received > now:
        raise ValidationError("Tanggal diterima tidak boleh di masa depan.", "received_at")
    earliest = one_year_before(now)
    if received < earliest:
        # A letter found in a drawer is logged late, but not years late: an old date would
        # start the case with every deadline long past (escalated to the Ombudsman at once).
        raise ValidationError(
            f"Tanggal diterima paling lama satu tahun yang lalu (sejak {earliest:%d-%m-%Y %H:%M}).",
            "received_at",
        )
    if data.incident_date and data.incident_date > received.date():
        raise ValidationError(
            "Tanggal kejadian tidak boleh setelah tanggal laporan diterima.", "incident_date"
        )
    kec = one_line(data.location_kecamatan).replace(".", "")
    if kec and kec not in KAMPAR_DISTRICTS:
        raise ValidationError("Kecamatan lokasi bukan kecamatan di Kabupaten Kampar.", "location")
    desa = one_line(data.location_desa).replace(".", "")
    if desa and kec and not desa.startswith(kec):
        raise ValidationError("Desa/kelurahan lokasi tidak berada di kecamatan itu.", "location")
    location = checked_text(data.location_text, field="location", label="Lokasi", max_len=1000)
    tracking = one_line(data.tracking_id)
    if len(tracking) > 60:
        raise ValidationError("Nomor tracking LAPOR! terlalu panjang.", "tracking_id")
    return {
        "title": title,
        "body": body,
        "channel": channel,
        "klasifikasi": klasifikasi,
        "category": category,
        "received_at": received.replace(microsecond=0),
        "incident_date": data.incident_date,
        "location_kecamatan": kec,
        "location_desa": desa,
        "location_text": location,
        "tracking_id": tracking,
        "anonim": bool(data.anonim),
        "rahasia": bool(data.rahasia),
    }


# What stands in for a refused field while the other fields are checked (all_problems).
_NEUTRAL_COMPLAINT: dict[str, dict[str, object]] = {
    "title": {"title": "-"},
    "body": {"body": "-"},
    "channel": {"channel": CHANNELS[0]},
    "klasifikasi": {"klasifikasi": "pengaduan"},
    "category": {"category": None},
    "received_at": {"received_at": None},
    "incident_date": {"incident_date": None},
    "location": {"location_kecamatan": "", "location_desa": "", "location_text": ""},
    "tracking_id": {"tracking_id": ""},
}
_NEUTRAL_REPORTER: dict[str, dict[str, object]] = {
    "name": {"name": "-"},
    "address": {"address": ""},
    "phone": {"phone": ""},
    "email": {"email": ""},
    "kecamatan": {"kecamatan": "", "desa": ""},
    "desa": {"desa": ""},
}


def all_problems(
    ctx: Ctx,
    reporter: reporters.ReporterInput | None,
    data: ComplaintInput,
    contact: reporters.ContactEdit | None = None,
) -> dict[str, str]:
    """Field -> message for every field `take_in` would refuse before touching the
    database (the same checks, each field's first problem), so a form shows them all at
    once. Empty: nothing to say before the save itself."""
    found: dict[str, str] = {}
    for _ in range(len(_NEUTRAL_COMPLAINT) + len(_NEUTRAL_REPORTER) + 4):
        try:
            if reporter is not None:
                reporters.check_input(ctx, reporter)
            else:
                check_nik(ctx, data.reporter_nik)
            if contact is not None:
                reporters.check_contact(contact)
            _validated(ctx, data)
            return found
        except ValidationError as exc:
            if exc.field in found or exc.field not in (
                *_NEUTRAL_COMPLAINT,
                *_NEUTRAL_REPORTER,
                "nik",
            ):
                found.setdefault(exc.field, exc.message)
                return found
            found[exc.field] = exc.message
            if exc.field == "nik":  # the rest is checked as if the NIK were right
                return {**found, **_rest(ctx, reporter, data, contact)}
            if exc.field in _NEUTRAL_COMPLAINT:
                data = replace(data, **_NEUTRAL_COMPLAINT[exc.field])  # type: ignore[arg-type]
            if reporter is not None and exc.field in _NEUTRAL_REPORTER:
                reporter = replace(reporter, **_NEUTRAL_REPORTER[exc.field])  # type: ignore[arg-type]
            if contact is not None and exc.field in ("phone", "email", "address"):
                contact = replace(contact, **{exc.field: ""})  # type: ignore[arg-type]
    return found


_SOME_NIK = "1401021203880002"  # a valid Kampar NIK: stands in for a refused one


def _rest(
    ctx: Ctx,
    reporter: reporters.ReporterInput | None,
    data: ComplaintInput,
    contact: reporters.ContactEdit | None,
) -> dict[str, str]:
    """The other fields' problems when the NIK itself is refused."""
    rest = all_problems(
        ctx,
        None if reporter is None else replace(reporter, nik=_SOME_NIK),
        replace(data, reporter_nik=_SOME_NIK),
        contact,
    )
    return {k: v for k, v in rest.items() if k != "nik"}


def log_complaint(ctx: Ctx, data: ComplaintInput) -> IntakeResult:
    """Record a new complaint (status DITERIMA) of a registered reporter, with its INTAKE
    action and audit entry.

    Files that fail the checks are reported in `refused_files`; the complaint and the
    other files are kept. Files are read, checked and sealed into the database inside the
    intake's transaction: a refused or killed intake leaves nothing, on disk or in it.
    """
    return take_in(ctx, None, data)


def take_in(
    ctx: Ctx,
    reporter: reporters.ReporterInput | None,
    data: ComplaintInput,
    contact: reporters.ContactEdit | None = None,
) -> IntakeResult:
    """The counter's one action: register the reporter (when `reporter` is given: a new
    one; None: the one registered with `data.reporter_nik`, whose retyped contact details
    `contact` carries), log the complaint and seal its attachments — in one transaction,
    so a refused complaint registers nobody and changes no contact details."""
    s = ctx.require(Role.FRONT_DESK, Role.ADMIN_KABUPATEN)
    new_reporter = reporters.check_input(ctx, reporter) if reporter is not None else None
    edit = reporters.check_contact(contact) if contact is not None else None
    info = new_reporter.info if new_reporter is not None else check_nik(ctx, data.reporter_nik)
    fields = _validated(ctx, data)
    stored: list[str] = []
    refused: list[files.RefusedFile] = []
    now = ctx.clock.now()
    status = next_status(None, Action.INTAKE, s.role)
    deadlines.calendar()  # built (0.3-1 s, once per process) before the write lock, not under it
    registered = updated = None
    with database_proxy.atomic("IMMEDIATE"):
        if new_reporter is not None:
            registered = reporters.create(ctx, new_reporter)
        found = Reporter.get_or_none(Reporter.nik == info.nik)
        if found is None:
            raise ValidationError(
                f"Pelapor dengan NIK {info.masked} belum terdaftar. Daftarkan pelapor dahulu.",
                "nik",
            )
        if edit is not None:
            if edit.reporter_id != found.id:
                raise ValidationError("Data kontak bukan milik pelapor dengan NIK ini.", "nik")
            updated = reporters.apply_contact(ctx, edit)
        tracking = str(fields["tracking_id"])
        if tracking:
            taken = Complaint.get_or_none(
                (Complaint.tracking_id == tracking) & (Complaint.tracking_id != "")
            )
            if taken is not None:
                raise ValidationError(
                    f"Nomor tracking LAPOR! {tracking} sudah dipakai laporan {taken.ticket}.",
                    "tracking_id",
                )
        rule_set = deadlines.rule_set_for(fields["received_at"])  # type: ignore[arg-type]
        case = Complaint(
            id=uuid.uuid4(),
            num=next_num(),
            ticket=new_ticket(now),
            reporter=found.id,
            status=status.value,
            rule_set=rule_set.id,
            intake_office=s.office_id,
            created_by=s.user_id,
            created_at=now,
            **fields,
        )
        case.save(force_insert=True)
        record_action(
            ctx, case, Action.INTAKE, None, Status.DITERIMA, role=s.role, at=case.received_at
        )
        _attach(case.id, data.attachments, s.user_id, now, stored, refused)
        deadlines.refresh_due(case, now)
        case.save()
        audit(
            ctx,
            "kasus_catat",
            "complaint",
            case.ticket,
            f"{len(stored)} lampiran, {len(refused)} ditolak",
        )
    return IntakeResult(
        case.ticket, case.received_at, tuple(refused), tuple(stored), registered, updated
    )


def _attach(
    complaint_id: uuid.UUID,
    sources: list[Path],
    user_id: uuid.UUID,
    at: datetime,
    stored: list[str],
    refused: list[files.RefusedFile],
) -> None:
    """Check and seal each file, one at a time (at most one file's bytes in memory)."""
    for p in sources:
        result = files.check_file(Path(p))
        if isinstance(result, files.RefusedFile):
            refused.append(result)
        else:
            files.store(complaint_id, result, user_id, at)
            stored.append(result.filename)


def add_attachments(ctx: Ctx, ticket: str, sources: list[Path]) -> IntakeResult:
    """Attach more files to an existing case (anyone who may act on it)."""
    from lapor_desktop.services.casework import load_case
    from lapor_desktop.services.scope import can_read, not_found

    s = ctx.user()
    stored: list[str] = []
    refused: list[files.RefusedFile] = []
    with database_proxy.atomic("IMMEDIATE"):
        case = load_case(ticket)
        if not can_read(s, case) or s.role not in ATTACH_ROLES:
            raise not_found(ticket)
        _attach(case.id, sources, s.user_id, ctx.clock.now(), stored, refused)
        audit(ctx, "lampiran_tambah", "complaint", case.ticket, f"{len(stored)} berkas")
    return IntakeResult(case.ticket, case.received_at, tuple(refused), tuple(stored))

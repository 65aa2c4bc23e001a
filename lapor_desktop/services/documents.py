"""Official documents from the database: each function reads within the signed-in user's
scope, fills the plain `pdf.data` objects and returns PDF (or XLSX) bytes.

    receipt_pdf(ctx, ticket)        tanda terima (walk-in reporter)
    disposition_pdf(ctx, ticket)    lembar disposisi (regency admin -> OPD, a form)
    forwarding_pdf(ctx, ticket)     surat penerusan (numbered; the number is reserved once)
    answer_pdf(ctx, ticket)         surat jawaban (the number reserved at the approval)
    ombudsman_pdf(ctx)              penyampaian ke Ombudsman (open escalated cases)
    answer_document / forwarding_document / ombudsman_document
                                    the same letters as `Document(data, signed, note)`:
                                    e-signed when the issuing office has a certificate
                                    (signing_settings); the *_pdf functions return `.data`
    history_pdf(ctx, ticket)        riwayat kasus (what the user may see of the case)
    monthly_summary / monthly_pdf / monthly_xlsx   rekapitulasi bulanan (documents_monthly)

Who may print what: see documents_common (DOCUMENT_ROLES); refused with PermissionDenied,
a case outside the user's scope is NotFound. No document carries a NIK or phone number.

Letter numbers come from the register (letters_register), gapless per office and year:
- answer: reserved by the head's approval (casework); the letter prints the latest
  answer number of the case — re-printing never reserves anything. The number belongs
  to the approval, not to a print: the head signs off *this* answer under *this* number
  and date (the act LAPOR! publishes), and a failed print must not undo the approval;
  printing the answer letter reserves nothing, so a failed write cannot leave a gap;
- forwarding: reserved by the first print after the (latest) disposition, inside a
  BEGIN IMMEDIATE transaction; re-printing reuses it; a re-disposition to another OPD
  gets a new letter and number;
- forwarding and ombudsman letters written to a file (`out=`): the number is reserved,
  the letter rendered and its file staged in one transaction, so a failed write (missing
  folder, disk error, render error) leaves the register as it was (`_issued`);
- ombudsman: reserved for the regency office when the letter is issued; re-printing the
  same text (the latest Ombudsman letter, whose tickets, period and statuses are kept in
  its audit entry) reuses that number, a changed list or text is a new letter with a new
  number.
The letter's date is the day its number was reserved, so a re-print is the same letter.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import JOIN

from lapor_desktop import pdf
from lapor_desktop.db.models import (
    AuditLog,
    CaseAction,
    Complaint,
    Letter,
    Office,
    User,
    database_proxy,
)
from lapor_desktop.db.models import Reporter as ReporterRow
from lapor_desktop.db.queries.history import ACCEPTED
from lapor_desktop.domain.channels import channel_label, klasifikasi_label
from lapor_desktop.domain.sla import DayKind
from lapor_desktop.domain.workflow import OPEN_STATUSES, Action, Role, Status
from lapor_desktop.pdf.data import (
    AnswerLetter,
    CaseHistory,
    CaseRef,
    DispositionSheet,
    ExpectedDeadline,
    ForwardingLetter,
    HistoryEvent,
    OmbudsmanCase,
    OmbudsmanLetter,
    ReceiptData,
    Reporter,
    Signatory,
)
from lapor_desktop.pdf.dates import MONTHS
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import join_sentences
from lapor_desktop.services import cases, deadlines, letters_register
from lapor_desktop.services.audit import audit
from lapor_desktop.services.casework import load_case
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.documents_common import (
    DOCUMENT_LABELS,
    DOCUMENT_ROLES,
    may_print,
    require_print,
    scrub,
)
from lapor_desktop.services.documents_monthly import (
    monthly_pdf,
    monthly_summary,
    monthly_summary_office,
    monthly_xlsx,
)
from lapor_desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from lapor_desktop.services.letterhead_settings import letterhead_warning, templates_for
from lapor_desktop.services.outfile import StagedFile
from lapor_desktop.services.setup import regency_office
from lapor_desktop.services.signing_settings import Document, signed_letter
from lapor_desktop.services.verification import record_file, with_pointer

__all__ = [
    "DOCUMENT_LABELS",
    "DOCUMENT_ROLES",
    "Document",
    "answer_document",
    "answer_pdf",
    "disposition_pdf",
    "forwarding_document",
    "forwarding_pdf",
    "history_pdf",
    "may_print",
    "monthly_pdf",
    "monthly_summary",
    "monthly_xlsx",
    "ombudsman_document",
    "ombudsman_pdf",
    "receipt_pdf",
]

ANSWERED = frozenset({Status.DIJAWAB.value, Status.SELESAI.value})
DISPOSE_ACTIONS = (Action.DISPOSE.value, Action.REDISPOSE.value)


# ---------------------------------------------------------------- helpers


def _channel(code: str) -> str:
    return channel_label(code)


def _klasifikasi(code: str) -> str:
    return klasifikasi_label(code)


def _secrets(case: Complaint) -> tuple[str, ...]:
    r: ReporterRow = case.reporter
    return tuple(s for s in (r.nik, r.phone) if s)  # an OPD PC holds no NIK


def _reporter(case: Complaint) -> Reporter:
    """Name and address, or nothing at all for an anonymous report."""
    if case.anonim:
        return Reporter(anonymous=True)
    r: ReporterRow = case.reporter
    return Reporter(name=r.name, address=scrub(r.address, _secrets(case)))


def _head_signatory(office: Office, user: User | None = None) -> Signatory | None:
    """The office head as signatory (the approving head, else an active OPD_HEAD user),
    used when neither the admin's settings nor the templates name one."""
    if user is None:
        user = (
            User.select()
            .where((User.office == office.id) & (User.role == Role.OPD_HEAD.value) & User.active)
            .order_by(User.created_at)
            .first()
        )
    if user is None:
        return None
    return Signatory(
        jabatan=f"Kepala {office.name} Kabupaten Kampar",
        name=user.full_name,
        nip=_nip(user),
    )


def _last_disposition(case: Complaint) -> CaseAction:
    action = (
        CaseAction.select()
        .where(
            (CaseAction.complaint == case.id)
            & ACCEPTED
            & CaseAction.action.in_(DISPOSE_ACTIONS)
            & (CaseAction.opd == case.opd_id)
        )
        .order_by(CaseAction.seq.desc())
        .first()
    )
    if case.opd_id is None or action is None:
        raise ValidationError(f"Laporan {case.ticket} belum didisposisikan ke OPD.", "ticket")
    return action


def _case_ref(d: cases.CaseDetail, case: Complaint) -> CaseRef:
    follow = d.deadlines.get("follow_up")
    return CaseRef(
        ticket=d.ticket,
        tracking_id=d.tracking_id,
        reported=d.received_at.date(),
        received=d.received_at.date(),
        summary=scrub(join_sentences(d.title, d.body), _secrets(case)),
        due=follow.due if follow else None,
        channel=_channel(d.channel),
        klasifikasi=_klasifikasi(d.klasifikasi),
        category=d.category_name or "",
    )


def _forwarding_letter(ctx: Ctx, case: Complaint, since: datetime) -> Letter:
    """The case's forwarding letter issued since `since`, reserving it on first use.
    Call inside a write transaction."""
    existing = (
        Letter.select()
        .where(
            (Letter.complaint == case.id)
            & (Letter.kind == "forwarding")
            & (Letter.reserved_at >= since)
        )
        .order_by(Letter.reserved_at.desc(), Letter.number.desc())
        .first()
    )
    if existing is not None:
        return existing
    letter = letters_register.reserve(ctx, case, "forwarding", regency_office().id)
    audit(ctx, "surat_penerusan_nomor", "letter", str(letter.id), letter.full_number)
    return letter


# ---------------------------------------------------------------- receipt


def receipt_pdf(ctx: Ctx, ticket: str) -> bytes:
    """Tanda terima for the reporter: ticket, date and time received, channel, title,
    summary, the officer who logged it, the deadlines to expect and a QR code.

    FRONT_DESK and ADMIN_KABUPATEN. The letterhead is the intake office's. An anonymous
    report prints no name. Expected deadlines: verification (stored clock), follow-up
    (at the latest the follow-up limit after the verification due date) and the
    completion limit (escalation clock).
    """
    require_print(ctx, "receipt")
    d = cases.get_case(ctx, ticket)
    case = load_case(d.ticket)
    rules = deadlines.rules_of(case.rule_set_id)
    expect: list[ExpectedDeadline] = []
    ver = d.deadlines.get("verification")
    if ver and ver.due:
        expect.append(ExpectedDeadline("Verifikasi oleh Admin Koordinator", ver.due))
        limit = rules.follow_up
        follow = d.deadlines.get("follow_up")
        due = follow.due if follow and follow.due else None
        if due is None:
            due = (
                deadlines.calendar().add_working_days(ver.due, limit.days)
                if limit.kind is DayKind.WORKING
                else deadlines.calendar().add_calendar_days(ver.due, limit.days)
            )
        expect.append(ExpectedDeadline("Tindak lanjut oleh Perangkat Daerah", due))
    esc = d.deadlines.get("escalation")
    if esc and esc.due:
        expect.append(ExpectedDeadline("Batas waktu penyelesaian", esc.due))
    officer = User.get_by_id(case.created_by_id)
    data = ReceiptData(
        office_code=d.intake_office,
        ticket=d.ticket,
        tracking_id=d.tracking_id,
        received_at=d.received_at,
        channel=_channel(d.channel),
        klasifikasi=_klasifikasi(d.klasifikasi),
        title=scrub(d.title, _secrets(case)),
        summary=scrub(d.body, _secrets(case)),
        officer=officer.full_name,
        reporter=_reporter(case),
        deadlines=tuple(expect),
    )
    templates = templates_for([d.intake_office])
    data = with_pointer(ctx, data, templates)
    return record_file(ctx, data.qr_payload, pdf.render_receipt(data, templates))


# ---------------------------------------------------------------- disposition / forwarding


def _sifat(case: Complaint) -> str:
    """The urgency of the disposition, the same on the sheet and the forwarding letter:
    "Sangat Segera" for a case flagged to the Ombudsman, else "Segera" (LETTERS.md B2)."""
    return "Sangat Segera" if case.escalated_at is not None else "Segera"


def _nip(user: User | None) -> str:
    nip = (user.nip or "").replace(" ", "") if user else ""
    return nip if nip.isdigit() else ""


def disposition_pdf(ctx: Ctx, ticket: str) -> bytes:
    """Lembar disposisi of the case's current disposition: the case, the OPD, the
    admin's instruction (the disposition note) and the follow-up deadline.

    ADMIN_KABUPATEN only; the case must be dispositioned to an OPD. The agenda number is
    the forwarding letter's number when one was issued (none is reserved here; else a
    line to write it by hand). Sifat as on the forwarding letter; the signer's NIP; a
    rahasia case is marked RAHASIA.
    """
    s = require_print(ctx, "disposition")
    d = cases.get_case(ctx, ticket)
    case = load_case(d.ticket)
    action = _last_disposition(case)
    opd = Office.get_by_id(case.opd_id)
    letter = (
        Letter.select()
        .where(
            (Letter.complaint == case.id)
            & (Letter.kind == "forwarding")
            & (Letter.reserved_at >= action.at)
        )
        .order_by(Letter.reserved_at.desc())
        .first()
    )
    signer = User.get_by_id(action.user_id) if action.user_id else None
    data = DispositionSheet(
        office_code=s.office_code,
        case=_case_ref(d, case),
        to=f"Kepala {opd.name}",
        date=action.at.date(),
        agenda_number=letter.full_number if letter else "",
        sifat=_sifat(case),
        instructions=("Ditindaklanjuti", "Dilaporkan hasilnya"),
        note=scrub(action.note, _secrets(case)),
        signatory=Signatory(
            jabatan="Admin Koordinator SP4N-LAPOR!", name=signer.full_name, nip=_nip(signer)
        )
        if signer
        else None,
        rahasia=bool(case.rahasia),
    )
    templates = templates_for([s.office_code])
    data = with_pointer(ctx, data, templates)
    return record_file(ctx, data.verification_url, pdf.render_disposition(data, templates))


def forwarding_pdf(ctx: Ctx, ticket: str) -> bytes:
    """The surat penerusan as PDF bytes (see `forwarding_document`)."""
    return forwarding_document(ctx, ticket).data


def forwarding_document(ctx: Ctx, ticket: str, out: Path | None = None) -> Document:
    """Surat penerusan of the case to its OPD, with a number from the regency office's
    register: reserved on the first print after the latest disposition, reused after.

    ADMIN_KABUPATEN only; the case must be dispositioned to an OPD. With `out`, the letter
    is also written there, in the transaction that reserves its number (see `_issued`).
    """
    require_print(ctx, "forwarding")
    d = cases.get_case(ctx, ticket)
    staged = StagedFile(out) if out is not None else None
    with _issued(staged), database_proxy.atomic("IMMEDIATE"):
        case = load_case(d.ticket)
        action = _last_disposition(case)
        letter = _forwarding_letter(ctx, case, action.at)
        office_code = Office.get_by_id(letter.office_id).code
        opd = Office.get_by_id(case.opd_id)
        data = ForwardingLetter(
            office_code=office_code,
            nomor=letter.full_number,
            date=letter.reserved_at.date(),
            to=f"Kepala {opd.name} Kabupaten Kampar",
            cases=(_case_ref(d, case),),
            instruction=scrub(action.note, _secrets(case)),
            sifat=_sifat(case),
            rahasia=bool(case.rahasia),
        )
        return _signed_and_staged(
            ctx, "forwarding", data, pdf.render_forwarding, "surat penerusan", staged
        )


def _signed_and_staged[L: (ForwardingLetter, OmbudsmanLetter)](
    ctx: Ctx,
    kind: str,
    data: L,
    render: Callable[[L, Templates], bytes],
    label: str,
    staged: StagedFile | None,
) -> Document:
    """A numbered letter on its office's letterhead, signed when it can be, and its file
    staged, inside the `_issued` transaction that reserved its number."""
    doc = signed_letter(ctx, kind, data, templates_for([data.office_code]), render, label)
    if staged is not None:
        staged.stage(doc.data)
    return doc


@contextmanager
def _issued(staged: StagedFile | None) -> Iterator[None]:
    """Around a numbered letter's transaction: the number is reserved, the letter rendered
    (and signed) and its file staged inside the transaction; any failure (a missing
    folder, a full disk, a render or signing error) rolls the reservation back, so the
    register has no number without a file. The file is renamed into place after the
    commit; should that rename fail, the number stays with the case (or the same list of
    cases) and a re-print reuses it, so no number is lost and none is used twice."""
    try:
        yield
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    if staged is not None:
        staged.publish()


# ---------------------------------------------------------------- answer


def answer_letter_data(ctx: Ctx, ticket: str) -> tuple[AnswerLetter, str, Signatory | None]:
    """The answer letter's data, its office code and the fallback signatory."""
    s = require_print(ctx, "answer")
    case = cases.readable_case(ctx, ticket)  # scope: an OPD user only reaches its own cases
    if case.status not in ANSWERED:
        raise ValidationError(
            "Surat jawaban hanya untuk laporan yang sudah dijawab "
            f"(status {Status(case.status).label}).",
            "ticket",
        )
    letter = (
        Letter.select()
        .where((Letter.complaint == case.id) & (Letter.kind == "answer"))
        .order_by(Letter.reserved_at.desc(), Letter.year.desc(), Letter.number.desc())
        .first()
    )
    if letter is None:
        raise ValidationError(f"Nomor surat jawaban {case.ticket} belum dicadangkan.", "ticket")
    office = Office.get_by_id(letter.office_id)
    if s.is_opd and letter.office_id != s.office_id:
        raise PermissionDenied(f"Surat jawaban {case.ticket} diterbitkan oleh {office.name}.")
    approval = (
        CaseAction.select()
        .where(
            (CaseAction.complaint == case.id)
            & ACCEPTED
            & (CaseAction.action == Action.APPROVE.value)
        )
        .order_by(CaseAction.seq.desc())
        .first()
    )
    approver = User.get_or_none(User.id == approval.user_id) if approval else None
    data = AnswerLetter(
        office_code=office.code,
        nomor=letter.full_number,
        date=letter.reserved_at.date(),
        ticket=case.ticket,
        tracking_id=case.tracking_id,
        reporter=_reporter(case),
        channel=_channel(case.channel),
        reported=case.received_at.date(),
        subject=scrub(case.title, _secrets(case)),
        answer=scrub(case.answer_text, _secrets(case)),
    )
    return data, office.code, _head_signatory(office, approver)


def answer_pdf(ctx: Ctx, ticket: str) -> bytes:
    """Surat jawaban (OPD -> reporter) of a DIJAWAB or SELESAI case: the number reserved
    at the head's approval (the latest, after a reopened case is answered again), the
    approved answer text, the issuing OPD's letterhead and signatory (the admin's
    settings, else the templates, else the head who approved). An anonymous report is
    addressed by its tracking number only: no name, no address.

    ADMIN_KABUPATEN, and OPD_ADMIN/OPD_HEAD of the OPD that issued the letter.
    """
    return answer_document(ctx, ticket).data


def answer_document(ctx: Ctx, ticket: str) -> Document:
    """The surat jawaban (see `answer_pdf`), e-signed when the issuing OPD has a
    certificate configured (services.signing_settings)."""
    data, code, fallback = answer_letter_data(ctx, ticket)
    templates = templates_for([code], {code: fallback} if fallback else None)
    return signed_letter(ctx, "answer", data, templates, pdf.render_answer, "surat jawaban")


# ---------------------------------------------------------------- ombudsman


def ombudsman_period(text: str) -> tuple[date, date, str] | None:
    """The month a periodic Ombudsman letter covers: "2026-11", "November 2026" or
    "bulan November 2026" -> (first day, first day of the next month, "bulan November
    2026"); blank -> None (every open escalated case). Anything else is refused: the
    letter's text must say exactly which cases it lists."""
    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", raw)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(?:bulan\s+)?([A-Za-z]+)\s+(?:tahun\s+)?(\d{4})", raw, re.I)
        names = [n.lower() for n in MONTHS]
        if not m or m.group(1).lower() not in names:
            raise ValidationError(
                "Periode harus berupa bulan, mis. '2026-11' atau 'bulan November 2026'.",
                "period",
            )
        year, month = int(m.group(2)), names.index(m.group(1).lower()) + 1
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise ValidationError("Periode harus berupa bulan yang sah (tahun 2000–2100).", "period")
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    return start, end, f"bulan {MONTHS[month - 1]} {year}"


def _ombudsman_cases(period: tuple[date, date, str] | None) -> list[OmbudsmanCase]:
    """Open cases flagged ESKALASI (in the period's month when there is one). Days
    running are counted to the letter's date by the caller."""
    cond = Complaint.escalated_at.is_null(False) & Complaint.status.in_(
        [x.value for x in OPEN_STATUSES]
    )
    if period is not None:
        start, end, _ = period
        cond &= (Complaint.escalated_at >= datetime(start.year, start.month, start.day)) & (
            Complaint.escalated_at < datetime(end.year, end.month, end.day)
        )
    rows: Any = (
        Complaint.select(
            Complaint.ticket,
            Complaint.tracking_id,
            Complaint.received_at,
            Complaint.klasifikasi,
            Complaint.status,
            Complaint.escalated_at,
            Office.name,
        )
        .join(Office, join_type=JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
        .where(cond)
        .order_by(Complaint.received_at, Complaint.num)
        .tuples()
    )
    out = []
    for ticket, tracking, received, kl, status, escalated, opd in rows:
        out.append(
            OmbudsmanCase(
                ticket=ticket,
                tracking_id=tracking,
                received=received.date(),
                opd=opd or "Belum didisposisikan",
                klasifikasi=_klasifikasi(kl),
                days_running=0,
                status=f"{Status(status).label}; dieskalasi {escalated:%d-%m-%Y}",
            )
        )
    return out


def _ombudsman_letter(ctx: Ctx, tickets: list[str], text: dict[str, Any] | None = None) -> Letter:
    """The latest Ombudsman letter if it listed exactly these tickets with the same text
    (period, statuses), else a new one: two different texts never share a number."""
    office = regency_office()
    latest = (
        Letter.select()
        .where((Letter.office == office.id) & (Letter.kind == "ombudsman"))
        .order_by(Letter.year.desc(), Letter.number.desc())
        .first()
    )
    detail = json.dumps({"tiket": tickets, **(text or {})}, ensure_ascii=False)
    if latest is not None:
        entry = (
            AuditLog.select(AuditLog.detail)
            .where(
                (AuditLog.event == "surat_ombudsman_nomor") & (AuditLog.entity_id == str(latest.id))
            )
            .first()
        )
        if entry is not None and entry.detail == detail:
            return latest
    letter = letters_register.reserve(ctx, None, "ombudsman", office.id)
    audit(ctx, "surat_ombudsman_nomor", "letter", str(letter.id), detail)
    return letter


def ombudsman_pdf(ctx: Ctx, period: str = "") -> bytes:
    """The Ombudsman letter as PDF bytes (see `ombudsman_document`)."""
    return ombudsman_document(ctx, period).data


def ombudsman_document(ctx: Ctx, period: str = "", out: Path | None = None) -> Document:
    """Penyampaian ke Ombudsman Perwakilan Riau: every open case flagged ESKALASI
    (past the escalation limit, or escalated by hand), with an annex table.

    ADMIN_KABUPATEN only. The number comes from the regency office's register (see the
    module docstring for re-prints). `period` (a month: "2026-11", "bulan November
    2026") makes it the periodic version: the open cases flagged in that month, and the
    text says so. Refused when no such case is open. With `out`, the letter is also
    written there, in the transaction that reserves its number (see `_issued`).
    """
    require_print(ctx, "ombudsman")
    when = ombudsman_period(period)
    staged = StagedFile(out) if out is not None else None
    with _issued(staged), database_proxy.atomic("IMMEDIATE"):
        items = _ombudsman_cases(when)
        if not items:
            raise ValidationError(
                "Tidak ada laporan terbuka yang dieskalasi ke Ombudsman"
                + (f" pada {when[2]}." if when else ".")
            )
        text = {"periode": when[2] if when else "", "status": [c.status for c in items]}
        letter = _ombudsman_letter(ctx, [c.ticket for c in items], text)
        office_code = Office.get_by_id(letter.office_id).code
        # Days running to the letter's date: a re-print is the same letter, word for word.
        day = letter.reserved_at.date()
        items = [dataclasses.replace(c, days_running=(day - c.received).days) for c in items]
        data = OmbudsmanLetter(
            office_code=office_code,
            nomor=letter.full_number,
            date=day,
            cases=tuple(items),
            # the OPDs in the table only (the renderer names their heads: Camat …)
            opds_concerned=tuple(sorted({c.opd for c in items if c.opd != "Belum didisposisikan"})),
            period=when[2] if when else "",
        )
        return _signed_and_staged(
            ctx, "ombudsman", data, pdf.render_ombudsman, "surat Ombudsman", staged
        )


# ---------------------------------------------------------------- history


def _office_names(codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    return {o.code: o.name for o in Office.select().where(Office.code.in_(list(wanted)))}


def history_pdf(ctx: Ctx, ticket: str) -> bytes:
    """Riwayat kasus: the case, its deadlines and every event the user may see — exactly
    what `cases.get_case` gives them (an OPD user sees only its own office's part of a
    case handed on; an anonymous reporter is hidden from OPDs and the auditor).

    ADMIN_KABUPATEN, OPD_ADMIN/OPD_HEAD (their cases), AUDITOR. Printed on the printing
    user's office letterhead. An anonymous reporter is never named on paper, even when
    the regency admin prints it.
    """
    s = require_print(ctx, "history")
    d = cases.get_case(ctx, ticket)
    case = load_case(d.ticket)
    secrets = _secrets(case)
    names = _office_names([a.opd for a in d.actions])
    events = tuple(
        HistoryEvent(
            at=a.at,
            actor=a.by_name,
            action=Action(a.action),
            from_status=Status(a.from_status) if a.from_status else None,
            to_status=Status(a.to_status) if a.to_status else None,
            opd=names.get(a.opd or "", a.opd or ""),
            text=scrub(a.note, secrets),
            role=Role(a.role).label if a.role in Role.__members__ else a.role,
        )
        for a in d.actions
    )
    privacy = ", ".join(x for x, on in (("Anonim", d.anonim), ("Rahasia", d.rahasia)) if on)
    # An anonymous reporter's identity is on no paper, whoever prints it.
    reporter = (
        Reporter(anonymous=True)
        if d.reporter.hidden or d.anonim
        else Reporter(
            name=d.reporter.name,
            address=scrub(d.reporter.address, secrets),
            anonymous=False,
        )
    )
    data = CaseHistory(
        office_code=s.office_code,
        printed_at=ctx.clock.now(),
        ticket=d.ticket,
        tracking_id=d.tracking_id,
        title=scrub(d.title, secrets),
        summary=scrub(d.body, secrets),
        status=Status(d.status),
        received_at=d.received_at,
        channel=_channel(d.channel),
        klasifikasi=_klasifikasi(d.klasifikasi),
        category=d.category_name or "",
        opd=d.opd_name or "",
        reporter=reporter,
        privacy=privacy,
        rahasia=bool(d.rahasia),
        deadlines=tuple(
            ExpectedDeadline(row.label, row.due) for row in d.deadlines.values() if row.due
        ),
        events=events,
        printed_by=s.full_name,
        duplicate_of=d.duplicate_of,
        duplicates=d.duplicates,
    )
    templates = templates_for([s.office_code])
    data = with_pointer(ctx, data, templates)
    return record_file(ctx, data.verification_url, pdf.render_history(data, templates))


# ---------------------------------------------------------------- warnings at print time


def print_office(ctx: Ctx, kind: str, ticket: str = "", opd: str | None = None) -> str:
    """The office whose letterhead and signatory a document of `kind` prints (the same
    choice the document functions above make). `opd`: the monthly report's scope (an
    OPD's code; None = the whole regency, printed on the regency office's kop)."""
    s = require_print(ctx, kind)
    if kind in ("forwarding", "ombudsman"):
        return str(regency_office().code)
    if kind == "receipt":
        return cases.get_case(ctx, ticket).intake_office
    if kind == "answer":
        return answer_letter_data(ctx, ticket)[1]
    if kind == "monthly":
        return monthly_summary_office(ctx, opd)
    return s.office_code  # disposition, history


def print_warning(ctx: Ctx, kind: str, ticket: str = "", opd: str | None = None) -> str:
    """One line to show with a printed document when its office has no letterhead or
    signatory of its own, or a sample one (letterhead_settings.letterhead_gaps); "" when
    the kop and signer are the office's own. Never raises for a document that printed."""
    try:
        return letterhead_warning(print_office(ctx, kind, ticket, opd))
    except ServiceError:
        return ""

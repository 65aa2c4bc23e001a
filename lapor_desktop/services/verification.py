"""A letter's verification pointer (the QR on an e-signed letter) and `verify FILE.pdf`.

The pointer names the ticket, the letter number and a short hash of the letter's content:

    LAPOR|2611-K7QX-00042|000/3/DISKOMINFOSANDI/2026|3f9a0c1d2e4b5a69
    https://lapor.kamparkab.go.id/verifikasi?tiket=…&nomor=…&sidik=…   (with a URL set)

The URL form is used when `[verification] url` is set in `reports/letters.toml`; a phone
that scans the QR then opens that page. The hash ("sidik") is SHA-256 over the canonical
JSON of the letter's data (the dataclass the renderer draws, with the signatory's
`electronic` flag and the pointer itself blanked) — it cannot cover the PDF that contains
it. The pointer is drawn as a QR on every answer, forwarding and Ombudsman letter (in
the signature space when e-signed, beside the signature block when signed on paper), and
written to the PDF's "Keywords" metadata, so `verify` reads it back without decoding a QR
image. The receipt, the disposition sheet and the case history have no letter number:
their pointer names the kind instead (`LAPOR|<tiket>|TANDA-TERIMA|<sidik>`, DISPOSISI,
RIWAYAT) and their record is keyed by the ticket.

When a letter is produced its (number, ticket, hash) is recorded in the audit log
(`surat_sidik`, once per distinct hash), in the producing transaction. `verify` checks the
file's pointer against that record rather than against a re-render: a re-render cannot
reproduce an older letter (the Ombudsman list changes as cases close; a re-disposition
numbers a new forwarding letter; an admin's letterhead edit changes the signatory).
What the pointer proves is that this number, ticket and content were issued here; that
the file's text is that content is what the PAdES signature proves, so a signed file's
signatures must be intact and cover the whole file. An unsigned file has no such
protection: the SHA-256 of every produced file is recorded too (`surat_berkas`), and an
unsigned file verifies only when it is byte for byte one of them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from peewee import SQL

from lapor_desktop.db.models import AuditLog, Complaint, Letter, database_proxy
from lapor_desktop.pdf.data import (
    AnswerLetter,
    CaseHistory,
    DispositionSheet,
    ForwardingLetter,
    OmbudsmanLetter,
    ReceiptData,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.letters_register import PENDING_NUMBER

PREFIX = "LAPOR"
NO_TICKET = "-"
HASH_CHARS = 16  # 64 bits of SHA-256: a short QR, still no accidental collisions
EVENT = "surat_sidik"
# Each produced file's SHA-256 (every print: a PDF's bytes differ by its creation time).
# An unsigned file is SAH only when it is byte for byte a file produced here.
FILE_EVENT = "surat_berkas"

# Documents without a letter number name their kind in the pointer's number field
# (LAPOR|2611-K7QX-00042|TANDA-TERIMA|…); their record is keyed by the ticket.
RECEIPT = "TANDA-TERIMA"
DISPOSITION = "DISPOSISI"
HISTORY = "RIWAYAT"
# A letter printed on a joined PC before the central server numbered it ("nomor
# menyusul", services/letters_register.py): known by its ticket and content.
PENDING = "NOMOR-MENYUSUL"
UNNUMBERED: dict[str, str] = {
    RECEIPT: "tanda terima",
    DISPOSITION: "lembar disposisi",
    HISTORY: "riwayat kasus",
    PENDING: "surat (nomor menyusul)",
}
_MARKERS: dict[type, str] = {
    ReceiptData: RECEIPT,
    DispositionSheet: DISPOSITION,
    CaseHistory: HISTORY,
}

# What `verify` says: the document is ours with this content; it claims to be ours but is
# not (content, ticket or signature do not match); or this database does not know it.
SAH = "SAH"
TIDAK_SAH = "TIDAK SAH"
TIDAK_DIKENAL = "TIDAK DIKENAL"


@dataclass(frozen=True)
class Pointer:
    ticket: str  # NO_TICKET for a letter about several cases (Ombudsman)
    nomor: str
    digest: str


@dataclass(frozen=True)
class Verification:
    valid: bool
    reason: str  # why not valid, or what was checked
    pointer: Pointer | None = None
    signed: bool = False
    signers: tuple[str, ...] = ()
    verdict: str = TIDAK_SAH  # SAH | TIDAK SAH | TIDAK DIKENAL
    kind: str = ""  # "surat", "tanda terima", "lembar disposisi", "riwayat kasus"


def content_hash(data: Any) -> str:
    """The short hash of a letter's data (a frozen dataclass), independent of whether it
    is e-signed and of the pointer it will carry."""
    blank = {f: "" for f in ("verification_url", "qr_payload") if hasattr(data, f)}
    plain = dataclasses.replace(data, **blank)
    sig = getattr(plain, "signatory", None)
    if sig is not None:
        plain = dataclasses.replace(plain, signatory=dataclasses.replace(sig, electronic=False))
    text = json.dumps(
        dataclasses.asdict(plain),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def verification_url(templates: Templates) -> str:
    """`[verification] url` of reports/letters.toml ("" = the plain pointer)."""
    section = templates.letters.get("verification", {})
    return str(section.get("url", "")).strip() if isinstance(section, dict) else ""


def format_pointer(p: Pointer, url: str = "") -> str:
    if url:
        sep = "&" if "?" in url else "?"
        return url + sep + urlencode({"tiket": p.ticket, "nomor": p.nomor, "sidik": p.digest})
    return "|".join((PREFIX, p.ticket, p.nomor, p.digest))


def parse_pointer(text: str) -> Pointer | None:
    text = (text or "").strip()
    if text.startswith(PREFIX + "|"):
        parts = text.split("|")
        if len(parts) == 4 and all(parts[1:]):
            return Pointer(parts[1], parts[2], parts[3])
        return None
    query = parse_qs(urlsplit(text).query)
    values = [query.get(k, [""])[0] for k in ("tiket", "nomor", "sidik")]
    return Pointer(*values) if all(values) else None


def letter_ticket(data: Any) -> str:
    """The ticket a document is about: its own (answer, receipt, history), its case
    (disposition sheet), its only case (forwarding), or none (Ombudsman)."""
    ticket = getattr(data, "ticket", "")
    if ticket:
        return str(ticket)
    case = getattr(data, "case", None)
    if case is not None:
        return str(case.ticket)
    cases: tuple[Any, ...] = getattr(data, "cases", ())
    if len(cases) == 1 and not hasattr(data, "opds_concerned"):
        return str(cases[0].ticket)
    return NO_TICKET


def _record_key(p: Pointer) -> tuple[str, str, str]:
    """(entity, entity_id, detail) of the audit entry that records a pointer: a letter by
    its number, an unnumbered document by its ticket and kind."""
    if p.nomor in UNNUMBERED:
        detail = json.dumps({"jenis": p.nomor, "tiket": p.ticket, "sidik": p.digest})
        return "complaint", p.ticket, detail
    return "letter", p.nomor, json.dumps({"tiket": p.ticket, "sidik": p.digest})


def _event_is(event: str) -> Any:
    """`event = '<event>'` as a literal, not a bound parameter: that is what lets SQLite
    use the partial index on that event (db/migrations/m0008_document_records.py)."""
    assert event in (EVENT, FILE_EVENT)  # constants, never user text
    return AuditLog.event == SQL(f"'{event}'")


def _recorded(p: Pointer) -> bool:
    _, entity_id, detail = _record_key(p)
    return bool(
        AuditLog.select(AuditLog.id)
        .where(_event_is(EVENT) & (AuditLog.entity_id == entity_id) & (AuditLog.detail == detail))
        .exists()
    )


def with_pointer[
    L: (
        AnswerLetter,
        ForwardingLetter,
        OmbudsmanLetter,
        ReceiptData,
        DispositionSheet,
        CaseHistory,
    )
](ctx: Ctx, data: L, templates: Templates) -> L:
    """The document data carrying its pointer (QR and metadata); the pointer is recorded
    (audit `surat_sidik`, once per document and hash) for `verify`. A letter's pointer
    names its number; a receipt, disposition sheet or history names its kind."""
    nomor = str(getattr(data, "nomor", "")) or _MARKERS[type(data)]
    if nomor == PENDING_NUMBER:
        nomor = PENDING
    pointer = Pointer(letter_ticket(data), nomor, content_hash(data))
    with database_proxy.atomic("IMMEDIATE"):
        if not _recorded(pointer):
            entity, entity_id, detail = _record_key(pointer)
            audit(ctx, EVENT, entity, entity_id, detail)
    url = format_pointer(pointer, verification_url(templates))
    field = "qr_payload" if isinstance(data, ReceiptData) else "verification_url"
    changes: dict[str, Any] = {field: url}
    return dataclasses.replace(data, **changes)


def _file_detail(p: Pointer, pdf: bytes) -> str:
    return json.dumps({"sidik": p.digest, "sha256": hashlib.sha256(pdf).hexdigest()})


def record_file(ctx: Ctx, pointer_text: str, pdf: bytes) -> bytes:
    """Record the SHA-256 of a produced file under its pointer (audit `surat_berkas`), so
    `verify` can tell an unsigned file produced here from one edited afterwards; returns
    `pdf`. No pointer (a sample render): nothing recorded."""
    pointer = parse_pointer(pointer_text)
    if pointer is not None:
        entity, entity_id, _ = _record_key(pointer)
        with database_proxy.atomic("IMMEDIATE"):
            audit(ctx, FILE_EVENT, entity, entity_id, _file_detail(pointer, pdf))
    return pdf


def _file_recorded(p: Pointer, pdf: bytes) -> bool:
    _, entity_id, _ = _record_key(p)
    return bool(
        AuditLog.select(AuditLog.id)
        .where(
            _event_is(FILE_EVENT)
            & (AuditLog.entity_id == entity_id)
            & (AuditLog.detail == _file_detail(p, pdf))
        )
        .exists()
    )


# ---------------------------------------------------------------- verify


def pdf_keywords(pdf: bytes) -> str | None:
    """The PDF's "Keywords" metadata (None: not a readable PDF)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return _keywords_pyhanko(pdf)
    try:
        meta = PdfReader(io.BytesIO(pdf)).metadata
    except Exception:  # pypdf raises many kinds on a damaged file
        return None
    return str(meta.get("/Keywords", "") or "") if meta is not None else ""


def _keywords_pyhanko(pdf: bytes) -> str | None:
    """The same with pyHanko's reader (pypdf is a development dependency; pyHanko comes
    with the `signing` extra). Neither installed: a ServiceError saying so."""
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
    except ImportError:
        raise ServiceError(
            "Pemeriksaan surat memerlukan paket pypdf atau pyHanko "
            "(pasang: lapor-desktop[signing])."
        ) from None
    try:
        trailer = PdfFileReader(io.BytesIO(pdf), strict=False).trailer
        if "/Info" not in trailer:
            return ""
        return str(trailer["/Info"].get("/Keywords", ""))
    except Exception:
        return None


def _signatures(pdf: bytes) -> tuple[list[str], str]:
    """(signer names, "" or why a signature is not valid); ([], "") when unsigned."""
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
    except ImportError:
        if b"/ByteRange" in pdf:
            return [], "berkas bertanda tangan, tetapi pyHanko tidak terpasang untuk memeriksanya"
        return [], ""
    try:
        embedded = list(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)
    except Exception as exc:
        return [], f"tanda tangan tidak terbaca ({exc})"
    names: list[str] = []
    # pyHanko logs the missing trust path (expected here) with a traceback: not for users.
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        return _check_each(embedded, names)
    finally:
        quiet.setLevel(level)


def _check_each(embedded: list[Any], names: list[str]) -> tuple[list[str], str]:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    for sig in embedded:
        try:
            # Integrity and coverage, not the chain to BSrE's root (no root ships here;
            # PDF readers and BSrE's portal judge trust): no trust roots, on purpose.
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=[]))
        except Exception as exc:
            return names, f"tanda tangan tidak dapat diperiksa ({exc})"
        if not (status.intact and status.valid):
            return (
                names,
                "tanda tangan elektronik tidak sah: isi berkas berubah setelah ditandatangani",
            )
        if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            return (
                names,
                "berkas diubah setelah ditandatangani (tanda tangan tidak mencakup seluruh berkas)",
            )
        names.append(status.signing_cert.subject.human_friendly)
    return names, ""


def verify_pdf(ctx: Ctx, pdf: bytes) -> Verification:
    """Is this file a document issued here, with the content recorded for its number (or
    its ticket and kind), and (when signed) an intact signature over the whole file?
    Any signed-in user; read only."""
    ctx.user()
    keywords = pdf_keywords(pdf)
    if keywords is None:
        return Verification(False, "berkas bukan PDF yang dapat dibaca", verdict=TIDAK_DIKENAL)
    pointer = parse_pointer(keywords)
    if pointer is None:
        return Verification(
            False,
            "berkas tidak memuat penanda verifikasi LAPOR Desktop",
            verdict=TIDAK_DIKENAL,
        )
    return check_pointer(ctx, pointer, pdf)


def verify_text(ctx: Ctx, text: str) -> Verification:
    """The same for a pointer alone (the QR of a paper copy, scanned or typed): the number,
    ticket and sidik were issued here. Whether the paper's text is that content cannot be
    checked without the file; the reason says so."""
    ctx.user()
    pointer = parse_pointer(text)
    if pointer is None:
        return Verification(
            False, "teks ini bukan kode verifikasi LAPOR Desktop", verdict=TIDAK_DIKENAL
        )
    return check_pointer(ctx, pointer, None)


def check_pointer(ctx: Ctx, pointer: Pointer, pdf: bytes | None) -> Verification:
    """`pointer` against the register and the recorded sidik; `pdf` (when given) for its
    signatures."""
    ctx.user()
    unnumbered = UNNUMBERED.get(pointer.nomor)
    kind = unnumbered or "surat"
    if unnumbered is not None:
        no_case = pointer.nomor == PENDING and pointer.ticket == NO_TICKET  # Ombudsman letter
        if not no_case and Complaint.get_or_none(Complaint.ticket == pointer.ticket) is None:
            return Verification(
                False,
                f"tiket {pointer.ticket} tidak ada di basis data ini",
                pointer,
                verdict=TIDAK_DIKENAL,
                kind=kind,
            )
        what = f"{unnumbered} tiket {pointer.ticket}"
    else:
        letter = Letter.get_or_none(Letter.full_number == pointer.nomor)
        if letter is None:
            return Verification(
                False,
                f"nomor surat {pointer.nomor} tidak ada di register",
                pointer,
                verdict=TIDAK_DIKENAL,
                kind=kind,
            )
        ticket = NO_TICKET
        if letter.complaint_id is not None:
            ticket = Complaint.get_by_id(letter.complaint_id).ticket
        if ticket != pointer.ticket:
            return Verification(
                False,
                f"nomor surat {pointer.nomor} bukan surat untuk tiket {pointer.ticket}",
                pointer,
                kind=kind,
            )
        what = f"surat {pointer.nomor}" + (f" untuk tiket {ticket}" if ticket != NO_TICKET else "")
    if not _recorded(pointer):
        issued = f"{unnumbered} tiket {pointer.ticket}" if unnumbered else f"surat {pointer.nomor}"
        return Verification(
            False,
            f"isi {kind} tidak cocok dengan {issued} yang diterbitkan "
            f"(sidik {pointer.digest} tidak tercatat)",
            pointer,
            kind=kind,
        )
    if pdf is None:
        return Verification(
            True,
            f"kode ini milik {what} yang tercatat diterbitkan; cocokkan nomor, tiket dan isi "
            "cetakan dengan berkas aslinya (kode QR saja tidak membuktikan isi kertasnya)",
            pointer,
            verdict=SAH,
            kind=kind,
        )
    signers, problem = _signatures(pdf)
    if problem:
        return Verification(False, problem, pointer, True, tuple(signers), kind=kind)
    if not signers and not _file_recorded(pointer, pdf):
        # Nothing protects an unsigned file's text but its identity with a produced one.
        return Verification(
            False,
            f"berkas ini tidak sama dengan berkas {what} yang diterbitkan: isinya mungkin "
            "diubah (nomor, tiket dan sidik tercatat, tetapi berkasnya tidak); minta salinan "
            "dari penerbitnya atau cetak ulang dari LAPOR Desktop",
            pointer,
            kind=kind,
        )
    if signers:
        how = "bertanda tangan elektronik utuh"
    elif unnumbered:
        how = (
            "berkasnya sama persis dengan yang dibuat; tanpa tanda tangan elektronik "
            f"({unnumbered} tidak ditandatangani elektronik)"
        )
    else:
        how = "berkasnya sama persis dengan yang dibuat; tanpa tanda tangan elektronik"
    register = "tercatat diterbitkan" if unnumbered else "tercatat di register"
    return Verification(
        True,
        f"{what} {register} dengan isi ini; {how}",
        pointer,
        bool(signers),
        tuple(signers),
        verdict=SAH,
        kind=kind,
    )

"""What every document service shares: who may print what, and the privacy filter.

Who may print which document: the table in domain/permissions.py (checked here, for
every caller; the GUI only shows what it is told).

"own": only cases the user may read (services.scope) — an OPD user's history shows only
what `cases.get_case` gives them; "own OPD": the answer letters their office issued, the
monthly summary of their OPD only. The system admin does no casework and prints no case
documents (the letterhead settings are theirs).

Privacy (LETTERS.md): no document ever carries a NIK or a phone number. The data types
of `pdf.data` have no field for them, and free text (titles, bodies, notes, answers,
addresses) passes through `scrub`, which masks anything shaped like a NIK (16 digits)
or an Indonesian mobile number, and the reporter's own NIK and phone however written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lapor_desktop.domain import permissions
from lapor_desktop.domain.permissions import DOCUMENT_ROLES as DOCUMENT_ROLES  # re-exported
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import PermissionDenied

DOCUMENT_LABELS = {
    "receipt": "tanda terima",
    "disposition": "lembar disposisi",
    "forwarding": "surat penerusan",
    "answer": "surat jawaban",
    "ombudsman": "surat penyampaian ke Ombudsman",
    "history": "riwayat kasus",
    "monthly": "rekapitulasi bulanan",
}


def may_print(s: Session, kind: str) -> bool:
    """Whether this role may print this kind of document at all (scope comes on top)."""
    return permissions.may_print(s.role, kind)


def require_print(ctx: Ctx, kind: str) -> Session:
    s = ctx.user()
    if not may_print(s, kind):
        raise PermissionDenied(
            f"Peran {s.role.label} tidak berwenang mencetak {DOCUMENT_LABELS[kind]}."
        )
    return s


# A NIK: 16 digits on their own (spaces or dots between groups allowed, as people type
# them). A mobile number: 08…, 628…, +62 8… with 8–12 more digits, separators allowed.
_NIK = re.compile(r"(?<![\d])\d{6}[ .-]?\d{6}[ .-]?\d{4}(?![\d])")
_MOBILE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .-]?8(?:[ .-]?\d){7,11}(?![\d])")
NIK_MASK = "[NIK disamarkan]"
PHONE_MASK = "[nomor telepon disamarkan]"


def _digits_pattern(digits: str, prefix: str = "") -> re.Pattern[str]:
    body = r"[ .()-]?".join(re.escape(d) for d in digits)
    return re.compile(r"(?<![\d+])" + prefix + body + r"(?!\d)")


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """Free text with NIKs and phone numbers masked; `secrets` (a reporter's NIK and
    phone) are masked in any spacing. Everything else stays exactly as typed."""
    out = text or ""
    for secret in secrets:
        digits = "".join(ch for ch in secret or "" if ch.isdigit())
        if len(digits) == 16:
            out = _digits_pattern(digits).sub(NIK_MASK, out)
        elif len(digits) >= 6:  # a phone number, with or without 0 / +62 in front
            if digits.startswith("62"):
                digits = digits[2:]
            elif digits.startswith("0"):
                digits = digits[1:]
            out = _digits_pattern(digits, r"(?:\+?62|0)?[ .()-]*").sub(PHONE_MASK, out)
    out = _NIK.sub(NIK_MASK, out)
    return _MOBILE.sub(PHONE_MASK, out)

"""Duplicate reports (issue 18): suggestions at intake and at import, and marking a case
as the duplicate of another.

Suggestions: the FTS index narrows the candidates (cases received within WINDOW_DAYS
whose title shares a word with the new one, and the same reporter's cases), then
rapidfuzz scores title and body; location, category and reporter add to the score.
Marking: the duplicate closes (ARSIP, action DUPLICATE) with a pointer to the main case,
the main case records DUPLICATE_LINKED; both histories stay whole, nothing is deleted,
and a later reporter response on the duplicate lands on the main case (casework.perform).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from lapor_desktop.db.models import Complaint, database_proxy
from lapor_desktop.db.queries import duplicates as queries
from lapor_desktop.domain.workflow import Action, Role, Status, TransitionNotAllowed, next_status
from lapor_desktop.services import deadlines
from lapor_desktop.services.audit import audit
from lapor_desktop.services.casework import load_case, record_action
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import PermissionDenied, ValidationError
from lapor_desktop.services.scope import can_read, hides_identity
from lapor_desktop.services.text import checked_text

WINDOW_DAYS = 30
CANDIDATES = 300  # newest FTS hits scored at most
THRESHOLD = 79.0  # calibrated on tests/lapor/dup_set.py (bench/bench_import.py reports it)
SAME_REPORTER_MIN = 45.0  # text score for a same-reporter suggestion

# Words too common in complaints to narrow anything (Indonesian function words and the
# complaint vocabulary every second title has).
_STOPWORD_TEXT = """
di ke dari yang dan atau untuk pada dengan tidak belum sudah ada adalah ini itu akan
mohon tolong segera kami saya kita warga masyarakat bapak ibu pak bu agar karena sejak
oleh dalam sangat juga masih sering kepada bagi tentang desa kelurahan kecamatan
kabupaten kampar jl jln rt rw no nomor
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"\w+", re.UNICODE)
_ABBREV = {"jln": "jalan", "jl": "jalan", "sdn": "sd negeri", "pju": "lampu jalan"}


def _fold(text: str) -> str:
    """Lower case, accents off, common abbreviations spelled out."""
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(_ABBREV.get(w, w) for w in _WORD.findall(t))


def search_words(title: str, limit: int = 8) -> list[str]:
    words = []
    for w in _fold(title).split():
        if len(w) > 2 and w not in STOPWORDS and not w.isdigit() and w not in words:
            words.append(w)
    return words[:limit]


@dataclass(frozen=True)
class Suggestion:
    ticket: str
    title: str
    status: str
    received_at: datetime
    score: float  # 0-100
    reasons: tuple[str, ...]  # Indonesian, for the person deciding


def _title_score(ta: str, tb: str) -> float:
    return max(fuzz.token_set_ratio(ta, tb), fuzz.token_sort_ratio(ta, tb))


def _body_score(ba: str, bb: str) -> float | None:
    return fuzz.token_set_ratio(ba, bb) if ba and bb else None


def text_score(title_a: str, body_a: str, title_b: str, body_b: str) -> float:
    """How alike two reports read (0-100): titles weigh most, bodies confirm."""
    title = _title_score(_fold(title_a), _fold(title_b))
    body = _body_score(_fold(body_a[: queries.BODY_PREFIX]), _fold(body_b[: queries.BODY_PREFIX]))
    return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * (title if body is None else body)


TITLE_WEIGHT = 0.6
BONUS = 4.0  # same category; same kecamatan
# Below this title score a candidate cannot reach THRESHOLD even with an identical body
# and both bonuses, so its body is not read (most FTS hits at 100k cases end here).
TITLE_CUTOFF = (THRESHOLD - 2 * BONUS - (1 - TITLE_WEIGHT) * 100) / TITLE_WEIGHT


def suggest(
    ctx: Ctx,
    *,
    title: str,
    body: str,
    received_at: datetime | None = None,
    reporter_id: uuid.UUID | None = None,
    category: str | None = None,
    kecamatan: str = "",
    exclude: str | None = None,
    limit: int = 5,
) -> list[Suggestion]:
    """Cases the user may read that look like this report, most alike first."""
    s = ctx.user()
    when = received_at or ctx.clock.now()
    start, end = when - timedelta(days=WINDOW_DAYS), when + timedelta(days=WINDOW_DAYS)
    found: dict[int, queries.Candidate] = {}
    nums = queries.num_range(start, end)
    if nums is not None:
        for c in queries.by_words(search_words(title), nums, start, end, CANDIDATES):
            found[c.num] = c
    if reporter_id is not None:
        for c in queries.by_reporter(reporter_id, start, end):
            found[c.num] = c
    out: list[tuple[float, Suggestion]] = []
    cat = (category or "").strip().upper() or None
    kec = kecamatan.strip().replace(".", "")
    folded_title = _fold(title)
    folded_body: str | None = None
    for c in found.values():
        if c.ticket == exclude:
            continue
        same_reporter = reporter_id is not None and c.reporter_id == reporter_id.hex
        t_score = _title_score(folded_title, _fold(c.title))
        if t_score < TITLE_CUTOFF and not same_reporter:
            continue
        if folded_body is None:
            folded_body = _fold(body[: queries.BODY_PREFIX])
        b_score = _body_score(folded_body, _fold(c.body))
        score = TITLE_WEIGHT * t_score + (1 - TITLE_WEIGHT) * (
            t_score if b_score is None else b_score
        )
        reasons = [f"teks mirip {score:.0f}%"]
        if same_reporter:
            reasons.append("pelapor sama")
        if cat and c.category == cat:
            score += BONUS
            reasons.append("kategori sama")
        if kec and c.kecamatan == kec:
            score += BONUS
            reasons.append("lokasi (kecamatan) sama")
        if score < THRESHOLD and not (same_reporter and score >= SAME_REPORTER_MIN):
            continue
        out.append(
            (
                score,
                Suggestion(
                    c.ticket,
                    c.title,
                    c.status,
                    _as_datetime(c.received_at),
                    min(score, 100.0),
                    tuple(reasons),
                ),
            )
        )
    out.sort(key=lambda x: (-x[0], x[1].ticket))
    readable: list[Suggestion] = []
    for _, sug in out:
        if len(readable) >= limit:
            break
        if s.is_opd and not can_read(s, load_case(sug.ticket)):
            continue  # an OPD sees suggestions only among its own cases
        readable.append(sug)
    return readable


def _as_datetime(v: object) -> datetime:
    if isinstance(v, datetime):
        return v
    return datetime.fromisoformat(str(v))


def suggest_for_case(ctx: Ctx, ticket: str, limit: int = 5) -> list[Suggestion]:
    """Suggestions for an existing case (the case view, after an import)."""
    s = ctx.user()
    case = load_case(ticket)
    if not can_read(s, case):
        from lapor_desktop.services.scope import not_found

        raise not_found(ticket)
    hidden = hides_identity(s, case.anonim, case.created_by_id)
    return suggest(
        ctx,
        title=case.title,
        body=case.body,
        received_at=case.received_at,
        reporter_id=None if hidden else case.reporter_id,
        category=case.category_id,
        kecamatan=case.location_kecamatan,
        exclude=case.ticket,
        limit=limit,
    )


@dataclass(frozen=True)
class DuplicateResult:
    duplicate: str
    main: str
    from_status: Status
    status: Status


def mark_duplicate(ctx: Ctx, duplicate: str, main: str, *, note: str = "") -> DuplicateResult:
    """Close `duplicate` as the duplicate of `main` (regency admin), linking both."""
    s = ctx.require(Role.ADMIN_KABUPATEN)
    extra = checked_text(note, field="note", label="Catatan", max_len=2000)
    deadlines.calendar()
    with database_proxy.atomic("IMMEDIATE"):
        dup, head = load_case(duplicate), load_case(main)
        for c in (dup, head):
            if not can_read(s, c):
                from lapor_desktop.services.scope import not_found

                raise not_found(c.ticket)
        if dup.id == head.id:
            raise ValidationError("Laporan tidak dapat menjadi duplikat dirinya sendiri.", "main")
        if dup.duplicate_of_id is not None:
            other = Complaint.get_by_id(dup.duplicate_of_id).ticket
            raise ValidationError(
                f"Laporan {dup.ticket} sudah ditandai sebagai duplikat laporan {other}.", "main"
            )
        if head.duplicate_of_id is not None:
            root = Complaint.get_by_id(head.duplicate_of_id).ticket
            raise ValidationError(
                f"Laporan {head.ticket} sendiri duplikat laporan {root}; tandai sebagai "
                f"duplikat {root}.",
                "main",
            )
        current = Status(dup.status)
        try:
            new = next_status(current, Action.DUPLICATE, s.role)
        except TransitionNotAllowed as exc:
            raise PermissionDenied(exc.reason) from None
        now = ctx.clock.now()
        text = f"Duplikat dari laporan {head.ticket}." + (f"\n{extra}" if extra else "")
        record_action(ctx, dup, Action.DUPLICATE, current, new, role=s.role, note=text, at=now)
        dup.status = new.value
        dup.closed_at = now
        dup.duplicate_of = head.id
        dup.row_version += 1
        deadlines.refresh_due(dup, now)
        dup.save()
        head_status = Status(head.status)
        record_action(
            ctx,
            head,
            Action.DUPLICATE_LINKED,
            head_status,
            head_status,
            role=s.role,
            note=f"Laporan {dup.ticket} ditutup sebagai duplikat laporan ini.",
            at=now,
        )
        head.row_version += 1
        head.save()
        audit(ctx, "kasus_duplikat", "complaint", dup.ticket, f"duplikat dari {head.ticket}")
    return DuplicateResult(dup.ticket, head.ticket, current, new)


def duplicates_of(case_id: uuid.UUID) -> tuple[str, ...]:
    """Tickets of the cases closed as duplicates of this one."""
    q = Complaint.select(Complaint.ticket).where(Complaint.duplicate_of == case_id)
    return tuple(sorted(c.ticket for c in q))

"""Plain data the renderers print (DESIGN.md §3: `pdf` never imports `db`).

The database side fills these frozen dataclasses; the renderers only read them. Every
string here is *user text*: the renderers escape it, it never reaches reportlab markup
as-is. Privacy (LETTERS.md): no NIK and no phone number of a reporter is ever asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lapor_desktop.domain.workflow import Action, Status


class _Tracked:
    """A case as a reporter knows it: the LAPOR! tracking number, else the ticket."""

    ticket: str
    tracking_id: str

    @property
    def tracking(self) -> str:
        return self.tracking_id or self.ticket


@dataclass(frozen=True)
class Letterhead:
    """Kop surat of one office (page 1 only)."""

    government: str  # "PEMERINTAH KABUPATEN KAMPAR"
    office: str  # "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN"
    address: str  # street, postcode
    phone: str = ""
    website: str = ""
    email: str = ""
    emblem: str = ""  # image path, relative to the templates directory or absolute
    city: str = "Bangkinang"  # place printed before the date


@dataclass(frozen=True)
class Signatory:
    jabatan: str  # "KEPALA DINAS …," (printed in capitals; the comma is added)
    name: str
    pangkat: str = ""  # "Pembina Utama Muda (IV/c)"
    nip: str = ""  # 18 digits
    an: str = ""  # "a.n. BUPATI KAMPAR" line above the jabatan, when signing for someone
    electronic: bool = False  # draw the QR and the BSrE note (the caller then signs)


@dataclass(frozen=True)
class Reporter:
    name: str = ""
    address: str = ""
    anonymous: bool = False


@dataclass(frozen=True)
class ExpectedDeadline:
    """A deadline the reporter may expect (printed on the receipt)."""

    label: str  # "Verifikasi oleh Admin Koordinator"
    due: dt.date


@dataclass(frozen=True)
class ReceiptData:
    office_code: str
    ticket: str
    received_at: dt.datetime
    channel: str
    klasifikasi: str
    title: str
    summary: str
    officer: str
    reporter: Reporter = Reporter(anonymous=True)
    tracking_id: str = ""
    deadlines: tuple[ExpectedDeadline, ...] = ()
    # The QR (default: the ticket); the verification pointer (services.verification),
    # which is then also the PDF "Keywords".
    qr_payload: str = ""


@dataclass(frozen=True)
class CaseRef(_Tracked):
    """One case as listed in a disposition sheet or a forwarding letter."""

    ticket: str
    reported: dt.date
    summary: str
    due: dt.date | None = None  # follow-up deadline
    tracking_id: str = ""
    received: dt.date | None = None
    channel: str = ""
    klasifikasi: str = ""
    category: str = ""


@dataclass(frozen=True)
class DispositionSheet:
    """Lembar disposisi (a form, one case)."""

    office_code: str
    case: CaseRef
    to: str  # the OPD it goes to
    date: dt.date
    agenda_number: str = ""
    sifat: str = "Biasa"  # Sangat Segera | Segera | Biasa (as on the forwarding letter)
    instructions: tuple[str, ...] = ("Ditindaklanjuti",)  # ticked boxes
    note: str = ""
    signatory: Signatory | None = None
    rahasia: bool = False  # a confidential case: "Rahasia" ticked, RAHASIA on every page
    verification_url: str = ""  # the verification pointer: a QR and the PDF "Keywords"


@dataclass(frozen=True)
class ForwardingLetter:
    """Surat penerusan (regency admin → OPD), one or more cases."""

    office_code: str
    nomor: str
    date: dt.date
    to: str  # "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kampar"
    cases: tuple[CaseRef, ...]
    to_place: str = "Bangkinang"
    instruction: str = ""  # extra paragraph from the admin
    signatory: Signatory | None = None
    # The verification pointer (services.verification): the QR (in the signature space
    # when e-signed, beside the signature on paper) and the PDF metadata "Keywords";
    # "" = no pointer QR (the nomor as the e-signed QR), no keywords.
    verification_url: str = ""
    sifat: str = ""  # "" = the template's ("Segera"); "Sangat Segera" for an escalated case
    rahasia: bool = False  # Sifat "Rahasia" and RAHASIA on every page


@dataclass(frozen=True)
class AnswerLetter(_Tracked):
    """Surat jawaban (OPD → reporter), after the head's approval."""

    office_code: str
    nomor: str
    date: dt.date
    ticket: str
    reporter: Reporter
    channel: str
    reported: dt.date
    subject: str
    answer: str  # the approved answer; blank lines separate paragraphs
    tracking_id: str = ""
    lampiran: str = "-"
    signatory: Signatory | None = None
    verification_url: str = ""


@dataclass(frozen=True)
class OmbudsmanCase(_Tracked):
    ticket: str
    received: dt.date
    opd: str
    klasifikasi: str
    days_running: int
    status: str  # status / obstacle text
    tracking_id: str = ""


@dataclass(frozen=True)
class OmbudsmanLetter:
    office_code: str
    nomor: str
    date: dt.date
    cases: tuple[OmbudsmanCase, ...]
    opds_concerned: tuple[str, ...] = ()  # added to the tembusan
    period: str = ""  # e.g. "bulan November 2026" for the periodic version
    signatory: Signatory | None = None
    verification_url: str = ""


@dataclass(frozen=True)
class HistoryEvent:
    at: dt.datetime
    actor: str
    action: Action
    from_status: Status | None = None
    to_status: Status | None = None
    opd: str = ""
    text: str = ""
    role: str = ""


@dataclass(frozen=True)
class CaseHistory:
    """Riwayat kasus: everything about one case, printed for the file."""

    office_code: str
    printed_at: dt.datetime
    ticket: str
    title: str
    summary: str
    status: Status
    received_at: dt.datetime
    channel: str
    klasifikasi: str
    category: str = ""
    opd: str = ""
    tracking_id: str = ""
    reporter: Reporter = Reporter(anonymous=True)
    privacy: str = ""  # "Anonim", "Rahasia", …
    rahasia: bool = False  # Sifat: Rahasia, and RAHASIA on every page
    deadlines: tuple[ExpectedDeadline, ...] = ()
    events: tuple[HistoryEvent, ...] = ()
    printed_by: str = ""
    verification_url: str = ""  # the verification pointer: a QR and the PDF "Keywords"
    duplicate_of: str = ""  # the main case's ticket, for a case closed as its duplicate
    duplicates: tuple[str, ...] = ()  # the cases closed as duplicates of this one


# --- monthly summary --------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class Rate:
    """`on_time` out of `total` cases; the percentage is undefined when total is 0."""

    on_time: int
    total: int

    @property
    def percent(self) -> float | None:
        return None if self.total == 0 else 100.0 * self.on_time / self.total


@dataclass(frozen=True)
class OnTimeRates:
    verification: Rate  # verified (dispositioned) within the verification limit
    followup: Rate  # answered (approved) within the follow-up limit
    finished: Rate  # finished within the absolute limit


@dataclass(frozen=True)
class OpdRow:
    opd: str
    received: int
    finished: int
    in_process: int
    not_followed_up: int
    avg_days: float | None = None  # working days to finish
    median_days: float | None = None
    overdue: int = 0
    escalated: int = 0

    @property
    def percent_finished(self) -> float | None:
        return None if self.received == 0 else 100.0 * self.finished / self.received


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class AnnexRow:
    opd: str
    ticket: str
    received: dt.date
    klasifikasi: str
    category: str
    title: str
    status: str
    days: int | None = None


@dataclass(frozen=True)
class MonthlySummary:
    """Already-aggregated numbers of one month, for the regency or one OPD."""

    office_code: str
    year: int
    month: int
    received_this_month: int
    received_last_month: int
    received_year_to_date: int
    by_status: tuple[CountRow, ...]  # LAPOR! buckets
    by_klasifikasi: tuple[CountRow, ...]
    by_channel: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]  # top categories, biggest first
    by_opd: tuple[OpdRow, ...]
    cohort_rates: OnTimeRates  # cases received this month
    activity_rates: OnTimeRates  # cases whose step fell due / was done this month
    avg_days_to_finish: float | None
    median_days_to_finish: float | None
    overdue: int  # open cases past a limit at the end of the month
    escalated: int  # flagged ESKALASI_OMBUDSMAN during the month
    reopened_cases: int  # cases reopened by the reporter during the month
    reopen_events: int
    trend: tuple[MonthCount, ...] = ()  # the 12 months up to this one
    opd_scope: str = ""  # one OPD's name, or "" for the whole regency
    kendala: str = ""  # III. free text by the admin
    upaya: str = ""
    annex: tuple[AnnexRow, ...] = ()
    date: dt.date | None = None  # signing date; defaults to today
    as_of: dt.date | None = None  # statuses and "overdue" as of this day (the month's end)
    nomor: str = ""
    signatory: Signatory | None = None

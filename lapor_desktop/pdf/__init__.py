"""Official documents: plain data in (pdf.data), PDF/XLSX bytes out (DESIGN.md §3).

Importing this package is cheap: reportlab, openpyxl and pyHanko load on first use
(DESIGN.md §6), so the app can import it at start.

    templates = load_templates()                 # reports/*.toml
    pdf = render_answer(AnswerLetter(...), templates)
    pdf = sign_pdf(pdf, Pkcs12Signer(pfx_bytes, passphrase))   # optional
"""

from __future__ import annotations

from lapor_desktop.pdf.data import (
    AnnexRow,
    AnswerLetter,
    CaseHistory,
    CaseRef,
    CountRow,
    DispositionSheet,
    ExpectedDeadline,
    ForwardingLetter,
    HistoryEvent,
    Letterhead,
    MonthCount,
    MonthlySummary,
    OmbudsmanCase,
    OmbudsmanLetter,
    OnTimeRates,
    OpdRow,
    Rate,
    ReceiptData,
    Reporter,
    Signatory,
)
from lapor_desktop.pdf.signing import Pkcs12Signer, SignatureRequest, Signer, SigningError
from lapor_desktop.pdf.templates import TemplateError, Templates, load_templates

__all__ = [
    "AnnexRow",
    "AnswerLetter",
    "CaseHistory",
    "CaseRef",
    "CountRow",
    "DispositionSheet",
    "ExpectedDeadline",
    "ForwardingLetter",
    "HistoryEvent",
    "Letterhead",
    "MonthCount",
    "MonthlySummary",
    "OmbudsmanCase",
    "OmbudsmanLetter",
    "OnTimeRates",
    "OpdRow",
    "Pkcs12Signer",
    "Rate",
    "ReceiptData",
    "Reporter",
    "Signatory",
    "SignatureRequest",
    "Signer",
    "SigningError",
    "TemplateError",
    "Templates",
    "load_templates",
    "monthly_xlsx",
    "render_answer",
    "render_disposition",
    "render_forwarding",
    "render_history",
    "render_monthly",
    "render_ombudsman",
    "render_receipt",
    "sign_pdf",
]


def render_receipt(data: ReceiptData, templates: Templates, paper: str | None = None) -> bytes:
    """Tanda terima for a walk-in reporter."""
    from lapor_desktop.pdf.receipt import render_receipt as render

    return render(data, templates, paper)


def render_disposition(
    data: DispositionSheet, templates: Templates, paper: str | None = None
) -> bytes:
    """Lembar disposisi (form, one case)."""
    from lapor_desktop.pdf.disposition import render_disposition as render

    return render(data, templates, paper)


def render_forwarding(
    data: ForwardingLetter, templates: Templates, paper: str | None = None
) -> bytes:
    """Surat penerusan (letter to an OPD with a table of cases)."""
    from lapor_desktop.pdf.disposition import render_forwarding as render

    return render(data, templates, paper)


def render_answer(data: AnswerLetter, templates: Templates, paper: str | None = None) -> bytes:
    """Surat jawaban (OPD → reporter); anonymous reports print only the tracking number."""
    from lapor_desktop.pdf.answer import render_answer as render

    return render(data, templates, paper)


def render_ombudsman(
    data: OmbudsmanLetter, templates: Templates, paper: str | None = None
) -> bytes:
    """Penyampaian ke Ombudsman with the annex table of overdue cases."""
    from lapor_desktop.pdf.ombudsman import render_ombudsman as render

    return render(data, templates, paper)


def render_history(data: CaseHistory, templates: Templates, paper: str | None = None) -> bytes:
    """Riwayat kasus (every event of one case)."""
    from lapor_desktop.pdf.history import render_history as render

    return render(data, templates, paper)


def render_monthly(data: MonthlySummary, templates: Templates, paper: str | None = None) -> bytes:
    """Rekapitulasi bulanan with charts and the annex per OPD."""
    from lapor_desktop.pdf.monthly import render_monthly as render

    return render(data, templates, paper)


def monthly_xlsx(data: MonthlySummary) -> bytes:
    """The monthly summary's tables as an XLSX workbook."""
    from lapor_desktop.pdf.monthly_workbook import monthly_xlsx as build

    return build(data)


def sign_pdf(pdf: bytes, signer: Signer, request: SignatureRequest | None = None) -> bytes:
    """PAdES-sign a rendered PDF (render it with `Signatory.electronic=True`)."""
    from lapor_desktop.pdf.signing import sign_pdf as sign

    return sign(pdf, signer, request)

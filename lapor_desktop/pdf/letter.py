"""What the official letters (answer, forwarding, Ombudsman) have in common."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from lapor_desktop.pdf.data import (
    AnswerLetter,
    ForwardingLetter,
    Letterhead,
    OmbudsmanLetter,
    Signatory,
)
from lapor_desktop.pdf.dates import place_date
from lapor_desktop.pdf.page import PageSetup
from lapor_desktop.pdf.parts import SIGNATURE_GAP, SignatureBlock, body, closing_group, tembusan
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import plain

Letter = AnswerLetter | ForwardingLetter | OmbudsmanLetter


@dataclass(frozen=True)
class LetterContext:
    letterhead: Letterhead
    signatory: Signatory | None
    setup: PageSetup
    place_date: str

    def signature(self, templates: Templates, qr_payload: str, pointer: str = "") -> SignatureBlock:
        """The signature block; `pointer` (the verification pointer) is its QR: in the
        signature space when e-signed, else beside the block (SignatureBlock)."""
        return SignatureBlock(
            self.signatory,
            qr_payload=qr_payload,
            signed_by=templates.text("signature", "signed_by"),
            pointer=pointer,
            caption=pointer_caption(templates, pointer),
        )

    def closing(
        self,
        templates: Templates,
        kind: str,
        values: Mapping[str, str],
        letter: Letter,
        copies: Sequence[str] | None = None,
    ) -> list[Flowable]:
        """The letter's closing paragraph (`[kind] closing`) kept with the signature (its
        QR the verification pointer, else the letter's number) and the tembusan: `copies`,
        or `[kind] tembusan`."""
        pointer = letter.verification_url
        if copies is None:
            copies = templates.texts(kind, "tembusan", values)
        return closing_group(
            body(templates.text(kind, "closing", values)),
            [
                Spacer(1, SIGNATURE_GAP),
                self.signature(templates, pointer or letter.nomor, pointer),
                *tembusan(copies),
            ],
        )


def pointer_caption(templates: Templates, pointer: str) -> str:
    """The words beside a verification QR (`[verification] caption`, or `caption_url`
    when the pointer is a link a phone opens); "" without a pointer."""
    if not plain(pointer):
        return ""
    section = templates.letters.get("verification", {})
    section = section if isinstance(section, dict) else {}
    link = not plain(pointer).startswith("LAPOR|")
    key = "caption_url" if link else "caption"
    default = (
        "Pindai kode QR untuk memeriksa keaslian dokumen ini."
        if link
        else "Kode verifikasi dokumen: periksa keasliannya dengan Periksa surat di LAPOR Desktop."
    )
    return str(section.get(key, default))


def letter_context(
    templates: Templates, letter: Letter, kind: str, title: str, paper: str | None = None
) -> LetterContext:
    """The letterhead of the letter's office, its signatory (else the `[kind]` one set up
    for the office), the page (titled `title`; the verification pointer as keywords) and
    the place and date line."""
    lh = templates.letterhead(letter.office_code)
    sig = letter.signatory or templates.signatory(letter.office_code, kind)
    electronic = sig is not None and sig.electronic
    setup = PageSetup(
        paper=paper or templates.paper,
        letterhead=lh,
        emblem=templates.emblem_path(lh),
        esign_note=templates.text("signature", "footer") if electronic else "",
        title=title,
        keywords=plain(letter.verification_url),
    )
    return LetterContext(lh, sig, setup, place_date(lh.city, letter.date))

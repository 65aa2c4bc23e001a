"""Electronic signature: one interface, so a remote service (BSrE) can replace the local
PKCS#12 signer. Our renderer draws the QR and the "ditandatangani secara elektronik"
note; the signer only adds the cryptographic PAdES signature (pyHanko, imported lazily).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable


class SigningError(Exception):
    """The document could not be signed (bad certificate, wrong passphrase, …)."""


@dataclass(frozen=True)
class SignatureRequest:
    reason: str = "Dokumen dinas SP4N-LAPOR! Kabupaten Kampar"
    location: str = "Bangkinang"
    field_name: str = "TandaTanganElektronik"
    contact: str = ""


@runtime_checkable
class Signer(Protocol):
    """Turns an unsigned PDF into a signed one. A BSrE client implements the same."""

    def sign(self, pdf: bytes, request: SignatureRequest) -> bytes: ...


class Pkcs12Signer:
    """Local PAdES (B-B) signature with a PKCS#12 (.p12/.pfx) certificate.

    The passphrase comes from the caller (the OS keyring lives in credentials.py)."""

    def __init__(self, pfx: bytes, passphrase: bytes | str | None) -> None:
        self._pfx = pfx
        self._passphrase = passphrase.encode() if isinstance(passphrase, str) else passphrase
        self._signer: Any = None

    def _load(self) -> Any:  # a pyHanko SimpleSigner, imported lazily
        if self._signer is None:
            from pyhanko.sign import signers

            try:
                self._signer = signers.SimpleSigner.load_pkcs12_data(
                    self._pfx, other_certs=(), passphrase=self._passphrase
                )
            except ValueError as e:
                raise SigningError(
                    "Sertifikat PKCS#12 tidak dapat dibuka (berkas atau kata sandi salah)"
                ) from e
        return self._signer

    def sign(self, pdf: bytes, request: SignatureRequest) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        signer = self._load()
        meta = signers.PdfSignatureMetadata(
            field_name=request.field_name,
            reason=request.reason or None,
            location=request.location or None,
            contact_info=request.contact or None,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        out = io.BytesIO()
        try:
            signers.PdfSigner(meta, signer=signer).sign_pdf(writer, output=out)
        except Exception as e:  # pyHanko raises several types; the caller needs one
            raise SigningError(f"Penandatanganan gagal: {e}") from e
        return out.getvalue()


def sign_pdf(pdf: bytes, signer: Signer, request: SignatureRequest | None = None) -> bytes:
    """Sign a PDF our renderers made (with `Signatory.electronic` set for the marks)."""
    return signer.sign(pdf, request or SignatureRequest())

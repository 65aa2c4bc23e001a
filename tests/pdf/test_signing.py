"""A signed letter validates against a test CA made here, and fails once a byte changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from lapor_desktop.pdf import (
    Pkcs12Signer,
    SignatureRequest,
    Signer,
    SigningError,
    render_answer,
    samples,
    sign_pdf,
)

PASS = b"rahasia-uji"


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kabupaten Kampar (UJI)"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


@pytest.fixture(scope="module")
def pki() -> tuple[bytes, x509.Certificate]:
    """(PKCS#12 of the signer, CA certificate)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("CA Uji LAPOR"))
        .issuer_name(_name("CA Uji LAPOR"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Ir. BUDI SANTOSO, M.T."))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=10))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            # pyHanko wants non-repudiation (content_commitment) on signing certificates.
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pfx = pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, [ca], serialization.BestAvailableEncryption(PASS)
    )
    return pfx, ca


def _validate(pdf: bytes, ca: x509.Certificate) -> Any:  # a pyHanko validation status
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))
    reader = PdfFileReader(io.BytesIO(pdf))
    (signature,) = reader.embedded_signatures
    return validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))


def _esigned_letter(templates) -> bytes:
    signatory = dataclasses.replace(samples.HEAD, electronic=True)
    return render_answer(dataclasses.replace(samples.answer(), signatory=signatory), templates)


def test_signed_letter_validates_against_the_test_ca(pki, templates) -> None:
    pfx, ca = pki
    signer = Pkcs12Signer(pfx, PASS)
    assert isinstance(signer, Signer)
    signed = sign_pdf(_esigned_letter(templates), signer, SignatureRequest(location="Bangkinang"))
    status = _validate(signed, ca)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert "BUDI SANTOSO" in status.signing_cert.subject.human_friendly


def test_one_changed_byte_breaks_the_signature(pki, templates) -> None:
    pfx, ca = pki
    signed = bytearray(sign_pdf(_esigned_letter(templates), Pkcs12Signer(pfx, PASS.decode())))
    # A byte inside the signed range (the header comment: the file still parses).
    at = signed.index(b"ReportLab Generated PDF document") + 2
    signed[at] ^= 0x01
    status = _validate(bytes(signed), ca)
    assert not status.intact
    assert not status.bottom_line


def test_wrong_passphrase_is_a_clear_error(pki, templates) -> None:
    pfx, _ = pki
    with pytest.raises(SigningError, match="kata sandi"):
        sign_pdf(_esigned_letter(templates), Pkcs12Signer(pfx, b"salah"))


def test_another_signer_fits_the_interface(templates) -> None:
    class RemoteStub:
        """What a BSrE client looks like from here: PDF in, signed PDF out."""

        def sign(self, pdf: bytes, request: SignatureRequest) -> bytes:
            return pdf + b"%signed-by-stub\n"

    pdf = _esigned_letter(templates)
    assert sign_pdf(pdf, RemoteStub()).endswith(b"%signed-by-stub\n")

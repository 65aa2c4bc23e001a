"""Electronic signature per office: a PKCS#12 certificate in the data dir, its passphrase in
the OS keyring, and the letters (answer, forwarding, Ombudsman) signed with it.

Where things live (per PC, like the database key):

- `<data_dir>/sertifikat/<OFFICE>.p12` — a copy of the certificate, owner-only (0600);
- `<data_dir>/sertifikat/<OFFICE>.json` — what the certificate says (subject, issuer,
  validity, fingerprint), so the status shows without the passphrase; nothing secret;
- the passphrase in the OS keyring, account `sign:<OFFICE>:<data dir digest>` (two data
  dirs on one PC don't share it). Never in a file, a log, the audit trail or the database:
  without a working keyring `configure_signing` refuses and writes nothing.

Configuring, reading and removing are for the system admin (SYS_ADMIN) and audited.
Printing: `signed_letter` renders the letter with `Signatory(electronic=True)` (the QR and
the BSrE note) and PAdES-signs it when the issuing office has a usable certificate; when
the passphrase is missing from the keyring, the keyring is unavailable, the certificate
has expired or signing fails, the letter is printed unsigned — with the signature space
for a wet signature, never the electronic marks — and `Document.note` says why.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lapor_desktop import credentials
from lapor_desktop.db.models import Office, database_proxy
from lapor_desktop.domain.workflow import Role
from lapor_desktop.pdf.data import AnswerLetter, ForwardingLetter, OmbudsmanLetter, Signatory
from lapor_desktop.pdf.dates import long_date
from lapor_desktop.pdf.signing import Pkcs12Signer, SignatureRequest, Signer, SigningError
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.services import clock
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, ServiceError, ValidationError
from lapor_desktop.services.outfile import write_file
from lapor_desktop.services.text import one_line

log = logging.getLogger(__name__)

CERT_DIR = "sertifikat"
MAX_PFX_BYTES = 1_000_000  # a PKCS#12 with a chain is a few kB
KEYRING_MISSING = (
    "Keyring sistem tidak tersedia, sehingga kata sandi sertifikat tidak dapat disimpan "
    "dengan aman; kata sandi tidak akan pernah disimpan dalam teks biasa. Aktifkan keyring "
    "(Windows Credential Manager, macOS Keychain atau Secret Service) lalu ulangi."
)


class SignerUnavailable(ServiceError):
    """Signing is configured for the office but cannot be used now (no passphrase in the
    keyring, no keyring, expired certificate): letters print unsigned."""


@dataclass(frozen=True)
class SigningStatus:
    office_code: str
    configured: bool
    subject: str = ""
    valid_until: datetime | None = None
    issuer: str = ""
    valid_from: datetime | None = None
    serial: str = ""
    fingerprint: str = ""  # SHA-256 of the certificate, hex
    configured_at: str = ""
    usable: bool = False  # letters are signed now
    problem: str = ""  # why not, in Indonesian ("" when usable or not configured)


@dataclass(frozen=True)
class Document:
    """A rendered letter and whether it carries an electronic signature."""

    data: bytes
    signed: bool
    note: str = ""  # why a configured signature was not applied ("" otherwise)


# ---------------------------------------------------------------- places


def _code(office_code: str) -> str:
    return (office_code or "").strip().upper()


def cert_dir(data_dir: Path) -> Path:
    return Path(data_dir) / CERT_DIR


def cert_path(data_dir: Path, office_code: str) -> Path:
    return cert_dir(data_dir) / f"{_code(office_code)}.p12"


def _info_path(data_dir: Path, office_code: str) -> Path:
    return cert_dir(data_dir) / f"{_code(office_code)}.json"


def keyring_account(data_dir: Path, office_code: str) -> str:
    """The keyring entry of an office's certificate passphrase for this data dir."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return f"sign:{_code(office_code)}:{digest}"


def _office(office_code: str) -> Office:
    office = Office.get_or_none(Office.code == _code(office_code))
    if office is None:
        raise NotFound(f"Kantor dengan kode '{office_code}' tidak ditemukan.")
    return office


# ---------------------------------------------------------------- the certificate


def _name(name: Any) -> str:
    """A readable distinguished name: the common name first, then the organisation."""
    from cryptography.x509.oid import NameOID

    parts = []
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.COUNTRY_NAME):
        parts += [str(a.value) for a in name.get_attributes_for_oid(oid)]
    # Certificate text is foreign input, shown in the CLI and the GUI: cleaned like a name.
    return one_line(", ".join(parts) or name.rfc4514_string())


def _when(moment: datetime) -> str:
    return long_date(moment.date())


def inspect_pkcs12(pfx: bytes, passphrase: str, now: datetime | None = None) -> dict[str, str]:
    """What the certificate says, after checking that it can sign letters today.

    Raises ValidationError (field "pfx" or "passphrase") with the reason in Indonesian:
    not a PKCS#12 file, wrong passphrase, no private key, no certificate, key and
    certificate not a pair, not yet valid or expired, not meant for signing documents.
    """
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    not_pkcs12 = ValidationError(
        "Berkas ini bukan sertifikat PKCS#12 (.p12/.pfx) yang dapat dibaca.", "pfx"
    )
    if not pfx or len(pfx) > MAX_PFX_BYTES:
        raise not_pkcs12
    try:  # the outer structure is readable without the passphrase
        outer = asn1_pkcs12.Pfx.load(pfx)
        _ = outer["version"].native, outer["auth_safe"]["content_type"].native
    except (ValueError, TypeError, KeyError):
        raise not_pkcs12 from None
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(pfx, passphrase.encode())
    except ValueError:
        raise ValidationError(
            "Kata sandi sertifikat salah: berkas PKCS#12 tidak dapat dibuka dengan kata sandi ini.",
            "passphrase",
        ) from None
    if key is None:
        raise ValidationError(
            "Berkas PKCS#12 tidak berisi kunci privat; ekspor ulang sertifikat beserta kunci "
            "privatnya.",
            "pfx",
        )
    if cert is None:
        raise ValidationError("Berkas PKCS#12 tidak berisi sertifikat penanda tangan.", "pfx")
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        raise ValidationError("Kunci privat dan sertifikat dalam berkas tidak sepasang.", "pfx")
    subject = _name(cert.subject)
    now = now or clock.utc_now()
    if cert.not_valid_after_utc <= now:
        raise ValidationError(
            f"Sertifikat {subject} sudah kedaluwarsa sejak {_when(cert.not_valid_after_utc)}.",
            "pfx",
        )
    if cert.not_valid_before_utc > now:
        raise ValidationError(
            f"Sertifikat {subject} baru berlaku mulai {_when(cert.not_valid_before_utc)}.",
            "pfx",
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not usage.content_commitment:
        raise ValidationError(
            f"Sertifikat {subject} tidak untuk tanda tangan dokumen (key usage "
            "non-repudiation tidak ada); mintalah sertifikat tanda tangan elektronik.",
            "pfx",
        )
    return {
        "subject": subject,
        "issuer": _name(cert.issuer),
        "valid_from": cert.not_valid_before_utc.isoformat(),
        "valid_until": cert.not_valid_after_utc.isoformat(),
        "serial": format(cert.serial_number, "X"),
        "fingerprint": cert.fingerprint(hashes.SHA256()).hex(),
    }


def _blank_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def _trial_sign(pfx: bytes, passphrase: str) -> None:
    """Sign a blank page: proves pyHanko can use this certificate before it is kept."""
    try:
        Pkcs12Signer(pfx, passphrase).sign(_blank_pdf(), SignatureRequest(reason="uji"))
    except SigningError as exc:
        raise ValidationError(
            f"Sertifikat tidak dapat dipakai menandatangani: {exc}", "pfx"
        ) from None


# ---------------------------------------------------------------- files (owner-only)


def _write_private(path: Path, data: bytes) -> None:
    """Write whole or not at all (outfile: a 0600 temporary file in the same folder, then
    a rename), in a folder only the owner may open."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    write_file(path, data)


def _read_info(data_dir: Path, office_code: str) -> dict[str, str]:
    try:
        raw = json.loads(_info_path(data_dir, office_code).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def _parse_moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


# ---------------------------------------------------------------- the admin's side


def configure_signing(
    ctx: Ctx, office_code: str, pfx_path: Path | str, passphrase: str
) -> SigningStatus:
    """Install an office's PKCS#12 certificate for electronic signatures (SYS_ADMIN).

    Checks the certificate first (see `inspect_pkcs12`, plus a trial signature), then
    stores the passphrase in the OS keyring and copies the file to
    `<data_dir>/sertifikat/<OFFICE>.p12` (0600). Without a working keyring it refuses and
    writes nothing. Replaces an earlier certificate of the office. Audited (subject,
    issuer, validity, fingerprint — never the passphrase).
    """
    ctx.require(Role.SYS_ADMIN)
    office = _office(office_code)
    if not passphrase:
        raise ValidationError("Kata sandi sertifikat wajib diisi.", "passphrase")
    source = Path(pfx_path).expanduser()
    if not source.is_file():
        raise ValidationError(f"Berkas sertifikat tidak ditemukan: {source}", "pfx")
    if source.stat().st_size > MAX_PFX_BYTES:
        raise ValidationError("Berkas ini bukan sertifikat PKCS#12 (.p12/.pfx).", "pfx")
    pfx = source.read_bytes()
    info = inspect_pkcs12(pfx, passphrase)
    _trial_sign(pfx, passphrase)

    account = keyring_account(ctx.data_dir, office.code)
    try:
        previous = credentials.get_secret(account)
        credentials.store_secret(account, passphrase)
    except credentials.KeyringUnavailable:
        raise ServiceError(KEYRING_MISSING) from None
    target, info_file = cert_path(ctx.data_dir, office.code), _info_path(ctx.data_dir, office.code)
    old_files = {p: p.read_bytes() for p in (target, info_file) if p.is_file()}
    s = ctx.user()
    meta = {
        "office": office.code,
        **info,
        "configured_at": ctx.clock.now().isoformat(sep=" ", timespec="seconds"),
        "configured_by": s.username,
    }
    try:
        _write_private(target, pfx)
        _write_private(info_file, json.dumps(meta, ensure_ascii=False, indent=2).encode())
        with database_proxy.atomic("IMMEDIATE"):
            audit(
                ctx,
                "sertifikat_tte_dipasang",
                "office",
                office.code,
                json.dumps({k: v for k, v in meta.items() if k != "office"}, ensure_ascii=False),
            )
    except BaseException:
        for p in (target, info_file):
            if p in old_files:
                _write_private(p, old_files[p])
            else:
                p.unlink(missing_ok=True)
        with contextlib.suppress(credentials.KeyringUnavailable):
            if previous is None:
                credentials.forget_secret(account)
            else:
                credentials.store_secret(account, previous)
        raise
    log.info("electronic signature configured for %s", office.code)
    return _status(ctx.data_dir, office.code)


def signing_status(ctx: Ctx, office_code: str) -> SigningStatus:
    """Whether the office signs its letters, with what certificate, and any problem
    (SYS_ADMIN only; the passphrase is never shown, only whether the keyring has it)."""
    ctx.require(Role.SYS_ADMIN)
    return _status(ctx.data_dir, _office(office_code).code)


def remove_signing(ctx: Ctx, office_code: str) -> bool:
    """Remove the office's certificate copy and its passphrase (SYS_ADMIN, audited).
    False when nothing was configured. The office's letters print unsigned again."""
    ctx.require(Role.SYS_ADMIN)
    office = _office(office_code)
    target, info_file = cert_path(ctx.data_dir, office.code), _info_path(ctx.data_dir, office.code)
    info = _read_info(ctx.data_dir, office.code)
    try:
        had_secret = credentials.forget_secret(keyring_account(ctx.data_dir, office.code))
    except credentials.KeyringUnavailable:
        had_secret = False  # nothing can be stored there either
    had_file = target.is_file()
    target.unlink(missing_ok=True)
    info_file.unlink(missing_ok=True)
    if not (had_file or had_secret):
        return False
    with database_proxy.atomic("IMMEDIATE"):
        detail = {k: info[k] for k in ("subject", "fingerprint") if k in info}
        audit(
            ctx,
            "sertifikat_tte_dihapus",
            "office",
            office.code,
            json.dumps(detail, ensure_ascii=False),
        )
    return True


def _status(data_dir: Path, code: str) -> SigningStatus:
    if not cert_path(data_dir, code).is_file():
        return SigningStatus(office_code=code, configured=False)
    info = _read_info(data_dir, code)
    problem = ""
    try:
        signer_for(data_dir, code)
    except SignerUnavailable as exc:
        problem = exc.message
    return SigningStatus(
        office_code=code,
        configured=True,
        subject=info.get("subject", ""),
        valid_until=_parse_moment(info.get("valid_until", "")),
        issuer=info.get("issuer", ""),
        valid_from=_parse_moment(info.get("valid_from", "")),
        serial=info.get("serial", ""),
        fingerprint=info.get("fingerprint", ""),
        configured_at=info.get("configured_at", ""),
        usable=not problem,
        problem=problem,
    )


# ---------------------------------------------------------------- printing


def signer_for(data_dir: Path, office_code: str) -> Signer | None:
    """The office's signer; None when no certificate is configured.

    Raises SignerUnavailable when one is configured but cannot sign now: the passphrase
    is not in the keyring (or there is no keyring), or the certificate has expired.
    """
    code = _code(office_code)
    path = cert_path(data_dir, code)
    if not path.is_file():
        return None
    until = _parse_moment(_read_info(data_dir, code).get("valid_until", ""))
    if until is not None and until <= clock.utc_now():
        raise SignerUnavailable(
            f"Sertifikat elektronik {code} kedaluwarsa sejak {_when(until)}; surat dicetak "
            "tanpa tanda tangan elektronik."
        )
    try:
        passphrase = credentials.get_secret(keyring_account(data_dir, code))
    except credentials.KeyringUnavailable:
        raise SignerUnavailable(
            f"Keyring sistem tidak tersedia; kata sandi sertifikat {code} tidak dapat dibaca, "
            "surat dicetak tanpa tanda tangan elektronik."
        ) from None
    if not passphrase:
        raise SignerUnavailable(
            f"Kata sandi sertifikat {code} tidak ada di keyring komputer ini; surat dicetak "
            f"tanpa tanda tangan elektronik (pasang ulang: signing set {code} --pfx BERKAS)."
        )
    try:
        pfx = path.read_bytes()
    except OSError as exc:
        raise SignerUnavailable(f"Berkas sertifikat {code} tidak dapat dibaca: {exc}") from None
    return Pkcs12Signer(pfx, passphrase)


def _with_marks[L: (AnswerLetter, ForwardingLetter, OmbudsmanLetter)](
    data: L, templates: Templates, kind: str, electronic: bool
) -> L:
    """The letter with its signatory's `electronic` flag set to what really happens, so
    an unsigned letter never carries the QR and the BSrE note."""
    sig = data.signatory or templates.signatory(data.office_code, kind)
    if sig is None:
        if not electronic:
            return data
        sig = Signatory(jabatan="", name="")
    return dataclasses.replace(data, signatory=dataclasses.replace(sig, electronic=electronic))


def signed_letter[L: (AnswerLetter, ForwardingLetter, OmbudsmanLetter)](
    ctx: Ctx,
    kind: str,
    data: L,
    templates: Templates,
    render: Callable[[L, Templates], bytes],
    label: str = "",
) -> Document:
    """Render a letter of the office `data.office_code` and sign it when that office has
    a usable certificate (see the module docstring for the fallback). A signed letter is
    audited (`surat_ditandatangani`). Every letter carries its verification pointer
    (services.verification: the QR when e-signed, the PDF's metadata always)."""
    from lapor_desktop.services.verification import record_file, with_pointer

    data = with_pointer(ctx, data, templates)
    code = data.office_code
    signed: bytes | None = None
    note = ""  # why a configured signature was not applied
    try:
        signer = signer_for(ctx.data_dir, code)
    except SignerUnavailable as exc:
        log.warning("letter %s printed unsigned: %s", data.nomor, exc.message)
        signer, note = None, exc.message
    if signer is not None:
        request = SignatureRequest(
            reason=f"{(label or kind).capitalize()} nomor {data.nomor}",
            location=templates.letterhead(code).city or SignatureRequest.location,
        )
        try:
            signed = signer.sign(
                render(_with_marks(data, templates, kind, True), templates), request
            )
        except SigningError as exc:
            note = f"Penandatanganan elektronik gagal ({exc}); surat dicetak tanpa tanda tangan."
            log.warning("letter %s printed unsigned: %s", data.nomor, exc)
        else:
            audit(ctx, "surat_ditandatangani", "letter", data.nomor, f"{kind}; {code}")
    if signed is not None:
        doc = Document(signed, True)
    else:
        doc = Document(render(_with_marks(data, templates, kind, False), templates), False, note)
    record_file(ctx, data.verification_url, doc.data)  # verify: this very file was made here
    return doc

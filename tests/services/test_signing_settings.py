"""Electronic signature per office: configure a certificate made by a test CA, then the
letters are PAdES-signed and validate with pyHanko; refusals write nothing; the
passphrase lives in the keyring only."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from lapor_desktop.db.models import AuditLog
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.services import documents
from lapor_desktop.services import signing_settings as ss
from lapor_desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from tests.conftest import MemoryKeyring
from tests.pdf.conftest import pdf_text
from tests.pdf.test_signing import (
    PASS,
    _validate,
    pki,  # noqa: F401 -- the test CA fixture, reused
)
from tests.services.casepaths import case_in, do
from tests.services.conftest import World

PASSPHRASE = PASS.decode()
ESIGN_NOTE = "Dokumen ini telah ditandatangani secara elektronik"
SIGNED_BY = "Ditandatangani secara elektronik oleh"

Pki = tuple[bytes, x509.Certificate]


@pytest.fixture(scope="module")
def test_ca(request: pytest.FixtureRequest) -> Pki:
    """(the signer's PKCS#12, the CA certificate) from tests/pdf/test_signing.py."""
    return request.getfixturevalue("pki")


@pytest.fixture
def pfx_file(test_ca: Pki, tmp_path: Path) -> Path:
    path = tmp_path / "kadis-pupr.p12"  # outside the data dir, as the admin's download
    path.write_bytes(test_ca[0])
    return path


def sysadmin(world: World):
    return world.as_("sysadmin")


def answered(world: World) -> str:
    return case_in(world, Status.SELESAI)


def sign_entries(kr: MemoryKeyring) -> dict[tuple[str, str], str]:
    """The keyring's certificate passphrases (the database key lives there too)."""
    return {k: v for k, v in kr.store.items() if k[1].startswith("sign:")}


def nothing_stored(world: World, kr: MemoryKeyring) -> None:
    assert not ss.cert_dir(world.data_dir).exists()
    assert sign_entries(kr) == {}
    assert not AuditLog.select().where(AuditLog.event.startswith("sertifikat_tte")).exists()


# ---------------------------------------------------------------- signed letters


def test_answer_letter_is_signed_and_validates_against_the_test_ca(
    world: World, test_ca: Pki, pfx_file: Path
) -> None:
    st = ss.configure_signing(sysadmin(world), "pupr", pfx_file, PASSPHRASE)
    assert st.configured and st.usable and st.problem == ""
    assert "BUDI SANTOSO" in st.subject and "CA Uji LAPOR" in st.issuer
    assert st.valid_until is not None and st.valid_until > dt.datetime.now(dt.UTC)
    t = answered(world)
    doc = documents.answer_document(world.as_("kadis.pupr"), t)
    assert doc.signed and doc.note == ""
    status = _validate(doc.data, test_ca[1])
    assert status.intact and status.valid and status.trusted and status.bottom_line
    text = pdf_text(doc.data)
    assert SIGNED_BY in text and ESIGN_NOTE in text and t in text.replace(" ", "")
    # answer_pdf still gives bytes: the same signed letter
    again = documents.answer_pdf(world.as_("admin"), t)
    assert _validate(again, test_ca[1]).bottom_line
    assert AuditLog.select().where(AuditLog.event == "surat_ditandatangani").count() == 2


def test_one_changed_byte_breaks_the_signed_letter(
    world: World, test_ca: Pki, pfx_file: Path
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    signed = bytearray(documents.answer_document(world.as_("kadis.pupr"), answered(world)).data)
    at = signed.index(b"ReportLab Generated PDF document") + 2
    signed[at] ^= 0x01
    status = _validate(bytes(signed), test_ca[1])
    assert not status.intact and not status.bottom_line


def test_only_the_issuing_office_signs(world: World, test_ca: Pki, pfx_file: Path) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    t = answered(world)
    fwd = documents.forwarding_document(world.as_("admin"), t)  # the regency office's letter
    assert not fwd.signed and fwd.note == ""
    assert ESIGN_NOTE not in pdf_text(fwd.data) and b"/ByteRange" not in fwd.data
    ss.configure_signing(sysadmin(world), "DISKOMINFOSANDI", pfx_file, PASSPHRASE)
    fwd = documents.forwarding_document(world.as_("admin"), t)
    assert fwd.signed and _validate(fwd.data, test_ca[1]).bottom_line
    esc = case_in(world, Status.DIPROSES)
    do(world, "admin", esc, Action.ESCALATE)
    omb = documents.ombudsman_document(world.as_("admin"), "bulan November 2026")
    assert omb.signed and _validate(omb.data, test_ca[1]).bottom_line
    assert documents.ombudsman_pdf(world.as_("admin"), "bulan November 2026").startswith(b"%PDF")


def test_letters_without_a_certificate_print_the_signature_space(world: World) -> None:
    doc = documents.answer_document(world.as_("kadis.pupr"), answered(world))
    assert not doc.signed and doc.note == ""
    text = pdf_text(doc.data)
    assert ESIGN_NOTE not in text and SIGNED_BY not in text
    assert b"/ByteRange" not in doc.data


# ---------------------------------------------------------------- missing at print time


def test_passphrase_missing_at_print_time_falls_back_to_unsigned(
    world: World, pfx_file: Path, memory_keyring: MemoryKeyring
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    for key in sign_entries(memory_keyring):  # another PC, or the entry deleted
        del memory_keyring.store[key]
    doc = documents.answer_document(world.as_("kadis.pupr"), answered(world))
    assert not doc.signed
    assert "tidak ada di keyring" in doc.note and "tanpa tanda tangan elektronik" in doc.note
    text = pdf_text(doc.data)
    assert ESIGN_NOTE not in text and SIGNED_BY not in text  # the space, not false marks
    st = ss.signing_status(sysadmin(world), "PUPR")
    assert st.configured and not st.usable and "keyring" in st.problem


def test_keyring_unavailable_at_print_time_falls_back_to_unsigned(
    world: World, pfx_file: Path
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    t = answered(world)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    doc = documents.answer_document(world.as_("kadis.pupr"), t)
    assert not doc.signed and "Keyring sistem tidak tersedia" in doc.note
    assert documents.answer_pdf(world.as_("kadis.pupr"), t).startswith(b"%PDF-")


# ---------------------------------------------------------------- refusals write nothing


def test_wrong_passphrase_is_refused_and_nothing_is_kept(
    world: World, pfx_file: Path, memory_keyring: MemoryKeyring
) -> None:
    with pytest.raises(ValidationError, match="Kata sandi sertifikat salah") as exc:
        ss.configure_signing(sysadmin(world), "PUPR", pfx_file, "salah")
    assert exc.value.field == "passphrase"
    with pytest.raises(ValidationError, match="wajib"):
        ss.configure_signing(sysadmin(world), "PUPR", pfx_file, "")
    nothing_stored(world, memory_keyring)


def test_a_bad_replacement_keeps_the_working_certificate(
    world: World, test_ca: Pki, pfx_file: Path
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    with pytest.raises(ValidationError):
        ss.configure_signing(sysadmin(world), "PUPR", pfx_file, "salah")
    doc = documents.answer_document(world.as_("kadis.pupr"), answered(world))
    assert doc.signed and _validate(doc.data, test_ca[1]).bottom_line


def _cert_and_key(pfx: bytes) -> tuple[x509.Certificate, object]:
    key, cert, _ = pkcs12.load_key_and_certificates(pfx, PASS)
    assert key is not None and cert is not None
    return cert, key


def _self_signed(pfx: bytes, days: tuple[int, int], non_repudiation: bool = True) -> bytes:
    """A self-signed certificate over the test key, valid from/until now + days."""
    cert, key = _cert_and_key(pfx)
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=non_repudiation,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    other = (
        x509.CertificateBuilder()
        .subject_name(cert.subject)
        .issuer_name(cert.subject)
        .public_key(cert.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=days[0]))
        .not_valid_after(now + dt.timedelta(days=days[1]))
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())  # type: ignore[arg-type]
    )
    enc = serialization.BestAvailableEncryption(PASS)
    return pkcs12.serialize_key_and_certificates(b"x", key, other, None, enc)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "message", "field"),
    [
        ("not_pkcs12", "bukan sertifikat PKCS#12", "pfx"),
        ("empty", "bukan sertifikat PKCS#12", "pfx"),
        ("no_key", "tidak berisi kunci privat", "pfx"),
        ("expired", "kedaluwarsa sejak", "pfx"),
        ("not_yet", "baru berlaku mulai", "pfx"),
        ("no_non_repudiation", "non-repudiation", "pfx"),
        ("missing", "tidak ditemukan", "pfx"),
    ],
)
def test_unusable_certificates_are_refused_with_the_reason(
    world: World,
    test_ca: Pki,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    case: str,
    message: str,
    field: str,
) -> None:
    pfx = test_ca[0]
    cert, _ = _cert_and_key(pfx)
    enc = serialization.BestAvailableEncryption(PASS)
    contents = {
        "not_pkcs12": b"%PDF-1.7\nbukan sertifikat\n" * 20,
        "empty": b"",
        "no_key": pkcs12.serialize_key_and_certificates(b"x", None, cert, None, enc),
        "expired": _self_signed(pfx, (-30, -1)),
        "not_yet": _self_signed(pfx, (5, 30)),
        "no_non_repudiation": _self_signed(pfx, (-1, 30), non_repudiation=False),
    }
    path = tmp_path / f"{case}.p12"
    if case in contents:
        path.write_bytes(contents[case])
    with pytest.raises(ValidationError, match=message) as exc:
        ss.configure_signing(sysadmin(world), "PUPR", path, PASSPHRASE)
    assert exc.value.field == field
    nothing_stored(world, memory_keyring)


def test_only_the_system_admin_manages_certificates(world: World, pfx_file: Path) -> None:
    for user in ("admin", "kadis.pupr", "pupr", "inspektur", "loket"):
        ctx = world.as_(user)
        with pytest.raises(PermissionDenied):
            ss.configure_signing(ctx, "PUPR", pfx_file, PASSPHRASE)
        with pytest.raises(PermissionDenied):
            ss.signing_status(ctx, "PUPR")
        with pytest.raises(PermissionDenied):
            ss.remove_signing(ctx, "PUPR")
    assert not ss.cert_dir(world.data_dir).exists()


def test_without_a_keyring_configuring_is_refused_and_nothing_written(
    world: World, pfx_file: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    with pytest.raises(ServiceError, match="Keyring sistem tidak tersedia") as exc:
        ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    assert "teks biasa" in exc.value.message
    assert not ss.cert_dir(world.data_dir).exists()
    assert not AuditLog.select().where(AuditLog.event.startswith("sertifikat_tte")).exists()
    assert not ss.signing_status(sysadmin(world), "PUPR").configured


# ---------------------------------------------------------------- storage


def test_passphrase_never_in_a_file_and_the_copy_is_owner_only(
    world: World, pfx_file: Path, memory_keyring: MemoryKeyring
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    documents.answer_document(world.as_("kadis.pupr"), answered(world))
    ss.signing_status(sysadmin(world), "PUPR")
    files = [p for p in world.data_dir.rglob("*") if p.is_file()]
    assert ss.cert_path(world.data_dir, "PUPR") in files
    forms = (PASS, PASSPHRASE.encode("utf-16-le"), PASSPHRASE.encode("utf-16-be"))
    for p in files:
        data = p.read_bytes()
        assert not any(f in data for f in forms), p
    details = " ".join(a.detail for a in AuditLog.select())
    assert PASSPHRASE not in details and "BUDI SANTOSO" in details
    assert list(sign_entries(memory_keyring).values()) == [PASSPHRASE]
    ((service, account),) = sign_entries(memory_keyring)
    assert service == "lapor-desktop" and account.startswith("sign:PUPR:")
    p12 = ss.cert_path(world.data_dir, "PUPR")
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE(p12.parent.stat().st_mode) == 0o700
    assert not list(p12.parent.glob(".*.tmp"))


def test_remove_forgets_the_certificate_and_the_passphrase(
    world: World, pfx_file: Path, memory_keyring: MemoryKeyring
) -> None:
    ss.configure_signing(sysadmin(world), "PUPR", pfx_file, PASSPHRASE)
    assert ss.remove_signing(sysadmin(world), "pupr") is True
    assert sign_entries(memory_keyring) == {}
    assert not ss.cert_path(world.data_dir, "PUPR").exists()
    assert not ss.signing_status(sysadmin(world), "PUPR").configured
    assert ss.signer_for(world.data_dir, "PUPR") is None
    assert not documents.answer_document(world.as_("kadis.pupr"), answered(world)).signed
    assert ss.remove_signing(sysadmin(world), "PUPR") is False
    events = [a.event for a in AuditLog.select().where(AuditLog.entity_id == "PUPR")]
    assert events.count("sertifikat_tte_dipasang") == 1
    assert events.count("sertifikat_tte_dihapus") == 1

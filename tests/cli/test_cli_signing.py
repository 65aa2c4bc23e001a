"""`signing set|show|remove` and signed letters end to end, in-process through app.main with
the in-memory keyring; passwords from LAPOR_PASSWORD, the passphrase from
LAPOR_SIGN_PASSPHRASE."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from cryptography import x509

from lapor_desktop import credentials, paths
from lapor_desktop.domain.workflow import Action, Status
from tests.cli.test_cli_documents import Run
from tests.conftest import MemoryKeyring
from tests.pdf.conftest import pdf_text
from tests.pdf.test_signing import (
    PASS,
    _validate,
    pki,  # noqa: F401 -- the test CA fixture, reused
)
from tests.services.casepaths import case_in, do
from tests.services.conftest import PASSWORD, build_world

Pki = tuple[bytes, x509.Certificate]
ESIGN_NOTE = "Dokumen ini telah ditandatangani secara elektronik"


@pytest.fixture(scope="module")
def test_ca(request: pytest.FixtureRequest) -> Pki:
    return request.getfixturevalue("pki")


@pytest.fixture
def tickets(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    world, store = build_world(data_dir)
    t = {"answered": case_in(world, Status.SELESAI), "escalated": case_in(world, Status.DIPROSES)}
    do(world, "admin", t["escalated"], Action.ESCALATE)
    store.close()
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", PASS.decode())
    yield t


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Run:
    return Run(capsys, data_dir)


@pytest.fixture
def pfx(test_ca: Pki, tmp_path: Path) -> Path:
    path = tmp_path / "sertifikat-uji.p12"
    path.write_bytes(test_ca[0])
    return path


def test_set_show_sign_and_remove(
    run: Run, tickets: dict[str, str], pfx: Path, test_ca: Pki, tmp_path: Path
) -> None:
    out = tmp_path / "jawaban.pdf"
    rc, stdout, err = run("letter", "answer", tickets["answered"], "--out", str(out))
    assert rc == 0, err
    assert "Tanda tangan elektronik: tidak" in stdout
    # no signing warning (the sample kop's warning is letterhead_settings.letterhead_gaps')
    assert [w for w in err.splitlines() if "kop surat/penanda tangan" not in w] == []

    rc, stdout, err = run("signing", "set", "PUPR", "--pfx", str(pfx), user="sysadmin")
    assert rc == 0, err
    assert "dipasang untuk PUPR" in stdout and "BUDI SANTOSO" in stdout and "aktif" in stdout
    assert PASS.decode() not in stdout + err

    rc, stdout, err = run("signing", "show", "PUPR", "--json", user="sysadmin")
    assert rc == 0, err
    st = json.loads(stdout)
    assert st["configured"] and st["usable"] and "CA Uji LAPOR" in st["issuer"]
    assert st["valid_until"] and len(st["fingerprint"]) == 64

    rc, stdout, err = run("letter", "answer", tickets["answered"], "--out", str(out))
    assert rc == 0, err
    assert "Tanda tangan elektronik: ya" in stdout
    status = _validate(out.read_bytes(), test_ca[1])
    assert status.intact and status.trusted and status.bottom_line
    assert ESIGN_NOTE in pdf_text(out.read_bytes())

    # the regency office has no certificate: forwarding and Ombudsman letters unsigned
    rc, stdout, err = run("letter", "forwarding", tickets["answered"], "--out", str(out))
    assert rc == 0 and "Tanda tangan elektronik: tidak" in stdout, err
    rc, stdout, err = run("signing", "set", "DISKOMINFOSANDI", "--pfx", str(pfx), user="sysadmin")
    assert rc == 0, err
    omb = tmp_path / "ombudsman.pdf"
    rc, stdout, err = run("letter", "ombudsman", "--out", str(omb))
    assert rc == 0 and "Tanda tangan elektronik: ya" in stdout, err
    assert _validate(omb.read_bytes(), test_ca[1]).bottom_line

    rc, stdout, err = run("signing", "remove", "PUPR", user="sysadmin")
    assert rc == 0 and "dihapus" in stdout, err
    rc, stdout, _ = run("signing", "show", "PUPR", user="sysadmin")
    assert rc == 0 and "belum dipasang" in stdout
    rc, stdout, _ = run("signing", "remove", "PUPR", user="sysadmin")
    assert rc == 0 and "Tidak ada sertifikat" in stdout


def test_refusals(
    run: Run,
    tickets: dict[str, str],
    pfx: Path,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    rc, _, err = run("signing", "set", "PUPR", "--pfx", str(pfx), user="admin")
    assert rc == 1 and "Ditolak" in err
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", "salah")
    rc, _, err = run("signing", "set", "PUPR", "--pfx", str(pfx), user="sysadmin")
    assert rc == 1 and "Kata sandi sertifikat salah" in err
    rc, _, err = run("signing", "set", "PUPR", "--pfx", str(data_dir), user="sysadmin")
    assert rc == 1 and "tidak ditemukan" in err
    rc, _, err = run("signing", "set", "PUPR", user="sysadmin")
    assert rc == 2 and "--pfx" in err
    assert not (data_dir / "sertifikat").exists()


def test_no_keyring_refuses_to_store_the_passphrase(
    run: Run, tickets: dict[str, str], pfx: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a keyring the database key is asked from the person (LAPOR_DB_KEY).
    db_key = credentials.get_db_key(paths.db_path(data_dir))
    assert db_key
    monkeypatch.setenv("LAPOR_DB_KEY", db_key)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    rc, _, err = run("signing", "set", "PUPR", "--pfx", str(pfx), user="sysadmin")
    assert rc == 1 and "Keyring sistem tidak tersedia" in err
    assert "kata sandi sertifikat tidak dapat disimpan" in err and "teks biasa" in err
    assert not (data_dir / "sertifikat").exists()


def test_letter_reports_a_missing_passphrase(
    run: Run, tickets: dict[str, str], pfx: Path, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    rc, _, err = run("signing", "set", "PUPR", "--pfx", str(pfx), user="sysadmin")
    assert rc == 0, err
    for key in [k for k in memory_keyring.store if k[1].startswith("sign:")]:
        del memory_keyring.store[key]
    out = tmp_path / "jawaban.pdf"
    rc, stdout, err = run("letter", "answer", tickets["answered"], "--out", str(out))
    assert rc == 0, err
    assert "Tanda tangan elektronik: tidak" in stdout
    assert "Peringatan:" in err and "tidak ada di keyring" in err
    assert ESIGN_NOTE not in pdf_text(out.read_bytes())
    rc, stdout, _ = run("signing", "show", "PUPR", user="sysadmin")
    assert rc == 0 and "TIDAK DAPAT DIPAKAI" in stdout and "keyring" in stdout

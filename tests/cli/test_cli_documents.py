"""`letter`, `report monthly` and `letterhead` end to end, in-process through app.main with
the in-memory keyring; the password comes from LAPOR_PASSWORD."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lapor_desktop import app
from lapor_desktop.domain.workflow import Action, Status
from tests.pdf.conftest import pdf_text
from tests.services.casepaths import case_in, do
from tests.services.conftest import PASSWORD, build_world


class Run:
    def __init__(self, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
        self.capsys = capsys
        self.data_dir = data_dir

    def __call__(self, *args: str, user: str = "admin") -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            rc = app.main(["--data-dir", str(self.data_dir), "--user", user, *args])
        except SystemExit as exc:
            rc = int(exc.code or 0)
        out = self.capsys.readouterr()
        return rc, out.out, out.err


@pytest.fixture
def tickets(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    world, store = build_world(data_dir)
    t = {
        "answered": case_in(world, Status.SELESAI),
        "new": world.new_case(),
        "anon": case_in(world, Status.DIJAWAB, lambda: world.new_case(anonim=True)),
    }
    t["escalated"] = case_in(world, Status.DIPROSES)
    do(world, "admin", t["escalated"], Action.ESCALATE)
    store.close()
    monkeypatch.setenv("LAPOR_PASSWORD", PASSWORD)
    yield t


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Run:
    return Run(capsys, data_dir)


def test_every_letter_is_written_as_a_pdf(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    jobs = [
        ("loket", "receipt", tickets["new"], ["TANDA TERIMA", "Siti Aminah", "2 November 2026"]),
        ("admin", "disposition", tickets["answered"], ["LEMBAR DISPOSISI"]),
        ("admin", "forwarding", tickets["answered"], ["Penerusan Pengaduan"]),
        ("kadis.pupr", "answer", tickets["answered"], ["000/1/PUPR/2026", "Sdr. Siti Aminah"]),
        ("pupr", "answer", tickets["anon"], ["000/2/PUPR/2026", "Nomor Tracking #"]),
        ("inspektur", "history", tickets["answered"], ["RIWAYAT PENANGANAN"]),
    ]
    for user, kind, ticket, expected in jobs:
        out = tmp_path / f"{kind}-{user}.pdf"
        rc, stdout, err = run("letter", kind, ticket, "--out", str(out), user=user)
        assert rc == 0, (kind, err)
        assert str(out) in stdout
        text = pdf_text(out.read_bytes())
        assert ticket in text.replace(" ", "") or kind == "disposition", kind
        for e in expected:
            assert e in text, (kind, e)
    anon = pdf_text((tmp_path / "answer-pupr.pdf").read_bytes())
    assert "Siti Aminah" not in anon
    out = tmp_path / "ombudsman.pdf"
    rc, _, err = run("letter", "ombudsman", "--out", str(out), "--period", "2026-11")
    assert rc == 0, err
    assert tickets["escalated"] in pdf_text(out.read_bytes()).replace(" ", "")
    assert "pada bulan November 2026 dan sampai dengan" in pdf_text(out.read_bytes())
    # a period that is not a month cannot be said truthfully: refused
    rc, _, err = run("letter", "ombudsman", "--out", str(out), "--period", "bulan ini")
    assert rc != 0 and "Periode harus berupa bulan" in err
    assert not list(tmp_path.glob(".*.tmp"))


def test_monthly_report_as_pdf_and_xlsx(run: Run, tickets: dict[str, str], tmp_path: Path) -> None:
    xlsx = tmp_path / "rekap.xlsx"
    rc, _, err = run("report", "monthly", "--month", "2026-11", "--out", str(xlsx))
    assert rc == 0, err
    wb = load_workbook(io.BytesIO(xlsx.read_bytes()), read_only=True)
    cells = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert tickets["new"] in cells and tickets["answered"] in cells
    assert 4 in cells  # received this month
    pdf = tmp_path / "rekap-pupr.PDF"
    rc, _, err = run(
        "report", "monthly", "--month", "2026-11", "--out", str(pdf), user="kadis.pupr"
    )
    assert rc == 0, err
    text = pdf_text(pdf.read_bytes())
    assert "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG" in text and "NOVEMBER" in text
    assert tickets["new"] not in text.replace(" ", "")  # not dispositioned to PUPR


def test_usage_errors_and_refusals_leave_no_file(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "rekap.docx"
    rc, _, err = run("report", "monthly", "--month", "2026-11", "--out", str(bad))
    assert rc == 2 and ".pdf atau .xlsx" in err
    rc, _, err = run("report", "monthly", "--month", "2026-13", "--out", str(tmp_path / "x.pdf"))
    assert rc == 2 and "YYYY-MM" in err
    rc, _, err = run("letter", "answer", "--out", str(tmp_path / "a.pdf"))
    assert rc == 2 and "TIKET" in err
    rc, _, err = run("letter", "ombudsman", tickets["new"], "--out", str(tmp_path / "o.pdf"))
    assert rc == 2
    rc, _, err = run("letter", "receipt", tickets["new"], "--out", str(tmp_path / "r.txt"))
    assert rc == 2
    # refused by the services: exit 1, nothing written
    rc, _, err = run(
        "letter", "answer", tickets["answered"], "--out", str(tmp_path / "a.pdf"), user="loket"
    )
    assert rc == 1 and "Ditolak" in err
    rc, _, err = run("letter", "answer", tickets["new"], "--out", str(tmp_path / "a.pdf"))
    assert rc == 1
    rc, _, err = run(
        "report", "monthly", "--month", "2026-11", "--opd", "DINKES",
        "--out", str(tmp_path / "m.pdf"), user="pupr",
    )  # fmt: skip
    assert rc == 1
    rc, _, err = run(
        "letter", "history", "TIDAK-ADA", "--out", str(tmp_path / "h.pdf"), user="inspektur"
    )
    assert rc == 1 and "tidak ditemukan" in err
    rc, _, err = run("letter", "receipt", tickets["new"], "--out", str(tmp_path / "no" / "r.pdf"))
    assert rc == 1 and "Folder tujuan tidak ada" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == []


def test_existing_file_is_replaced_whole(run: Run, tickets: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "tanda-terima.pdf"
    out.write_bytes(b"lama")
    rc, _, _ = run("letter", "receipt", tickets["new"], "--out", str(out), user="loket")
    assert rc == 0 and out.read_bytes().startswith(b"%PDF-")
    rc, _, _ = run("letter", "answer", tickets["new"], "--out", str(out))
    assert rc == 1 and out.read_bytes().startswith(b"%PDF-")  # untouched by the failure


def test_a_letter_on_a_sample_kop_warns_on_stderr_and_still_succeeds(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    pdf = tmp_path / "a.pdf"
    rc, out, err = run("letter", "answer", tickets["answered"], "--out", str(pdf))
    assert rc == 0 and str(pdf) in out
    assert "Peringatan: kop surat/penanda tangan PUPR: " in err
    assert "alamat kop masih contoh: Jalan Contoh Nomor 2" in err
    assert "Jalan Contoh Nomor 2" in pdf_text(pdf.read_bytes())
    rc, out, _ = run("letterhead", "show", "PUPR", user="sysadmin")
    assert rc == 0 and "Peringatan: NIP penanda tangan masih contoh" in out
    rc, _, err = run(
        "letterhead", "set", "PUPR", "--address", "Jalan Lingkar 7, Bangkinang",
        "--signer-jabatan", "Kepala Dinas PUPR", "--signer-name", "Ir. BUDI",
        "--signer-pangkat", "Pembina (IV/a)", "--signer-nip", "197001011995031001",
        user="sysadmin",
    )  # fmt: skip
    assert rc == 0, err
    rc, _, err = run("letter", "answer", tickets["answered"], "--out", str(pdf))
    assert rc == 0 and err == ""
    rc, _, err = run("letter", "forwarding", tickets["answered"], "--out", str(pdf))
    assert rc == 0 and "DISKOMINFOSANDI" in err


def test_the_monthly_report_warns_about_the_kop_it_prints_on(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    pdf = tmp_path / "rekap.pdf"
    rc, out, err = run("report", "monthly", "--month", "2026-11", "--out", str(pdf))
    assert rc == 0 and str(pdf) in out
    # the regency report prints on the regency office's kop, whose address is the sample
    assert "Peringatan: kop surat/penanda tangan DISKOMINFOSANDI: " in err
    assert "alamat kop masih contoh: Jalan Contoh Nomor 1" in err
    assert "NIP penanda tangan masih contoh" in err
    text = pdf_text(pdf.read_bytes())
    assert "Jalan Contoh Nomor 1" in text and "NIP. 000000000000000000" in text
    # one OPD's report: that OPD's kop (and its warning), not the regency's
    rc, _, err = run("report", "monthly", "--month", "2026-11", "--opd", "PUPR", "--out", str(pdf))
    assert rc == 0 and "Peringatan: kop surat/penanda tangan PUPR: " in err
    assert "DISKOMINFOSANDI" not in err
    assert "Jalan Contoh Nomor 2" in pdf_text(pdf.read_bytes())
    # the XLSX carries no kop and no signer: nothing to warn about
    rc, _, err = run(
        "report", "monthly", "--month", "2026-11", "--out", str(tmp_path / "rekap.xlsx")
    )
    assert rc == 0 and err == ""
    rc, _, err = run(
        "letterhead", "set", "PUPR", "--address", "Jalan Lingkar 7, Bangkinang",
        "--signer-nip", "197001011995031001", user="sysadmin",
    )  # fmt: skip
    assert rc == 0, err
    rc, _, err = run(
        "report", "monthly", "--month", "2026-11", "--out", str(pdf), user="kadis.pupr"
    )
    assert rc == 0 and err == ""
    assert "Jalan Lingkar 7, Bangkinang" in pdf_text(pdf.read_bytes())


def test_verify_reads_the_pointer_back_and_checks_it(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    pdf = tmp_path / "jawaban.pdf"
    assert run("letter", "answer", tickets["answered"], "--out", str(pdf))[0] == 0
    rc, out, err = run("verify", str(pdf), user="inspektur")
    assert rc == 0, out + err
    assert out.startswith("SAH: surat 000/1/PUPR/2026 untuk tiket " + tickets["answered"])
    rc, out, _ = run("verify", str(pdf), "--json")
    assert rc == 0 and '"valid": true' in out
    receipt = tmp_path / "tanda-terima.pdf"
    assert run("letter", "receipt", tickets["new"], "--out", str(receipt))[0] == 0
    rc, out, _ = run("verify", str(receipt))
    assert rc == 0 and out.startswith(f"SAH: tanda terima tiket {tickets['new']} tercatat")
    monthly = tmp_path / "rekap.pdf"
    assert run("report", "monthly", "--month", "2026-11", "--out", str(monthly))[0] == 0
    rc, out, _ = run("verify", str(monthly))
    assert rc == 1 and "TIDAK DIKENAL: berkas tidak memuat penanda verifikasi" in out
    forged = tmp_path / "palsu.pdf"
    forged.write_bytes(pdf.read_bytes().replace(b"|000/1/PUPR/2026|", b"|000/7/PUPR/2026|"))
    rc, out, _ = run("verify", str(forged))
    assert rc == 1 and "TIDAK DIKENAL: nomor surat 000/7/PUPR/2026 tidak ada di register" in out
    rc, _, err = run("verify", str(tmp_path / "tidak-ada.pdf"))
    assert rc == 2 and "tidak dapat dibaca" in err


def test_letterhead_commands_for_the_system_admin(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    rc, out, _ = run("letterhead", "show", "PUPR", user="sysadmin")
    assert rc == 0 and "PUPR" in out
    rc, out, err = run(
        "letterhead", "set", "PUPR", "--office-name", "DINAS PUPR KAMPAR",
        "--signer-jabatan", "Kepala Dinas PUPR", "--signer-name", "Ir. BUDI",
        "--signer-nip", "197001011995031001", user="sysadmin",
    )  # fmt: skip
    assert rc == 0, err
    assert "pengaturan" in out
    pdf = tmp_path / "a.pdf"
    assert run("letter", "answer", tickets["answered"], "--out", str(pdf))[0] == 0
    text = pdf_text(pdf.read_bytes())
    assert "DINAS PUPR KAMPAR" in text and "Ir. BUDI" in text
    rc, _, err = run("letterhead", "set", "PUPR", "--signer-nip", "12", user="sysadmin")
    assert rc == 1 and "NIP" in err
    rc, _, err = run("letterhead", "show", "PUPR", user="admin")
    assert rc == 1
    assert run("letterhead", "reset", "PUPR", user="sysadmin")[0] == 0


def _register(run: Run) -> list[str]:
    import json

    rc, out, err = run("letters", "list", "--json")
    assert rc == 0, err
    return [r["full_number"] for r in json.loads(out)]


def test_a_failed_letter_write_reserves_no_number(
    run: Run, tickets: dict[str, str], tmp_path: Path
) -> None:
    before = _register(run)
    missing = tmp_path / "tidak-ada" / "x.pdf"
    for args in (
        ("letter", "forwarding", tickets["escalated"], "--out", str(missing)),
        ("letter", "ombudsman", "--out", str(missing)),
    ):
        rc, _, err = run(*args)
        assert rc == 1 and "Folder tujuan tidak ada" in err, err
        assert "Traceback" not in err
        assert _register(run) == before  # nothing reserved
    assert not missing.parent.exists()
    # The next letters get the next numbers: no gap in the register.
    ok = tmp_path / "penerusan.pdf"
    rc, _, err = run("letter", "forwarding", tickets["escalated"], "--out", str(ok))
    assert rc == 0, err
    after = _register(run)
    assert len(after) == len(before) + 1
    new = next(n for n in after if n not in before)
    assert new in pdf_text(ok.read_bytes()).replace(" ", "")
    rc, _, err = run("letter", "ombudsman", "--out", str(tmp_path / "o.pdf"))
    assert rc == 0, err
    regency = sorted(int(n.split("/")[1]) for n in _register(run) if "/DISKOMINFOSANDI/" in n)
    assert regency == list(range(1, len(regency) + 1))
    assert not list(tmp_path.glob(".*.tmp"))

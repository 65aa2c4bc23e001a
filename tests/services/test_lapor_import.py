"""Importing LAPOR! exports: every supported shape and encoding, re-import by tracking ID,
every broken-row kind with its line, LAPOR! accounts without a NIK, profiles."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from lapor_desktop.db.models import AuditLog, Complaint, Reporter
from lapor_desktop.services import cases, lapor_import
from lapor_desktop.services.errors import PermissionDenied, ValidationError
from tests.lapor import files

from .conftest import World

SPECIAL = [
    "LPR-SPEC",
    "05/10/2026 10:00",
    "Pungutan – biaya café",
    "Isi “kutip”; koma, é",
    "",
    "Zoë Ñanda",
    "",
    "Tidak",
    "Ya",
    "Proses",
]


def _profile(world: World) -> lapor_import.Profile:
    return lapor_import.load_profile(world.as_("admin"), "lapor-default")


def _import(world: World, path: Path, **kw: bool) -> lapor_import.ImportPlan:
    return lapor_import.import_file(world.as_("admin"), path, _profile(world), **kw)


def _case(tracking: str) -> Complaint:
    return Complaint.get(Complaint.tracking_id == tracking)


SHAPES = {
    "utf8-bom-semicolon": lambda p, d: files.write_csv(p / "a.csv", d),
    "windows-1252-comma": lambda p, d: files.write_csv(
        p / "a.csv", d, encoding="cp1252", delimiter=","
    ),
    "utf8-no-bom-tab": lambda p, d: files.write_csv(
        p / "a.csv", d, encoding="utf-8", delimiter="\t"
    ),
    "blank-lines": lambda p, d: files.write_csv(p / "a.csv", d, blank_every=2),
    "title-rows-above-header": lambda p, d: files.write_csv(
        p / "a.csv", d, before=[["Rekap Laporan LAPOR!", "", ""], ["Periode Oktober 2026"]]
    ),
    "extra-and-reordered-columns": lambda p, d: _reordered(p / "a.csv", d),
    "xlsx": lambda p, d: files.write_xlsx(p / "a.xlsx", d),
    "xlsx-merged-title-rows": lambda p, d: files.write_xlsx(p / "a.xlsx", d, title_rows=2),
}


def _reordered(path: Path, data: list[list[str]]) -> Path:
    headers = ["Nomor", *reversed(files.HEADERS), "Disposisi Instansi"]
    rows = [[str(i), *reversed(r), "Dinas PUPR"] for i, r in enumerate(data, 1)]
    return files.write_csv(path, rows, headers=tuple(headers))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_supported_shape_imports_every_row_with_its_text(
    world: World, tmp_path: Path, shape: str
) -> None:
    data = [*files.rows(12), SPECIAL]
    path = SHAPES[shape](tmp_path, data)
    plan = _import(world, path)
    assert plan.summary()["new"] == 13 and plan.problems == []
    c = _case("LPR-SPEC")
    assert (c.title, c.body) == ("Pungutan – biaya café", "Isi “kutip”; koma, é")
    assert (c.received_at, c.anonim, c.rahasia, c.channel) == (
        datetime(2026, 10, 5, 10, 0),
        False,
        True,
        "lapor",
    )
    # quoted newlines stay inside the body
    first = _case("LPR-000001")
    assert first.body.endswith("laporan ke-1.\nMohon segera diperbaiki.")
    assert first.category_id == "INFRASTRUKTUR"
    assert _case("LPR-000003").category_id == "KESEHATAN"  # matched by the category's name


def test_windows_1252_is_recognised_without_being_told(world: World, tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "a.csv", [SPECIAL], encoding="cp1252", delimiter=",")
    plan = _import(world, path, dry_run=True)
    assert (plan.encoding, plan.delimiter) == ("windows-1252", ",")


def test_the_same_file_twice_adds_nothing(world: World, tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "a.csv", files.rows(30))
    assert _import(world, path).summary()["new"] == 30
    before = Complaint.select().count()
    again = _import(world, path)
    assert again.summary() == {
        "new": 0,
        "updated": 0,
        "unchanged": 30,
        "problems": 0,
        "new_accounts": 0,
    }
    assert Complaint.select().count() == before


def test_a_newer_file_updates_with_history_and_adds_the_new_rows(
    world: World, tmp_path: Path
) -> None:
    _import(world, files.write_csv(tmp_path / "a.csv", files.rows(10)))
    newer = files.rows(12, status="Selesai")
    newer[1][3] = "Isi yang diperbaiki pelapor di LAPOR!."
    plan = _import(world, files.write_csv(tmp_path / "b.csv", newer))
    s = plan.summary()
    assert (s["new"], s["updated"], s["unchanged"]) == (2, 10, 0)
    ticket = _case("LPR-000002").ticket
    d = cases.get_case(world.as_("admin"), ticket)
    assert d.body == "Isi yang diperbaiki pelapor di LAPOR!."
    assert [a.action for a in d.actions] == ["INTAKE", "LAPOR_UPDATE"]
    note = d.actions[-1].note
    assert "Status LAPOR!: Proses → Selesai" in note and "Isi laporan diperbarui" in note
    assert d.status == "DITERIMA"  # our workflow status is what our actions say
    assert d.status == "DITERIMA"
    # the search index follows the new text
    found = cases.search(world.as_("admin"), "diperbaiki pelapor")
    assert [r.ticket for r in found.rows] == [ticket]


BROKEN = [
    (["", "01/10/2026 08:00", "Judul", "Isi", "", "", "", "", "", ""], "ID tracking kosong"),
    (
        ["LPR-000001", "01/10/2026 08:00", "Judul", "Isi", "", "", "", "", "", ""],
        "sudah ada di baris 2",
    ),
    (["B-DATE", "2026-31-31", "Judul", "Isi", "", "", "", "", "", ""], "tidak sesuai format"),
    (["B-NODATE", "", "Judul", "Isi", "", "", "", "", "", ""], "Tanggal laporan kosong"),
    (["B-FUTURE", "01/01/2027 08:00", "Judul", "Isi", "", "", "", "", "", ""], "di masa depan"),
    (
        ["B-OLD", "01/01/2025 08:00", "Judul", "Isi", "", "", "", "", "", ""],
        "lebih dari satu tahun",
    ),
    (["B-TITLE", "01/10/2026 08:00", "  ", "Isi", "", "", "", "", "", ""], "Judul kosong"),
    (["B-LONG", "01/10/2026 08:00", "J" * 301, "Isi", "", "", "", "", "", ""], "lebih dari 300"),
    (["B-BODY", "01/10/2026 08:00", "Judul", "", "", "", "", "", "", ""], "Isi laporan kosong"),
    (
        ["B-ANON", "01/10/2026 08:00", "Judul", "Isi", "", "", "", "Mungkin", "", ""],
        "bukan ya/tidak",
    ),
    (["B-SHORT", "01/10/2026 08:00"], "Judul kosong"),
    (["X" * 61, "01/10/2026 08:00", "Judul", "Isi", "", "", "", "", "", ""], "lebih dari 60"),
]


def test_every_broken_row_kind_is_reported_with_its_line_and_the_rest_go_in(
    world: World, tmp_path: Path
) -> None:
    good = files.rows(3)  # lines 2-3 (the first body spans two lines each: 2-3, 4-5, 6-7)
    data = [good[0], *[b for b, _ in BROKEN], good[1], good[2]]
    path = files.write_csv(tmp_path / "a.csv", data)
    plan = _import(world, path)
    assert plan.summary()["new"] == 3
    # physical lines: header 1; LPR-000001 spans 2-3; each broken row one line from 4
    assert [(p.line, p.tracking_id[:10]) for p in plan.problems] == [
        (4 + i, (b[0] if b else "")[:10]) for i, (b, _) in enumerate(BROKEN)
    ]
    for problem, (_, reason) in zip(plan.problems, BROKEN, strict=True):
        assert reason in problem.reason, (problem, reason)
    assert Complaint.select().where(Complaint.tracking_id.startswith("B-")).count() == 0


def test_an_unknown_category_is_a_warning_not_a_refusal(world: World, tmp_path: Path) -> None:
    row = files.rows(1)[0]
    row[4] = "Topik Nasional Lain"
    plan = _import(world, files.write_csv(tmp_path / "a.csv", [row]))
    assert plan.summary()["new"] == 1
    assert "tidak dikenal" in plan.rows[0].warnings[0]
    assert _case("LPR-000001").category_id is None


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"a;b;c\r\n1;2;3\r\n", "a.csv", "Baris judul kolom tidak ditemukan"),
        (b"\x81\x8d\x8f\x90\x9d;x\r\n", "a.csv", "Pengodean berkas"),
        (b"ID Tracking;Judul Laporan\r\n", "a.pdf", "tidak didukung"),
        (b"not a zip", "a.xlsx", "bukan berkas Excel"),
        (
            ";".join(files.HEADERS).encode() + b'\r\nX;01/10/2026 08:00;"judul;tanpa tutup\r\n',
            "a.csv",
            "",
        ),
    ],
)
def test_a_file_that_cannot_be_read_fails_with_a_precise_message(
    world: World, tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    if not message:  # an unclosed quote swallows the rest: one row with a problem, no crash
        plan = _import(world, path, dry_run=True)
        assert plan.summary()["new"] == 0 and len(plan.problems) == 1
        return
    with pytest.raises(ValidationError, match=message):
        _import(world, path, dry_run=True)


def test_a_profile_column_missing_from_the_file_is_named(world: World, tmp_path: Path) -> None:
    headers = tuple(h for h in files.HEADERS if h != "Rahasia")
    data = [r[:8] + r[9:] for r in files.rows(2)]
    path = files.write_csv(tmp_path / "a.csv", data, headers=headers)
    with pytest.raises(ValidationError, match=r"'Rahasia'.*tidak ada di baris judul"):
        _import(world, path, dry_run=True)


def test_dry_run_writes_nothing(world: World, tmp_path: Path) -> None:
    before = (Complaint.select().count(), Reporter.select().count(), AuditLog.select().count())
    plan = _import(world, files.write_csv(tmp_path / "a.csv", files.rows(5)), dry_run=True)
    assert plan.summary()["new"] == 5 and not plan.done
    after = (Complaint.select().count(), Reporter.select().count(), AuditLog.select().count())
    assert after == before


def test_reporters_without_nik_are_lapor_accounts_matched_again(
    world: World, tmp_path: Path
) -> None:
    rows = files.rows(10)  # 10 rows, reporters "Warga Kampar 0..9" with their own phone
    plan = _import(world, files.write_csv(tmp_path / "a.csv", rows))
    assert plan.summary()["new_accounts"] == 10
    accounts = Reporter.select().where(Reporter.lapor_account.is_null(False))
    assert accounts.count() == 10
    assert all(r.nik is None and r.birth_date is None for r in accounts)
    # the same person again, in a newer file, written differently: matched, not duplicated
    again = files.rows(1)[0]
    again[0], again[5], again[6] = "LPR-NEW", "  warga  KAMPAR 1 ", "+62 812-0000001"
    plan = _import(world, files.write_csv(tmp_path / "b.csv", [again]))
    assert plan.summary()["new_accounts"] == 0
    assert _case("LPR-NEW").reporter_id == _case("LPR-000001").reporter_id
    assert Reporter.select().where(Reporter.lapor_account.is_null(False)).count() == 10


def test_only_the_regency_admin_imports(world: World, tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "a.csv", files.rows(1))
    for user in ("loket", "pupr", "inspektur"):
        with pytest.raises(PermissionDenied):
            lapor_import.import_file(world.as_(user), path, _profile(world))


def test_import_is_audited_with_its_counts(world: World, tmp_path: Path) -> None:
    _import(world, files.write_csv(tmp_path / "a.csv", [*files.rows(2), BROKEN[0][0]]))
    entry = AuditLog.select().where(AuditLog.event == "impor_lapor").get()
    assert "2 baru" in entry.detail and "1 bermasalah" in entry.detail


def test_a_profile_saved_by_name_loads_again(world: World, tmp_path: Path) -> None:
    admin = world.as_("admin")
    p = lapor_import.Profile(
        "kominfo-2026",
        {
            "tracking_id": "No. Tiket",
            "received_at": "Tgl",
            "title": "Perihal",
            "body": "Uraian",
        },
        date_format="%Y-%m-%d",
        yes_values=("ya",),
        no_values=("tidak", ""),
        delimiter=",",
    )
    lapor_import.save_profile(admin, p)
    assert lapor_import.load_profile(admin, "kominfo-2026") == p
    assert "kominfo-2026" in lapor_import.profile_names(admin)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["No. Tiket", "Tgl", "Perihal", "Uraian"])
    w.writerow(["K-1", "2026-10-02", "Judul", "Isi"])
    path = tmp_path / "k.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    plan = lapor_import.import_file(admin, path, p)
    assert plan.summary()["new"] == 1
    assert _case("K-1").received_at == datetime(2026, 10, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date_format = 1\n[columns\n", "bukan TOML"),
        ("x = 1\n", "tidak memiliki tabel"),
        ('[columns]\ntracking_id = "A"\n', "kolom wajib belum dipetakan"),
        ('[columns]\nnik = "NIK"\n', "field tidak dikenal"),
        (
            '[columns]\ntracking_id="a"\nreceived_at="b"\ntitle="c"\nbody="d"\ndate_format="x"\n',
            "sebelum baris",
        ),
        (
            'yes_values=["ya"]\nno_values=["YA"]\n[columns]\ntracking_id="a"\n'
            'received_at="b"\ntitle="c"\nbody="d"\n',
            "yes_values dan no_values",
        ),
        (
            'encoding="klingon"\n[columns]\ntracking_id="a"\nreceived_at="b"\ntitle="c"\n'
            'body="d"\n',
            "tidak dikenal",
        ),
    ],
)
def test_a_broken_profile_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        lapor_import.parse_profile(text, "uji")


def test_an_unknown_profile_name_lists_the_known_ones(world: World) -> None:
    with pytest.raises(ValidationError, match="lapor-default"):
        lapor_import.load_profile(world.as_("admin"), "tidak-ada")

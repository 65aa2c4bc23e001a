import csv
import importlib.util
from pathlib import Path

from lapor_desktop.domain import region_codes
from lapor_desktop.domain.region_codes import DISTRICTS, KAMPAR_DISTRICTS, PROVINCES, REGENCIES

ROOT = Path(__file__).resolve().parents[2]
CSV = ROOT / "resources" / "data" / "wilayah.csv"


def _csv_rows() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_counts_match_the_csv() -> None:
    rows = _csv_rows()
    by_level: dict[str, set[str]] = {}
    for row in rows:
        by_level.setdefault(row["tingkat"], set()).add(row["kode"].replace(".", ""))
    assert set(PROVINCES) == by_level["provinsi"]
    assert set(REGENCIES) == by_level["kabupaten_kota"]
    assert set(DISTRICTS) == by_level["kecamatan"]
    assert len(PROVINCES) == 38
    assert len(DISTRICTS) > 7000


def test_code_shapes() -> None:
    assert all(len(c) == 2 and c.isdigit() for c in PROVINCES)
    assert all(len(c) == 4 and c.isdigit() and c[:2] in PROVINCES for c in REGENCIES)
    assert all(len(c) == 6 and c.isdigit() and c[:4] in REGENCIES for c in DISTRICTS)


def test_kemendagri_not_bps() -> None:
    assert PROVINCES["14"] == "Riau"
    assert REGENCIES["1401"] == "Kabupaten Kampar"
    assert REGENCIES["1406"] == "Kabupaten Rokan Hulu"  # BPS 1406 would be Kampar
    assert PROVINCES["96"] == "Papua Barat Daya"


def test_kampar_districts() -> None:
    assert len(KAMPAR_DISTRICTS) == 21
    assert KAMPAR_DISTRICTS["140101"] == "Bangkinang Kota"
    assert KAMPAR_DISTRICTS["140115"] == "Bangkinang"
    assert KAMPAR_DISTRICTS["140121"] == "Koto Kampar Hulu"
    assert set(KAMPAR_DISTRICTS) == {c for c in DISTRICTS if c.startswith("1401")}
    assert all(DISTRICTS[c] == n for c, n in KAMPAR_DISTRICTS.items())


def test_names_match_csv() -> None:
    for row in _csv_rows():
        code = row["kode"].replace(".", "")
        if row["tingkat"] == "kecamatan":
            assert DISTRICTS[code] == row["nama"].strip()
        elif row["tingkat"] == "kabupaten_kota":
            assert REGENCIES[code] == row["nama"].strip()


def test_generator_output_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_region_codes", ROOT / "bench" / "gen_region_codes.py"
    )
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.render(CSV) == Path(region_codes.__file__).read_text(encoding="utf-8")


def test_licence_notice_shipped() -> None:
    readme = (ROOT / "resources" / "data" / "README.md").read_text(encoding="utf-8")
    assert "MIT License" in readme
    assert "Copyright (c) 2017-2025 Cahya DSN" in readme

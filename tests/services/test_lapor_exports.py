"""Exports (CSV with BOM, XLSX) as the list is filtered, with privacy and audit, their
round trip through the import, and the "Perlu dimutakhirkan di LAPOR!" list."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from lapor_desktop.db.models import AuditLog, Complaint
from lapor_desktop.services import cases, casework, exports, lapor_gateway, lapor_import
from lapor_desktop.services.errors import PermissionDenied, ValidationError
from tests.lapor import files

from .conftest import NIK, World, build_world


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8")), delimiter=";"))


def _import(world: World, path: Path) -> lapor_import.ImportPlan:
    admin = world.as_("admin")
    return lapor_import.import_file(admin, path, lapor_import.load_profile(admin, "lapor-default"))


def test_export_follows_the_filter_and_is_audited(world: World, tmp_path: Path) -> None:
    admin = world.as_("admin")
    a = world.new_case(title="Jalan rusak")
    world.new_case(title="Sampah")
    casework.verify(admin, a, category="INFRASTRUKTUR")
    out = tmp_path / "terverifikasi.csv"
    r = exports.export_cases(admin, cases.CaseFilter(statuses=("TERVERIFIKASI",)), out)
    assert r.rows == 1
    rows = _csv(out)
    assert [(x["Tiket"], x["Judul Laporan"], x["Status"]) for x in rows] == [
        (a, "Jalan rusak", "Belum Terverifikasi")
    ]
    entry = AuditLog.select().where(AuditLog.event == "ekspor_kasus").get()
    assert "CSV 1 baris" in entry.detail and "statuses=TERVERIFIKASI" in entry.detail


def test_nik_whole_only_for_roles_that_may_see_it_and_anonymous_never(
    world: World, tmp_path: Path
) -> None:
    admin = world.as_("admin")
    open_case = world.new_case(title="Terbuka")
    hidden = world.new_case(title="Anonim", anonim=True)
    for t in (open_case, hidden):
        casework.verify(admin, t, category="INFRASTRUKTUR")
        casework.dispose(admin, t, opd="PUPR")
    seen = {}
    for user in ("admin", "inspektur", "pupr"):
        out = tmp_path / f"{user}.csv"
        exports.export_cases(world.as_(user), cases.CaseFilter(), out)
        seen[user] = {x["Tiket"]: x for x in _csv(out)}
    assert seen["admin"][open_case]["NIK Pelapor"] == NIK
    assert seen["admin"][open_case]["Nama Pelapor"] == "Siti Aminah"
    assert seen["admin"][open_case]["Kontak Pelapor"] == "0812 7654 321"
    assert seen["inspektur"][open_case]["NIK Pelapor"] == "1401********0001"
    assert seen["pupr"][open_case]["NIK Pelapor"] == ""
    assert seen["pupr"][open_case]["Kontak Pelapor"] == ""
    for user in seen:
        row = seen[user][hidden]
        assert (row["Nama Pelapor"], row["NIK Pelapor"], row["Kontak Pelapor"]) == (
            "Pelapor Anonim",
            "",
            "",
        )
        assert NIK not in str(row) or user == "admin"


def test_a_formula_is_exported_as_text(world: World, tmp_path: Path) -> None:
    world.new_case(title='=HYPERLINK("http://x")')
    out = tmp_path / "a.csv"
    exports.export_cases(world.as_("admin"), cases.CaseFilter(), out)
    assert _csv(out)[0]["Judul Laporan"] == '\'=HYPERLINK("http://x")'
    xl = tmp_path / "a.xlsx"
    exports.export_cases(world.as_("admin"), cases.CaseFilter(), xl)
    from openpyxl import load_workbook

    ws = load_workbook(xl).worksheets[0]
    cell = ws.cell(row=2, column=3)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_export_refuses_other_formats_and_the_system_admin(world: World, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.csv atau \.xlsx"):
        exports.export_cases(world.as_("admin"), cases.CaseFilter(), tmp_path / "a.pdf")
    with pytest.raises(PermissionDenied):
        exports.export_cases(world.as_("sysadmin"), cases.CaseFilter(), tmp_path / "a.csv")


Key = tuple[str, str, str, datetime, bool, bool, str | None, str]


def _cases_now() -> set[Key]:
    out: set[Key] = set()
    for c in Complaint.select():
        name = "Pelapor Anonim" if c.anonim else c.reporter.name
        out.add(
            (
                c.tracking_id or c.ticket,
                c.title,
                c.body,
                c.received_at.replace(second=0),
                bool(c.anonim),
                bool(c.rahasia),
                c.category_id,
                name,
            )
        )
    return out


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_then_import_into_a_fresh_database_gives_the_same_cases(
    tmp_path: Path, kind: str
) -> None:
    a, store = build_world(tmp_path / "a")
    try:
        _import(a, files.write_csv(tmp_path / "in.csv", files.rows(25)))
        a.new_case(title="Datang langsung", body="Baris satu\nbaris dua; dengan titik koma")
        a.new_case(title="Anonim", anonim=True, rahasia=True)
        admin = a.as_("admin")
        casework.verify(admin, a.new_case(title="Sudah diverifikasi"), category="KESEHATAN")
        expected = _cases_now()
        out = tmp_path / f"ekspor.{kind}"
        assert exports.export_cases(admin, cases.CaseFilter(), out).rows == 28
    finally:
        store.close()
    b, store = build_world(tmp_path / "b")
    try:
        plan = _import(b, out)
        assert plan.summary()["new"] == 28 and plan.problems == []
        assert _cases_now() == expected
    finally:
        store.close()


def test_the_update_list_follows_status_and_approved_answer(world: World, tmp_path: Path) -> None:
    admin, pupr, head = world.as_("admin"), world.as_("pupr"), world.as_("kadis.pupr")
    plan = _import(world, files.write_csv(tmp_path / "a.csv", files.rows(2)))
    t, other = plan.tickets
    world.new_case(title="Tanpa tracking")  # never in LAPOR!: never on the list
    assert lapor_gateway.pending(admin) == []  # LAPOR! knows imported reports as new
    casework.verify(admin, t, category="INFRASTRUKTUR")
    assert lapor_gateway.pending(admin) == []  # still "Belum Terverifikasi" in LAPOR!
    casework.dispose(admin, t, opd="PUPR")
    (item,) = lapor_gateway.pending(admin)
    assert (item.ticket, item.bucket, item.entered_bucket) == (
        t,
        "Terdisposisi Belum Ditindaklanjuti",
        "Belum Terverifikasi",
    )
    assert item.answer == "" and not item.answer_changed
    r = lapor_gateway.mark_entered(admin, [t, other])
    assert (r.tickets, r.skipped) == ((t,), (other,))
    assert lapor_gateway.pending(admin) == []
    casework.start(pupr, t)
    casework.submit_answer(pupr, t, answer="Jalan diperbaiki minggu depan.")
    assert [i.bucket for i in lapor_gateway.pending(admin)] == ["Sedang Diproses"]
    lapor_gateway.mark_entered(admin, [t])
    casework.approve(head, t)
    (item,) = lapor_gateway.pending(admin)
    assert item.answer == "Jalan diperbaiki minggu depan." and item.answer_changed
    assert item.what == "jawaban baru"
    lapor_gateway.mark_entered(admin, [t])
    assert lapor_gateway.pending(admin) == []
    history = [a.action for a in cases.get_case(admin, t).actions]
    assert history.count("LAPOR_ENTERED") == 3
    with pytest.raises(PermissionDenied):
        lapor_gateway.pending(world.as_("loket"))
    with pytest.raises(ValidationError, match="tidak memiliki ID tracking"):
        lapor_gateway.mark_entered(admin, [world.new_case()])

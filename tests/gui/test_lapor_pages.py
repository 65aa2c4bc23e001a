"""The LAPOR! screens over a real database: the import wizard, the update list, the
export button of the case list, marking a duplicate, and the duplicate hint at intake."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from lapor_desktop.db.models import Complaint
from lapor_desktop.gui.case_list import CaseListPage
from lapor_desktop.gui.case_view import CaseViewPage
from lapor_desktop.gui.intake_page import IntakePage
from lapor_desktop.gui.lapor_pages import DuplicateDialog, ImportWizardPage, LaporUpdatesPage
from lapor_desktop.services import casework, lapor_import
from tests.gui.conftest import NIK, Recorded, World, wait_ops
from tests.lapor import files

pytestmark = pytest.mark.gui


def _lapor_file(tmp_path: Path, n: int = 4, **kw: object) -> Path:
    return files.write_csv(
        tmp_path / "lapor.csv", files.rows(n, start=datetime(2026, 10, 1, 8, 0)), **kw
    )


def test_import_wizard_maps_previews_and_imports(
    qtbot, world: World, tmp_path: Path, recorded_messages: Recorded
) -> None:
    # a file whose headers differ from the shipped profile: the person maps them
    headers = tuple(h.upper() for h in files.HEADERS)
    path = _lapor_file(tmp_path, headers=headers)
    page = ImportWizardPage(world.as_("admin"))
    qtbot.addWidget(page)
    assert page.profile_combo.currentText() == "lapor-default"
    page.next_button.click()  # no file yet
    assert recorded_messages.texts()[-1] == "Pilih berkas ekspor LAPOR! dahulu."
    page.file_edit.setText(str(path))
    page.next_button.click()
    wait_ops(qtbot)
    assert page.steps.currentIndex() == 1
    # matched whatever the case of the headers
    assert page.column_combos["title"].currentText() == "JUDUL LAPORAN"
    # unmapping a required column is refused before anything runs
    page.column_combos["body"].setCurrentIndex(0)
    page.next_button.click()
    assert "kolom wajib belum dipetakan: body" in recorded_messages.texts()[-1]
    page.column_combos["body"].setCurrentText("ISI LAPORAN")
    # the mapping saved as a named profile
    page.profile_name_edit.setText("lapor-huruf-besar")
    page.save_profile_button.click()
    wait_ops(qtbot)
    assert "lapor-huruf-besar" in lapor_import.profile_names(world.as_("admin"))
    assert page.profile_combo.currentText() == "lapor-huruf-besar"
    # the preview is a dry run
    page.next_button.click()
    wait_ops(qtbot)
    assert page.steps.currentIndex() == 2
    assert "Uji coba" in page.summary_label.text() and "4 laporan baru" in page.summary_label.text()
    assert page.preview_table.rowCount() == 4
    assert Complaint.select().count() == 0
    with qtbot.waitSignal(page.imported):
        page.import_button.click()
    wait_ops(qtbot)
    assert "Impor selesai" in page.summary_label.text()
    assert Complaint.select().count() == 4
    assert not page.import_button.isEnabled()


def test_import_wizard_lists_problem_rows_first_with_their_line(
    qtbot, world: World, tmp_path: Path
) -> None:
    data = files.rows(2)
    data.insert(1, ["", "01/10/2026 08:00", "Judul", "Isi", "", "", "", "", "", ""])
    path = files.write_csv(tmp_path / "a.csv", data)
    page = ImportWizardPage(world.as_("admin"))
    qtbot.addWidget(page)
    page.file_edit.setText(str(path))
    page.next_button.click()
    wait_ops(qtbot)
    page.next_button.click()
    wait_ops(qtbot)
    t = page.preview_table
    first = [t.item(0, c).text() for c in range(4)]
    assert first[0] == "4" and first[2] == "Bermasalah" and "ID tracking kosong" in first[3]


def test_update_list_copies_and_marks(qtbot, world: World, tmp_path: Path) -> None:
    admin = world.as_("admin")
    plan = lapor_import.import_file(
        admin, _lapor_file(tmp_path, 2), lapor_import.load_profile(admin, "lapor-default")
    )
    t = plan.tickets[0]
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    page = LaporUpdatesPage(admin)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "Terdisposisi Belum Ditindaklanjuti"
    page.copy_status_button.click()
    assert QGuiApplication.clipboard().text() == "Terdisposisi Belum Ditindaklanjuti"
    assert not page.copy_answer_button.isEnabled()  # no approved answer yet
    with qtbot.waitSignal(page.changed):
        page.mark_button.click()
    wait_ops(qtbot)
    assert page.table.rowCount() == 0
    assert "sudah mutakhir" in page.count_label.text()


def test_export_button_writes_the_filtered_list(
    qtbot, keep, world: World, tmp_path: Path, recorded_messages: Recorded
) -> None:
    world.new_case(title="Jalan rusak")
    world.new_case(title="Sampah menumpuk")
    page = CaseListPage(world.as_("admin"))
    keep.append(page)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    page.search_edit.setText("sampah")
    page.apply_filter()
    wait_ops(qtbot)
    out = tmp_path / "daftar.csv"
    page.export_to(out)
    wait_ops(qtbot)
    assert recorded_messages.texts()[-1] == f"1 laporan diekspor ke {out}."
    assert "Sampah menumpuk" in out.read_bytes().decode("utf-8-sig")


def test_mark_duplicate_from_the_case_view(qtbot, world: World, monkeypatch) -> None:
    main = world.new_case(title="Lampu jalan padam di Jalan Raya Kuok")
    dup = world.new_case(title="Lampu jalan mati di Jl Raya Kuok")
    opened: list[DuplicateDialog] = []
    monkeypatch.setattr(DuplicateDialog, "open", lambda self: opened.append(self))
    page = CaseViewPage(world.as_("admin"), dup)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    assert page.duplicate_button is not None
    page.duplicate_button.click()
    (dlg,) = opened
    wait_ops(qtbot)  # the suggestions are read off the UI thread
    assert dlg.suggestions.count() == 1 and main in dlg.suggestions.item(0).text()
    dlg.submit()  # nothing chosen yet
    assert "Pilih atau ketik" in dlg.error_label.text()
    dlg.suggestions.setCurrentRow(0)
    assert dlg.main_edit.text() == main
    with qtbot.waitSignal(page.changed):
        dlg.submit()
    wait_ops(qtbot)
    d = page.detail
    assert d is not None and d.status == "ARSIP" and d.duplicate_of == main
    assert page.duplicate_button is None  # a closed duplicate cannot be marked again
    texts = [
        page.info_form.itemAt(i).widget().text()
        for i in range(page.info_form.count())
        if page.info_form.itemAt(i).widget() is not None
    ]
    assert "Duplikat dari:" in texts and main in texts
    # the OPD and the front desk get no such button
    other = CaseViewPage(world.as_("loket"), main)
    qtbot.addWidget(other)
    wait_ops(qtbot)
    assert other.duplicate_button is None


def test_intake_hints_at_likely_duplicates_while_typing(qtbot, world: World) -> None:
    t = world.new_case(title="Sampah menumpuk di pasar Bangkinang")
    page = IntakePage(world.as_("loket"))
    qtbot.addWidget(page)
    page.nik_edit.setText(NIK)
    wait_ops(qtbot)
    page.title_edit.setText("Sampah menumpuk di pasar Bangkinang")
    page.body_edit.setPlainText("Lubang besar di jalan utama.")
    page.check_duplicates()
    wait_ops(qtbot)
    assert page.duplicates_label.text().startswith(f"Mungkin duplikat: {t}")
    page.new_complaint()
    assert page.duplicates_label.text() == ""

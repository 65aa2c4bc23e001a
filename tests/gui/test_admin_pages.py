"""System admin pages: users, offices and categories, rule sets and holiday overrides."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from lapor_desktop.gui.admin_reference import ReferencePage
from lapor_desktop.gui.admin_rules import RulesPage
from lapor_desktop.gui.admin_users import UsersPage
from lapor_desktop.services import admin, reference, users
from lapor_desktop.services.context import Ctx
from tests.gui.conftest import PASSWORD, World, wait_ops

pytestmark = pytest.mark.gui


def test_users_add_disable_enable_reset(qtbot, keep, qtmodeltester, world: World) -> None:
    page = UsersPage(world.as_("sysadmin"))
    keep.append(page)  # not qtbot.addWidget: it deletes widgets before qtmodeltester's cleanup
    qtmodeltester.check(page.model, force_py=True)
    page.username_edit.setText("Bukan Valid")
    page.password_edit.setText(PASSWORD)
    page.add_button.click()
    wait_ops(qtbot)
    assert "Nama pengguna" in page.errors.text("username")
    assert page.password_edit.text() == PASSWORD  # kept after the error
    page.username_edit.setText("loket2")
    assert page.errors.text("username") == ""  # gone once the field is edited
    page.role_combo.setCurrentIndex(page.role_combo.findData("FRONT_DESK"))
    page.office_combo.setCurrentIndex(page.office_combo.findData("DISKOMINFOSANDI"))
    page.add_button.click()
    wait_ops(qtbot)
    assert "loket2" in [u.username for u in page.model.rows]
    base = Ctx(data_dir=world.data_dir, clock=world.clock)
    assert users.sign_in(base, "loket2", PASSWORD).must_change_password  # ticked by default
    row = next(u for u in page.model.rows if u.username == "loket2")
    assert page.state(row) == "Aktif, wajib ganti kata sandi"
    page.select("loket2")
    page.disable_button.click()
    wait_ops(qtbot)
    row = next(u for u in page.model.rows if u.username == "loket2")
    assert not row.active
    page.select("loket2")
    page.enable_button.click()
    wait_ops(qtbot)
    page.select("loket2")
    page.reset_edit.setText("sementara-123")
    page.reset_button.click()
    wait_ops(qtbot)
    assert users.sign_in(base, "loket2", "sementara-123").must_change_password
    # unticked by the admin: neither the new account nor the reset asks for a change
    page.username_edit.setText("loket3")
    page.password_edit.setText(PASSWORD)
    page.must_change_check.setChecked(False)
    page.add_button.click()
    wait_ops(qtbot)
    assert not users.sign_in(base, "loket3", PASSWORD).must_change_password
    assert page.must_change_check.isChecked()  # ticked again for the next account
    page.select("loket3")
    page.ui.reset_must_change_check.setChecked(False)
    page.reset_edit.setText("sementara-456")
    page.reset_button.click()
    wait_ops(qtbot)
    assert not users.sign_in(base, "loket3", "sementara-456").must_change_password


def test_users_page_says_what_is_missing_beside_the_buttons(qtbot, keep, world: World) -> None:
    page = UsersPage(world.as_("sysadmin"))
    keep.append(page)
    page.reset_button.click()
    assert page.ui.selected_error.text() == "Pilih pengguna dahulu."
    page.select("loket")
    page.reset_edit.setText("pendek")
    assert page.ui.selected_error.text() == ""
    page.reset_button.click()
    wait_ops(qtbot)
    assert "minimal" in page.ui.selected_error.text()


def test_offices_and_categories(qtbot, keep, qtmodeltester, world: World) -> None:
    ctx = world.as_("sysadmin")
    page = ReferencePage(ctx)
    keep.append(page)  # not qtbot.addWidget: it deletes widgets before qtmodeltester's cleanup
    qtmodeltester.check(page.office_model, force_py=True)
    page.office_code_edit.setText("DISPORA")
    page.office_name_edit.setText("Dinas Pemuda dan Olahraga")
    page.office_save_button.click()
    wait_ops(qtbot)
    assert any(o.code == "DISPORA" for o in reference.list_offices(ctx))
    page.category_code_edit.setText("x")
    page.category_name_edit.setText("Olahraga")
    page.category_save_button.click()
    wait_ops(qtbot)
    assert "Kode" in page.category_errors.text("code")
    assert page.category_name_edit.text() == "Olahraga"  # kept after the error
    page.category_code_edit.setText("OLAHRAGA")
    assert page.category_errors.text("code") == ""
    page.category_save_button.click()
    wait_ops(qtbot)
    assert any(c.code == "OLAHRAGA" for c in reference.list_categories(ctx))


def test_rule_sets_and_holidays(qtbot, keep, qtmodeltester, world: World) -> None:
    ctx = world.as_("sysadmin")
    page = RulesPage(ctx)
    keep.append(page)  # not qtbot.addWidget: it deletes widgets before qtmodeltester's cleanup
    qtmodeltester.check(page.rules_model, force_py=True)
    assert page.rules_model.index(0, 2).data() == "5 hari kerja"
    page.rule_name_edit.setText("Perbup 2027")
    page.rule_from_edit.setDate(QDate(2027, 1, 1))
    page.follow_up_edit.days_spin.setValue(14)
    page.add_rule_button.click()
    wait_ops(qtbot)
    assert [r.name for r in admin.list_rule_sets(ctx)][-1] == "Perbup 2027"
    assert page.rules_model.index(len(page.rules_model.rows) - 1, 3).data() == "14 hari kerja"
    page.rule_name_edit.setText("Perbup lain")  # the same start date: said beside the date
    page.add_rule_button.click()
    wait_ops(qtbot)
    assert page.rule_errors.text("effective_from").startswith("Sudah ada aturan")
    page.rule_from_edit.setDate(QDate(2027, 2, 1))
    assert page.rule_errors.text("effective_from") == ""
    page.holiday_day_edit.setDate(QDate(2026, 11, 20))
    page.holiday_reason_edit.setText("")
    page.add_holiday_button.click()
    wait_ops(qtbot)
    assert page.holiday_errors.text("reason")
    page.holiday_reason_edit.setText("SK Bupati 100/2026")
    assert page.holiday_errors.text("reason") == ""
    page.add_holiday_button.click()
    wait_ops(qtbot)
    assert [h.day for h in admin.list_holiday_overrides(ctx)] == [date(2026, 11, 20)]
    assert page.holiday_model.index(0, 0).data() == "20 November 2026"
    page.holiday_table.setCurrentIndex(page.holiday_model.index(0, 0))
    page.remove_holiday_button.click()
    wait_ops(qtbot)
    assert admin.list_holiday_overrides(ctx) == []

"""A returning reporter's phone, e-mail and address, changed at the counter as a versioned
edit: with the complaint (one operation) or alone; a stale base version is refused."""

from __future__ import annotations

import pytest

from lapor_desktop.db.models import AuditLog, Complaint, Reporter
from lapor_desktop.services import intake, reporters
from lapor_desktop.services.errors import StaleEdit, ValidationError

from .conftest import NIK, World


def complaint(title: str = "Lampu jalan padam") -> intake.ComplaintInput:
    return intake.ComplaintInput(
        reporter_nik=NIK,
        title=title,
        body="Dua minggu.",
        channel="walk-in",
        klasifikasi="pengaduan",
    )


def edit_of(view: reporters.ReporterView, **kw: str) -> reporters.ContactEdit:
    fields = {"phone": view.phone, "email": view.email, "address": view.address, **kw}
    return reporters.ContactEdit(view.id, view.row_version, **fields)


def test_contact_changed_together_with_the_complaint(world: World) -> None:
    loket = world.as_("loket")
    seen = reporters.find_by_nik(loket, NIK)
    assert seen is not None and seen.row_version == 1
    result = intake.take_in(loket, None, complaint(), edit_of(seen, phone="0813 9999 0000"))
    assert result.updated is not None and result.updated.phone == "0813 9999 0000"
    row = Reporter.get(Reporter.nik == NIK)
    assert (row.phone, row.email, row.row_version) == ("0813 9999 0000", seen.email, 2)
    assert Complaint.get(Complaint.ticket == result.ticket).reporter_id == row.id
    last = AuditLog.select().order_by(AuditLog.id.desc()).limit(2)
    assert [a.event for a in last][::-1] == ["pelapor_ubah", "kasus_catat"]


def test_unchanged_contact_writes_nothing(world: World) -> None:
    loket = world.as_("loket")
    seen = reporters.find_by_nik(loket, NIK)
    assert seen is not None
    intake.take_in(loket, None, complaint(), edit_of(seen))
    assert Reporter.get(Reporter.nik == NIK).row_version == 1
    assert not AuditLog.select().where(AuditLog.event == "pelapor_ubah").exists()


def test_a_stale_base_version_is_refused_and_nothing_is_written(world: World) -> None:
    loket, admin = world.as_("loket"), world.as_("admin")
    seen = reporters.find_by_nik(loket, NIK)
    assert seen is not None
    # Meanwhile another counter changes the e-mail.
    reporters.update_contact(admin, seen.id, base_version=seen.row_version, email="baru@contoh.id")
    before = Complaint.select().count()
    with pytest.raises(StaleEdit) as exc:
        intake.take_in(loket, None, complaint(), edit_of(seen, phone="0813 1"))
    assert "diubah di tempat lain" in exc.value.message
    assert Complaint.select().count() == before  # the complaint waits with the edit
    row = Reporter.get(Reporter.nik == NIK)
    assert (row.phone, row.email, row.row_version) == (seen.phone, "baru@contoh.id", 2)
    with pytest.raises(StaleEdit):
        reporters.update_contact(loket, seen.id, base_version=seen.row_version, phone="0813 1")
    # Read again, the edit goes through.
    fresh = reporters.find_by_nik(loket, NIK)
    assert fresh is not None and fresh.email == "baru@contoh.id"
    updated = reporters.update_contact(
        loket, fresh.id, base_version=fresh.row_version, phone="0813 1"
    )
    assert (updated.phone, updated.email, updated.row_version) == ("0813 1", "baru@contoh.id", 3)


def test_bad_contact_refused_beside_its_field_before_anything(world: World) -> None:
    loket = world.as_("loket")
    seen = reporters.find_by_nik(loket, NIK)
    assert seen is not None
    before = Complaint.select().count()
    with pytest.raises(ValidationError) as exc:
        intake.take_in(loket, None, complaint(), edit_of(seen, email="bukan-email"))
    assert exc.value.field == "email"
    assert Complaint.select().count() == before


def test_returning_reporter_view_carries_region_and_ktp(world: World) -> None:
    loket = world.as_("loket")
    view = reporters.register(
        loket,
        nik="1401021203880002",
        name="Budi Santoso",
        kecamatan="140102",
        desa="1401022001",
        ktp_seen=True,
    )
    found = reporters.find_by_nik(loket, "1401021203880002")
    assert found is not None and found.id == view.id
    assert (found.kecamatan, found.desa, found.ktp_seen) == ("140102", "1401022001", True)

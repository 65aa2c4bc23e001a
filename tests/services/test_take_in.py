"""intake.take_in: the counter's one action — register a new reporter, log the complaint,
seal its attachments — in one transaction, so a refused complaint registers nobody."""

from __future__ import annotations

from pathlib import Path

import pytest

from lapor_desktop.db.models import AuditLog, Complaint, Reporter
from lapor_desktop.services import deadlines, intake, reporters
from lapor_desktop.services.errors import ValidationError

from .conftest import NIK, World

NEW_NIK = "1401021203880002"  # Kampar (kecamatan Kampar), man born 12-03-1988


def complaint(
    title: str = "Jembatan retak", reporter_nik: str = NEW_NIK, **kw
) -> intake.ComplaintInput:
    return intake.ComplaintInput(
        reporter_nik=reporter_nik,
        title=title,
        body="Jembatan desa retak.",
        channel="walk-in",
        klasifikasi="pengaduan",
        **kw,
    )


def new_reporter(**kw) -> reporters.ReporterInput:
    return reporters.ReporterInput(nik=NEW_NIK, name="Budi Santoso", phone="0812 1111 2222", **kw)


def test_new_reporter_and_complaint_together(world: World, tmp_path: Path) -> None:
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    result = intake.take_in(world.as_("loket"), new_reporter(), complaint(attachments=[photo]))
    assert result.registered is not None and result.registered.name == "Budi Santoso"
    assert result.stored_files == ("foto.png",)
    case = Complaint.get(Complaint.ticket == result.ticket)
    assert case.reporter_id == result.registered.id
    kinds = [a.event for a in AuditLog.select().order_by(AuditLog.id)][-2:]
    assert kinds == ["pelapor_daftar", "kasus_catat"]


def test_missing_title_with_a_new_nik_registers_nobody(world: World) -> None:
    before = Complaint.select().count()
    with pytest.raises(ValidationError) as exc:
        intake.take_in(world.as_("loket"), new_reporter(), complaint(title=""))
    assert exc.value.field == "title"
    assert reporters.find_by_nik(world.as_("loket"), NEW_NIK) is None
    assert Complaint.select().count() == before


def test_a_failure_inside_the_transaction_registers_nobody(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: object) -> object:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(deadlines, "rule_set_for", broken)
    with pytest.raises(RuntimeError):
        intake.take_in(world.as_("loket"), new_reporter(), complaint())
    assert Reporter.get_or_none(Reporter.nik == NEW_NIK) is None


def test_reporter_errors_come_first_and_an_existing_nik_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        intake.take_in(world.as_("loket"), new_reporter(email="bukan-email"), complaint(title=""))
    assert exc.value.field == "email"
    taken = reporters.ReporterInput(nik=NIK, name="Orang Lain")
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        intake.take_in(world.as_("loket"), taken, complaint())


def test_a_registered_reporter_is_found_by_nik(world: World) -> None:
    result = intake.take_in(world.as_("loket"), None, complaint(reporter_nik=NIK))
    assert result.registered is None
    with pytest.raises(ValidationError, match="belum terdaftar"):
        intake.take_in(world.as_("loket"), None, complaint())


def test_only_the_counter_takes_in(world: World) -> None:
    from lapor_desktop.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        intake.take_in(world.as_("pupr"), new_reporter(), complaint())
    assert Reporter.get_or_none(Reporter.nik == NEW_NIK) is None


def test_all_problems_names_every_refused_field_at_once(world: World) -> None:
    bad_reporter = reporters.ReporterInput(nik="14010212", name="", email="bukan-email")
    bad = complaint(title="", tracking_id="x" * 61)
    bad.body = ""
    found = intake.all_problems(world.as_("loket"), bad_reporter, bad)
    assert set(found) == {"nik", "name", "email", "title", "body", "tracking_id"}
    assert found["email"] == "Alamat e-mail tidak valid."
    # the same first message take_in gives
    with pytest.raises(ValidationError) as exc:
        intake.take_in(world.as_("loket"), bad_reporter, bad)
    assert found[exc.value.field] == exc.value.message
    good = intake.all_problems(world.as_("loket"), new_reporter(), complaint())
    assert good == {}

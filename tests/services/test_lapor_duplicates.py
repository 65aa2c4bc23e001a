"""Duplicate suggestions on a labelled set, and marking a case as a duplicate: linked,
closed with a pointer in both cases, both histories kept, later responses on the main."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from lapor_desktop.db.models import CaseAction, Complaint
from lapor_desktop.services import cases, casework, duplicates, intake, lapor_import
from lapor_desktop.services.errors import PermissionDenied, ValidationError
from tests.lapor import dup_set, files

from .conftest import NIK, World


def _bases(world: World) -> dict[str, str]:
    admin = world.as_("admin")
    return {
        key: intake.log_complaint(
            admin,
            intake.ComplaintInput(
                reporter_nik=NIK,
                title=title,
                body=body,
                channel="walk-in",
                klasifikasi="pengaduan",
                location_kecamatan=kec,
            ),
        ).ticket
        for key, (title, body, kec) in dup_set.BASES.items()
    }


def test_suggestions_on_the_labelled_set_are_precise_and_complete(world: World) -> None:
    tickets = _bases(world)
    admin = world.as_("admin")

    def suggest(title: str, body: str, kec: str) -> list[str]:
        return [s.ticket for s in duplicates.suggest(admin, title=title, body=body, kecamatan=kec)]

    precision, recall, mistakes = dup_set.evaluate(suggest, tickets)
    assert precision >= 0.9 and recall >= 0.8, mistakes


def test_same_reporter_with_a_loosely_similar_text_is_suggested(world: World) -> None:
    admin = world.as_("admin")
    t = world.new_case(title="Jalan rusak di Desa Pulau", body="Lubang besar di jalan utama.")
    case = Complaint.get(Complaint.ticket == t)
    found = duplicates.suggest(
        admin,
        title="Jalan utama becek",
        body="Jalan becek dan licin kalau hujan.",
        reporter_id=case.reporter_id,
    )
    assert [s.ticket for s in found] == [t]
    assert "pelapor sama" in found[0].reasons
    other = duplicates.suggest(
        admin, title="Jalan utama becek", body="Jalan becek dan licin kalau hujan."
    )
    assert other == []  # the same text from someone else is too far apart


def test_cases_outside_the_window_are_not_suggested(world: World) -> None:
    t = world.new_case(title="Sampah menumpuk di pasar Bangkinang")
    admin = world.as_("admin")
    later = Complaint.get(Complaint.ticket == t).received_at.replace(year=2027)
    same = {"title": "Sampah menumpuk di pasar Bangkinang", "body": "Lubang besar di jalan utama."}
    assert [s.ticket for s in duplicates.suggest(admin, **same)] == [t]
    assert duplicates.suggest(admin, **same, received_at=later) == []


def test_an_imported_case_gets_suggestions_for_the_case_view(world: World, tmp_path: Path) -> None:
    main = world.new_case(
        title="Jalan rusak nomor 1 di Desa Pulau", received_at=datetime(2026, 10, 1, 9, 0)
    )
    admin = world.as_("admin")
    profile = lapor_import.load_profile(admin, "lapor-default")
    plan = lapor_import.import_file(
        admin, files.write_csv(tmp_path / "a.csv", files.rows(1)), profile
    )
    assert plan.rows[0].duplicates == (main,)
    assert [s.ticket for s in duplicates.suggest_for_case(admin, plan.tickets[0])] == [main]


def test_marking_a_duplicate_links_closes_and_keeps_both_histories(world: World) -> None:
    admin = world.as_("admin")
    main = world.new_case(title="Lampu jalan padam di Jalan Raya Kuok")
    dup = world.new_case(title="Lampu jalan mati di Jl Raya Kuok")
    casework.verify(admin, main, category="INFRASTRUKTUR")
    before_main = [a.action for a in cases.get_case(admin, main).actions]
    r = duplicates.mark_duplicate(admin, dup, main, note="Pelapor sama, dua saluran.")
    assert (r.from_status.value, r.status.value) == ("DITERIMA", "ARSIP")
    d_dup, d_main = cases.get_case(admin, dup), cases.get_case(admin, main)
    assert d_dup.status == "ARSIP" and d_dup.duplicate_of == main
    assert d_main.duplicates == (dup,) and d_main.status == "TERVERIFIKASI"
    assert [a.action for a in d_dup.actions] == ["INTAKE", "DUPLICATE"]
    assert f"Duplikat dari laporan {main}" in d_dup.actions[-1].note
    assert [a.action for a in d_main.actions] == [*before_main, "DUPLICATE_LINKED"]
    assert Complaint.select().where(Complaint.ticket.in_([main, dup])).count() == 2
    # the closed duplicate is no longer waiting on a deadline
    assert Complaint.get(Complaint.ticket == dup).due_date is None


def test_a_later_reporter_response_lands_on_the_main_case(world: World) -> None:
    admin, pupr, head, desk = (world.as_(u) for u in ("admin", "pupr", "kadis.pupr", "loket"))
    main = world.new_case(title="Air PDAM tidak mengalir")
    dup = world.new_case(title="Air PDAM mati")
    duplicates.mark_duplicate(admin, dup, main)
    casework.verify(admin, main, category="INFRASTRUKTUR")
    casework.dispose(admin, main, opd="PUPR")
    casework.start(pupr, main)
    casework.submit_answer(pupr, main, answer="Pipa sudah diperbaiki.")
    casework.approve(head, main)
    r = casework.reporter_response(desk, dup, note="Air masih mati di rumah saya.")
    assert r.ticket == main and r.status.value == "DIPROSES"
    assert CaseAction.select().where(CaseAction.action == "REPORTER_RESPONSE").count() == 1
    assert [a.action for a in cases.get_case(admin, dup).actions] == ["INTAKE", "DUPLICATE"]


def test_duplicate_refusals(world: World) -> None:
    admin = world.as_("admin")
    a, b, c = (world.new_case(title=f"Laporan {i}") for i in "abc")
    with pytest.raises(ValidationError, match="dirinya sendiri"):
        duplicates.mark_duplicate(admin, a, a)
    with pytest.raises(PermissionDenied):
        duplicates.mark_duplicate(world.as_("loket"), a, b)
    duplicates.mark_duplicate(admin, b, a)
    with pytest.raises(ValidationError, match="sudah ditandai sebagai duplikat"):
        duplicates.mark_duplicate(admin, b, c)
    with pytest.raises(ValidationError, match=f"sendiri duplikat laporan {a}"):
        duplicates.mark_duplicate(admin, c, b)
    casework.archive(admin, c, note="Tidak lengkap")
    with pytest.raises(PermissionDenied, match="Arsip"):
        duplicates.mark_duplicate(admin, c, a)


def test_own_service_actions_are_not_offered_as_plain_actions(world: World) -> None:
    admin = world.as_("admin")
    t = world.new_case()
    allowed = {x.value for x in cases.get_case(admin, t).allowed_actions}
    assert not allowed & {"DUPLICATE", "DUPLICATE_LINKED", "LAPOR_UPDATE", "LAPOR_ENTERED"}
    from lapor_desktop.domain.workflow import Action

    with pytest.raises(PermissionDenied, match="menunya sendiri"):
        casework.perform(admin, t, Action.DUPLICATE, note="x")


def test_a_tracking_id_belongs_to_one_case(world: World) -> None:
    world.new_case(tracking_id="LPR-1")
    with pytest.raises(ValidationError, match="sudah dipakai laporan"):
        world.new_case(tracking_id="LPR-1")


def test_the_pointer_is_on_both_cases_letters(world: World) -> None:
    from lapor_desktop.services import documents
    from tests.pdf.conftest import pdf_text

    admin = world.as_("admin")
    main = world.new_case(title="Jembatan gantung Lipat Kain putus")
    dup = world.new_case(title="Jembatan gantung putus di Lipat Kain")
    duplicates.mark_duplicate(admin, dup, main)
    dup_text = " ".join(pdf_text(documents.history_pdf(admin, dup)).split())
    main_text = " ".join(pdf_text(documents.history_pdf(admin, main)).split())
    assert f"Duplikat dari : {main}" in dup_text
    assert f"Duplikatnya : {dup}" in main_text

"""Office scope and anonymity: an OPD user cannot read, search, list or act on another
OPD's case, and never receives an anonymous reporter's name or NIK."""

from __future__ import annotations

import dataclasses
import json

import pytest

from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import cases, casework, reporters
from lapor_desktop.services.errors import NotFound, PermissionDenied, ServiceError

from .casepaths import case_in
from .conftest import NIK, World


def everything_said(obj: object) -> str:
    """All text a service result carries, to look for leaks anywhere in it."""
    return json.dumps(
        dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) else obj,  # type: ignore[arg-type]
        default=str,
    )


def test_other_opd_cannot_read_search_list_or_act(world: World) -> None:
    t = case_in(world, Status.DIPROSES)  # dispositioned to PUPR
    dinkes = world.as_("dinkes")
    with pytest.raises(NotFound) as missing:
        cases.get_case(dinkes, "2611-XXXX-99999")
    with pytest.raises(NotFound) as hidden:
        cases.get_case(dinkes, t)
    # Probing another office's case answers exactly like a case that does not exist.
    assert str(hidden.value).replace(t, "T") == str(missing.value).replace("2611-XXXX-99999", "T")
    assert cases.search(dinkes, "rusak").rows == []
    assert cases.list_cases(dinkes).rows == []
    assert cases.count_cases(dinkes) == 0
    for fn, kw in [
        (casework.internal_note, {"note": "x"}),
        (casework.start, {}),
        (casework.submit_answer, {"answer": "x"}),
    ]:
        with pytest.raises(NotFound):
            fn(dinkes, t, **kw)
    # the right OPD does see it
    assert [r.ticket for r in cases.search(world.as_("pupr"), "rusak").rows] == [t]


def _opd_sees_nothing_of(ctx, t: str) -> None:
    """`ctx` gets for `t` exactly what it gets for a case that does not exist."""
    with pytest.raises(NotFound) as missing:
        cases.get_case(ctx, "2611-XXXX-99999")
    with pytest.raises(NotFound) as hidden:
        cases.get_case(ctx, t)
    assert str(hidden.value).replace(t, "T") == str(missing.value).replace("2611-XXXX-99999", "T")
    assert t not in [r.ticket for r in cases.list_cases(ctx).rows]
    assert t not in [r.ticket for r in cases.search(ctx, "rusak").rows]
    assert t not in [r.ticket for r in cases.list_cases(ctx, sort="due_date").rows]
    assert cases.count_cases(ctx) == 0
    assert cases.counts_by_status(ctx).total == 0
    assert cases.counts_by_opd(ctx) == {}
    assert t not in [w.ticket for w in cases.work_list(ctx)]
    for fn, kw in [
        (casework.internal_note, {"note": "x"}),
        (casework.start, {}),
        (casework.followup_note, {"note": "x"}),
    ]:
        with pytest.raises(NotFound):
            fn(ctx, t, **kw)


def test_after_not_ours_and_redisposition_the_old_opd_loses_the_case(world: World) -> None:
    t = case_in(world, Status.DIPROSES)
    casework.followup_note(world.as_("pupr"), t, note="Survei lapangan oleh PUPR")
    casework.not_ours(world.as_("pupr"), t, note="Kewenangan Dinkes", suggested_opd="DINKES")
    for user in ("pupr", "kadis.pupr"):
        _opd_sees_nothing_of(world.as_(user), t)
    casework.dispose(world.as_("admin"), t, opd="DINKES", note="Ke Dinkes")
    for user in ("pupr", "kadis.pupr"):
        _opd_sees_nothing_of(world.as_(user), t)
    # What PUPR wrote stays in the history the new OPD and the regency read.
    for user in ("dinkes", "admin"):
        notes = [a.note for a in cases.get_case(world.as_(user), t).actions]
        assert "Survei lapangan oleh PUPR" in notes and "Kewenangan Dinkes" in notes
    casework.start(world.as_("dinkes"), t)


def test_a_redisposition_takes_the_case_from_the_old_opd(world: World) -> None:
    t = case_in(world, Status.TERDISPOSISI)  # with PUPR
    assert [r.ticket for r in cases.list_cases(world.as_("pupr")).rows] == [t]
    casework.redispose(world.as_("admin"), t, opd="DINKES", note="Salah OPD")
    _opd_sees_nothing_of(world.as_("pupr"), t)
    assert [r.ticket for r in cases.list_cases(world.as_("dinkes")).rows] == [t]
    assert cases.count_cases(world.as_("dinkes")) == 1
    # ... and back again: PUPR reads it once more.
    casework.redispose(world.as_("admin"), t, opd="PUPR", note="Kembali")
    _opd_sees_nothing_of(world.as_("dinkes"), t)
    assert cases.get_case(world.as_("pupr"), t).ticket == t


def test_opd_never_receives_anonymous_identity(world: World) -> None:
    t = world.new_case(anonim=True, title="Pungli di kantor desa")
    casework.verify(world.as_("admin"), t, category="PUNGLI")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    for user in ("pupr", "kadis.pupr", "inspektur"):
        ctx = world.as_(user)
        detail = cases.get_case(ctx, t)
        page = cases.list_cases(ctx)
        found = cases.search(ctx, "pungli")
        for result in (detail, page, found):
            text = everything_said(result)
            assert "Siti Aminah" not in text and NIK not in text and "1401********" not in text
            assert "0812" not in text and "siti@example" not in text
        assert detail.reporter.name == "Pelapor Anonim"
        assert detail.reporter.nik is None
    # The regency desk sees the identity (masked NIK).
    admin_view = cases.get_case(world.as_("admin"), t)
    assert admin_view.reporter.name == "Siti Aminah"
    assert admin_view.reporter.nik == "1401********0001"


def test_opd_sees_name_but_never_nik_or_contacts_of_named_reporter(world: World) -> None:
    t = case_in(world, Status.TERDISPOSISI)
    d = cases.get_case(world.as_("pupr"), t)
    assert d.reporter.name == "Siti Aminah"
    text = everything_said(d)
    assert NIK not in text and "1401********" not in text and "0812" not in text


def test_reveal_nik_is_audited_and_limited(world: World) -> None:
    from lapor_desktop.db.models import AuditLog

    rid = reporters.find_by_nik(world.as_("loket"), NIK).id  # type: ignore[union-attr]
    assert reporters.reveal_nik(world.as_("admin"), rid, "verifikasi") == NIK
    assert AuditLog.select().where(AuditLog.event == "nik_tampil").count() == 1
    for user in ("pupr", "inspektur", "sysadmin"):
        with pytest.raises(PermissionDenied):
            reporters.reveal_nik(world.as_(user), rid)
    assert AuditLog.select().where(AuditLog.event == "nik_tampil").count() == 1


def test_auditor_reads_never_writes_and_sysadmin_does_no_casework(world: World) -> None:
    t = case_in(world, Status.TERDISPOSISI)
    aud = world.as_("inspektur")
    assert cases.get_case(aud, t).ticket == t
    assert cases.get_case(aud, t).allowed_actions == ()
    with pytest.raises(ServiceError):
        casework.internal_note(aud, t, note="x")
    with pytest.raises(PermissionDenied):
        cases.get_case(world.as_("sysadmin"), t)
    with pytest.raises(PermissionDenied):
        cases.list_cases(world.as_("sysadmin"))


def test_suggested_opd_sees_nothing_until_dispositioned(world: World) -> None:
    t = case_in(world, Status.DIPROSES)
    casework.not_ours(world.as_("pupr"), t, note="Kewenangan Dinkes", suggested_opd="DINKES")
    dinkes = world.as_("dinkes")
    with pytest.raises(NotFound):
        cases.get_case(dinkes, t)
    assert cases.list_cases(dinkes).rows == [] and cases.count_cases(dinkes) == 0
    casework.dispose(world.as_("admin"), t, opd="DINKES")
    assert [r.ticket for r in cases.list_cases(dinkes).rows] == [t]


def _second_front_desk(world: World) -> object:
    from lapor_desktop.domain.workflow import Role
    from lapor_desktop.services import users

    from .conftest import PASSWORD

    root = world.base.as_user(users.sign_in(world.base, "root", PASSWORD))
    users.add_user(
        root,
        "loket2",
        role=Role.FRONT_DESK.value,
        office_code="DISKOMINFOSANDI",
        password=PASSWORD,
        must_change_password=False,
    )
    return world.base.as_user(users.sign_in(world.base, "loket2", PASSWORD))


def test_anonymous_identity_only_for_its_registering_officer_and_the_regency_admin(
    world: World,
) -> None:
    t = world.new_case(anonim=True, title="Pungli di kantor desa")  # registered by "loket"
    named = world.new_case(title="Lampu jalan padam")
    other_desk: object = _second_front_desk(world)
    rid = reporters.find_by_nik(world.as_("loket"), NIK).id  # type: ignore[union-attr]
    for ctx in (world.as_("loket"), world.as_("admin")):
        assert cases.get_case(ctx, t).reporter.name == "Siti Aminah"
        assert cases.get_case(ctx, t).reporter.nik == "1401********0001"
        row = next(r for r in cases.list_cases(ctx).rows if r.ticket == t)
        assert row.reporter_name == "Siti Aminah"
        by_reporter = cases.list_cases(ctx, cases.CaseFilter(reporter_id=rid)).rows
        assert {r.ticket for r in by_reporter} == {t, named}
    for ctx in (other_desk, world.as_("inspektur")):
        detail = cases.get_case(ctx, t)  # type: ignore[arg-type]
        assert detail.reporter.hidden and detail.reporter.name == "Pelapor Anonim"
        page = [r for r in cases.list_cases(ctx).rows if r.ticket == t]  # type: ignore[arg-type]
        found = cases.search(ctx, "pungli")  # type: ignore[arg-type]
        assert [r.ticket for r in found.rows] == [t]
        for result in (detail, page, found):
            text = everything_said(result)
            assert "Siti Aminah" not in text and NIK not in text and "1401********" not in text
            assert "0812" not in text and "siti@example" not in text
        # Listing the reporter's cases must not tie the anonymous one to her.
        by_reporter = cases.list_cases(ctx, cases.CaseFilter(reporter_id=rid)).rows  # type: ignore[arg-type]
        assert [r.ticket for r in by_reporter] == [named]
        assert cases.count_cases(ctx, cases.CaseFilter(reporter_id=rid)) == 1  # type: ignore[arg-type]

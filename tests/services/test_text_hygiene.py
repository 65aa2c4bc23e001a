"""Input hygiene at the service boundary: terminal controls and bidi overrides never reach
the database, titles and names stay on one line, and a manually logged complaint is
received no later than now and no earlier than a year ago."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from lapor_desktop.db.models import AuditLog, Complaint, Office, Reporter, User
from lapor_desktop.pdf.data import Letterhead, Signatory
from lapor_desktop.services import (
    admin,
    cases,
    casework,
    intake,
    letterhead_settings,
    reporters,
    users,
)
from lapor_desktop.services.errors import ValidationError
from lapor_desktop.services.text import checked_text, one_line, strip_unsafe

from .conftest import NIK, PASSWORD, World

ESC, BEL, RLO, LRI, PDI, CSI8 = "\x1b", "\x07", "\u202e", "\u2066", "\u2069", "\x9b"
# Every kind the rule removes: C0 (ESC, BEL, NUL, VT, FF), DEL, C1 (8-bit CSI) and bidi.
NASTY = f"{ESC}[2J{BEL}\x00\x0b\x0c\x7f{CSI8}{RLO}{LRI}{PDI}"
UNSAFE_CHARS = set(NASTY) - set("[2J")


def assert_clean(text: str) -> None:
    assert not UNSAFE_CHARS & set(text), repr(text)


# ---------------------------------------------------------------- the rule itself


def test_checked_text_strips_controls_keeps_lines_and_tabs_in_long_text() -> None:
    got = checked_text(
        f"baris{ESC}[31m 1\r\n\tbaris 2{BEL}\rakhir", field="f", label="L", max_len=99
    )
    assert got == "baris[31m 1\n\tbaris 2\nakhir"


def test_single_line_flattens_line_breaks_and_tabs() -> None:
    got = checked_text(
        f"  Jalan\r\nrusak\t{RLO}parah{PDI}  ", field="f", label="L", max_len=99, single_line=True
    )
    assert got == "Jalan rusak parah"
    assert one_line(f"0812{ESC}\n555") == "0812 555"


def test_required_field_of_only_controls_is_refused() -> None:
    with pytest.raises(ValidationError, match="Judul wajib diisi") as exc:
        checked_text(
            NASTY.replace("[2J", ""), field="title", label="Judul", max_len=9, required=True
        )
    assert exc.value.field == "title"


def test_length_counts_the_cleaned_text() -> None:
    assert checked_text(ESC * 50 + "abc", field="f", label="L", max_len=3) == "abc"


def test_everything_else_is_kept() -> None:
    text = "<b>x</b> '); DROP TABLE t; -- emoji 🚧 ꦗꦮ لا \u200b"
    assert strip_unsafe(text) == text


# ---------------------------------------------------------------- intake


def test_intake_strips_controls_and_flattens_the_title(world: World) -> None:
    t = world.new_case(
        title=f"Jalan{ESC}[31m rusak{BEL}\r\n{RLO}parah",
        body=f"Baris 1{ESC}]0;judul palsu{BEL}\r\nBaris 2\n\t{RLO}terbalik{PDI}",
        location_text=f"Dekat{CSI8} masjid\nRT 02",
        tracking_id=f"LPR-{ESC}123",
    )
    d = cases.get_case(world.as_("admin"), t)
    assert d.title == "Jalan[31m rusak parah"
    assert d.body == "Baris 1]0;judul palsu\nBaris 2\n\tterbalik"
    assert d.location_text == "Dekat masjid\nRT 02"
    assert d.tracking_id == "LPR-123"
    row = Complaint.get(Complaint.ticket == t)
    for value in (row.title, row.body, row.location_text, row.tracking_id):
        assert_clean(value)


def test_intake_refuses_a_title_that_is_only_controls(world: World) -> None:
    n = Complaint.select().count()
    with pytest.raises(ValidationError) as exc:
        world.new_case(title=f"{ESC}{BEL}\r\n{RLO}")
    assert exc.value.field == "title" and "wajib" in exc.value.message
    assert Complaint.select().count() == n


# ---------------------------------------------------------------- received date range


def _intake_received(world: World, received: datetime) -> str:
    return world.new_case(received_at=received)


def test_received_long_ago_is_refused_not_escalated(world: World) -> None:
    n = Complaint.select().count()
    with pytest.raises(ValidationError, match="satu tahun") as exc:
        _intake_received(world, datetime(1900, 1, 1))
    assert exc.value.field == "received_at"
    assert Complaint.select().count() == n


def test_received_just_over_a_year_ago_is_refused(world: World) -> None:
    now = world.clock.now()
    with pytest.raises(ValidationError, match="satu tahun"):
        _intake_received(world, now.replace(year=now.year - 1) - timedelta(minutes=1))


def test_received_tomorrow_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="masa depan") as exc:
        _intake_received(world, world.clock.now() + timedelta(days=1))
    assert exc.value.field == "received_at"


@pytest.mark.parametrize("days", [0, 1, 30, 364])
def test_received_within_the_last_year_is_accepted(world: World, days: int) -> None:
    received = (world.clock.now() - timedelta(days=days)).replace(microsecond=0)
    t = _intake_received(world, received)
    assert cases.get_case(world.as_("admin"), t).received_at == received


def test_received_exactly_one_year_ago_is_accepted(world: World) -> None:
    now = world.clock.now()
    t = _intake_received(world, intake.one_year_before(now))
    assert cases.get_case(world.as_("admin"), t).received_at == now.replace(year=now.year - 1)


def test_one_year_before_29_february() -> None:
    assert intake.one_year_before(datetime(2028, 2, 29, 10, 0)) == datetime(2027, 2, 28, 10, 0)


# ---------------------------------------------------------------- reporters


def test_reporter_name_and_contact_cleaned(world: World) -> None:
    view = reporters.register(
        world.as_("loket"),
        nik="1401060101900002",
        name=f"Budi{ESC}[8m\r\n{RLO}Santoso",
        address=f"Jl. Melati{BEL} 3\r\nRT 01{CSI8}",
        phone=f"0812{ESC} 555 666",
        email=f"budi{RLO}@contoh.id",
    )
    row = Reporter.get_by_id(view.id)
    assert row.name == "Budi[8m Santoso"
    assert row.address == "Jl. Melati 3\nRT 01"
    assert row.phone == "0812 555 666" and row.email == "budi@contoh.id"
    updated = reporters.update_contact(
        world.as_("loket"),
        view.id,
        base_version=row.row_version,
        address=f"Baru{ESC}c\nRT 9",
        phone=f"{BEL}0813 1",
    )
    assert updated.address == "Baru" + "c\nRT 9" and updated.phone == "0813 1"


def test_reporter_name_of_only_controls_refused(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        reporters.register(world.as_("loket"), nik="1401060101900002", name=f"{ESC}{BEL}\n{RLO}")
    assert exc.value.field == "name" and "wajib" in exc.value.message
    assert not Reporter.select().where(Reporter.nik == "1401060101900002").exists()


def test_reveal_reason_cleaned_in_the_audit_trail(world: World) -> None:
    rid = Reporter.get(Reporter.nik == NIK).id
    reporters.reveal_nik(world.as_("admin"), rid, reason=f"Klarifikasi{ESC}[2J\npelapor")
    entry = AuditLog.select().where(AuditLog.event == "nik_tampil").get()
    assert entry.detail == "Klarifikasi[2J pelapor"


# ---------------------------------------------------------------- notes and answers


def test_notes_and_answers_cleaned_keeping_lines(world: World) -> None:
    t = world.new_case()
    casework.internal_note(world.as_("admin"), t, note=f"Catatan{ESC}[1A\r\nbaris{RLO} 2{BEL}")
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR", note=f"Segera{CSI8}")
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer=f"Jawaban{ESC}]8;;x{BEL}\r\nselesai")
    d = cases.get_case(world.as_("admin"), t)
    notes = [a.note for a in d.actions if a.note]
    assert notes == ["Catatan[1A\nbaris 2", "Segera", "Jawaban]8;;x\nselesai"]
    assert d.answer_text == "Jawaban]8;;x\nselesai"


def test_required_note_of_only_controls_refused(world: World) -> None:
    t = world.new_case()
    with pytest.raises(ValidationError) as exc:
        casework.hold(world.as_("admin"), t, note=f"{ESC}{BEL}\r\n")
    assert exc.value.field == "note"
    assert cases.get_case(world.as_("admin"), t).status == "DITERIMA"


# ---------------------------------------------------------------- admin names


def test_admin_names_cleaned_and_one_line(world: World) -> None:
    sysadmin = world.as_("sysadmin")
    office = admin.save_office(sysadmin, "DISHUB", f"Dinas{ESC}[31m\nPerhubungan{RLO}")
    assert office.name == "Dinas[31m Perhubungan"
    assert Office.get(Office.code == "DISHUB").name == office.name
    cat = admin.save_category(sysadmin, "LALIN", f"Lalu{BEL} lintas\r\n")
    assert cat.name == "Lalu lintas"
    with pytest.raises(ValidationError) as exc:
        admin.save_category(sysadmin, "KOSONG", f"{ESC}{RLO}\n")
    assert exc.value.field == "name"
    row = users.add_user(
        sysadmin,
        "petugas.baru",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password=PASSWORD,
        full_name=f"Rina{ESC}[8m\nWati{PDI}",
        nip=f"1987{BEL}",
    )
    assert row.full_name == "Rina[8m Wati"
    stored = User.get(User.username == "petugas.baru")
    assert stored.full_name == "Rina[8m Wati" and stored.nip == "1987"


def test_letterhead_and_signatory_texts_cleaned(world: World) -> None:
    head = Letterhead(
        government=f"PEMERINTAH{ESC}[5m KABUPATEN KAMPAR",
        office=f"DINAS\r\nPEKERJAAN UMUM{RLO}",
        address=f"Jl. Lintas{BEL} Timur",
        city="Bangkinang",
    )
    signer = Signatory(jabatan=f"KEPALA{CSI8} DINAS", name=f"Ir. Budi{ESC}\nS.", nip="")
    cfg = letterhead_settings.save_letterhead(world.as_("sysadmin"), "PUPR", head, signer)
    assert cfg.letterhead.government == "PEMERINTAH[5m KABUPATEN KAMPAR"
    assert cfg.letterhead.office == "DINAS PEKERJAAN UMUM"
    assert cfg.letterhead.address == "Jl. Lintas Timur"
    assert cfg.signatory is not None
    assert (cfg.signatory.jabatan, cfg.signatory.name) == ("KEPALA DINAS", "Ir. Budi S.")

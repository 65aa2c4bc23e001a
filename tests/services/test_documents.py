"""Official documents from a real database, read back with pypdf: tickets, names (or their
absence), Indonesian dates, letter numbers, totals; roles; privacy; hostile text."""

from __future__ import annotations

import pytest

from lapor_desktop.db.models import AuditLog, Complaint, Letter, User
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.services import casework, documents, letters_register
from lapor_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from tests.pdf.conftest import font_problems, pdf_text
from tests.services.casepaths import case_in, do
from tests.services.conftest import NIK, World

PHONE_DIGITS = "08127654321"  # the reporter's phone in the world, without spaces


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return pdf_text(pdf)


def assert_private(text: str) -> None:
    squeezed = text.replace(" ", "")
    assert NIK not in squeezed
    assert "1401********" not in text
    assert PHONE_DIGITS not in squeezed and "7654321" not in squeezed


def letter_rows(kind: str) -> list[Letter]:
    return list(Letter.select().where(Letter.kind == kind).order_by(Letter.number))


# ---------------------------------------------------------------- receipt


def test_receipt_prints_ticket_name_date_deadlines_and_nothing_private(world: World) -> None:
    t = world.new_case()
    text = text_of(documents.receipt_pdf(world.as_("loket"), t))
    assert t in text
    assert "TANDA TERIMA PENGADUAN" in text
    assert "Siti Aminah" in text
    assert "2 November 2026 pukul 09.00 WIB" in text
    # verification 5 working days after Monday 2 November 2026
    assert "Senin, 9 November 2026" in text
    assert "Datang langsung" in text and "Jalan rusak di Desa Pulau" in text
    assert "Layanan ini tidak dipungut biaya" in text
    assert_private(text)
    assert font_problems(documents.receipt_pdf(world.as_("admin"), t)) == []


def test_receipt_of_anonymous_report_has_no_name(world: World) -> None:
    t = world.new_case(anonim=True)
    text = text_of(documents.receipt_pdf(world.as_("loket"), t))
    assert t in text and "Pelapor Anonim" in text
    assert "Siti Aminah" not in text and "Yamin" not in text


@pytest.mark.parametrize("user", ["pupr", "kadis.pupr", "inspektur", "sysadmin"])
def test_receipt_is_for_the_desk_and_the_admin_only(world: World, user: str) -> None:
    t = world.new_case()
    with pytest.raises(PermissionDenied):
        documents.receipt_pdf(world.as_(user), t)


# ---------------------------------------------------------------- disposition / forwarding


def test_disposition_sheet_shows_opd_instruction_and_follow_up_deadline(world: World) -> None:
    t = case_in(world, Status.TERDISPOSISI)
    text = text_of(documents.disposition_pdf(world.as_("admin"), t))
    assert "LEMBAR DISPOSISI PENGADUAN SP4N-LAPOR!" in text
    assert t in text
    assert "Dinas Pekerjaan Umum dan Penataan Ruang" in text
    assert "Mohon ditindaklanjuti" in text  # the disposition note
    assert "16 November 2026" in text  # follow-up: 10 working days after 2 November
    assert_private(text)
    with pytest.raises(PermissionDenied):
        documents.disposition_pdf(world.as_("pupr"), t)
    fresh = case_in(world, Status.TERVERIFIKASI)
    with pytest.raises(ValidationError):
        documents.disposition_pdf(world.as_("admin"), fresh)


def test_forwarding_number_is_reserved_once_and_renewed_by_redisposition(world: World) -> None:
    t = case_in(world, Status.TERDISPOSISI)
    admin = world.as_("admin")
    first = text_of(documents.forwarding_pdf(admin, t))
    again = text_of(documents.forwarding_pdf(admin, t))
    rows = letter_rows("forwarding")
    assert len(rows) == 1 and rows[0].full_number == "000/1/DISKOMINFOSANDI/2026"
    assert rows[0].full_number in first and rows[0].full_number in again
    assert "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kampar" in first
    assert "Bangkinang, 2 November 2026" in first
    # the disposition sheet now shows the forwarding number as agenda number
    sheet = text_of(documents.disposition_pdf(admin, t)).replace(" ", "")
    assert rows[0].full_number in sheet  # (a narrow cell may wrap it)
    world.clock.advance(days=1)
    do(world, "admin", t, Action.REDISPOSE)
    to_dinkes = text_of(documents.forwarding_pdf(admin, t))
    rows = letter_rows("forwarding")
    assert [r.number for r in rows] == [1, 2]
    assert "000/2/DISKOMINFOSANDI/2026" in to_dinkes and "Dinas Kesehatan" in to_dinkes
    assert "3 November 2026" in to_dinkes
    assert AuditLog.select().where(AuditLog.event == "surat_penerusan_nomor").count() == 2


def test_case_summary_joins_title_and_body_with_one_full_stop(world: World) -> None:
    t = case_in(
        world,
        Status.TERDISPOSISI,
        lambda: world.new_case(title="Jalan rusak di desa.", body="Mohon segera diperbaiki."),
    )
    text = text_of(documents.forwarding_pdf(world.as_("admin"), t))
    assert "Jalan rusak di desa. Mohon segera diperbaiki." in text
    assert "desa.." not in text


def test_disposition_sheet_agrees_with_the_forwarding_letter(world: World) -> None:
    """Issue 15: Sifat "Biasa" on the sheet while the letter said "Segera"; no NIP; a
    rahasia case printed as an ordinary one."""
    User.update(nip="197501012000031002").where(User.username == "admin").execute()
    admin = world.as_("admin")
    t = case_in(world, Status.TERDISPOSISI)
    letter = text_of(documents.forwarding_pdf(admin, t))
    sheet = text_of(documents.disposition_pdf(admin, t))
    assert "Sifat : Segera" in letter
    assert "NIP. 197501012000031002" in sheet
    assert "RAHASIA" not in sheet and "RAHASIA" not in letter
    secret = case_in(world, Status.TERDISPOSISI, lambda: world.new_case(rahasia=True))
    letter = text_of(documents.forwarding_pdf(admin, secret))
    sheet = text_of(documents.disposition_pdf(admin, secret))
    history = text_of(documents.history_pdf(admin, secret))
    assert "Sifat : Rahasia" in letter and letter.count("RAHASIA") >= 2
    assert sheet.count("RAHASIA") == 2 and "Rahasia" in sheet
    assert "Sifat : Rahasia" in history and history.count("RAHASIA") >= 2
    assert "Batas verifikasi" in history


# ---------------------------------------------------------------- answer


def test_answer_letter_uses_the_number_reserved_at_approval(world: World) -> None:
    t = case_in(world, Status.MENUNGGU_PERSETUJUAN)
    number = do(world, "kadis.pupr", t, Action.APPROVE).letter_number
    assert number == "000/1/PUPR/2026"
    for user in ("pupr", "kadis.pupr", "admin"):
        text = text_of(documents.answer_pdf(world.as_(user), t))
        assert number in text
        assert "Bangkinang, 2 November 2026" in text
        assert f"Nomor Tracking #{t}" in text
        assert "Sdr. Siti Aminah" in text and "Jl. Prof. M. Yamin No. 5" in text
        assert "Jalan diperbaiki pekan depan" in text  # the approved answer
        assert "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG" in text  # the OPD's letterhead
        assert "KEPALA DINAS PEKERJAAN UMUM" in text
        assert_private(text)
    # re-printing never reserves: still one answer number in the register
    assert [r.full_number for r in letter_rows("answer")] == [number]


def test_anonymous_answer_names_only_the_tracking_number(world: World) -> None:
    t = case_in(world, Status.SELESAI, lambda: world.new_case(anonim=True, tracking_id="4567890"))
    text = text_of(documents.answer_pdf(world.as_("admin"), t))
    assert "Pelapor SP4N-LAPOR! Nomor Tracking #4567890" in text
    assert "Siti Aminah" not in text and "Yamin" not in text
    assert_private(text)


def test_reopened_case_prints_its_new_answer_number(world: World) -> None:
    t = case_in(world, Status.DIJAWAB)
    do(world, "loket", t, Action.REPORTER_RESPONSE)
    do(world, "pupr", t, Action.SUBMIT_ANSWER, note="Jawaban kedua: sudah diaspal")
    second = do(world, "kadis.pupr", t, Action.APPROVE).letter_number
    text = text_of(documents.answer_pdf(world.as_("pupr"), t))
    assert second == "000/2/PUPR/2026" and second in text
    assert "000/1/PUPR/2026" not in text
    assert "Jawaban kedua: sudah diaspal" in text


def test_answer_letter_refusals(world: World) -> None:
    t = case_in(world, Status.DIJAWAB)
    for user in ("loket", "inspektur", "sysadmin"):
        with pytest.raises(PermissionDenied):
            documents.answer_pdf(world.as_(user), t)
    with pytest.raises(NotFound):  # another OPD: the case does not exist for it
        documents.answer_pdf(world.as_("dinkes"), t)
    open_case = case_in(world, Status.MENUNGGU_PERSETUJUAN)
    with pytest.raises(ValidationError):
        documents.answer_pdf(world.as_("admin"), open_case)


# ---------------------------------------------------------------- ombudsman


def test_ombudsman_letter_lists_open_escalated_cases_and_reuses_its_number(world: World) -> None:
    admin = world.as_("admin")
    with pytest.raises(ValidationError):
        documents.ombudsman_pdf(admin)
    a = case_in(world, Status.DIPROSES)
    do(world, "admin", a, Action.ESCALATE)
    b = case_in(world, Status.TERVERIFIKASI)
    do(world, "admin", b, Action.ESCALATE)
    closed = case_in(world, Status.DIJAWAB)
    world.clock.advance(days=61)
    text = text_of(documents.ombudsman_pdf(admin))
    table = text.replace(" ", "")  # narrow table cells wrap the tickets
    assert a in table and b in table and closed not in table
    assert "000/1/DISKOMINFOSANDI/2027" in text
    assert "Bangkinang, 2 Januari 2027" in text
    assert "Kepala Perwakilan Ombudsman Republik Indonesia Provinsi Riau" in text
    assert "Dinas Pekerjaan Umum dan Penataan Ruang" in text
    assert "2 (dua) pengaduan" in text
    assert "61" in text  # days running
    world.clock.advance(days=3)
    again = text_of(documents.ombudsman_pdf(admin))
    assert again == text  # the same letter: days running to its date, not to today
    assert len(letter_rows("ombudsman")) == 1
    c = case_in(world, Status.DITERIMA)
    do(world, "admin", c, Action.ESCALATE)
    third = text_of(documents.ombudsman_pdf(admin))
    assert "000/2/DISKOMINFOSANDI/2027" in third and c in third.replace(" ", "")
    for user in ("loket", "pupr", "inspektur", "sysadmin"):
        with pytest.raises(PermissionDenied):
            documents.ombudsman_pdf(world.as_(user))


def test_ombudsman_period_text_describes_exactly_the_listed_cases(world: World) -> None:
    """Issue 15: "--period" said "pada bulan November 2026" while the table listed every
    open escalated case; and one number never carries two different texts."""
    admin = world.as_("admin")
    october = case_in(world, Status.DIPROSES)
    do(world, "admin", october, Action.ESCALATE)  # flagged 2 November 2026
    world.clock.advance(days=30)  # 2 December 2026
    december = case_in(world, Status.TERVERIFIKASI)
    do(world, "admin", december, Action.ESCALATE)
    with pytest.raises(ValidationError):
        documents.ombudsman_pdf(admin, period="bulan Januari 2027")  # nothing flagged then
    with pytest.raises(ValidationError):
        documents.ombudsman_pdf(admin, period="akhir tahun")  # not a month
    nov = text_of(documents.ombudsman_pdf(admin, period="bulan November 2026"))
    assert october in nov.replace(" ", "") and december not in nov.replace(" ", "")
    assert "1 (satu) pengaduan" in nov
    assert "penyelesaian 60 hari pada bulan November 2026 dan sampai dengan tanggal surat" in nov
    dec = text_of(documents.ombudsman_pdf(admin, period="2026-12"))
    assert december in dec.replace(" ", "") and october not in dec.replace(" ", "")
    assert "pada bulan Desember 2026" in dec
    every = text_of(documents.ombudsman_pdf(admin))
    assert october in every.replace(" ", "") and december in every.replace(" ", "")
    assert "2 (dua) pengaduan" in every and "pada bulan" not in every
    # three texts, three numbers; the same text again keeps its number
    numbers = [r.full_number for r in letter_rows("ombudsman")]
    assert len(numbers) == 3
    again = text_of(documents.ombudsman_pdf(admin))
    assert again == every and len(letter_rows("ombudsman")) == 3
    # the same tickets with another period text are another letter, not the same number
    nov_again = text_of(documents.ombudsman_pdf(admin, period="November 2026"))
    assert "000/4/" in nov_again and len(letter_rows("ombudsman")) == 4


# ---------------------------------------------------------------- history


def test_history_shows_what_the_user_may_see(world: World) -> None:
    t = case_in(world, Status.DIPROSES)
    do(world, "pupr", t, Action.FOLLOWUP_NOTE, note="Survei lokasi oleh tim PUPR")
    do(world, "pupr", t, Action.NOT_OURS)
    do(world, "admin", t, Action.DISPOSE, opd="DINKES", note="Untuk Dinkes saja")
    admin_text = text_of(documents.history_pdf(world.as_("admin"), t))
    dinkes_text = text_of(documents.history_pdf(world.as_("dinkes"), t))
    assert t in admin_text and t in dinkes_text
    assert "RIWAYAT PENANGANAN PENGADUAN" in dinkes_text
    assert "Untuk Dinkes saja" in admin_text and "Untuk Dinkes saja" in dinkes_text
    # What PUPR wrote stays in the history the new OPD reads ...
    assert "Survei lokasi oleh tim PUPR" in dinkes_text
    # ... but PUPR lost the case: its documents answer like a case that does not exist.
    for user in ("pupr", "kadis.pupr"):
        with pytest.raises(NotFound):
            documents.history_pdf(world.as_(user), t)
    assert "2 November 2026 pukul 09.00 WIB" in admin_text
    assert "Siti Aminah" in admin_text
    assert_private(admin_text)
    aud = text_of(documents.history_pdf(world.as_("inspektur"), t))
    assert "Untuk Dinkes saja" in aud
    for user in ("loket", "sysadmin"):
        with pytest.raises(PermissionDenied):
            documents.history_pdf(world.as_(user), t)
    with pytest.raises(NotFound):
        documents.history_pdf(world.as_("kadis.dinkes"), case_in(world, Status.TERDISPOSISI))


def test_history_of_anonymous_report_names_nobody_even_for_the_admin(world: World) -> None:
    t = case_in(world, Status.DIPROSES, lambda: world.new_case(anonim=True))
    for user in ("admin", "pupr", "inspektur"):
        text = text_of(documents.history_pdf(world.as_(user), t))
        assert "Pelapor Anonim" in text and "Siti Aminah" not in text


# ---------------------------------------------------------------- privacy and hostile text


HOSTILE = (
    "AT&T <b>tebal</b> </para> <img src='/etc/passwd'/> <font color=red>x</font> "
    "\x00\x07 " + "W" * 10_000 + " akhir"
)


def test_hostile_text_prints_literally_in_every_document(world: World) -> None:
    t = case_in(
        world,
        Status.MENUNGGU_PERSETUJUAN,
        lambda: world.new_case(title=HOSTILE[:290], body=HOSTILE),
    )
    casework.approve(world.as_("kadis.pupr"), t, note=HOSTILE)
    casework.internal_note(world.as_("admin"), t, note=HOSTILE)
    admin = world.as_("admin")
    docs = {
        "receipt": documents.receipt_pdf(admin, t),
        "disposition": documents.disposition_pdf(admin, t),
        "forwarding": documents.forwarding_pdf(admin, t),
        "answer": documents.answer_pdf(admin, t),
        "history": documents.history_pdf(admin, t),
        "monthly": documents.monthly_pdf(admin, 2026, 11, kendala=HOSTILE, upaya=HOSTILE),
    }
    for name, pdf in docs.items():
        text = text_of(pdf)
        assert "AT&T <b>tebal</b>" in text, name
        assert "<img src='/etc/passwd'/>" in text, name
        assert font_problems(pdf) == [], name


def test_nik_and_phone_typed_into_free_text_are_masked(world: World) -> None:
    body = (
        f"Saya (NIK {NIK}, HP 0812 7654 321) melapor; tetangga saya 0813-9999-8888 "
        "juga. Biaya Rp 1.500.000."
    )
    t = case_in(world, Status.MENUNGGU_PERSETUJUAN, lambda: world.new_case(body=body))
    casework.approve(world.as_("kadis.pupr"), t)
    admin = world.as_("admin")
    for pdf in (
        documents.receipt_pdf(admin, t),
        documents.disposition_pdf(admin, t),
        documents.history_pdf(admin, t),
        documents.answer_pdf(admin, t),
    ):
        text = text_of(pdf)
        assert_private(text)
        assert "99998888" not in text.replace("-", "").replace(" ", "")
    text = text_of(documents.receipt_pdf(admin, t))
    assert "[NIK disamarkan]" in text and "[nomor telepon disamarkan]" in text
    assert "Rp 1.500.000" in text


# ---------------------------------------------------------------- register


def test_register_lists_every_reserved_document_number(world: World) -> None:
    t = case_in(world, Status.DIJAWAB)
    documents.forwarding_pdf(world.as_("admin"), t)
    rows = letters_register.register_rows(world.as_("admin"))
    assert {(r.kind, r.office_code, r.full_number) for r in rows} == {
        ("answer", "PUPR", "000/1/PUPR/2026"),
        ("forwarding", "DISKOMINFOSANDI", "000/1/DISKOMINFOSANDI/2026"),
    }
    linked = Letter.select(Complaint.ticket).join(Complaint, on=(Letter.complaint == Complaint.id))
    assert {row[0] for row in linked.tuples()} == {t}

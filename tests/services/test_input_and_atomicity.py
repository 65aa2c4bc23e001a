"""Hostile input is stored as given except for terminal controls and bidi overrides (titles
on one line); bad input is refused clearly; an interrupted write leaves no partial case."""

from __future__ import annotations

from pathlib import Path

import pytest

from lapor_desktop.db.models import AttachmentContent, AuditLog, CaseAction, Complaint
from lapor_desktop.services import attachments, cases, casework, intake, reporters
from lapor_desktop.services.errors import ValidationError

from .conftest import NIK, World

HOSTILE = [
    "x",
    "A" * 100_000,
    "ctrl:\x00\x01\x07\x1b[31m\x7f\u200b\ufeff end",
    "'); DROP TABLE complaint; --",
    "\" OR 1=1 -- ' NEAR(a b) title:* AND",
    "<b>bold</b> <img src=x onerror=alert(1)> &amp; <unclosed",
    "baris 1\r\nbaris 2\n\tindent",
    "emoji 🚧 aksara ꦗꦮ and Arabic لا",
    "bidi \u202eterbalik\u202c \u2066isolasi\u2069 c1:\x85\x9b",
]
# What the input rule removes (services/text.py), spelled out independently here.
REMOVED = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
REMOVED |= {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def stored_long(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch not in REMOVED or ch == "\n")


def stored_line(text: str) -> str:
    return " ".join(stored_long(text).split())


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_round_trips_cleaned(world: World, text: str) -> None:
    t = world.new_case(title=text[:300], body=text, location_text=text[:1000], tracking_id="")
    d = cases.get_case(world.as_("admin"), t)
    assert d.title == stored_line(text[:300])
    assert d.body == stored_long(text)
    assert d.location_text == stored_long(text[:1000])
    casework.internal_note(world.as_("admin"), t, note=text)
    assert cases.get_case(world.as_("admin"), t).actions[-1].note == stored_long(text)
    # searching with hostile text never raises (FTS syntax is neutralised)
    cases.search(world.as_("admin"), text[:200])


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("title", {"title": "   "}),
        ("body", {"body": ""}),
        ("title", {"title": "x" * 301}),
        ("body", {"body": "x" * 200_001}),
        ("channel", {"channel": "fax"}),
        ("klasifikasi", {"klasifikasi": "keluhan"}),
        ("category", {"category": "TIDAK_ADA"}),
        ("location", {"location_kecamatan": "147101"}),
        ("nik", {"reporter_nik": "1401154107950002"}),  # valid but not registered
        ("nik", {"reporter_nik": "12345"}),
    ],
)
def test_bad_intake_refused_with_field(world: World, field: str, kwargs: dict) -> None:
    base = {
        "reporter_nik": NIK,
        "title": "Judul",
        "body": "Isi",
        "channel": "walk-in",
        "klasifikasi": "pengaduan",
    }
    base.update(kwargs)
    n = Complaint.select().count()
    with pytest.raises(ValidationError) as exc:
        intake.log_complaint(world.as_("loket"), intake.ComplaintInput(**base))
    assert exc.value.field == field and exc.value.message
    assert Complaint.select().count() == n


def test_interrupted_write_leaves_no_partial_case(world: World, monkeypatch) -> None:
    n_cases, n_actions = Complaint.select().count(), CaseAction.select().count()
    n_audit = AuditLog.select().count()

    def boom(*a, **k):
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(intake.deadlines, "refresh_due", boom)  # fails after the inserts
    with pytest.raises(RuntimeError):
        world.new_case()
    assert Complaint.select().count() == n_cases
    assert CaseAction.select().count() == n_actions
    assert AuditLog.select().count() == n_audit
    monkeypatch.undo()
    t = world.new_case()  # and the next intake works, with the next ticket
    assert t.endswith("00001")


def test_interrupted_action_changes_nothing(world: World, monkeypatch) -> None:
    t = world.new_case()
    before = cases.get_case(world.as_("admin"), t)
    monkeypatch.setattr(casework, "audit", lambda *a, **k: (_ for _ in ()).throw(OSError("disk")))
    with pytest.raises(OSError):
        casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    after = cases.get_case(world.as_("admin"), t)
    assert after.status == before.status == "DITERIMA"
    assert len(after.actions) == len(before.actions)


def test_attachments_allow_list_and_kept_complaint(world: World, tmp_path: Path) -> None:
    png = tmp_path / "foto jalan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    same = tmp_path / "salinan.png"
    same.write_bytes(png.read_bytes())
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ" + b"0" * 10)
    fake = tmp_path / "palsu.pdf"
    fake.write_bytes(b"bukan pdf")
    empty = tmp_path / "kosong.jpg"
    empty.write_bytes(b"")
    r = intake.log_complaint(
        world.as_("loket"),
        intake.ComplaintInput(
            reporter_nik=NIK,
            title="Dengan lampiran",
            body="Isi",
            channel="walk-in",
            klasifikasi="pengaduan",
            attachments=[png, same, exe, fake, empty, tmp_path / "hilang.png"],
        ),
    )
    assert r.stored_files == ("foto jalan.png", "salinan.png")
    refused = {f.filename: f.reason for f in r.refused_files}
    assert set(refused) == {"virus.exe", "palsu.pdf", "kosong.jpg", "hilang.png"}
    assert "tidak diizinkan" in refused["virus.exe"] and "tidak sesuai" in refused["palsu.pdf"]
    d = cases.get_case(world.as_("admin"), r.ticket)
    assert len(d.attachments) == 2
    assert d.attachments[0].sha256 == d.attachments[1].sha256  # content-addressed
    assert AttachmentContent.select().count() == 1  # stored once
    _view, data = attachments.content_of(world.as_("admin"), r.ticket, d.attachments[1].id)
    assert data == png.read_bytes()


def test_reporter_registration_rules(world: World) -> None:
    loket = world.as_("loket")
    with pytest.raises(ValidationError, match="sudah terdaftar") as dup:
        reporters.register(loket, nik="1401 1541 0795 0001", name="Orang Lain")
    assert dup.value.field == "nik"
    with pytest.raises(ValidationError) as bad:
        reporters.register(loket, nik="1401154107950000", name="Serial Nol")
    assert bad.value.field == "nik" and "0000" in bad.value.message
    from datetime import date

    v = reporters.register(
        loket,
        nik="1401150101900003",
        name="  Budi   Santoso ",
        sex="P",
        birth_date=date(1990, 1, 2),
        kecamatan="14.01.15",
    )
    assert v.name == "Budi Santoso" and v.sex == "L" and v.birth_date == date(1990, 1, 1)
    assert v.nik == "1401********0003"
    assert any("Jenis kelamin" in w for w in v.warnings)
    assert any("Tanggal lahir" in w for w in v.warnings)
    with pytest.raises(ValidationError):
        reporters.register(loket, nik="1401150101900004", name="X", email="bukan-email")
    assert reporters.find_by_nik(loket, "1401150101900003").name == "Budi Santoso"  # type: ignore[union-attr]
    assert reporters.find_by_nik(loket, "1401150101900009") is None

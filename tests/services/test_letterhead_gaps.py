"""Issue 15: an office without a letterhead of its own printed the default office's sample
address and a signer without pangkat, silently. `letterhead_gaps` names what is borrowed
or still a sample; print time, self-check and the Kop surat page all read it."""

from __future__ import annotations

import dataclasses

from lapor_desktop.db.models import Office
from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.services import documents, letterhead_settings
from tests.pdf.conftest import pdf_text
from tests.services.casepaths import case_in, do
from tests.services.conftest import World
from tests.services.test_documents_numbers import NEW_HEAD, NEW_SIGNER


def test_an_office_without_its_own_kop_is_named_with_what_it_borrows(world: World) -> None:
    gaps = letterhead_settings.letterhead_gaps("DINKES")  # not in letterheads.toml
    text = " | ".join(gaps)
    assert "belum punya kop surat sendiri" in text
    assert "alamat kop diambil dari kantor bawaan DISKOMINFOSANDI" in text
    assert "alamat kop masih contoh: Jalan Contoh Nomor 1" in text
    assert "belum ada penanda tangan sendiri" in text and "tanpa pangkat" in text
    # the office row's own address is its own, not the sample
    Office.update(address="Jalan Kesehatan 3, Bangkinang").where(Office.code == "DINKES").execute()
    text = " | ".join(letterhead_settings.letterhead_gaps("dinkes"))
    assert "belum punya kop surat sendiri" in text
    assert "kantor bawaan" not in text and "masih contoh" not in text


def test_the_shipped_sample_kop_and_nip_are_named_until_the_admin_sets_them(
    world: World,
) -> None:
    text = " | ".join(letterhead_settings.letterhead_gaps("PUPR"))
    assert "belum punya kop surat sendiri" not in text  # the file gives one
    assert "alamat kop masih contoh: Jalan Contoh Nomor 2" in text
    assert "NIP penanda tangan masih contoh" in text
    sysadmin = world.as_("sysadmin")
    no_pangkat = dataclasses.replace(NEW_SIGNER, pangkat="", nip="")
    cfg = letterhead_settings.save_letterhead(sysadmin, "PUPR", NEW_HEAD, no_pangkat)
    assert cfg.gaps == ("penanda tangan tanpa pangkat/golongan", "penanda tangan tanpa NIP")
    cfg = letterhead_settings.save_letterhead(sysadmin, "PUPR", NEW_HEAD, NEW_SIGNER)
    assert cfg.gaps == ()
    assert letterhead_settings.letterhead_gaps("PUPR") == []
    assert "PUPR" not in letterhead_settings.all_letterhead_gaps()
    everyone = letterhead_settings.all_letterhead_gaps()
    assert {"DISKOMINFOSANDI", "DINKES"} <= set(everyone)
    # an inactive office is not listed
    Office.update(active=False).where(Office.code == "DINKES").execute()
    assert "DINKES" not in letterhead_settings.all_letterhead_gaps()


def test_the_print_warning_names_the_office_whose_kop_the_document_prints(
    world: World,
) -> None:
    admin, head = world.as_("admin"), world.as_("kadis.pupr")
    t = case_in(world, Status.MENUNGGU_PERSETUJUAN)
    do(world, "kadis.pupr", t, Action.APPROVE)
    warning = documents.print_warning(head, "answer", t)
    assert warning.startswith("Peringatan: kop surat/penanda tangan PUPR: ")
    assert "Jalan Contoh Nomor 2" in warning
    # the warning tells the truth about the printed letter
    assert "Jalan Contoh Nomor 2" in pdf_text(documents.answer_pdf(head, t))
    for kind in ("forwarding", "disposition", "history"):
        assert "DISKOMINFOSANDI" in documents.print_warning(admin, kind, t), kind
    assert "DISKOMINFOSANDI" in documents.print_warning(admin, "ombudsman")
    assert "DISKOMINFOSANDI" in documents.print_warning(world.as_("loket"), "receipt", t)
    # the monthly report: the regency's on the regency office's kop, an OPD's on its own
    assert "DISKOMINFOSANDI" in documents.print_warning(admin, "monthly")
    assert "PUPR: " in documents.print_warning(admin, "monthly", opd="pupr")
    assert "PUPR: " in documents.print_warning(head, "monthly")
    letterhead_settings.save_letterhead(world.as_("sysadmin"), "PUPR", NEW_HEAD, NEW_SIGNER)
    assert documents.print_warning(head, "answer", t) == ""
    # a user who may not print the document gets no warning (and no error)
    assert documents.print_warning(world.as_("dinkes"), "answer", t) == ""

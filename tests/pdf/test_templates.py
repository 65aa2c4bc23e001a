from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lapor_desktop.pdf import Letterhead, Signatory, TemplateError, load_templates, render_answer
from lapor_desktop.pdf.samples import answer
from lapor_desktop.pdf.templates import DEFAULT_DIR, fill


def copy_templates(tmp_path: Path) -> Path:
    for name in ("letterheads.toml", "letters.toml"):
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    return tmp_path


def test_bundled_templates_load(templates) -> None:
    assert templates.letterhead("PUPR").office.startswith("DINAS PEKERJAAN UMUM")
    assert templates.letterhead("PUPR").government == "PEMERINTAH KABUPATEN KAMPAR"


def test_unknown_office_gets_the_default_letterhead(templates) -> None:
    assert templates.letterhead("NO-SUCH-OFFICE") == templates.letterhead("DISKOMINFOSANDI")


def test_letter_number_follows_the_pattern(templates) -> None:
    assert templates.letter_number("answer", "PUPR", 17, 2026) == "000/17/PUPR/2026"
    assert (
        templates.letter_number("ombudsman", "DISKOMINFOSANDI", 3, 2027)
        == "000/3/DISKOMINFOSANDI/2027"
    )


def test_signatory_per_kind_overrides_the_office_default(templates) -> None:
    monthly = templates.signatory("DISKOMINFOSANDI", "monthly")
    answer_sig = templates.signatory("DISKOMINFOSANDI", "answer")
    assert monthly is not None and "ADMIN KOORDINATOR" in monthly.jabatan
    assert answer_sig is not None and "ADMIN KOORDINATOR" not in answer_sig.jabatan


def test_fill_names_the_missing_placeholder() -> None:
    with pytest.raises(TemplateError, match=r"\$\{nama\}"):
        fill("Yth. ${nama}", {}, "answer.addressee")


def test_unknown_placeholder_in_a_template_file_is_rejected(tmp_path: Path) -> None:
    d = copy_templates(tmp_path)
    path = d / "letters.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'hal = "Tanggapan atas Pengaduan', 'hal = "${nomor_hp} Tanggapan atas Pengaduan'
        ),
        encoding="utf-8",
    )
    with pytest.raises(TemplateError, match=r"nomor_hp"):
        load_templates(d)


def test_broken_toml_gives_a_clear_error(tmp_path: Path) -> None:
    d = copy_templates(tmp_path)
    (d / "letters.toml").write_text("[answer\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"letters\.toml"):
        load_templates(d)


def test_missing_text_key_is_an_error_at_render(tmp_path: Path) -> None:
    d = copy_templates(tmp_path)
    path = d / "letters.toml"
    text = path.read_text(encoding="utf-8").replace(
        'closing = "Demikian kami sampaikan. Atas', 'closing_x = "Demikian kami sampaikan. Atas'
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match="closing"):
        render_answer(answer(), load_templates(d))


def test_admin_edits_replace_the_letterhead(templates) -> None:
    lh = Letterhead(
        government="PEMERINTAH KABUPATEN KAMPAR",
        office="INSPEKTORAT DAERAH",
        address="Jalan Baru 9",
    )
    edited = templates.with_office("ITDA", lh, Signatory(jabatan="INSPEKTUR", name="X"))
    assert edited.letterhead("ITDA").office == "INSPEKTORAT DAERAH"
    assert edited.letter_number("answer", "ITDA", 1, 2026) == "000/1/ITDA/2026"
    assert templates.letterhead("ITDA") == templates.letterhead("DISKOMINFOSANDI")


def test_missing_emblem_is_skipped(templates, tmp_path: Path) -> None:
    lh = Letterhead(government="G", office="O", address="A", emblem=str(tmp_path / "none.png"))
    assert templates.emblem_path(lh) is None
    edited = templates.with_office("PUPR", lh)
    assert render_answer(answer(), edited).startswith(b"%PDF")

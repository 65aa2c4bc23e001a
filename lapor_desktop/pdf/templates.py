"""Letter templates as data: reports/*.toml read with tomllib (no reportlab here).

`load_templates(dir)` reads `letterheads.toml` and `letters.toml`. Wording uses
string.Template placeholders; every placeholder is checked against PLACEHOLDERS when the
files are loaded, and a value the renderer does not fill raises TemplateError naming it.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

from lapor_desktop.pdf.data import Letterhead, Signatory

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "reports"

# Placeholders each document fills; anything else in its wording is a template error.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "number": frozenset({"klasifikasi", "nomor", "kode_kantor", "tahun"}),
    "layout": frozenset(),
    "signature": frozenset(),
    "verification": frozenset(),  # url: the QR pointer as a link (services.verification)
    "receipt": frozenset({"tiket", "telepon", "laman", "email"}),
    "forwarding": frozenset({"tracking", "jumlah", "tujuan"}),
    "disposition": frozenset(),
    "answer": frozenset({"tracking", "nama", "kanal", "cara", "tanggal_laporan", "perihal"}),
    "ombudsman": frozenset({"jumlah", "periode", "batas_hari"}),
    "history": frozenset({"pencetak", "waktu_cetak"}),
    "monthly": frozenset({"lingkup", "bulan", "tahun", "per_tanggal"}),
}


class TemplateError(Exception):
    """A template that cannot be used: a bad file, an unknown or unfilled placeholder."""


def _strings(value: Any, key: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, list):
        return [(f"{key}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str)]
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for k, v in value.items():
            out.extend(_strings(v, f"{key}.{k}"))
        return out
    return []


def _check_placeholders(section: str, body: Mapping[str, Any]) -> None:
    allowed = PLACEHOLDERS.get(section)
    if allowed is None:
        raise TemplateError(f"Bagian templat tidak dikenal: [{section}]")
    for key, text in _strings(dict(body), section):
        tpl = Template(text)
        if not tpl.is_valid():
            raise TemplateError(f"Templat {key}: penanda '$' tidak sah: {text!r}")
        for name in tpl.get_identifiers():
            if name not in allowed:
                raise TemplateError(
                    f"Templat {key}: penanda ${{{name}}} tidak dikenal "
                    f"(yang tersedia: {', '.join(sorted(allowed)) or 'tidak ada'})"
                )


def fill(text: str, values: Mapping[str, str], where: str = "") -> str:
    """Substitute placeholders; a missing one raises TemplateError naming it."""
    try:
        return Template(text).substitute(values)
    except KeyError as e:
        name = e.args[0]
        raise TemplateError(f"Templat {where}: penanda ${{{name}}} tidak diisi") from None
    except ValueError as e:
        raise TemplateError(f"Templat {where}: {e}") from None


def _signatory(raw: Mapping[str, Any], where: str) -> Signatory:
    try:
        return Signatory(
            jabatan=str(raw["jabatan"]),
            name=str(raw["name"]),
            pangkat=str(raw.get("pangkat", "")),
            nip=str(raw.get("nip", "")),
            an=str(raw.get("an", "")),
            electronic=bool(raw.get("electronic", False)),
        )
    except KeyError as e:
        raise TemplateError(f"{where}: kolom {e.args[0]!r} wajib diisi") from None


@dataclass(frozen=True)
class Office:
    code: str
    letterhead: Letterhead
    number_code: str
    signatory: Signatory | None
    signatories: Mapping[str, Signatory]  # per document kind, overriding `signatory`


@dataclass(frozen=True)
class Templates:
    offices: Mapping[str, Office]
    default_office: str
    letters: Mapping[str, Mapping[str, Any]]
    base_dir: Path

    # --- lookups -----------------------------------------------------------------------

    def office(self, code: str) -> Office:
        return self.offices.get(code) or self.offices[self.default_office]

    def letterhead(self, office_code: str) -> Letterhead:
        """The office's letterhead, or the default office's for an unknown code."""
        return self.office(office_code).letterhead

    def signatory(self, office_code: str, kind: str) -> Signatory | None:
        office = self.office(office_code)
        return office.signatories.get(kind) or office.signatory

    def emblem_path(self, letterhead: Letterhead) -> Path | None:
        if not letterhead.emblem:
            return None
        p = Path(letterhead.emblem)
        p = p if p.is_absolute() else (self.base_dir / p)
        return p if p.is_file() else None

    @property
    def paper(self) -> str:
        return str(self.letters.get("layout", {}).get("paper", "A4"))

    def raw(self, kind: str, key: str) -> Any:
        try:
            return self.letters[kind][key]
        except KeyError:
            raise TemplateError(f"Templat [{kind}] tidak memuat '{key}'") from None

    def text(self, kind: str, key: str, values: Mapping[str, str] | None = None) -> str:
        return fill(str(self.raw(kind, key)), values or {}, f"{kind}.{key}")

    def texts(self, kind: str, key: str, values: Mapping[str, str] | None = None) -> list[str]:
        items = self.raw(kind, key)
        if not isinstance(items, list):
            raise TemplateError(f"Templat {kind}.{key} harus berupa daftar")
        return [fill(str(t), values or {}, f"{kind}.{key}[{i}]") for i, t in enumerate(items)]

    def letter_number(self, kind: str, office_code: str, running: int, year: int) -> str:
        """e.g. 000/17/DISKOMINFOSANDI/2026 from the pattern and the kind's code."""
        codes = self.raw("number", "klasifikasi")
        if kind not in codes:
            raise TemplateError(f"Templat number.klasifikasi tidak memuat '{kind}'")
        values = {
            "klasifikasi": str(codes[kind]),
            "nomor": str(running),
            "kode_kantor": self.office(office_code).number_code,
            "tahun": str(year),
        }
        return self.text("number", "pattern", values)

    # --- edits from the app (system admin) --------------------------------------------

    def with_office(
        self,
        code: str,
        letterhead: Letterhead,
        signatory: Signatory | None = None,
        number_code: str = "",
    ) -> Templates:
        """A copy where `code` has this letterhead/signatory (the admin's edits)."""
        old = self.offices.get(code)
        office = Office(
            code=code,
            letterhead=letterhead,
            number_code=number_code or (old.number_code if old else code),
            signatory=signatory or (old.signatory if old else None),
            signatories=old.signatories if old else {},
        )
        return dataclasses.replace(self, offices={**self.offices, code: office})


def _office(code: str, raw: Mapping[str, Any]) -> Office:
    where = f"letterheads.toml [office.{code}]"
    try:
        lh = Letterhead(
            government=str(raw.get("government", "PEMERINTAH KABUPATEN KAMPAR")),
            office=str(raw["office"]),
            address=str(raw["address"]),
            phone=str(raw.get("phone", "")),
            website=str(raw.get("website", "")),
            email=str(raw.get("email", "")),
            emblem=str(raw.get("emblem", "")),
            city=str(raw.get("city", "Bangkinang")),
        )
    except KeyError as e:
        raise TemplateError(f"{where}: kolom {e.args[0]!r} wajib diisi") from None
    sig = raw.get("signatory")
    return Office(
        code=code,
        letterhead=lh,
        number_code=str(raw.get("number_code", code)),
        signatory=_signatory(sig, f"{where}.signatory") if sig else None,
        signatories={
            kind: _signatory(s, f"{where}.signatories.{kind}")
            for kind, s in raw.get("signatories", {}).items()
        },
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise TemplateError(f"Berkas templat tidak ada: {path}") from None
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(f"Berkas templat {path.name} rusak: {e}") from None


def load_templates(directory: Path | str = DEFAULT_DIR) -> Templates:
    base = Path(directory)
    heads = _read(base / "letterheads.toml")
    letters = _read(base / "letters.toml")
    offices = {code: _office(code, raw) for code, raw in heads.get("office", {}).items()}
    if not offices:
        raise TemplateError("letterheads.toml tidak memuat satu pun [office.*]")
    default = str(heads.get("default", next(iter(offices))))
    if default not in offices:
        raise TemplateError(f"letterheads.toml: kantor default {default!r} tidak ada")
    for section, body in letters.items():
        if not isinstance(body, dict):
            raise TemplateError(f"letters.toml: '{section}' harus berupa bagian [..]")
        _check_placeholders(section, body)
    return Templates(offices=offices, default_office=default, letters=letters, base_dir=base)

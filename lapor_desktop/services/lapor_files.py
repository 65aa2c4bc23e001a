"""LAPOR! export files (issue 18): the column profiles (TOML) and reading a CSV or XLSX
export into rows of cells.

A profile maps our fields to the file's column headers. Reading a file finds its encoding
(UTF-8 with or without BOM, else Windows-1252), its delimiter (`;`, `,` or tab) and its
header row (the first row holding every required header: title rows and merged header
rows above it are skipped). services/lapor_import.py checks and imports the rows.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lapor_desktop import paths
from lapor_desktop.domain.workflow import Role
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ValidationError

FIELDS = (
    "tracking_id",
    "received_at",
    "title",
    "body",
    "category",
    "reporter_name",
    "reporter_contact",
    "anonim",
    "rahasia",
    "status",
)
REQUIRED = ("tracking_id", "received_at", "title", "body")
FIELD_LABELS = {
    "tracking_id": "ID tracking",
    "received_at": "Tanggal laporan",
    "title": "Judul",
    "body": "Isi laporan",
    "category": "Kategori",
    "reporter_name": "Nama pelapor",
    "reporter_contact": "Kontak pelapor",
    "anonim": "Anonim",
    "rahasia": "Rahasia",
    "status": "Status LAPOR!",
}
DEFAULT_PROFILE = "lapor-default"
PROFILE_DIR = "lapor-profil"
HEADER_SEARCH_ROWS = 20
_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")


# ---------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Profile:
    name: str
    columns: dict[str, str]  # our field -> the file's column header
    date_format: str = "%d/%m/%Y %H:%M"
    yes_values: tuple[str, ...] = ("Ya", "Y", "1", "True")
    no_values: tuple[str, ...] = ("Tidak", "T", "0", "False", "")
    encoding: str | None = None
    delimiter: str | None = None


def parse_profile(text: str, name: str) -> Profile:
    """A profile from its TOML text; a precise Indonesian message for what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"Profil '{name}' bukan TOML yang sah: {exc}.", "profile") from None
    columns = data.get("columns")
    if not isinstance(columns, dict):
        raise ValidationError(f"Profil '{name}' tidak memiliki tabel [columns].", "profile")
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise ValidationError(
            f"Profil '{name}': field tidak dikenal di [columns]: {', '.join(unknown)} "
            f"(yang dikenal: {', '.join(FIELDS)})"
            + (
                "; tulis date_format, yes_values, no_values, encoding dan delimiter "
                "sebelum baris [columns]."
                if set(unknown) & {"date_format", "yes_values", "no_values", "encoding"}
                else "."
            ),
            "profile",
        )
    missing = [f for f in REQUIRED if not str(columns.get(f) or "").strip()]
    if missing:
        raise ValidationError(
            f"Profil '{name}': kolom wajib belum dipetakan: {', '.join(missing)}.", "profile"
        )
    cols = {k: str(v).strip() for k, v in columns.items() if str(v or "").strip()}
    fmt = str(data.get("date_format") or "%d/%m/%Y %H:%M")
    try:
        datetime(2026, 1, 2, 3, 4).strftime(fmt)
    except ValueError:
        raise ValidationError(f"Profil '{name}': date_format tidak sah.", "profile") from None

    def values(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        v = data.get(key, list(default))
        if not isinstance(v, list) or not all(isinstance(x, str | int | bool) for x in v):
            raise ValidationError(f"Profil '{name}': {key} harus berupa daftar teks.", "profile")
        return tuple(str(x).strip() for x in v)

    yes = values("yes_values", Profile.yes_values)
    no = values("no_values", Profile.no_values)
    both = {y.lower() for y in yes} & {n.lower() for n in no}
    if both:
        raise ValidationError(
            f"Profil '{name}': nilai ada di yes_values dan no_values: {', '.join(sorted(both))}.",
            "profile",
        )
    encoding = data.get("encoding") or None
    if encoding is not None:
        try:
            "x".encode(str(encoding))
        except LookupError:
            raise ValidationError(
                f"Profil '{name}': encoding '{encoding}' tidak dikenal.", "profile"
            ) from None
    delimiter = data.get("delimiter") or None
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise ValidationError(f"Profil '{name}': delimiter harus satu karakter.", "profile")
    return Profile(name, cols, fmt, yes, no, encoding, delimiter)


def profile_toml(p: Profile) -> str:
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        f"date_format = {q(p.date_format)}",
        f"yes_values = [{', '.join(q(v) for v in p.yes_values)}]",
        f"no_values = [{', '.join(q(v) for v in p.no_values)}]",
    ]
    if p.encoding:
        lines.append(f"encoding = {q(p.encoding)}")
    if p.delimiter:
        lines.append(f"delimiter = {q(p.delimiter)}")
    lines += ["", "[columns]"]
    lines += [f"{k} = {q(p.columns[k])}" for k in FIELDS if k in p.columns]
    return "\n".join(lines) + "\n"


def builtin_dir() -> Path:
    return paths.resources_dir() / "lapor"


def user_dir(ctx: Ctx) -> Path:
    return ctx.data_dir / PROFILE_DIR


def profile_names(ctx: Ctx) -> list[str]:
    """Saved profiles (the data folder's first, then the shipped ones), by name."""
    names: list[str] = []
    for d in (user_dir(ctx), builtin_dir()):
        if d.is_dir():
            names += [p.stem for p in sorted(d.glob("*.toml")) if p.stem not in names]
    return names


def load_profile(ctx: Ctx, name_or_path: str) -> Profile:
    """A profile by name (the data folder's `lapor-profil/NAME.toml`, else the shipped
    one) or by the path of a TOML file."""
    given = name_or_path.strip()
    if given.endswith(".toml") or "/" in given or "\\" in given:
        path = Path(given)
        if not path.is_file():
            raise ValidationError(f"Berkas profil {path} tidak ditemukan.", "profile")
        return parse_profile(path.read_text(encoding="utf-8"), path.stem)
    for d in (user_dir(ctx), builtin_dir()):
        path = d / f"{given}.toml"
        if path.is_file():
            return parse_profile(path.read_text(encoding="utf-8"), given)
    known = ", ".join(profile_names(ctx)) or "-"
    raise ValidationError(f"Profil '{given}' tidak ada (profil yang ada: {known}).", "profile")


def save_profile(ctx: Ctx, p: Profile) -> Path:
    """Remember a mapping as a named profile in the data folder (the wizard's last step)."""
    ctx.require(Role.ADMIN_KABUPATEN)
    if not _NAME_RE.match(p.name):
        raise ValidationError(
            "Nama profil: huruf, angka, titik, garis bawah atau tanda hubung (maks. 60).",
            "profile",
        )
    text = profile_toml(p)
    parse_profile(text, p.name)  # what is saved must load again
    d = user_dir(ctx)
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"{p.name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- reading the file


@dataclass(frozen=True)
class Sheet:
    """The file as rows of cells: the header and the data rows with their line numbers."""

    headers: tuple[str, ...]
    rows: list[tuple[int, list[Any]]]
    header_line: int
    encoding: str  # '' for XLSX
    delimiter: str  # '' for XLSX


def norm_header(h: Any) -> str:
    return " ".join(str(h or "").replace("\ufeff", "").split()).casefold()


def _decode(raw: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ValidationError(
                f"Berkas {name} tidak dapat dibaca sebagai {encoding} (baris {line}); "
                "periksa 'encoding' di profil.",
                "file",
            ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValidationError(
            f"Pengodean berkas {name} tidak dikenali (bukan UTF-8 maupun Windows-1252, "
            f"baris {line}); simpan ulang sebagai CSV UTF-8.",
            "file",
        ) from None


def _sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", ",", "\t")}
        return max(counts, key=lambda d: counts[d])


def _csv_rows(text: str, delimiter: str) -> Iterable[tuple[int, list[Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            yield line, cells
    except csv.Error as exc:
        raise ValidationError(
            f"Berkas CSV rusak di baris {reader.line_num}: {exc} (tanda kutip tidak ditutup?).",
            "file",
        ) from None


def _xlsx_rows(path: Path) -> Iterable[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(
            f"Berkas {path.name} bukan berkas Excel (XLSX) yang sah.", "file"
        ) from None
    try:
        ws = wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), 1):
            yield i, list(row)
    finally:
        wb.close()


def read_sheet(path: Path, profile: Profile) -> Sheet:
    """The file's header row and data rows (blank rows left out)."""
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.", "file")
    encoding = delimiter = ""
    rows: Iterable[tuple[int, list[Any]]]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        text, encoding = _decode(path.read_bytes(), profile.encoding, path.name)
        delimiter = profile.delimiter or _sniff_delimiter(text)
        rows = _csv_rows(text, delimiter)
    else:
        raise ValidationError(
            f"Jenis berkas {path.suffix or '(tanpa akhiran)'} tidak didukung: pilih CSV atau XLSX.",
            "file",
        )
    wanted = {norm_header(profile.columns[f]) for f in REQUIRED}
    it = iter(rows)
    seen = 0
    header: tuple[str, ...] | None = None
    header_line = 0
    for line, cells in it:
        if not any(str(c or "").strip() for c in cells):
            continue
        seen += 1
        if wanted <= {norm_header(c) for c in cells}:
            header, header_line = tuple(norm_header(c) for c in cells), line
            break
        if seen >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        need = ", ".join(f"'{profile.columns[f]}'" for f in REQUIRED)
        raise ValidationError(
            f"Baris judul kolom tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama "
            f"{path.name}: diperlukan kolom {need} (profil '{profile.name}').",
            "file",
        )
    data = [(line, cells) for line, cells in it if any(str(c or "").strip() for c in cells)]
    return Sheet(header, data, header_line, encoding, delimiter)


def peek_headers(ctx: Ctx, path: Path, profile: Profile) -> tuple[tuple[str, ...], int]:
    """The file's column headers as written (for the wizard's mapping) and their line: the
    row the profile finds, else the first non-blank row (a file of another shape)."""
    ctx.require(Role.ADMIN_KABUPATEN)
    path = Path(path)
    try:
        sheet = read_sheet(path, profile)
        line = sheet.header_line
    except ValidationError as exc:
        if not exc.message.startswith("Baris judul kolom tidak ditemukan"):
            raise
        line = 0
    rows: Iterable[tuple[int, list[Any]]]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    else:
        text, _enc = _decode(path.read_bytes(), profile.encoding, path.name)
        rows = _csv_rows(text, profile.delimiter or _sniff_delimiter(text))
    for n, cells in rows:
        if (line and n == line) or (not line and any(str(c or "").strip() for c in cells)):
            return tuple(" ".join(str(c or "").split()) for c in cells), n
    raise ValidationError(f"Berkas {path.name} kosong.", "file")

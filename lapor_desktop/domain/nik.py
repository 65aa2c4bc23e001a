"""NIK (Nomor Induk Kependudukan) parsing and masking (DESIGN.md §2).

A NIK is 16 digits ``PP KK CC DDMMYY SSSS``: Kemendagri province, regency/city and kecamatan
codes of the place of issue, the date of birth (day + 40 for women), and a serial number.
There is no check digit, so a NIK that parses is *syntactically* valid, nothing more.

``parse_nik`` blocks what cannot be a NIK (raises ``InvalidNik``) and reports what is merely
unusual as ``NikInfo.warnings`` (issued outside Kampar, unknown kecamatan, under 17).

Check order (the first failing check decides ``InvalidNik.code``):

1. ``digits``   — after removing spaces and tabs, any character that is not an ASCII digit;
2. ``length``   — not exactly 16 digits;
3. ``province`` — the first two digits are not a known province;
4. ``date``     — DD is not 01–31 / 41–71, MM is not 01–12, the date does not exist
   (e.g. 31-02), or it would be after ``today`` in both centuries;
5. ``serial``   — the last four digits are ``0000``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from lapor_desktop.domain.region_codes import DISTRICTS, PROVINCES, REGENCIES

KAMPAR_REGENCY_CODE: Final = "1401"
NIK_LENGTH: Final = 16
ADULT_AGE: Final = 17

_ASCII_DIGITS: Final = frozenset("0123456789")
_IGNORED: Final = " \t"

WARNING_MESSAGES: Final[dict[str, str]] = {
    "outside_kampar": "NIK diterbitkan di luar Kabupaten Kampar.",
    "unknown_district": "Kode kecamatan NIK tidak dikenal.",
    "under_17": "Pelapor berusia di bawah 17 tahun.",
}


class InvalidNik(Exception):
    """The text cannot be a NIK. ``code`` is machine-readable, ``message`` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class NikInfo:
    """What a syntactically valid NIK says. ``warnings`` are codes, see ``warning_message``."""

    nik: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: str  # "L" (laki-laki) or "P" (perempuan)
    serial: str
    masked: str
    warnings: tuple[str, ...] = ()
    province_name: str | None = None
    regency_name: str | None = None
    district_name: str | None = None

    @property
    def is_kampar(self) -> bool:
        return self.regency_code == KAMPAR_REGENCY_CODE


def warning_message(code: str) -> str:
    """The Indonesian text for a ``NikInfo.warnings`` code (KeyError for unknown codes)."""
    return WARNING_MESSAGES[code]


def normalize_nik(text: str) -> str:
    """``text`` without spaces and tabs (no other validation)."""
    return "".join(ch for ch in text if ch not in _IGNORED)


def mask_nik(nik: str | None) -> str:
    """``1401********0001``: first 4 and last 4 digits of a 16-digit NIK, 8 asterisks between.

    No NIK (an OPD PC never receives one, schema v9) masks to the empty string.

    Spaces and tabs are ignored. Anything that is not 16 characters long after that is
    masked completely (one asterisk per character), so a malformed value never leaks.
    """
    cleaned = normalize_nik(nik or "")
    if len(cleaned) != NIK_LENGTH:
        return "*" * len(cleaned)
    return cleaned[:4] + "*" * 8 + cleaned[-4:]


def age_on(birth_date: date, today: date) -> int:
    """Age in full years on ``today`` (a 29 February birthday counts from 1 March)."""
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - int(before_birthday)


def _birth_date(day: int, month: int, yy: int, today: date) -> date:
    """Birth date from NIK fields; 20YY unless that is after ``today``, then 19YY."""
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        raise InvalidNik("date", "Tanggal lahir pada NIK tidak valid.")
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, month, day)
        except ValueError:
            continue  # e.g. 29-02 in a non-leap year: try the other century
        if candidate <= today:
            return candidate
    raise InvalidNik("date", "Tanggal lahir pada NIK tidak valid.")


def parse_nik(text: str, *, today: date | None = None) -> NikInfo:
    """Validate ``text`` as a NIK and decode it; raise ``InvalidNik`` when it cannot be one.

    ``today`` (default ``date.today()``) decides the century and the under-17 warning.
    """
    if today is None:
        today = date.today()
    nik = normalize_nik(text)
    if any(ch not in _ASCII_DIGITS for ch in nik):
        raise InvalidNik("digits", "NIK hanya boleh berisi angka.")
    if len(nik) != NIK_LENGTH:
        raise InvalidNik("length", f"NIK harus {NIK_LENGTH} digit (tertulis {len(nik)}).")

    province_code, regency_code, district_code = nik[:2], nik[:4], nik[:6]
    if province_code not in PROVINCES:
        raise InvalidNik("province", f"Kode provinsi {province_code} tidak dikenal.")

    raw_day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if raw_day > 40:
        sex, day = "P", raw_day - 40
    else:
        sex, day = "L", raw_day
    birth_date = _birth_date(day, month, yy, today)

    serial = nik[12:]
    if serial == "0000":
        raise InvalidNik("serial", "Nomor urut NIK tidak boleh 0000.")

    warnings: list[str] = []
    if regency_code != KAMPAR_REGENCY_CODE:
        warnings.append("outside_kampar")
    if district_code not in DISTRICTS:
        warnings.append("unknown_district")
    if age_on(birth_date, today) < ADULT_AGE:
        warnings.append("under_17")

    return NikInfo(
        nik=nik,
        province_code=province_code,
        regency_code=regency_code,
        district_code=district_code,
        birth_date=birth_date,
        sex=sex,
        serial=serial,
        masked=mask_nik(nik),
        warnings=tuple(warnings),
        province_name=PROVINCES.get(province_code),
        regency_name=REGENCIES.get(regency_code),
        district_name=DISTRICTS.get(district_code),
    )

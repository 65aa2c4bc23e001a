from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lapor_desktop.domain.nik import (
    InvalidNik,
    NikInfo,
    age_on,
    mask_nik,
    parse_nik,
    warning_message,
)
from lapor_desktop.domain.region_codes import DISTRICTS, KAMPAR_DISTRICTS, PROVINCES

TODAY = date(2026, 5, 12)


def make_nik(district: str, birth: date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


# --- examples ------------------------------------------------------------------------------


def test_woman_from_bangkinang() -> None:
    info = parse_nik("1401154108900001", today=TODAY)
    assert info == NikInfo(
        nik="1401154108900001",
        province_code="14",
        regency_code="1401",
        district_code="140115",
        birth_date=date(1990, 8, 1),
        sex="P",
        serial="0001",
        masked="1401********0001",
        warnings=(),
        province_name="Riau",
        regency_name="Kabupaten Kampar",
        district_name="Bangkinang",
    )


def test_man_and_century_choice() -> None:
    info = parse_nik("1401011203050123", today=TODAY)
    assert info.sex == "L"
    assert info.birth_date == date(2005, 3, 12)
    assert info.warnings == ()
    # 2030 would be in the future -> 1930
    assert parse_nik("1401011203300123", today=TODAY).birth_date == date(1930, 3, 12)
    # born today is allowed (and under 17)
    info = parse_nik(make_nik("140101", TODAY, "L", 1), today=TODAY)
    assert info.birth_date == TODAY
    assert info.warnings == ("under_17",)
    # tomorrow in 20YY -> 19YY
    tomorrow = TODAY + timedelta(days=1)
    assert parse_nik(make_nik("140101", tomorrow, "L", 1), today=TODAY).birth_date == date(
        1926, 5, 13
    )


def test_spaces_and_tabs_ignored() -> None:
    a = parse_nik("1401154108900001", today=TODAY)
    assert parse_nik("  1401 1541 0890 0001  ", today=TODAY) == a
    assert parse_nik("\t14 01 15\t410890 0001\t", today=TODAY) == a


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("14011541089000O1", "digits", "NIK hanya boleh berisi angka."),
        ("1401-1541-0890-0001", "digits", "NIK hanya boleh berisi angka."),
        ("1401154108900001\n", "digits", "NIK hanya boleh berisi angka."),
        ("١٤٠١١٥٤١٠٨٩٠٠٠٠١", "digits", "NIK hanya boleh berisi angka."),  # non-ASCII digits
        ("14011541089000a", "digits", "NIK hanya boleh berisi angka."),  # digits before length
        ("140115410890001", "length", "NIK harus 16 digit (tertulis 15)."),
        ("14011541089000011", "length", "NIK harus 16 digit (tertulis 17)."),
        ("", "length", "NIK harus 16 digit (tertulis 0)."),
        ("9901154108900001", "province", "Kode provinsi 99 tidak dikenal."),
        ("2001154108900001", "province", "Kode provinsi 20 tidak dikenal."),
        ("9901153102900000", "province", "Kode provinsi 99 tidak dikenal."),  # before date
        ("1401153102900001", "date", "Tanggal lahir pada NIK tidak valid."),  # 31-02
        ("1401157102900001", "date", "Tanggal lahir pada NIK tidak valid."),  # 71-02 (woman)
        ("1401150001900001", "date", "Tanggal lahir pada NIK tidak valid."),  # day 0
        ("1401153201900001", "date", "Tanggal lahir pada NIK tidak valid."),  # day 32
        ("1401154001900001", "date", "Tanggal lahir pada NIK tidak valid."),  # day 40
        ("1401157201900001", "date", "Tanggal lahir pada NIK tidak valid."),  # day 72
        ("1401150100900001", "date", "Tanggal lahir pada NIK tidak valid."),  # month 0
        ("1401150113900001", "date", "Tanggal lahir pada NIK tidak valid."),  # month 13
        ("1401152902010001", "date", "Tanggal lahir pada NIK tidak valid."),  # 29-02-(19|20)01
        ("1401153102900000", "date", "Tanggal lahir pada NIK tidak valid."),  # date before serial
        ("1401150101900000", "serial", "Nomor urut NIK tidak boleh 0000."),
    ],
)
def test_errors(text: str, code: str, message: str) -> None:
    with pytest.raises(InvalidNik) as excinfo:
        parse_nik(text, today=TODAY)
    assert excinfo.value.code == code
    assert excinfo.value.message == message
    assert str(excinfo.value) == message


def test_leap_day_2000_and_future_in_both_centuries() -> None:
    assert parse_nik("1401152902000001", today=TODAY).birth_date == date(2000, 2, 29)
    # Before 29-02-2000 existed, 2000 is future and 1900-02-29 does not exist.
    with pytest.raises(InvalidNik) as excinfo:
        parse_nik("1401152902000001", today=date(2000, 2, 28))
    assert excinfo.value.code == "date"
    # A date in the future in both centuries.
    with pytest.raises(InvalidNik) as excinfo:
        parse_nik("1401150101500001", today=date(1949, 12, 31))
    assert excinfo.value.code == "date"


def test_warnings() -> None:
    # Pekanbaru (14.71), adult: only outside_kampar
    info = parse_nik("1471011203800001", today=TODAY)
    assert info.warnings == ("outside_kampar",)
    assert info.regency_name == "Kota Pekanbaru"
    # Rokan Hulu is 1406 in Kemendagri codes — outside Kampar
    assert "outside_kampar" in parse_nik("1406011203800001", today=TODAY).warnings
    # unknown kecamatan inside Kampar (14.01.99)
    info = parse_nik("1401991203800001", today=TODAY)
    assert info.warnings == ("unknown_district",)
    assert info.district_name is None
    # unknown regency and district, minor
    info = parse_nik("1499991203150001", today=TODAY)
    assert info.warnings == ("outside_kampar", "unknown_district", "under_17")
    assert info.regency_name is None
    assert info.province_name == "Riau"


def test_under_17_boundary() -> None:
    seventeenth = date(2009, 5, 12)
    assert (
        "under_17" not in parse_nik(make_nik("140101", seventeenth, "P", 7), today=TODAY).warnings
    )
    assert (
        "under_17"
        in parse_nik(
            make_nik("140101", seventeenth + timedelta(days=1), "P", 7), today=TODAY
        ).warnings
    )


def test_age_on_leap_birthday() -> None:
    assert age_on(date(2008, 2, 29), date(2025, 2, 28)) == 16
    assert age_on(date(2008, 2, 29), date(2025, 3, 1)) == 17
    assert age_on(date(2008, 2, 29), date(2024, 2, 29)) == 16


def test_warning_messages() -> None:
    assert warning_message("outside_kampar") == "NIK diterbitkan di luar Kabupaten Kampar."
    assert warning_message("unknown_district") == "Kode kecamatan NIK tidak dikenal."
    assert warning_message("under_17") == "Pelapor berusia di bawah 17 tahun."
    with pytest.raises(KeyError):
        warning_message("nope")


def test_mask() -> None:
    assert mask_nik("1401154108900001") == "1401********0001"
    assert mask_nik(" 1401 1541 0890 0001 ") == "1401********0001"
    assert mask_nik("140115") == "******"
    assert mask_nik("") == ""


def test_default_today_is_real_today() -> None:
    info = parse_nik(make_nik("140101", date.today(), "L", 1))
    assert info.birth_date == date.today()


def test_info_is_frozen() -> None:
    info = parse_nik("1401154108900001", today=TODAY)
    with pytest.raises(AttributeError):
        info.nik = "x"  # type: ignore[misc]


# --- properties ----------------------------------------------------------------------------

districts = st.sampled_from(sorted(DISTRICTS))
births = st.dates(min_value=date(1927, 1, 1), max_value=TODAY)
sexes = st.sampled_from(["L", "P"])
serials = st.integers(min_value=1, max_value=9999)


@given(districts, births, sexes, serials)
def test_round_trip(district: str, birth: date, sex: str, serial: int) -> None:
    nik = make_nik(district, birth, sex, serial)
    info = parse_nik(nik, today=TODAY)
    assert info.nik == nik
    assert info.birth_date == birth  # century decided correctly within the last 99 years
    assert info.sex == sex
    assert info.serial == f"{serial:04d}"
    assert info.district_code == district
    assert info.regency_code == district[:4]
    assert info.province_code == district[:2]
    assert info.masked == nik[:4] + "********" + nik[-4:]
    assert "unknown_district" not in info.warnings
    assert ("outside_kampar" in info.warnings) == (district not in KAMPAR_DISTRICTS)
    assert ("under_17" in info.warnings) == (age_on(birth, TODAY) < 17)


@given(
    districts, births, sexes, serials, st.lists(st.sampled_from([" ", "\t"]), max_size=6), st.data()
)
def test_whitespace_anywhere_is_ignored(
    district: str, birth: date, sex: str, serial: int, blanks: list[str], data: st.DataObject
) -> None:
    nik = make_nik(district, birth, sex, serial)
    chars = list(nik)
    for blank in blanks:
        chars.insert(data.draw(st.integers(0, len(chars))), blank)
    assert parse_nik("".join(chars), today=TODAY) == parse_nik(nik, today=TODAY)


@given(st.text(max_size=20))
def test_parse_never_crashes_unexpectedly(text: str) -> None:
    try:
        info = parse_nik(text, today=TODAY)
    except InvalidNik as exc:
        assert exc.code in {"length", "digits", "province", "date", "serial"}
        assert exc.message
    else:
        assert len(info.nik) == 16
        assert info.province_code in PROVINCES


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
@example("1100000110260001")  # born 1 Oct 1926: 99 on TODAY, its year 100 back
def test_any_16_digits_either_parses_or_has_a_reason(nik: str) -> None:
    try:
        info = parse_nik(nik, today=TODAY)
    except InvalidNik as exc:
        assert exc.code in {"province", "date", "serial"}
    else:
        assert info.birth_date <= TODAY
        # 19YY is chosen only when 20YY is after today: at most a century back, to the day
        assert info.birth_date > TODAY.replace(year=TODAY.year - 100)

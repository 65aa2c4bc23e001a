from __future__ import annotations

from datetime import date, datetime

from lapor_desktop.pdf.dates import date_time, long_date, month_name, place_date
from lapor_desktop.pdf.text import decimal, integer, markup, paragraphs, percent, plain


def test_indonesian_dates() -> None:
    assert place_date("Bangkinang", date(2026, 11, 27)) == "Bangkinang, 27 November 2026"
    assert long_date(date(2026, 5, 12)) == "12 Mei 2026"
    assert [month_name(m) for m in (1, 2, 8, 12)] == ["Januari", "Februari", "Agustus", "Desember"]
    assert date_time(datetime(2026, 1, 3, 9, 5)) == "3 Januari 2026 pukul 09.05 WIB"


def test_markup_escapes_everything() -> None:
    assert markup("AT&T <b>x</b>") == "AT&amp;T &lt;b&gt;x&lt;/b&gt;"
    assert markup('<img src="/etc/passwd"/>') == '&lt;img src="/etc/passwd"/&gt;'
    assert markup("a\nb") == "a<br/>b"
    assert markup("a\x00b\x1bc\ud800d") == "abcd"


def test_long_words_get_break_points() -> None:
    assert max(len(w) for w in markup("x" * 10_000).split()) <= 40


def test_paragraphs_split_on_blank_lines() -> None:
    assert paragraphs("satu\n\n\n dua \r\n\r\ntiga") == ["satu", "dua", "tiga"]


def test_plain_is_one_line() -> None:
    assert plain(" a\r\nb\tc\x07 ") == "a b c"


def test_numbers_in_indonesian() -> None:
    assert integer(12345) == "12.345"
    assert decimal(1234.56) == "1.234,6"
    assert percent(87.5) == "87,5 %"
    assert percent(None) == "-"

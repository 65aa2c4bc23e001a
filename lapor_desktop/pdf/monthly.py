"""Rekapitulasi bulanan (LETTERS.md "Monthly summary"): numbers already aggregated by the
database side in a MonthlySummary; this lays them out with tables, charts and the annex."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from lapor_desktop.pdf.annex import AnnexTable, Column
from lapor_desktop.pdf.charts import opd_chart, share_chart, trend_chart
from lapor_desktop.pdf.data import CountRow, MonthlySummary, OnTimeRates, Rate, Signatory
from lapor_desktop.pdf.dates import long_date, month_name, place_date, short_date
from lapor_desktop.pdf.fonts import BOLD, REGULAR
from lapor_desktop.pdf.page import PageSetup, build_pdf, landscape_width, text_width
from lapor_desktop.pdf.parts import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    CELL_RIGHT,
    HEADING,
    SMALL,
    TITLE,
    SignatureBlock,
    body,
    closing_group,
    grid_table,
    head_cells,
    p,
)
from lapor_desktop.pdf.templates import Templates
from lapor_desktop.pdf.text import decimal, integer, markup, percent, plain

SMALL_HEAD = ParagraphStyle("smallhead", parent=CELL_HEAD, fontSize=8.5, leading=10)


DEFINITION = ParagraphStyle(
    "definition", parent=SMALL, fontSize=8.5, leading=10.5, spaceAfter=3, keepWithNext=1
)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _values(data: MonthlySummary) -> dict[str, str]:
    scope = plain(data.opd_scope).upper() or "PEMERINTAH KABUPATEN KAMPAR"
    as_of = data.as_of or _month_end(data.year, data.month)
    return {
        "lingkup": scope,
        "bulan": month_name(data.month),
        "tahun": str(data.year),
        "per_tanggal": long_date(as_of),
    }


def _as_coordinator(
    data: MonthlySummary, signatory: Signatory | None, templates: Templates
) -> Signatory | None:
    """The regency's summary is signed by the head of Diskominfosandi *selaku Admin
    Koordinator SP4N-LAPOR!* (LETTERS.md): a signer set by the admin (`letterhead set
    --signer-name`, which replaces the file's per-document signers) keeps that role."""
    role = plain(templates.text("monthly", "signer_role")).strip()
    if signatory is None or plain(data.opd_scope) or not role:
        return signatory
    jabatan = plain(signatory.jabatan).rstrip(", ")
    if "ADMIN KOORDINATOR" in jabatan.upper():
        return signatory
    return dataclasses.replace(signatory, jabatan=f"{jabatan} {role}".strip())


def _keep_period(text: str) -> str:
    """Title markup in which "BULAN NOVEMBER TAHUN 2026" never breaks (the year alone on
    a line otherwise)."""
    out = markup(text)
    for period in re.findall(r"BULAN \S+ TAHUN \d{4}", out):
        out = out.replace(period, period.replace(" ", "&nbsp;"))
    return out


def _rate(r: Rate) -> str:
    return f"{integer(r.on_time)} dari {integer(r.total)} ({percent(r.percent)})"


def _count_table(rows: Sequence[CountRow], label: str, width: float) -> Any:
    total = sum(r.count for r in rows)
    data: list[list[Any]] = [head_cells("No", label, "Jumlah", "Persentase")]
    for i, r in enumerate(rows, start=1):
        share = None if total == 0 else 100 * r.count / total
        data.append(
            [
                p(str(i), CELL),
                p(r.label, CELL),
                p(integer(r.count), CELL_RIGHT),
                p(percent(share), CELL_RIGHT),
            ]
        )
    data.append(["", p("Jumlah", CELL_BOLD), p(integer(total), CELL_RIGHT), ""])
    return grid_table(data, [10 * mm, width - 60 * mm, 25 * mm, 25 * mm])


HEADING_LOOSE = ParagraphStyle("headingloose", parent=HEADING, keepWithNext=0)
DEFINITION_LOOSE = ParagraphStyle("definitionloose", parent=DEFINITION, keepWithNext=0)


def _figures_row(label: str, *figures: str, style: ParagraphStyle = CELL) -> list[Any]:
    """A table row: the label (in `style`), then its figures right-aligned."""
    return [p(label, style), *(p(f, CELL_RIGHT) for f in figures)]


def _section(
    letter: str,
    title: str,
    templates: Templates | None = None,
    values: dict[str, str] | None = None,
    room: float = 0,
) -> list[Any]:
    """The heading and, under it, what the section counts (letters.toml def_<letter>).

    `room`: instead of keeping heading and definition with the whole next flowable (a
    table that then jumps to the next page, leaving a third of this one empty), they
    start a new page only when less than `room` is left for them and the table's
    first rows."""
    head, definition = (HEADING_LOOSE, DEFINITION_LOOSE) if room else (HEADING, DEFINITION)
    out: list[Any] = [CondPageBreak(room)] if room else []
    out.append(Paragraph(f"{letter}. {markup(title)}", head))
    if templates is not None:
        text = templates.text("monthly", f"def_{letter.lower()}", values)
        out.append(Paragraph(markup(text), definition))
    return out


RATE_ROWS = (
    ("Verifikasi tepat waktu", "verification", "def_g_verification"),
    ("Tindak lanjut tepat waktu", "followup", "def_g_followup"),
    ("Dijawab dalam batas waktu penyelesaian", "finished", "def_g_answered"),
)


def _rates_table(
    cohort: OnTimeRates,
    activity: OnTimeRates,
    width: float,
    templates: Templates,
    values: dict[str, str],
) -> Any:
    """One row per measure, each with its own definition (numerator and denominator)."""
    rows: list[list[Any]] = [
        head_cells("Ukuran", "Kohort (diterima bulan ini)", "Aktivitas bulan ini")
    ]
    for label, attr, key in RATE_ROWS:
        cell = [
            p(label, CELL_BOLD),
            Paragraph(markup(templates.text("monthly", key, values)), DEFINITION),
        ]
        rows.append(
            [
                cell,
                p(_rate(getattr(cohort, attr)), CELL_RIGHT),
                p(_rate(getattr(activity, attr)), CELL_RIGHT),
            ]
        )
    return grid_table(rows, [width - 80 * mm, 40 * mm, 40 * mm])


def render_monthly(data: MonthlySummary, templates: Templates, paper: str | None = None) -> bytes:
    lh = templates.letterhead(data.office_code)
    signatory = _as_coordinator(
        data, data.signatory or templates.signatory(data.office_code, "monthly"), templates
    )
    electronic = signatory is not None and signatory.electronic
    values = _values(data)
    setup = PageSetup(
        paper=paper or templates.paper,
        letterhead=lh,
        emblem=templates.emblem_path(lh),
        esign_note=templates.text("signature", "footer") if electronic else "",
        title=f"Rekapitulasi {month_name(data.month)} {data.year}",
        landscape=bool(data.annex),
    )
    width = text_width(setup.paper)
    story: list[Any] = [
        Paragraph(markup(templates.text("monthly", "title", values)), TITLE),
        Paragraph(_keep_period(templates.text("monthly", "subtitle", values).upper()), TITLE),
    ]
    if plain(data.nomor):
        story.append(Paragraph(f"Nomor: {markup(data.nomor)}", SMALL))
    story += [Spacer(1, 4 * mm), Paragraph("I. PENDAHULUAN", HEADING)]
    story += body(templates.text("monthly", "pendahuluan", values))
    story.append(Paragraph("II. REKAPITULASI", HEADING))

    # A. received
    story += _section("A", "Laporan yang diterima", templates, values)
    received = [
        head_cells("Bulan ini", "Bulan lalu", "Sejak awal tahun", "Perubahan"),
        [
            p(integer(data.received_this_month), CELL_RIGHT),
            p(integer(data.received_last_month), CELL_RIGHT),
            p(integer(data.received_year_to_date), CELL_RIGHT),
            p(
                percent(
                    None
                    if data.received_last_month == 0
                    else 100
                    * (data.received_this_month - data.received_last_month)
                    / data.received_last_month
                ),
                CELL_RIGHT,
            ),
        ],
    ]
    story.append(grid_table(received, [width / 4] * 4))
    if data.trend:
        story += [Spacer(1, 3 * mm), trend_chart(data.trend, width)]

    # B–E. shares
    for letter, title, rows, label in (
        ("B", "Menurut status", data.by_status, "Status"),
        ("C", "Menurut klasifikasi", data.by_klasifikasi, "Klasifikasi"),
        ("D", "Menurut kanal", data.by_channel, "Kanal"),
    ):
        # No KeepTogether: the table may start at the foot of a page (its header
        # repeats) rather than leave a third of the page empty.
        story += [
            *_section(letter, title, templates, values, room=40 * mm),
            _count_table(rows, label, width),
            Spacer(1, 2 * mm),
            share_chart(title.replace("Menurut", "Sebaran menurut"), rows, width),
        ]
    story += [
        *_section("E", "Kategori terbanyak", templates, values),
        _count_table(data.by_category, "Kategori", width),
    ]

    # F. per OPD
    story += [CondPageBreak(60 * mm), *_section("F", "Menurut Perangkat Daerah", templates, values)]
    opd_rows: list[list[Any]] = [
        [
            Paragraph(markup(h), SMALL_HEAD)
            for h in (
                "Perangkat Daerah",
                "Diterima",
                "Selesai",
                "Diproses",
                "Belum ditindak lanjuti",
                "% Selesai",
                "Rata-rata hari",
            )
        ]
    ]
    for r in data.by_opd:
        opd_rows.append(
            [
                p(r.opd, CELL),
                p(integer(r.received), CELL_RIGHT),
                p(integer(r.finished), CELL_RIGHT),
                p(integer(r.in_process), CELL_RIGHT),
                p(integer(r.not_followed_up), CELL_RIGHT),
                p(percent(r.percent_finished), CELL_RIGHT),
                p(decimal(r.avg_days), CELL_RIGHT),
            ]
        )
    tot = [
        sum(getattr(r, k) for r in data.by_opd)
        for k in ("received", "finished", "in_process", "not_followed_up")
    ]
    opd_rows.append(
        [p("Jumlah", CELL_BOLD)]
        + [p(integer(v), CELL_RIGHT) for v in tot]
        + [p(percent(None if tot[0] == 0 else 100 * tot[1] / tot[0]), CELL_RIGHT), ""]
    )
    story.append(grid_table(opd_rows, [width - 108 * mm] + [16 * mm] * 3 + [20 * mm] * 3))
    if data.by_opd:
        story += [Spacer(1, 3 * mm), opd_chart(data.by_opd, width)]

    # G. on time
    story.append(
        KeepTogether(
            [
                *_section("G", "Ketepatan waktu", templates, values),
                _rates_table(data.cohort_rates, data.activity_rates, width, templates, values),
            ]
        )
    )

    # H. days to finish
    story += _section("H", "Lama hingga jawaban pertama (hari kerja)", templates, values)
    days: list[list[Any]] = [head_cells("Perangkat Daerah", "Rata-rata", "Median")]
    answered = [r for r in data.by_opd if r.avg_days is not None]
    for r in answered:
        days.append(_figures_row(r.opd, decimal(r.avg_days), decimal(r.median_days)))
    others = len(data.by_opd) - len(answered)
    if others:  # the rest in one row, not a list of dashes
        days.append(
            _figures_row(f"{integer(others)} Perangkat Daerah lain (belum ada jawaban)", "-", "-")
        )
    days.append(
        _figures_row(
            "Seluruh laporan",
            decimal(data.avg_days_to_finish),
            decimal(data.median_days_to_finish),
            style=CELL_BOLD,
        )
    )
    story.append(grid_table(days, [width - 50 * mm, 25 * mm, 25 * mm]))

    # I, J
    story += _section("I", "Melewati batas waktu dan eskalasi ke Ombudsman", templates, values)
    late: list[list[Any]] = [head_cells("Perangkat Daerah", "Melewati batas waktu", "Eskalasi")]
    for r in data.by_opd:
        if r.overdue or r.escalated:
            late.append(_figures_row(r.opd, integer(r.overdue), integer(r.escalated)))
    late.append(
        _figures_row("Jumlah", integer(data.overdue), integer(data.escalated), style=CELL_BOLD)
    )
    story.append(grid_table(late, [width - 70 * mm, 40 * mm, 30 * mm]))
    story += _section("J", "Laporan dibuka kembali (pelapor belum puas)", templates, values)
    story.append(
        p(
            f"{integer(data.reopened_cases)} laporan dibuka kembali oleh pelapor "
            f"({integer(data.reopen_events)} kali) pada bulan {month_name(data.month)} "
            f"{data.year}.",
            BODY,
        )
    )

    # III, IV
    story.append(Paragraph("III. KENDALA DAN UPAYA TINDAK LANJUT", HEADING))
    if plain(data.kendala) or plain(data.upaya):
        if plain(data.kendala):
            story += [p("Kendala:", CELL_BOLD), *body(data.kendala)]
        if plain(data.upaya):
            story += [p("Upaya tindak lanjut:", CELL_BOLD), *body(data.upaya)]
    else:
        story += body(templates.text("monthly", "kendala_empty", values))
    when = data.date or date.today()
    story += closing_group(
        body(templates.text("monthly", "penutup", values)),
        [
            Spacer(1, 4 * mm),
            SignatureBlock(
                signatory,
                qr_payload=plain(data.nomor) or f"{data.year}-{data.month:02d}",
                signed_by=templates.text("signature", "signed_by"),
                date_line=place_date(lh.city, when),
            ),
        ],
        lead=[Paragraph("IV. PENUTUP", HEADING)],
    )
    if data.annex:
        story += _annex(data, templates, values, landscape_width(setup.paper), when)
    return build_pdf(story, setup)


# On a landscape page (247 mm of text width on A4). Klasifikasi, Kategori and Status are
# as wide as their longest value (up to the second number), so they print whole; the
# title takes the rest.
ANNEX_COLUMNS_MM = (
    ("No", 10, "right"),
    ("Nomor Tiket", 29, "left"),
    ("Tanggal", 17, "center"),
    ("Klasifikasi", 36, "left"),
    ("Kategori", 66, "left"),  # the longest shipped category is 63 mm
    ("Judul", 0, "left"),  # the rest of the width
    ("Status", 44, "left"),
    ("Hari", 10, "right"),
)
_FITTED = {"Klasifikasi": "klasifikasi", "Kategori": "category", "Status": "status"}
ANNEX_SIZE = 8


def _annex_columns(data: MonthlySummary, width: float) -> list[Column]:
    widths: dict[str, float] = {}
    for title, w, _ in ANNEX_COLUMNS_MM:
        field = _FITTED.get(title)
        if field is None:
            widths[title] = w * mm
            continue
        longest = max(
            [
                stringWidth(plain(v), REGULAR, ANNEX_SIZE)
                for v in {getattr(r, field) for r in data.annex}  # few distinct values
            ]
            + [stringWidth(title, BOLD, ANNEX_SIZE)]
        )
        widths[title] = min(w * mm, longest + 5)
    judul = width - sum(widths.values())
    if judul < 55 * mm:  # the title keeps some room: a long category yields first
        give = min(55 * mm - judul, max(0.0, widths["Kategori"] - 45 * mm))
        widths["Kategori"] -= give
        judul += give
    widths["Judul"] = judul
    return [Column(t, widths[t], a) for t, _, a in ANNEX_COLUMNS_MM]


def _annex(
    data: MonthlySummary, templates: Templates, values: dict[str, str], width: float, when: date
) -> list[Any]:
    columns = _annex_columns(data, width)
    out: list[Any] = [
        NextPageTemplate("landscape"),
        PageBreak(),
        Paragraph(
            f"Lampiran Laporan Bulanan {month_name(data.month)} {data.year}"
            + (f" Nomor {markup(data.nomor)}" if plain(data.nomor) else "")
            + f" tanggal {long_date(when)}",
            SMALL,
        ),
        Spacer(1, 2 * mm),
        Paragraph(markup(templates.text("monthly", "annex_title", values)), TITLE),
    ]
    rows = sorted(data.annex, key=lambda r: (plain(r.opd), r.received, r.ticket))
    for opd, group in groupby(rows, key=lambda r: plain(r.opd)):
        items = list(group)
        out += [
            CondPageBreak(25 * mm),
            Paragraph(f"{markup(opd or '-')} ({integer(len(items))} laporan)", HEADING),
            AnnexTable(
                columns,
                [
                    (
                        i,
                        r.ticket,
                        short_date(r.received),
                        r.klasifikasi,
                        r.category,
                        r.title,
                        r.status,
                        "" if r.days is None else r.days,
                    )
                    for i, r in enumerate(items, start=1)
                ],
                font_size=ANNEX_SIZE,
            ),
        ]
    return out

"""Charts of the monthly summary (reportlab.graphics), every label in Liberation Sans."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from lapor_desktop.pdf.data import CountRow, MonthCount, OpdRow
from lapor_desktop.pdf.dates import MONTHS_SHORT
from lapor_desktop.pdf.fonts import BOLD, REGULAR
from lapor_desktop.pdf.text import fit, integer, percent, plain

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#1f4e79",
        "#c55a11",
        "#548235",
        "#7f6000",
        "#7030a0",
        "#2e75b6",
        "#bf9000",
        "#a9d18e",
        "#f4b183",
        "#8faadc",
    )
]


CHART_SIZE = 8  # issue 15: no chart text under 8 pt


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    # The renderer's initial state otherwise sets Helvetica (not embedded) on the page.
    d.initialFontName = REGULAR
    d.initialFontSize = 8
    return d


def _title(d: Drawing, text: str, width: float, height: float) -> None:
    d.add(String(width / 2, height - 10, text, fontName=BOLD, fontSize=9, textAnchor="middle"))


def _style_bars(chart: VerticalBarChart | HorizontalBarChart) -> None:
    """Both bar charts alike: axis and bar labels in Liberation Sans at the chart size, the
    value axis from 0, the first series in the first colour, every bar labelled with its count."""
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = CHART_SIZE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = CHART_SIZE
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = CHART_SIZE


def trend_chart(months: Sequence[MonthCount], width: float) -> Drawing:
    height = 55 * mm
    d = _drawing(width, height)
    _title(d, "Laporan diterima 12 bulan terakhir", width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 22
    chart.width, chart.height = width - 45, height - 45
    chart.data = [[m.count for m in months] or [0]]
    chart.categoryAxis.categoryNames = [
        f"{MONTHS_SHORT[m.month - 1]} {m.year % 100:02d}" for m in months
    ] or [""]
    _style_bars(chart)
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


def opd_chart(rows: Sequence[OpdRow], width: float, limit: int = 15) -> Drawing:
    rows = sorted(rows, key=lambda r: -r.received)[:limit]
    bar_h = 11
    height = max(40 * mm, len(rows) * bar_h * 2.2 + 45)
    d = _drawing(width, height)
    _title(d, "Laporan per Perangkat Daerah (diterima dan selesai)", width, height)
    label_w = 62 * mm
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 25
    chart.width, chart.height = width - label_w - 15, height - 45
    # HorizontalBarChart draws the first category at the bottom: reverse for reading order.
    ordered = list(reversed(rows)) or [OpdRow("-", 0, 0, 0, 0)]
    chart.data = [[r.received for r in ordered], [r.finished for r in ordered]]
    chart.categoryAxis.categoryNames = [
        fit(plain(r.opd), label_w - 8, REGULAR, CHART_SIZE) for r in ordered
    ]
    _style_bars(chart)
    chart.bars[1].fillColor = PALETTE[2]
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    legend = Legend()
    legend.fontName = REGULAR
    legend.fontSize = CHART_SIZE
    legend.x, legend.y = label_w, 12
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [(PALETTE[0], "Diterima"), (PALETTE[2], "Selesai")]
    d.add(legend)
    return d


def share_chart(title: str, rows: Sequence[CountRow], width: float) -> Drawing:
    """A pie with a legend "label — n (p %)"; empty data draws a note instead."""
    height = 45 * mm
    d = _drawing(width, height)
    _title(d, title, width, height)
    total = sum(r.count for r in rows)
    if total <= 0:
        d.add(
            String(
                width / 2,
                height / 2,
                "Tidak ada data",
                fontName=REGULAR,
                fontSize=8,
                textAnchor="middle",
            )
        )
        return d
    shown = [r for r in rows if r.count > 0]
    pie = Pie()
    size = height - 25
    pie.x, pie.y = 10, 8
    pie.width = pie.height = size
    pie.data = [r.count for r in shown]
    pie.labels = None
    pie.slices.fontName = REGULAR
    pie.slices.strokeWidth = 0.5
    pie.slices.strokeColor = colors.white
    for i in range(len(shown)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    legend = Legend()
    legend.fontName = REGULAR
    legend.fontSize = CHART_SIZE
    legend.x, legend.y = size + 25, height - 20
    legend.alignment = "right"
    legend.columnMaximum = 10
    legend.dx = legend.dy = 6
    legend.deltay = 11
    text_w = width - size - 45
    legend.colorNamePairs = [
        (
            PALETTE[i % len(PALETTE)],
            fit(
                f"{plain(r.label)} — {integer(r.count)} ({percent(100 * r.count / total)})",
                text_w,
                REGULAR,
                CHART_SIZE,
            ),
        )
        for i, r in enumerate(shown[:10])
    ]
    d.add(legend)
    return d

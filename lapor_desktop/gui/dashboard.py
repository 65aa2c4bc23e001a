"""Beranda: counts by status, this month's intake, overdue by OPD, drawn as bar charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.sla import ClockState
from lapor_desktop.domain.workflow import Status
from lapor_desktop.gui import fmt
from lapor_desktop.gui.bar_chart import BarChart
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import cases, reference
from lapor_desktop.services.context import Ctx


@dataclass
class DashboardData:
    today: date
    by_status: dict[str, int] = field(default_factory=dict)
    total: int = 0
    this_month: int = 0
    overdue: int = 0
    escalated: int = 0
    overdue_by_opd: list[tuple[str, int]] = field(default_factory=list)


def load_dashboard(ctx: Ctx) -> DashboardData:
    """Runs off the UI thread: a handful of COUNT queries, all in SQL."""
    s = ctx.user()
    today = ctx.clock.now().date()
    own = s.office_code if s.is_opd else None
    base = cases.CaseFilter(opd=own)
    counts = cases.counts_by_status(ctx, base)
    data = DashboardData(today, counts.by_status, counts.total)
    data.this_month = cases.count_cases(
        ctx, cases.CaseFilter(opd=own, received_from=today.replace(day=1))
    )
    data.overdue = cases.count_cases(
        ctx, cases.CaseFilter(opd=own, clock_state=ClockState.OVERDUE.value)
    )
    data.escalated = cases.count_cases(ctx, cases.CaseFilter(opd=own, escalated=True))
    if not s.is_opd:
        for o in reference.list_offices(ctx):
            if o.kind != "opd":
                continue
            n = cases.count_cases(
                ctx, cases.CaseFilter(opd=o.code, clock_state=ClockState.OVERDUE.value)
            )
            if n:
                data.overdue_by_opd.append((o.code, n))
        data.overdue_by_opd.sort(key=lambda x: -x[1])
    return data


class _Tile(QGroupBox):
    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.value_label = QLabel("–")
        self.value_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value_label.setAccessibleName(title)
        QVBoxLayout(self).addWidget(self.value_label)


class DashboardPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardData | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        s = ctx.user()
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        lay.addWidget(self.heading)
        self.subheading = QLabel(self.tr("{0} — {1}").format(s.full_name, s.office_name))
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.subheading)
        tiles = QHBoxLayout()
        self.total_tile = _Tile(self.tr("Semua laporan"))
        self.month_tile = _Tile(self.tr("Masuk bulan ini"))
        self.open_tile = _Tile(self.tr("Masih terbuka"))
        self.overdue_tile = _Tile(self.tr("Terlambat"))
        self.escalated_tile = _Tile(self.tr("Dieskalasi ke Ombudsman"))
        for t in (
            self.total_tile,
            self.month_tile,
            self.open_tile,
            self.overdue_tile,
            self.escalated_tile,
        ):
            tiles.addWidget(t)
        lay.addLayout(tiles)
        charts = QGridLayout()
        status_box = QGroupBox(self.tr("Laporan menurut status"))
        self.status_chart = BarChart("#1565c0")
        status_lay = QVBoxLayout(status_box)
        status_lay.addWidget(self.status_chart)
        status_lay.addStretch(1)
        charts.addWidget(status_box, 0, 0)
        self.opd_box = QGroupBox(self.tr("Laporan terlambat menurut OPD"))
        self.opd_chart = BarChart("#b71c1c")
        self.opd_empty = QLabel(self.tr("Tidak ada laporan terlambat."))
        opd_lay = QVBoxLayout(self.opd_box)
        opd_lay.addWidget(self.opd_chart)
        opd_lay.addWidget(self.opd_empty)
        opd_lay.addStretch(1)
        charts.addWidget(self.opd_box, 0, 1)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 1)
        lay.addLayout(charts)
        lay.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: load_dashboard(ctx), self.show_data)

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.heading.setText(self.tr("Beranda — {0}").format(fmt.long_date(data.today)))
        self.total_tile.value_label.setText(str(data.total))
        self.month_tile.value_label.setText(str(data.this_month))
        open_n = sum(
            n
            for st, n in data.by_status.items()
            if st not in (Status.SELESAI.value, Status.ARSIP.value)
        )
        self.open_tile.value_label.setText(str(open_n))
        self.overdue_tile.value_label.setText(str(data.overdue))
        self.escalated_tile.value_label.setText(str(data.escalated))
        self.status_chart.set_items([(s.label, data.by_status.get(s.value, 0)) for s in Status])
        self.opd_box.setVisible(not self.ctx.user().is_opd)
        self.opd_chart.set_items(data.overdue_by_opd[:15])
        self.opd_chart.setVisible(bool(data.overdue_by_opd))
        self.opd_empty.setVisible(not data.overdue_by_opd)

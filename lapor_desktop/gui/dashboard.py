"""Beranda: counts by status, this month's intake, overdue by OPD, drawn as bar charts;
the on-time rates of this month and the previous one, computed separately (they read
every case history of the period, which takes seconds on a large database) so the counts
show first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.sla import ClockState
from lapor_desktop.domain.workflow import FINAL_STATUSES, Status
from lapor_desktop.gui import fmt
from lapor_desktop.gui.bar_chart import BarChart
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import cases, reference
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from lapor_desktop.pdf.data import Rate
    from lapor_desktop.services.documents_monthly import PeriodRates


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
        late = cases.counts_by_opd(ctx, cases.CaseFilter(clock_state=ClockState.OVERDUE.value))
        for o in reference.list_offices(ctx):
            if o.kind == "opd" and late.get(o.code):
                data.overdue_by_opd.append((o.code, late[o.code]))
        data.overdue_by_opd.sort(key=lambda x: -x[1])
    return data


def _month_after(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _month_before(first: date) -> date:
    return date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)


def load_rates(ctx: Ctx) -> tuple[PeriodRates, PeriodRates]:
    """Runs off the UI thread: this month's and the previous month's on-time rates, in the
    same scope as the counts (the monthly summary's computation, one pass for both)."""
    this = ctx.clock.now().date().replace(day=1)
    last = _month_before(this)
    # Imported here, off the UI thread: the monthly summary brings the PDF package, which
    # would add ~90 ms to every start (DESIGN.md §6).
    from lapor_desktop.services.documents_monthly import on_time_rates

    now_rates, last_rates = on_time_rates(ctx, [(this, _month_after(this)), (last, this)])
    return now_rates, last_rates


class _Tile(QFrame):
    """A number with its caption underneath; the caption wraps, so five tiles fit a
    narrow window (1080p at 200 %)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel("–")
        self.value_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value_label.setAccessibleName(title)
        self.caption_label = QLabel(title)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.value_label)
        lay.addWidget(self.caption_label)
        lay.addStretch(1)


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
        lay.addWidget(self._build_rates())
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
        self._rates_running = False
        self._rates_again = False
        self._stale = True
        self.refresh()

    def _build_rates(self) -> QGroupBox:
        self.rates_box = QGroupBox(self.tr("Ketepatan waktu"))
        grid = QGridLayout(self.rates_box)
        self.rate_headers: list[QLabel] = []
        for col, text in enumerate((self.tr("Bulan ini"), self.tr("Bulan lalu")), start=1):
            head = QLabel(text)
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, col)
            self.rate_headers.append(head)
        # rate_values[kind][0] this month, [1] the previous month
        self.rate_values: dict[str, list[QLabel]] = {}
        for row, (kind, label) in enumerate(
            (
                ("verification", self.tr("Verifikasi tepat waktu")),
                ("followup", self.tr("Tindak lanjut tepat waktu")),
            ),
            start=1,
        ):
            grid.addWidget(QLabel(label), row, 0)
            self.rate_values[kind] = []
            for col in (1, 2):
                value = QLabel(self.tr("Menghitung…"))
                value.setAccessibleName(label)
                value.setStyleSheet("font-size: 13pt;")
                grid.addWidget(value, row, col)
                self.rate_values[kind].append(value)
        note = QLabel(
            self.tr(
                "Langkah yang selesai pada bulan itu (kolom «Aktivitas bulan ini» di rekap "
                "bulanan): disposisi pertama dalam batas waktu verifikasi, dan jawaban yang "
                "disetujui dalam batas waktu tindak lanjut."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return self.rates_box

    def refresh(self) -> None:
        # Counts and rates are computed only while the page is shown (not when the window
        # opens on another page, or the user has moved on): on a big database each takes
        # seconds of CPU (the overdue count per OPD ~1.6 s at 100k cases), and worker
        # threads busy with it slow the UI thread and the page the user does look at.
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        ctx = self.ctx
        run_op(self, lambda: load_dashboard(ctx), self.show_data)
        self._refresh_rates()

    def _refresh_rates(self) -> None:
        # One computation at a time: a refresh meanwhile asks for one more afterwards,
        # instead of piling up seconds-long passes on the worker threads.
        if self._rates_running:
            self._rates_again = True
            return
        self._rates_running = True
        ctx = self.ctx
        run_op(
            self,
            lambda: load_rates(ctx),
            self.show_rates,
            self._rates_failed,
            self._rates_finished,
        )

    def _rates_finished(self) -> None:
        self._rates_running = False
        if self._rates_again:
            self._rates_again = False
            self._refresh_rates()

    def _rates_failed(self, exc: ServiceError) -> None:
        for labels in self.rate_values.values():
            for value in labels:
                value.setText(self.tr("Tidak tersedia"))
                value.setToolTip(exc.message)

    def rate_text(self, rate: Rate) -> str:
        """'75,0 % (3 dari 4)'; '—' when nothing was due (no 0 % for an empty month)."""
        if rate.total == 0:
            return "—"
        return self.tr("{0} ({1} dari {2})").format(
            fmt.percent(rate.percent), rate.on_time, rate.total
        )

    def show_rates(self, periods: tuple[PeriodRates, PeriodRates]) -> None:
        for col, period in enumerate(periods):
            self.rate_headers[col].setText(
                (self.tr("Bulan ini ({0})") if col == 0 else self.tr("Bulan lalu ({0})")).format(
                    fmt.month_year(period.start)
                )
            )
            for kind, rate in (
                ("verification", period.activity.verification),
                ("followup", period.activity.followup),
            ):
                value = self.rate_values[kind][col]
                value.setText(self.rate_text(rate))
                value.setToolTip(
                    ""
                    if rate.total
                    else self.tr("Belum ada laporan yang menyelesaikan tahap ini pada bulan itu.")
                )

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.heading.setText(self.tr("Beranda — {0}").format(fmt.long_date(data.today)))
        self.total_tile.value_label.setText(str(data.total))
        self.month_tile.value_label.setText(str(data.this_month))
        open_n = sum(
            n for st, n in data.by_status.items() if st not in {s.value for s in FINAL_STATUSES}
        )
        self.open_tile.value_label.setText(str(open_n))
        self.overdue_tile.value_label.setText(str(data.overdue))
        self.escalated_tile.value_label.setText(str(data.escalated))
        self.status_chart.set_items([(s.label, data.by_status.get(s.value, 0)) for s in Status])
        self.opd_box.setVisible(not self.ctx.user().is_opd)
        self.opd_chart.set_items(data.overdue_by_opd[:15])
        self.opd_chart.setVisible(bool(data.overdue_by_opd))
        self.opd_empty.setVisible(not data.overdue_by_opd)

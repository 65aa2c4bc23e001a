"""Reminders in the tray: at sign-in and on a timer, announce cases in scope that became due
soon, due today or overdue (the service remembers what was shown: once per case and stage).
For the regency admin the same timer runs the deadlines engine's automatic transitions."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStyle, QSystemTrayIcon, QWidget

from lapor_desktop.domain.permissions import capabilities
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services import automation, reminders
from lapor_desktop.services.context import Ctx

CHECK_INTERVAL_MS = 5 * 60 * 1000
MAX_LISTED = 5


@dataclass
class CheckResult:
    reminders: list[reminders.Reminder] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)


def check(ctx: Ctx) -> CheckResult:
    """Worker thread: automatic transitions (regency admin), then pending reminders."""
    can = capabilities(ctx.user().role)
    out = CheckResult()
    if can.runs_automation:
        auto = automation.apply_automatic(ctx)
        out.closed, out.escalated = auto.closed, auto.escalated
    if can.watches_deadlines:
        out.reminders = reminders.pending_reminders(ctx)
    return out


class ReminderWatch(QObject):
    reminded = Signal(list)
    automation_done = Signal(object)

    def __init__(self, ctx: Ctx, window: QWidget, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.shown: list[reminders.Reminder] = []
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("LAPOR Desktop"))
            self.tray.activated.connect(self._raise_window)
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.activateWindow()

    def start(self) -> None:
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check_now(self) -> None:
        ctx = self.ctx
        run_op(self.window, lambda: check(ctx), self._show)

    def _show(self, result: CheckResult) -> None:
        if result.closed or result.escalated:
            self.automation_done.emit(result)
        if not result.reminders:
            return
        self.shown.extend(result.reminders)
        lines = [r.message for r in result.reminders[:MAX_LISTED]]
        if len(result.reminders) > MAX_LISTED:
            lines.append(self.tr("… dan {0} lainnya").format(len(result.reminders) - MAX_LISTED))
        title = self.tr("{0} laporan perlu perhatian").format(len(result.reminders))
        if self.tray is not None:
            self.tray.showMessage(
                title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Warning, 15_000
            )
        self.reminded.emit(result.reminders)

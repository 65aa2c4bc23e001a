"""Reminders in the tray: at sign-in and on a timer, announce cases in scope that became due
soon, due today or overdue (the service remembers what was shown: once per case and stage).
For the regency admin the same timer runs the deadlines engine's automatic transitions.

The tray icon is the application's; its menu offers Buka (the window in front), Jatuh tempo
(for roles with that page) and Keluar; clicking a reminder balloon opens Jatuh tempo."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from lapor_desktop.domain.permissions import capabilities, pages_for
from lapor_desktop.gui import icons
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


def bring_to_front(window: QWidget) -> None:
    """Shown, not minimised (a maximised window stays maximised), in front."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class ReminderWatch(QObject):
    reminded = Signal(list)
    automation_done = Signal(object)
    open_due = Signal()  # the person asked for Jatuh tempo (tray menu or balloon)

    def __init__(self, ctx: Ctx, window: QWidget, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.shown: list[reminders.Reminder] = []
        self.announced: list[str] = []  # what the sync brought (tray balloons)
        self.menu = QMenu(window)
        self.open_action = self.menu.addAction(self.tr("Buka"))
        self.open_action.triggered.connect(self._raise_window)
        self.due_action = self.menu.addAction(self.tr("Jatuh tempo"))
        self.due_action.triggered.connect(self.open_due)
        self.due_action.setVisible("jatuh_tempo" in pages_for(ctx.user().role))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Keluar"))
        self.quit_action.triggered.connect(window.close)
        # Made even without a system tray (its menu and signals then simply never show).
        self.tray = QSystemTrayIcon(icons.app_icon(), self)
        self.tray.setToolTip(self.tr("LAPOR Desktop"))
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self._balloon_clicked)
        self.tray_shown = QSystemTrayIcon.isSystemTrayAvailable()
        if self.tray_shown:
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def _raise_window(self) -> None:
        bring_to_front(self.window)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:  # the menu shows itself
            self._raise_window()

    def _balloon_clicked(self) -> None:
        if self.due_action.isVisible():
            self.open_due.emit()
        else:
            self._raise_window()

    def start(self) -> None:
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.tray.hide()

    def announce(self, lines: list[str]) -> None:
        """New work from the central server ("3 disposisi baru untuk PUPR") in the tray."""
        self.announced.extend(lines)
        if self.tray_shown and lines:
            self.tray.showMessage(
                self.tr("Pekerjaan baru dari server pusat"),
                "\n".join(lines[:MAX_LISTED]),
                QSystemTrayIcon.MessageIcon.Information,
                15_000,
            )

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
        if self.tray_shown:
            self.tray.showMessage(
                title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Warning, 15_000
            )
        self.reminded.emit(result.reminders)

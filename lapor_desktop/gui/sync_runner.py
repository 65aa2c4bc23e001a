"""Background sync in the app (issue 17): one cycle at a time on its own worker thread, on a
timer (default every 2 minutes), a few seconds after each action the person takes, and on
demand (F9, the button). Never on the UI thread; never two at once on this PC (one worker
here, and engine.sync's lock (sync/lock.py) against a second copy of the app or the
CLI's `sync`).

What it tells the window: the indicator's state (`status_changed`), what arrived for this
person (`arrived`: "3 disposisi baru untuk PUPR"), that rows arrived (`data_arrived`: open
lists reload) and that the login was disabled centrally (`login_disabled`: syncing stops at
once, the person is signed out; their unsent work stays on the PC).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal

from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)

INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL_MIN = 2
AFTER_ACTION_MS = 3_000  # a burst of actions makes one cycle, shortly after the last


def interval_minutes() -> int:
    value = QSettings().value(INTERVAL_KEY, DEFAULT_INTERVAL_MIN)
    try:
        return max(1, int(str(value)))
    except ValueError:
        return DEFAULT_INTERVAL_MIN


def set_interval_minutes(minutes: int) -> None:
    QSettings().setValue(INTERVAL_KEY, max(1, int(minutes)))


class Phase(StrEnum):
    LOCAL = "local"  # this PC never joined: nothing to sync
    IDLE = "idle"  # last cycle went through
    RUNNING = "running"
    OFFLINE = "offline"  # the server could not be reached (or the link broke)
    ERROR = "error"  # the server refused something else
    TOO_OLD = "too_old"  # sync_meta wants a newer app
    DISABLED = "disabled"  # the login was disabled centrally


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncIndicator", text)


@dataclass(frozen=True)
class Indicator:
    """What the status bar shows about sync."""

    phase: Phase = Phase.LOCAL
    last_sync: datetime | None = None
    pending: int = 0
    failed: int = 0
    conflicts: int = 0
    message: str = ""  # the last problem, in the server's or the engine's words
    progress: str = ""

    def text(self) -> str:
        if self.phase == Phase.LOCAL:
            return _tr("Sinkronisasi: basis data lokal saja")
        when = self.last_sync.strftime("%d-%m %H.%M") if self.last_sync else _tr("belum pernah")
        head = {
            Phase.IDLE: _tr("Sinkron {0}"),
            Phase.RUNNING: _tr("Menyinkronkan… (terakhir {0})"),
            Phase.OFFLINE: _tr("Luring — sinkron terakhir {0}"),
            Phase.ERROR: _tr("Sinkron gagal — terakhir {0}"),
            Phase.TOO_OLD: _tr("Perbarui aplikasi — bekerja luring (terakhir {0})"),
            Phase.DISABLED: _tr("Login dinonaktifkan — sinkron berhenti"),
        }[self.phase].format(when)
        parts = [head]
        parts.append(
            _tr("{0} menunggu dikirim").format(self.pending)
            if self.pending
            else _tr("semua terkirim")
        )
        if self.failed:
            parts.append(_tr("{0} gagal").format(self.failed))
        if self.conflicts:
            parts.append(_tr("{0} konflik").format(self.conflicts))
        return " · ".join(parts)

    def tooltip(self) -> str:
        lines = [self.text()]
        if self.message:
            lines.append(self.message)
        lines.append(_tr("F9: sinkronkan sekarang"))
        return "\n".join(lines)


class Cancelled(ServiceError):
    pass


@dataclass
class Outcome:
    """What a cycle on the worker brought back."""

    indicator: Indicator
    arrived: list[str] = field(default_factory=list)
    pulled: int = 0
    pushed: int = 0
    disabled: bool = False


class _Signals(QObject):
    done = Signal(object)
    progress = Signal(str)


def _status_of(phase: Phase, message: str = "") -> Indicator:
    from lapor_desktop.sync import engine

    st = engine.status()
    return Indicator(phase, st.last_sync, st.pending, st.failed, st.conflicts, message)


def read_indicator() -> Indicator:
    """Worker thread: the state from the local database alone (before any cycle)."""
    from lapor_desktop.services.sync_status import last_cycle
    from lapor_desktop.sync import online

    if not online.joined():
        return Indicator(Phase.LOCAL)
    last = last_cycle()
    phase = Phase.IDLE if last is None or last.ok else Phase.OFFLINE
    return _status_of(phase, "" if last is None or last.ok else last.error)


def run_once(ctx: Ctx, password: str, progress: Any, cancelled: Any) -> Outcome:
    """Worker thread: one cycle as the signed-in person; every outcome in words."""
    from lapor_desktop.services import sync_status as q
    from lapor_desktop.sync import apply, engine, online
    from lapor_desktop.sync.link import ClientTooOld, LoginDisabled, SyncError
    from lapor_desktop.sync.lock import SyncBusy

    if not online.joined():
        return Outcome(Indicator(Phase.LOCAL))
    s = ctx.user()

    def step(text: str) -> None:
        if cancelled():
            raise SyncError(_tr("Sinkronisasi dibatalkan; dilanjutkan pada sinkron berikutnya."))
        progress(text)

    def no_prompt(_user: str) -> str:
        raise SyncError(_tr("Kata sandi server pusat tidak diketahui; keluar lalu masuk lagi."))

    mark = q.action_mark()
    try:
        dsn = online.person_dsn(s.username, password)
        # Short pieces: the counter keeps saving while what arrived is applied.
        summary = engine.sync(ctx, no_prompt, step, dsn=dsn, piece_seconds=apply.PIECE_SECONDS)
    except SyncBusy as exc:  # another window or the CLI runs a cycle on this database
        return Outcome(replace(read_indicator(), message=exc.message))
    except LoginDisabled as exc:
        return Outcome(_status_of(Phase.DISABLED, exc.message), disabled=True)
    except ClientTooOld as exc:
        return Outcome(_status_of(Phase.TOO_OLD, exc.message))
    except SyncError as exc:
        unreachable = "tidak dapat dihubungi" in exc.message or "terputus" in exc.message
        return Outcome(_status_of(Phase.OFFLINE if unreachable else Phase.ERROR, exc.message))
    arrived = q.arrivals(mark, s.role, s.office_id, s.user_id) if summary.pulled else []
    return Outcome(_status_of(Phase.IDLE), arrived, summary.pulled, summary.pushed)


class SyncRunner(QObject):
    status_changed = Signal(object)  # Indicator
    arrived = Signal(list)  # list[str]: what came for this person
    data_arrived = Signal()  # rows were applied: open lists reload
    login_disabled = Signal(str)
    progress = Signal(str)
    cycle_done = Signal(object)  # Outcome (tests, the wizard)

    def __init__(
        self,
        ctx: Ctx,
        password: str,
        parent: QObject | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._password = password  # in memory for the session only
        self.indicator = Indicator()
        self.enabled = True
        self._stopped = False
        self.running = False
        self._again = False
        self._cancel = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lapor-sync")
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or interval_minutes() * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.soon_timer = QTimer(self)
        self.soon_timer.setSingleShot(True)
        self.soon_timer.setInterval(AFTER_ACTION_MS)
        self.soon_timer.timeout.connect(self.sync_now)

    # ------------------------------------------------------------ control

    def start(self) -> None:
        """Show the state from the local database, then sync at once and on the timer."""
        self._submit(read_indicator, self._first_state)

    def _first_state(self, indicator: Indicator) -> None:
        self._show(indicator)
        if indicator.phase != Phase.LOCAL:
            self.timer.start()
            self.sync_now()
        else:
            self.enabled = False

    def stop(self) -> None:
        """At sign-out: no more cycles; waits for one that runs (it ends at its next step)."""
        if self._stopped:
            return
        self._stopped = True
        self.enabled = False
        self.timer.stop()
        self.soon_timer.stop()
        self._cancel = True
        from lapor_desktop.sync.online import release_thread_connection

        self._executor.submit(release_thread_connection)
        self._executor.shutdown(wait=True)

    def set_interval(self, minutes: int) -> None:
        set_interval_minutes(minutes)
        self.timer.setInterval(interval_minutes() * 60_000)

    def after_action(self) -> None:
        """The person did something: sync a few seconds later (bursts make one cycle)."""
        if self.enabled:
            self.soon_timer.start()

    def cancel(self) -> None:
        self._cancel = True

    def sync_now(self) -> bool:
        """Start a cycle unless one runs (then one more follows it). False if not started."""
        if not self.enabled:
            return False
        if self.running:
            self._again = True
            return False
        self.running = True
        self._cancel = False
        self._show(replace(self.indicator, phase=Phase.RUNNING, progress=""))
        ctx, password, signals = self.ctx, self._password, self._signals
        self._submit(
            lambda: run_once(ctx, password, signals.progress.emit, lambda: self._cancel),
            self._cycle_done,
        )
        return True

    # ------------------------------------------------------------ worker plumbing

    def _submit(self, fn: Any, then: Any) -> None:
        if self._stopped:
            return
        signals = self._signals

        def call() -> None:
            try:
                result: Any = fn()
            except ServiceError as exc:  # the database busy or closed: said, not raised
                result = Outcome(replace(self.indicator, phase=Phase.ERROR, message=exc.message))
            except Exception as exc:  # a bug: logged, the indicator says so
                log.exception("sync failed")
                result = Outcome(replace(self.indicator, phase=Phase.ERROR, message=str(exc)))
            if shiboken6.isValid(signals):
                signals.done.emit((then, result))

        self._executor.submit(call)

    def _finished(self, packed: tuple[Any, Any]) -> None:
        then, result = packed
        if then is self._first_state and isinstance(result, Outcome):
            result = result.indicator
        then(result)

    def _progressed(self, text: str) -> None:
        self.progress.emit(text)
        self._show(replace(self.indicator, progress=text))

    def _cycle_done(self, outcome: Outcome) -> None:
        self.running = False
        self._show(outcome.indicator)
        if outcome.disabled:
            self.enabled = False
            self.timer.stop()
            self.soon_timer.stop()
            self._again = False
            self.login_disabled.emit(outcome.indicator.message)
        if outcome.pulled:
            self.data_arrived.emit()
        if outcome.arrived:
            self.arrived.emit(outcome.arrived)
        self.cycle_done.emit(outcome)
        if self._again and self.enabled:
            self._again = False
            self.sync_now()

    def _show(self, indicator: Indicator) -> None:
        self.indicator = indicator
        self.status_changed.emit(indicator)

    def idle(self) -> bool:
        return not self.running

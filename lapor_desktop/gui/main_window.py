"""The main window: navigation by role with badge counts, the page stack, the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from lapor_desktop.domain.permissions import capabilities
from lapor_desktop.gui import icons, ops
from lapor_desktop.gui.changes import Changed, Kind, Refreshable, Watchers
from lapor_desktop.gui.navigation import items_for, start_page
from lapor_desktop.gui.widgets import StatusBarFit
from lapor_desktop.services import cases, storage
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.worklists import WORK_ORDER, badge_counts, work_filter

if TYPE_CHECKING:
    from lapor_desktop.gui.case_view import CaseViewPage
    from lapor_desktop.gui.sync_runner import Indicator, SyncRunner

KEY_ROLE = int(Qt.ItemDataRole.UserRole)
P = TypeVar("P", bound=Refreshable)


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(
        self,
        ctx: Ctx,
        store: storage.Storage | None = None,
        parent: QWidget | None = None,
        runner: SyncRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store
        self.runner = runner  # background sync (gui/sync_runner.py); None: not started
        self.session: Session = ctx.user()
        self.setWindowTitle(self.tr("LAPOR Desktop — Kabupaten Kampar"))
        self.nav_items = items_for(self.session.role)
        self.pages: dict[str, QWidget] = {}
        self.case_page: CaseViewPage | None = None
        # The pages that reload (F5, navigation) and what data each shows: an op's
        # `Changed` reloads the one on screen and marks the others stale (apply_changes).
        self.watchers = Watchers()
        self._previous_key = ""
        self._keyboard_placed = False
        self.badges: dict[str, int] = {}
        self.restored = False  # a backup was restored: exit without the automatic backup

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.nav_list = QListWidget()
        self.nav_list.setAccessibleName(self.tr("Navigasi"))
        self.nav_list.setMaximumWidth(260)
        self.nav_list.setMinimumWidth(200)
        for item in self.nav_items:
            it = QListWidgetItem(icons.icon(item.icon), item.label)
            it.setData(KEY_ROLE, item.key)
            self.nav_list.addItem(it)
        lay.addWidget(self.nav_list)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav_list.currentRowChanged.connect(self._nav_changed)

        self._build_status_bar()
        self._build_actions()
        self._restore_geometry()
        start = start_page(self.session.role)
        if start is not None:
            self.nav_list.setCurrentRow(self.nav_keys().index(start))
        self.refresh_badges()

    # ------------------------------------------------------------ chrome

    def _build_status_bar(self) -> None:
        s = self.session
        bar = self.statusBar()
        self.user_label = QLabel(self.tr("{0} ({1})").format(s.full_name, s.role.label))
        self.office_label = QLabel(s.office_name)
        db = str(self.store.db_file) if self.store else str(self.ctx.data_dir)
        self.db_label = QLabel(self.tr("Basis data: {0}").format(Path(db).name))
        self.db_label.setToolTip(db)
        self.sync_label = QLabel(self.tr("Sinkronisasi: belum dikonfigurasi"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName(self.tr("Sedang bekerja"))
        self.busy_bar.hide()
        labels = [self.user_label, self.office_label, self.db_label, self.sync_label]
        for w in labels:
            bar.addPermanentWidget(w)
        bar.addPermanentWidget(self.busy_bar)
        self.status_fit = StatusBarFit(bar, labels)  # a reminder is never cut off
        ops.tracker().busy_changed.connect(self.busy_bar.setVisible)
        ops.tracker().database_waiting.connect(self._database_waiting)
        if self.runner is not None:
            self.runner.status_changed.connect(self.show_sync_state)
            self.runner.data_arrived.connect(self._sync_arrived)
            self.runner.arrived.connect(self._sync_news)
            self.runner.login_disabled.connect(self._login_disabled)
            self.show_sync_state(self.runner.indicator)

    # ------------------------------------------------------------ sync

    def show_sync_state(self, indicator: Indicator) -> None:
        self.sync_label.setText(indicator.text())
        self.sync_label.setToolTip(indicator.tooltip())
        self.status_fit.fit()

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()

    def _sync_arrived(self) -> None:
        """Rows arrived from the server: every list reloads (the one on screen now)."""
        self.refresh_badges()
        changed = Changed(frozenset(Kind))
        for watcher in self.watchers.tell(changed, self.stack.currentWidget()):
            watcher.refresh()

    def _sync_news(self, lines: list[str]) -> None:
        self.statusBar().showMessage(" · ".join(lines), 60_000)

    def _login_disabled(self, message: str) -> None:
        from lapor_desktop.gui import messages

        messages.warn(
            self,
            self.tr(
                "{0}\n\nSinkronisasi dihentikan dan Anda dikeluarkan. Pekerjaan yang belum "
                "terkirim tetap tersimpan di komputer ini; administrator sistem dapat "
                "melihatnya di halaman Sinkronisasi."
            ).format(message),
        )
        self.sign_out()

    def _database_waiting(self) -> None:
        self.statusBar().showMessage(
            self.tr("Menunggu basis data… (sedang dipakai proses lain)"), 10_000
        )

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Berkas"))
        self.change_password_action = QAction(
            icons.icon("key-round"), self.tr("Ganti kata sandi…"), self
        )
        self.change_password_action.triggered.connect(self.change_password)
        menu.addAction(self.change_password_action)
        self.refresh_action = QAction(icons.icon("refresh-cw"), self.tr("Muat ulang"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_current)
        menu.addAction(self.refresh_action)
        self.sign_out_action = QAction(icons.icon("log-out"), self.tr("Keluar dari akun"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        menu.addAction(self.sign_out_action)
        quit_action = QAction(self.tr("Tutup aplikasi"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        # No Alt letter: every free one is taken by a field of some form (Alt+B, then →).
        help_menu = self.menuBar().addMenu(self.tr("Bantuan"))
        self.about_action = QAction(self.tr("Tentang LAPOR Desktop…"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        if any(i.key == "loket" for i in self.nav_items):
            self.new_intake_action = QAction(self.tr("Laporan baru"), self)
            self.new_intake_action.setShortcut(QKeySequence("Ctrl+N"))
            self.new_intake_action.triggered.connect(self.new_intake)
            self.addAction(self.new_intake_action)
        self.sync_action = QAction(icons.icon("refresh-cw"), self.tr("Sinkronkan sekarang"), self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        menu.insertAction(self.sign_out_action, self.sync_action)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

    def show_about(self) -> None:
        from lapor_desktop.gui import messages
        from lapor_desktop.gui.about import about_text

        messages.info(self, about_text(self.ctx.data_dir))

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    def save_layout(self) -> None:
        QSettings().setValue("main/geometry", self.saveGeometry())
        for page in self.pages.values():
            save = getattr(page, "save_layout", None)
            if save is not None:
                save()

    # ------------------------------------------------------------ pages

    def nav_keys(self) -> list[str]:
        return [i.key for i in self.nav_items]

    def show_page(self, key: str) -> QWidget:
        row = self.nav_keys().index(key)
        self.nav_list.setCurrentRow(row)
        page = self._page(key)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
        return page

    def _page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            page = self._build_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav_items[row].key
        self._previous_key = key
        page = self.pages.get(key)
        if page is None:
            if not self.isVisible():
                # Built once the window shows (showEvent): a page chosen before that and
                # replaced before it (show_page right after the window is made) costs
                # nothing — neither its widgets nor its queries.
                return
            page = self._page(key)
        else:
            watcher = self.watchers.of(page)
            if watcher is not None:
                watcher.refresh()
        self.stack.setCurrentWidget(page)

    def showEvent(self, event: QShowEvent) -> None:
        row = self.nav_list.currentRow()
        if row >= 0:
            page = self._page(self.nav_items[row].key)
            self.stack.setCurrentWidget(page)
            if not self._keyboard_placed:
                # On the first show, a page that is a form (the counter's intake) takes the
                # keyboard at once; on any other the arrow keys move through the menu. Later
                # shows (restored from the tray, say) leave the focus where the person left it.
                self._keyboard_placed = True
                first_field = getattr(page, "first_field", None)
                (first_field or self.nav_list).setFocus()
        super().showEvent(event)

    def _build_page(self, key: str) -> QWidget:
        factory: dict[str, Callable[[], QWidget]] = {
            "beranda": self._dashboard,
            "loket": self._intake,
            "kotak_masuk": lambda: self._case_list(
                work_filter(self.ctx, "inbox"), "inbox_list", WORK_ORDER
            ),
            "verifikasi": lambda: self._case_list(
                work_filter(self.ctx, "verify"), "verify_list", WORK_ORDER
            ),
            "persetujuan": lambda: self._case_list(
                work_filter(self.ctx, "approve"), "approve_list", WORK_ORDER
            ),
            "jatuh_tempo": self._due_page,
            "laporan": lambda: self._case_list(None, "case_list"),
            "impor_lapor": self._import_page,
            "mutakhir_lapor": self._lapor_updates_page,
            "pengguna": self._users_page,
            "kantor": self._offices_page,
            "aturan": self._rules_page,
            "rekap": self._monthly_page,
            "register": self._letters_page,
            "periksa_surat": self._verify_page,
            "kop_surat": self._letterhead_page,
            "cadangan": self._backup_page,
            "sinkronisasi": self._sync_page,
        }
        return factory[key]()

    def _case_list(
        self,
        preset: cases.CaseFilter | None,
        settings_key: str,
        order: tuple[str, bool] | None = None,
    ) -> QWidget:
        from lapor_desktop.gui.case_list import CaseListPage

        page = CaseListPage(self.ctx, preset, settings_key, order=order)
        page.open_case.connect(self.open_case)
        return self._watch(page, Kind.CASES)

    def _import_page(self) -> QWidget:
        from lapor_desktop.gui.lapor_pages import ImportWizardPage

        page = ImportWizardPage(self.ctx)
        page.imported.connect(
            lambda _plan: self.apply_changes(Changed(frozenset((Kind.CASES, Kind.REPORTERS))))
        )
        return self._watch(page)

    def _lapor_updates_page(self) -> QWidget:
        from lapor_desktop.gui.lapor_pages import LaporUpdatesPage

        page = LaporUpdatesPage(self.ctx)
        page.changed.connect(lambda: self.apply_changes(Changed(frozenset((Kind.CASES,)))))
        return self._watch(page, Kind.CASES)

    def _dashboard(self) -> QWidget:
        from lapor_desktop.gui.dashboard import DashboardPage

        return self._watch(DashboardPage(self.ctx), Kind.CASES)

    def _intake(self) -> QWidget:
        from lapor_desktop.gui.intake_page import IntakePage

        page = IntakePage(self.ctx)
        page.saved.connect(lambda t: self.apply_changes(Changed.case(t, Kind.REPORTERS)))
        page.open_case.connect(self.open_case)
        return self._watch(page)

    def _due_page(self) -> QWidget:
        from lapor_desktop.gui.due_page import DuePage

        page = DuePage(self.ctx)
        page.open_case.connect(self.open_case)
        return self._watch(page, Kind.CASES)

    def _users_page(self) -> QWidget:
        from lapor_desktop.gui.admin_users import UsersPage

        return self._watch(UsersPage(self.ctx))

    def _offices_page(self) -> QWidget:
        from lapor_desktop.gui.admin_reference import ReferencePage

        return self._watch(ReferencePage(self.ctx))

    def _rules_page(self) -> QWidget:
        from lapor_desktop.gui.admin_rules import RulesPage

        return self._watch(RulesPage(self.ctx))

    def _monthly_page(self) -> QWidget:
        from lapor_desktop.gui.monthly_page import MonthlyPage

        return self._watch(MonthlyPage(self.ctx))

    def _letters_page(self) -> QWidget:
        from lapor_desktop.gui.letters_page import LettersPage

        return self._watch(LettersPage(self.ctx), Kind.LETTERS)

    def _verify_page(self) -> QWidget:
        from lapor_desktop.gui.verify_page import VerifyPage

        return VerifyPage(self.ctx)

    def _letterhead_page(self) -> QWidget:
        from lapor_desktop.gui.admin_letterhead import LetterheadPage

        return self._watch(LetterheadPage(self.ctx))

    def _backup_page(self) -> QWidget:
        from lapor_desktop.gui.backup_page import BackupPage

        page = BackupPage(self.ctx)
        page.restored.connect(self._after_restore)
        return self._watch(page)

    def _sync_page(self) -> QWidget:
        from lapor_desktop.gui.sync_page import SyncPage

        return self._watch(SyncPage(self.ctx, self.runner, self.apply_changes))

    def _after_restore(self) -> None:
        # The open session belongs to the replaced database: the app closes (no backup of
        # the restored database at this exit) and is opened again.
        self.restored = True
        self.close()

    def _watch(self, page: P, *kinds: Kind) -> P:
        """Registers a page that reloads on F5 and when shown again; `kinds`: the data it
        shows, so that a `Changed` touching them reloads it."""
        self.watchers.watch(page, kinds)
        return page

    def apply_changes(self, changed: Changed) -> None:
        """What an op changed: the badges are counted again, the page on screen reloads if
        it shows that kind of data, the others when the person comes back to them."""
        self.refresh_badges()
        for watcher in self.watchers.tell(changed, self.stack.currentWidget()):
            watcher.refresh()
        if self.runner is not None:
            self.runner.after_action()  # sent a few seconds later

    def open_case(self, ticket: str) -> CaseViewPage:
        from lapor_desktop.gui.case_view import CaseViewPage

        if self.case_page is not None:
            self.case_page.remove_open_copies()
            self.watchers.forget(self.case_page)
            self.stack.removeWidget(self.case_page)
            self.case_page.deleteLater()
        page = CaseViewPage(self.ctx, ticket)
        page.back_requested.connect(self.back_from_case)
        page.changed.connect(self.apply_changes)
        self._watch(page)  # it reloads itself after its own actions; F5 reloads it too
        self.case_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        return page

    def back_from_case(self) -> None:
        """Back to the page the case was opened from; it reloads only if an action on the
        case changed what it shows."""
        if self._previous_key in self.pages:
            page = self.pages[self._previous_key]
            watcher = self.watchers.of(page)
            if watcher is not None and watcher.stale:
                watcher.refresh()
            self.stack.setCurrentWidget(page)

    def new_intake(self) -> None:
        page = self.show_page("loket")
        page.new_complaint()  # type: ignore[attr-defined]

    def refresh_current(self) -> None:
        watcher = self.watchers.of(self.stack.currentWidget())
        if watcher is not None:
            watcher.refresh()
        self.refresh_badges()

    def _focus_search(self) -> None:
        edit = getattr(self.stack.currentWidget(), "search_edit", None)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    # ------------------------------------------------------------ badges

    def refresh_badges(self) -> None:
        if not capabilities(self.session.role).reads_cases:
            return
        ctx = self.ctx
        ops.run_op(self, lambda: badge_counts(ctx), self._show_badges)

    def _show_badges(self, counts: dict[str, int]) -> None:
        self.badges = counts
        for row, item in enumerate(self.nav_items):
            text = item.label
            if item.badge and counts.get(item.badge):
                text = f"{text} ({counts[item.badge]})"
            self.nav_list.item(row).setText(text)

    def show_reminders(self, items: list) -> None:
        """Reminders also land in the status bar (the tray may be missing)."""
        if items:
            self.statusBar().showMessage(
                self.tr("{0} laporan perlu perhatian — lihat halaman Jatuh tempo.").format(
                    len(items)
                ),
                60_000,
            )
            self.refresh_badges()

    def show_due_page(self) -> None:
        """From the tray (its menu or a reminder balloon): the window in front, on Jatuh
        tempo."""
        from lapor_desktop.gui.reminder_watch import bring_to_front

        bring_to_front(self)
        if "jatuh_tempo" in self.nav_keys():
            self.show_page("jatuh_tempo")

    def nav_text(self, key: str) -> str:
        return self.nav_list.item(self.nav_keys().index(key)).text()

    # ------------------------------------------------------------ account

    def change_password(self) -> None:
        from lapor_desktop.gui.sign_in import ChangePasswordDialog

        session = ChangePasswordDialog.ask(self.ctx, parent=self)
        if session is not None:
            self.session = session
            self.ctx = self.ctx.as_user(session)

    def sign_out(self) -> None:
        self.save_layout()
        self.signed_out.emit()
        self.close()

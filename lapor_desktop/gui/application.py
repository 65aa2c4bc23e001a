"""Starting the desktop application: open or create the database, sign in, main window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from lapor_desktop.gui.first_run import FirstRunResult
    from lapor_desktop.gui.startup import DatabaseOpening

# Qt and the services are imported in the functions below, not here: run_gui decides what
# happens before they load (see there).


def _install_translator(app: QApplication) -> bool:
    """Indonesian is the source language; another language comes from a .qm file (True
    when one was installed)."""
    from PySide6.QtCore import QLocale, QTranslator

    from lapor_desktop import paths

    locale = QLocale()
    if locale.language() == QLocale.Language.Indonesian:
        return False
    translator = QTranslator(app)
    if translator.load(locale, "lapor", "_", str(paths.resources_dir() / "translations")):
        return app.installTranslator(translator)
    return False


def first_run(data_dir: Path) -> FirstRunResult | None:
    """No database yet: the wizard makes it (and the first system administrator)."""
    from lapor_desktop.gui.first_run import FirstRunDialog

    return FirstRunDialog.ask(data_dir)


def make_application(*, focus_ring: bool = True) -> QApplication:
    """The QApplication with the names settings are kept under, the application icon,
    the focus ring, Indonesian formats and the translation of the system's language (if
    there is one; else Qt's own buttons and dialogs speak Indonesian too).
    `focus_ring=False`: gui/look.py is installed later (run_gui: once the sign-in dialog
    is on screen, gui/startup.py)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from lapor_desktop.gui import i18n, icons, look

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LAPOR Desktop")
    app.setOrganizationName("Pemkab Kampar")
    app.setWindowIcon(icons.app_icon())  # every top-level window's, unless it sets its own
    if focus_ring:
        look.install(app)  # a visible focus ring; Enter presses a focused button
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    if not _install_translator(app):
        i18n.install(app)
    return app


def run_gui(data_dir: Path) -> int:
    # Python's automatic GC stays off while the GUI runs (gui/ops.py). Off from here on, it
    # also skips the ~90 young collections over what the imports create (~30 ms a start).
    gc.disable()
    app = make_application(focus_ring=False)  # installed once the first window is painted
    from lapor_desktop.gui import crash

    crash.install()  # from here on an unexpected error is a dialog, not the end
    try:
        return _run(app, data_dir)
    finally:
        crash.uninstall()


def _restored_after_failure(opening: DatabaseOpening, data_dir: Path) -> bool:
    """A damaged or unreadable database file: offer the newest good backup (True when the
    person accepted and it was restored, so the database can be opened again)."""
    from lapor_desktop.services.errors import DatabaseDamaged, NotADatabase

    if not isinstance(opening.exception, DatabaseDamaged | NotADatabase):
        return False
    from lapor_desktop.gui.restore_offer import offer_restore

    return offer_restore(None, data_dir, opening.exception)


def _run(app: QApplication, data_dir: Path) -> int:
    # Only what the sign-in dialog needs: the database, the services behind it and the main
    # window's modules load on a worker while a person signs in (gui/startup.py).
    from PySide6.QtWidgets import QApplication

    from lapor_desktop import paths
    from lapor_desktop.gui import look
    from lapor_desktop.gui.sign_in import ChangePasswordDialog, SignInDialog
    from lapor_desktop.gui.startup import DatabaseOpening
    from lapor_desktop.services.context import Ctx

    first_name = ""  # the administrator the first-run wizard just made, for the sign-in
    if paths.db_path(data_dir).exists():
        opening = DatabaseOpening(data_dir)
        # The sign-in dialog is on screen first; then the look, the opening and the rest.
        opening.start_after_first_paint()
    else:
        look.install(app)
        made = first_run(data_dir)
        if made is None:
            return 1
        opening = DatabaseOpening.of(made.store)
        first_name = made.admin
    base = Ctx(data_dir=data_dir)
    code = 0
    try:
        while True:
            session = SignInDialog.ask(base, opening=opening, username=first_name)
            password = SignInDialog.take_password()  # for the background sync, in memory
            first_name = ""
            look.install(app)  # (done when the dialog was painted; once per application)
            store = None if session is None else opening.wait_on_ui_thread()
            if store is None:
                if _restored_after_failure(opening, data_dir):
                    opening.close()
                    opening = DatabaseOpening(data_dir)  # the restored file, opened afresh
                    opening.start()
                    continue
                if session is None:
                    break
                return 1
            assert session is not None
            from lapor_desktop.services import attachments

            # Attachment copies opened in a viewer by a run that died, or before sign-out.
            attachments.remove_open_copies(data_dir)
            from lapor_desktop.gui.main_window import MainWindow
            from lapor_desktop.gui.reminder_watch import ReminderWatch
            from lapor_desktop.services.users import sign_out

            ctx = base.as_user(session)
            if session.must_change_password:
                changed = ChangePasswordDialog.ask(ctx, forced=True)
                if changed is None:
                    continue
                ctx = base.as_user(changed)
            from lapor_desktop.gui.sync_runner import SyncRunner

            runner = SyncRunner(ctx, password)
            window = MainWindow(ctx, store, runner=runner)
            signed_out: list[bool] = []
            window.signed_out.connect(lambda out=signed_out: out.append(True))
            watch = ReminderWatch(ctx, window)
            watch.reminded.connect(window.show_reminders)
            watch.open_due.connect(window.show_due_page)
            watch.automation_done.connect(lambda _r, w=window: w.refresh_current())
            runner.arrived.connect(watch.announce)
            from lapor_desktop.gui.backup_page import DailyBackup, backup_at_exit

            daily = DailyBackup(ctx, window)
            window.show()
            watch.start()
            runner.start()  # the first cycle at once, then on the timer and after actions
            if SignInDialog.last_offline_note:
                window.statusBar().showMessage(
                    QApplication.translate(
                        "application",
                        "Masuk tanpa server pusat (luring): kata sandi diperiksa di komputer "
                        "ini. {0}",
                    ).format(SignInDialog.last_offline_note),
                    30_000,
                )
            daily.check()  # the first sign-in of a day makes the day's backup
            code = app.exec()
            runner.stop()
            watch.stop()
            daily.timer.stop()
            attachments.remove_open_copies(data_dir)
            sign_out(window.ctx)
            if window.restored:
                break
            backup_at_exit(ctx)  # at sign-out and at exit
            if not signed_out:
                break
    finally:
        opening.close()
    return 1 if opening.error else code

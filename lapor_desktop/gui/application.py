"""Starting the desktop application: open or create the database, sign in, main window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from lapor_desktop.services.storage import Storage

# Qt and the services are imported in the functions below, not here: run_gui decides what
# happens before they load (see there).


class _Cancelled(Exception):
    pass


def _install_translator(app: QApplication) -> None:
    """Indonesian is the source language; another language comes from a .qm file."""
    from PySide6.QtCore import QLocale, QTranslator

    from lapor_desktop import paths

    locale = QLocale()
    if locale.language() == QLocale.Language.Indonesian:
        return
    translator = QTranslator(app)
    if translator.load(locale, "lapor", "_", str(paths.resources_dir() / "translations")):
        app.installTranslator(translator)


def open_or_create(data_dir: Path) -> Storage | None:
    from lapor_desktop.gui import messages
    from lapor_desktop.gui.first_run import FirstRunDialog
    from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
    from lapor_desktop.services import storage
    from lapor_desktop.services.errors import ServiceError

    if not storage.database_exists(data_dir):
        result = FirstRunDialog.ask(data_dir)
        return None if result is None else result.store

    def ask_secret(new: bool) -> str:
        secret = PassphraseDialog.ask(new)
        if secret is None:
            raise _Cancelled
        return secret

    try:
        return storage.open_database(data_dir, ask_secret)
    except _Cancelled:
        return None
    except ServiceError as exc:
        messages.error(None, exc.message)
        return None


def run_gui(data_dir: Path) -> int:
    # Python's automatic GC stays off while the GUI runs (gui/ops.py). Off from here on, it
    # also skips the ~90 young collections over what the imports create (~30 ms a start).
    gc.disable()
    # The services (peewee, SQLCipher, keyring) before Qt: PySide's import hook reads the
    # source of every module imported after it, looking for its `__feature__` switches.
    from lapor_desktop.services import storage, users  # noqa: F401
    from lapor_desktop.services.context import Ctx

    # isort: split
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LAPOR Desktop")
    app.setOrganizationName("Pemkab Kampar")
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    _install_translator(app)
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.gui.ops import collect_garbage_on_ui_thread
    from lapor_desktop.gui.reminder_watch import ReminderWatch
    from lapor_desktop.gui.sign_in import ChangePasswordDialog, SignInDialog

    collect_garbage_on_ui_thread()  # after the imports: it freezes what they created

    store = open_or_create(data_dir)
    if store is None:
        return 1
    base = Ctx(data_dir=data_dir)
    code = 0
    try:
        while True:
            session = SignInDialog.ask(base)
            if session is None:
                break
            ctx = base.as_user(session)
            if session.must_change_password:
                changed = ChangePasswordDialog.ask(ctx, forced=True)
                if changed is None:
                    continue
                ctx = base.as_user(changed)
            window = MainWindow(ctx, store)
            signed_out: list[bool] = []
            window.signed_out.connect(lambda out=signed_out: out.append(True))
            watch = ReminderWatch(ctx, window)
            watch.reminded.connect(window.show_reminders)
            watch.automation_done.connect(lambda _r, w=window: w.refresh_current())
            window.show()
            watch.start()
            code = app.exec()
            watch.stop()
            if not signed_out:
                break
    finally:
        store.close()
    return code

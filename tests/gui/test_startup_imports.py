"""What the desktop loads before its first window: no PDF stack, no PostgreSQL driver
(each costs ~0.1–0.4 s of every start; DESIGN.md §6). They load when first used."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_first_window_modules_leave_heavy_libraries_out() -> None:
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import lapor_desktop.gui.application, lapor_desktop.gui.main_window
        import lapor_desktop.gui.dashboard, lapor_desktop.gui.case_list
        import lapor_desktop.gui.case_view, lapor_desktop.gui.intake_page
        heavy = ("reportlab", "pyhanko", "openpyxl", "psycopg")
        print(sorted(m for m in heavy if sys.modules.get(m) is not None))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_gui_entry_point_imports_qt_and_services_only_when_it_runs() -> None:
    # run_gui turns automatic GC off before Qt, peewee and keyring load (~90 collections,
    # ~30 ms of every start): that does not hold if importing the entry point loads them.
    code = textwrap.dedent(
        """
        import sys
        import lapor_desktop.app, lapor_desktop.gui.application
        loaded = ("PySide6", "peewee", "keyring", "argon2", "sqlcipher3")
        print(sorted(m for m in loaded if m in sys.modules))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sign_in_dialog_needs_neither_the_database_nor_the_keyring() -> None:
    # The sign-in dialog is the first window; the keyring (~0.1 s to import), peewee,
    # SQLCipher and argon2 load on the worker that opens the database behind it.
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import lapor_desktop.gui.application, lapor_desktop.gui.startup
        from lapor_desktop.gui.sign_in import SignInDialog
        from lapor_desktop.services.context import Ctx
        dlg = SignInDialog(Ctx(data_dir=None))
        dlg.show(); app.processEvents()
        loaded = ("peewee", "keyring", "argon2", "sqlcipher3", "lapor_desktop.services.storage")
        print(sorted(m for m in loaded if m in sys.modules))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

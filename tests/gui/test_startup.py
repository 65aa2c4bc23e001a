"""The sign-in dialog comes first; the database opens behind it (gui/startup.py)."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QApplication, QDialog

from lapor_desktop.gui import application, look
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.sign_in import SignInDialog
from lapor_desktop.gui.startup import DatabaseOpening
from lapor_desktop.services import storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import KeyRefused, NotADatabase
from lapor_desktop.services.setup import initialize
from tests.gui.conftest import PASSWORD, Recorded, World, wait_ops

pytestmark = pytest.mark.gui

PASSPHRASE = "frasa-sandi-kantor-kampar"


def _passphrase_database(data_dir: Path) -> None:
    """A database made on a PC without a keyring: only a person knows its passphrase."""
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    store = storage.create_database(data_dir, lambda new: PASSPHRASE)
    initialize(Ctx(data_dir=data_dir), "root", PASSWORD)
    store.close()


def test_sign_in_typed_before_the_database_is_open_waits_for_it(qtbot, world: World) -> None:
    world.store.close()
    opening = DatabaseOpening(world.data_dir)
    dlg = SignInDialog(world.base, opening=opening)
    qtbot.addWidget(dlg)
    dlg.username_edit.setText("loket")
    dlg.password_edit.setText(PASSWORD)
    dlg.sign_in_button.click()  # the person was quicker than the opening
    assert not dlg.status_label.isHidden()
    assert dlg.status_label.text() == "Menyiapkan basis data…"
    assert not dlg.sign_in_button.isEnabled()
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        opening.start()
    assert dlg.session is not None and dlg.session.username == "loket"
    assert opening.store is not None and opening.error is None
    opening.close()


def test_the_database_opens_once_the_sign_in_dialog_is_on_screen(
    qtbot, qapp: QApplication, world: World
) -> None:
    # As run_gui starts: the worker's imports would slow the dialog's building and painting.
    world.store.close()
    opening = DatabaseOpening(world.data_dir)
    opening.start_after_first_paint()
    dlg = SignInDialog(world.base, opening=opening)
    qtbot.addWidget(dlg)
    qtbot.wait(20)
    assert opening.pending and not opening.done  # nothing painted yet: not started
    dlg.show()
    qtbot.waitUntil(lambda: opening.done, timeout=10_000)
    assert not opening.pending and opening.store is not None and opening.error is None
    dlg.username_edit.setText("loket")
    dlg.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.sign_in_button.click()
    opening.close()
    # The look came with the first paint (run_gui makes the application without it).
    assert isinstance(qapp.findChild(look.Look), look.Look)
    look.uninstall(qapp)


def test_a_start_closed_before_the_dialog_was_painted_opens_nothing(world: World) -> None:
    world.store.close()
    opening = DatabaseOpening(world.data_dir)
    opening.start_after_first_paint()
    opening.close()  # e.g. the dialog closed at once: no hang, nothing opened
    assert not opening.pending and opening.store is None
    assert opening.error == "Basis data tidak dibuka."


def test_wrong_password_while_opening_keeps_the_dialog(qtbot, world: World) -> None:
    world.store.close()
    opening = DatabaseOpening(world.data_dir)
    opening.start()
    dlg = SignInDialog(world.base, opening=opening)
    qtbot.addWidget(dlg)
    dlg.username_edit.setText("loket")
    dlg.password_edit.setText("bukan-sandinya")
    dlg.sign_in_button.click()
    wait_ops(qtbot)
    assert dlg.error_label.text() == "Nama pengguna atau kata sandi salah."
    assert dlg.status_label.text() == "" and dlg.sign_in_button.isEnabled()
    assert dlg.result() != QDialog.DialogCode.Accepted and opening.done
    opening.close()


def test_missing_key_asks_the_passphrase_over_sign_in_and_again_when_wrong(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_database(data_dir)
    answers = ["salah-ketik-sekali", PASSPHRASE]
    asked: list[str] = []

    def ask(cls, new, parent=None, message=""):  # type: ignore[no-untyped-def]
        asked.append(message)
        assert not new and isinstance(parent, SignInDialog)
        return answers.pop(0)

    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(ask))
    opening = DatabaseOpening(data_dir)
    base = Ctx(data_dir=data_dir)
    dlg = SignInDialog(base, opening=opening)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(opening.opened, timeout=10_000):
        opening.start()
    assert asked == ["", KeyRefused.MESSAGE]  # the wrong key said as such
    dlg.username_edit.setText("root")
    dlg.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.sign_in_button.click()
    assert dlg.session is not None and dlg.session.username == "root"
    assert opening.store is not None and not opening.store.key_in_keyring
    opening.close()


def test_cancelled_passphrase_ends_the_start(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_database(data_dir)
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, n, p=None, m="": None))
    # The real run_gui, with the real sign-in dialog: cancelling the passphrase closes it
    # and the application ends with 1, nothing left waiting.
    assert application.run_gui(data_dir) == 1


def test_a_closed_sign_in_dialog_asks_nothing_at_exit(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_database(data_dir)
    asked: list[str] = []
    monkeypatch.setattr(
        PassphraseDialog, "ask", classmethod(lambda cls, n, p=None, m="": asked.append(m))
    )
    opening = DatabaseOpening(data_dir)
    dlg = SignInDialog(Ctx(data_dir=data_dir), opening=opening)
    qtbot.addWidget(dlg)
    dlg.reject()  # the person closed the dialog before the keyring answered
    opening.start()
    assert opening.wait_on_ui_thread() is None  # it wants a passphrase …
    opening.close()  # … which nobody is asked for at exit
    assert asked == [] and opening.error == "Basis data tidak dibuka."


def test_a_failed_opening_is_said_and_ends_the_start(
    qtbot, data_dir: Path, recorded_messages: Recorded
) -> None:
    from lapor_desktop import credentials

    data_dir.mkdir(parents=True)
    db_file = data_dir / "lapor.db"
    db_file.write_bytes(b"bukan basis data " * 256)  # damaged, or another PC's file
    credentials.store_db_key(db_file, credentials.new_raw_key())
    opening = DatabaseOpening(data_dir)
    dlg = SignInDialog(Ctx(data_dir=data_dir), opening=opening)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.rejected, timeout=10_000):
        opening.start()
    # A text file is no database: said as such, not as a wrong key.
    assert recorded_messages.shown == [("error", NotADatabase.MESSAGE)]
    assert opening.wait_on_ui_thread() is None and opening.error
    assert isinstance(opening.exception, NotADatabase)  # the kind, for what can be offered
    opening.close()


def test_run_gui_shows_sign_in_before_the_services_load(
    qtbot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.store.close()
    seen: list[bool] = []

    def ask(cls, ctx, parent=None, opening=None, username=""):  # type: ignore[no-untyped-def]
        seen.append(opening is not None and not opening.done)
        opening.wait_on_ui_thread()
        return None  # the person closes the dialog

    monkeypatch.setattr(SignInDialog, "ask", classmethod(ask))
    assert application.run_gui(world.data_dir) == 0
    assert seen == [True]  # asked while the database was still being opened


def test_the_passphrase_dialog_says_why_it_asks_again(qtbot) -> None:
    why = "Basis data tidak dapat dibuka: kunci salah atau berkas rusak."
    dlg = PassphraseDialog(False, None, why)
    qtbot.addWidget(dlg)
    assert dlg.errors.text("") == why
    dlg.secret_edit.setText("frasa-berikutnya")
    with qtbot.waitSignal(dlg.accepted):
        dlg._accept()  # the reason goes once the person tries again
    assert dlg.errors.text("") == ""


def test_a_damaged_database_at_start_offers_the_newest_good_backup(
    qtbot, world: World, recorded_messages: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_gui on a damaged file: the failure is said, the newest good backup is offered,
    and once restored the database opens and the person signs in to the restored data."""
    from lapor_desktop import paths
    from lapor_desktop.db import snapshot
    from lapor_desktop.db.models import database_proxy
    from lapor_desktop.gui import messages
    from lapor_desktop.services import backup

    kept = world.new_case(title="Sebelum kerusakan")
    backup.automatic_backup(world.as_("loket"))
    key = world.store.db.connect_params["passphrase"]
    world.store.close()
    database_proxy.obj.close()
    live = paths.db_path(world.data_dir)
    with snapshot.opened(live, key) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(live.read_bytes())
    for page in range(1, len(raw) // 4096):  # every page but the first: opens, then fails
        raw[page * 4096 + 100 : page * 4096 + 132] = bytes(32)
    live.write_bytes(bytes(raw))
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, text: questions.append(text) or True)
    tickets: list[set[str]] = []

    def ask(cls, ctx, parent=None, opening=None, username=""):  # type: ignore[no-untyped-def]
        store = opening.wait_on_ui_thread()
        if store is None:  # what the dialog does on a failed opening: says it, closes
            recorded_messages.shown.append(("error", opening.error))
            return None
        tickets.append({r[0] for r in store.db.execute_sql("SELECT ticket FROM complaint")})
        return None  # the person closes the dialog: the start ends normally

    monkeypatch.setattr(SignInDialog, "ask", classmethod(ask))
    assert application.run_gui(world.data_dir) == 0
    assert any("rusak" in text for kind, text in recorded_messages.shown if kind == "error")
    assert questions and "Pulihkan dari cadangan terbaru" in questions[0]
    assert tickets and kept in tickets[0]

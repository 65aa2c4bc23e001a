"""When the database cannot be opened because it is damaged or not a database: offer to
restore the newest good backup from `cadangan/`.

`offer_restore(parent, data_dir, error)` finds (off the UI thread) the newest backup that
opens with this PC's key and passes integrity_check, asks the person, restores it (the
damaged file is kept in `cadangan/` as it was) and returns True when the database can be
opened again. Nobody can sign in to a damaged database: holding its key is the permission.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from lapor_desktop import credentials, paths
from lapor_desktop.gui import messages
from lapor_desktop.gui.backup_page import run_with_progress
from lapor_desktop.services import backup
from lapor_desktop.services.errors import DatabaseDamaged, ServiceError

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("restore_offer", text)


def _local_key(parent: QWidget | None, data_dir: Path) -> str | None:
    db_file = paths.db_path(data_dir)
    try:
        key = credentials.get_db_key(db_file)
    except credentials.KeyringUnavailable:
        key = None
    if key is not None:
        return key
    from lapor_desktop.gui.passphrase_dialog import PassphraseDialog

    return PassphraseDialog.ask(False, parent)


def offer_restore(parent: QWidget | None, data_dir: Path, error: object) -> bool:
    """True when a backup was restored (open the database again); False otherwise."""
    what = (
        _t("Basis data rusak.")
        if isinstance(error, DatabaseDamaged)
        else _t("Berkas basis data tidak dapat dibaca sebagai basis data LAPOR Desktop.")
    )
    key = _local_key(parent, data_dir)
    if key is None:
        return False
    try:
        good = run_with_progress(
            parent,
            _t("Memeriksa cadangan…"),
            lambda _progress: backup.newest_good_backup(data_dir, key),
        )
    except ServiceError as exc:
        messages.warn(parent, exc.message)
        return False
    if good is None:
        messages.warn(
            parent,
            _t("{0} Tidak ada cadangan yang baik di {1}.").format(
                what, backup.backups_dir(data_dir)
            ),
        )
        return False
    question = _t(
        "{0} Pulihkan dari cadangan terbaru yang baik ({1}, {2})?\n\n"
        "Perubahan setelah waktu itu hilang. Berkas yang rusak disimpan di folder cadangan."
    ).format(what, f"{good.made_at:%d-%m-%Y %H:%M}", good.kind_label.lower())
    if not messages.confirm(parent, question):
        return False
    try:
        run_with_progress(
            parent,
            _t("Memulihkan basis data…"),
            lambda progress: backup.restore_unopened(data_dir, good.path, key, None, progress),
        )
    except ServiceError as exc:
        messages.warn(parent, exc.message)
        return False
    log.info("damaged database restored from %s", good.name)
    messages.info(
        parent,
        _t("Basis data dipulihkan dari cadangan {0}.").format(f"{good.made_at:%d-%m-%Y %H:%M}"),
    )
    return True

"""Where things live: the data dir (database, attachments), logs, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "lapor-desktop"
APP_AUTHOR = "Pemkab Kampar"
DB_FILENAME = "lapor.db"


def default_data_dir() -> Path:
    """`LAPOR_DATA_DIR`, else the platform's user data dir (e.g. ~/.local/share/lapor-desktop)."""
    env = os.environ.get("LAPOR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def attachments_dir(data_dir: Path) -> Path:
    """Where attachments lay in plain text before schema v7 (now only read by its upgrade)."""
    return data_dir / "lampiran"


def open_copies_dir(data_dir: Path) -> Path:
    """Private plain copies of attachments opened in the system viewer (removed afterwards)."""
    return data_dir / "sementara"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "cadangan"


def resources_dir() -> Path:
    """Bundled resources: next to the package in a checkout, in _MEIPASS when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def reports_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "reports"
    return Path(__file__).resolve().parent.parent / "reports"

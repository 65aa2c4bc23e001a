"""The application's icons, drawn from SVG so they stay sharp at 150 and 200 %.

The application icon (resources/icons/lapor.svg) is the project's own drawing; the icons
of the navigation and of buttons are Lucide icons (ISC licence, resources/icons/
LICENSE-lucide.txt), copied one by one into resources/icons/lucide/ with their stroke
colour set (#37474f) instead of `currentColor`. Use `icon(name)` with a file's stem.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from lapor_desktop import paths


def icons_dir() -> Path:
    return paths.resources_dir() / "icons"


def icon_path(name: str) -> Path:
    path = icons_dir() / "lucide" / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} in {path.parent}")
    return path


def icon(name: str) -> QIcon:
    """A Lucide icon by its name ('house', 'printer', …)."""
    return QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    """The application's icon: every top-level window and the tray."""
    return QIcon(str(icons_dir() / "lapor.svg"))

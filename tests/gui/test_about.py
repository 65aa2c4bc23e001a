"""Bantuan > Tentang shows the version the IT desk asks for (the same as --version)."""

from __future__ import annotations

import pytest

from lapor_desktop import __version__
from tests.gui.conftest import Recorded, World, open_main_window

pytestmark = pytest.mark.gui


def test_about_box_shows_the_version(qtbot, world: World, recorded_messages: Recorded) -> None:
    w, _page = open_main_window(qtbot, world, "loket", "beranda")
    menus = [a.text() for a in w.menuBar().actions()]
    assert "Bantuan" in menus
    w.about_action.trigger()
    (text,) = recorded_messages.texts()
    assert f"LAPOR Desktop {__version__}" in text
    assert str(world.as_("loket").data_dir) in text

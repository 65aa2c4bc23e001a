"""Works at 150 % and 200 % scaling (issue 4, item 8): every role's main window on every
navigation page (and a case), on a Full HD screen scaled by Qt, in a subprocess
(tests/gui/scaling_probe.py) because the scale factor is fixed when the QApplication is
made.

What would break at 200 % is space, not pixels: the screen is 960×540 logical pixels,
so a page whose minimum size is larger forces the window off the screen. Checked per
page: the device pixel ratio is the scale; the window's minimum size fits a maximised
window (screen less taskbar and title bar) and it really got that size; no label or
button is narrower or lower than its text needs, or cut off by a parent (inside a scroll
area, scrolling shows the rest); no scroll area scrolls sideways; no Qt warning.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui.navigation import items_for

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
SCALES = (1.5, 2.0)
ROLES = (
    Role.FRONT_DESK,
    Role.ADMIN_KABUPATEN,
    Role.OPD_ADMIN,
    Role.OPD_HEAD,
    Role.AUDITOR,
    Role.SYS_ADMIN,
)


def cases() -> list[Any]:
    out = []
    for scale in SCALES:
        for role in ROLES:
            keys = [i.key for i in items_for(role)]
            if "laporan" in keys:
                keys.append("kasus")  # the case view, opened from the list
            for key in keys:
                out.append(
                    pytest.param(scale, role.value, key, id=f"{scale:.0%}-{role.value}-{key}")
                )
    return out


SCREEN = {
    "screens": [
        {
            "name": "fhd",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}


def run_scaled(module: str, tmp: Path, scale: float) -> Any:
    """Run `python -m module` on a 1920×1080 offscreen screen at `scale` (Qt fixes the scale
    when the application starts, so each scale needs its own process); its JSON output."""
    screen = tmp / "screen.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        QT_SCALE_FACTOR=str(scale),
        QT_ENABLE_HIGHDPI_SCALING="1",
    )
    for name in ("QT_SCREEN_SCALE_FACTORS", "QT_AUTO_SCREEN_SCALE_FACTOR", "LAPOR_DATA_DIR"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def run_probe(tmp: Path, scale: float) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["role"], r["page"]): r for r in run_scaled("tests.gui.scaling_probe", tmp, scale)}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[float, Any]:
    return {s: run_probe(tmp_path_factory.mktemp(f"scale{s}"), s) for s in SCALES}


@pytest.mark.parametrize(("scale", "role", "page"), cases())
def test_page_fits_the_screen(
    reports: dict[float, Any], scale: float, role: str, page: str
) -> None:
    measured = [
        r for (ro, pg), r in reports[scale].items() if (ro, pg.split("/")[0]) == (role, page)
    ]
    assert measured  # one per tab on pages with tabs
    for r in measured:
        assert r["dpr"] == scale and r["grab_dpr"] == scale
        assert r["screen"] == [round(1920 / scale), round(1080 / scale)]
        client_w, client_h = r["client"]
        min_w, min_h = r["min_size"]
        assert min_w <= client_w and min_h <= client_h, f"{r['page']} needs {min_w}×{min_h}"
        assert r["size"] == r["client"], r["page"]
        assert r["clipped"] == [], r["page"]
        assert r["too_wide"] == [], r["page"]
        assert r["warnings"] == [], r["page"]


def test_every_page_was_measured(reports: dict[float, Any]) -> None:
    """Tabs are measured one by one (page/tab); nothing measured is left unchecked."""
    expected = {(str(p.values[1]), str(p.values[2])) for p in cases()}
    for scale in SCALES:
        measured = {(role, page.split("/")[0]) for role, page in reports[scale]}
        assert measured == expected


def test_the_probe_finds_clipped_text_and_sideways_scrolling(qtbot) -> None:
    """The checks above can fail: text squeezed, text cut off by a parent, a scroll area
    whose content is wider than it."""
    from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

    from tests.gui.scaling_probe import clipped_widgets, wide_scroll_areas

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    page = QWidget(window)
    page.resize(300, 200)
    squeezed = QLabel("Teks yang terlalu panjang untuk lebarnya", page)
    squeezed.setFixedWidth(40)
    box = QWidget(page)  # no layout: a child may stick out of it
    box.setGeometry(0, 40, 100, 40)
    cut = QPushButton("Simpan perubahan", box)
    cut.move(60, 0)
    cut.resize(cut.sizeHint())
    scroll = QScrollArea(page)
    scroll.setGeometry(0, 100, 150, 90)
    scroll.setWidgetResizable(True)
    body = QWidget()
    body.setMinimumWidth(400)
    QVBoxLayout(body).addWidget(QLabel("Isi yang lebar"))
    scroll.setWidget(body)
    window.show()
    found = {c.text: c for c in clipped_widgets(window, page)}
    assert set(found) == {
        "QLabel  'Teks yang terlalu panjang untuk lebarnya'",
        "QPushButton  'Simpan perubahan'",
    }
    assert found["QPushButton  'Simpan perubahan'"].cut_by.startswith("QWidget")
    assert [w.split(":")[0] for w in wide_scroll_areas(window, page)] == ["QScrollArea  ''"]
    squeezed.setFixedWidth(squeezed.sizeHint().width())
    box.resize(cut.width(), box.height())
    cut.move(0, 0)
    body.setMinimumWidth(0)
    qtbot.wait(10)
    assert clipped_widgets(window, page) == []
    assert wide_scroll_areas(window, page) == []

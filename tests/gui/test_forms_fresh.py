"""The committed compiled forms match their Qt Designer sources in ui/."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("compile_ui", ROOT / "tools" / "compile_ui.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["compile_ui"] = module
    spec.loader.exec_module(module)
    return module


def test_every_compiled_form_is_fresh_and_has_a_source():
    assert _tool().stale_forms() == []


def test_a_form_edited_without_recompiling_is_reported(tmp_path, monkeypatch):
    tool = _tool()
    source = tmp_path / "ui" / "probe.ui"
    source.parent.mkdir()
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><ui version="4.0"><class>Probe</class>'
        '<widget class="QWidget" name="Probe"/><resources/><connections/></ui>',
        encoding="utf-8",
    )
    compiled = tmp_path / "forms"
    compiled.mkdir()
    monkeypatch.setattr(tool, "SOURCES", source.parent)
    monkeypatch.setattr(tool, "COMPILED", compiled)
    tool.compile_one(source, tool.compiled_name(source))
    assert tool.stale_forms() == []
    source.write_text(source.read_text().replace("Probe</class>", "Probe2</class>"))
    assert tool.stale_forms() == ["probe.ui: ui_probe.py is stale or missing"]
    (compiled / "ui_orphan.py").write_text("")
    assert "ui_orphan.py: no ui/ source" in tool.stale_forms()

"""DESIGN.md §3: dependencies point one way. An AST walk over the package enforces it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parent.parent / "lapor_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "forms" not in p.parts)


def rel(p: Path) -> str:
    return p.relative_to(PKG.parent).as_posix()


def is_top(name: str, *tops: str) -> bool:
    return any(name == t or name.startswith(t + ".") for t in tops)


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_qt_only_in_gui_and_app(path: Path) -> None:
    r = rel(path)
    if r.startswith("lapor_desktop/gui/") or r == "lapor_desktop/app.py":
        return
    qt = {n for n in imported_modules(path) if is_top(n, "PySide6", "shiboken6")}
    assert not qt, f"{r} imports Qt: {qt}"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_gui_never_touches_the_database(path: Path) -> None:
    if not rel(path).startswith("lapor_desktop/gui/"):
        return
    bad = {
        n
        for n in imported_modules(path)
        if is_top(n, "peewee", "playhouse", "sqlcipher3", "psycopg", "lapor_desktop.db")
    }
    assert not bad, f"{rel(path)} imports the database layer: {bad}"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_domain_is_standard_library_only(path: Path) -> None:
    if not rel(path).startswith("lapor_desktop/domain/"):
        return
    import sys

    for name in imported_modules(path):
        top = name.split(".")[0]
        # holidays is imported lazily by calendar.kampar_calendar only (the data source).
        allowed = (
            top in sys.stdlib_module_names
            or top == "holidays"
            or (is_top(name, "lapor_desktop.domain"))
        )
        assert allowed, f"{rel(path)} imports {name}"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_pdf_renders_plain_data(path: Path) -> None:
    if not rel(path).startswith("lapor_desktop/pdf/"):
        return
    bad = {
        n
        for n in imported_modules(path)
        if is_top(n, "peewee", "playhouse", "lapor_desktop.db", "lapor_desktop.services")
    }
    assert not bad, f"{rel(path)} imports {bad}"


def test_the_walk_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("import os\nfrom PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in imported_modules(bad)

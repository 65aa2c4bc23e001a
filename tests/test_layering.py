"""DESIGN.md §3: dependencies point one way. An AST walk over the package enforces it."""

from __future__ import annotations

import ast
import functools
import sys
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


# ---------------------------------------------------------------- the package as a graph
# Every import counts, at module level or inside a function (a lazy import is still a
# dependency: it runs the other module, only later) and under TYPE_CHECKING. An import of
# `a.b.c` is an edge to `a.b.c`, not to the packages `a` and `a.b` it passes through (as in
# pylint's cyclic-import): a package's __init__ importing its own submodules is no circle.

GENERATED = {"lapor_desktop/domain/region_codes.py"}  # bench/gen_region_codes.py writes it
MAX_LINES = 1000


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in modules()}


def _absolute(node: ast.ImportFrom, here: str, is_package: bool) -> str | None:
    if node.level == 0:
        return node.module
    base = here.split(".") if is_package else here.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path, known: dict[str, Path]) -> list[tuple[str, str, int]]:
    """(module, imported name or "", line) for each import of a package module; a
    `from m import x` names x, where x may itself be a submodule of m."""
    here = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, "", node.lineno) for a in node.names if a.name in known]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, here, path.name == "__init__.py")
            if not base or not is_top(base, "lapor_desktop"):
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                if sub in known:
                    found.append((sub, "", node.lineno))
                elif base in known:
                    found.append((base, a.name, node.lineno))
    return found


def import_graph() -> dict[str, set[str]]:
    known = package_modules()
    return {
        name: {m for m, _, _ in imports_of(path, known) if m != name}
        for name, path in known.items()
    }


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[v] = min(low[v], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []


def test_the_circle_search_sees_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def borrowed_private_names(path: Path, known: dict[str, Path]) -> list[str]:
    """`from m import _x`, or `m._x` through a name bound to another package module."""
    here = module_name(path)
    found = [
        f"{line}: from {m} import {name}"
        for m, name, line in imports_of(path, known)
        if name and _private(name) and m != here
    ]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bound: dict[str, str] = {}  # local name -> package module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in known:
                    bound[a.asname or a.name.split(".")[0]] = (
                        a.name if a.asname else a.name.split(".")[0]
                    )
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, here, path.name == "__init__.py")
            for a in node.names:
                if base and f"{base}.{a.name}" in known:
                    bound[a.asname or a.name] = f"{base}.{a.name}"
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name)
            and bound.get(node.value.id, here) != here
        ):
            found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_no_private_name_imported_across_modules(path: Path) -> None:
    borrowed = borrowed_private_names(path, package_modules())
    assert not borrowed, f"{rel(path)} uses private names of other modules: {borrowed}"


def test_the_private_name_check_sees_a_borrower(tmp_path: Path, monkeypatch) -> None:
    pkg = tmp_path / "lapor_desktop"
    (pkg / "services").mkdir(parents=True)
    for name in ("__init__.py", "services/__init__.py", "services/a.py"):
        (pkg / name).write_text("def _x(): ...\n")
    b = pkg / "services" / "b.py"
    b.write_text(
        "from lapor_desktop.services.a import _x\n"
        "from lapor_desktop.services import a\n"
        "from . import a as aa\n"
        "a._x(); aa._x(); a.__name__\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PKG", pkg)
    known = {module_name(p): p for p in pkg.rglob("*.py")}
    assert borrowed_private_names(b, known) == [
        "1: from lapor_desktop.services.a import _x",
        "4: a._x",
        "4: aa._x",
    ]


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_services_never_import_gui_or_cli(path: Path) -> None:
    if not rel(path).startswith("lapor_desktop/services/"):
        return
    bad = {
        m
        for m, _, _ in imports_of(path, package_modules())
        if is_top(m, "lapor_desktop.gui", "lapor_desktop.cli", "lapor_desktop.app")
    }
    assert not bad, f"{rel(path)} imports {bad}"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_db_never_imports_services(path: Path) -> None:
    if not rel(path).startswith("lapor_desktop/db/"):
        return
    bad = {m for m in imported_modules(path) if is_top(m, "lapor_desktop.services")}
    bad |= {
        m for m, _, _ in imports_of(path, package_modules()) if is_top(m, "lapor_desktop.services")
    }
    assert not bad, f"{rel(path)} imports {bad}"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_no_module_over_a_thousand_lines(path: Path) -> None:
    if rel(path) in GENERATED:
        return
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{rel(path)} has {lines} lines; split it by what it does"

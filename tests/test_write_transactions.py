"""DESIGN.md §3: a writing transaction takes SQLite's write lock up front (BEGIN IMMEDIATE).

A deferred transaction that reads and then writes fails at once with "database is locked"
when another process committed in between, whatever the busy timeout. An AST walk keeps
every transaction of the package immediate: `database_proxy.atomic("IMMEDIATE")` is the
one way to open one (nested, it becomes a savepoint of the outer one).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).parent.parent / "lapor_desktop"
# PostgreSQL (the central database) has no BEGIN IMMEDIATE; its transactions are its own.
NOT_SQLITE = {
    "lapor_desktop/db/central.py",
    "lapor_desktop/central/admin.py",
    "lapor_desktop/central/feed.py",
    "lapor_desktop/sync/link.py",  # the transport: only the central side of a sync
    "lapor_desktop/sync/blob_link.py",  # attachment transport: central side only
}
# Where the statement itself is issued (peewee's begin(), wrapped to notice waiting).
ISSUES_BEGIN = {"lapor_desktop/db/database.py"}
# Holds a READ transaction on the source for the whole online backup (one consistent
# snapshot); it never writes through it. The target's write is the backup API's own.
READS_ONLY = {"lapor_desktop/db/snapshot.py"}


def modules() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "forms" not in p.parts)


def rel(p: Path) -> str:
    return p.relative_to(PKG.parent).as_posix()


def _immediate(call: ast.Call) -> bool:
    args = [*call.args, *(k.value for k in call.keywords if k.arg == "lock_type")]
    return bool(args) and isinstance(args[0], ast.Constant) and args[0].value == "IMMEDIATE"


def deferred_transactions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name == "atomic" and not _immediate(node):
                found.append(f"line {node.lineno}: .atomic() without 'IMMEDIATE'")
            elif name in ("transaction", "manual_commit"):
                found.append(f"line {node.lineno}: .{name}() (use .atomic('IMMEDIATE'))")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            sql = node.value.strip().upper().rstrip(";")
            if sql == "BEGIN" or sql.startswith(("BEGIN DEFERRED", "BEGIN TRANSACTION")):
                found.append(f"line {node.lineno}: {node.value!r}")
    return found


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_no_deferred_write_transaction(path: Path) -> None:
    if rel(path) in NOT_SQLITE:
        return
    found = deferred_transactions(path)
    if rel(path) in ISSUES_BEGIN | READS_ONLY:
        found = [f for f in found if ".atomic()" in f]
    assert not found, f"{rel(path)} opens a deferred transaction: {found}"


def test_the_guard_sees_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "with database_proxy.atomic():\n    pass\n"
        "with db.transaction():\n    pass\n"
        "db.execute_sql('BEGIN')\n"
        "with database_proxy.atomic('IMMEDIATE'):\n    pass\n"
        "with db.atomic(lock_type='IMMEDIATE'):\n    pass\n"
        "db.execute_sql('BEGIN IMMEDIATE')\n",
        encoding="utf-8",
    )
    assert [f.split(":")[0] for f in deferred_transactions(bad)] == ["line 1", "line 3", "line 5"]

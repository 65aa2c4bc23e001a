"""Compile the Qt Designer forms in ui/ into lapor_desktop/gui/forms/ui_<name>.py.

    uv run python tools/compile_ui.py          # regenerate every compiled form
    uv run python tools/compile_ui.py --check  # exit 1 when a compiled form is stale or orphaned

The compiled modules are committed (the app must not need pyside6-uic at run time);
tests/gui/test_forms_fresh.py runs `--check` so a form edited in Designer and not
recompiled fails the suite.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
COMPILED = ROOT / "lapor_desktop" / "gui" / "forms"


def _uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    return found or "pyside6-uic"


def compiled_name(source: Path) -> Path:
    return COMPILED / f"ui_{source.stem}.py"


def compile_one(source: Path, target: Path) -> None:
    subprocess.run([_uic(), str(source), "-o", str(target)], check=True)


def stale_forms() -> list[str]:
    """Names of forms whose committed module differs from a fresh compile, or lacks a source."""
    problems: list[str] = []
    sources = sorted(SOURCES.glob("*.ui"))
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            fresh = Path(tmp) / f"ui_{source.stem}.py"
            compile_one(source, fresh)
            committed = compiled_name(source)
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{source.name}: {committed.name} is stale or missing")
    expected = {compiled_name(s).name for s in sources}
    for module in sorted(COMPILED.glob("ui_*.py")):
        if module.name not in expected:
            problems.append(f"{module.name}: no ui/ source")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_forms()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    for source in sorted(SOURCES.glob("*.ui")):
        compile_one(source, compiled_name(source))
        print(f"{source.name} -> {compiled_name(source).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

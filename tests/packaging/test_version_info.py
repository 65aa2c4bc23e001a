"""The Windows version resource of the bundle says the package's version (build.spec
writes it with packaging/version_info.py at every build; PyInstaller reads the file with
eval() into its versioninfo classes, which need pefile, a Windows-only dependency, so the
file is read here with stand-ins of the same names)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from lapor_desktop import __version__

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import version_info

CLASSES = (
    "VSVersionInfo",
    "FixedFileInfo",
    "StringFileInfo",
    "StringTable",
    "StringStruct",
    "VarFileInfo",
    "VarStruct",
)


def _read(path: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}

    def stand_in(name: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
            if name == "StringStruct":
                found[args[0]] = args[1]
            if name == "FixedFileInfo":
                found["ffi"] = kwargs
            return name, args, kwargs

        return make

    eval(path.read_text(encoding="utf-8"), {n: stand_in(n) for n in CLASSES})
    return found


def test_resource_carries_the_package_version(tmp_path: Path) -> None:
    found = _read(version_info.write(tmp_path / "v.txt"))
    assert found["FileVersion"] == found["ProductVersion"] == __version__
    assert found["ProductName"] == "LAPOR Desktop"
    assert found["OriginalFilename"] == "lapor-desktop.exe"
    assert found["ffi"]["filevers"] == version_info.numeric(__version__)


def test_numeric_part_of_prereleases() -> None:
    assert version_info.numeric("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.numeric("2.0") == (2, 0, 0, 0)

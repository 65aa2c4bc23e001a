"""Writes the Windows version resource of the executables from the package version.

`build.spec` calls `write(path)` at build time, so the file version, the product version
and the About box (`lapor_desktop.__version__`) never disagree. Run on its own
(`python packaging/version_info.py OUT.txt`) to look at the file it makes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMPANY = "Pemerintah Kabupaten Kampar"
PRODUCT = "LAPOR Desktop"
DESCRIPTION = "LAPOR Desktop - pengelolaan pengaduan SP4N LAPOR! Kabupaten Kampar"
COPYRIGHT = "Lisensi MIT"


def package_version() -> str:
    """`__version__` of lapor_desktop, read from its source (nothing imported)."""
    text = (ROOT / "lapor_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("lapor_desktop/__init__.py has no __version__")
    return found.group(1)


def numeric(version: str) -> tuple[int, int, int, int]:
    """Four numbers for the fixed part of the resource: '1.2.3rc1' -> (1, 2, 3, 0)."""
    parts = [int(m) for m in re.findall(r"\d+", version.split("+")[0])[:3]]
    parts += [0] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def text(version: str, exe_name: str) -> str:
    nums = numeric(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Made by packaging/version_info.py from lapor_desktop.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '042104b0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0421, 1200])])
  ]
)
"""


def write(path: Path, exe_name: str = "lapor-desktop") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text(package_version(), exe_name), encoding="utf-8")
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "version_info.txt"
    print(write(out))

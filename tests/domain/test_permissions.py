"""domain/permissions.py: the one table of who may open, print, attach and reveal; the GUI
and the CLI show what it says and write no role code of their own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lapor_desktop.domain.permissions import (
    capabilities,
    case_documents,
    document_applies,
    pages_for,
    start_page,
)
from lapor_desktop.domain.workflow import Role

PKG = Path(__file__).parent.parent.parent / "lapor_desktop"
R = Role


def test_pages_per_role() -> None:
    assert pages_for(R.FRONT_DESK) == (
        "beranda", "loket", "laporan", "periksa_surat", "sinkronisasi",
    )  # fmt: skip
    assert pages_for(R.OPD_HEAD) == (
        "kotak_masuk", "beranda", "persetujuan", "jatuh_tempo", "laporan", "rekap", "register",
        "periksa_surat", "sinkronisasi",
    )  # fmt: skip
    assert pages_for(R.SYS_ADMIN) == (
        "pengguna", "kantor", "aturan", "kop_surat", "cadangan", "sinkronisasi",
    )  # fmt: skip
    assert capabilities(R.SYS_ADMIN).manages_sync
    assert not any(capabilities(r).manages_sync for r in R if r != R.SYS_ADMIN)
    assert pages_for(R.SYSTEM) == ()
    assert start_page(R.FRONT_DESK) == "loket"
    assert start_page(R.AUDITOR) == "beranda"
    assert start_page(R.SYS_ADMIN) == "pengguna"
    assert start_page(R.OPD_ADMIN) == start_page(R.OPD_HEAD) == "kotak_masuk"


def test_capabilities() -> None:
    admin, desk = capabilities(R.ADMIN_KABUPATEN), capabilities(R.FRONT_DESK)
    assert admin.badges == ("verify", "overdue") and admin.runs_automation
    assert desk.badges == () and not desk.watches_deadlines and desk.may_reveal_nik
    opd = capabilities(R.OPD_ADMIN)
    assert opd.may_attach and not opd.may_reveal_nik and opd.watches_deadlines
    assert capabilities(R.OPD_HEAD).badges == ("inbox", "approve", "overdue")
    auditor = capabilities(R.AUDITOR)
    assert not auditor.may_attach and auditor.printable == {"history", "monthly"}
    sysadmin = capabilities(R.SYS_ADMIN)
    assert not sysadmin.reads_cases and not sysadmin.printable and not sysadmin.may_attach


def test_documents_follow_the_case() -> None:
    assert case_documents(R.ADMIN_KABUPATEN, "DITERIMA", None, ["INTAKE"]) == (
        "receipt",
        "history",
    )
    disposed = ["INTAKE", "VERIFY", "DISPOSE"]
    assert case_documents(R.ADMIN_KABUPATEN, "TERDISPOSISI", "PUPR", disposed) == (
        "receipt", "disposition", "forwarding", "history"
    )  # fmt: skip
    # Handed back ("bukan wewenang"): no OPD now, so no disposition sheet.
    assert not document_applies("disposition", "TERVERIFIKASI", None, disposed)
    assert case_documents(R.OPD_ADMIN, "DIJAWAB", "PUPR", disposed) == ("answer", "history")
    assert case_documents(R.FRONT_DESK, "SELESAI", "PUPR", disposed) == ("receipt",)
    assert case_documents(R.SYS_ADMIN, "SELESAI", "PUPR", disposed) == ()


def _front_ends() -> list[Path]:
    out = sorted((PKG / "gui").rglob("*.py")) + sorted(PKG.glob("cli*.py"))
    if (PKG / "cli").is_dir():
        out += sorted((PKG / "cli").rglob("*.py"))
    return [p for p in out if "forms" not in p.parts]


@pytest.mark.parametrize("path", _front_ends(), ids=lambda p: p.relative_to(PKG).as_posix())
def test_gui_and_cli_name_no_role(path: Path) -> None:
    """Who may do what is decided in domain/ and services/; a front end that wrote
    `Role.ADMIN_KABUPATEN` would keep a second copy of a rule."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = [
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Role"
        and node.attr in Role.__members__
    ]
    assert not named, f"{path.name} decides by role code: {named}"

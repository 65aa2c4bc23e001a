"""Sample pages of every official document for the README, from the current renderer.

    .tools/bin/uv run --frozen python docs/make_letter_samples.py [--cases 300] [--out docs/letters]

Builds a throw-away encrypted database with the demo data (the same world as
docs/make_screenshots.py: key in an in-memory keyring, fixed clock 27 November 2026),
produces each document through the services as the app would (with its verification
pointer, numbers from the register) and renders every page to PNG with
`pdftoppm -png -gray -r 60` (poppler-utils). The 3-case forwarding letter is
`pdf.samples.forwarding()` with a pointer made the same way (a letter from the services
forwards one case). Look at each PNG before committing them.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import keyring  # noqa: E402
from make_screenshots import build_world  # noqa: E402

from lapor_desktop.memory_keyring import MemoryKeyring  # noqa: E402


def _pick(status: tuple[str, ...], opd: str | None = None, escalated: bool = False) -> str:
    """The oldest demo case in one of these statuses (at this OPD), not anonymous."""
    from lapor_desktop.db.models import Complaint, Office

    q = Complaint.select(Complaint.ticket).where(
        Complaint.status.in_(status) & ~Complaint.anonim & ~Complaint.rahasia
    )
    if opd:
        q = q.where(Complaint.opd == Office.get(Office.code == opd).id)
    if escalated:
        q = q.where(Complaint.escalated_at.is_null(False))
    row = q.order_by(Complaint.received_at.desc()).first()
    if row is None:
        raise SystemExit(f"no demo case in {status} at {opd}")
    return str(row.ticket)


def documents_of(ctxs: dict) -> dict[str, bytes]:  # type: ignore[type-arg]
    from lapor_desktop import pdf
    from lapor_desktop.pdf import samples
    from lapor_desktop.services import documents, letterhead_settings
    from lapor_desktop.services.verification import Pointer, content_hash, format_pointer

    admin, loket, head = ctxs["admin"], ctxs["loket"], ctxs["kepala"]
    three = samples.forwarding()
    three = dataclasses.replace(
        three, verification_url=format_pointer(Pointer("-", three.nomor, content_hash(three)))
    )
    answered = _pick(("SELESAI", "DIJAWAB"), "PUPR")
    disposed = _pick(("TERDISPOSISI", "DIPROSES"), "PUPR")
    return {
        "01-tanda-terima": documents.receipt_pdf(loket, _pick(("DITERIMA",))),
        "02-lembar-disposisi": documents.disposition_pdf(admin, disposed),
        "03-surat-penerusan": documents.forwarding_pdf(admin, disposed),
        "04-surat-penerusan-3-kasus": pdf.render_forwarding(
            three, letterhead_settings.file_templates()
        ),
        "05-surat-jawaban": documents.answer_pdf(head, answered),
        "06-surat-ombudsman": documents.ombudsman_pdf(admin, "bulan November 2026"),
        "07-riwayat-kasus": documents.history_pdf(admin, answered),
        "08-rekap-bulanan": documents.monthly_pdf(
            admin,
            2026,
            10,
            kendala="Jaringan internet di beberapa kecamatan sering terputus.",
            upaya="Koordinasi dengan Dinas Kominfo provinsi untuk perluasan jaringan.",
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--out", type=Path, default=HERE / "letters")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="lapor-letters-") as tmp:
        store, _base, ctxs = build_world(Path(tmp) / "data", args.cases)
        try:
            docs = documents_of(ctxs)
        finally:
            store.close()
        for name, data in docs.items():
            source = Path(tmp) / f"{name}.pdf"
            source.write_bytes(data)
            subprocess.run(
                ["pdftoppm", "-png", "-gray", "-r", "60", str(source), str(args.out / name)],
                check=True,
            )
    for png in sorted(args.out.glob("*.png")):
        print(png.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())

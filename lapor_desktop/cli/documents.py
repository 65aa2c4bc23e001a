"""The `letter` and `report` commands (official documents as PDF/XLSX files).

    letter receipt|disposition|forwarding|answer|history TICKET --out FILE.pdf
    letter ombudsman [--period TEKS] --out FILE.pdf
    report monthly --month YYYY-MM [--opd KODE] --out FILE.pdf|FILE.xlsx
    letterhead show|set|reset KODE   (system admin)
    verify FILE.pdf                  (a produced document against the register)

Acting as `--user NAME` like the casework commands (cli.session.signed_in). The file is
written atomically (a temporary file in the same folder, then renamed), so a failure
leaves no half-written file and never clobbers an existing one with garbage.
Exit codes: 0 done, 1 refused or invalid, 2 usage (bad extension, missing ticket, …).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lapor_desktop.cli.common import EXIT_OK, EXIT_REFUSED, emit_json, err, say
from lapor_desktop.cli.session import Acting, UsageError, common_options, group, signed_command

LETTER_KINDS: dict[str, str] = {
    "receipt": "tanda terima pengaduan (petugas loket, admin kabupaten)",
    "disposition": "lembar disposisi (admin kabupaten)",
    "forwarding": "surat penerusan ke OPD; nomor dicadangkan sekali (admin kabupaten)",
    "answer": "surat jawaban ke pelapor, laporan berstatus DIJAWAB/SELESAI (admin "
    "kabupaten, OPD penerbit)",
    "ombudsman": "penyampaian laporan yang dieskalasi ke Ombudsman; tanpa TIKET (admin kabupaten)",
    "history": "riwayat kasus (admin kabupaten, OPD yang menangani, auditor)",
}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _out(value: str, allowed: tuple[str, ...]) -> Path:
    path = Path(value).expanduser()
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise UsageError(
            f"--out harus berakhiran {' atau '.join(allowed)} (bukan '{path.name}'); "
            "format berkas ditentukan dari akhirannya"
        )
    if path.is_dir():
        raise UsageError(f"--out menunjuk sebuah folder: {path}")
    return path


def month_arg(value: str) -> tuple[int, int]:
    m = _MONTH.match(value.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"bulan harus berformat YYYY-MM, bukan '{value}'")
    return int(m.group(1)), int(m.group(2))


def _size(data: bytes) -> str:
    return f"{len(data):,}".replace(",", ".")


def _done(path: Path, data: bytes, what: str) -> int:
    from lapor_desktop.services.outfile import write_file

    write_file(path, data)  # whole or not at all
    say(f"{what} disimpan: {path} ({_size(data)} bita).")
    return EXIT_OK


# ---------------------------------------------------------------- letter


def _letter(kind: str) -> Callable[[argparse.Namespace, Acting], int]:
    def body(args: argparse.Namespace, a: Acting) -> int:
        from lapor_desktop.services import documents

        out = _out(args.out, (".pdf",))
        ticket = (args.ticket or "").strip()
        label = documents.DOCUMENT_LABELS[kind].capitalize()
        if kind in ("ombudsman", "forwarding"):
            # Numbered on print: the service writes the file in the transaction that
            # reserves the number, so a failed write leaves the register unchanged.
            if kind == "ombudsman":
                if ticket:
                    raise UsageError("'letter ombudsman' tidak memakai TIKET")
                doc = documents.ombudsman_document(a.ctx, period=args.period or "", out=out)
            else:
                if not ticket:
                    raise UsageError(f"'letter {kind}' memerlukan TIKET")
                doc = documents.forwarding_document(a.ctx, ticket, out=out)
            from lapor_desktop.cli.signing import say_signature

            say(f"{label} disimpan: {out} ({_size(doc.data)} bita).")
            say_signature(doc)
            return EXIT_OK
        if not ticket:
            raise UsageError(f"'letter {kind}' memerlukan TIKET")
        make: dict[str, Callable[[Any, str], Any]] = {
            "receipt": documents.receipt_pdf,
            "disposition": documents.disposition_pdf,
            "answer": documents.answer_document,
            "history": documents.history_pdf,
        }
        data: Any = make[kind](a.ctx, ticket)
        if isinstance(data, documents.Document):  # a letter that may be e-signed
            from lapor_desktop.cli.signing import say_signature

            rc = _done(out, data.data, label)
            say_signature(data)
            return rc
        return _done(out, data, label)

    def warned(args: argparse.Namespace, a: Acting) -> int:
        rc = body(args, a)
        if rc == EXIT_OK:
            from lapor_desktop.services import documents

            # On stderr, exit code unchanged: the letter printed, but not on the office's own
            # kop or with a full signer (letterhead_settings.letterhead_gaps).
            ticket = (getattr(args, "ticket", None) or "").strip()
            warning = documents.print_warning(a.ctx, kind, ticket)
            if warning:
                err(warning)
        return rc

    return warned


def _early_checks(kind: str, args: argparse.Namespace) -> None:
    """Usage problems found before the database is opened (exit 2, nothing asked)."""
    if kind == "report":
        _out(args.out, (".pdf", ".xlsx"))
    else:
        _out(args.out, (".pdf",))
        ticket = (getattr(args, "ticket", None) or "").strip()
        if args.letter_kind == "ombudsman" and ticket:
            raise UsageError("'letter ombudsman' tidak memakai TIKET")
        if args.letter_kind != "ombudsman" and not ticket:
            raise UsageError(f"'letter {args.letter_kind}' memerlukan TIKET")


def _checked(kind: str, label: str, body: Callable[[argparse.Namespace, Acting], int]) -> Any:
    handler = signed_command(label, body)

    def run(args: argparse.Namespace) -> int:
        try:
            _early_checks(kind, args)
        except UsageError as exc:
            err(f"lapor-desktop {label}: kesalahan penggunaan: {exc}")
            return 2
        return handler(args)

    return run


# ---------------------------------------------------------------- report


def report_monthly(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import documents

    out = _out(args.out, (".pdf", ".xlsx"))
    year, month = args.month
    if out.suffix.lower() == ".xlsx":
        data = documents.monthly_xlsx(a.ctx, year, month, args.opd)
        return _done(out, data, "Rekapitulasi bulanan (XLSX)")
    data = documents.monthly_pdf(
        a.ctx, year, month, args.opd, kendala=args.kendala or "", upaya=args.upaya or ""
    )
    rc = _done(out, data, "Rekapitulasi bulanan (PDF)")
    # The PDF's kop and signer (the regency office's, or the OPD's): a sample or borrowed
    # one is named on stderr, exit code unchanged (the XLSX prints neither).
    warning = documents.print_warning(a.ctx, "monthly", opd=args.opd)
    if warning:
        err(warning)
    return rc


# ---------------------------------------------------------------- letterhead


def _print_letterhead(cfg: Any, as_json: bool) -> None:
    if as_json:
        emit_json(cfg)
        return
    lh, sig = cfg.letterhead, cfg.signatory
    say(f"Kop surat {cfg.office_code} ({cfg.office_name}) — sumber: {cfg.source}")
    for gap in cfg.gaps:
        say(f"  Peringatan: {gap}")
    for label, value in (
        ("Pemerintah", lh.government),
        ("Kantor", lh.office),
        ("Alamat", lh.address),
        ("Telepon", lh.phone),
        ("Laman", lh.website),
        ("Pos-el", lh.email),
        ("Lambang", lh.emblem),
        ("Tempat", lh.city),
    ):
        say(f"  {label:<11}: {value or '-'}")
    if sig is None:
        say("  Penanda tangan: - (kepala OPD dari daftar pengguna)")
    else:
        say(f"  Penanda tangan: {sig.jabatan} — {sig.name}")
        say(f"  Pangkat/NIP   : {sig.pangkat or '-'} / {sig.nip or '-'}")


def letterhead_show(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import letterhead_settings as ls

    _print_letterhead(ls.get_letterhead(a.ctx, args.office), args.json)
    return EXIT_OK


# (option, field, metavar, help) of `letterhead set`: its parser and what it changes, from
# one list — the Letterhead's fields, then the Signatory's.
type Option = tuple[str, str, str, str | None]
LETTERHEAD_OPTIONS: tuple[Option, ...] = (
    ("--government", "government", "TEKS", "mis. PEMERINTAH KABUPATEN KAMPAR"),
    ("--office-name", "office", "TEKS", "nama kantor pada kop"),
    ("--address", "address", "TEKS", None),
    ("--phone", "phone", "TEKS", None),
    ("--website", "website", "TEKS", None),
    ("--email", "email", "TEKS", None),
    ("--emblem", "emblem", "BERKAS", "gambar lambang PNG/JPEG"),
    ("--city", "city", "TEKS", "tempat surat, mis. Bangkinang"),
)
SIGNER_OPTIONS: tuple[Option, ...] = (
    ("--signer-jabatan", "jabatan", "TEKS", None),
    ("--signer-name", "name", "TEKS", None),
    ("--signer-pangkat", "pangkat", "TEKS", None),
    ("--signer-nip", "nip", "NIP", None),
    ("--signer-an", "an", "TEKS", "baris a.n., mis. a.n. BUPATI KAMPAR"),
)


def _given(args: argparse.Namespace, options: tuple[Option, ...]) -> dict[str, Any]:
    """field -> value of the options given on the command line (the rest stay as they are)."""
    values = {field: getattr(args, option[2:].replace("-", "_")) for option, field, *_ in options}
    return {field: v for field, v in values.items() if v is not None}


def letterhead_set(args: argparse.Namespace, a: Acting) -> int:
    import dataclasses

    from lapor_desktop.pdf.data import Signatory
    from lapor_desktop.services import letterhead_settings as ls

    current = ls.get_letterhead(a.ctx, args.office)
    letterhead = dataclasses.replace(current.letterhead, **_given(args, LETTERHEAD_OPTIONS))
    sig_changes = _given(args, SIGNER_OPTIONS)
    signatory = current.signatory
    if sig_changes:
        base = signatory or Signatory(jabatan="", name="")
        signatory = dataclasses.replace(base, **sig_changes)
    cfg = ls.save_letterhead(a.ctx, args.office, letterhead, signatory)
    _print_letterhead(cfg, args.json)
    return EXIT_OK


def letterhead_reset(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import letterhead_settings as ls

    _print_letterhead(ls.reset_letterhead(a.ctx, args.office), args.json)
    return EXIT_OK


# ---------------------------------------------------------------- parser


# ---------------------------------------------------------------- verify


def verify(args: argparse.Namespace, a: Acting) -> int:
    """Exit 0 (SAH): the document is ours with this content (signature intact, or the very
    file produced); 1 (TIDAK SAH / TIDAK DIKENAL): not, with the reason; 2: usage."""
    from lapor_desktop.services import verification

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"berkas tidak dapat dibaca: {path} ({exc.strerror or exc})") from None
    result = verification.verify_pdf(a.ctx, data)
    if args.json:
        emit_json(result)
    else:
        say(f"{result.verdict}: {result.reason}.")
        for name in result.signers if result.valid else ():
            say(f"Penanda tangan elektronik: {name}")
    return EXIT_OK if result.valid else EXIT_REFUSED


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    common = common_options()
    plain = common_options(json_flag=False)
    s = sub.add_parser(
        "verify",
        help="periksa surat PDF (penanda QR/metadata) terhadap register dan tanda tangannya",
        description="Periksa berkas surat, tanda terima, lembar disposisi atau riwayat kasus: "
        "nomor (atau jenis dokumen) dan tiket ada di register, isinya (sidik) sama dengan "
        "yang diterbitkan, dan tanda tangan elektroniknya utuh bila ada; tanpa tanda tangan "
        "elektronik, berkasnya harus sama persis dengan yang dibuat. Hasil SAH, TIDAK SAH "
        "atau TIDAK DIKENAL; kode keluar 0 sah, 1 tidak sah/tidak dikenal (dengan "
        "alasannya), 2 kesalahan penggunaan.",
        parents=[common],
    )
    s.add_argument("file", metavar="BERKAS.pdf")
    s.set_defaults(handler=signed_command("verify", verify))

    g = sub.add_parser(
        "letter",
        help="cetak surat/dokumen resmi ke berkas PDF",
        description="Cetak dokumen resmi satu laporan ke berkas PDF (ditulis secara atomik).",
    )
    gs = g.add_subparsers(dest="letter_kind", required=True, metavar="JENIS")
    for kind, help_text in LETTER_KINDS.items():
        s = gs.add_parser(kind, help=help_text, description=help_text, parents=[plain])
        s.add_argument("ticket", metavar="TIKET", nargs="?", help="nomor tiket laporan")
        s.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
        if kind == "ombudsman":
            s.add_argument("--period", metavar="TEKS", help="periode, mis. 'bulan November 2026'")
        s.set_defaults(handler=_checked("letter", f"letter {kind}", _letter(kind)))

    g = sub.add_parser("report", help="laporan berkala")
    gs = g.add_subparsers(dest="report_kind", required=True, metavar="JENIS")
    s = gs.add_parser(
        "monthly",
        help="rekapitulasi bulanan (PDF atau XLSX menurut akhiran --out)",
        description="Rekapitulasi bulanan pengelolaan pengaduan untuk kabupaten atau satu OPD. "
        "Admin kabupaten dan auditor: semua; pengguna OPD: OPD-nya sendiri.",
        parents=[plain],
    )
    s.add_argument("--month", required=True, type=month_arg, metavar="YYYY-MM")
    s.add_argument("--opd", metavar="KODE", help="hanya OPD ini")
    s.add_argument("--out", required=True, metavar="BERKAS", help="BERKAS.pdf atau BERKAS.xlsx")
    s.add_argument("--kendala", metavar="TEKS", help="III. kendala (PDF)")
    s.add_argument("--upaya", metavar="TEKS", help="III. upaya tindak lanjut (PDF)")
    s.set_defaults(handler=_checked("report", "report monthly", report_monthly))

    gs = group(sub, "letterhead", help="kop surat dan penanda tangan (administrator sistem)")
    s = gs.add_parser("show", help="tampilkan kop surat sebuah kantor", parents=[common])
    s.add_argument("office", metavar="KODE")
    s.set_defaults(handler=signed_command("letterhead show", letterhead_show))
    s = gs.add_parser(
        "set", help="ubah kop surat/penanda tangan (yang tidak disebut tetap)", parents=[common]
    )
    s.add_argument("office", metavar="KODE")
    for option, _field, metavar, option_help in LETTERHEAD_OPTIONS + SIGNER_OPTIONS:
        s.add_argument(option, metavar=metavar, help=option_help)
    s.set_defaults(handler=signed_command("letterhead set", letterhead_set))
    s = gs.add_parser("reset", help="kembalikan kop surat ke bawaan", parents=[common])
    s.add_argument("office", metavar="KODE")
    s.set_defaults(handler=signed_command("letterhead reset", letterhead_reset))

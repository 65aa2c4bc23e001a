"""The `signing` commands: an office's certificate for electronic signatures (system admin).

    signing set KODE --pfx BERKAS.p12   passphrase from LAPOR_SIGN_PASSPHRASE or asked
    signing show KODE [--json]
    signing remove KODE

Acting as `--user NAME` like the casework commands. The passphrase goes to the OS keyring
only (services.signing_settings); without a keyring `signing set` refuses (exit 1).
`say_signature` tells the `letter` commands' user whether the PDF was signed.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from lapor_desktop.cli.common import EXIT_OK, emit_json, err, prompt_secret, say
from lapor_desktop.cli.session import Acting, common_options, group, signed_command

PASSPHRASE_ENV = "LAPOR_SIGN_PASSPHRASE"


def _day(value: datetime | None) -> str:
    if value is None:
        return "-"
    from lapor_desktop.pdf.dates import long_date

    return long_date(value.date())


def _print_status(st: Any, as_json: bool) -> None:
    if as_json:
        emit_json(st)
        return
    if not st.configured:
        say(f"Tanda tangan elektronik {st.office_code}: belum dipasang (surat tanpa TTE).")
        return
    state = "aktif" if st.usable else "TIDAK DAPAT DIPAKAI"
    say(f"Tanda tangan elektronik {st.office_code}: terpasang, {state}")
    say(f"  Pemilik       : {st.subject or '-'}")
    say(f"  Penerbit      : {st.issuer or '-'}")
    say(f"  Berlaku       : {_day(st.valid_from)} s.d. {_day(st.valid_until)}")
    say(f"  Nomor seri    : {st.serial or '-'}")
    say(f"  Sidik SHA-256 : {st.fingerprint or '-'}")
    say(f"  Dipasang      : {st.configured_at or '-'}")
    if st.problem:
        say(f"  Masalah       : {st.problem}")


def signing_set(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import signing_settings

    passphrase = prompt_secret("Kata sandi sertifikat: ", PASSPHRASE_ENV, twice=False)
    st = signing_settings.configure_signing(a.ctx, args.office, args.pfx, passphrase)
    if not args.json:
        say(f"Sertifikat dipasang untuk {st.office_code}; kata sandinya disimpan di keyring.")
    _print_status(st, args.json)
    return EXIT_OK


def signing_show(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import signing_settings

    _print_status(signing_settings.signing_status(a.ctx, args.office), args.json)
    return EXIT_OK


def signing_remove(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import signing_settings

    removed = signing_settings.remove_signing(a.ctx, args.office)
    code = args.office.strip().upper()
    if args.json:
        emit_json({"office_code": code, "removed": removed})
    elif removed:
        say(f"Sertifikat {code} dan kata sandinya dihapus; surat dicetak tanpa TTE.")
    else:
        say(f"Tidak ada sertifikat terpasang untuk {code}.")
    return EXIT_OK


def say_signature(doc: Any) -> None:
    """One line after a letter is written: signed or not, and why not (on stderr)."""
    if doc.signed:
        say("Tanda tangan elektronik: ya (PAdES, sertifikat kantor penerbit).")
        return
    say("Tanda tangan elektronik: tidak (ruang tanda tangan untuk tanda tangan basah).")
    if doc.note:
        err(f"Peringatan: {doc.note}")


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    common = common_options()
    gs = group(
        sub,
        "signing",
        help="sertifikat tanda tangan elektronik per kantor (administrator sistem)",
        description="Sertifikat PKCS#12 untuk tanda tangan elektronik (PAdES) surat jawaban, "
        "surat penerusan dan surat ke Ombudsman. Kata sandinya hanya disimpan di keyring.",
    )
    s = gs.add_parser(
        "set",
        help="pasang/ganti sertifikat sebuah kantor",
        description=f"Kata sandi sertifikat dari {PASSPHRASE_ENV} atau ditanyakan.",
        parents=[common],
    )
    s.add_argument("office", metavar="KODE")
    s.add_argument("--pfx", required=True, metavar="BERKAS", help="berkas .p12/.pfx")
    s.set_defaults(handler=signed_command("signing set", signing_set))
    s = gs.add_parser("show", help="tampilkan sertifikat sebuah kantor", parents=[common])
    s.add_argument("office", metavar="KODE")
    s.set_defaults(handler=signed_command("signing show", signing_show))
    s = gs.add_parser("remove", help="hapus sertifikat dan kata sandinya", parents=[common])
    s.add_argument("office", metavar="KODE")
    s.set_defaults(handler=signed_command("signing remove", signing_remove))

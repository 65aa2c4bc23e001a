"""`case <action>`: one workflow action on one case (verify, dispose, answer, …)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lapor_desktop.cli.common import EXIT_OK, emit_json, say, text_or_file
from lapor_desktop.cli.session import Acting, Body, Leaves, warn

if TYPE_CHECKING:
    from lapor_desktop.services.casework import ActionResult
    from lapor_desktop.services.context import Ctx


def _note_action(ctx: Ctx, args: argparse.Namespace) -> ActionResult:
    """`case note`: a follow-up note when this user may write one on this case now (an OPD
    user on a DIPROSES case dispositioned to its OPD) or --for-reporter is asked for;
    otherwise an internal note. The services refuse what is not allowed."""
    from lapor_desktop.domain.workflow import Action
    from lapor_desktop.services import cases, casework

    note = args.note or ""
    if args.for_reporter:
        return casework.followup_note(ctx, args.ticket, note=note, for_reporter=True)
    if Action.FOLLOWUP_NOTE in cases.get_case(ctx, args.ticket).allowed_actions:
        return casework.followup_note(ctx, args.ticket, note=note)
    return casework.internal_note(ctx, args.ticket, note=note)


def _run_action(verb: str, ctx: Ctx, args: argparse.Namespace) -> ActionResult:
    from lapor_desktop.services import casework as cw

    t, note = args.ticket, args.note or ""
    calls: dict[str, Callable[[], ActionResult]] = {
        "verify": lambda: cw.verify(
            ctx, t, category=args.category or "", klasifikasi=args.type, note=note
        ),
        "dispose": lambda: cw.dispose(
            ctx, t, opd=args.opd or "", note=note, category=args.category
        ),
        "redispose": lambda: cw.redispose(ctx, t, opd=args.opd or "", note=note),
        "hold": lambda: cw.hold(ctx, t, note=note),
        "resume": lambda: cw.resume(ctx, t, note=note),
        "archive": lambda: cw.archive(ctx, t, note=note),
        "start": lambda: cw.start(ctx, t, note=note),
        "note": lambda: _note_action(ctx, args),
        "not-ours": lambda: cw.not_ours(ctx, t, note=note, suggested_opd=args.opd),
        "answer": lambda: cw.submit_answer(ctx, t, answer=note),
        "approve": lambda: cw.approve(ctx, t, note=note),
        "send-back": lambda: cw.return_answer(ctx, t, note=note),
        "reply": lambda: cw.reporter_response(ctx, t, note=note),
        "accept": lambda: cw.accept(ctx, t, note=note),
        "close": lambda: cw.close(ctx, t, note=note),
        "escalate": lambda: cw.escalate(ctx, t, note=note),
    }
    return calls[verb]()


# verb -> (help, options it uses besides --note)
ACTION_VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "verify": (
        "verifikasi (--category wajib bila belum ada; --type klasifikasi)",
        ("category", "type"),
    ),
    "dispose": ("disposisi ke OPD (--opd wajib; --note instruksi)", ("opd", "category")),
    "redispose": ("disposisi ulang ke OPD lain (--opd wajib)", ("opd",)),
    "hold": ("tunda untuk meminta informasi (--note wajib)", ()),
    "resume": ("lanjutkan laporan yang tertunda", ()),
    "archive": ("arsipkan dengan alasan (--note wajib)", ()),
    "start": ("OPD mulai menindaklanjuti", ()),
    "note": (
        "catatan: catatan tindak lanjut bila Anda pengguna OPD yang menangani laporan "
        "berstatus DIPROSES (atau dengan --for-reporter), selain itu catatan internal "
        "(--note wajib)",
        ("for_reporter",),
    ),
    "not-ours": ("bukan wewenang OPD (--note alasan wajib; --opd OPD yang disarankan)", ("opd",)),
    "answer": ("ajukan jawaban (--note berisi teks jawaban)", ()),
    "approve": ("kepala OPD menyetujui jawaban (nomor surat dicadangkan)", ()),
    "send-back": ("kepala OPD mengembalikan jawaban (--note wajib)", ()),
    "reply": ("catat tanggapan pelapor; laporan dibuka kembali (--note wajib)", ()),
    "accept": ("pelapor menerima jawaban; laporan selesai", ()),
    "close": ("tutup laporan yang sudah dijawab", ()),
    "escalate": ("eskalasi manual ke Ombudsman", ()),
}

_OPTION_FLAGS = {
    "opd": "--opd",
    "category": "--category",
    "type": "--type",
    "for_reporter": "--for-reporter",
}


def case_action(verb: str) -> Body:
    def body(args: argparse.Namespace, a: Acting) -> int:
        used = ACTION_VERBS[verb][1]
        ignored = [
            flag for key, flag in _OPTION_FLAGS.items() if getattr(args, key) and key not in used
        ]
        if ignored:
            warn(f"Catatan: {', '.join(ignored)} tidak dipakai oleh 'case {verb}' (diabaikan).")
        r = _run_action(verb, a.ctx, args)
        if args.json:
            emit_json(
                {
                    "ticket": r.ticket,
                    "action": r.action.value,
                    "from": r.from_status.value,
                    "to": r.status.value,
                    "letter_number": r.letter_number,
                }
            )
            return EXIT_OK
        if r.from_status is r.status:
            say(f"{r.ticket}: {r.action.label} dicatat (status tetap {r.status.label}).")
        else:
            say(f"{r.ticket}: {r.action.label}; status {r.from_status.label} -> {r.status.label}.")
        if r.letter_number:
            say(f"Nomor surat dicadangkan: {r.letter_number}")
        return EXIT_OK

    return body


def add_commands(gs: Any, leaf: Leaves) -> None:
    """`case <verb>` for every action; registered by cases.add_commands into `case`."""
    for verb, (help_text, _used) in ACTION_VERBS.items():
        s = leaf(gs, verb, f"case {verb}", case_action(verb), help_text)
        s.add_argument("ticket", metavar="TIKET")
        text_or_file(
            s,
            "note",
            "catatan / alasan / teks jawaban",
            "catatan dari berkas teks UTF-8, atau dari stdin dengan -",
        )
        s.add_argument("--opd", metavar="KODE", help="OPD tujuan (atau yang disarankan)")
        s.add_argument("--category", metavar="KODE", help="kode kategori")
        s.add_argument("--type", metavar="KLASIFIKASI", help="klasifikasi (verifikasi)")
        s.add_argument(
            "--for-reporter", action="store_true", help="catatan tindak lanjut untuk pelapor"
        )

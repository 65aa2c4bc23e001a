"""CLI commands over the casework services (users, reporters, complaints, deadlines).

Every command acts as a signed-in user: `--user NAME` (before or after the subcommand, or
LAPOR_USER) with the password from LAPOR_PASSWORD or asked on the terminal. The services
decide what is allowed; this module only parses arguments and prints results.
Exit codes: 0 done, 1 refused or invalid (Indonesian message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lapor_desktop import cli
from lapor_desktop.cli import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    day_arg,
    emit_json,
    err,
    moment_arg,
    nik_arg,
    say,
    text_file_arg,
)

# ---------------------------------------------------------------- session


@dataclass(frozen=True)
class Acting:
    """The signed-in context of one command, and the password it signed in with."""

    ctx: Any  # services.context.Ctx (imported lazily: `--help` stays fast)
    password: str


class UsageError(Exception):
    """A usage problem found after parsing (e.g. no --user): exit code 2."""


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Acting]:
    """Open the database, sign in as --user, and close the database afterwards."""
    from lapor_desktop.services import storage, users
    from lapor_desktop.services.context import Ctx

    name = (getattr(args, "user", None) or "").strip()
    if not name:
        raise UsageError(
            "sebutkan pengguna dengan --user NAMA (atau variabel lingkungan LAPOR_USER)"
        )
    data_dir = cli.data_dir_of(args)
    store = storage.open_database(data_dir, cli.ask_db_secret)
    try:
        ctx = Ctx(data_dir=data_dir)
        password = cli._prompt_secret(f"Kata sandi untuk '{name}': ", "LAPOR_PASSWORD", twice=False)
        session = users.sign_in(ctx, name, password)
        if session.must_change_password and getattr(args, "handler_name", "") != "user passwd":
            print(
                f"Peringatan: kata sandi '{session.username}' harus diganti "
                f"(lapor-desktop user passwd {session.username}).",
                file=sys.stderr,
            )
        acting = Acting(ctx.as_user(session), password)
        try:
            yield acting
        finally:
            users.sign_out(acting.ctx)
    finally:
        store.close()


Body = Callable[[argparse.Namespace, Acting], int]


def signed_command(name: str, body: Body) -> Callable[[argparse.Namespace], int]:
    """A handler that signs in, runs `body`, and maps a late usage problem to exit 2."""

    def handler(args: argparse.Namespace) -> int:
        args.handler_name = name
        try:
            with signed_in(args) as acting:
                return body(args, acting)
        except UsageError as exc:
            err(f"lapor-desktop {name}: kesalahan penggunaan: {exc}")
            return EXIT_USAGE

    return handler


def warn(text: str) -> None:
    err(text)


# ---------------------------------------------------------------- input parsing (format only)


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: '{value}'") from None
    if n < 1:
        raise argparse.ArgumentTypeError("harus 1 atau lebih")
    return n


# ---------------------------------------------------------------- formatting helpers


def _fmt_dt(value: datetime | None) -> str:
    return f"{value:%d-%m-%Y %H:%M}" if value else "-"


def _fmt_day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else "-"


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


def _table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    rows = [[cli.clean(c) for c in row] for row in rows]  # widths of what is printed
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    say("  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip())
    say("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [c if len(c) <= 60 else c[:57] + "..." for c in row]
        say("  ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


# ---------------------------------------------------------------- users


def _new_password() -> str:
    return cli._prompt_secret("Kata sandi baru: ", "LAPOR_NEW_PASSWORD", twice=True)


def user_add(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    row = users.add_user(
        a.ctx,
        args.name,
        role=args.role,
        office_code=args.office,
        password=_new_password(),
        full_name=args.full_name or "",
        nip=args.nip or "",
    )
    if args.json:
        emit_json(row)
    else:
        say(f"Pengguna '{row.username}' ({row.role}) dibuat di {row.office_name}.")
    return EXIT_OK


def user_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    rows = users.list_users(a.ctx)
    if args.json:
        emit_json(rows)
        return EXIT_OK
    _table(
        ["Pengguna", "Nama", "Peran", "Kantor", "Status"],
        [
            [
                r.username,
                r.full_name,
                r.role,
                r.office_code,
                ("aktif" if r.active else "nonaktif")
                + (f", terkunci s.d. {_fmt_dt(r.locked_until)}" if r.locked_until else ""),
            ]
            for r in rows
        ],
    )
    return EXIT_OK


def user_disable(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    users.disable_user(a.ctx, args.name)
    say(f"Pengguna '{args.name.strip().lower()}' dinonaktifkan.")
    return EXIT_OK


def user_enable(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    users.enable_user(a.ctx, args.name)
    say(f"Pengguna '{args.name.strip().lower()}' diaktifkan kembali.")
    return EXIT_OK


def user_passwd(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    name = args.name.strip().lower()
    if name == a.ctx.signed_in().username:
        users.change_password(a.ctx, a.password, _new_password())
        say(f"Kata sandi '{name}' diganti.")
    else:
        users.reset_password(a.ctx, name, _new_password())
        say(f"Kata sandi '{name}' disetel ulang; wajib diganti saat masuk berikutnya.")
    return EXIT_OK


# ---------------------------------------------------------------- reference data


def office_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reference

    rows = reference.list_offices(a.ctx)
    if args.json:
        emit_json([{"code": r.code, "name": r.name, "kind": r.kind} for r in rows])
        return EXIT_OK
    _table(["Kode", "Nama", "Jenis"], [[r.code, r.name, r.kind] for r in rows])
    return EXIT_OK


def category_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reference

    rows = reference.list_categories(a.ctx)
    if args.json:
        emit_json([{"code": r.code, "name": r.name} for r in rows])
        return EXIT_OK
    _table(["Kode", "Nama"], [[r.code, r.name] for r in rows])
    return EXIT_OK


# ---------------------------------------------------------------- reporters and intake


def reporter_add(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reporters

    view = reporters.register(
        a.ctx,
        nik=args.nik,
        name=args.name,
        sex=args.sex,
        birth_date=args.birth_date,
        address=args.address or "",
        kecamatan=args.kecamatan or "",
        desa=args.desa or "",
        phone=args.phone or "",
        email=args.email or "",
        ktp_seen=args.ktp_seen,
    )
    for w in view.warnings:
        warn(f"Peringatan: {w}")
    if args.json:
        emit_json(view)
    else:
        say(f"Pelapor terdaftar: {view.name} (NIK {view.nik_masked}).")
    return EXIT_OK


def complaint_add(args: argparse.Namespace, a: Acting) -> int:
    from pathlib import Path

    from lapor_desktop.services import intake

    data = intake.ComplaintInput(
        reporter_nik=args.reporter,
        title=args.title,
        body=args.body,
        channel=args.channel,
        klasifikasi=args.type,
        category=args.category,
        location_kecamatan=args.kecamatan or "",
        location_desa=args.desa or "",
        location_text=args.location or "",
        incident_date=args.incident_date,
        received_at=args.received,
        anonim=args.anonim,
        rahasia=args.rahasia,
        tracking_id=args.tracking_id or "",
        attachments=[Path(p) for p in args.attach or []],
    )
    result = intake.log_complaint(a.ctx, data)
    for f in result.refused_files:
        warn(f"Lampiran ditolak: {f.filename}: {f.reason} (laporan tetap dicatat).")
    if args.json:
        emit_json(
            {
                "ticket": result.ticket,
                "received_at": result.received_at,
                "stored_files": list(result.stored_files),
                "refused_files": [
                    {"filename": f.filename, "reason": f.reason} for f in result.refused_files
                ],
            }
        )
    else:
        say(f"Laporan dicatat dengan nomor tiket {result.ticket}.")
        if result.stored_files:
            say(f"Lampiran disimpan: {', '.join(result.stored_files)}")
    return EXIT_OK


# ---------------------------------------------------------------- one case


def case_json(d: Any) -> dict[str, Any]:
    """CaseDetail -> the `case show --json` object (the reporter's NIK only when given)."""
    reporter: dict[str, Any] = {"name": d.reporter.name}
    if d.reporter.nik is not None:
        reporter["nik"] = d.reporter.nik
    reporter["hidden"] = d.reporter.hidden
    if not d.reporter.hidden:
        for key in ("sex", "address", "phone", "email", "identity_check"):
            value = getattr(d.reporter, key)
            if value:
                reporter[key] = value
    return {
        "ticket": d.ticket,
        "tracking_id": d.tracking_id,
        "title": d.title,
        "body": d.body,
        "status": d.status,
        "status_label": d.status_label,
        "channel": d.channel,
        "klasifikasi": d.klasifikasi,
        "category": d.category,
        "category_name": d.category_name,
        "opd": d.opd,
        "opd_name": d.opd_name,
        "location": {
            "kecamatan": d.location_kecamatan,
            "desa": d.location_desa,
            "text": d.location_text,
        },
        "incident_date": _iso(d.incident_date),
        "received_at": _iso(d.received_at),
        "anonim": d.anonim,
        "rahasia": d.rahasia,
        "escalated": d.escalated,
        "escalated_at": _iso(d.escalated_at),
        "reopened": d.reopened,
        "answer": d.answer_text,
        "reporter": reporter,
        "deadlines": {
            clock: {
                "due": _iso(row.due),
                "state": row.state,
                "label": row.label,
                "done_at": _iso(row.done_at),
            }
            for clock, row in d.deadlines.items()
        },
        "actions": [
            {
                "seq": r.seq,
                "action": r.action,
                "label": r.action_label,
                "from": r.from_status,
                "to": r.to_status,
                "by": r.by,
                "role": r.role,
                "office": r.office,
                "opd": r.opd,
                "at": _iso(r.at),
                "note": r.note,
                "for_reporter": r.for_reporter,
            }
            for r in d.actions
        ],
        "attachments": [
            {
                "filename": x.filename,
                "mime": x.mime,
                "size": x.size,
                "sha256": x.sha256,
                "available": x.available,
            }
            for x in d.attachments
        ],
        "allowed_actions": [x.value for x in d.allowed_actions],
        "intake_office": d.intake_office,
        "created_by": d.created_by,
    }


def _print_case(d: Any) -> None:
    from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS

    say(f"Laporan {d.ticket}: {d.title}")
    say(f"Status        : {d.status_label} ({d.status})")
    if d.tracking_id:
        say(f"Tracking LAPOR: {d.tracking_id}")
    channel = CHANNEL_LABELS.get(d.channel, d.channel)
    say(f"Diterima      : {_fmt_dt(d.received_at)} melalui {channel}")
    say(f"Klasifikasi   : {KLASIFIKASI_LABELS.get(d.klasifikasi, d.klasifikasi)}")
    say(f"Kategori      : {d.category_name or '-'}")
    say(f"OPD           : {f'{d.opd_name} ({d.opd})' if d.opd else '-'}")
    r = d.reporter
    who = r.name + (f" (NIK {r.nik})" if r.nik else "")
    say(f"Pelapor       : {who}")
    flags = [
        label
        for label, on in (
            ("anonim", d.anonim),
            ("rahasia", d.rahasia),
            (f"dieskalasi ke Ombudsman {_fmt_dt(d.escalated_at)}", d.escalated),
            (f"dibuka kembali {d.reopened} kali", d.reopened),
        )
        if on
    ]
    if flags:
        say(f"Keterangan    : {', '.join(flags)}")
    location = " ".join(x for x in (d.location_text, d.location_kecamatan, d.location_desa) if x)
    if location:
        say(f"Lokasi        : {location}")
    if d.incident_date:
        say(f"Tgl kejadian  : {_fmt_day(d.incident_date)}")
    say("")
    say(d.body)
    if d.answer_text:
        say("")
        say("Jawaban:")
        say(d.answer_text)
    say("")
    say("Tenggat:")
    for row in d.deadlines.values():
        if row.due is None and row.done_at is None:
            continue
        state = row.state_label or "-"
        if row.done_at:
            state += f" (selesai {_fmt_dt(row.done_at)})"
        say(f"  {row.label:<28} {_fmt_day(row.due):<10}  {state}")
    say("")
    say("Riwayat:")
    for act in d.actions:
        move = (
            act.to_status
            if act.from_status in (None, act.to_status)
            else (f"{act.from_status} -> {act.to_status}")
        )
        say(f"  {_fmt_dt(act.at)}  {act.action_label} [{move}] oleh {act.by}")
        if act.note:
            say(f"      {_one_line(act.note, 100)}")
    if d.attachments:
        say("")
        say(
            "Lampiran: "
            + ", ".join(
                f"{i}. {x.filename}" + ("" if x.available else " (isi hilang)")
                for i, x in enumerate(d.attachments, 1)
            )
        )
    if d.allowed_actions:
        say("")
        say("Tindakan yang dapat Anda lakukan: " + ", ".join(x.label for x in d.allowed_actions))


def case_show(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import cases

    d = cases.get_case(a.ctx, args.ticket)
    if args.json:
        emit_json(case_json(d))
    else:
        _print_case(d)
    return EXIT_OK


def case_attachment(args: argparse.Namespace, a: Acting) -> int:
    """Write a plain copy of one attachment (sealed in the database) to --out."""
    from pathlib import Path

    from lapor_desktop.services import attachments, cases

    d = cases.get_case(a.ctx, args.ticket)
    if not 1 <= args.number <= len(d.attachments):
        raise CliError(
            f"Laporan {d.ticket} tidak memiliki lampiran nomor {args.number} "
            f"(jumlah lampiran: {len(d.attachments)})."
        )
    view = d.attachments[args.number - 1]
    out = Path(args.out)
    if out.is_dir():
        out = out / attachments.safe_name(view.filename)
    if out.exists() and not args.force:
        raise CliError(f"{out} sudah ada; tidak ditimpa (pakai --force untuk menimpa).")
    attachments.save_copy(a.ctx, d.ticket, view.id, out)
    if args.json:
        emit_json({"ticket": d.ticket, "filename": view.filename, "out": str(out)})
    else:
        say(f"Lampiran {args.number} ({view.size} bita) disimpan ke {out}")
    return EXIT_OK


# ---------------------------------------------------------------- workflow actions


def _note_action(ctx: Any, args: argparse.Namespace) -> Any:
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


def _run_action(verb: str, ctx: Any, args: argparse.Namespace) -> Any:
    from lapor_desktop.services import casework as cw

    t, note = args.ticket, args.note or ""
    calls: dict[str, Callable[[], Any]] = {
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


# ---------------------------------------------------------------- lists and search


def case_filter(args: argparse.Namespace, text: str = "") -> Any:
    from lapor_desktop.services.cases import CaseFilter

    statuses: list[str] = []
    for item in args.status or []:
        statuses += [s.strip().upper() for s in item.split(",") if s.strip()]
    state = args.deadline
    if args.overdue:
        if state and state != "overdue":
            raise UsageError("--overdue tidak dapat digabung dengan --deadline lain")
        state = "overdue"
    return CaseFilter(
        text=text,
        statuses=tuple(statuses),
        opd=args.opd,
        category=args.category,
        klasifikasi=args.type,
        channel=args.channel,
        received_from=args.date_from,
        received_to=args.date_to,
        clock_state=state,
        escalated=args.escalated,
    )


def _collect(ctx: Any, f: Any, args: argparse.Namespace) -> list[Any]:
    """Page through with the keyset cursor until --limit rows (or every row with --all)."""
    from lapor_desktop.services import cases

    wanted = None if args.all else args.limit
    rows: list[Any] = []
    after = None
    while True:
        page_size = cases.MAX_PAGE if wanted is None else min(wanted - len(rows), cases.MAX_PAGE)
        page = cases.list_cases(
            ctx, f, sort=args.sort, descending=not args.asc, after=after, limit=page_size
        )
        rows += page.rows
        if page.next_cursor is None or (wanted is not None and len(rows) >= wanted):
            return rows
        after = page.next_cursor


def row_json(r: Any) -> dict[str, Any]:
    return {
        "ticket": r.ticket,
        "title": r.title,
        "status": r.status,
        "opd": r.opd,
        "opd_name": r.opd_name,
        "category": r.category,
        "klasifikasi": r.klasifikasi,
        "channel": r.channel,
        "received_at": _iso(r.received_at),
        "due_clock": r.due_clock,
        "due_date": _iso(r.due_date),
        "due_state": r.due_state,
        "escalated": r.escalated,
        "reporter_name": r.reporter_name,
    }


def _print_rows(args: argparse.Namespace, rows: list[Any]) -> None:
    if args.json:
        emit_json([row_json(r) for r in rows])
        return
    if not rows:
        say("Tidak ada laporan yang cocok.")
        return
    _table(
        ["Tiket", "Status", "OPD", "Diterima", "Tenggat", "Judul"],
        [
            [
                r.ticket,
                r.status,
                r.opd or "-",
                _fmt_day(r.received_at.date()),
                (f"{_fmt_day(r.due_date)} {r.due_state or ''}".strip() if r.due_date else "-")
                + (" [eskalasi]" if r.escalated else ""),
                _one_line(r.title, 50),
            ]
            for r in rows
        ],
    )
    say(f"{len(rows)} laporan.")


def cases_list(args: argparse.Namespace, a: Acting) -> int:
    _print_rows(args, _collect(a.ctx, case_filter(args), args))
    return EXIT_OK


def search_cmd(args: argparse.Namespace, a: Acting) -> int:
    text = " ".join(args.text)
    if not text.strip():
        raise CliError("Teks pencarian wajib diisi.")
    _print_rows(args, _collect(a.ctx, case_filter(args, text), args))
    return EXIT_OK


# ---------------------------------------------------------------- deadlines and letters


def deadlines_cmd(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.domain.permissions import AUTOMATION_ROLES
    from lapor_desktop.services import automation, cases

    if args.apply:
        if args.today:
            raise UsageError(
                "--apply selalu berlaku per saat ini; tidak dapat dipakai dengan --today"
            )
        a.ctx.require(*AUTOMATION_ROLES)
        result = automation.apply_automatic(a.ctx)
        if args.json:
            emit_json({"closed": result.closed, "escalated": result.escalated})
            return EXIT_OK
        say(f"Ditutup otomatis ({len(result.closed)}): {', '.join(result.closed) or '-'}")
        say(
            f"Dieskalasi ke Ombudsman ({len(result.escalated)}): "
            f"{', '.join(result.escalated) or '-'}"
        )
        return EXIT_OK
    items = cases.work_list(a.ctx, args.today)
    if args.json:
        emit_json(items)
        return EXIT_OK
    if not items:
        say("Tidak ada laporan yang mendekati atau melewati tenggat.")
        return EXIT_OK
    _table(
        ["Tiket", "Status", "OPD", "Tenggat", "Tanggal", "Keadaan", "Judul"],
        [
            [
                w.ticket,
                w.status,
                w.opd or "-",
                w.clock_label,
                _fmt_day(w.due),
                w.state_label,
                _one_line(w.title, 40),
            ]
            for w in items
        ],
    )
    return EXIT_OK


def letters_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import letters_register

    rows = letters_register.register_rows(a.ctx, args.office, args.year)
    if args.json:
        emit_json(rows)
        return EXIT_OK
    if not rows:
        say("Register surat kosong.")
        return EXIT_OK
    _table(
        ["Nomor", "Jenis", "Kantor", "Tiket", "Oleh", "Tanggal"],
        [
            [
                r.full_number,
                r.kind,
                r.office_code,
                r.ticket or "-",
                r.reserved_by,
                _fmt_dt(r.reserved_at),
            ]
            for r in rows
        ],
    )
    return EXIT_OK


# ---------------------------------------------------------------- parser


def common_options(json_flag: bool = True) -> argparse.ArgumentParser:
    """Options every casework subcommand takes; SUPPRESS keeps the global values."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--user",
        default=argparse.SUPPRESS,
        help="bertindak sebagai pengguna ini (bawaan: LAPOR_USER); kata sandi dari "
        "LAPOR_PASSWORD atau ditanyakan",
    )
    p.add_argument("--data-dir", default=argparse.SUPPRESS, help="folder data")
    if json_flag:
        p.add_argument("--json", action="store_true", help="keluaran JSON")
    return p


def _filters(p: argparse.ArgumentParser) -> None:
    from lapor_desktop.services.cases import SORT_COLUMNS

    p.add_argument(
        "--status",
        action="append",
        metavar="S",
        help="status (boleh diulang atau dipisah koma), mis. DITERIMA,DIPROSES",
    )
    p.add_argument("--opd", metavar="KODE", help="kode OPD tujuan")
    p.add_argument("--category", metavar="KODE", help="kode kategori")
    p.add_argument("--type", metavar="KLASIFIKASI", help="pengaduan, aspirasi atau informasi")
    p.add_argument("--channel", help="saluran: walk-in, lapor, sms, social-media, phone, ...")
    p.add_argument(
        "--from",
        dest="date_from",
        type=day_arg,
        metavar="TANGGAL",
        help="diterima sejak (YYYY-MM-DD)",
    )
    p.add_argument(
        "--to", dest="date_to", type=day_arg, metavar="TANGGAL", help="diterima sampai (YYYY-MM-DD)"
    )
    p.add_argument(
        "--deadline",
        choices=("due_soon", "due_today", "overdue", "running", "attention"),
        help="keadaan tenggat tahap saat ini",
    )
    p.add_argument("--overdue", action="store_true", help="sama dengan --deadline overdue")
    p.add_argument(
        "--escalated", action="store_const", const=True, default=None, help="hanya yang dieskalasi"
    )
    p.add_argument(
        "--not-escalated",
        dest="escalated",
        action="store_const",
        const=False,
        help="hanya yang belum dieskalasi",
    )
    p.add_argument("--limit", type=positive_int, default=50, help="jumlah baris (bawaan 50)")
    p.add_argument("--all", action="store_true", help="tampilkan semua baris")
    p.add_argument("--sort", choices=SORT_COLUMNS, default="received_at", help="urutan")
    p.add_argument("--asc", action="store_true", help="urutan naik (bawaan: turun)")


def add_commands(sub: Any) -> None:
    common = common_options()
    plain = common_options(json_flag=False)

    def leaf(
        parent: Any, name: str, label: str, body: Body, help_text: str, *, json_flag: bool = True
    ) -> argparse.ArgumentParser:
        s: argparse.ArgumentParser = parent.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common if json_flag else plain],
        )
        s.set_defaults(handler=signed_command(label, body))
        return s

    # user ...
    g = sub.add_parser("user", help="kelola pengguna (administrator sistem)")
    gs = g.add_subparsers(dest="user_command", required=True, metavar="PERINTAH")
    s = leaf(
        gs, "add", "user add", user_add, "tambah pengguna (kata sandi dari LAPOR_NEW_PASSWORD)"
    )
    s.add_argument("name", metavar="NAMA")
    s.add_argument(
        "--role",
        required=True,
        help="FRONT_DESK, ADMIN_KABUPATEN, OPD_ADMIN, OPD_HEAD, AUDITOR atau SYS_ADMIN",
    )
    s.add_argument("--office", required=True, metavar="KODE", help="kode kantor/OPD")
    s.add_argument("--full-name", help="nama lengkap")
    s.add_argument("--nip", help="NIP")
    s = leaf(gs, "list", "user list", user_list, "daftar pengguna")
    s = leaf(gs, "disable", "user disable", user_disable, "nonaktifkan pengguna", json_flag=False)
    s.add_argument("name", metavar="NAMA")
    s = leaf(gs, "enable", "user enable", user_enable, "aktifkan kembali pengguna", json_flag=False)
    s.add_argument("name", metavar="NAMA")
    s = leaf(
        gs,
        "passwd",
        "user passwd",
        user_passwd,
        "ganti kata sandi: untuk diri sendiri (lama = LAPOR_PASSWORD, baru = "
        "LAPOR_NEW_PASSWORD), atau setel ulang milik pengguna lain (administrator sistem)",
        json_flag=False,
    )
    s.add_argument("name", metavar="NAMA")

    # office / category
    g = sub.add_parser("office", help="kantor dan OPD")
    gs = g.add_subparsers(dest="office_command", required=True, metavar="PERINTAH")
    s = leaf(gs, "list", "office list", office_list, "daftar kantor dan OPD")
    g = sub.add_parser("category", help="kategori laporan")
    gs = g.add_subparsers(dest="category_command", required=True, metavar="PERINTAH")
    s = leaf(gs, "list", "category list", category_list, "daftar kategori")

    # reporter add
    g = sub.add_parser("reporter", help="pelapor")
    gs = g.add_subparsers(dest="reporter_command", required=True, metavar="PERINTAH")
    s = leaf(gs, "add", "reporter add", reporter_add, "daftarkan pelapor berdasarkan NIK")
    s.add_argument(
        "--nik",
        required=True,
        type=nik_arg("--nik"),
        help="NIK, atau - untuk membacanya dari stdin (tidak terlihat di daftar proses)",
    )
    s.add_argument("--name", required=True, help="nama sesuai KTP")
    s.add_argument("--sex", help="L atau P (dibandingkan dengan NIK)")
    s.add_argument(
        "--birth-date",
        type=day_arg,
        metavar="TANGGAL",
        help="YYYY-MM-DD (dibandingkan dengan NIK)",
    )
    s.add_argument("--phone")
    s.add_argument("--email")
    s.add_argument("--address")
    s.add_argument("--kecamatan", metavar="KODE", help="kode kecamatan Kemendagri, mis. 140115")
    s.add_argument("--desa", metavar="KODE", help="kode desa/kelurahan")
    s.add_argument("--ktp-seen", action="store_true", help="KTP asli sudah dilihat petugas")

    # complaint add
    g = sub.add_parser("complaint", help="laporan masuk")
    gs = g.add_subparsers(dest="complaint_command", required=True, metavar="PERINTAH")
    s = leaf(gs, "add", "complaint add", complaint_add, "catat laporan baru")
    s.add_argument(
        "--reporter",
        required=True,
        type=nik_arg("--reporter"),
        metavar="NIK",
        help="NIK pelapor terdaftar, atau - untuk membacanya dari stdin",
    )
    s.add_argument("--title", required=True)
    body = s.add_mutually_exclusive_group(required=True)
    body.add_argument("--body", metavar="TEKS", help="isi laporan")
    body.add_argument(
        "--body-file",
        dest="body",
        type=text_file_arg("--body-file"),
        metavar="BERKAS|-",
        help="isi laporan dari berkas teks UTF-8, atau dari stdin dengan - (isi dan NIK di "
        "dalamnya tidak terlihat di daftar proses)",
    )
    s.add_argument(
        "--channel",
        required=True,
        help="walk-in, lapor, sms, social-media, phone, letter atau email",
    )
    s.add_argument(
        "--type", required=True, metavar="KLASIFIKASI", help="pengaduan, aspirasi atau informasi"
    )
    s.add_argument("--category", metavar="KODE")
    s.add_argument("--location", metavar="TEKS", help="lokasi (teks bebas)")
    s.add_argument("--kecamatan", metavar="KODE", help="kecamatan lokasi")
    s.add_argument("--desa", metavar="KODE", help="desa/kelurahan lokasi")
    s.add_argument("--anonim", action="store_true", help="identitas pelapor dirahasiakan")
    s.add_argument("--rahasia", action="store_true", help="isi laporan dirahasiakan")
    s.add_argument("--tracking-id", metavar="ID", help="nomor tracking LAPOR!")
    s.add_argument(
        "--received",
        type=moment_arg,
        metavar="TANGGAL",
        help="diterima pada (YYYY-MM-DD atau 'YYYY-MM-DD HH:MM'), paling lama satu tahun "
        "yang lalu dan tidak di masa depan; bawaan: saat ini",
    )
    s.add_argument(
        "--incident-date", type=day_arg, metavar="TANGGAL", help="tanggal kejadian (YYYY-MM-DD)"
    )
    s.add_argument(
        "--attach", nargs="+", action="extend", metavar="BERKAS", help="lampiran (boleh banyak)"
    )

    # case show / case <action>
    g = sub.add_parser("case", help="satu laporan: lihat atau tindak")
    gs = g.add_subparsers(dest="case_command", required=True, metavar="PERINTAH")
    s = leaf(
        gs, "show", "case show", case_show, "tampilkan laporan lengkap dengan riwayat dan tenggat"
    )
    s.add_argument("ticket", metavar="TIKET")
    s = leaf(
        gs,
        "attachment",
        "case attachment",
        case_attachment,
        "simpan salinan satu lampiran (nomor urut seperti di 'case show') ke berkas",
    )
    s.add_argument("ticket", metavar="TIKET")
    s.add_argument("number", type=int, metavar="NOMOR", help="nomor lampiran, mulai dari 1")
    s.add_argument("--out", required=True, metavar="BERKAS", help="berkas atau folder tujuan")
    s.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    for verb, (help_text, _used) in ACTION_VERBS.items():
        s = leaf(gs, verb, f"case {verb}", case_action(verb), help_text)
        s.add_argument("ticket", metavar="TIKET")
        note = s.add_mutually_exclusive_group()
        note.add_argument("--note", metavar="TEKS", help="catatan / alasan / teks jawaban")
        note.add_argument(
            "--note-file",
            dest="note",
            type=text_file_arg("--note-file"),
            metavar="BERKAS|-",
            help="catatan dari berkas teks UTF-8, atau dari stdin dengan -",
        )
        s.add_argument("--opd", metavar="KODE", help="OPD tujuan (atau yang disarankan)")
        s.add_argument("--category", metavar="KODE", help="kode kategori")
        s.add_argument("--type", metavar="KLASIFIKASI", help="klasifikasi (verifikasi)")
        s.add_argument(
            "--for-reporter", action="store_true", help="catatan tindak lanjut untuk pelapor"
        )

    # cases list / search
    g = sub.add_parser("cases", help="daftar laporan")
    gs = g.add_subparsers(dest="cases_command", required=True, metavar="PERINTAH")
    s = leaf(gs, "list", "cases list", cases_list, "daftar laporan dengan saringan")
    _filters(s)
    s = leaf(sub, "search", "search", search_cmd, "cari teks (judul, isi, lokasi, tiket, tracking)")
    s.add_argument("text", nargs="+", metavar="TEKS")
    _filters(s)

    # deadlines
    s = leaf(
        sub,
        "deadlines",
        "deadlines",
        deadlines_cmd,
        "daftar kerja tenggat (mendekati, hari ini, terlambat) per --today; dengan --apply: "
        "jalankan transisi otomatis per saat ini (tutup otomatis, eskalasi Ombudsman) — "
        "hanya Admin Koordinator Kabupaten; aman diulang",
    )
    s.add_argument("--today", type=day_arg, metavar="TANGGAL", help="tanggal acuan (YYYY-MM-DD)")
    s.add_argument("--apply", action="store_true", help="jalankan transisi otomatis")

    # letters
    g = sub.add_parser("letters", help="register nomor surat")
    gs = g.add_subparsers(dest="letters_command", required=True, metavar="PERINTAH")
    s = leaf(
        gs,
        "list",
        "letters list",
        letters_list,
        "register nomor surat (dapat diekspor dengan --json)",
    )
    s.add_argument("--office", metavar="KODE")
    s.add_argument("--year", type=int, metavar="TAHUN")

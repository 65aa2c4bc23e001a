"""Driving a fresh case to any status along the usual path (shared by service tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lapor_desktop.domain.workflow import Action, Status
from lapor_desktop.services import casework

# The usual road to each status: (user, action, kwargs) steps after intake.
STEP: dict[Action, tuple[str, dict[str, Any]]] = {
    Action.VERIFY: ("admin", {"category": "INFRASTRUKTUR"}),
    Action.DISPOSE: ("admin", {"opd": "PUPR", "note": "Mohon ditindaklanjuti"}),
    Action.REDISPOSE: ("admin", {"opd": "DINKES", "note": "Salah OPD"}),
    Action.HOLD: ("admin", {"note": "Mohon lengkapi foto lokasi"}),
    Action.RESUME: ("admin", {"note": "Foto diterima"}),
    Action.ARCHIVE: ("admin", {"note": "Laporan ganda"}),
    Action.START: ("pupr", {}),
    Action.FOLLOWUP_NOTE: ("pupr", {"note": "Survei lokasi"}),
    Action.NOT_OURS: ("pupr", {"note": "Kewenangan provinsi"}),
    Action.SUBMIT_ANSWER: ("pupr", {"note": "Jalan diperbaiki pekan depan"}),
    Action.APPROVE: ("kadis.pupr", {}),
    Action.RETURN_ANSWER: ("kadis.pupr", {"note": "Lengkapi jadwal"}),
    Action.REPORTER_RESPONSE: ("loket", {"note": "Belum diperbaiki"}),
    Action.ACCEPT: ("loket", {}),
    Action.CLOSE: ("admin", {}),
    Action.ESCALATE: ("admin", {"note": "Lewat 60 hari"}),
    Action.NOTE: ("admin", {"note": "Catatan"}),
    Action.AUTO_CLOSE: ("admin", {}),
}

PATHS: dict[Status, tuple[Action, ...]] = {
    Status.DITERIMA: (),
    Status.TERVERIFIKASI: (Action.VERIFY,),
    Status.TERTUNDA: (Action.HOLD,),
    Status.ARSIP: (Action.ARCHIVE,),
    Status.TERDISPOSISI: (Action.VERIFY, Action.DISPOSE),
    Status.DIPROSES: (Action.VERIFY, Action.DISPOSE, Action.START),
    Status.MENUNGGU_PERSETUJUAN: (
        Action.VERIFY,
        Action.DISPOSE,
        Action.START,
        Action.SUBMIT_ANSWER,
    ),
    Status.DIJAWAB: (
        Action.VERIFY,
        Action.DISPOSE,
        Action.START,
        Action.SUBMIT_ANSWER,
        Action.APPROVE,
    ),
    Status.SELESAI: (
        Action.VERIFY,
        Action.DISPOSE,
        Action.START,
        Action.SUBMIT_ANSWER,
        Action.APPROVE,
        Action.ACCEPT,
    ),
}


def do(world: Any, username: str, ticket: str, action: Action, **extra: Any) -> Any:
    kwargs = dict(STEP[action][1])
    kwargs.update(extra)
    return casework.perform(world.as_(username), ticket, action, **kwargs)


def case_in(world: Any, status: Status, new_case: Callable[..., str] | None = None) -> str:
    ticket = (new_case or world.new_case)()
    for action in PATHS[status]:
        do(world, STEP[action][0], ticket, action)
    return ticket

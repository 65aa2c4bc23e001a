"""What a person does with a row the central server refused ("gagal disinkronkan"):
redo it (the same action again, on the case as it stands now, checked by the same rules
as any action; it goes out at the next sync) or drop it (it stays in the case's table as
a refused action, never counted). One transaction each, audited."""

from __future__ import annotations

from lapor_desktop.db.models import CaseAction, Office, SyncFailed, database_proxy
from lapor_desktop.domain.workflow import Action
from lapor_desktop.services import casework, deadlines
from lapor_desktop.services.audit import audit
from lapor_desktop.services.casework import ActionResult
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from lapor_desktop.sync import leave


def _open_failed(failed_id: int) -> SyncFailed:
    f = SyncFailed.get_or_none(SyncFailed.id == failed_id)
    if f is None or f.resolved:
        raise NotFound("Baris gagal sinkron ini sudah ditangani.")
    return f


def redo_failed(ctx: Ctx, failed_id: int) -> ActionResult:
    """Perform the refused action again as the signed-in person; the failed row is
    resolved in the same transaction."""
    s = ctx.session
    if s is None:
        raise PermissionDenied("Silakan masuk (login) terlebih dahulu.")
    deadlines.calendar()  # built before the write lock (casework.perform does the same)
    with database_proxy.atomic("IMMEDIATE"):
        f = _open_failed(failed_id)
        if f.entity != "case_action":
            raise ServiceError("Baris jenis ini tidak dapat dikirim ulang; pilih Abaikan.")
        a = CaseAction.get_or_none(CaseAction.id == f.entity_id)
        if a is None:
            raise NotFound("Tindakan yang ditolak tidak ada lagi di komputer ini.")
        opd = Office.get_or_none(Office.id == a.opd_id) if a.opd_id else None
        case = a.complaint
        verifying = a.action == Action.VERIFY
        if verifying and not case.category_id:
            # The refused verification's category went with it (the server's header won).
            raise ServiceError(
                f"Verifikasi {case.ticket} perlu diulang dari halaman laporan: kategorinya "
                "dipilih lagi di sana. Baris ini dapat diabaikan."
            )
        result = casework.perform(
            ctx,
            case.ticket,
            Action(a.action),
            note=a.note,
            opd=opd.code if opd else None,
            category=case.category_id if verifying else None,
            klasifikasi=case.klasifikasi if verifying else None,
            for_reporter=bool(a.for_reporter),
        )
        SyncFailed.update(resolved=True).where(SyncFailed.id == f.id).execute()
        audit(
            ctx, "sinkron_ulang", "complaint", result.ticket, f"tindakan {a.action} dikirim ulang"
        )
    return result


def drop_failed(ctx: Ctx, failed_id: int) -> None:
    """Leave the refused row as it is (refused); it leaves the list."""
    if ctx.session is None:
        raise PermissionDenied("Silakan masuk (login) terlebih dahulu.")
    with database_proxy.atomic("IMMEDIATE"):
        f = _open_failed(failed_id)
        SyncFailed.update(resolved=True).where(SyncFailed.id == f.id).execute()
        if f.reason in leave.REASONS:  # own work on a case that left this PC: never sent
            leave.settle(f.entity, f.entity_id, ctx.clock.now().replace(microsecond=0))
        audit(ctx, "sinkron_abaikan", f.entity, "", f"baris {f.entity} yang ditolak diabaikan")

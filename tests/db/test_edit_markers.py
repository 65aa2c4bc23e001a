"""Schema v10: a local edit of a case header or a reporter marks the row "dirty since
server version N" (sync/edits.py pushes it); a sync apply and an OPD PC never do; a
database of schema v9 upgrades with its rows clean."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lapor_desktop import paths
from lapor_desktop.db.models import Complaint, Reporter, SyncConflict, SyncState, database_proxy
from lapor_desktop.services import storage

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _open_v9(data_dir: Path) -> storage.Storage:
    data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "lapor-v9.db", paths.db_path(data_dir))
    return storage.open_database(data_dir, lambda new: "fixture-passphrase")


def _write(model: object, **values: object) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        model.update(**values).execute()  # type: ignore[attr-defined]


def test_edits_mark_rows_dirty_but_not_a_sync_apply_nor_an_opd_pc(data_dir: Path) -> None:
    store = _open_v9(data_dir)
    try:
        assert store.migrated[0] == 10  # (and any later version)
        case, rep = Complaint.select().get(), Reporter.select().get()
        assert (case.server_version, case.edit_base, case.edit_id) == (1, None, None)
        assert (rep.server_version, rep.edit_base) == (1, None)
        assert SyncConflict.select().count() == 0
        # Not an edit: a column the server owns, and a value written again unchanged.
        _write(Complaint, status="TERVERIFIKASI", title=case.title)
        assert Complaint.get_by_id(case.id).edit_base is None
        _write(Complaint, category="INFRASTRUKTUR")
        _write(Reporter, phone="0812 0000 1111")
        first = Complaint.get_by_id(case.id)
        assert first.edit_base == 1 and len(first.edit_id) == 32
        before = json.loads(first.edit_from)  # the fields as the server last had them
        assert (before["category"], before["title"]) == (None, case.title)
        assert Reporter.get_by_id(rep.id).edit_base == 1
        # A second edit before the push keeps the base and the edit's id.
        _write(Complaint, server_version=4)
        _write(Complaint, title="Judul baru")
        again = Complaint.get_by_id(case.id)
        assert (again.edit_base, again.edit_id, again.edit_from) == (
            1,
            first.edit_id,
            first.edit_from,
        )
        _write(Complaint, edit_base=None, edit_id=None)
        # Inside a sync apply the server's values are not local edits.
        with database_proxy.atomic("IMMEDIATE"):
            SyncState.update(applying=1).where(SyncState.id == 1).execute()
            Complaint.update(title="Dari server").execute()
            SyncState.update(applying=0).where(SyncState.id == 1).execute()
        assert Complaint.get_by_id(case.id).edit_base is None
        # An OPD PC has no right to edit headers: its copy follows the server.
        _write(SyncState, audience="opd")
        _write(Complaint, title="Di PC OPD")
        assert Complaint.get_by_id(case.id).edit_base is None
        _write(SyncState, audience="regency")
        _write(Complaint, title="Di PC kabupaten")
        assert Complaint.get_by_id(case.id).edit_base == 4
    finally:
        store.close()

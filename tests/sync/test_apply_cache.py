"""The apply's cache of known users belongs to one apply (one database), never to the
process: a second apply — another database, another thread — inserts its own stand-in."""

from __future__ import annotations

import contextvars
import uuid
from pathlib import Path

from lapor_desktop.db.models import Office, User, database_proxy
from lapor_desktop.services import storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.setup import initialize
from lapor_desktop.sync import apply


def test_known_users_are_cached_per_apply_not_per_process(tmp_path: Path) -> None:
    store = storage.create_database(tmp_path, lambda new: "tidak dipakai")
    try:
        initialize(Ctx(data_dir=tmp_path), "root", "sandi-uji-123")
        office = Office.select().first().id
        uid = str(uuid.uuid4())
        with database_proxy.atomic("IMMEDIATE"), apply._run():
            assert apply.known_user(uid, office) == uid
            assert User.select().where(User.id == uid).exists()
            # As if the next apply wrote another database that lacks the person: an
            # apply that did not learn of them itself inserts its own stand-in.
            User.delete().where(User.id == uid).execute()
            contextvars.Context().run(apply.known_user, uid, office)
            assert User.select().where(User.id == uid).exists()
        with database_proxy.atomic("IMMEDIATE"):
            User.delete().where(User.id == uid).execute()
            with apply._run():  # a new apply: nothing known yet
                apply.known_user(uid, office)
            assert User.get_by_id(uid).full_name == "(petugas kantor lain)"
    finally:
        store.close()

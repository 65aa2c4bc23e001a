"""Who is acting, when, and on which data dir: passed to every service call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from lapor_desktop.domain.workflow import OPD_ROLES, Role
from lapor_desktop.services.clock import Clock, SystemClock
from lapor_desktop.services.errors import PermissionDenied


@dataclass(frozen=True)
class Session:
    """A signed-in user; plain data, safe to hand to the GUI."""

    user_id: uuid.UUID
    username: str
    full_name: str
    role: Role
    office_id: uuid.UUID
    office_code: str
    office_name: str
    office_kind: str  # 'kabupaten' | 'opd'
    must_change_password: bool = False

    @property
    def is_opd(self) -> bool:
        return self.role in OPD_ROLES


@dataclass(frozen=True)
class Ctx:
    data_dir: Path
    clock: Clock = field(default_factory=SystemClock)
    session: Session | None = None

    def as_user(self, session: Session | None) -> Ctx:
        return replace(self, session=session)

    def user(self) -> Session:
        s = self.signed_in()
        if s.must_change_password:
            raise PermissionDenied(
                "Kata sandi Anda direset oleh administrator; ganti kata sandi terlebih dahulu."
            )
        return s

    def signed_in(self) -> Session:
        """The session even when a password change is pending (for changing it)."""
        if self.session is None:
            raise PermissionDenied("Silakan masuk (login) terlebih dahulu.")
        return self.session

    def require(self, *roles: Role) -> Session:
        s = self.user()
        if s.role not in roles:
            raise PermissionDenied(f"Peran {s.role.label} tidak berwenang untuk tindakan ini.")
        return s

"""The names of the central database's roles, and the SQL of the workflow table.

PostgreSQL roles belong to the whole cluster, not to one database. So that two central
databases (a test and a rehearsal, or many scratch databases in CI) can live in one
cluster, every *group* role carries a prefix made from the database's name:
`<db>_owner` (NOLOGIN, owns every object) and `<db>_front_desk`, `<db>_admin_kabupaten`,
`<db>_opd_admin`, `<db>_opd_head`, `<db>_auditor`, `<db>_sys_admin` (NOLOGIN groups, one
per Role of domain/workflow.py). The person logins (`central user add NAME`) are named as
the person signs in, without prefix, and are members of exactly one group. The prefix is
written to `sync_meta.role_prefix` at init; later commands read it from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lapor_desktop.domain.workflow import REGENCY_ROLES, TRANSITIONS, Role

# The role kinds a person can have (SYSTEM is the deadlines engine, not a person).
PERSON_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.SYSTEM)
# Regency roles that read every case (the auditor reads, never writes).
CASE_READERS: frozenset[Role] = REGENCY_ROLES | {Role.AUDITOR}
# Who may see a NIK and a reporter's contact data in full (permissions.NIK_REVEAL_ROLES).
IDENTITY_ROLES: frozenset[Role] = REGENCY_ROLES
_MAX_PREFIX = 40  # role names are at most 63 bytes; the longest suffix is "_admin_kabupaten"


def prefix_for(database: str) -> str:
    """The role prefix of a database: its name in lower case, [a-z0-9_] only."""
    cleaned = re.sub(r"[^a-z0-9_]", "_", database.lower()).strip("_") or "lapor"
    return cleaned[:_MAX_PREFIX]


@dataclass(frozen=True)
class RoleNames:
    prefix: str

    @property
    def owner(self) -> str:
        return f"{self.prefix}_owner"

    def group(self, role: Role) -> str:
        return f"{self.prefix}_{role.value.lower()}"

    @property
    def groups(self) -> dict[Role, str]:
        return {r: self.group(r) for r in PERSON_ROLES}


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_list(values: frozenset[Role] | tuple[Role, ...]) -> str:
    """`'A', 'B'` for an SQL IN list, in a stable order."""
    return ", ".join(f"'{v.value}'" for v in sorted(values, key=lambda r: r.value))


def workflow_rows() -> list[tuple[str, str | None, str, str | None, str, bool]]:
    """(action, from_status, role, to_status, scope, needs_note): one row per source status
    and role of every transition in domain/workflow.py; from_status None is INTAKE (no case
    yet), to_status None keeps the status."""
    rows: list[tuple[str, str | None, str, str | None, str, bool]] = []
    for t in TRANSITIONS:
        sources: list[str | None] = [*sorted(s.value for s in t.sources)] or [None]
        for source in sources:
            for role in sorted(r.value for r in t.roles):
                rows.append(
                    (
                        t.action.value,
                        source,
                        role,
                        t.target.value if t.target else None,
                        t.scope.value,
                        t.needs_note,
                    )
                )
    return rows

"""A command acting as a signed-in user: `--user NAME` (before or after the subcommand, or
LAPOR_USER) with the password from LAPOR_PASSWORD or asked on the terminal. The services
decide what is allowed; the command modules only parse arguments and print results.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lapor_desktop.cli.common import EXIT_USAGE, ask_db_secret, data_dir_of, err, prompt_secret

if TYPE_CHECKING:  # imported lazily at run time: `--help` stays fast
    from lapor_desktop.services.context import Ctx


@dataclass(frozen=True)
class Acting:
    """The signed-in context of one command, and the password it signed in with."""

    ctx: Ctx
    password: str


class UsageError(Exception):
    """A usage problem found after parsing (e.g. no --user): exit code 2."""


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Acting]:
    """Open the database, sign in as --user, and close the database afterwards."""
    from lapor_desktop.services import storage, users
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.errors import PermissionDenied

    name = (getattr(args, "user", None) or "").strip()
    if not name:
        raise UsageError(
            "sebutkan pengguna dengan --user NAMA (atau variabel lingkungan LAPOR_USER)"
        )
    data_dir = data_dir_of(args)
    store = storage.open_database(data_dir, ask_db_secret)
    try:
        ctx = Ctx(data_dir=data_dir)
        password = prompt_secret(f"Kata sandi untuk '{name}': ", "LAPOR_PASSWORD", twice=False)
        session = users.sign_in(ctx, name, password)
        own_change = getattr(args, "handler_name", "") == "user passwd" and (
            getattr(args, "name", "").strip().lower() == session.username
        )
        if session.must_change_password and not own_change:
            # made or reset by an administrator: nothing but the change until it is done
            raise PermissionDenied(
                f"Kata sandi '{session.username}' harus diganti sebelum perintah lain: "
                f"ganti kata sandi dengan 'lapor-desktop --user {session.username} user passwd "
                f"{session.username}' (lama = LAPOR_PASSWORD, baru = LAPOR_NEW_PASSWORD)."
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


class Leaves:
    """Adds signed-in subcommands that take the common options (one instance per parser)."""

    def __init__(self) -> None:
        self.common = common_options()
        self.plain = common_options(json_flag=False)

    def __call__(
        self,
        parent: Any,
        name: str,
        label: str,
        body: Body,
        help_text: str,
        *,
        json_flag: bool = True,
    ) -> argparse.ArgumentParser:
        s: argparse.ArgumentParser = parent.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[self.common if json_flag else self.plain],
        )
        s.set_defaults(handler=signed_command(label, body))
        return s


def group(sub: Any, name: str, **kwargs: Any) -> Any:
    """`lapor-desktop NAME PERINTAH …`: a command group whose subcommand is required (it is
    logged by entry.command_name through the dest `NAME_command`)."""
    g = sub.add_parser(name, **kwargs)
    return g.add_subparsers(dest=f"{name}_command", required=True, metavar="PERINTAH")

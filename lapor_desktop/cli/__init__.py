"""Headless commands over the services (operations, scripting, tests).

    common      exit codes, output (say/err/emit_json), secrets, argument types, data folder
    session     a command acting as `--user` (Acting, signed_command, Leaves)
    entry       the parser and the run of one command (exit codes, messages)
    foundation  init, nik, self-check          accounts   user, office, category
    intake      reporter add, complaint add    cases      case show/attachment, cases, search
    actions     case <action>                  deadlines  deadlines, letters list
    documents   letter, report, letterhead     signing    signing
    demo        demo                           backup     backup, restore

`app.main` is the composition root (GUI or CLI); `main` here is the same entry under the
name `lapor_desktop.cli:main` and `python -m lapor_desktop.cli`.
"""

from __future__ import annotations

from collections.abc import Sequence

from lapor_desktop.cli.entry import build_parser, parse_args, run

__all__ = ["build_parser", "main", "parse_args", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for `python -m lapor_desktop.cli`; the GUI case goes through app.main."""
    from lapor_desktop import app

    return app.main(argv)

"""Composition root: arguments -> paths -> settings -> database -> GUI or CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from lapor_desktop import logs
    from lapor_desktop.cli import entry as cli
    from lapor_desktop.cli.common import data_dir_of

    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = data_dir_of(args)
    gui = getattr(args, "handler", None) is None
    # The log lives in the data dir. A command does not make a data dir just for its log
    # (a mistyped --data-dir, `nik`), except `init` and the GUI, which make it anyway.
    logs.configure(data_dir if gui or args.command == "init" or data_dir.is_dir() else None)
    logs.started("GUI" if gui else "CLI", "" if gui else cli.command_name(args))
    if gui:
        # Qt is imported only here and in gui/, and only when the GUI actually starts.
        from lapor_desktop.gui.application import run_gui

        code = run_gui(data_dir)
    else:
        code = cli.run(args)
    logs.finished(code)
    return code

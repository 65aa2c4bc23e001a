"""Composition root: arguments -> paths -> settings -> database -> GUI or CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from lapor_desktop import cli

    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "handler", None) is not None:
        return cli.run(args)
    # Qt is imported only here and in gui/, and only when the GUI actually starts.
    from lapor_desktop.gui.application import run_gui

    return run_gui(cli.data_dir_of(args))

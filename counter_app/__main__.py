"""`counter-app` / `python -m counter_app`: the desk window with no command, the CLI otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from counter_app import cli

    args = cli.parse_args(argv)
    if args.command in (None, "screenshot"):
        # Only here does the GUI (and with it Qt) get imported: the CLI stays Qt-free.
        from counter_app.gui.app import run_gui

        return run_gui(args)
    return cli.main(args=args)


if __name__ == "__main__":
    sys.exit(main())

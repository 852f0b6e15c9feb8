"""`counter-app` / `python -m counter_app`: the desk window with no command, the CLI otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:
        # The first thing support asks for: answered without loading the whole desk (about 0.15 s, not 1 s).
        from counter_app.services.diagnostics import version_text

        print(version_text())
        return 0
    from counter_app import cli

    args = cli.parse_args(argv)
    if args.command in (None, "screenshot"):
        # Only here does the GUI (and with it Qt) get imported: the CLI stays Qt-free.
        from counter_app.gui.app import run_gui

        return run_gui(args)
    return cli.main(args=args)


if __name__ == "__main__":
    sys.exit(main())

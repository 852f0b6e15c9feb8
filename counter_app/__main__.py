"""`counter-app` / `python -m counter_app`: the desk window with no command, the CLI otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:
        # The first thing support asks for, answered without the CLI. The imports in this function are each
        # loaded only where needed, to keep start-up fast (measured with python -X importtime): the diagnostics
        # cost `--help` 0.05 s of its 0.09 s, the CLI costs `--version` 0.01 s, and counter_app.gui.app (with
        # the settings and the log) costs `--help` 0.02 s.
        from counter_app.services.diagnostics import version_text

        print(version_text())
        return 0
    from counter_app import cli

    args = cli.parse_args(argv)
    if args.command in (None, "screenshot"):
        from counter_app.gui.app import run_gui  # Qt and the window load only in there: see counter_app.gui.app

        return run_gui(args)
    return cli.main(args=args)


if __name__ == "__main__":
    sys.exit(main())

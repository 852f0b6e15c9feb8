"""`counter-app` / `python -m counter_app`: the desk window with no command, the CLI otherwise."""

from __future__ import annotations

import sys

from counter_app import cli
from counter_app.gui.app import run_gui  # loads neither Qt nor the window until it runs: see counter_app.gui.app


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:
        # The first thing support asks for, answered without parsing the command line. Loaded here only:
        # importing the diagnostics costs 0.05 s, which `counter-app --help` (0.08 s in all) does not need.
        from counter_app.services.diagnostics import version_text

        print(version_text())
        return 0
    args = cli.parse_args(argv)
    if args.command in (None, "screenshot"):
        return run_gui(args)
    return cli.main(args=args)


if __name__ == "__main__":
    sys.exit(main())

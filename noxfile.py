"""The developer's loop in one command: `nox` runs the guard rails and the fast tests, `nox -s tests` everything.

Sessions run in the project's own virtual environment (`bash installer/debian.sh test` makes it), so they start at
once and work offline: `.venv/bin/nox`, or `nox` with that environment active.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = ["lint", "types", "imports", "fast"]
# The tools come from the environment nox runs in (.venv/bin), whatever PATH says.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: the format, then the lint rules (pyproject.toml's [tool.ruff])."""
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def fmt(session: nox.Session) -> None:
    """Put the code in ruff's format and apply its safe fixes."""
    session.run("ruff", "check", "--fix", ".")
    session.run("ruff", "format", ".")


@nox.session
def types(session: nox.Session) -> None:
    """mypy: strict for the domain, the store, the services and sync; checked for the rest."""
    session.run("mypy")


@nox.session
def imports(session: nox.Session) -> None:
    """import-linter: the layers and forbidden imports of DESIGN.md."""
    session.run("lint-imports")


@nox.session
def fast(session: nox.Session) -> None:
    """The fast tier: everything not marked slow (domain, store, services, widgets offscreen)."""
    session.run("pytest", "-m", "not slow", "-n", "auto", *session.posargs, env=OFFSCREEN)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole suite, as CI runs it (set COUNTER_TEST_PG_URL for the PostgreSQL tests)."""
    session.run("pytest", "-n", "auto", *session.posargs, env=OFFSCREEN)

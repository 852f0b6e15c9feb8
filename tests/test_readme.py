"""The README's examples run as written: every desk command in its shell blocks, in order, on a fresh desk; its links stay inside the repository."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.cli

README = ROOT / "README.md"
SHELL_BLOCKS = ("sh", "bash", "console")
# How the README starts the desk; each runs the interpreter running these tests on this checkout.
DESK_COMMANDS = {("counter-app",): 1, (".venv/bin/counter-app",): 1, ("python", "-m", "counter_app"): 3}
# A line the tests cannot run says why in the README itself: `# ... (not run by tests: needs a printer)`.
NOT_RUN = re.compile(r"#.*\bnot run by tests: ([^)]+)")
# A line that ends in something other than 0 says so: `# ... (exits 3: held for a manager)`.
EXITS = re.compile(r"#.*\bexits (\d+)\b")
ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")
NOT_A_SIMPLE_COMMAND = {"|", "||", "&&", ";", "&", ">", "<"}


@dataclass(frozen=True)
class Example:
    line: int  # where it starts in README.md
    text: str


def shell_lines(markdown: str) -> list[Example]:
    """Each command line of the fenced sh/bash/console blocks, continuation lines joined."""
    examples: list[Example] = []
    block: str | None = None
    pending, pending_start = "", 0
    for number, raw in enumerate(markdown.splitlines(), start=1):
        fence = re.match(r"^\s*```(\S*)", raw)
        if fence:
            block = None if block is not None else fence.group(1)
            continue
        if block not in SHELL_BLOCKS:
            continue
        line = raw.strip()
        if block == "console":
            if not line.startswith("$ "):
                continue  # what the command printed
            line = line[2:]
        if not pending:
            pending_start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        text = (pending + line).strip()
        pending = ""
        if text and not text.startswith("#"):
            examples.append(Example(pending_start, text))
    return examples


def desk_command(words: list[str]) -> tuple[dict[str, str], list[str]] | None:
    """(the variables set for this command, the desk's arguments), or None for another program."""
    assignments = {}
    while words and ASSIGNMENT.match(words[0]):
        name, value = words.pop(0).split("=", 1)
        assignments[name] = value
    for prefix, length in DESK_COMMANDS.items():
        if tuple(words[:length]) == prefix:
            return assignments, words[length:]
    return None


def _readme_examples() -> list[Example]:
    return shell_lines(README.read_text(encoding="utf-8"))


def test_the_readme_shows_desk_commands_and_says_why_any_is_not_run():
    commands = [example for example in _readme_examples() if desk_command(shlex.split(example.text, comments=True))]
    assert len(commands) > 30
    skipped = [example for example in commands if NOT_RUN.search(example.text)]
    # The tests run almost all of them; each left out names its reason.
    assert len(skipped) < len(commands) / 3, [example.text for example in skipped]
    for example in skipped:
        assert len(NOT_RUN.search(example.text).group(1).split()) >= 2, f"README.md:{example.line} gives no reason"


def test_the_readme_commands_run_as_written(tmp_path):
    env = {name: value for name, value in os.environ.items() if not name.startswith("COUNTER_")}
    # A fresh desk, and a folder of its own for the files the examples write (card.png, report.xlsx ...).
    env.update(COUNTER_DATA_DIR=str(tmp_path / "desk-data"), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    work = tmp_path / "work"
    work.mkdir()
    failures, ran = [], 0
    for example in _readme_examples():
        words = shlex.split(example.text, comments=True)
        if words and words[0] == "export":
            if desk_command(words[1:]) is None and all(ASSIGNMENT.match(word) for word in words[1:]):
                env.update(word.split("=", 1) for word in words[1:])
            continue
        command = desk_command(words)
        if command is None or NOT_RUN.search(example.text):
            continue
        assignments, arguments = command
        assert not NOT_A_SIMPLE_COMMAND & set(arguments), (
            f"README.md:{example.line} is not one command; write each out or mark it: {example.text}"
        )
        expected = int(EXITS.search(example.text).group(1)) if EXITS.search(example.text) else 0
        result = subprocess.run(
            [sys.executable, "-m", "counter_app", *arguments],
            capture_output=True,
            text=True,
            env={**env, **assignments},
            cwd=work,
            timeout=300,
        )
        ran += 1
        if result.returncode != expected:
            failures.append(
                f"README.md:{example.line}: {example.text}\n  exit {result.returncode}, expected {expected}\n"
                f"  {result.stderr.strip() or result.stdout.strip()}"
            )
    assert not failures, "\n".join(failures)
    assert ran > 20


def test_the_readme_links_only_into_the_repository():
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    for target in targets:
        if re.match(r"[a-z]+://", target):
            continue  # a web page, not a file a clone may lack
        path = (ROOT / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), f"README.md links {target}, which a clone does not have"
    # Paths named in backticks too: `../shared/...` was a file beside the repository, not in it.
    assert not re.findall(r"`\.\./[^`]*`", text)

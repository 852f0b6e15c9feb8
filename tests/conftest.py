"""Shared test set-up: offscreen Qt, a temporary desk on a real SQLite file, a fixed clock, synchronous tasks."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app import i18n  # noqa: E402
from counter_app.domain.members import RegistrationForm  # noqa: E402
from counter_app.services.desk import Desk, open_desk  # noqa: E402

CHINA = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=CHINA)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _language():
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk-data"


@pytest.fixture
def desk(data_dir: Path) -> Desk:
    opened = open_desk(data_dir, clock=lambda: NOW)
    yield opened
    opened.close()


def form(**overrides: object) -> RegistrationForm:
    values = {"phone": "13800138000", "name": "张三丰", "consent": True}
    values.update(overrides)
    return RegistrationForm(**values)  # type: ignore[arg-type]


def run_cli(*args: str, data_dir: Path, env: dict[str, str] | None = None, lang: str | None = "en") -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a script or a support engineer runs it."""
    command = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir)]
    if lang:
        command += ["--lang", lang]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=full_env, timeout=120, cwd=ROOT)

"""How long the desk takes to start: a CLI lookup as a process, and the window's first render offscreen.

    python bench/startup.py [--runs 10]

Prints JSON: wall-clock milliseconds per run (median and worst) for a fresh process each time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="desk-startup-"))
    env = {
        **os.environ,
        "COUNTER_DATA_DIR": str(folder),
        "QT_QPA_PLATFORM": "offscreen",
        "COUNTER_PIN": "20261123",
        "COUNTER_NEW_PIN": "20261123",
    }
    base = [sys.executable, "-m", "counter_app"]
    subprocess.run(
        [*base, "staff", "add", "BENCH", "--name", "基准测试", "--role", "admin"],
        check=True,
        capture_output=True,
        env=env,
    )
    desk = [*base, "--staff", "BENCH"]
    subprocess.run([*desk, "demo-data", "--members", "1000", "--seed", "1"], check=True, capture_output=True, env=env)
    ref = json.loads(
        subprocess.run([*desk, "member", "search", "王", "--json"], capture_output=True, env=env, text=True).stdout
    )["members"][0]["member_no"]
    figures = {}
    for name, command in {
        "cli_member_show": [*desk, "member", "show", ref, "--json"],
        "cli_version": [*desk, "--version"],
        "window_first_render": [*desk, "screenshot", "main", "--out", str(folder / "main.png")],
    }.items():
        times = [run(command, env) for _ in range(args.runs)]
        figures[name] = {
            "median_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
            "runs": args.runs,
        }
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

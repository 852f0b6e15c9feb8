"""How long the desk takes to start: `--help` and `--version`, a CLI lookup as a process, the window's first render.

    python bench/startup.py [--runs 10] [--quick]

Prints JSON: wall-clock milliseconds per run (median and worst) for a fresh process each time. `--quick`
measures only `counter-app --help` and `counter-app --version` (targets: 600 ms and 400 ms), which need no store.
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
    parser.add_argument("--quick", action="store_true", help="only --help and --version")
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
    figures = {
        name: measure(command, env, args.runs)
        for name, command in {"cli_help": [*base, "--help"], "cli_version_alone": [*base, "--version"]}.items()
    }
    if args.quick:
        report(figures)
        return
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
    for name, command in {
        "cli_member_show": [*desk, "member", "show", ref, "--json"],
        "cli_version": [*desk, "--version"],
        "window_first_render": [*desk, "screenshot", "main", "--out", str(folder / "main.png")],
    }.items():
        figures[name] = measure(command, env, args.runs)
    report(figures)


def measure(command: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    run(command, env)  # once unmeasured: the first start after an edit also compiles the bytecode
    times = [run(command, env) for _ in range(runs)]
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1), "runs": runs}


def report(figures: dict[str, dict[str, float]]) -> None:
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

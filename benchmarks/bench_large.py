"""Time `check` and `indicators` on 1,000,000 and 10,000,000 attendance rows against DuckDB.

Side by side, whole processes (start-up included), on the same CSV files
written by ``benchmarks/large_data.py``:

- DuckDB: ``benchmarks/duckdb_figures.py`` (reads both CSVs, checks every
  attendance's activity exists, counts repeats, computes people trained and
  countries represented);
- ``htmss-analysis check`` with an empty cache (reads, validates every cell,
  locates every problem, caches the validated tables);
- ``htmss-analysis indicators --json`` right after (from the cache);
- ``check`` then ``indicators`` as one analyst session.

Wall time is the best of five runs at a million rows, one run at ten
million; peak memory is the largest resident set
of the process. The figures of both sides are compared, so the race is fair.
Folders are generated once under the system's temporary folder and reused.

Run with `make benchmark`; prints a Markdown table. ``--rows 1000000`` limits it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
YEAR = 2018
TARGET_RATIO = 3.0
MEMORY_LIMIT_GB = 8.0

def measure(args: list[object], env: dict) -> tuple[float, float, str]:
    """Run a command; return its wall seconds, peak resident memory in GB, and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(a) for a in args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode not in (0,):
        raise SystemExit(f"{args[0]} failed with status {proc.returncode}")
    return wall, usage.ru_maxrss / 1024 / 1024, out  # ru_maxrss is in KB on Linux


def best(runs: int, make_env, args: list[object]) -> tuple[float, float, str]:
    results = [measure(args, make_env()) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results), results[-1][2]


def folder_for(rows: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "htmss-bench-large" / str(rows)
    stamp = folder / ".complete"
    if not stamp.exists():
        print(f"writing {rows:,} attendance rows to {folder} ...", file=sys.stderr, flush=True)
        # In a process of its own: this one stays small, so that the processes it
        # starts (whose peak memory is measured) do not inherit its pages.
        subprocess.run([BIN / "python", HERE / "large_data.py", folder, str(rows)], check=True)
        stamp.touch()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="htmss-bench-"))
    counter = iter(range(10**6))

    # Python's compiled bytecode is kept, as on any normal install (some sandboxes turn
    # it off, which makes every process compile the package's modules again).
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def cold_env() -> dict:
        return {**base, "HTMSS_CACHE_DIR": str(work / f"cache-{next(counter)}")}

    print("| attendance rows | how | wall time | peak memory | vs DuckDB |")
    print("|---|---|---|---|---|")
    verdicts = []
    for rows in args.rows:
        folder = folder_for(rows)
        if rows == args.rows[0]:  # untimed: writes the bytecode, warms the file cache
            measure([BIN / "htmss-analysis", "check", "--data", folder], cold_env())
        runs = args.runs if rows <= 1_000_000 else 1  # at ten million, memory is the target
        duck = best(runs, cold_env, [BIN / "python", HERE / "duckdb_figures.py", folder, YEAR])
        check = best(runs, cold_env, [BIN / "htmss-analysis", "check", "--data", folder])
        warm = {**base, "HTMSS_CACHE_DIR": str(work / f"warm-{rows}")}
        measure([BIN / "htmss-analysis", "check", "--data", folder], warm)
        indicators = best(runs, lambda w=warm: w, [BIN / "htmss-analysis", "indicators",
                                                        "--data", folder, "--year", YEAR,
                                                        "--json"])
        ours = json.loads(indicators[2])["indicators"]
        theirs = json.loads(duck[2])
        same = all(ours[k] == theirs[k] for k in ("people_trained", "countries_represented"))
        session = check[0] + indicators[0]
        for label, (wall, memory, _) in (
                ("DuckDB script (`benchmarks/duckdb_figures.py`)", duck),
                ("`htmss-analysis check`, empty cache", check),
                ("`htmss-analysis indicators --json` after it (cached)", indicators),
                ("`check` then `indicators`", (session, max(check[1], indicators[1]), ""))):
            print(f"| {rows:,} | {label} | {wall:.2f} s | {memory:.2f} GB | "
                  f"{wall / duck[0]:.1f}x |")
        verdicts.append(f"{rows:,} rows: same figures as DuckDB: {'yes' if same else 'NO'} "
                        f"(people trained {ours['people_trained']:,}, countries represented "
                        f"{ours['countries_represented']})")
        if rows == 1_000_000:
            verdicts.append(f"1,000,000 rows: `check` is {check[0] / duck[0]:.1f}x DuckDB "
                            f"(target: at most {TARGET_RATIO:.0f}x): "
                            f"{'met' if check[0] <= TARGET_RATIO * duck[0] else 'NOT met'}")
        if rows == 10_000_000:
            peak = max(check[1], indicators[1])
            verdicts.append(f"10,000,000 rows: peak memory {peak:.2f} GB (target: within "
                            f"{MEMORY_LIMIT_GB:.0f} GB): "
                            f"{'met' if peak <= MEMORY_LIMIT_GB else 'NOT met'}")
    print()
    for line in verdicts:
        print(f"- {line}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

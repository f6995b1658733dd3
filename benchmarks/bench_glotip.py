"""Time reading the GLOTIP export: pandas + openpyxl against load_glotip, cold and cached.

Run: ``make benchmark`` or ``.venv/bin/python benchmarks/bench_glotip.py [PATH]``.
The cold load uses an empty cache folder; the cached load is the median of five.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "glotip" / \
    "data_glotip_2025-04-14.xlsx"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        print(f"no GLOTIP file at {path}: pass its path as the first argument")
        return 2
    with tempfile.TemporaryDirectory() as cache:
        os.environ["HTMSS_CACHE_DIR"] = cache
        from htmss_analysis.public import sources

        openpyxl = timed(lambda: pd.read_excel(path, engine="openpyxl", header=2))
        cold = timed(lambda: sources.load_glotip(path))
        cached = statistics.median(timed(lambda: sources.load_glotip(path)) for _ in range(5))
    print(f"file: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{'pandas.read_excel (openpyxl)':<34}{openpyxl:8.2f} s")
    print(f"{'load_glotip, first (calamine)':<34}{cold:8.2f} s  {openpyxl / cold:6.1f}x faster")
    print(f"{'load_glotip, cached':<34}{cached:8.3f} s  {openpyxl / cached:6.0f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())

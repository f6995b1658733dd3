"""Time a fan-out of country briefs: `htmss-analysis build --country` against the naive loop.

The same reports both ways, on the synthetic sample data, wall time of whole
processes: the highlights, the briefs of the first N countries with a figure
in 2018 (by name), and their index.

- naive loop: for each report, the papermill CLI then `jupyter nbconvert --template htmss`,
  one after the other (what an analyst would script by hand);
- `build --programme highlights --country C1 ... CN`, nothing cached.

Run with `make benchmark` (N = 24); `python benchmarks/bench_briefs.py N` for another N.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]


def run(*args: object, env: dict, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([str(a) for a in args], check=True, capture_output=True, env=env, cwd=cwd)
    return time.perf_counter() - start


def main(n: int = 24) -> None:
    import htmss_analysis as h

    work = Path(tempfile.mkdtemp(prefix="htmss-bench-briefs-"))
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "HTMSS_CACHE_DIR": str(work / "cache")}
    from htmss_analysis.metrics.figures import country_figures

    codes = list(country_figures(h.load(), 2018)["iso3"][:n])
    run(BIN / "htmss-analysis", "check", env=env)  # untimed: writes the bytecode

    notebooks = ROOT / "notebooks"
    jobs = [("highlights", notebooks / "highlights.ipynb", [])]
    jobs += [(c, notebooks / "country_brief.ipynb", ["-p", "country", c]) for c in codes]
    jobs += [("index", notebooks / "country_index.ipynb", ["-p", "countries", " ".join(codes)])]
    naive = 0.0
    folder = work / "naive"
    folder.mkdir()
    for name, notebook, params in jobs:
        naive += run(BIN / "papermill", notebook, f"{name}.ipynb", "-p", "config", "none",
                     *params, env=env, cwd=folder)
        naive += run(BIN / "jupyter", "nbconvert", "--to", "html", "--template", "htmss",
                     f"{name}.ipynb", env=env, cwd=folder)

    env_cold = {**env, "HTMSS_CACHE_DIR": str(work / "cold-cache")}
    build = run(BIN / "htmss-analysis", "build", "--out", work / "built", "--config", "none",
                "--programme", "highlights", "--country", *codes, "--force", env=env_cold)
    reports = len(jobs)
    print(f"| how ({reports} reports: highlights, {n} briefs, index) | wall time | per report "
          "| vs naive loop |")
    print("|---|---|---|---|")
    for label, seconds in (("naive loop: papermill + nbconvert, one after the other", naive),
                           ("`build --country`, nothing cached", build)):
        print(f"| {label} | {seconds:.1f} s | {seconds / reports:.2f} s | "
              f"{seconds / naive:.2f}x |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24)

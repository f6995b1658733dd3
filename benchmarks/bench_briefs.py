"""Time what `make reports` builds, and the cost of one country brief, against the naive loop.

Whole processes on the synthetic sample data with the project's public-data
config (`config/public-sources.toml`, GLOTIP, SHERLOC and treaty status: what
`make reports` uses; the charts of GLOTIP victims are a brief's largest cost),
on this machine, side by side:

- naive loop: for each of N briefs, the papermill CLI then `jupyter nbconvert
  --template htmss` (what an analyst would script by hand); wall time and CPU
  (its processes' user + system time) per brief;
- `build` of one programme report with no brief, then with a brief of every
  country with a figure (`--country all`): the difference is what the briefs
  cost, and divided by their number, the CPU of one brief in a build;
- what `make reports` runs, after set-up: the default reports (highlights,
  programme reports, a brief of each country where the section worked, their
  index) in English, French and Spanish, nothing cached;
- `build --country all --lang en fr es --force`;
- the same build again with nothing changed.

Each line is printed with its target (issue 23) and whether it is met. Run
with `make benchmark`; `python benchmarks/bench_briefs.py N` for another N
(default 6).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config" / "public-sources.toml"


def run(*args: object, env: dict, cwd: Path | None = None) -> tuple[float, float]:
    """Run a command to the end; return its wall time and the CPU time of its processes.

    The CPU time is every descendant's (workers and their kernels included): each
    process is waited for by its parent before the command ends.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(a) for a in args], check=True, capture_output=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def status(value: float, target: float) -> str:
    return "met" if value <= target else "not met"


def main(n: int = 6) -> None:
    import htmss_analysis as h
    from htmss_analysis.metrics.country import worked_in
    from htmss_analysis.metrics.figures import country_figures
    from htmss_analysis.metrics.scope import Scope

    if not CONFIG.is_file():
        sys.exit(f"{CONFIG} is missing")
    work = Path(tempfile.mkdtemp(prefix="htmss-bench-briefs-"))
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "HTMSS_CACHE_DIR": str(work / "cache")}
    data = h.load()
    every = list(country_figures(data, 2018)["iso3"])
    worked = worked_in(data, Scope(2018))
    run(BIN / "htmss-analysis", "check", env=env)  # untimed: writes the bytecode

    folder = work / "naive"
    folder.mkdir()
    naive_wall = naive_cpu = 0.0
    for code in worked[:n]:
        for step in ([BIN / "papermill", ROOT / "notebooks" / "country_brief.ipynb",
                      f"{code}.ipynb", "-p", "country", code, "-p", "config", CONFIG,
                      "-p", "out_dir", folder],
                     [BIN / "jupyter", "nbconvert", "--to", "html", "--template", "htmss",
                      f"{code}.ipynb"]):
            wall, cpu = run(*step, env=env, cwd=folder)
            naive_wall += wall
            naive_cpu += cpu

    def build(out: str, *args: object, cache: str = "cold-cache") -> tuple[float, float]:
        return run(BIN / "htmss-analysis", "build", "--out", work / out, "--config", CONFIG,
                   *args, env={**env, "HTMSS_CACHE_DIR": str(work / cache)})

    # The marginal cost of the briefs: the same build with and without them.
    alone = build("alone", "--programme", "GLOT92", "--country", "none", cache="warm")
    with_briefs = build("with", "--programme", "GLOT92", "--country", "all", cache="warm")
    per_brief_cpu = (with_briefs[1] - alone[1]) / (len(every) + 1)
    per_brief_wall = (with_briefs[0] - alone[0]) / (len(every) + 1)
    default = build("default", "--lang", "en", "fr", "es", "--jobs", "2")
    everything = build("all", "--country", "all", "--lang", "en", "fr", "es", "--force",
                       "--jobs", "2", cache="warm")
    again = build("all", "--country", "all", "--lang", "en", "fr", "es", "--jobs", "2",
                  cache="warm")

    per_naive = (naive_wall / n, naive_cpu / n)
    print("| how | reports | wall time | CPU | per brief: wall, CPU | target | status |")
    print("|---|---|---|---|---|---|---|")
    print(f"| naive loop: papermill + nbconvert, brief after brief | {n} | "
          f"{naive_wall:.1f} s | {naive_cpu:.1f} s | {per_naive[0]:.2f} s, {per_naive[1]:.2f} s "
          "| | |")
    print(f"| `build --country all`, one programme report beside ({len(every)} briefs and "
          f"their index) | {len(every) + 2} | {with_briefs[0]:.1f} s | {with_briefs[1]:.1f} s | "
          f"{per_brief_wall:.2f} s, {per_brief_cpu:.2f} s | at most 0.3 s CPU a brief | "
          f"{status(per_brief_cpu, 0.3)} |")
    reports = 3 * (len(h.programmes.CODES) + 1 + len(worked) + 1)
    print(f"| what `make reports` builds: default briefs, en fr es, nothing cached | {reports} | "
          f"{default[0]:.1f} s | {default[1]:.1f} s | | at most 90 s | "
          f"{status(default[0], 90)} |")
    print(f"| `build --country all --lang en fr es --force` | "
          f"{3 * (len(h.programmes.CODES) + 1 + len(every) + 1)} | {everything[0]:.1f} s | "
          f"{everything[1]:.1f} s | | at most 240 s | {status(everything[0], 240)} |")
    print(f"| the same with nothing changed | | {again[0]:.2f} s | {again[1]:.2f} s | | "
          f"under 1 s | {status(again[0], 1 - 1e-9)} |")
    print(f"\nPer brief, the build costs {per_brief_cpu / per_naive[1]:.2f}x the CPU of the naive "
          f"loop ({per_brief_cpu:.2f} s against {per_naive[1]:.2f} s).")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)

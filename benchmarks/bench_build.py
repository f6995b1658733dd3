"""Time the four 2018 reports: `htmss-analysis build` against the naive papermill loop.

Side by side, whole processes, wall time, on the synthetic sample data:

- naive loop: for each report, the papermill CLI then `jupyter nbconvert --template htmss`,
  one report after the other (what an analyst would script by hand);
- `build`, nothing cached (a fresh cache folder and --force);
- `build` after changing one input (the UNTOC status file, read by the highlights only);
- `build` with nothing changed.

Run with `make benchmark`; prints a Markdown table.
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
REPORTS = [("GLOT59", "programme_report"), ("GLOT92", "programme_report"),
           ("GLOACT", "programme_report"), ("highlights", "highlights")]


def run(*args: object, env: dict | None = None, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([str(a) for a in args], check=True, capture_output=True, env=env, cwd=cwd)
    return time.perf_counter() - start


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="htmss-bench-"))
    # Python's compiled bytecode is kept, as on any normal install (some sandboxes turn
    # it off, which makes every process compile the package's modules again).
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "HTMSS_CACHE_DIR": str(work / "cache")}
    run(BIN / "htmss-analysis", "check", env=env)  # untimed: writes the bytecode
    untoc = work / "untoc.csv"
    untoc.write_text("Participant,Signature,Consent\nAlbania,12 Dec 2000,21 Aug 2002\n",
                     encoding="utf-8")

    naive = 0.0
    for name, notebook in REPORTS:
        params = ["-p", "programme", name] if notebook == "programme_report" else []
        out = work / "naive" / f"{name}.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        naive += run(BIN / "papermill", ROOT / "notebooks" / f"{notebook}.ipynb", out,
                     "-p", "config", "none", "-p", "treaty_untoc", untoc, *params, env=env)
        naive += run(BIN / "jupyter", "nbconvert", "--to", "html", "--template", "htmss", out,
                     env=env)

    build = [BIN / "htmss-analysis", "build", "--out", work / "built", "--config", "none",
             "--treaty-untoc", untoc, "--country", "none"]  # the four reports, no brief
    env_cold = {**env, "HTMSS_CACHE_DIR": str(work / "cold-cache")}
    cold = run(*build, "--force", env=env_cold)
    untoc.write_text("Participant,Signature,Consent\nAlbania,12 Dec 2000,21 Aug 2002\n"
                     "Chad,,2 Jan 2018 a\n", encoding="utf-8")
    one_change = run(*build, env=env_cold)
    no_change = run(*build, env=env_cold)

    rows = [("naive loop: papermill + nbconvert, one report after the other", naive),
            ("`build`, nothing cached", cold),
            ("`build` after changing one input (UNTOC status: highlights only)", one_change),
            ("`build` with nothing changed", no_change)]
    print("| how | wall time | vs naive loop |")
    print("|---|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.1f} s | {seconds / naive:.2f}x |")


if __name__ == "__main__":
    main()

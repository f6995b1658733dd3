"""Shared helpers: write small hand-made data folders."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from htmss_analysis.programmes import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

ACTIVITY_COLUMNS = ["activity_id", "programme", "title", "activity_type", "role", "level",
                    "start_date", "end_date", "country", "theme", "sdg_targets"]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    """Write ``rows`` (header first) as a CSV file."""
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


def activity(aid, programme, atype, level, start, country, theme="TIP", end="", sdg="",
             role="organized", title=None):
    return [aid, programme, title or f"Activity {aid}", atype, role, level, start, end,
            country, theme, sdg]


# The hand-made data set of the counting-rule tests. Expected figures are worked
# out by hand in test_indicators.py.
ACTIVITIES = [
    ACTIVITY_COLUMNS,
    activity("A1", "GLOT59", "training", "national", "2018-01-01", "BRA", sdg="8.7;17.9"),
    activity("A2", "GLOT59;GLOT92", "workshop", "national", "2018-12-31", "Mexico", "TIP;SOM",
             end="2019-01-02", sdg="10.7"),
    activity("A3", "GLOT92", "training", "regional", "2018-05-10", "AUT", "SOM", sdg="10.7"),
    activity("A4", "GLO.ACT", "e_learning", "global", "2018-03-01", ""),
    activity("A5", "GLOT59", "conference", "national", "2018-06-01", "NGA"),
    activity("A6", "GLOT59", "training", "national", "2017-12-31", "BRA"),
    activity("A7", "GLOT92", "training", "national", "2019-01-01", "SRB", "SOM"),
    activity("A8", "GLOACT", "legislative_assistance", "national", "2018-07-01", "PAK",
             role="contributed", sdg="16.2"),
    activity("A9", "GLOT59", "conference", "global", "2018-09-01", "AUT"),
]
PARTICIPANTS = [
    ["activity_id", "participant_id", "sex", "nationality", "group", "pre_test", "post_test",
     "full_name", "email"],
    ["A1", "p1", "F", "BRA", "prosecution", "40", "70", "Maria Secret", "maria@example.org"],
    ["A1", "p2", "male", "Brazil", "law_enforcement", "50", "60", "", ""],
    ["A1", "p3", "", "", "", "", "", "", ""],
    ["A2", "p1", "female", "BRA", "prosecution", "", "", "", ""],
    ["A2", "p4", "M", "MEX", "judiciary", "", "", "", ""],
    ["A3", "p5", "female", "KEN", "law_enforcement", "", "", "", ""],
    ["A3", "p6", "male", "Uganda", "law_enforcement", "", "", "", ""],
    ["A3", "p4", "male", "MEX", "judiciary", "", "", "", ""],
    ["A4", "p7", "female", "USA", "civil_society", "", "", "", ""],
    ["A4", "p1", "female", "BRA", "prosecution", "", "", "", ""],
    ["A5", "p8", "male", "NGA", "government", "", "", "", ""],
    ["A6", "p9", "female", "BRA", "labour_inspection", "", "", "", ""],
    ["A7", "p10", "male", "SRB", "law_enforcement", "", "", "", ""],
    ["A9", "p11", "female", "FRA", "academia", "", "", "", ""],
    ["A1", "p2", "male", "BRA", "law_enforcement", "", "", "", ""],
]
CASES = [
    ["case_id", "database", "jurisdiction", "added_date", "decision_year", "programme"],
    ["C1", "TIP", "BRA", "2018-03-01", "2017", ""],
    ["C1", "SOM", "MEX", "2018-04-01", "2018", ""],
    ["C2", "TIP", "International and regional bodies", "2018-12-31", "", ""],
    ["C3", "TIP", "Brazil", "2018-06-01", "", ""],
    ["C4", "SOM", "Mexico", "2019-01-01", "", ""],
    ["C5", "TIP", "ITA", "2017-12-31", "", ""],
    ["C6", "SOM", "PAK", "2018-02-02", "", "GLO.ACT"],
]
PUBLICATIONS = [
    ["publication_id", "programme", "title", "category", "published_date", "downloads"],
    ["P1", "GLOT59", "Issue paper", "standard_setting_tool", "2018-01-15", "120"],
    ["P2", "GLOT59;GLOT92", "Toolkit", "technical_cooperation_tool", "2018-11-30", ""],
    ["P3", "GLOACT", "Report", "publication", "2019-01-02", "5"],
]
WEB_STORIES = [
    ["story_id", "site", "published_date", "title", "programme"],
    ["W1", "UNODC/HTMSS", "2018-03-01", "Story one", ""],
    ["W2", "GLO.ACT", "2018-05-05", "Story two", "GLOACT"],
    ["W3", "UNODC/HTMSS", "2018-12-31", "Story three", "GLOT59"],
    ["W4", "UNODC/HTMSS", "2019-01-01", "Story four", ""],
]
WEB_TRAFFIC = [
    ["site", "month", "page_views", "programme"],
    ["UNODC/HTMSS", "2018-01", "1000", ""],
    ["UNODC/HTMSS", "2018-02", "2000", ""],
    ["GLO.ACT", "2018-01", "500", "GLOACT"],
    ["UNODC/HTMSS", "2019-01", "7000", ""],
]
SOCIAL_MEDIA = [
    ["account", "month", "posts", "programme"],
    ["@UNODC_HTMSS", "2018-01", "10", ""],
    ["@glo_act", "2018-12", "5", "GLOACT"],
    ["@glo_act", "2017-12", "3", "GLOACT"],
]
TABLES = {"activities": ACTIVITIES, "participants": PARTICIPANTS, "cases": CASES,
          "publications": PUBLICATIONS, "web_stories": WEB_STORIES, "web_traffic": WEB_TRAFFIC,
          "social_media": SOCIAL_MEDIA}


def write_folder(folder: Path, **overrides: list[list[str]] | None) -> Path:
    """Write the hand-made tables to ``folder``; ``name=rows`` replaces, ``name=None`` omits."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in {**TABLES, **overrides}.items():
        if rows is not None:
            write_csv(folder / f"{name}.csv", rows)
    return folder


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A folder with the hand-made tables."""
    return write_folder(tmp_path / "tiny")


@pytest.fixture
def tiny_data(tiny: Path):
    import htmss_analysis as h

    return h.load(tiny)


def built_earlier(folder: Path, *names: str, text: str = "<html></html>") -> None:
    """Write ``<name>.html`` for each name and record it as a build would (the manifest)."""
    import hashlib
    import json

    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / ".htmss-manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    for name in names:
        page = folder / f"{name}.html"
        page.write_text(text)
        manifest[name] = {"fingerprint": "0" * 64, "built": "2026-01-01", "outputs": {
            page.name: hashlib.sha256(page.read_bytes()).hexdigest()}}
    manifest_path.write_text(json.dumps(manifest))


def build_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``htmss-analysis build`` with ``args``; return the finished process's like.

    Run in this process (``cli.main``), its output captured: a new process would
    spend seconds importing what this one has, for each of the suite's dozens of
    builds. The reports themselves still run in the build's own worker processes
    and kernels, as always; the console script itself, its exit codes and the
    absence of tracebacks, is tested as a process elsewhere (``test_errors``,
    ``test_robustness``, ``test_doors``).
    """
    return run_cli("build", *args)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run the command line in this process; return its status and output as a process's."""
    import contextlib
    import io

    from htmss_analysis.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # the command's own exits (exit 2 on a bad argument)
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return subprocess.CompletedProcess(["htmss-analysis", *args], code, out.getvalue(),
                                       err.getvalue())


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory) -> Path:
    """Parsed public sources are cached in a folder of the test session, not the user's."""
    import os

    path = tmp_path_factory.mktemp("cache")
    os.environ["HTMSS_CACHE_DIR"] = str(path)
    return path


def render_notebook(notebook: str, ctx) -> str:
    """Render a package notebook's report sections in-process, in order, as one page.

    Runs each code cell that calls the report namespace (``r.<section>(ctx, ...)``)
    with ``ctx``, leaving out the workbook cell: the page a door would show.
    """
    import json

    from htmss_analysis import report as r

    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    calls = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return "".join(str(eval(call, {"r": r, "ctx": ctx}))  # noqa: S307 - the package's own cells
                   for call in calls if call.startswith("r.") and "tables_workbook" not in call)


PUBLIC_CONFIG = ROOT / "config" / "public-sources.toml"


LANGS = LANGUAGES
"""The languages of the sample build."""


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """Return a folder that ``make(folder)`` filled once for the whole test run.

    The suite runs in parallel workers (pytest-xdist, ``make test``), each a
    session of its own: the first worker to ask makes the folder, the others
    wait on a lock and read it. Without workers it is made once per session.
    Whoever uses it reads it only (or writes beside the outputs, never over them).
    """
    import fcntl
    import os
    import shutil

    base = tmp_path_factory.getbasetemp()
    # A worker's temporary folder sits in the run's own: that one is shared.
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = root / f"once-{name}", root / f"once-{name}.done"
    with (root / f"once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker's failed attempt
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The 2018 reports of the sample data (with the public sources), built once a run.

    The four reports, and the briefs of Kyrgyzstan (assisted) and Albania (only
    represented) with their index; in English, and in French and Spanish under
    ``fr/`` and ``es/``.
    """
    def make(out: Path) -> None:
        proc = build_cli("--year", "2018", "--out", str(out), "--jobs", "2", "--config",
                         str(PUBLIC_CONFIG), "--programme", "all", "--country", "KGZ", "ALB",
                         "--lang", *LANGS)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    return once_per_run(tmp_path_factory, "sample", make) / "2018"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """Mark the slow tests, keep a module's built fixture on one worker, start long ones first.

    Whatever needs the sample build (four reports through papermill) is slow.
    A module whose tests share a build of their own (a module-scoped fixture)
    runs on one parallel worker, so that it is built once. The slow modules
    are handed out first: a long one started last would keep the run waiting
    on one worker while the other idles.
    """
    for item in items:
        if "sample_build" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if any(defs and defs[-1].scope == "module" for defs in definitions.values()):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    weight = {}
    for item in items:
        cost = 2 if item.get_closest_marker("browser") else int(bool(
            item.get_closest_marker("slow")))
        weight[item.module.__name__] = max(weight.get(item.module.__name__, 0), cost)
    items.sort(key=lambda item: -weight[item.module.__name__])

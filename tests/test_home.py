"""The page of every report (``reports/index.html``), language links, and briefs built in bulk."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ACTIVITIES, PARTICIPANTS, build_cli, write_folder

HREF = re.compile(r'<a href="([^"#]+)(?:#[^"]*)?"')


def _links(page: Path) -> list[Path]:
    """Every relative link of a page, as the file it points to."""
    return [(page.parent / unquote(h)).resolve() for h in HREF.findall(page.read_text())
            if "://" not in h and not h.startswith("mailto:")]


def _nav(page: Path) -> list[str]:
    """The hrefs of a report's language and home links (its title block's nav)."""
    found = re.search(r'<nav [^>]*class="report-links"[^>]*>(.*?)</nav>', page.read_text())
    return re.findall(r'href="([^"]+)"', found.group(1)) if found else []


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory) -> Path:
    """The tiny data built in English and French with the default briefs."""
    root = tmp_path_factory.mktemp("home")
    data = write_folder(root / "data")
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(root / "out"),
                     "--lang", "en", "fr", "--config", "none", "--jobs", "2")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith(f"open {root / 'out' / 'index.html'}")
    return root


@pytest.mark.slow
def test_every_link_of_the_home_page_and_of_each_report_reaches_a_built_file(two_languages):
    out = two_languages / "out"
    home = out / "index.html"
    targets = _links(home)
    # 2 languages x (highlights and its technical companion, 3 programme reports, the index
    # of country briefs, the index of regional briefs), each with its workbook, and the
    # highlights' print edition where Chromium prints it: 28 links, or 30.
    printed = 2 if shutil.which("chromium") or shutil.which("chromium-browser") else 0
    assert len(targets) == 28 + printed and all(t.is_file() for t in targets), targets
    assert {t.name for t in targets} >= {"highlights-technical.html"}
    assert {t.name for t in targets} >= {"highlights.html", "GLOT59.xlsx", "index.html"}
    assert (out / "2018" / "fr" / "countries" / "index.html").resolve() in targets
    reports = sorted((out / "2018").rglob("*.html"))
    # The default briefs of 2018 (an activity held there): AUT, BRA, MEX, NGA, PAK, and their
    # regions, Western Europe, South America, Central America, Western Africa, Southern
    # Asia; with the 4 reports, the highlights' companion and the two indexes, 17 pages a
    # language.
    assert len(reports) == 34
    assert (out / "2018" / "fr" / "regions" / "index.html").resolve() in targets
    for page in reports:
        nav = _nav(page)
        assert len(nav) == 2, (page, nav)  # the other language, then every report
        other, back = ((page.parent / h).resolve() for h in nav)
        assert other.is_file() and other.name == page.name, (page, nav)
        assert back == home.resolve(), (page, nav)
        assert all(t.is_file() for t in _links(page)), page
    french = (out / "2018" / "countries" / "BRA.html").read_text()
    assert 'href="../fr/countries/BRA.html" hreflang="fr" lang="fr">Français</a>' in french
    english = (out / "2018" / "fr" / "GLOT59.html").read_text()
    assert 'href="../GLOT59.html" hreflang="en" lang="en">English</a>' in english
    assert 'href="../../index.html">Tous les rapports</a>' in english


@pytest.mark.slow
def test_briefs_of_a_build_are_the_briefs_built_one_by_one(two_languages, tmp_path):
    out = two_languages / "out" / "2018"
    for iso3 in ("BRA", "NGA"):
        alone = tmp_path / iso3
        proc = build_cli("--data", str(two_languages / "data"), "--year", "2018", "--out",
                         str(alone), "--country", iso3, "--lang", "en", "fr", "--config",
                         "none", "--jobs", "1")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        for folder in ("countries", "fr/countries"):
            assert (alone / "2018" / folder / f"{iso3}.html").read_bytes() == \
                (out / folder / f"{iso3}.html").read_bytes(), (iso3, folder)


@pytest.mark.slow
def test_a_build_counts_every_country_once_per_worker(two_languages):
    out = two_languages / "out" / "2018"
    by_process: dict[int, list] = {}
    briefs = quiet = 0
    for executed in sorted(out.rglob("*.ipynb")):
        for cell in json.loads(executed.read_text())["cells"]:
            for output in cell.get("outputs", []):
                facts = output.get("metadata", {}).get("htmss", {})
                if "process" in facts:
                    by_process.setdefault(facts["process"], []).extend(
                        tuple(k) for k in facts["counted"])
                    if executed.parent.name == "countries" and executed.stem != "index":
                        briefs += 1
                        quiet += not facts["counted"]
    assert briefs == 10  # 5 briefs in each of 2 languages, each recorded
    # Two workers, each with one kernel that ran every report it was given: each (year,
    # programme) is counted for all countries once in a worker, never once per brief.
    assert 1 <= len(by_process) <= 2
    for keys in by_process.values():
        assert len(keys) == len(set(keys)), keys
    # A brief needs 2018 and 2017 for the section: at most those 2 keys in each of 2 workers
    # are counted by briefs, so at least 6 of the 10 briefs count nothing.
    assert quiet >= 6


def test_the_countries_a_rule_picked_are_kept_with_the_data_they_came_from(tmp_path):
    from htmss_analysis import build as builder

    data = write_folder(tmp_path / "data")
    files = sorted(data.glob("*.csv"))
    out = tmp_path / "out"
    assert builder.recorded_briefs(out, 2018, "worked", files) is None  # nothing recorded
    builder.record_briefs(out, 2018, "worked", files, ["AUT", "BRA"])
    assert builder.recorded_briefs(out, 2018, "worked", files) == ["AUT", "BRA"]
    # another rule, another year, one byte of the data changed: the data must be read
    assert builder.recorded_briefs(out, 2018, "all", files) is None
    assert builder.recorded_briefs(out, 2017, "worked", files) is None
    with (data / "activities.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert builder.recorded_briefs(out, 2018, "worked", files) is None


def test_the_progress_line_is_one_line_rewritten_on_a_terminal(capsys):
    from htmss_analysis import build as builder
    from htmss_analysis.cli import Progress

    def job(name):
        return builder.Job(name, Path("n.ipynb"), {}, Path("/nowhere"), 1)

    shown = Progress(total=3, current=0, live=True)
    shown.cell(job("GLOT59"), 2, 14, "r.title(ctx)")
    shown.done(builder.Outcome(job("GLOT59"), False, 2.0, "cell 3: ValueError: bad"), 1, 3)
    shown.end()
    said = capsys.readouterr().out
    assert "[0/3]" in said and "running GLOT59 2/14" in said
    lines = said.split("\n")
    # The failure on a line of its own, the live line redrawn after it, in place (\r)
    assert any(line.endswith("[1/3] FAILED  GLOT59     cell 3: ValueError: bad")
               for line in lines), lines
    assert "1 failed" in lines[-2] and "\r\x1b[K[1/3]" in lines[-2]
    assert lines[-1] == ""
    logged = Progress(total=1, current=0, live=False)
    logged.cell(job("GLOT92"), 1, 14, "import")
    logged.done(builder.Outcome(job("GLOT92"), True, 0.0, skipped=True), 1, 1)
    said = capsys.readouterr().out
    assert "\r" not in said and "      started GLOT92\n" in said
    assert "[1/1] up to date GLOT92" in said


@pytest.mark.slow
def test_the_home_page_is_rewritten_only_when_a_report_comes_or_goes(two_languages, tmp_path):
    # Last in this module: it changes the shared build.
    out = two_languages / "out"
    home = out / "index.html"
    before = home.read_bytes()
    again = build_cli("--data", str(two_languages / "data"), "--year", "2018", "--out",
                      str(out), "--lang", "en", "fr", "--config", "none")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 built, 34 up to date" in again.stdout
    assert home.read_bytes() == before
    # Nigeria loses its one activity (A5, and p8 who attended it): no brief any more
    data = write_folder(tmp_path / "data",
                        activities=[r for r in ACTIVITIES if r[0] != "A5"],
                        participants=[r for r in PARTICIPANTS if r[0] != "A5"])
    countries = out / "2018" / "countries"
    mine = countries / "NGB.html"  # the analyst's own file, never the build's to remove
    mine.write_text("<p>notes</p>")
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(out),
                     "--lang", "en", "fr", "--config", "none")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Nigeria's brief and Western Africa's (Nigeria was its one country worked in), with
    # their notebooks and workbooks, in two languages
    assert "removed 12 file(s) of earlier briefs" in proc.stdout
    for folder in (countries, out / "2018" / "fr" / "countries"):
        assert not list(folder.glob("NGA.*")), list(folder.glob("NGA.*"))
        manifest = json.loads((folder / ".htmss-manifest.json").read_text())
        assert "NGA" not in manifest and {"AUT", "BRA", "MEX", "PAK"} <= set(manifest)
        assert "Nigeria" not in (folder / "index.html").read_text()
    assert mine.read_text() == "<p>notes</p>"
    for folder in (out / "2018" / "regions", out / "2018" / "fr" / "regions"):
        assert not list(folder.glob("011.*")) and (folder / "005.html").is_file()
    assert "Country briefs (4)" in home.read_text() and home.read_bytes() != before
    assert "Regional briefs (4)" in home.read_text()
    assert all(t.is_file() for t in _links(home))

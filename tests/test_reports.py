"""The report build: notebooks, self-contained HTML, determinism, escaping, failures."""

import ast
import json
import re
import shutil

import nbformat
import pytest

import htmss_analysis as h
from conftest import (
    ACTIVITIES,
    PUBLIC_CONFIG,
    ROOT,
    SHARED_DATA,
    build_cli,
    write_csv,
    write_folder,
)

REPORTS = ["GLOT59", "GLOT92", "GLOACT", "highlights", "highlights-technical"]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PARAM_LINE = re.compile(r"^(\w+): (int|str|float|bool) = (.+?)  # \S.*$")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_parameters_cell_holds_annotated_commented_literals(path):
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    lines = [line for line in cells[0].source.splitlines() if line.strip()]
    names = []
    for line in lines:
        match = PARAM_LINE.match(line)
        assert match, f"not 'name: type = literal  # comment': {line!r}"
        value = ast.literal_eval(match.group(3))
        assert type(value).__name__ == match.group(2)
        names.append(match.group(1))
    assert {"year", "data_dir", "lang", "out_dir"} <= set(names)
    # The language comment lists the package's languages, the one tuple, in its order.
    from htmss_analysis.programmes import LANGUAGE_NAMES, LANGUAGES

    lang = next(line for line in lines if line.startswith("lang:"))
    listed = [f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES]
    assert lang.endswith(", ".join(listed[:-1]) + " or " + listed[-1]), lang
    if path.name == "programme_report.ipynb":
        assert "programme" in names
    if path.name == "country_brief.ipynb":
        assert {"country", "programme"} <= set(names)


def test_sample_build_writes_every_report_beside_its_notebook(sample_build):
    for name in REPORTS:
        html = sample_build / f"{name}.html"
        assert html.exists() and (sample_build / f"{name}.ipynb").exists()
        assert html.stat().st_size < 2 * 1024 * 1024


@pytest.mark.parametrize("name", REPORTS)
def test_report_is_self_contained_and_has_no_code(sample_build, name):
    text = (sample_build / f"{name}.html").read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
    assert "@import" not in text and "url(http" not in text
    assert "r.context(" not in text and "import htmss_analysis" not in text
    # Charts inline, labelled, their text as text (nbconvert may reorder attributes).
    charts = re.findall(r"<svg\b[^>]*>", text)
    # The publication prints no chart; its companion and the other reports do.
    assert len(charts) >= (0 if name == "highlights" else 3)
    assert all('role="img"' in c and "aria-label=" in c for c in charts)
    assert 'alt=""' not in text


def _cards(text: str) -> dict[str, str]:
    """Each card's exact figure: its number, or the note's under a published "more than"."""
    found = re.findall(r'<div class="card" data-key="(\w+)"><a class="figure[^"]*" '
                       r'href="(?:[\w.-]+)?#rule-\1"[^>]*>([^<]+)</a><span class="label">'
                       r'(?:[^<]|<span translate="no">[^<]*</span>)*</span>'
                       r'(?:<span class="card-note">exactly ([\d,]+)</span>)?', text)
    return {key: exact or shown for key, shown, exact in found}


def test_highlights_report_shows_the_published_figures(sample_build):
    cards = _cards((sample_build / "highlights.html").read_text(encoding="utf-8"))
    assert cards["technical_cooperation_activities"] == "261"
    assert cards["countries_assisted"] == "25"
    assert cards["countries_represented"] == "80"
    assert cards["cases_added"] == "2,313"
    assert cards["jurisdictions_tip"] == "106" and cards["jurisdictions_som"] == "43"
    assert cards["web_stories"] == "145"
    assert cards["page_views"] == "615,232"


def test_programme_reports_show_their_own_share_of_the_published_figures(sample_build):
    """Facts, not the code's output: a programme's distinct count is at most the section's
    published one, joint work makes the programmes add up to more, and the sample's web rows
    belong to the section or GLO.ACT only."""
    section = _cards((sample_build / "highlights.html").read_text(encoding="utf-8"))
    cards = {p: _cards((sample_build / f"{p}.html").read_text(encoding="utf-8"))
             for p in ("GLOT59", "GLOT92", "GLOACT")}
    published = {"technical_cooperation_activities": 261, "countries_assisted": 25,
                 "countries_represented": 80, "cases_added": 2313, "page_views": 615232}
    for programme, shown in cards.items():
        assert all(re.fullmatch(r"\d{1,3}(,\d{3})*", v) for v in shown.values()), programme
        for key, total in published.items():
            if key in shown:
                assert 0 <= int(shown[key].replace(",", "")) <= total, (programme, key)
    for key in ("technical_cooperation_activities", "people_trained"):
        programmes = sum(int(c[key].replace(",", "")) for c in cards.values())
        assert programmes > int(section[key].replace(",", "")), key
    # A figure the data never attributes to the programme gets no card, never a big 0.
    for programme in ("GLOT59", "GLOT92"):
        assert "page_views" not in cards[programme]
        assert "social_media_posts" not in cards[programme]
    assert "page_views" in cards["GLOACT"]


STORIES = [["story_id", "programme", "country", "year", "title", "summary"],
           ["S1", "GLOT59", "BRA", "2018", "<b>Bold</b> claim",
            "<img src=x onerror=alert(2)> and <script>alert(3)</script>"]]


@pytest.mark.slow
def test_text_from_the_data_is_escaped_and_personal_data_never_written(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows[1][2] = "<script>alert(1)</script>"
    engagements = [["engagement_id", "date", "kind", "body", "title", "programme", "note"],
                   ["E1", "2018-05-02", "meeting_organized", "<i>ICAT</i>",
                    "<script>alert(4)</script> Principals", "GLOT59", "<u>21 of 23</u>"]]
    priorities = [["year", "area", "text"],
                  ["2019", "knowledge", "Publish <a href=x>an issue paper</a>"]]
    data = write_folder(tmp_path / "data", activities=rows, stories=STORIES,
                        engagements=engagements, priorities=priorities)
    out = tmp_path / "out"
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(out),
                     "--programme", "GLOT59", "highlights", "--config", "none")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("GLOT59", "highlights"):
        text = (out / "2018" / f"{name}.html").read_text(encoding="utf-8")
        assert "<script" not in text and "<img src=x" not in text
        for secret in ("Maria Secret", "maria@example.org"):
            assert secret not in text
            assert secret not in (out / "2018" / f"{name}.ipynb").read_text(encoding="utf-8")
    programme = (out / "2018" / "GLOT59.html").read_text(encoding="utf-8")
    # No public source was given: the country context is left out (the build says why).
    assert 'id="context"' not in programme and "not provided" not in programme
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in programme
    assert "&lt;img src=x onerror=alert(2)&gt;" in programme
    assert "&lt;b&gt;Bold&lt;/b&gt; claim" in programme
    # Engagements and priorities (contract version 2) are data too: shown as text.
    highlights = (out / "2018" / "highlights.html").read_text(encoding="utf-8")
    for shown in (programme, highlights):
        assert "&lt;script&gt;alert(4)&lt;/script&gt; Principals" in shown
        assert "&lt;i&gt;ICAT&lt;/i&gt;" in shown and "&lt;u&gt;21 of 23&lt;/u&gt;" in shown
    assert "Publish &lt;a href=x&gt;an issue paper&lt;/a&gt;" in highlights
    assert "<a href=x>" not in highlights


@pytest.mark.slow
def test_one_failed_report_leaves_the_others_and_exits_non_zero(tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    path = notebooks / "programme_report.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        'if programme == "GLOT92":\n    raise RuntimeError("deliberate failure for the test")'))
    nbformat.write(nb, path)
    data = write_folder(tmp_path / "data")
    out = tmp_path / "out"
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(out), "--notebooks",
                     str(notebooks), "--programme", "GLOT59", "GLOT92", "GLOACT")
    assert proc.returncode == 1
    assert (out / "2018" / "GLOT59.html").exists() and (out / "2018" / "GLOACT.html").exists()
    assert not (out / "2018" / "GLOT92.html").exists()
    assert "2 built, 1 failed" in proc.stdout
    assert re.search(r"GLOT92: cell \d+: RuntimeError: deliberate failure", proc.stdout)
    assert "Traceback" not in proc.stdout + proc.stderr


def test_bad_data_stops_the_build_before_any_notebook(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows[2][6] = "someday"
    data = write_folder(tmp_path / "data", activities=rows)
    proc = build_cli("--data", str(data), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "activities.csv, row 3, column start_date: value 'someday'" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_programme_is_refused(tmp_path):
    proc = build_cli("--programme", "GLOT00", "--out", str(tmp_path))
    assert proc.returncode == 2 and "GLOT00" in proc.stderr


def test_sections_display_in_jupyterlab():
    from htmss_analysis import report as s

    ctx = s.context(h.load(), 2018, "GLOT59")
    html = s.headline_cards(ctx)._repr_html_()
    assert 'data-key="people_trained"' in html
    assert json.dumps(ctx.parameters)  # parameters are plain values for the annex


def test_table_escapes_cells_and_headers():
    import pandas as pd

    from htmss_analysis.report.html import table

    out = table(pd.DataFrame({"<th>": ["<td>"], "n": [1234]}), numeric=("n",))
    assert "&lt;th&gt;" in out and "&lt;td&gt;" in out and '<td class="num">1,234</td>' in out
    assert write_csv  # shared helper stays importable for fixtures


SECTIONS = ["title", "toc", "headline_cards", "headline_trend", "activities", "people",
            "countries", "sdgs", "cases", "publications", "web", "results", "stories",
            "programme_shares", "activity_list", "data_quality", "method"]


@pytest.mark.parametrize("programme", [None, "GLOT59", "GLOACT"])
@pytest.mark.parametrize("year", [2018, 2017])
def test_every_section_renders_on_sparse_data(tmp_path, programme, year):
    """Optional tables absent, a year with little data: every section still renders."""
    from htmss_analysis import report as s

    folder = write_folder(tmp_path / "d", cases=None, web_traffic=None, social_media=None)
    ctx = s.context(h.load(folder), year, programme)
    for name in SECTIONS:
        fn = getattr(s, name)
        out = fn() if name == "toc" else fn(ctx)
        assert str(out).strip(), name


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"{SHARED_DATA} is absent")
def test_country_context_from_public_sources(sample_build):
    from htmss_analysis.public import sources

    text = (sample_build / "GLOACT.html").read_text(encoding="utf-8")
    assert "Country context: public data" in text
    assert "data_glotip_2025-04-14.xlsx" in text
    # Brazil, assisted by GLO.ACT: in a 2018 report, GLOTIP as of 2018 (never the 2022 series
    # the file also has): 101 detected victims, 6 girls; the TIP Protocol status file has
    # Brazil's ratification of 29 January 2004.
    brazil = re.search(r"<tr><td>Brazil</td>(.*?)</tr>", text).group(1)
    assert "<td>2018</td>" in brazil and '<td class="num">101</td>' in brazil
    assert '<td class="num">6</td>' in brazil and "<td>2022</td>" not in brazil
    assert "party since 29 Jan 2004 (ratification)" in brazil
    # A suppressed count is shown as published, never as 0.
    glotip = sources.load_glotip(SHARED_DATA / "glotip" / "data_glotip_2025-04-14.xlsx")
    kgz = sources.detected_victims(glotip, "KGZ", until=2018)
    assert kgz["censored"].any()
    # Kyrgyzstan has a brief in this build: its name links to it
    kyrgyz = re.search(r'<tr><td><a href="countries/KGZ.html">Kyrgyzstan</a></td>(.*?)</tr>',
                       text).group(1)
    assert '<td class="num">&lt;5</td>' in kyrgyz
    # No SOM status file is shared: the SOM Protocol has no column, and nothing says
    # "not provided" on the page (the build says it).
    context = text[text.index('id="context"'):text.index('id="publications"')]
    assert "SOM Protocol" not in context and "not provided" not in text
    assert "sha256" in text and PUBLIC_CONFIG.exists()


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"{SHARED_DATA} is absent")
def test_highlights_count_new_parties(sample_build):
    # On the technical companion, never on the publication.
    assert "States parties" not in (sample_build / "highlights.html").read_text(encoding="utf-8")
    text = (sample_build / "highlights-technical.html").read_text(encoding="utf-8")
    assert "States parties" in text and "parties on 31 December 2018" in text
    # The shared status files stop in 2013: the 2018 new parties cannot be known from them,
    # and the page says how far each file runs instead of calling them unknown.
    assert "unknown (status" not in text and "13 Dec 2013" in text
    assert "end before 31 December 2018" in text


def test_new_parties_in_the_year(tmp_path):
    from htmss_analysis import report as s

    status = [["Participant", "Signature", "Consent"],
              ["Albania", "12 Dec 2000", "21 Aug 2002"],
              ["Sudan", "", "14 Mar 2018 a"],
              ["Japan", "9 Dec 2002", "6 Jul 2017"],
              ["Chad", "", "2 Jan 2019 a"]]
    path = write_csv(tmp_path / "som.csv", status)
    from htmss_analysis.public.sources import PublicSources

    ctx = s.context(h.load(write_folder(tmp_path / "d")), 2018, None,
                    sources=PublicSources({"treaty_som": str(path)}))
    html = str(s.treaty_parties(ctx))
    # the instrument by its official title
    row = re.search(r"<tr><td>Protocol against the Smuggling of Migrants by Land, Sea and "
                    r"Air</td>.*?</tr>", html).group(0)
    # New in 2018: Sudan; parties by the end of 2018: Albania, Japan, Sudan (not Chad, 2019).
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["1", "3"]
    assert "<td>Sudan</td>" in row

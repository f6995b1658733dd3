"""What an analyst sees in JupyterLab, a terminal or a report: display objects and honest figures.

The hand-made data set is conftest.py's; expected values are worked out by hand in
the comments beside each assertion.
"""

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import htmss_analysis as h
from conftest import PARTICIPANTS, build_cli, run_cli, write_csv, write_folder
from htmss_analysis import paths
from htmss_analysis import report as s
from htmss_analysis.data import schema
from htmss_analysis.data.load import check_year, years_text
from htmss_analysis.frames import MINUS, Frame, signed
from htmss_analysis.metrics import breakdowns, figures
from htmss_analysis.metrics.scope import Scope
from htmss_analysis.public.sources import PublicSources, public_sources
from htmss_analysis.report import charts
from htmss_analysis.report import html as rh


def count(key: str, *args) -> int:
    """Count headline figure ``key`` (its declaration's rule)."""
    return figures.REGISTRY[key].count(*args)

SECTIONS = ["title", "headline_cards", "headline_trend", "activities", "people", "countries",
            "sdgs", "cases", "country_context", "publications", "web", "results", "stories",
            "programme_shares", "activity_list", "data_quality", "method", "treaty_parties"]


@pytest.fixture
def ctx(tiny_data):
    return s.context(tiny_data, 2018, None)


# --- display objects carry their look ---------------------------------------------------


@pytest.mark.parametrize("name", SECTIONS)
def test_every_section_output_carries_its_scoped_styles(ctx, name):
    out = getattr(s, name)(ctx)._repr_html_()
    assert out.startswith('<style data-htmss>')
    # The technical part (data quality, method, workbook) is marked as such, and only it.
    technical = ' data-part="technical"' if name in {"data_quality", "method"} else ""
    assert f'</style><div class="htmss"{technical}>' in out
    assert out.count("<style") == 1  # charts inside a section do not repeat the styles
    assert out.endswith("</div>")


def test_every_style_rule_is_scoped_to_the_report_class():
    # Nothing may leak into the rest of JupyterLab: every selector starts at div.htmss.
    css = re.sub(r"@media print\{", "", rh.CSS)
    selectors = [block.split("{")[0] for block in css.split("}") if "{" in block]
    assert len(selectors) > 30
    for group in selectors:
        for selector in group.split(","):
            assert selector.strip().startswith("div.htmss"), selector


def test_cards_lie_in_a_grid_and_badges_keep_their_colours():
    assert re.search(r"div\.htmss \.cards\{display:grid", rh.CSS)
    assert "div.htmss .status.green{background:var(--green)}" in rh.CSS
    # Text columns at the start of the line, numbers at its end (left and right in English),
    # beating JupyterLab's right-aligned cells.
    assert "text-align:start" in rh.CSS and "div.htmss table.data .num{text-align:end" in rh.CSS


def test_sections_read_as_text_in_a_terminal(ctx):
    text = repr(s.headline_cards(ctx))
    # Section 2018: 5 technical cooperation activities (A1 A2 A3 A5 A8), 7 people trained.
    assert "5 Technical cooperation activities" in text
    # The highlights' cards carry the publication's captions.
    assert "7 Practitioners, government officials and civil society representatives trained" \
        in text
    assert "<" not in text and "{" not in text
    table_text = repr(s.headline_trend(ctx))
    assert "figure | 2017 | 2018 | change from 2017" in table_text


def test_the_title_names_the_page_through_output_metadata(ctx):
    data, meta = s.title(ctx, "highlights at a glance")._repr_mimebundle_()
    assert meta == {"htmss": {"title": "HTMSS 2018 highlights at a glance", "lang": "en",
                              "dir": "ltr"}}
    assert "text/html" in data and "text/plain" in data


def test_highlights_spell_each_programme_out_at_first_use(ctx):
    text = str(s.title(ctx, "highlights at a glance"))
    for code, name in [("GLOT59", "Global Programme against Trafficking in Persons"),
                       ("GLOT92", "Global Programme against the Smuggling of Migrants"),
                       ("GLO.ACT", "Global Action to Prevent and Address Trafficking")]:
        assert f"{code}, {name}" in text


def test_story_figure_sits_in_its_own_header(tiny, tmp_path):
    stories = [["story_id", "programme", "country", "year", "title", "summary", "figure",
                "unit"],
               ["S1", "GLOT59", "BRA", "2018", "First", "One.", "20", "people"],
               ["S2", "GLOT59", "BRA", "2018", "Second", "Two.", "", ""]]
    write_csv(tiny / "stories.csv", stories)
    html = str(s.stories(s.context(h.load(tiny), 2018, None)))
    first, second = html.split('<article class="story">')[1:]
    assert re.search(r'<header class="story-head"><h3>First</h3><p class="story-figure">20 '
                     r'<span>people</span></p></header>', first)
    assert "story-figure" not in second


# --- frames the API returns --------------------------------------------------------------


def test_frames_show_thousands_separators_and_whole_titles():
    title = "A very long indicator title that pandas would cut at fifty characters by default"
    frame = Frame({"title": [title], "value": [615232], "share": [0.25]})
    for shown in (repr(frame), frame._repr_html_()):
        assert "615,232" in shown and title in shown and "0.25" in shown
    assert pd.get_option("display.max_colwidth") == 50  # no global option was touched


def test_the_api_returns_frames(tiny_data):
    assert isinstance(h.headline(tiny_data, 2018), Frame)
    assert isinstance(breakdowns.activities_by(tiny_data, Scope(2018), "level"), Frame)
    assert isinstance(breakdowns.programme_shares(tiny_data, Scope(2018)), Frame)
    assert isinstance(breakdowns.activities_by(tiny_data, Scope(2018), "level")[["level"]], Frame)


def test_one_number_format_per_column_and_minus_signs():
    out = rh.table(pd.DataFrame({"a": [49.0, 48.9], "b": [1234, -3], "c": ["<5", 7.0]}),
                   numeric=("a", "b", "c"))
    cells = re.findall(r'<td class="num">([^<]*)</td>', out)
    assert cells == ["49.0", "1,234", "&lt;5", "48.9", f"{MINUS}3", "7"]
    assert (signed(12), signed(-3), signed(0)) == ("+12", f"{MINUS}3", "0")


def test_chart_legends_use_words():
    frame = pd.DataFrame({"activity_type": ["training"], "pre_test": [40.0], "post_test": [70.0]})
    chart = charts.grouped_bar(frame, "activity_type", {"pre_test": "pre-test",
                                                        "post_test": "post-test"}, "Scores",
                               "score")
    assert "pre-test: training 40" in chart.alt and "pre_test" not in chart.alt


def test_importing_and_charting_switch_no_backend(tmp_path):
    code = ("import matplotlib; matplotlib.use('svg')\n"
            "import matplotlib.pyplot as plt\n"
            "import pandas as pd\n"
            "import htmss_analysis as h\n"
            "from htmss_analysis.report import charts\n"
            "charts.bar(pd.DataFrame({'x': ['a'], 'y': [1]}), 'x', 'y', 'T', 'n')\n"
            "print(matplotlib.get_backend(), plt.get_fignums(), pd.get_option('display.width'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["svg", "[]", "80"]


# --- honest figures ------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "expected"), [
    # Web traffic and social media rows are the section's ("") or GLO.ACT's.
    ("page_views", {"GLOT59": False, "GLOT92": False, "GLOACT": True}),
    ("social_media_posts", {"GLOT59": False, "GLOT92": False, "GLOACT": True}),
    # TIP cases all default to GLOT59; SOM cases to GLOT92, one tagged GLO.ACT.
    ("jurisdictions_tip", {"GLOT59": True, "GLOT92": False, "GLOACT": False}),
    ("jurisdictions_som", {"GLOT59": False, "GLOT92": True, "GLOACT": True}),
    # Web stories W2 (GLOACT) and W3 (GLOT59); none names GLOT92.
    ("web_stories", {"GLOT59": True, "GLOT92": False, "GLOACT": True}),
    ("people_trained", {"GLOT59": True, "GLOT92": True, "GLOACT": True}),
])
def test_figures_never_attributed_to_a_programme(tiny_data, key, expected):
    got = {p: figures.attributed(tiny_data, key, p) for p in expected}
    assert got == expected
    assert figures.attributed(tiny_data, key, None)


def test_no_big_zero_card_for_a_figure_not_attributed(tiny_data):
    html = str(s.headline_cards(s.context(tiny_data, 2018, "GLOT59")))
    keys = re.findall(r'data-key="(\w+)"', html)
    assert "page_views" not in keys and "social_media_posts" not in keys
    assert "jurisdictions_som" not in keys and "jurisdictions_tip" in keys
    assert ("Not attributed to GLOT59: Jurisdictions of SOM cases added; Page views; "
            "Social media posts.") in html


def test_shares_say_not_attributed_instead_of_zero(tiny_data):
    text = repr(s.programme_shares(s.context(tiny_data, 2018, None)))
    # GLOT59 | GLOT92 | GLO.ACT | HTMSS; 2018 page views: 1,000 + 2,000 of the section
    # and 500 of GLO.ACT = 3,500 in all.
    assert "Page views | not attributed | not attributed | 500 | 3,500" in text


def test_breakdowns_that_exceed_the_total_say_so(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[8][4] = "government"  # p4 attends A3 as government, A2 as judiciary
    data = h.load(write_folder(tmp_path / "d", participants=rows))
    assert breakdowns.people_in_several(data, Scope(2018), "group") == 1
    assert breakdowns.people_in_several(data, Scope(2018), "sex") == 0
    by_group = breakdowns.people_by(data, Scope(2018), "group")
    assert by_group["people"].sum() == count("people_trained", data, 2018) + 1 == 8
    html = str(s.people(s.context(data, 2018, None)))
    assert "1 person attended under more than one professional group" in html
    assert "more than one sex" not in html


def test_a_programme_without_rows_in_the_year_says_so(tiny_data):
    # 2017: only A6 (GLOT59), C5 (TIP -> GLOT59) and a GLO.ACT social media row.
    html = str(s.headline_cards(s.context(tiny_data, 2017, "GLOT92")))
    assert "GLOT92 has no rows in 2017" in html


def test_years_are_written_as_ranges():
    assert years_text([2019, 2012, 2016, 2017, 2018]) == "2012, 2016-2019"
    assert years_text([]) == "none"


def test_a_year_without_rows_is_an_error_naming_the_years_covered(tiny_data):
    # Rows from 2017 (A6, C5, a post) to 2019 (A7, C4, P3, W4, web traffic).
    assert tiny_data.years == [2017, 2018, 2019]
    with pytest.raises(h.DataError, match="the data covers 2017-2019"):
        check_year(tiny_data, 2010)
    with pytest.raises(h.DataError, match="2017-2019"):
        s.context(tiny_data, 2016, None)


def test_cli_refuses_a_year_without_rows(tmp_path):
    proc = run_cli("indicators", "--year", "2010")
    assert proc.returncode == 2
    assert "value '2010'" in proc.stderr and "the data covers 2016-2019" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_build_refuses_a_year_without_rows(tmp_path):
    proc = build_cli("--year", "2010", "--out", str(tmp_path / "out"), "--config", "none")
    assert proc.returncode == 2 and "the data covers 2016-2019" in proc.stderr
    assert " ok " not in proc.stdout and not (tmp_path / "out").exists()


# --- tables that read well -----------------------------------------------------------------


def test_states_parties_table_has_no_duplicate_columns(tiny_data, tmp_path):
    status = write_csv(tmp_path / "tip.csv", [["Participant", "Signature", "Consent"],
                                              ["Albania", "12 Dec 2000", "21 Aug 2018"]])
    ctx = s.context(tiny_data, 2018, None, sources=PublicSources({"treaty_tip": str(status)}))
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", str(s.treaty_parties(ctx)))
    assert len(heads) == len(set(heads)) == 5


def test_ids_and_dates_never_break(ctx):
    html = str(s.activity_list(ctx))
    assert '<td class="nowrap">A1</td><td class="nowrap">1 Jan 2018</td>' in html
    assert "div.htmss table.data .nowrap{white-space:nowrap" in rh.CSS


def test_print_rules_in_the_styles():
    assert "thead{display:table-header-group}" in rh.CSS
    assert "div.htmss h2,div.htmss h3{break-after:avoid" in rh.CSS
    template = (paths.templates() / "htmss" / "index.html.j2").read_text(encoding="utf-8")
    assert "@page{size:A4" in template


# --- the API an analyst types --------------------------------------------------------------


def test_top_level_loaders():
    assert h.load_glotip is h.sources.load_glotip
    assert h.load_sherloc_cases is h.sources.load_sherloc_cases
    assert h.load_treaty_status is h.sources.load_treaty_status


def test_dataset_tables_are_real_attributes(tiny_data):
    fields = [f.name for f in dataclasses.fields(h.Dataset)]
    assert set(schema.TABLES) <= set(fields)
    assert "activities" in dir(tiny_data) and list(tiny_data.tables) == list(schema.TABLES)
    assert tiny_data.activities is tiny_data.tables["activities"]


def test_dataset_repr_lists_its_warnings(tiny_data):
    text = repr(tiny_data)
    assert text.startswith("<Dataset tiny: activities 9, participants 14")
    assert "value 'A1 / p2': one attendance per person and activity" in text


def test_the_sample_is_recognised_by_content_wherever_it_lies(tmp_path):
    import shutil

    copy = shutil.copytree(paths.sample_data(), tmp_path / "elsewhere")
    assert h.load(copy).synthetic
    (copy / "web_traffic.csv").write_text("site,month,page_views\nX,2018-01,1\n",
                                          encoding="utf-8")
    assert not h.load(copy).synthetic


# --- public sources from the project's config --------------------------------------------


def _project(root: Path) -> Path:
    (root / "config").mkdir(parents=True)
    (root / "notebooks").mkdir()
    (root / "config" / "public-sources.toml").write_text(
        '[sources]\nglotip = "../g.csv"\ntreaty_tip = "../t.csv"\n', encoding="utf-8")
    return root


def test_a_notebook_finds_the_project_config_from_its_folder(tmp_path, monkeypatch):
    root = _project(tmp_path / "proj")
    monkeypatch.chdir(root / "notebooks")  # where JupyterLab starts a notebook's kernel
    sources = public_sources("")
    assert sources.config == (root / "config" / "public-sources.toml").resolve()
    assert sources.paths == {"glotip": str((root / "g.csv").resolve()),
                             "treaty_tip": str((root / "t.csv").resolve())}


def test_explicit_paths_win_and_none_means_none(tmp_path, monkeypatch):
    root = _project(tmp_path / "proj")
    monkeypatch.chdir(root)
    mine = tmp_path / "mine.csv"
    assert public_sources("", glotip=str(mine)).paths["glotip"] == str(mine.resolve())
    assert public_sources("none").paths == {} and public_sources("none").config is None
    assert public_sources("none", treaty_som=str(mine)).paths == {"treaty_som": str(mine)}
    with pytest.raises(ValueError, match="unknown public source 'glotipp'"):
        public_sources("", glotipp="x")


def test_the_annex_names_files_never_full_paths(tmp_path, monkeypatch, tiny_data):
    root = _project(tmp_path / "proj")
    monkeypatch.chdir(root)
    ctx = s.context(tiny_data, 2018, "GLOT59", sources=public_sources(""))
    assert ctx.parameters == {"year": 2018, "programme": "GLOT59", "data": "tiny",
                              "years_back": 2, "public sources config": "public-sources.toml"}
    assert str(tmp_path) not in str(s.method(ctx))


# --- kernels --------------------------------------------------------------------------------


def test_notebooks_declare_the_standard_kernel():
    import nbformat

    for path in sorted((paths.notebooks()).glob("*.ipynb")):
        assert nbformat.read(path, as_version=4).metadata.kernelspec.name == "python3", path


def test_build_runs_notebooks_in_its_own_interpreter_without_a_kernelspec():
    from htmss_analysis.build import _kernel_manager_class

    manager = _kernel_manager_class()(kernel_name="python3")
    assert manager.kernel_spec.argv[:3] == [sys.executable, "-m", "ipykernel_launcher"]
    assert not (Path(sys.prefix) / "share" / "jupyter" / "kernels" / "htmss-analysis").exists()


def test_version_2_sections_are_left_out_of_a_version_1_report(tiny_data):
    ctx = s.context(tiny_data, 2018)
    assert str(s.intergovernmental(ctx)) == str(s.priorities(ctx)) == ""
    nav = str(s.toc(("highlights", "Highlights"), ("priorities", "Priorities"),
                    ("intergovernmental", "Intergovernmental work"), ctx=ctx))
    assert 'href="#highlights"' in nav
    assert "#priorities" not in nav and "#intergovernmental" not in nav
    quality = str(s.data_quality(ctx))
    # Table names are identifiers: code, never words of the page's language.
    assert "their sections are left out" in quality
    assert ('<code translate="no">engagements</code>, <code translate="no">priorities</code>'
            in quality)


def test_engagement_lists_are_complete_in_the_data_order(tmp_path):
    from conftest import write_folder

    rows = [["engagement_id", "date", "kind", "body", "title"]]
    rows = [[*rows[0], "order"]]
    # 15 inputs, 1 to 15 January, in the file from the 15th back to the 1st; the 9th and
    # the 3rd numbered 1 and 2: on the page 9, 3, then the rest as the file has them.
    rows += [[f"E{i}", f"2018-01-{i:02d}", "report_input", "General Assembly", f"Input {i}",
              {9: "1", 3: "2"}.get(i, "")] for i in range(15, 0, -1)]
    rows += [["P1", "2019-03-01", "briefing", "ICAT", "Next year's briefing", ""],
             ["J1", "2018-07-30", "joint_publication", "ICAT", "Issue Brief on children", ""]]
    priorities = [["year", "area", "text", "order"],
                  ["2019", "knowledge", "Second", "2"], ["2019", "knowledge", "First", "1"],
                  ["2019", "technical_cooperation", "Unnumbered", ""]]
    data = h.load(write_folder(tmp_path / "d", engagements=rows, priorities=priorities))
    html = str(s.intergovernmental(s.context(data, 2018)))
    listed = re.findall(r"Input (\d+)", html)
    assert listed == ["9", "3", "15", "14", "13", "12", "11", "10", "8", "7", "6", "5", "4",
                      "2", "1"]
    assert "more" not in html and "Next year" not in html
    # A joint publication is listed with the intergovernmental work, counted in no figure.
    assert "Joint publications with other agencies" in html and "Issue Brief on children" in html
    figures_ = h.compute(data, 2018)
    assert figures_["report_inputs"] == 15 and figures_["briefings"] == 0
    text = str(s.priorities(s.context(data, 2018)))
    # Areas in the highlights' order (technical cooperation first), then by order.
    assert text.index("Unnumbered") < text.index("First") < text.index("Second")

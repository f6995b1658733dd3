"""The highlights as HTMSS publishes them: the publication's parts in its order, its words.

Expected headings and texts are written out by hand from the 2018 publication
(``../shared/seed/htmss-2018-highlights.txt``) and from the hand-made rows below.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import render_notebook, write_folder
from htmss_analysis.metrics.scope import Scope


def _headings(page: str, deepest: int = 3) -> list[tuple[int, str]]:
    return [(int(level), html.unescape(re.sub(r"<[^>]+>", "", text))) for level, text in
            re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page) if int(level) <= deepest]


@pytest.mark.slow
def test_the_highlights_follow_the_publication_and_leave_the_workings_to_the_companion():
    import htmss_analysis as h
    from htmss_analysis import report as r

    page = render_notebook("highlights.ipynb", r.context(h.load(), 2018, None,
                                                        page="publication"))
    # The publication's parts in its order, each with its priorities for 2019 right after
    # it; nothing after them but the foot (trends, shares, data quality and method are on
    # the technical companion).
    assert _headings(page) == [
        (1, "HTMSS 2018: highlights at a glance"),
        (2, "2018 highlights"),
        (2, "What we do"),
        (2, "Technical cooperation: working with countries to effectively address "
            "trafficking in persons and the smuggling of migrants"),
        (3, "Results stories"),
        (3, "Awareness raising"),
        (3, "Technical cooperation priorities for 2019"),
        (2, "Highlights of our intergovernmental and inter-agency work and policy "
            "contributions"),
        (3, "The Global Compact for Migration"),
        (3, "Coordinator of ICAT"),
        (3, "A review mechanism for the Convention"),
        (3, "Contributing to the global discourse through reporting"),
        (3, "Meetings organized"),
        (3, "Briefings and side events"),
        (3, "Joint publications with other agencies"),
        (3, "Sessions serviced"),
        (3, "Reports drafted or coordinated"),
        (3, "Inputs to reports of the Secretary-General and UN bodies"),
        (3, "Intergovernmental, inter-agency work and policy priorities for 2019"),
        (2, "Knowledge development and management"),
        (3, "Thematic Paper: Countering Trafficking in Persons in Conflict Situations"),
        (3, "Issue Paper: The International Legal Definition of Trafficking in Persons"),
        (3, "Education for Justice"),
        (3, "Knowledge development and management priorities for 2019"),
        (2, "2030 Agenda for Sustainable Development"),
        (3, "The targets the section's work contributes to"),
        (3, "Alliance 8.7"),
        (3, "REDTRAM: one network, several targets"),
    ]
    # No annex on the publication, and its cards do not link to rules it does not hold.
    assert 'id="annex"' not in page and 'id="method"' not in page
    assert 'href="#rule-' not in page


NARRATIVE = [
    ["year", "part", "order", "heading", "text", "text_fr"],
    ["2018", "knowledge", "2", "", "Second in its part.", ""],
    ["2018", "knowledge", "1", "Tools <b>new</b>",
     "First paragraph with <b>markup</b> & more.\n\nSecond paragraph.", "Premier <i>texte</i>."],
    ["2018", "sdgs", "", "", "Only in the SDG part.", "Seulement ODD."],
    ["2017", "knowledge", "", "", "Of another year.", ""],
]


@pytest.fixture
def narrated(tmp_path):
    import htmss_analysis as h

    return h.load(write_folder(tmp_path / "d", narrative=NARRATIVE))


def test_a_part_shows_its_narrative_in_order_escaped(narrated):
    from htmss_analysis import report as r

    ctx = r.context(narrated, 2018, None)
    page = str(r.part(ctx, "knowledge"))
    assert re.findall(r"<(h[23]|p)[^>]*>(.*?)</\1>", page) == [
        ("h2", "Knowledge development and management"),
        ("h3", "Tools &lt;b&gt;new&lt;/b&gt;"),
        ("p", "First paragraph with &lt;b&gt;markup&lt;/b&gt; &amp; more."),
        ("p", "Second paragraph."),
        ("p", "Second in its part."),
    ]
    assert "Only in the SDG part." in str(r.part(ctx, "sdgs"))
    assert "Of another year" not in page


def test_a_section_after_a_part_is_one_level_down_and_the_programme_reports_are_not(narrated):
    from htmss_analysis import report as r

    ctx = r.context(narrated, 2018, None)
    assert re.search(r"<h2[^>]*>Results stories</h2>", str(r.stories(ctx)))
    r.part(ctx, "technical_cooperation")
    assert re.search(r"<h3[^>]*>Results stories</h3>", str(r.stories(ctx)))
    assert re.search(r"<h3[^>]*>Web and social media</h3>", str(r.web(ctx)))
    programme = r.context(narrated, 2018, "GLOT59")
    assert re.search(r"<h2[^>]*>Results stories</h2>", str(r.stories(programme)))


def test_narrative_in_french_is_the_translation_or_marked_english_and_counted(narrated):
    from htmss_analysis import report as r

    ctx = r.context(narrated, 2018, None, lang="fr")
    page = str(r.part(ctx, "knowledge"))
    assert '<p class="narrative"><span lang="en">Second in its part.</span></p>' in page
    assert '<p class="narrative">Premier &lt;i&gt;texte&lt;/i&gt;.</p>' in page
    # The heading has no French: shown in English, marked.
    assert '<span lang="en">Tools &lt;b&gt;new&lt;/b&gt;</span>' in page
    assert sorted(c for _t, _i, c in ctx.untranslated) == ["heading", "text"]


# --- figures as published ------------------------------------------------------------------


@pytest.mark.parametrize(("value", "published"), [
    (4587, 4500), (1046, 1000), (615232, 610000), (1999, 1900), (10001, 10000),
    (999, None), (20, None), (4500, None), (1000, None)])
def test_the_published_form_rounds_down_to_two_significant_figures(value, published):
    from htmss_analysis.metrics.figures import as_published

    assert as_published(value) == published


def _cards(page: str) -> dict[str, tuple[str, str]]:
    return {k: (v, note) for k, v, note in re.findall(
        r'data-key="(\w+)"><a[^>]*>([^<]*)</a><span class="label">'
        r'(?:[^<]|<span translate="no">[^<]*</span>)*</span>'
        r'(?:<span class="card-note">([^<]*)</span>)?', page)}


@pytest.mark.slow
def test_the_highlights_print_rounded_figures_as_published_with_the_exact_one_beside():
    import htmss_analysis as h
    from htmss_analysis import report as r

    data = h.load()
    cards = _cards(str(r.headline_cards(r.context(data, 2018, None, as_published=True))))
    # As the 2018 publication prints them: OVER 4,500 trained, OVER 1,000 posts; the rest
    # exact (2,313 cases, 615,232 page views).
    assert cards["people_trained"] == ("more than 4,500", "exactly 4,587")
    assert cards["social_media_posts"] == ("more than 1,000", "exactly 1,046")
    assert cards["cases_added"] == ("2,313", "") and cards["page_views"] == ("615,232", "")
    # Switched off (the programme reports' way), every card is exact.
    exact = _cards(str(r.headline_cards(r.context(data, 2018, None))))
    assert exact["people_trained"] == ("4,587", "")


def test_a_story_figure_keeps_its_qualifier(tmp_path):
    import htmss_analysis as h
    from htmss_analysis import report as r

    stories = [["story_id", "programme", "year", "title", "summary", "figure", "unit",
                "qualifier"],
               ["S1", "GLOT59", "2018", "Victims rescued", "Text.", "60", "victims",
                "more_than"],
               ["S2", "GLOT59", "2018", "People reached", "Text.", "60000", "people", "about"],
               ["S3", "GLOT59", "2018", "A law", "Text.", "1", "law", ""]]
    data = h.load(write_folder(tmp_path / "d", stories=stories))
    page = str(r.stories(r.context(data, 2018, None)))
    assert re.findall(r'story-figure">([^<]*)', page) == ["more than 60 ", "about 60,000 ",
                                                          "1 "]
    page = str(r.stories(r.context(data, 2018, None, lang="es")))
    assert re.findall(r'story-figure">([^<]*)', page) == ["más de 60 ", "unos 60.000 ", "1 "]


# --- linked records (contract version 3) -----------------------------------------------------

RESULTS = [["programme", "result_id", "level", "indicator", "unit", "baseline", "target",
            "actual", "year", "figure"],
           ["GLOT59", "OP1", "output", "Practitioners trained", "people", "0", "8", "6", "2018",
            "people_trained"],
           ["GLOT59", "OP2", "output", "Curricula", "curricula", "0", "4", "3", "2018", ""]]


def test_a_result_linked_to_a_figure_takes_the_computed_actual_and_warns_of_a_typed_one(
        tmp_path):
    import htmss_analysis as h
    from htmss_analysis.metrics.results import results_status

    data = h.load(write_folder(tmp_path / "d", results=RESULTS))
    status = results_status(data, Scope(2018)).set_index("result_id")
    # GLOT59 trained p1, p2, p3 and p4 in 2018 (A1, A2): 4, not the 6 typed.
    assert status.loc["OP1", "actual"] == 4 and status.loc["OP1", "progress"] == 0.5
    assert status.loc["OP2", "actual"] == 3  # not linked: as typed
    [warned] = [w for w in data.warnings if w.file == "results.csv"]
    assert (warned.row, warned.column, warned.value) == (2, "actual", "6")
    assert "6 differs from people_trained computed from the records, 4" in warned.expected


def test_an_unknown_figure_key_or_activity_is_an_error(tmp_path):
    import htmss_analysis as h

    results = [list(r) for r in RESULTS]
    results[2][-1] = "people_trainde"
    stories = [["story_id", "programme", "year", "title", "summary", "activity_ids"],
               ["S1", "GLOT59", "2018", "T", "S", "A1; A99"]]
    with pytest.raises(h.DataError) as caught:
        h.load(write_folder(tmp_path / "d", results=results, stories=stories))
    lines = str(caught.value).splitlines()
    assert any("results.csv, row 3, column figure: value 'people_trainde'" in line
               for line in lines)
    assert any("stories.csv, row 2, column activity_ids: value 'A99'" in line for line in lines)
    assert not any("'A1'" in line for line in lines)


def test_a_story_whose_programme_is_not_its_activities_is_a_warning_in_the_report(tmp_path):
    import htmss_analysis as h
    from htmss_analysis import report as r

    # A3 is GLOT92's; A1 GLOT59's. The story names GLOACT too.
    stories = [["story_id", "programme", "year", "title", "summary", "activity_ids"],
               ["S1", "GLOT92;GLOACT", "2018", "T", "S", "a3"],
               ["S2", "GLOT59", "2018", "T", "S", "A1"]]
    data = h.load(write_folder(tmp_path / "d", stories=stories))
    [warned] = [w for w in data.warnings if w.file == "stories.csv"]
    assert (warned.row, warned.column, warned.value) == (2, "programme", "GLOACT")
    assert "story S1 names GLOACT, not among its activities' programmes (GLOT92)" in (
        warned.expected)
    quality = str(r.data_quality(r.context(data, 2018, None)))
    assert "not among its activities&#x27; programmes" in quality


# --- one meaning for "not attributed" --------------------------------------------------------


def test_not_attributed_is_an_empty_cell_and_a_note_in_the_workbook_and_0_in_json(
        tiny_data, tmp_path):
    import json

    import openpyxl

    from htmss_analysis import report as r

    ctx = r.context(tiny_data, 2018, "GLOT59")
    html_ = str(r.headline_trend(ctx))
    # The hand-made data's web traffic is the section's own: page views are never GLOT59's.
    assert re.search(r"<td>Page views</td>(<td class=\"num\">not attributed</td>){3}", html_)
    r.tables_workbook(ctx, tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "GLOT59.xlsx", read_only=True)
    sheets = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
              for ws in wb.worksheets}
    wb.close()
    headline = {row[0]: row for row in sheets["headline"][1:]}
    # Not a number: an empty cell, and the note the HTML shows (the JSON keeps its 0).
    assert headline["page_views"][2] is None and headline["page_views"][5] == "not attributed"
    assert headline["people_trained"][2] == 4 and headline["people_trained"][5] is None
    [trend] = [rows for name, rows in sheets.items() if name.startswith("Headline figures")]
    head, views = trend[0], next(row for row in trend if row[0] == "Page views")
    assert head[-1] == "notes" and views[1:4] == [None, None, None]
    assert views[-1] == "not attributed: 2017, 2018, change from 2017"  # no 2016 rows
    # Every cell of the trend sheet's figure columns is a number or empty, never text.
    assert all(v is None or isinstance(v, int | float) for row in trend[1:] for v in row[1:-1])
    from conftest import run_cli

    out = run_cli("indicators", "--data", str(tiny_data.folder), "--year", "2018",
                  "--programme", "GLOT59", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["indicators"]["page_views"] == 0


# --- the sample agrees with itself ---------------------------------------------------------


@pytest.mark.slow
def test_the_sample_results_agree_with_the_headline_cards():
    import htmss_analysis as h
    from htmss_analysis.metrics.results import results_status

    data = h.load()
    assert not [w for w in data.warnings if w.file in ("results.csv", "stories.csv")]
    status = results_status(data, Scope(2018))
    linked = data.results[(data.results["year"] == 2018) & (data.results["figure"] != "")]
    assert len(linked) == 4  # practitioners trained (x3), GLOT59's cases added
    for row in linked.itertuples():
        card = h.compute(data, 2018, row.programme)[row.figure]
        actual = status.loc[(status["programme"] == row.programme)
                            & (status["result_id"] == row.result_id), "actual"].item()
        assert actual == card, (row.programme, row.result_id)
    # Counted by hand from the sample's CSV files (distinct participants of GLOT59's
    # capacity building starting in 2018; its TIP cases added in 2018): 1,825 and 1,761.
    glot59 = status[status["programme"] == "GLOT59"].set_index("result_id")["actual"]
    assert (glot59["OP1"], glot59["OP2"]) == (1825, 1761)


@pytest.mark.slow
def test_no_sample_page_carries_placeholder_text(sample_build):
    pages = sorted(sample_build.rglob("*.html"))
    assert len(pages) >= 21
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "not named in the highlights" not in text, page.name


def test_the_highlights_group_the_figures_the_publication_prints_together(tiny_data):
    from htmss_analysis import report as r

    page = str(r.headline_cards(r.context(tiny_data, 2018, None)))
    groups = [re.findall(r'data-key="(\w+)"', g) for g in
              re.findall(r'<div class="card-group">(.*?)</div></div>', page + "</div>")]
    # "25 countries assisted; 80 represented", "2,313 cases ... TIP (106 jurisdictions) and
    # SOM (43 jurisdictions)": one box each, the main figure first.
    assert ["countries_assisted", "countries_represented"] in groups
    assert ["cases_added", "jurisdictions_tip", "jurisdictions_som"] in groups
    programme = str(r.headline_cards(r.context(tiny_data, 2018, "GLOT59")))
    assert "card-group" not in programme


def test_the_companion_counts_the_texts_its_publication_shows_in_english(tmp_path):
    import htmss_analysis as h
    from htmss_analysis import report as r
    from htmss_analysis.report.analysis import publication_texts

    stories = [["story_id", "programme", "year", "title", "title_fr", "summary"],
               ["S1", "GLOT59", "2018", "A story", "Une histoire", "Told in English only."],
               ["S2", "GLOT59", "2017", "Of 2017", "", "Not shown in 2018."]]
    data = h.load(write_folder(tmp_path / "d", narrative=NARRATIVE, stories=stories))
    shown = r.context(data, 2018, None, lang="fr", page="publication")
    render_notebook("highlights.ipynb", shown)
    noted = r.context(data, 2018, None, lang="fr", page="technical")
    publication_texts(noted)
    # What the publication showed in English is what its companion lists: the SDG and
    # knowledge narrative without French, S1's summary; never a text of 2017.
    assert set(noted.untranslated) == set(shown.untranslated)
    assert ("stories", "S1", "summary") in shown.untranslated
    assert not [k for k in shown.untranslated if k[1] == "S2"]

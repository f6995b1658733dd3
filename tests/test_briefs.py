"""Country briefs, their index, the links to them, and every report's table workbook.

The hand-made data set of conftest.py, with one activity title that an
unguarded spreadsheet would run as a formula. Which countries have a figure in
2018 is worked out by hand in test_indicators.py: the hosts BRA MEX AUT NGA PAK,
the nationalities BRA MEX KEN UGA USA NGA FRA, and the jurisdictions BRA MEX PAK.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from conftest import ACTIVITIES, activity, build_cli, write_folder
from htmss_analysis import report as r
from htmss_analysis.io.files import CREATED
from htmss_analysis.metrics.scope import Scope
from htmss_analysis.report import brief as b
from htmss_analysis.report import collect, workbook

FORMULA = '=HYPERLINK("http://x","y")'
BRIEFED = ["AUT", "BRA", "FRA", "KEN", "MEX", "NGA", "PAK", "UGA", "USA"]


@pytest.fixture(scope="module")
def briefs_build(tmp_path_factory) -> Path:
    """Every report of the hand-made data for 2018, with a brief of every country."""
    root = tmp_path_factory.mktemp("briefs")
    rows = [*ACTIVITIES, activity("A10", "GLOT59", "research", "national", "2018-04-04",
                                  "BRA", title=FORMULA)]
    data = write_folder(root / "data", activities=rows)
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(root / "out"),
                     "--country", "all", "--config", "none", "--jobs", "2")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.mark.slow
def test_the_briefs_build_is_the_recorded_one(briefs_build):
    # First of the module: a later test rebuilds some of these reports with other links.
    from test_recorded import changed

    assert changed("briefs", briefs_build / "out" / "2018") == [], (
        "outputs changed: if on purpose, record them with tools/record_outputs.py and say why")


@pytest.mark.slow
def test_a_brief_for_each_country_with_a_figure_and_an_index(briefs_build):
    folder = briefs_build / "out" / "2018" / "countries"
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(
        [f"{c}.html" for c in BRIEFED] + ["index.html"])
    assert sorted(p.name for p in folder.glob("*.xlsx")) == sorted(
        [f"{c}.xlsx" for c in BRIEFED] + ["index.xlsx"])
    index = (folder / "index.html").read_text(encoding="utf-8")
    # by group, then name: assisted (national capacity building there) Brazil, Mexico; other
    # activities held there Austria, Nigeria, Pakistan; people who took part abroad France,
    # Kenya, Uganda, United States
    order = ["BRA", "MEX", "AUT", "NGA", "PAK", "FRA", "KEN", "UGA", "USA"]
    positions = [index.index(f'href="{c}.html"') for c in order]
    assert positions == sorted(positions)


@pytest.mark.slow
def test_other_reports_link_to_the_briefs_and_briefs_stand_alone(briefs_build):
    year = briefs_build / "out" / "2018"
    glot92 = (year / "GLOT92.html").read_text(encoding="utf-8")
    # GLOT92 assisted Mexico (A2) and trained people of Kenya and Uganda (A3)
    for code in ("MEX", "KEN", "UGA"):
        assert f'href="countries/{code}.html"' in glot92
    assert "countries/ITA.html" not in glot92  # Italy has no brief
    brazil = (year / "countries" / "BRA.html").read_text(encoding="utf-8")
    assert "Brazil 2018: country brief" in brazil
    assert "<script src=" not in brazil and "<link " not in brazil


@pytest.mark.slow
def test_rebuilt_briefs_are_byte_identical(briefs_build):
    folder = briefs_build / "out" / "2018" / "countries"
    before = {p.name: p.read_bytes() for p in folder.glob("*.*") if p.suffix != ".ipynb"}
    proc = build_cli("--data", str(briefs_build / "data"), "--year", "2018", "--out",
                     str(briefs_build / "out"), "--country", "BRA", "AUT", "--config", "none",
                     "--programme", "GLOT59", "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("BRA.html", "BRA.xlsx", "AUT.html", "AUT.xlsx"):
        assert (folder / name).read_bytes() == before[name], name


# Worked out by hand from conftest.py's tables and A10 (GLOT59 research in Brazil, 2018).
# GLOT59's 2018 activities: A1 (training, BRA), A2 (workshop, MEX, with GLOT92), A5
# (conference, NGA), A9 (global conference) and A10: four at national or regional level;
# national capacity building in BRA and MEX; people p1 p2 p3 (A1) and p4 (A2), of Brazil and
# Mexico; publications P1 and P2; TIP cases (GLOT59's by default) C1 (BRA), C2
# (international bodies), C3 (Brazil); web story W3; no web row of its own; no engagements
# table.
GLOT59_2018 = {"technical_cooperation_activities": 4, "countries_assisted": 2,
               "countries_represented": 2, "people_trained": 4, "tools_and_publications": 2,
               "cases_added": 3, "jurisdictions_tip": 2, "jurisdictions_som": 0,
               "web_stories": 1, "page_views": 0, "social_media_posts": 0,
               "teaching_modules": 0, "sessions_serviced": 0, "meetings_organized": 0,
               "briefings": 0, "report_inputs": 0, "reports_prepared": 0}
# In the workbook a figure that is no number is an empty cell: GLOT59 is never given page
# views or social media posts (no web row of its own), nor SOM cases (C1 and C4 are GLOT92's
# by default, C6 GLO.ACT's); and there is no engagements table: no records. Teaching modules
# stay a true 0: the year's publications (P1, P2) hold none.
GLOT59_2018_CELLS = {**GLOT59_2018, **dict.fromkeys((
    "page_views", "social_media_posts", "jurisdictions_som", "sessions_serviced",
    "meetings_organized", "briefings", "report_inputs", "reports_prepared"))}
# Mexico in 2018: A2 held there (a workshop, capacity building); p4 of Mexico trained at A2
# and A3 (one person, two activities); the SOM case C1 of Mexico's jurisdiction.
MEXICO_2018 = {"activities_in_country": 1, "capacity_building_in_country": 1,
               "people_trained": 1, "activities_attended": 2, "cases_added_tip": 0,
               "cases_added_som": 1}


@pytest.mark.slow
def test_headline_sheet_holds_the_hand_worked_figures(briefs_build):
    from openpyxl import load_workbook

    for name, want in (("GLOT59", GLOT59_2018_CELLS), ("countries/MEX", MEXICO_2018)):
        book = load_workbook(briefs_build / "out" / "2018" / f"{name}.xlsx")
        assert book.sheetnames[0] == "headline"
        rows = list(book["headline"].iter_rows(values_only=True))
        assert rows[0] == ("key", "title", "value", "previous_year", "definition", "notes")
        assert {r[0]: r[2] for r in rows[1:]} == want


@pytest.mark.slow
def test_a_formula_in_the_data_is_stored_as_text(briefs_build):
    from openpyxl import load_workbook

    book = load_workbook(briefs_build / "out" / "2018" / "GLOT59.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value == FORMULA]
    assert cells, "the title is in the activity list's sheet"
    assert all(c.data_type == "s" for c in cells)


# --- fast: the workbook writer and the brief's sections on their own -------------------


def test_workbook_cells_hold_numbers_dates_and_text(tmp_path):
    from openpyxl import load_workbook

    frame = pd.DataFrame({"start": [pd.Timestamp("2018-06-01")], "change": [-1],
                          "views": [615232], "title": ["+ not a number"], "at": ["@home"],
                          "share": [0.25]})
    headline = pd.DataFrame({"key": ["k"], "title": ["T"], "value": [3], "previous_year": [1],
                             "definition": ["D"]})
    first = workbook.write_workbook(tmp_path / "a.xlsx", headline, {"Table: one/two": frame}).path
    second = workbook.write_workbook(tmp_path / "b.xlsx", headline, {"Table: one/two": frame}).path
    assert first.read_bytes() == second.read_bytes()
    book = load_workbook(first)
    assert book.sheetnames == ["headline", "Table one two"]
    ws = book["Table one two"]
    assert [c.value for c in ws[1]] == ["start", "change", "views", "title", "at", "share"]
    start, change, views, title, at, share = ws[2]
    assert start.value == datetime(2018, 6, 1) and start.is_date
    assert change.value == -1 and views.value == 615232 and share.value == 0.25
    assert (title.data_type, at.data_type) == ("s", "s")
    assert ws.freeze_panes == "A2"
    assert book.properties.created == CREATED


def test_sheet_names_are_valid_and_unique():
    tables = collect.Tables()
    tables.heading("Cases [TIP]: jurisdictions with most cases added this year", 2)
    tables.add(pd.DataFrame({"a": [1]}))
    tables.add(pd.DataFrame({"b": [1]}))
    tables.add(pd.DataFrame({"b": [2]}))  # the same table shown again replaces the first
    names = list(tables.sheets)
    # cut at the last word within 31 characters; then its first 26 characters and " (2)"
    assert names == ["Cases TIP jurisdictions with", "Cases TIP jurisdictions wi (2)"]
    assert all(len(n) <= 31 for n in names)
    assert tables.sheets[names[1]]["b"].tolist() == [2]


def test_brief_of_a_host_country_and_of_a_country_without_rows(tiny_data):
    austria = r.context(tiny_data, 2018, country="Austria")
    assert austria.country == "AUT"
    text = repr(b.activities(austria))
    # A3, the regional training it hosted, and A9, the global conference
    assert "2 activities starting in 2018 took place in Austria" in text
    assert "regional" in text and "global" in text
    italy = r.context(tiny_data, 2018, country="ITA")  # its one case was added in 2017
    assert "Italy has no rows in 2018" in repr(b.figures(italy))
    mexico = r.context(tiny_data, 2018, country="MEX")
    abroad = repr(b.people(mexico))
    assert "Activity A3" in abroad and "Austria" in abroad  # p4, trained abroad


def test_some_briefs_into_a_folder_of_others_keep_the_index_whole(tmp_path):
    from conftest import built_earlier
    from htmss_analysis import build as builder

    folder = tmp_path / "2018" / "countries"
    built_earlier(folder, "ALB", "BRA", "index")  # briefs of an earlier build, their index
    (folder / "FAQ.html").write_text("<html></html>")  # an analyst's page: no brief
    jobs = builder.plan(None, 2018, [], tmp_path, countries=["KGZ"])
    index = next(j for j in jobs if j.name == builder.INDEX)
    assert index.parameters["countries"] == "ALB BRA KGZ"
    assert [j.name for j in jobs if j.name != builder.INDEX] == ["KGZ"]  # only KGZ is built


def test_an_index_of_some_briefs_says_it_is_a_selection(tiny_data):
    from htmss_analysis.report import brief

    # Countries with a figure in 2018 in the hand-made set: AUT, BRA, FRA, KEN, MEX, NGA,
    # PAK, UGA, USA (activities, nationals trained or attending, cases): 9.
    every = r.context(tiny_data, 2018, briefs=".", brief_countries="all")
    assert "9 countries with at least one non-zero country figure in 2018" in \
        str(brief.index(every))
    # Where the section worked in 2018 (an activity held there): BRA (A1), MEX (A2), AUT (A3,
    # A9), NGA (A5), PAK (A8): 5 of the 9.
    some = r.context(tiny_data, 2018, briefs=".", brief_countries="BRA MEX")
    assert ("2 countries briefed, of the 5 where the section worked in 2018 and the 9 with at "
            "least one non-zero country figure") in str(brief.index(some))


def test_briefs_by_default_where_the_section_worked_grouped_by_rule(tiny_data):
    from htmss_analysis.metrics import country
    from htmss_analysis.report import brief

    # 2018 activities held in a country: A1 BRA national training and A2 MEX national
    # workshop (national capacity building: assisted); A3 AUT regional training, A9 AUT
    # global conference, A5 NGA national conference, A8 PAK legislative assistance (other
    # activities). No activity in KEN, UGA, FRA or USA, whose people attended activities
    # elsewhere: p5 (KEN) and p6 (UGA) A3 in Austria, p11 (FRA) A9 in Austria, p7 (USA) the
    # online A4 (abroad).
    groups = dict(zip(*country.groups(tiny_data, Scope(2018)).to_dict("list").values(),
                      strict=True))
    assert groups == {"AUT": "activities", "BRA": "assisted", "FRA": "abroad", "KEN": "abroad",
                      "MEX": "assisted", "NGA": "activities", "PAK": "activities",
                      "UGA": "abroad", "USA": "abroad"}
    # 2017: A6 BRA national training (assisted); C5, a case of Italy added 2017-12-31, and
    # nothing else of Italy (case-law entries only).
    assert dict(zip(*country.groups(tiny_data, Scope(2017)).to_dict("list").values(), strict=True)
                ) == {"BRA": "assisted", "ITA": "cases"}
    assert country.worked_in(tiny_data, Scope(2018)) == ["AUT", "BRA", "MEX", "NGA", "PAK"]
    default = r.context(tiny_data, 2018, briefs=".")
    assert default.briefed == {"AUT", "BRA", "MEX", "NGA", "PAK"}
    page = str(brief.index(default))
    assert "5 countries where the section worked in 2018" in page
    assert "Countries assisted (2)" in page and "Other countries with activities (3)" in page
    assert "took part abroad" not in page and "case-law entries only" not in page
    assert "The other 4 countries with a figure in 2018" in page
    # The groups in the index's order, each country under its own
    assert page.index("Brazil") < page.index("Other countries") < page.index("Austria")
    every = str(brief.index(r.context(tiny_data, 2018, briefs=".", brief_countries="all")))
    assert "Countries whose people took part abroad (4)" in every
    assert every.index("Pakistan") < every.index("took part abroad") < every.index("Kenya")
    before = str(brief.index(r.context(tiny_data, 2017, briefs=".", brief_countries="all")))
    assert "Countries with case-law entries only (1)" in before and "Italy" in before


def test_workbooks_keep_the_data_text_as_typed(tmp_path):
    from openpyxl import load_workbook

    # Texts that look like a change, a number and a date stay text: a cell is a number or a
    # date only when the report hands one.
    headline = pd.DataFrame({"key": ["k"], "title": ["T"], "value": [3], "previous_year": [1],
                             "definition": ["D"]})
    one = pd.DataFrame({"title": ["+35"], "change": [35]})
    many = pd.DataFrame({"title": ["+35", "-1,234", "0.5", "2018-03-05"],
                         "summary": ["2018-03-05"] * 4, "change": [3, -1, 0, 2]})
    path = workbook.write_workbook(tmp_path / "t.xlsx", headline,
                                   {"one": one, "many": many}).path
    book = load_workbook(path)
    assert [c.value for c in book["one"]["A"][1:]] == ["+35"]
    assert [c.value for c in book["one"]["B"][1:]] == [35]
    assert [c.value for c in book["many"]["A"][1:]] == ["+35", "-1,234", "0.5", "2018-03-05"]
    assert [c.value for c in book["many"]["B"][1:]] == ["2018-03-05"] * 4
    assert [c.value for c in book["many"]["C"][1:]] == [3, -1, 0, 2]


def test_a_text_longer_than_a_cell_is_cut_and_counted(tmp_path):
    from openpyxl import load_workbook

    headline = pd.DataFrame({"key": ["k"], "title": ["T"], "value": [3], "previous_year": [1],
                             "definition": ["D"]})
    frame = pd.DataFrame({"summary": ["s" * 40_000, "short"]})
    written = workbook.write_workbook(tmp_path / "t.xlsx", headline, {"stories": frame})
    assert written.cut == 1
    cells = [c.value for c in load_workbook(written.path)["stories"]["A"][1:]]
    assert len(cells[0]) == 32_767 and cells[0].endswith("\u2026") and cells[1] == "short"

"""Empty is not zero; kernels share no mutable data; the cache trusts nothing it did not
verify; charts tell the truth (issue 29, rules 4, 6, 7 and 8)."""

from __future__ import annotations

import math
import re
import shutil

import pandas as pd
import pytest

import htmss_analysis as h
from conftest import (
    ACTIVITIES,
    CASES,
    PARTICIPANTS,
    PUBLICATIONS,
    WEB_TRAFFIC,
    render_notebook,
    write_folder,
)
from htmss_analysis import report as r
from htmss_analysis.data import cache
from htmss_analysis.data import load as loaders
from htmss_analysis.metrics import figures
from htmss_analysis.metrics.results import results_status
from htmss_analysis.metrics.scope import Scope

RESULTS = ["programme", "result_id", "level", "indicator", "unit", "baseline", "target",
           "year", "figure"]


@pytest.fixture
def no_web(tmp_path):
    """The hand-made tables, web traffic a header with no row (a table never filled in)."""
    return h.load(write_folder(tmp_path / "d", web_traffic=[WEB_TRAFFIC[0]], results=[
        RESULTS, ["GLOT59", "R1", "output", "Page views of GLOT59", "", "0", "100", "2018",
                  "page_views"],
        ["GLOT59", "R2", "output", "Share trained", "%", "0", "80", "2018", "people_trained"]]))


def test_a_figure_with_no_row_of_the_year_has_no_records(no_web, tiny_data):
    assert not figures.recorded_in(no_web, "page_views", 2018)
    assert figures.recorded_in(no_web, "people_trained", 2018)
    # The hand-made web traffic has rows of 2018 for the section and GLO.ACT, none of 2017.
    assert figures.recorded_in(tiny_data, "page_views", 2018)
    assert not figures.recorded_in(tiny_data, "page_views", 2017)
    assert figures.recorded_in(tiny_data, "page_views", 2018, "GLOACT")


def test_cards_say_no_records_never_0(no_web):
    cards = str(r.headline_cards(r.context(no_web, 2018)))
    views = re.search(r'data-key="page_views">(.*?)</div>', cards).group(1)
    assert ">no records<" in views and ">0<" not in views
    trained = re.search(r'data-key="people_trained">(.*?)</div>', cards).group(1)
    assert ">7<" in trained  # a real count keeps its number


def test_programme_shares_say_no_records(no_web):
    page = str(r.programme_shares(r.context(no_web, 2018)))
    row = re.search(r"<tr><t[hd][^>]*>Page views</t[hd]>(.*?)</tr>", page).group(1)
    assert row.count("no records") == 5 and ">0<" not in row


def test_the_workbook_has_an_empty_cell_and_a_note(no_web, tmp_path):
    import openpyxl

    r.tables_workbook(r.context(no_web, 2018), tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "highlights.xlsx", read_only=True)
    rows = {row[0]: row for row in wb["headline"].iter_rows(values_only=True)}
    wb.close()
    assert rows["page_views"][2] is None and rows["page_views"][5] == "no records"
    assert rows["people_trained"][2] == 7


def test_a_result_linked_to_a_figure_the_programme_is_never_given_has_no_actual(no_web):
    frame = results_status(no_web, Scope(2018, "GLOT59")).set_index("result_id")
    assert math.isnan(frame.at["R1", "actual"]) and frame.at["R1", "status"] == "grey"
    assert frame.at["R1", "actual_note"] in ("no_records", "not_attributed")
    html = str(r.results(r.context(no_web, 2018, "GLOT59")))
    row = re.search(r"<tr><td>GLOT59</td><td>R1</td>(.*?)</tr>", html).group(1)
    assert "no records" in row and "0%" not in row and "off track" not in row


def test_a_percent_row_linked_to_a_count_is_a_warning(no_web):
    [warned] = [w for w in no_web.warnings if w.column == "unit"]
    assert warned.row == 3 and "a percentage, but linked to people_trained" in warned.expected


def test_check_names_the_empty_tables(tmp_path, capsys):
    from htmss_analysis.cli import main

    folder = write_folder(tmp_path / "d", web_traffic=[WEB_TRAFFIC[0]], cases=[CASES[0]])
    assert main(["check", "--data", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "empty (a header, no rows; their figures read 'no records'): cases, web_traffic" in out


def test_the_highlights_build_without_any_row_of_one_programme(tmp_path):
    """The sample without GLO.ACT: no row names it, in any table."""
    acts = [a for a in ACTIVITIES if a[1] not in ("GLO.ACT", "GLOACT")]
    kept = {a[0] for a in acts}
    people = [PARTICIPANTS[0]] + [p for p in PARTICIPANTS[1:] if p[0] in kept]
    cases = [[*c[:5], ""] for c in CASES]
    pubs = [p for p in PUBLICATIONS if p[1] != "GLOACT"]
    data = h.load(write_folder(tmp_path / "d", activities=acts, participants=people,
                               cases=cases, publications=pubs, web_stories=None,
                               web_traffic=None, social_media=None))
    page = render_notebook("highlights.ipynb", r.context(data, 2018))
    assert "civil society representatives trained" in page.lower()


# --- rule 4: a report's dataset is its own -----------------------------------------------


def test_a_report_that_changes_its_data_changes_no_other_report(tiny, monkeypatch):
    alone = figures.compute(h.load(tiny), 2018)
    monkeypatch.setenv(cache.SHARED_ENV, "1")
    loaders._KEPT.clear()
    first = h.load(tiny)
    figures.country_figures(first, 2018)  # what the first report works out, kept
    first.participants.drop(index=first.participants.index[:6], inplace=True)
    first.activities.loc[:, "programme"] = [("GLOT92",)] * len(first.activities)
    first.web_traffic = first.web_traffic.iloc[0:0]
    first.memo[("country_figures", 2018, None)].loc[:, "iso3"] = "XXX"
    second = h.load(tiny)  # the next report in the same kernel
    assert figures.compute(second, 2018) == alone
    assert "XXX" not in set(figures.country_figures(second, 2018)["iso3"])
    loaders._KEPT.clear()


# --- rule 7: the cache trusts nothing it did not verify ----------------------------------


def test_an_unwritable_cache_is_a_warning_and_the_run_goes_on(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HTMSS_CACHE_DIR", str(blocker / "cache"))
    cache._warned.clear()
    with pytest.warns(UserWarning, match="cannot be written .*: going on without it"):
        data = h.load(write_folder(tmp_path / "d"))
    assert figures.compute(data, 2018)["technical_cooperation_activities"] == 5


def test_a_read_only_cache_folder_is_a_warning_and_the_run_goes_on(tmp_path, monkeypatch):
    import subprocess

    folder = tmp_path / "ro"
    folder.mkdir(mode=0o700)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,mode=700", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a read-only file system needs mount (root, in a machine that allows it)")
    try:
        monkeypatch.setenv("HTMSS_CACHE_DIR", str(folder))
        cache._warned.clear()
        with pytest.warns(UserWarning, match="Read-only file system"):
            data = h.load(write_folder(tmp_path / "d"))
        assert figures.compute(data, 2018)["technical_cooperation_activities"] == 5
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_cache_entry_copied_under_another_folders_key_is_not_used(tmp_path, monkeypatch):
    own = tmp_path / "cache"
    monkeypatch.setenv("HTMSS_CACHE_DIR", str(own))
    a = write_folder(tmp_path / "a")
    h.load(a)
    [entry_a] = own.glob("dataset-*.json")
    b = write_folder(tmp_path / "b", web_traffic=[WEB_TRAFFIC[0], WEB_TRAFFIC[1]])
    expected = figures.compute(h.load(b), 2018)["page_views"]  # 1,000: one row
    assert expected == 1000
    [entry_b] = [p for p in own.glob("dataset-*.json") if p != entry_a]
    shutil.copyfile(entry_a, entry_b)  # A's tables under B's key
    cache._warned.clear()
    with pytest.warns(UserWarning, match="damaged or not ours"):
        again = h.load(b)
    assert figures.compute(again, 2018)["page_views"] == 1000


# --- rule 8: charts tell the truth --------------------------------------------------------


def ticks(svg: str, axis: str) -> list[tuple[float, str]]:
    """Return each tick of an axis (``x`` or ``y``) of an SVG chart: position and label."""
    out = []
    for block in re.findall(rf'<g id="[^"]*{axis}tick_\d+">(.*?)</text>', svg, re.S):
        position = re.search(rf'<use [^>]*{"y" if axis == "y" else "x"}="([-\d.]+)"', block)
        label = re.search(r"<text[^>]*>([^<]*)$", block)
        if position and label:
            out.append((float(position.group(1)), label.group(1)))
    return out


def tick_values(svg: str) -> list[tuple[list[float], list[float]]]:
    """The value axis of a bar chart: its tick positions and the numbers their labels say.

    The vertical axis when its labels are numbers; else (horizontal bars, their
    labels on the vertical axis) the horizontal one. Years under vertical bars are
    labels of bars, not values.
    """
    found = []
    for axis in ("y", "x"):
        pairs = ticks(svg, axis)
        try:
            values = [float(label.replace(",", "").replace("\u2212", "-"))
                      for _, label in pairs]
        except ValueError:
            continue  # an axis of labels (months, regions)
        if len(values) >= 2:
            found.append(([p for p, _ in pairs], values))
            break
    return found


def truthful(positions: list[float], values: list[float]) -> bool:
    """Every label is its tick's value: on a linear axis, value and position are affine."""
    (p0, v0), (p1, v1) = (positions[0], values[0]), (positions[-1], values[-1])
    slope = (v1 - v0) / (p1 - p0)
    return all(abs(v0 + slope * (p - p0) - v) < 1e-6 * max(1, abs(v1)) for p, v in
               zip(positions, values, strict=True))


def test_a_count_axis_ticks_whole_numbers_each_labelled_with_its_value():
    from htmss_analysis.report import charts

    months = pd.DataFrame({"month": range(1, 13),
                           "activities": [0, 3, 18, 7, 2, 9, 11, 4, 5, 6, 1, 15]})
    svg = charts.monthly(months, "activities", "Activities started per month", "activities"
                         ).markup()
    [(positions, values)] = tick_values(svg)
    assert all(v == int(v) for v in values) and values[0] == 0 and values[-1] >= 15
    assert truthful(positions, values)
    # A tick labelled "8" at 7.5 would not be: hand-made, the check sees it.
    assert not truthful([0.0, 10.0, 20.0, 30.0], [0, 2, 5, 8])


def test_a_french_page_counts_as_untranslated_only_the_texts_it_shows(tmp_path):
    head = ["engagement_id", "date", "kind", "body", "body_fr", "title"]
    rows = [head] + [[f"E{i}", f"2018-{i:02d}-01", "session_serviced", "CCPCJ", "CCPCJ",
                      f"Session {i}"] for i in range(1, 13)]
    rows.append(["E13", "2019-01-15", "session_serviced", "CCPCJ", "CCPCJ", "Session 13"])
    data = h.load(write_folder(tmp_path / "d", engagements=rows))
    ctx = r.context(data, 2018, lang="fr")
    page = str(r.intergovernmental(ctx))
    assert "Session 12" in page and "Session 13" not in page
    # Twelve titles shown in English, marked and counted; the thirteenth (2019) is not shown.
    assert sorted(k[1] for k in ctx.untranslated) == sorted(f"E{i}" for i in range(1, 13))


def test_a_programme_absent_from_the_year_has_no_records_an_active_one_a_true_0(tiny_data):
    # 2017 has one activity, A6 (GLOT59, BRA), and one case, C5 (TIP, ITA): GLOT92 has no
    # row of 2017 in any table; GLOT59 has.
    assert not figures.recorded_in(tiny_data, "cases_added", 2017, "GLOT92")
    assert figures.recorded_in(tiny_data, "cases_added", 2017, "GLOT59")
    # 2018: GLO.ACT ran A4 and A8; its one publication, P3, is of 2019, while P1 and P2 are
    # of 2018: GLO.ACT published nothing in 2018, a true 0.
    assert figures.attributed(tiny_data, "tools_and_publications", "GLOACT")
    assert figures.recorded_in(tiny_data, "tools_and_publications", 2018, "GLOACT")
    assert figures.compute(tiny_data, 2018, "GLOACT")["tools_and_publications"] == 0


def test_every_chart_of_the_sample_build_labels_each_tick_with_its_value(sample_build):
    pages = [*sample_build.glob("*.html"), *(sample_build / "countries").glob("*.html")]
    axes = 0
    for page in pages:
        for svg in re.findall(r"<svg.*?</svg>", page.read_text(encoding="utf-8"), re.S):
            scores = "score" in svg[:400]  # the one chart of means (pre- and post-test)
            for positions, values in tick_values(svg):
                axes += 1
                assert truthful(positions, values), (page.name, values)
                assert scores or all(v == int(v) for v in values), (page.name, values)
    assert axes >= 10

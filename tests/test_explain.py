"""Every figure traced to its records: hand-computed on the data set of conftest.py.

Row numbers are the files' own (the header is row 1). activities.csv: A1 row 2, A2 3,
A3 4, A4 5, A5 6, A6 7, A7 8, A8 9, A9 10. participants.csv: rows 2-4 A1 (p1 p2 p3),
5-6 A2 (p1 p4), 7-9 A3 (p5 p6 p4), 10-11 A4 (p7 p1), 12 A5 (p8), 13 A6 (p9), 14 A7 (p10),
15 A9 (p11), 16 a second A1/p2 row (set aside as a duplicate).
"""

from __future__ import annotations

import json

import pytest

import htmss_analysis as h


def _steps(records) -> list[tuple[str, int]]:
    steps = records.attrs["steps"]
    return list(zip(steps["step"], steps["rows"].astype(int), strict=True))


def _total(records) -> int:
    return len(records) if records.attrs["measure"] == "distinct" else int(
        records["value"].sum())


def test_a_joint_activity_is_one_record_for_the_section_and_one_for_each_programme(tiny_data):
    section = h.explain(tiny_data, "technical_cooperation_activities", 2018)
    assert list(section["id"]) == ["A1", "A2", "A3", "A5", "A8"]
    assert list(section["row"]) == [2, 3, 4, 6, 9]
    assert _steps(section) == [("rows read from activities.csv", 9),
                               ("starting in the year", 7),  # not A6 (2017) nor A7 (2019)
                               ("national or regional level", 5),  # not A4 nor A9 (global)
                               ("distinct activity id", 5)]
    assert list(h.explain(tiny_data, "technical_cooperation_activities", 2018,
                          "GLOT59")["id"]) == ["A1", "A2", "A5"]
    assert list(h.explain(tiny_data, "technical_cooperation_activities", 2018,
                          "GLOT92")["id"]) == ["A2", "A3"]


def test_a_person_trained_by_two_programmes_is_one_record_with_every_row(tiny_data):
    people = h.explain(tiny_data, "people_trained", 2018)
    p1 = people.set_index("id").loc["p1"]
    assert (p1["file"], p1["row"], p1["rows"]) == ("participants.csv", 2, "2, 5, 11")
    assert list(people["id"]) == ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    assert _steps(people) == [
        ("attendances read from participants.csv", 15),
        ("attendances used (1 set aside: 1 duplicate attendances)", 14),
        ("at activities starting in the year", 12),  # not p9 (A6) nor p10 (A7)
        ("capacity building (training, training of trainers, mentoring, e-learning, "
         "workshop)", 10),  # not p8 (conference A5) nor p11 (conference A9)
        ("distinct participant id", 7)]


def test_a_regional_event_counts_the_nationalities_of_its_participants(tiny_data):
    represented = h.explain(tiny_data, "countries_represented", 2018)
    assert dict(zip(represented["id"], represented["rows"], strict=True)) == {
        "BRA": "2, 3, 5", "KEN": "7", "MEX": "6, 9", "UGA": "8"}
    assert [n for _, n in _steps(represented)] == [15, 14, 12, 10, 8, 7, 4]


def test_a_web_row_without_a_programme_is_the_sections_only(tiny_data):
    section = h.explain(tiny_data, "page_views", 2018)
    assert dict(zip(section["id"], section["value"], strict=True)) == {
        "GLO.ACT 2018-01": 500, "UNODC/HTMSS 2018-01": 1000, "UNODC/HTMSS 2018-02": 2000}
    assert section.attrs["value"] == 3500
    glot59 = h.explain(tiny_data, "page_views", 2018, "GLOT59")
    assert glot59.empty and glot59.attrs["value"] == 0
    assert _steps(glot59) == [("rows read from web_traffic.csv", 4), ("months of the year", 3),
                              ("of GLOT59", 0), ("sum of page views", 0)]


def test_a_country_figure_is_explained_too(tiny_data):
    # p4 of Mexico at A2 (row 6) and A3 (row 9, held in Austria)
    attended = h.explain(tiny_data, "activities_attended", 2018, country="MEX")
    assert list(attended["id"]) == ["A2", "A3"] and list(attended["row"]) == [6, 9]


# Every headline figure of 2018, worked out by hand from conftest.py's tables, for the
# section and for GLOT92. Section: activities A1 A2 A3 A5 A8 at national or regional level;
# capacity building at national level in BRA (A1) and MEX (A2); nationalities BRA KEN MEX
# UGA; people p1-p7; publications P1 P2 (P3 is 2019); cases C1 (TIP and SOM), C2, C3, C6
# (C4 is 2019, C5 2017) of jurisdictions BRA, international bodies (TIP) and MEX, PAK (SOM);
# stories W1-W3; page views 1000 + 2000 + 500; posts 10 + 5; no engagements table.
# GLOT92: A2 and A3; MEX; BRA MEX (A2) and KEN UGA MEX (A3); p1 p4 p5 p6; P2; the SOM case
# C1 (a SOM case names GLOT92 when its row names none; C6 names GLO.ACT); no web row.
HAND_2018 = {
    None: {"technical_cooperation_activities": 5, "countries_assisted": 2,
           "countries_represented": 4, "people_trained": 7, "tools_and_publications": 2,
           "cases_added": 5, "jurisdictions_tip": 2, "jurisdictions_som": 2, "web_stories": 3,
           "page_views": 3500, "social_media_posts": 15, "teaching_modules": 0,
           "sessions_serviced": 0, "meetings_organized": 0, "briefings": 0,
           "report_inputs": 0, "reports_prepared": 0},
    "GLOT92": {"technical_cooperation_activities": 2, "countries_assisted": 1,
               "countries_represented": 4, "people_trained": 4, "tools_and_publications": 1,
               "cases_added": 1, "jurisdictions_tip": 0, "jurisdictions_som": 1,
               "web_stories": 0, "page_views": 0, "social_media_posts": 0,
               "teaching_modules": 0, "sessions_serviced": 0, "meetings_organized": 0,
               "briefings": 0, "report_inputs": 0, "reports_prepared": 0},
}


@pytest.mark.parametrize("programme", [None, "GLOT92"])
def test_every_figure_and_its_records_are_the_hand_worked_ones(tiny_data, programme):
    assert h.compute(tiny_data, 2018, programme) == HAND_2018[programme]
    for key, want in HAND_2018[programme].items():
        records = h.explain(tiny_data, key, 2018, programme)
        assert records.attrs["value"] == _total(records) == want, key
        assert _steps(records)[-1][1] == want, key


def test_every_country_figure_and_its_records_are_the_hand_worked_ones(tiny_data):
    from test_indicators import COUNTRY_2018

    for country, want in COUNTRY_2018.items():
        assert h.compute_country(tiny_data, 2018, country) == want, country
        for key, value in want.items():
            records = h.explain(tiny_data, key, 2018, None, country)
            assert records.attrs["value"] == _total(records) == value, (country, key)


@pytest.mark.slow
def test_explain_json_gives_every_figure_of_indicators_json(tiny):
    from conftest import run_cli

    def run(*args: str) -> dict:
        proc = run_cli(*args, "--data", str(tiny), "--year", "2018", "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    figures = run("indicators", "--programme", "GLOT92")["indicators"]
    for key, value in figures.items():
        out = run("explain", key, "--programme", "GLOT92")
        assert (out["key"], out["programme"], out["country"]) == (key, "GLOT92", None)
        assert out["value"] == value, key
        total = (sum(r["value"] for r in out["records"]) if key in ("page_views",
                 "social_media_posts") else len(out["records"]))
        assert total == value, key
        assert out["steps"][-1]["rows"] == value, key
        assert all(set(r) == {"id", "file", "row", "value"} for r in out["records"]), key
    bad = run_cli("explain", "no_such_key", "--data", str(tiny), "--year", "2018")
    assert bad.returncode == 2 and "no figure 'no_such_key'" in bad.stderr


def test_the_waterfall_is_values_below_the_report_and_words_in_it(tiny_data):
    # Counting says what each step is; only the report layer says it in a language.
    from htmss_analysis.languages import using
    from htmss_analysis.metrics import explain as tracing
    from htmss_analysis.metrics import figures
    from htmss_analysis.report.rules import explain

    traced = tracing.trace(tiny_data, "people_trained", 2018)
    steps = list(traced.attrs["steps"]["step"])
    assert steps[0] == tracing.Read("participants", "participants.csv")
    # p3 of A1 is blank but for its ids, and p2's second line at A1 repeats the first
    assert isinstance(steps[1], tracing.Used) and steps[1].aside == 1
    assert figures.CB in steps and isinstance(steps[-1], tracing.Measured)
    assert not any(isinstance(s, str) for s in steps)
    with using("fr"):
        words = list(explain(tiny_data, "people_trained", 2018).attrs["steps"]["step"])
    assert words[0] == "participations lues dans participants.csv"
    assert list(explain(tiny_data, "people_trained", 2018).attrs["steps"]["rows"]) == \
        list(traced.attrs["steps"]["rows"])

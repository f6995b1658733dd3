"""Counting rules on the hand-made data set of conftest.py, expectations worked out by hand.

2018 activities: A1 (GLOT59, national training, BRA, 1 Jan), A2 (joint GLOT59+GLOT92,
national workshop, MEX, 31 Dec), A3 (GLOT92 regional training hosted by AUT, a third
country), A4 (GLO.ACT global e-learning), A5 (GLOT59 national conference, NGA, with a
participant), A8 (GLOACT national legislative assistance, PAK), A9 (GLOT59 global
conference). A6 starts on 31 Dec 2017 and A7 on 1 Jan 2019: neither counts for 2018.
"""

import pandas as pd
import pytest

import htmss_analysis as h
from htmss_analysis.metrics import breakdowns, figures, results
from htmss_analysis.metrics import context as public_data
from htmss_analysis.metrics.scope import Scope


def count(key: str, *args) -> int:
    """Count headline figure ``key`` (its declaration's rule)."""
    return figures.REGISTRY[key].count(*args)

# (technical_cooperation_activities, countries_assisted, countries_represented, people_trained)
EXPECTED_2018 = {
    # national/regional: A1 A2 A3 A5 A8; assisted: BRA MEX; represented: BRA MEX KEN UGA
    # (not AUT the host, not USA of the global course, not NGA of the conference);
    # trained: p1..p7 (p1 in A1, A2 and A4 counts once; p8 of the conference not at all).
    None: (5, 2, 4, 7),
    "GLOT59": (3, 2, 2, 4),  # A1 A2 A5; BRA MEX; BRA MEX; p1 p2 p3 p4
    "GLOT92": (2, 1, 4, 4),  # A2 A3; MEX; BRA MEX KEN UGA; p1 p4 p5 p6
    "GLOACT": (1, 0, 0, 2),  # A8; none; none (A4 is global); p7 p1
}


@pytest.mark.parametrize("programme", [None, "GLOT59", "GLOT92", "GLOACT"])
def test_activity_and_people_counts(tiny_data, programme):
    got = figures.compute(tiny_data, 2018, programme)
    assert (got["technical_cooperation_activities"], got["countries_assisted"],
            got["countries_represented"], got["people_trained"]) == EXPECTED_2018[programme]


def test_section_counts_people_once_not_the_sum_of_programmes(tiny_data):
    per_programme = sum(count("people_trained", tiny_data, 2018, p) for p in h.programmes.CODES)
    assert per_programme == 10
    assert count("people_trained", tiny_data, 2018) == 7


def test_year_edges(tiny_data):
    # A6 (31 Dec 2017) counts for 2017, A7 (1 Jan 2019) for 2019.
    assert count("technical_cooperation_activities", tiny_data, 2017) == 1
    assert count("technical_cooperation_activities", tiny_data, 2019) == 1
    assert count("people_trained", tiny_data, 2017) == 1  # p9
    assert count("countries_assisted", tiny_data, 2019) == 1  # SRB


def test_cases_same_id_in_both_databases(tiny_data):
    got = figures.compute(tiny_data, 2018)
    # C1 TIP, C1 SOM, C2, C3, C6; C4 is 2019 and C5 2017.
    assert got["cases_added"] == 5
    assert got["jurisdictions_tip"] == 2  # BRA (written BRA and Brazil) and the IRB
    assert got["jurisdictions_som"] == 2  # MEX, PAK


def test_cases_default_programme_by_database(tiny_data):
    assert figures.compute(tiny_data, 2018, "GLOT59")["cases_added"] == 3  # C1 TIP, C2, C3
    assert figures.compute(tiny_data, 2018, "GLOT92")["cases_added"] == 1  # C1 SOM
    glo = figures.compute(tiny_data, 2018, "GLOACT")
    assert (glo["cases_added"], glo["jurisdictions_som"]) == (1, 1)  # C6, PAK


def test_publications_and_stories(tiny_data):
    assert [count("tools_and_publications", tiny_data, 2018, p)
            for p in (None, "GLOT59", "GLOT92", "GLOACT")] == [2, 2, 1, 0]
    assert [count("web_stories", tiny_data, 2018, p)
            for p in (None, "GLOT59", "GLOT92", "GLOACT")] == [3, 1, 0, 1]


def test_publications_by_category(tiny_data):
    got = breakdowns.publications_by(tiny_data, Scope(2018)).set_index("category")
    got = got["publications"].to_dict()
    assert got == {"standard_setting_tool": 1, "technical_cooperation_tool": 1}  # P1, P2
    assert breakdowns.publications_by(tiny_data, Scope(2018, "GLOACT")).empty  # P3 is 2019


def test_web_rows_without_programme_count_for_the_section_only(tiny_data):
    assert count("page_views", tiny_data, 2018) == 3500
    assert count("page_views", tiny_data, 2018, "GLOACT") == 500
    assert count("page_views", tiny_data, 2018, "GLOT59") == 0
    assert count("social_media_posts", tiny_data, 2018) == 15
    assert count("social_media_posts", tiny_data, 2018, "GLO.ACT") == 5


def test_headline_table_compares_with_year_before(tiny_data):
    table = h.headline(tiny_data, 2018)
    assert list(table.index) == list(figures.REGISTRY)
    assert table.loc["technical_cooperation_activities", "previous"] == 1
    assert table.loc["technical_cooperation_activities", "change"] == 4
    assert table.loc["people_trained", "title"] == figures.REGISTRY["people_trained"].title


def test_registry_has_every_contract_key_with_metadata():
    keys = {"technical_cooperation_activities", "countries_assisted", "countries_represented",
            "people_trained", "tools_and_publications", "cases_added", "jurisdictions_tip",
            "jurisdictions_som", "web_stories", "page_views", "social_media_posts",
            # contract version 2
            "teaching_modules", "sessions_serviced", "meetings_organized", "briefings",
            "report_inputs", "reports_prepared"}
    assert set(figures.REGISTRY) == keys
    for item in figures.REGISTRY.values():
        assert item.title and item.definition and item.unit and item.tables


def test_breakdowns(tiny_data):
    year = Scope(2018)
    by_type = breakdowns.activities_by(tiny_data, year, "activity_type").set_index("activity_type")
    assert by_type["activities"].to_dict() == {
        "conference": 2, "e_learning": 1, "legislative_assistance": 1, "training": 2,  # A1 A3
        "workshop": 1}
    by_month = breakdowns.activities_by(tiny_data, year, "month").set_index("month")["activities"]
    assert (by_month[1], by_month[12], by_month[2]) == (1, 1, 0)
    regions = breakdowns.activities_by(tiny_data, year, "region").set_index("region")["activities"]
    # BRA, MEX -> Americas; AUT (A3 host, A9) -> Europe; NGA -> Africa; PAK -> Asia
    assert regions.to_dict() == {"Americas": 2, "Europe": 2, "Africa": 1, "Asia": 1}
    sexes = breakdowns.people_by(tiny_data, Scope(2018), "sex").set_index("sex")["people"].to_dict()
    assert sexes == {"female": 3, "male": 3, "unknown": 1}  # p1 p5 p7 / p2 p4 p6 / p3
    att = breakdowns.attendance_summary(tiny_data, Scope(2018)).set_index("level")
    # A1: p1 p2 p3 (the duplicate p2 row set aside), A2: p1 p4, A3: p5 p6 p4, A4: p7 p1
    assert att.loc["all levels", "attendances"] == 10
    assert att.loc["all levels", "people"] == 7
    gain = breakdowns.knowledge_gain(tiny_data, Scope(2018)).set_index("activity_type")
    assert gain.loc["training", "tested"] == 2
    assert gain.loc["training", "gain"] == 20.0  # (30 + 10) / 2
    sdg = breakdowns.sdg_contribution(tiny_data, Scope(2018)).set_index("target")
    assert sdg.loc["10.7", "activities"] == 2 and sdg.loc["10.7", "countries"] == 2
    assert list(sdg.index) == ["8.7", "10.7", "16.2", "17.9"]
    assert list(sdg.columns) == ["activities", "countries"]  # the words are the report's


def test_overlap_between_programmes(tiny_data):
    frame = breakdowns.overlap(tiny_data, Scope(2018))
    ov = dict(zip(frame["programmes"], frame.drop(columns="programmes").to_dict("records"),
                  strict=True))
    assert list(ov) == [("GLOT59", "GLOT92"), ("GLOT59", "GLOACT"), ("GLOT92", "GLOACT"),
                        ("GLOT59", "GLOT92", "GLOACT")]
    assert ov[("GLOT59", "GLOT92")] == {"people_trained": 2,  # p1, p4
                                        "countries_assisted": 1,  # MEX
                                        "joint_activities": 1}  # A2
    assert ov[("GLOT59", "GLOACT")]["people_trained"] == 1  # p1
    assert ov[("GLOT59", "GLOT92", "GLOACT")]["people_trained"] == 1  # p1, by all three


def test_the_programmes_add_up_to_the_section(tiny_data):
    # GLOT59 trained p1-p4, GLOT92 p1 p4 p5 p6, GLO.ACT p1 p7: 4 + 4 + 2 - 2 - 1 - 1 + 1 = 7,
    # the section's p1-p7.
    shares = breakdowns.programme_shares(tiny_data, Scope(2018))
    terms = breakdowns.reconciled(shares, breakdowns.overlap(tiny_data, Scope(2018)),
                                  "people_trained", "people_trained")
    assert terms == [(1, 4), (1, 4), (1, 2), (-1, 2), (-1, 1), (-1, 1), (1, 1)]
    assert sum(sign * n for sign, n in terms) == shares.loc["people_trained", "HTMSS"] == 7


def test_rows_naming_no_programme_have_their_own_column(tiny_data):
    shares = breakdowns.programme_shares(tiny_data, Scope(2018))
    stories = shares.loc["web_stories"]
    # Web stories of 2018 in the hand-made data: W1 none, W2 GLOACT, W3 GLOT59.
    assert (stories["section_only"], stories["HTMSS"]) == (1, 3)
    assert shares.loc["people_trained", "section_only"] == 0  # every activity has one


@pytest.mark.parametrize(("baseline", "target", "actual", "status"), [
    (0, 10, 10, "green"), (0, 10, 12, "green"), (0, 10, 5, "amber"), (0, 10, 9.9, "amber"),
    (0, 10, 4.9, "red"), (100, 50, 50, "green"), (100, 50, 80, "red"), (100, 50, 70, "amber"),
    (5, 10, float("nan"), "grey"),
])
def test_undp_status(baseline, target, actual, status):
    assert results.status(results.progress(baseline, target, actual)) == status


def test_programme_argument():
    assert h.programmes.programme_code("GLO.ACT") == "GLOACT"
    assert h.programmes.programme_code("all") is None
    with pytest.raises(ValueError):
        h.programmes.programme_code("GLOT99")


def test_country_context_sets_countries_assisted_against_public_data(tiny_data):
    import pandas as pd

    from htmss_analysis.public.sources import GLOTIP_COLUMNS

    def glotip_row(year, sex, age, value, censored=False):
        return {"iso3": "BRA", "country": "Brazil", "region": "", "subregion": "",
                "indicator": "Detected trafficking victims", "dimension": "Total",
                "category": "Total", "sex": sex, "age": age, "year": year, "value": value,
                "censored": censored, "source": ""}

    glotip = pd.DataFrame([glotip_row(2016, "Total", "Total", 10.0),
                           glotip_row(2017, "Total", "Total", 12.0),
                           glotip_row(2017, "Female", "18 years or over", float("nan"), True),
                           # published later, about a year after the report's: never shown
                           glotip_row(2020, "Total", "Total", 99.0)],
                          columns=GLOTIP_COLUMNS)
    status = pd.DataFrame({"participant": ["Brazil"], "iso3": ["BRA"],
                           "signature_date": [pd.NaT],
                           "consent_date": [pd.Timestamp("2004-01-29")],
                           "action": ["ratification"], "party": [True]})
    cases = pd.DataFrame({"jurisdiction": ["BRA", "BRA"],
                          "decision_year": pd.array([2015, None], dtype="Int64")})
    got = public_data.country_context(tiny_data, Scope(2018), glotip, {"treaty_tip": status}, cases)
    # Assisted in 2018 (national capacity building): BRA (A1) and MEX (A2).
    assert got["iso3"].tolist() == ["BRA", "MEX"]
    bra, mex = got.iloc[0], got.iloc[1]
    # the latest year up to the report's (2018) only
    assert bra["glotip_year"] == 2017 and bra["victims"] == 12
    assert bra["women"] == "<5"  # suppressed, kept as published
    assert pd.isna(bra["men"]) and pd.isna(mex["victims"])  # not reported
    assert bra["treaty_tip_party"] and bra["treaty_tip_since"] == pd.Timestamp("2004-01-29")
    assert not mex["treaty_tip_party"]
    assert (bra["sherloc_cases"], bra["latest_decision"]) == (2, 2015)
    assert mex["sherloc_cases"] == 0 and pd.isna(mex["latest_decision"])


def _status(rows):
    """A hand-made treaty status frame: (participant, iso3, signature, consent, action)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["participant", "iso3", "signature_date",
                                        "consent_date", "action"])
    for column in ("signature_date", "consent_date"):
        frame[column] = pd.to_datetime(frame[column])
    frame["party"] = frame["consent_date"].notna()
    return frame


# Albania party before 2018, Sudan during it (14 Dec 2018), Chad after it (2 Jan 2019),
# Togo a signatory since 2000 that never joined, Peru signed in 2019.
DATED = _status([["Albania", "ALB", "2000-12-12", "2002-08-21", "ratification"],
                 ["Sudan", "SDN", None, "2018-12-14", "accession"],
                 ["Chad", "TCD", None, "2019-01-02", "accession"],
                 ["Togo", "TGO", "2000-12-12", None, None],
                 ["Peru", "PER", "2019-03-01", None, None]])


def test_treaty_status_is_worked_out_on_the_last_day_of_the_year():
    import pandas as pd

    from htmss_analysis.public.sources import treaty_status_on, year_end

    on = treaty_status_on(DATED, year_end(2018)).set_index("iso3")
    # Party on 31 Dec 2018: Albania (2002) and Sudan (14 Dec 2018); Chad joined after it.
    assert on["party"].to_dict() == {"ALB": True, "SDN": True, "TCD": False, "TGO": False,
                                     "PER": False}
    assert on.loc["SDN", "since"] == pd.Timestamp("2018-12-14")
    assert on.loc["SDN", "action"] == "accession" and pd.isna(on.loc["TCD", "action"])
    # Togo had signed by then, Peru had not.
    assert on["signatory"].to_dict() == {"ALB": False, "SDN": False, "TCD": False,
                                         "TGO": True, "PER": False}
    assert on["known"].all()  # the file runs to 2019: it knows the whole of 2018
    # On 31 Dec 2017 Sudan was not yet a party; in 2019 Chad is.
    assert not treaty_status_on(DATED, year_end(2017)).set_index("iso3").loc["SDN", "party"]
    assert treaty_status_on(DATED, year_end(2019)).set_index("iso3").loc["TCD", "party"]


def test_treaty_year_counts_parties_on_the_last_day_and_those_who_joined_in_it():
    import pandas as pd

    got = public_data.treaty_year(DATED, 2018)
    assert got["parties"] == 2 and got["new"]["iso3"].tolist() == ["SDN"]
    assert got["covered"] and got["as_of"] == pd.Timestamp("2019-03-01")  # Peru's signature
    later = public_data.treaty_year(DATED, 2021)
    assert not later["covered"] and later["parties"] == 3  # a 2019 file cannot tell 2021
    # A country's status in a report of 2018 is that of 31 Dec 2018, not the file's.
    status = public_data.treaty_status({"treaty_som": DATED}, "TCD", 2018)
    assert status["party"].tolist() == [False]
    assert public_data.treaty_status({"treaty_som": DATED}, "TCD", 2019)["party"].tolist() == [
        True]


# --- contract version 2 ----------------------------------------------------------------

ENGAGEMENTS = [
    ["engagement_id", "date", "kind", "body", "title", "programme"],
    ["E1", "2018-05-14", "session_serviced", "CCPCJ", "27th session", ""],  # the section's
    ["E2", "2018-07-02", "session_serviced", "Working Group on TIP", "8th session", "GLOT59"],
    ["E3", "2018-05-02", "meeting_organized", "ICAT", "Principals", "GLOT59;GLOT92"],
    ["E4", "2017-12-31", "briefing", "ICAT", "Last year's briefing", "GLOT59"],
    ["E5", "2018-01-01", "briefing", "ICAT", "A briefing", "GLO.ACT"],
    ["E6", "2018-03-01", "report_input", "Security Council", "SG report", ""],
    ["E7", "2018-12-31", "report_prepared", "UNTOC COP", "WG report", "GLOT92"],
]
MODULE = ["P4", "GLOT59;GLOT92", "E4J module 1", "teaching_module", "2018-06-01", "10"]


@pytest.fixture
def v2_data(tmp_path):
    from conftest import PUBLICATIONS, write_folder

    folder = write_folder(tmp_path / "v2", engagements=ENGAGEMENTS,
                          publications=[*PUBLICATIONS, MODULE])
    return h.load(folder)


V2_KEYS = ["tools_and_publications", "teaching_modules", "sessions_serviced",
           "meetings_organized", "briefings", "report_inputs", "reports_prepared"]


@pytest.mark.parametrize("programme, expected", [
    # Section: E1 and E2; E3; E5 (E4 is 2017); E6; E7. P1 and P2 are tools, P4 a module.
    (None, [2, 1, 2, 1, 1, 1, 1]),
    # GLOT59: E2 only (E1 has no programme: the section's alone); E3; no briefing in
    # 2018 (E4 is 2017); E6 has no programme. P1, P2 and the module P4.
    ("GLOT59", [2, 1, 1, 1, 0, 0, 0]),
    # GLOT92: P2 and P4; E3 and E7.
    ("GLOT92", [1, 1, 0, 1, 0, 0, 1]),
    # GLO.ACT: P3 is 2019; E5 ("GLO.ACT" is GLOACT).
    ("GLOACT", [0, 0, 0, 0, 1, 0, 0]),
])
def test_version_2_figures(v2_data, programme, expected):
    got = h.compute(v2_data, 2018, programme)
    assert [got[k] for k in V2_KEYS] == expected


def test_a_teaching_module_is_not_a_tool_or_publication(v2_data, tiny_data):
    # The same folder without the module: the tools count does not move.
    assert h.compute(v2_data, 2018)["tools_and_publications"] == \
        h.compute(tiny_data, 2018)["tools_and_publications"] == 2


def test_a_version_1_folder_has_the_new_keys_at_zero(tiny_data):
    got = h.compute(tiny_data, 2018)
    assert all(got[k] == 0 for k in V2_KEYS[1:])
    assert {"engagements", "priorities"} <= set(tiny_data.absent)


def test_stories_by_sdg_target_and_awareness_raising(tmp_path):
    from conftest import ACTIVITIES, write_folder

    stories = [["story_id", "programme", "year", "title", "summary", "sdg_targets"],
               ["S1", "GLOT59", "2018", "Zeta", "z", "8.7;5.2"],
               ["S2", "GLOT92", "2018", "Alpha", "a", "8.7"],
               ["S3", "GLOT59", "2017", "Old", "o", "5.2"]]
    acts = [list(r) for r in ACTIVITIES]
    column = acts[0].index("activity_type")
    acts[1][column] = "awareness_raising"  # A1: GLOT59, national, Brazil, 1 January 2018
    data = h.load(write_folder(tmp_path / "d", stories=stories, activities=acts))
    got = breakdowns.sdg_stories(data, Scope(2018))
    # Targets in the official order (5.2 before 8.7), stories by title within a target;
    # S3 is of 2017.
    assert got[["target", "title"]].values.tolist() == [["5.2", "Zeta"], ["8.7", "Alpha"],
                                                        ["8.7", "Zeta"]]
    glot92 = breakdowns.sdg_stories(data, Scope(2018, "GLOT92"))
    assert glot92[["target", "story_id", "title"]].values.tolist() == [["8.7", "S2", "Alpha"]]
    aware = breakdowns.awareness_raising(data, Scope(2018))
    # typed: a date, an ISO3 code, programme codes (the report names and formats them)
    assert aware[["start", "country", "programme"]].values.tolist() == [
        [pd.Timestamp("2018-01-01"), "BRA", ("GLOT59",)]]
    assert breakdowns.awareness_raising(data, Scope(2018, "GLOT92")).empty


# --- country figures (contract version 2) ---------------------------------------------
# Worked out by hand from conftest.py: BRA hosts A1 (national training, 2018) and A6 (2017);
# its people are p1 (A1, A2 in Mexico, A4 global) and p2 (A1, nationality written
# "Brazil"); its TIP cases are C1 and C3. p4 of Mexico was trained at home (A2) and
# abroad (A3, a regional event hosted by Austria). Italy's one case, C5, was added on
# 31 Dec 2017.
COUNTRY_2018 = {
    "BRA": {"activities_in_country": 1, "capacity_building_in_country": 1,
            "people_trained": 2, "activities_attended": 3, "cases_added_tip": 2,
            "cases_added_som": 0},
    # p4: A2 at home and A3 abroad, one person
    "MEX": {"activities_in_country": 1, "capacity_building_in_country": 1,
            "people_trained": 1, "activities_attended": 2, "cases_added_tip": 0,
            "cases_added_som": 1},
    # hosts the regional training A3 and the global conference A9: activities in the
    # country, but no national-level capacity building there
    "AUT": {"activities_in_country": 2, "capacity_building_in_country": 0,
            "people_trained": 0, "activities_attended": 0, "cases_added_tip": 0,
            "cases_added_som": 0},
    # p8 attended the conference A5: an activity attended, nobody trained
    "NGA": {"activities_in_country": 1, "capacity_building_in_country": 0,
            "people_trained": 0, "activities_attended": 1, "cases_added_tip": 0,
            "cases_added_som": 0},
}


@pytest.mark.parametrize("country", list(COUNTRY_2018))
def test_country_figures(tiny_data, country):
    assert figures.compute_country(tiny_data, 2018, country) == COUNTRY_2018[country]


def test_country_case_added_the_year_before_counts_in_that_year_only(tiny_data):
    assert figures.compute_country(tiny_data, 2018, "ITA")["cases_added_tip"] == 0
    assert figures.compute_country(tiny_data, 2017, "ITA")["cases_added_tip"] == 1


def test_country_figures_of_one_programme(tiny_data):
    # GLOT92's 2018 capacity building is A2 (joint, in Mexico) and A3: Brazil's p1 attended
    # A2; nothing of GLOT92 took place in Brazil; the TIP cases are not GLOT92's.
    got = figures.compute_country(tiny_data, 2018, "BRA", "GLOT92")
    assert got == {"activities_in_country": 0, "capacity_building_in_country": 0,
                   "people_trained": 1, "activities_attended": 1, "cases_added_tip": 0,
                   "cases_added_som": 0}


def test_countries_with_a_figure_are_listed_by_code(tiny_data):
    table = figures.country_figures(tiny_data, 2018)
    # hosts: BRA MEX AUT NGA PAK; nationalities: BRA MEX KEN UGA USA NGA FRA; cases: BRA MEX
    # PAK ("International and regional bodies" is no country); SRB and ITA are other years
    assert list(table["iso3"]) == ["AUT", "BRA", "FRA", "KEN", "MEX", "NGA", "PAK", "UGA",
                                   "USA"]
    row = table.set_index("iso3").loc["BRA"]
    assert {k: row[k] for k in figures.COUNTRY_REGISTRY} == COUNTRY_2018["BRA"]

"""Public sources: GLOTIP, SHERLOC case lists and UN treaty status."""

import pandas as pd
import pytest

import htmss_analysis as h
from conftest import SHARED_DATA, write_csv
from htmss_analysis.public import sources

HEADER = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category",
          "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source"]


def glotip_row(iso3, sex, age, year, value, indicator="Detected trafficking victims"):
    return [iso3, iso3, "R", "S", indicator, "Total", "Total", sex, age, year, "Counts", value,
            "GLOTIP"]


GLOTIP_ROWS = [
    glotip_row("BRA", "Total", "Total", 2022, "539"),
    glotip_row("BRA", "Female", "18 years or over", 2022, "<5"),
    glotip_row("BRA", "Total", "Total", 2021, "6,112,019"),
    glotip_row("BRA", "Total", "Total", 2022, "12", indicator="Persons convicted"),
]


def write_glotip_xlsx(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "data_glotip_1"
    ws.append(["UNODC"])
    ws.append(["14/04/2025"])
    ws.append(HEADER)
    for row in rows:
        ws.append([float(c) if isinstance(c, int) else c for c in row])  # Excel years are floats
    wb.save(path)
    return path


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(sources.CACHE_ENV, str(tmp_path / "cache"))


def test_glotip_xlsx_with_banner(tmp_path):
    frame = sources.load_glotip(write_glotip_xlsx(tmp_path / "g.xlsx", GLOTIP_ROWS))
    assert list(frame.columns) == sources.GLOTIP_COLUMNS
    assert frame["year"].dtype == "int64" and frame["value"].dtype == "float64"
    assert frame["value"].iloc[0] == 539.0 and not frame["censored"].iloc[0]
    assert pd.isna(frame["value"].iloc[1]) and frame["censored"].iloc[1]
    assert frame["value"].iloc[2] == 6112019.0
    assert frame["year"].tolist() == [2022, 2022, 2021, 2022]


def test_glotip_csv_gives_the_same_table(tmp_path):
    from_xlsx = sources.load_glotip(write_glotip_xlsx(tmp_path / "g.xlsx", GLOTIP_ROWS))
    from_csv = sources.load_glotip(write_csv(tmp_path / "g.csv", [HEADER, *GLOTIP_ROWS]))
    pd.testing.assert_frame_equal(from_xlsx, from_csv)


def test_glotip_unreadable_value_names_the_row(tmp_path):
    rows = [*GLOTIP_ROWS, glotip_row("BRA", "Male", "Total", 2022, "n/a")]
    with pytest.raises(h.DataError) as exc:
        sources.load_glotip(write_glotip_xlsx(tmp_path / "g.xlsx", rows))
    assert [str(p) for p in exc.value.problems] == [
        "error: g.xlsx, row 8, column txtVALUE: value 'n/a': a count (thousands separators "
        "allowed) or '<5' for a suppressed count of 1 to 4"]


def test_detected_victims_latest_year_keeps_censored(tmp_path):
    frame = sources.load_glotip(write_glotip_xlsx(tmp_path / "g.xlsx", GLOTIP_ROWS))
    victims = sources.detected_victims(frame, "BRA")
    assert set(victims["year"]) == {2022}
    assert len(victims) == 2  # the convictions row is another indicator
    women = victims[victims["sex"] == "Female"].iloc[0]
    assert women["censored"] and pd.isna(women["value"])
    assert sources.detected_victims(frame, "FRA").empty


def test_a_report_of_a_year_reads_glotip_as_of_that_year(tmp_path, tiny_data):
    # What was known of 2021 and before: 6,112,019 victims in 2021, never 2022's 539.
    from htmss_analysis import report as r
    from htmss_analysis.metrics import context as public_data

    frame = sources.load_glotip(write_glotip_xlsx(tmp_path / "g.xlsx", GLOTIP_ROWS))
    assert set(sources.detected_victims_all_years(frame, "BRA", until=2021)["year"]) == {2021}
    assert sources.detected_victims_all_years(frame, "BRA", until=2020).empty
    latest = sources.detected_victims(frame, "BRA", until=2021)
    assert list(latest["year"]) == [2021] and list(latest["value"]) == [6112019]
    series = public_data.victims_over_years(frame, "BRA", until=2021)
    assert list(series["year"]) == [2021] and list(series["victims"]) == [6112019]
    # A 2018 brief of Brazil: GLOTIP has nothing up to 2018, so no year after it is shown.
    public = sources.PublicSources({"glotip": str(tmp_path / "g.xlsx")})
    page = str(r.brief.public(r.context(tiny_data, 2018, None, sources=public, country="BRA")))
    assert "GLOTIP reports no detected victims for Brazil." in page
    assert "2022" not in page and "2021" not in page and "539" not in page


def test_second_load_reads_the_cache_not_the_file(tmp_path, monkeypatch):
    path = write_glotip_xlsx(tmp_path / "g.xlsx", GLOTIP_ROWS)
    first = sources.load_glotip(path)
    assert len(list((tmp_path / "cache").glob("glotip-*.json"))) == 1

    def boom(_):
        raise AssertionError("parsed again")

    monkeypatch.setattr(sources, "_parse_glotip", boom)
    pd.testing.assert_frame_equal(sources.load_glotip(path), first)
    # Another file (another SHA-256) is parsed, not served from the cache.
    with pytest.raises(AssertionError, match="parsed again"):
        sources.load_glotip(write_glotip_xlsx(tmp_path / "g2.xlsx", GLOTIP_ROWS[:2]))


BASE = "https://www.unodc.org/cld/case-law-doc/"
SHERLOC = [
    ["rank", "case_title", "link", "unodc_case_number"],
    ["1", "Case A", BASE + "traffickingpersonscrimetype/bra/2024/case_a.html?lng=en&tmpl=x",
     "BRA001"],
    ["2", "Case A again", "http://sherloc.unodc.org/cld/case-law-doc/traffickingpersonscrimetype"
     "/bra/2024/case_a.html", "BRA001"],
    ["3", "X v. Y", BASE + "traffickingpersonscrimetype/_irb/2023/x_v_y.html", "IRBx041"],
    ["4", "No year", BASE + "migrantsmugglingcrimetype/mex/no_year_case.html", "MEX002"],
    ["5", "Shared one", BASE + "drugcrimetype/ita/2019/a.html", "ITAx1"],
    ["6", "Shared two", BASE + "traffickingpersonscrimetype/ita/2012/b.html", "ITAx1"],
]


def test_every_case_page_is_its_own_case(tmp_path):
    # No case numbers. case_0314 is a page name under two jurisdictions (two cases);
    # case_1 under one jurisdiction in two years (two cases); x_v_y is alone.
    rows = [["link"],
            [BASE + "traffickingpersonscrimetype/usa/2014/case_0314.html"],
            [BASE + "traffickingpersonscrimetype/vnm/2014/case_0314.html"],
            [BASE + "traffickingpersonscrimetype/usa/2014/case_1.html"],
            [BASE + "traffickingpersonscrimetype/usa/2015/case_1.html"],
            [BASE + "traffickingpersonscrimetype/_irb/2023/x_v_y.html"]]
    frame = sources.load_sherloc_cases(write_csv(tmp_path / "s.csv", rows))
    assert frame["case_id"].tolist() == ["usa/case_0314", "vnm/case_0314", "usa/2014/case_1",
                                         "usa/2015/case_1", "x_v_y"]
    assert frame["jurisdiction"].tolist()[:2] == ["USA", "VNM"]


def test_sherloc_cases(tmp_path):
    frame = sources.load_sherloc_cases(write_csv(tmp_path / "s.csv", SHERLOC))
    assert list(frame.columns) == sources.SHERLOC_COLUMNS
    assert frame.attrs["merged_duplicates"] == 1  # row 2 is row 1 on another host
    assert frame["case_id"].tolist() == ["BRA001", "IRBx041", "MEX002", "ITAx1/a", "ITAx1/b"]
    assert frame["jurisdiction"].tolist() == ["BRA", "International and regional bodies", "MEX",
                                              "ITA", "ITA"]
    assert frame["crime_type"].tolist() == ["traffickingpersons", "traffickingpersons",
                                            "migrantsmuggling", "drug", "traffickingpersons"]
    assert frame["decision_year"].tolist()[:2] == [2024, 2023]
    assert pd.isna(frame["decision_year"].iloc[2])
    assert (frame["database"] == "TIP").all()
    assert frame["title"].iloc[0] == "Case A"
    assert sources.load_sherloc_cases(tmp_path / "s.csv", "SOM")["database"].eq("SOM").all()


def test_sherloc_unknown_jurisdiction_is_an_error(tmp_path):
    rows = [*SHERLOC, ["7", "Bad", BASE + "traffickingpersonscrimetype/zzz/2020/c.html", "Z1"]]
    with pytest.raises(h.DataError) as exc:
        sources.load_sherloc_cases(write_csv(tmp_path / "s.csv", rows))
    assert "s.csv, row 8, column link" in str(exc.value) and "'zzz'" in str(exc.value)


TREATY = [
    ["Participant", "Signature", "Ratification, Acceptance(A), Approval(AA), Accession(a), "
     "Succession(d)"],
    ["Albania", "12 Dec 2000", "21 Aug 2002"],
    ["Swaziland", "8 Jan 2001", "24 Sep 2012"],
    ["Turkey", "13 Dec 2000", "25 Mar 2003"],
    ["The former Yugoslav Republic of Macedonia", "12 Dec 2000", "12 Jan 2005"],
    ["European Union", "12 Dec 2000", "6 Sep 2006 AA"],
    ["Finland", "12 Dec 2000", "7 Sep 2006 A"],
    ["Bahrain", "", "7 Jun 2004 a"],
    ["Montenegro", "", "23 Oct 2006 d"],
    ["Japan", "9 Dec 2002", ""],
]


def test_treaty_status(tmp_path):
    frame = sources.load_treaty_status(write_csv(tmp_path / "t.csv", TREATY))
    assert list(frame.columns) == sources.TREATY_COLUMNS
    assert frame["iso3"].fillna("-").tolist() == ["ALB", "SWZ", "TUR", "MKD", "-", "FIN",
                                                  "BHR", "MNE", "JPN"]
    assert frame["action"].fillna("-").tolist() == [
        "ratification", "ratification", "ratification", "ratification", "approval",
        "acceptance", "accession", "succession", "-"]
    assert frame["party"].tolist() == [True] * 8 + [False]
    assert frame["consent_date"].iloc[0] == pd.Timestamp("2002-08-21")
    assert pd.isna(frame["signature_date"].iloc[6])


def test_treaty_unknown_participant_is_an_error(tmp_path):
    rows = [*TREATY, ["Narnia", "", "1 Jan 2001"]]
    with pytest.raises(h.DataError) as exc:
        sources.load_treaty_status(write_csv(tmp_path / "t.csv", rows))
    assert "t.csv, row 11, column Participant: value 'Narnia'" in str(exc.value)


def test_config_paths_are_relative_to_the_file(tmp_path):
    cfg = tmp_path / "conf" / "sources.toml"
    cfg.parent.mkdir()
    cfg.write_text('[sources]\nglotip = "../g.xlsx"\ntreaty_tip = "t.csv"\n')
    assert sources.read_config(cfg) == {"glotip": str(tmp_path / "g.xlsx"),
                                        "treaty_tip": str(cfg.parent / "t.csv")}
    cfg.write_text('[sources]\nglotipp = "g.xlsx"\n')
    with pytest.raises(h.DataError, match="glotipp"):
        sources.read_config(cfg)


def test_absent_and_missing_sources_leave_notes(tmp_path):
    public = sources.PublicSources({"glotip": str(tmp_path / "nowhere.xlsx")})
    assert public.status("glotip") == "missing" and public.get("glotip") is None
    from htmss_analysis.report.rules import source_note

    assert "file not found (nowhere.xlsx)" in source_note(public, "glotip")
    assert source_note(public, "treaty_tip").endswith("not provided.")


# --- the real public files in ../shared/data ------------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"{SHARED_DATA} is absent: "
                                  "the real public data is read from there, never copied here")


@needs_shared
def test_real_glotip():
    from python_calamine import CalamineWorkbook

    path = SHARED_DATA / "glotip" / "data_glotip_2025-04-14.xlsx"
    frame = sources.load_glotip(path)
    raw = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("data_glotip_1").to_python()
    assert len(frame) == len(raw) - 3 == 58769
    assert int(frame["censored"].sum()) == sum(1 for r in raw[3:] if r[11] == "<5")
    assert frame.loc[~frame["censored"], "value"].notna().all()
    assert (frame["year"].min(), frame["year"].max()) == (2003, 2022)
    assert frame["iso3"].nunique() == 198
    assert set(frame.loc[frame["iso3"].isna(), "country"]) == {"Sark"}  # no ISO3 code


@needs_shared
def test_real_sherloc():
    frame = sources.load_sherloc_cases(SHARED_DATA / "sherloc" / "sherloc_tip_cases_2026-08.csv")
    assert len(frame) == 1590
    assert frame.attrs["merged_duplicates"] == 0
    assert frame.attrs["shared_case_numbers"] == 4
    assert frame["case_id"].is_unique
    assert int(frame["decision_year"].isna().sum()) == 107
    assert frame["jurisdiction"].map(lambda j: j == "International and regional bodies"
                                     or len(j) == 3).all()


@needs_shared
@pytest.mark.parametrize(("name", "rows"), [("xviii-12-a_tip_protocol.csv", 167),
                                            ("xviii-12_untoc.csv", 185)])
def test_real_treaty_status(name, rows):
    frame = sources.load_treaty_status(SHARED_DATA / "untc" / name)
    assert len(frame) == rows
    assert frame.loc[frame["iso3"].isna(), "participant"].tolist() == ["European Union"]
    by_name = frame.set_index("participant")["iso3"]
    assert by_name["Swaziland"] == "SWZ" and by_name["Turkey"] == "TUR"
    assert by_name["The former Yugoslav Republic of Macedonia"] == "MKD"
    assert by_name["Bolivia (Plurinational State of)"] == "BOL"

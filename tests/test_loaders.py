"""Reading CSV and Excel as the contract allows; warnings and row accounting."""

import datetime as dt

import pandas as pd
import pytest

import htmss_analysis as h
from conftest import ACTIVITIES, PARTICIPANTS, TABLES, WEB_STORIES, write_csv, write_folder


def test_header_case_spaces_bom_and_extra_columns(tmp_path):
    rows = [[f"  {c.upper()} " for c in ACTIVITIES[0]] + ["Notes"]] + \
           [r + ["free text"] for r in ACTIVITIES[1:]]
    folder = write_folder(tmp_path / "d", activities=rows)
    path = folder / "activities.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    data = h.load(folder)
    assert list(data.activities["activity_id"]) == [r[0] for r in ACTIVITIES[1:]]
    assert "notes" not in data.activities.columns


def test_windows_1252_csv_is_read_not_garbled(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows[1][8] = "Côte d'Ivoire"
    rows[1][2] = "Atelier régional"
    folder = write_folder(tmp_path / "d")
    write_csv(folder / "activities.csv", rows, encoding="cp1252")
    data = h.load(folder)
    first = data.activities.iloc[0]
    assert first["country"] == "CIV"
    assert first["title"] == "Atelier régional"
    assert any("Windows-1252" in str(w) for w in data.warnings)


@pytest.mark.parametrize(("written", "iso3"), [
    ("Kyrgyz Republic", "KGZ"), ("Kyrgyzstan", "KGZ"), ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
    ("The former Yugoslav Republic of Macedonia", "MKD"), ("North Macedonia", "MKD"),
    ("Bolivia (Plurinational State of)", "BOL"), ("Republic of Moldova", "MDA"), ("bra", "BRA"),
    ("Swaziland", "SWZ"), ("Niger", "NER"), ("Nigeria", "NGA"),
])
def test_country_spellings(written, iso3):
    assert h.countries.to_iso3(written) == iso3


@pytest.mark.parametrize("written", ["Narnia", "Brazill", "Serbia and Montenegro", "EU", ""])
def test_country_not_guessed(written):
    with pytest.raises(h.countries.UnknownCountry):
        h.countries.to_iso3(written)


def test_regions():
    assert (h.countries.region("EGY"), h.countries.subregion("EGY")) == ("Africa",
                                                                        "Northern Africa")
    assert h.countries.region("KGZ") == "Asia"


def test_sdg_targets_are_the_169():
    assert len(h.sdg.TARGETS) == 169
    assert {"5.2", "8.7", "10.7", "16.2", "16.4", "17.9", "17.16", "3.b"} <= set(h.sdg.TARGETS)
    assert "17.20" not in h.sdg.TARGETS and "16.c" not in h.sdg.TARGETS


def test_sdg_targets_in_their_official_wording():
    # A/RES/71/313, target 10.7 (the 2018 highlights drop "regular" from it)
    assert h.sdg.describe("10.7") == (
        "Facilitate orderly, safe, regular and responsible migration and mobility of people, "
        "including through the implementation of planned and well-managed migration policies")
    assert h.sdg.describe("16.2").startswith("End abuse, exploitation, trafficking")
    # a target not bundled is described by its goal, never left blank
    assert h.sdg.describe("3.b") == ("A target of Goal 3: Ensure healthy lives and promote "
                                     "well-being for all at all ages")
    assert set(h.sdg.GOALS) == set(range(1, 18))
    assert set(h.sdg.TITLES) <= set(h.sdg.TARGETS)


def _write_xlsx(path, tables: dict[str, list[list]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in tables.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


def _with_excel_dates(rows, columns):
    out = [list(rows[0])]
    idx = [rows[0].index(c) for c in columns]
    for r in rows[1:]:
        r = list(r)
        for i in idx:
            if r[i]:
                r[i] = dt.datetime.fromisoformat(r[i])
        out.append(r)
    return out


def test_one_workbook_with_a_sheet_per_table(tmp_path, tiny):
    folder = tmp_path / "book"
    folder.mkdir()
    tables = dict(TABLES)
    tables["activities"] = _with_excel_dates(ACTIVITIES, ["start_date", "end_date"])
    _write_xlsx(folder / "HTMSS monitoring 2018.xlsx", tables)
    from_book = h.load(folder)
    from_csv = h.load(tiny)
    assert h.compute(from_book, 2018) == h.compute(from_csv, 2018)
    assert from_book.activities["start_date"].iloc[0] == pd.Timestamp("2018-01-01")
    assert from_book.sources[0].label == "HTMSS monitoring 2018.xlsx[activities]"


def test_one_xlsx_per_table_and_errors_name_the_sheet(tmp_path):
    folder = write_folder(tmp_path / "d", activities=None)
    rows = _with_excel_dates(ACTIVITIES, ["start_date", "end_date"])
    rows[3][6] = "soon"
    _write_xlsx(folder / "activities.xlsx", {"activities": rows})
    with pytest.raises(h.DataError) as exc:
        h.load(folder)
    assert [str(p) for p in exc.value.problems] == [
        "error: activities.xlsx, row 4, column start_date: value 'soon': a date that "
        "exists, written YYYY-MM-DD (or an Excel date cell), in 1900-2100"]


def test_personal_data_is_dropped_on_reading(tiny_data):
    assert not {"full_name", "email", "phone"} & set(tiny_data.participants.columns)
    text = tiny_data.participants.to_csv()
    assert "Maria Secret" not in text and "maria@example.org" not in text


def test_row_accounting_and_duplicate_attendance(tiny_data):
    acc = tiny_data.accounting.set_index("table")
    assert acc.loc["participants", "rows_read"] == 15
    assert acc.loc["participants", "rows_used"] == 14
    assert acc.loc["participants", "rows_set_aside"] == 1
    assert acc.loc["participants", "duplicate_attendances"] == 1
    assert acc.loc["participants", "blank_rows"] == 0
    assert (acc["rows_read"] == acc["rows_used"] + acc["rows_set_aside"]).all()
    dup = [w for w in tiny_data.warnings if "one attendance" in w.expected]
    assert len(dup) == 1 and dup[0].row == 16 and "row 3" in dup[0].expected


def test_blank_rows_are_counted_as_set_aside(tmp_path):
    rows = ACTIVITIES[:3] + [[""] * len(ACTIVITIES[0])] + ACTIVITIES[3:]
    data = h.load(write_folder(tmp_path / "d", activities=rows))
    acc = data.accounting.set_index("table").loc["activities"]
    assert (acc["rows_read"], acc["rows_used"], acc["blank_rows"]) == (10, 9, 1)


def test_warnings_unknown_sex_nationality_and_lower_post_test(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[2][5], rows[2][6] = "60", "45"  # p2 in A1: post-test below pre-test
    data = h.load(write_folder(tmp_path / "d", participants=rows))
    texts = [str(w) for w in data.warnings]
    assert any("column sex" in t and "1 attendance rows with unknown sex (rows 4)" in t
               for t in texts)
    assert any("column nationality" in t and "(rows 4)" in t for t in texts)
    assert any("row 3, column post_test: value '45'" in t and "pre-test score 60" in t
               for t in texts)


def test_date_far_outside_the_years_present_is_a_warning(tmp_path):
    rows = [list(r) for r in WEB_STORIES]
    rows[2][2] = "2081-05-05"  # W2, a typo for 2018; activities cover 2017-2019
    data = h.load(write_folder(tmp_path / "d", web_stories=rows))
    far = [w for w in data.warnings if "years the data covers" in w.expected]
    assert len(far) == 1
    assert (far[0].file, far[0].row, far[0].column, far[0].value) == (
        "web_stories.csv", 3, "published_date", "2081-05-05")
    assert "(2017-2019)" in far[0].expected


def test_sex_synonyms_and_defaults(tiny_data):
    p = tiny_data.participants.set_index(["activity_id", "participant_id"])
    assert p.loc[("A1", "p1"), "sex"] == "female"
    assert p.loc[("A1", "p3"), "sex"] == "unknown"
    assert p.loc[("A1", "p3"), "group"] == "other"
    assert pd.isna(p.loc[("A1", "p3"), "nationality"])

"""Reading, again, and messages an analyst can act on (issue 29, rules 5 and 9).

Each case is a small hand-made file; the expected values are worked out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import htmss_analysis as h
from conftest import ACTIVITIES, PARTICIPANTS, WEB_TRAFFIC, write_csv, write_folder
from htmss_analysis import paths
from htmss_analysis.data import schema
from htmss_analysis.io.files import cell_text
from htmss_analysis.problems import DataError


def _errors(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        h.load(folder)
    return [str(p) for p in caught.value.problems]


NARRATIVE = ["year", "part", "text"]


def test_line_breaks_typed_in_an_excel_cell_are_kept(tmp_path):
    import xlsxwriter

    from conftest import TABLES

    book = tmp_path / "data.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    for name, rows in {**TABLES, "narrative": [NARRATIVE, [
            "2018", "what_we_do", "First paragraph.\n\nSecond paragraph,\nsame one."]]}.items():
        ws = wb.add_worksheet(name)
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                ws.write_string(i, j, cell)
    wb.close()
    text = h.load(book).narrative["text"].iloc[0]
    assert text == "First paragraph.\n\nSecond paragraph,\nsame one."


def test_a_utf8_file_with_one_bad_byte_names_that_cell_and_reads_the_rest_as_utf8(tmp_path):
    folder = write_folder(tmp_path / "d")
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    text = text.replace("Activity A2", "Atelier régional").replace("Activity A5", "Café X")
    data = text.encode("utf-8").replace("Café".encode(), b"Caf\xe9")  # one Windows-1252 byte
    (folder / "activities.csv").write_bytes(data)
    errors = _errors(folder)
    # A5 is the fifth record: row 6 of the sheet, column title; the accent of A2 is intact.
    assert len(errors) == 1 and errors[0].startswith(
        "error: activities.csv, row 6, column title: value 'Caf\ufffd X': text in UTF-8")
    assert "régional" not in errors[0]


def test_a_file_wholly_in_windows_1252_is_still_read_as_such(tmp_path):
    folder = write_folder(tmp_path / "d")
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    (folder / "activities.csv").write_bytes(
        text.replace("Activity A2", "Atelier régional").encode("cp1252"))
    data = h.load(folder)
    assert "Atelier régional" in set(data.activities["title"])
    assert any("read as Windows-1252" in w.expected for w in data.warnings)


@pytest.mark.parametrize("kind, text, value", [
    (schema.COUNT, "2.500.000", 2_500_000), (schema.NUMBER, "2.500.000", 2_500_000.0),
    (schema.COUNT, "1,500", 1500), (schema.NUMBER, "1.5", 1.5),
    (schema.NUMBER, "0.500", 0.5), (schema.NUMBER, "1.500,25", 1500.25),
    (schema.NUMBER, "1.2340", 1.234),  # an Excel number cell's 1.234, as read (below)
])
def test_numbers_with_one_reading_are_read(kind, text, value):
    assert kind.parse(text) == value


@pytest.mark.parametrize("kind", [schema.COUNT, schema.NUMBER, schema.SCORE])
@pytest.mark.parametrize("text", ["1.500", "3.000", "12.345", "-1.200", "50.000%"])
def test_a_number_with_two_readings_is_refused_in_every_numeric_column(kind, text):
    with pytest.raises(ValueError):
        kind.parse(text)


def test_an_excel_number_cell_is_written_with_one_reading():
    assert cell_text(1.234) == "1.2340" and schema.NUMBER.parse(cell_text(1.234)) == 1.234
    assert cell_text(2.5) == "2.5" and cell_text(1500.0) == "1500"


def test_an_ambiguous_count_is_refused_at_its_cell_with_both_readings(tmp_path):
    traffic = [WEB_TRAFFIC[0], ["UNODC/HTMSS", "2018-01", "1.500", ""],
               ["UNODC/HTMSS", "2018-02", "2.500.000", ""]]
    errors = _errors(write_folder(tmp_path / "d", web_traffic=traffic))
    assert errors == ["error: web_traffic.csv, row 2, column page_views: value '1.500': "
                      f"{schema.COUNT.expected}; '1.500' reads two ways, 1.5 or 1,500: write "
                      "1500 or 1.5"]


def test_text_of_invisible_characters_only_is_blank(tmp_path):
    rows = [[*ACTIVITIES[0], "title_fr"]] + [[*r, ""] for r in ACTIVITIES[1:]]
    rows[1][-1] = "\u200b"  # a zero-width space: looks blank, is blank
    rows[2][-1] = "Atelier\u200b"  # visible text keeps its characters
    data = h.load(write_folder(tmp_path / "d", activities=rows))
    titles = dict(zip(data.activities["activity_id"], data.activities["title_fr"], strict=True))
    assert titles["A1"] in ("", None) or titles["A1"] != titles["A1"]  # blank (NaN)
    assert titles["A2"] == "Atelier\u200b"


def test_a_path_that_is_not_utf8_travels_to_the_notebooks(tmp_path):
    import os

    from htmss_analysis import build as builder

    odd = Path(os.fsdecode(bytes(tmp_path) + b"/d\xe9ta"))
    written = paths.parameter(odd)
    written.encode("utf-8")  # a notebook's parameters are UTF-8 text
    assert paths.local(written) == odd and paths.local("plain/path") == Path("plain/path")
    jobs = builder.plan(odd, 2018, ["GLOT59"], Path(os.fsdecode(bytes(tmp_path) + b"/out\xe9")))
    json.dumps(jobs[0].parameters).encode("utf-8")
    assert paths.local(jobs[0].parameters["data_dir"]) == odd


# --- messages -----------------------------------------------------------------------------


def test_a_ragged_row_of_participants_quotes_no_cell(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[1] = [*rows[1], "person2@example.org"]  # a cell too many
    rows[2] = ["A1", "p2", "male", "BRA", "law_enforcement", "50", "Jane Doe"]  # too few
    errors = "\n".join(_errors(write_folder(tmp_path / "d", participants=rows)))
    assert "person2@example.org" not in errors and "Jane Doe" not in errors
    assert "participants.csv, row 2: value '(not quoted)': at most 9 cells" in errors
    assert "row 3, column post_test: value '(not quoted)'" in errors
    assert "(this row has 7 cells where the header has 9: its cells may have shifted)" in errors


def test_a_title_above_the_header_says_the_header_belongs_in_row_1(tmp_path):
    folder = write_folder(tmp_path / "d")
    write_csv(folder / "activities.csv", [["HTMSS activities, 2018"], *ACTIVITIES])
    errors = _errors(folder)
    assert errors[0] == ("error: activities.csv, row 1: value 'HTMSS activities, 2018': the "
                         "column names in row 1; "
                         "they are in row 2 (activity_id, programme, title, activity_type, ...): "
                         "delete the rows above them")
    assert not any("needs quotes" in e for e in errors)


def test_rows_are_named_as_the_spreadsheet_numbers_them(tmp_path):
    narrative = [NARRATIVE, ["2018", "what_we_do", "One.\n\nTwo.\n\nThree."],
                 ["2018", "nowhere", "Four."]]
    errors = _errors(write_folder(tmp_path / "d", narrative=narrative))
    # The second record starts on line 7 of the file; in a spreadsheet it is row 3.
    assert errors[0].startswith("error: narrative.csv, row 3, column part: value 'nowhere'")


def test_numbers_in_messages_are_written_in_full():
    from htmss_analysis.links import full

    assert full(1234567.0) == "1,234,567" and full(12.5) == "12.5" and full(3) == "3"

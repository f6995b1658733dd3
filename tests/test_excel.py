"""Excel as Excel saves it: nothing blank that was not, nothing read that cannot be held.

Each workbook is made in the test (openpyxl, or its XML edited by hand for what
no library writes: a cell in column XFD, a shared text of a gigabyte); the
expectation is a located error or the right figure, never a silent blank.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import htmss_analysis as h
from conftest import ACTIVITIES, PARTICIPANTS, write_folder
from htmss_analysis.io import excel, files
from htmss_analysis.io.files import FileProblem
from htmss_analysis.metrics.scope import Scope

SCRIPT = Path(sys.executable).with_name("htmss-analysis")


def workbook(path: Path, rows: list[list], sheet: str, edit=None) -> Path:
    """Write ``rows`` to one sheet; ``edit(ws)`` formats, merges or adds formulas."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    wb.save(path)
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(h.DataError) as err:
        h.load(folder)
    return [str(p) for p in err.value.problems]


def with_activities_xlsx(tmp_path: Path, edit=None, rows=None) -> Path:
    folder = write_folder(tmp_path / "d", activities=None)
    workbook(folder / "activities.xlsx", rows or ACTIVITIES, "activities", edit)
    return folder


# --- error values, formulas never calculated, merged cells ---------------------------------


def test_an_error_value_is_an_error_at_its_cell(tmp_path):
    def edit(ws):
        ws["K3"] = "#N/A"  # sdg_targets of A2, an optional column: no longer a silent blank

    got = problems_of(with_activities_xlsx(tmp_path, edit))
    assert got == ["error: activities.xlsx, row 3, column sdg_targets: value "
                   "'#N/A': a value, not the Excel error #N/A: correct the formula or the cells "
                   "it uses, or type the value"]


def test_a_formula_saved_without_its_result_is_an_error(tmp_path):
    def edit(ws):
        ws["K2"] = '=CONCAT("8.7",";17.9")'  # openpyxl writes no result: Excel never ran it

    got = problems_of(with_activities_xlsx(tmp_path, edit))
    assert len(got) == 1
    assert got[0].startswith("error: activities.xlsx, row 2, column sdg_targets: "
                             "value '=CONCAT(\"8.7\",\";17.9\")': a value; this formula was "
                             "saved without its result")


def test_a_cell_merged_over_rows_is_an_error_naming_the_range(tmp_path):
    def edit(ws):
        ws.merge_cells("K2:K4")  # the SDG targets of A1 over A2 and A3

    got = problems_of(with_activities_xlsx(tmp_path, edit))
    assert got == ["error: activities.xlsx, row 2, column sdg_targets: value "
                   "'8.7;17.9': one value per cell; this cell is merged over K2:K4, so the "
                   "cells it covers read as blank: unmerge it (Home > Merge & Center) and fill "
                   "every row"]


def test_an_sdg_target_that_may_have_lost_a_zero_is_refused(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows[1][10] = 16.1   # typed 16.10 in a General cell: Excel keeps the number 16.1
    rows[3][10] = 16.2   # 16.20 is no target: 16.2 is unambiguous
    got = problems_of(with_activities_xlsx(tmp_path, rows=rows))
    assert got == ["error: activities.xlsx, row 2, column sdg_targets: value "
                   "'16.1': an SDG target typed as text: Excel holds 16.1 as a number, so it "
                   "may have been 16.10 (target 16.10 typed in a General cell is stored as the "
                   "number 16.1): format the column as Text and type the target again"]
    rows[1][10] = "16.10"  # typed as text: kept as written
    folder = with_activities_xlsx(tmp_path / "again", rows=rows)
    data = h.load(folder)
    targets = dict(zip(data.activities["activity_id"], data.activities["sdg_targets"],
                       strict=True))
    assert targets["A1"] == ("16.10",) and targets["A3"] == ("16.2",)


# --- percent cells and decimal commas --------------------------------------------------------


RESULTS = [["programme", "result_id", "level", "indicator", "unit", "baseline", "target",
            "actual", "year"],
           ["GLOT59", "R1", "output", "Share of trainees passing", "%", 0.2, 0.5, 0.75, 2018],
           ["GLOT59", "R2", "output", "Trainers certified", "trainers", 0, 10, 12, 2018]]


def test_percent_cells_read_as_the_percentage_they_show(tmp_path):
    def edit(ws):
        for ref in ("F2", "G2", "H2"):
            ws[ref].number_format = "0%"

    folder = write_folder(tmp_path / "d")
    workbook(folder / "results.xlsx", RESULTS, "results", edit)
    results = h.load(folder).results.set_index("result_id")
    # Excel holds 0.2, 0.5, 0.75 and shows 20%, 50%, 75%: the unit is %, so 20, 50, 75.
    assert results.loc["R1", ["baseline", "target", "actual"]].tolist() == [20.0, 50.0, 75.0]
    assert results.loc["R2", ["baseline", "target", "actual"]].tolist() == [0.0, 10.0, 12.0]


def test_a_percent_cell_where_the_unit_is_not_a_percentage_is_refused(tmp_path):
    def edit(ws):
        ws["H3"].number_format = "0%"  # 12 trainers shown as 1200%

    folder = write_folder(tmp_path / "d")
    workbook(folder / "results.xlsx", RESULTS, "results", edit)
    assert problems_of(folder) == [
        "error: results.xlsx, row 3, column actual: value '1200%': a number in the "
        "row's unit; this is a percentage: write % in the unit column, or type the number "
        "without %"]


def test_percent_scores_read_as_scores(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[1][5], rows[1][6] = 0.4, 0.7  # p1 at A1: 40% and 70%, formatted as percentages

    def edit(ws):
        ws["F2"].number_format = ws["G2"].number_format = "0%"

    folder = write_folder(tmp_path / "d", participants=None)
    workbook(folder / "participants.xlsx", rows, "participants", edit)
    row = h.load(folder).participants.iloc[0]
    assert (row["pre_test"], row["post_test"]) == (40.0, 70.0)


def test_decimal_commas_in_a_csv_file(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[1][5], rows[1][6] = "4,5", "7,5"      # scores typed the French way
    rows[2][5], rows[2][6] = "50%", "62,5 %"   # Excel saves percent cells so in CSV
    results = [r[:] for r in RESULTS]
    results[1][5:8] = ["0,25", "0,5", "0,75"]  # a decimal comma, not 25, 5 and 75
    results[1][4] = "share"
    results[2][5:8] = ["1,234", "1 500", "1.234,5"]  # thousands as offices group them
    folder = write_folder(tmp_path / "d", participants=rows, results=results)
    data = h.load(folder)
    p = data.participants.reset_index(drop=True)
    assert p.loc[0, ["pre_test", "post_test"]].tolist() == [4.5, 7.5]
    assert p.loc[1, ["pre_test", "post_test"]].tolist() == [50.0, 62.5]
    r = data.results.set_index("result_id")
    assert r.loc["R1", ["baseline", "target", "actual"]].tolist() == [0.25, 0.5, 0.75]
    assert r.loc["R2", ["baseline", "target", "actual"]].tolist() == [1234.0, 1500.0, 1234.5]


def test_a_decimal_comma_keeps_a_result_on_track(tmp_path):
    # Baseline 0,25, target 0,5, actual 0,75: met (read as 25, 5 and 75 it was "off track").
    results = [RESULTS[0], ["GLOT59", "R1", "output", "Share", "share", "0,25", "0,5", "0,75",
                            "2018"]]
    data = h.load(write_folder(tmp_path / "d", results=results))
    from htmss_analysis.metrics.results import results_status

    table = results_status(data, Scope(2018, "GLOT59"))
    assert table["progress"].iloc[0] == pytest.approx(2.0)  # (0.75 - 0.25) / (0.5 - 0.25)


@pytest.mark.parametrize("value", ["1,23,456", "1.5.6", "1e5", "615.232,", ",5", "4,5,6"])
def test_numbers_that_are_no_number_are_refused(tmp_path, value):
    results = [RESULTS[0], ["GLOT59", "R1", "output", "Share", "", "1", "2", value, "2018"]]
    got = problems_of(write_folder(tmp_path / "d", results=results))
    assert len(got) == 1 and f"column actual: value '{value}': a number between" in got[0]


@pytest.mark.parametrize("value", ["615.232", "1,2", "12.0"])
def test_counts_are_whole_numbers(tmp_path, value):
    traffic = [["site", "month", "page_views"], ["UNODC/HTMSS", "2018-01", value]]
    got = problems_of(write_folder(tmp_path / "d", web_traffic=traffic))
    assert len(got) == 1 and "column page_views" in got[0] and "a whole number" in got[0]


# --- sheets too large to read, refused before they are read ------------------------------


def _edit_sheet(path: Path, edit) -> None:
    """Rewrite the first worksheet's XML of an .xlsx with ``edit(bytes) -> bytes``."""
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            out.writestr(info.filename, data)


def _cell_after_data(ref: str, row: int):
    cell = (f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>').encode()
    return lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>")


def test_a_cell_in_column_xfd_is_refused_before_anything_is_allocated(tmp_path):
    path = workbook(tmp_path / "participants.xlsx", PARTICIPANTS, "participants")
    _edit_sheet(path, _cell_after_data("XFD17", 17))
    with pytest.raises(FileProblem, match=r"sheet 'participants' reaches a cell in column XFD "
                                          r"\(column 16,384\), beyond what the package reads"):
        files.read_cells(path, "participants")


def test_a_cell_in_xfd1_is_refused_and_a_formatted_empty_one_is_not(tmp_path):
    path = workbook(tmp_path / "participants.xlsx", PARTICIPANTS, "participants")
    _edit_sheet(path, lambda xml: xml.replace(
        b"</row>", b'<c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>', 1))
    with pytest.raises(FileProblem, match=r"a cell in column XFD \(column 16,384\)"):
        files.read_cells(path, "participants")
    path = workbook(tmp_path / "formatted.xlsx", PARTICIPANTS, "participants")
    _edit_sheet(path, lambda xml: xml.replace(b"</row>", b'<c r="XFD1" s="0"/></row>', 1))
    assert len(files.read_cells(path, "participants").body) == len(PARTICIPANTS) - 1


def test_a_cell_in_the_last_row_of_excel_is_refused(tmp_path):
    path = workbook(tmp_path / "participants.xlsx", PARTICIPANTS, "participants")
    _edit_sheet(path, _cell_after_data("A1048576", 1048576))
    with pytest.raises(FileProblem, match=r"reaches a cell in row 1,048,576, beyond"):
        files.read_cells(path, "participants")


def test_a_formatted_empty_cell_far_below_costs_nothing(tmp_path):
    path = workbook(tmp_path / "participants.xlsx", PARTICIPANTS, "participants")
    _edit_sheet(path, lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="A1048576" s="0"/></row></sheetData>'))
    cells = files.read_cells(path, "participants")
    assert len(cells.body) == len(PARTICIPANTS) - 1


def test_a_text_longer_than_a_cell_is_refused(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows[2][2] = "x" * 40_000  # Excel would have stopped at 32,767 characters
    folder = write_folder(tmp_path / "d", activities=rows)
    got = problems_of(folder)
    assert got == ["error: activities.csv, row 3, column title: value '" + "x" * 40
                   + "...': at most 32,767 characters, as a spreadsheet cell holds; this cell "
                   "has 40,000"]


def test_a_very_long_csv_cell_is_not_called_a_stray_quote(tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text("activity_id,title\nA1," + "y" * 140_000 + "\n", encoding="utf-8")
    cells = files.read_cells(path)  # read whole; the loader then refuses the length
    assert len(cells.body.iloc[0, 1]) == 140_000
    folder = write_folder(tmp_path / "d")
    (folder / "activities.csv").write_text(
        "\n".join(",".join(r) for r in ACTIVITIES) + "\nA10,GLOT59,\"" + "z" * 140_000
        + "\",training,organized,global,2018-01-01,,,TIP,\n", encoding="utf-8")
    got = problems_of(folder)
    assert got and "quote" not in " ".join(got) and "has 140,000" in got[0]


def _gigabyte_shared_text(path: Path) -> Path:
    """Make a 1 MB workbook whose one shared text is 1 GiB of 'a' once unzipped."""
    import xlsxwriter  # it keeps texts in the shared-strings part, as Excel does

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("participants")
    for i, row in enumerate([["activity_id", "participant_id"], ["A1", "p1"]]):
        sheet.write_row(i, 0, row)
    book.close()
    src = zipfile.ZipFile(path)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items:
            if name != "xl/sharedStrings.xml":
                out.writestr(name, data)
                continue
            with out.open(name, "w", force_zip64=True) as fh:
                fh.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas'
                         b'.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
                block = b"a" * (1 << 20)
                for _ in range(1024):
                    fh.write(block)
                fh.write(b"</t></si><si><t>p1</t></si></sst>")
    return path


def _check_under_4_gb(folder: Path) -> tuple[subprocess.CompletedProcess, float]:
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (4_000_000 * 1024, 4_000_000 * 1024))

    # The command's own CPU time, not the clock's: the suite runs in parallel workers, and
    # a busy machine must not fail a bound that is about the work done.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([str(SCRIPT), "check", "--data", str(folder)], capture_output=True,
                          text=True, timeout=120, preexec_fn=limit)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return proc, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@pytest.mark.slow
def test_a_gigabyte_shared_text_exits_2_within_seconds_under_4_gb(tmp_path):
    folder = write_folder(tmp_path / "d", participants=None)
    _gigabyte_shared_text(folder / "participants.xlsx")
    assert (folder / "participants.xlsx").stat().st_size < 2_000_000
    proc, seconds = _check_under_4_gb(folder)
    assert proc.returncode == 2, proc.stderr
    assert "participants.xlsx: the workbook holds a text of more than 32,767 characters" \
        in proc.stderr
    assert "Traceback" not in proc.stderr and "panicked" not in proc.stderr
    assert seconds < 10


@pytest.mark.slow
def test_a_cell_in_xfd1_of_a_long_sheet_exits_2_within_seconds_under_4_gb(tmp_path):
    folder = write_folder(tmp_path / "d", participants=None)
    rows = [PARTICIPANTS[0][:3]] + [["A1", f"p{i}", "female"] for i in range(60_000)]
    path = workbook(folder / "participants.xlsx", rows, "participants")
    # One note in XFD1: calamine would allocate 60,001 x 16,384 cells (31 GB).
    _edit_sheet(path, lambda xml: xml.replace(
        b"</row>", b'<c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>', 1))
    assert 500_000 < path.stat().st_size < 2_000_000
    proc, seconds = _check_under_4_gb(folder)
    assert proc.returncode == 2, proc.stderr
    assert "column XFD (column 16,384)" in proc.stderr and "Traceback" not in proc.stderr
    assert seconds < 10


def test_a_panic_of_the_excel_reader_is_a_located_problem(monkeypatch, tmp_path):
    # PanicException derives from BaseException: "except Exception" would let it through.
    class PanicException(BaseException):
        pass

    def panic(*args, **kwargs):
        raise PanicException("called `Result::unwrap()` on an `Err` value")

    path = workbook(tmp_path / "activities.xlsx", ACTIVITIES, "activities")
    monkeypatch.setattr(files.CalamineWorkbook, "from_filelike", panic)
    files._open_workbook.cache_clear()
    with pytest.raises(FileProblem, match="a damaged or truncated workbook \\(PanicException"):
        files.open_workbook(path)


def test_column_letters_and_numbers():
    assert [excel.column_number(c) for c in ("A", "Z", "AA", "ALL", "XFD")] == \
        [1, 26, 27, 1000, 16384]
    assert [excel.column_letters(n) for n in (1, 26, 27, 1000, 16384)] == \
        ["A", "Z", "AA", "ALL", "XFD"]


@pytest.mark.parametrize(("length", "said"), [
    (40_000, "at most 32,767 characters, as a spreadsheet cell holds; this cell has 40,000"),
    (300_000, "sheet 'activities' holds a text of more than 32,767 characters")])
def test_a_workbook_cell_longer_than_excel_allows_is_refused(tmp_path, length, said):
    folder = with_activities_xlsx(tmp_path)
    # Excel and the libraries cut a text at 32,767 characters: a hostile file is edited.
    # Refused by the scan before reading (300,000) or by the loader after (40,000).
    _edit_sheet(folder / "activities.xlsx",
                lambda xml: xml.replace(b">Activity A2<", b">" + b"t" * length + b"<"))
    got = problems_of(folder)
    assert len(got) == 1 and said in got[0] and got[0].startswith("error: activities.xlsx")


def test_long_runs_are_found_across_windows():
    run = excel._TEXT_RUN
    assert not excel._has_long_run(b"<a>" + b"x" * (run - 2) + b"</a>")  # "a>" counts too
    assert excel._has_long_run(b"<a>" + b"x" * (run + 1) + b"</a>")
    assert excel._has_long_run(b"x" * (run + 1))
    assert not excel._has_long_run((b"<b>" + b"y" * 1000) * 1000)


def test_a_csv_file_wider_than_any_table_is_refused_at_its_line(tmp_path):
    # 300,000 columns in 2.4 MB: read as a frame, it took minutes; refused in seconds.
    cells = ",".join(["x"] * 300_000)
    folder = write_folder(tmp_path / "d")
    (folder / "stories.csv").write_text(f"story_id,{cells}\nS1,{cells}\n", encoding="utf-8")
    start = time.monotonic()
    got = problems_of(folder)
    assert got == ["error: stories.csv, row 1: value '': line 1 has 300,001 cells, more than "
                   "the 1,000 columns the package reads: a table has a dozen; remove the "
                   "columns after it, or check the separator"]
    assert time.monotonic() - start < 30
    narrow = [list(r) for r in ACTIVITIES] + [["A10", *(["x"] * 2000)]]
    got = problems_of(write_folder(tmp_path / "e", activities=narrow))
    assert got == ["error: activities.csv, row 11: value '': line 11 has 2,001 cells, more "
                   "than the 1,000 columns the package reads: a table has a dozen; remove the "
                   "columns after it, or check the separator"]


def test_a_sheet_of_more_cells_than_are_read_at_once_is_refused(tmp_path):
    import xlsxwriter

    # 16,000 rows with a note in column ALL (1,000): within each limit alone, 16 M cells in
    # all (A1 to ALL16000). Read, it took minutes; refused, before calamine allocates.
    path = tmp_path / "participants.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("participants")
    sheet.write_row(0, 0, ["activity_id", "participant_id"])
    for i in range(1, 16_000):
        sheet.write_row(i, 0, ["A1", f"p{i}"])
        sheet.write(i, 999, "note")
    book.close()
    with pytest.raises(FileProblem, match=r"reaches 16,000 rows by 1,000 columns, beyond what "
                                          r"the package reads from a sheet \(1,000,000 rows, "
                                          r"1,000 columns, 15,000,000 cells"):
        files.read_cells(path, "participants")


def test_a_shared_formula_without_its_result_is_an_error(tmp_path):
    folder = with_activities_xlsx(tmp_path)
    _edit_sheet(folder / "activities.xlsx", lambda xml: xml.replace(
        b'<c r="K2" t="inlineStr"><is><t>8.7;17.9</t></is></c>',
        b'<c r="K2"><f t="shared" si="0"/></c>'))
    got = problems_of(folder)
    assert got == ["error: activities.xlsx, row 2, column sdg_targets: value '(a shared "
                   "formula)': a value; this formula was saved without its result (by a "
                   "program, not Excel): open the file in Excel and save it, or type the value"]

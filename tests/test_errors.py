"""Every kind of error of the contract: one line naming file, row, column and value; exit 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ACTIVITIES, PARTICIPANTS, PUBLICATIONS, WEB_TRAFFIC, write_folder
from htmss_analysis.cli import main


def run_cli(folder: Path, capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(["indicators", "--data", str(folder), "--year", "2018"])
    return exc.value.code, capsys.readouterr().err


def with_cell(rows, row_number, column, value):
    """Copy of ``rows`` with the cell at file row ``row_number`` (header = 1) replaced."""
    out = [list(r) for r in rows]
    out[row_number - 1][rows[0].index(column)] = value
    return out


CASES = [
    # (table, rows, file row, column, value, words of the message)
    ("activities", with_cell(ACTIVITIES, 3, "start_date", "2018-02-30"), 3, "start_date",
     "2018-02-30", "YYYY-MM-DD"),
    ("activities", with_cell(ACTIVITIES, 2, "country", "Narnia"), 2, "country", "Narnia",
     "country name"),
    ("activities", with_cell(ACTIVITIES, 4, "programme", "GLOT99"), 4, "programme", "GLOT99",
     "GLOT59"),
    ("activities", with_cell(ACTIVITIES, 2, "sdg_targets", "8.7;18.1"), 2, "sdg_targets",
     "8.7;18.1", "SDG target"),
    ("activities", with_cell(ACTIVITIES, 5, "activity_type", "seminar"), 5, "activity_type",
     "seminar", "one of training"),
    ("activities", with_cell(ACTIVITIES, 3, "activity_id", "A1"), 3, "activity_id", "A1",
     "row 2 has the same"),
    ("activities", with_cell(ACTIVITIES, 2, "end_date", "2017-12-01"), 2, "end_date",
     "2017-12-01", "not before start_date"),
    ("activities", with_cell(ACTIVITIES, 2, "country", ""), 2, "country", "",
     "national-level activity"),
    ("publications", with_cell(PUBLICATIONS, 2, "category", "book"), 2, "category", "book",
     "standard_setting_tool"),
    ("publications", with_cell(PUBLICATIONS, 3, "downloads", "many"), 3, "downloads", "many",
     "whole number"),
    ("web_traffic", with_cell(WEB_TRAFFIC, 2, "page_views", "-5"), 2, "page_views", "-5",
     "0 or more"),
    ("web_traffic", with_cell(WEB_TRAFFIC, 3, "month", "Feb 2018"), 3, "month", "Feb 2018",
     "YYYY-MM"),
    ("participants", with_cell(PARTICIPANTS, 4, "pre_test", "abc"), 4, "pre_test", "abc",
     "0 to 100"),
    ("participants", with_cell(PARTICIPANTS, 3, "activity_id", "A42"), 3, "activity_id", "A42",
     "activity_id of the activities table"),
]


@pytest.mark.parametrize(("table", "rows", "row", "column", "value", "words"), CASES,
                         ids=[f"{c[0]}-{c[3]}-{c[4] or 'blank'}" for c in CASES])
def test_error_names_file_row_column_value(tmp_path, capsys, table, rows, row, column, value,
                                           words):
    folder = write_folder(tmp_path / "d", **{table: rows})
    code, err = run_cli(folder, capsys)
    assert code == 2
    lines = [line for line in err.splitlines()
             if line.startswith("error:") and f"{table}.csv" in line]
    assert len(lines) == 1, err
    line = lines[0]
    assert f"{table}.csv" in line
    assert f"row {row}," in line
    assert f"column {column}" in line
    assert repr(value) in line
    assert words in line
    assert "Traceback" not in err


def test_missing_required_table(tmp_path, capsys):
    code, err = run_cli(write_folder(tmp_path / "d", activities=None), capsys)
    assert code == 2
    assert "a table 'activities'" in err


def test_missing_required_column(tmp_path, capsys):
    rows = [r[:6] + r[7:] for r in ACTIVITIES]  # drop start_date
    code, err = run_cli(write_folder(tmp_path / "d", activities=rows), capsys)
    assert code == 2
    assert "activities.csv, row 1, column start_date" in err
    assert "a column named 'start_date' (required)" in err


def test_every_problem_is_reported_not_only_the_first(tmp_path, capsys):
    rows = with_cell(with_cell(ACTIVITIES, 2, "country", "Brazill"), 5, "start_date",
                     "31/12/2018")
    code, err = run_cli(write_folder(tmp_path / "d", activities=rows), capsys)
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert code == 2
    assert len(errors) == 2
    assert "row 2, column country: value 'Brazill'" in errors[0]
    assert "row 5, column start_date: value '31/12/2018'" in errors[1]
    assert "2 errors" in err


def test_console_script_exits_2_without_traceback(tmp_path):
    folder = write_folder(tmp_path / "d", activities=with_cell(ACTIVITIES, 2, "level", "local"))
    script = Path(sys.executable).with_name("htmss-analysis")
    proc = subprocess.run([str(script), "indicators", "--data", str(folder), "--year", "2018"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "activities.csv, row 2, column level: value 'local'" in proc.stderr
    assert proc.stdout == ""


def test_missing_folder(tmp_path, capsys):
    code, err = run_cli(tmp_path / "nowhere", capsys)
    assert code == 2
    assert "nowhere" in err


def test_country_figures_on_the_command_line(tiny):
    script = Path(sys.executable).with_name("htmss-analysis")
    proc = subprocess.run([str(script), "indicators", "--data", str(tiny), "--year", "2018",
                           "--country", "Mexico", "--programme", "GLOT92", "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    # GLOT92 in Mexico: A2 (joint workshop) in the country; p4 trained in A2 and A3
    assert (out["year"], out["country"], out["programme"]) == (2018, "MEX", "GLOT92")
    assert out["indicators"] == {"activities_in_country": 1, "capacity_building_in_country": 1,
                                 "people_trained": 1, "activities_attended": 2,
                                 "cases_added_tip": 0, "cases_added_som": 1}
    bad = subprocess.run([str(script), "indicators", "--data", str(tiny), "--year", "2018",
                          "--country", "Atlantis"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "--country 'Atlantis': unknown country" in bad.stderr

"""Nothing silently wrong: ids as people read them, dates that exist, files that are files,
messages that quote no one, and every command's output error a located line, exit 2.

Each case is a hand-made file; the expected figures are worked out beside the assertion.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import htmss_analysis as h
from conftest import ACTIVITIES, PARTICIPANTS, PUBLICATIONS, run_cli, write_folder
from htmss_analysis.metrics import figures

SCRIPT = Path(sys.executable).with_name("htmss-analysis")


def cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run the console script as a process: for what could hang (a pipe) or needs real argv
    bytes; the other commands run in this process (``run_cli``)."""
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=timeout, errors="replace")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(h.DataError) as err:
        h.load(folder)
    return [str(p) for p in err.value.problems]


# --- ids compared as people read them -------------------------------------------------------


def test_an_id_in_another_case_or_with_an_invisible_character_is_the_same_person(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    # The hand-made set trains p1..p7 in 2018 (7 people; p8 attended a conference). P1 at
    # A3 and p4 with a zero-width space at A4 (both trainings) are p1 and p4: 7 still, not 9.
    rows.append(["A3", "P1", "female", "BRA", "prosecution", "", "", "", ""])
    rows.append(["A4", "p4\u200b", "male", "MEX", "judiciary", "", "", "", ""])
    data = h.load(write_folder(tmp_path / "d", participants=rows))
    assert figures.compute(data, 2018)["people_trained"] == 7
    ids = set(data.participants["participant_id"])
    assert "P1" not in ids and "p4\u200b" not in ids  # written as first found
    said = [str(w) for w in data.warnings if w.column == "participant_id"]
    assert said == [
        "warning: participants.csv, row 17, column participant_id: value 'P1': the same id as "
        "p1 in row 2, written differently: ids are compared ignoring case, width and invisible "
        "characters; read as p1",
        "warning: participants.csv, row 18, column participant_id: value 'p4\\u200b': the same "
        "id as p4 in row 6, written differently: ids are compared ignoring case, width and "
        "invisible characters; read as p4"]


def test_an_attendance_names_its_activity_in_any_case(tmp_path):
    rows = [list(r) for r in PARTICIPANTS]
    rows[1][0] = "a1"  # p1 at A1, typed in lower case: still A1, not an unknown activity
    data = h.load(write_folder(tmp_path / "d", participants=rows))
    assert (data.participants["activity_id"] == "a1").sum() == 0
    assert any("value 'a1': the same id as A1" in str(w) and "read as A1" in str(w)
               for w in data.warnings)
    only = [list(r) for r in PARTICIPANTS[:2]]
    only[1][0] = "a1"  # the only attendance of A1: its spelling comes from the activities
    data = h.load(write_folder(tmp_path / "e", participants=only))
    assert list(data.participants["activity_id"]) == ["A1"]
    assert [w.expected for w in data.warnings if w.column == "activity_id"] == [
        "the same id as A1 in the activities table, written differently: ids are compared "
        "ignoring case, width and invisible characters; read as A1"]


def test_two_activities_differing_only_in_case_are_one_id_given_twice(tmp_path):
    rows = [list(r) for r in ACTIVITIES]
    rows.append(["a1", "GLOT59", "Again", "training", "organized", "national", "2018-02-01",
                 "", "BRA", "TIP", ""])
    assert problems_of(write_folder(tmp_path / "d", activities=rows)) == [
        "error: activities.csv, row 11, column activity_id: value 'a1': a unique activity_id; "
        "row 2 has the same"]


# --- dates that exist, in years people mean ------------------------------------------------


@pytest.mark.parametrize(("value", "column"), [
    ("0001-01-01", "start_date"), ("1677-01-01", "start_date"), ("2019-02-31", "start_date"),
    ("2018-13-01", "start_date"), ("9999-12-31", "end_date")])
def test_dates_out_of_range_or_that_do_not_exist_are_located(tmp_path, value, column):
    rows = [list(r) for r in ACTIVITIES]
    rows[2][ACTIVITIES[0].index(column)] = value
    proc = run_cli("check", "--data", str(write_folder(tmp_path / "d", activities=rows)))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"activities.csv, row 3, column {column}: value '{value}': a date that exists, " \
           "written YYYY-MM-DD (or an Excel date cell), in 1900-2100" in proc.stderr


def test_a_month_and_a_publication_date_out_of_range(tmp_path):
    pubs = [list(r) for r in PUBLICATIONS]
    pubs[1][4] = "1677-09-01"
    traffic = [["site", "month", "page_views"], ["UNODC/HTMSS", "2018-13", "5"]]
    got = problems_of(write_folder(tmp_path / "d", publications=pubs, web_traffic=traffic))
    assert got == [
        "error: publications.csv, row 2, column published_date: value '1677-09-01': a date "
        "that exists, written YYYY-MM-DD (or an Excel date cell), in 1900-2100",
        "error: web_traffic.csv, row 2, column month: value '2018-13': a month written "
        "YYYY-MM, in 1900-2100"]


# --- files that are files ------------------------------------------------------------------


def test_a_pipe_as_a_table_is_refused_not_waited_on(tmp_path):
    folder = write_folder(tmp_path / "d", participants=None)
    os.mkfifo(folder / "participants.csv")
    proc = cli("check", "--data", str(folder), timeout=60)
    assert proc.returncode == 2
    assert "participants.csv: not a regular file (a pipe, device or socket, or a link to one)" \
        in proc.stderr


def test_a_link_to_a_device_as_a_table_is_refused(tmp_path):
    folder = write_folder(tmp_path / "d", cases=None)
    (folder / "cases.csv").symlink_to("/dev/zero")
    proc = cli("check", "--data", str(folder), timeout=60)
    assert proc.returncode == 2 and "cases.csv: not a regular file" in proc.stderr


def test_a_file_name_that_is_not_utf8_is_a_located_error(tmp_path):
    folder = write_folder(tmp_path / "d")
    bad = os.fsencode(str(folder)) + b"/stories\xe9.xlsx"
    with open(bad, "wb") as fh:
        fh.write(b"PK\x03\x04not really")
    for command in (["check"], ["indicators", "--year", "2018"],
                    ["explain", "people_trained", "--year", "2018"]):
        proc = cli(*command, "--data", str(folder))
        assert proc.returncode == 2, proc.stderr
        assert "stories\ufffd.xlsx: a file name that is not valid UTF-8" in proc.stderr
        assert "Traceback" not in proc.stderr


# --- no personal data in any message ---------------------------------------------------------


def test_a_stray_quote_in_a_phone_number_quotes_no_personal_data(tmp_path):
    folder = write_folder(tmp_path / "d", participants=None)
    (folder / "participants.csv").write_text(
        "activity_id,participant_id,full_name,email,phone\n"
        'A1,p1,Jane Secret0,jane.secret0@example.org,"+41 79 555 01 01\n'
        "A1,p2,John Secret1,john@example.org,+41 79 555 01 02\n", encoding="utf-8")
    proc = run_cli("check", "--data", str(folder))
    assert proc.returncode == 2
    assert "Line 2, column 5 (phone)" in proc.stderr
    for secret in ("Jane", "Secret", "example.org", "+41", "555"):
        assert secret not in proc.stderr


def test_a_control_character_in_an_e_mail_column_is_not_echoed(tmp_path):
    folder = write_folder(tmp_path / "d", participants=None)
    (folder / "participants.csv").write_text(
        "activity_id,participant_id,E-mail,Telephone\n"
        "A1,p1,jane\x07@example.org,+41 79 555\n", encoding="utf-8")
    data = h.load(folder)  # personal-data columns under other names: dropped on reading
    assert list(data.participants.columns[:2]) == ["activity_id", "participant_id"]
    assert "e-mail" not in data.participants.columns
    assert not any("jane" in str(w) for w in data.warnings)


# --- every command's output error: exit 2, the real cause, no traceback ----------------------


def test_output_errors_name_the_path_and_the_reason(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    a_folder = tmp_path / "folder.xlsx"
    a_folder.mkdir()
    cases = [
        (["template", "--out", "/proc/entry.xlsx"], "/proc/entry.xlsx"),
        (["template", "--out", str(a_folder)], "a folder (or other non-file) is there"),
        (["docs", "--out", str(a_file)], f"{a_file}: File exists"),
        (["build", "--programme", "GLOT59", "--out", str(a_file), "--config", "none"],
         str(a_file)),
    ]
    for args, said in cases:
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert said in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr and "--scheduler" not in proc.stderr, args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "folder.xlsx"]
    assert list(a_folder.iterdir()) == []  # no temporary file left beside or inside


def test_explain_with_a_blank_country_is_refused_as_indicators_does():
    for command in ("explain", "indicators"):
        args = [command, "people_trained"] if command == "explain" else [command]
        proc = run_cli(*args, "--year", "2018", "--country", "")
        assert proc.returncode == 2 and "--country '': blank country" in proc.stderr


def test_a_misspelt_country_gets_a_suggestion_never_a_guess(tmp_path):
    proc = run_cli("indicators", "--year", "2018", "--country", "Kazakstan")
    assert proc.returncode == 2 and "(did you mean Kazakhstan?)" in proc.stderr
    rows = [list(r) for r in ACTIVITIES]
    rows[2][8] = "Kazakstan"
    got = problems_of(write_folder(tmp_path / "d", activities=rows))
    assert got == ["error: activities.csv, row 3, column country: value 'Kazakstan': an ISO3 "
                   "code or a country name the UN or UNODC uses (did you mean Kazakhstan?)"]


def test_a_pipe_given_as_a_public_source_is_an_error_not_a_missing_file(tmp_path):
    fifo = tmp_path / "glotip.xlsx"
    os.mkfifo(fifo)
    proc = cli("build", "--programme", "GLOT59", "--out", str(tmp_path / "out"), "--config",
               "none", "--glotip", str(fifo), timeout=120)
    assert proc.returncode == 2
    assert "glotip.xlsx: not a regular file (a pipe, device or socket, or a link to one)" \
        in proc.stderr

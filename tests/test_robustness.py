"""Nothing lost, nothing trusted blindly: malformed files, ambiguous folders, build faults, cache.

Each case is a small hand-made file; the expectation is the exit status, the located
message, and figures that are either unchanged or refused, never silently different.
"""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import htmss_analysis as h
from conftest import (
    ACTIVITIES,
    PUBLICATIONS,
    ROOT,
    WEB_TRAFFIC,
    build_cli,
    built_earlier,
    write_folder,
)
from htmss_analysis import build as builder
from htmss_analysis.data import cache
from htmss_analysis.problems import Problem, grouped
from htmss_analysis.public import sources

SCRIPT = Path(sys.executable).with_name("htmss-analysis")


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), "check", "--data", str(folder)], capture_output=True,
                          text=True, timeout=300)


def cell(rows, row, column, value):
    out = [list(r) for r in rows]
    out[row - 1][rows[0].index(column)] = value
    return out


def replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def xlsx(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


# --- every malformed input: exit 2 (or 0), one located line, never a traceback -----------


def _stray_quote(f):  # activities.csv line 6 opens a quote it never closes
    replace_line(f / "activities.csv", 6, "Activity A5", '"Workshop A5')


def _extra_cells(f):
    with (f / "activities.csv").open("a", encoding="utf-8") as fh:
        fh.write("A10,GLOT59,T,training,organized,national,2018-01-01,,BRA,TIP,,surplus\n")


def _same_header_twice(f):
    text = (f / "publications.csv").read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",Title"] + [line + ",other" for line in text[1:]]
    (f / "publications.csv").write_text("\n".join(text) + "\n", encoding="utf-8")


def _copy_named(f):
    shutil.copy(f / "participants.csv", f / "participants (1).csv")


def _only_copy(f):
    os.rename(f / "participants.csv", f / "participants (1).csv")


def _folder_in_place(f):
    os.remove(f / "cases.csv")
    os.mkdir(f / "cases.csv")


def _dangling_link(f):
    os.remove(f / "cases.csv")
    os.symlink("nowhere.csv", f / "cases.csv")


def _looping_link(f):
    os.remove(f / "cases.csv")
    os.symlink("cases.csv", f / "cases.csv")


def _utf16(f):
    text = (f / "cases.csv").read_text(encoding="utf-8")
    (f / "cases.csv").write_bytes(text.encode("utf-16"))


def _nul_byte(f):
    (f / "cases.csv").write_bytes((f / "cases.csv").read_bytes().replace(b"BRA", b"B\x00A", 1))


def _csv_named_xlsx(f):
    os.rename(f / "web_stories.csv", f / "web_stories.xlsx")


def _truncated_xlsx(f):
    book = xlsx(f / "tmp.xlsx", {"web_traffic": WEB_TRAFFIC})
    os.remove(f / "web_traffic.csv")
    (f / "web_traffic.xlsx").write_bytes(book.read_bytes()[:2000])
    book.unlink()


def _password_xlsx(f):
    # What Excel writes for an encrypted workbook: an OLE container with an EncryptedPackage.
    os.remove(f / "web_traffic.csv")
    (f / "web_traffic.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
                                         + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)


def _two_workbooks(f):
    os.remove(f / "web_traffic.csv")
    xlsx(f / "HTMSS 2018.xlsx", {"web_traffic": WEB_TRAFFIC})
    xlsx(f / "draft_web_traffic.xlsx", {"web_traffic": WEB_TRAFFIC[:2]})


def _workbook_beside_csv(f):
    xlsx(f / "HTMSS 2018.xlsx", {"web_traffic": WEB_TRAFFIC})


def _two_blank_keys(f):
    rows = cell(cell(ACTIVITIES, 2, "activity_id", ""), 3, "activity_id", "")
    write_folder(f, activities=rows)


def _huge_count(f):
    write_folder(f, web_traffic=cell(WEB_TRAFFIC, 2, "page_views", "9223372036854775808"))


def _twenty_digits(f):
    write_folder(f, publications=cell(PUBLICATIONS, 2, "downloads", "12345678901234567890"))


def _huge_number(f):
    write_folder(f, results=[["programme", "result_id", "level", "indicator", "baseline",
                              "target", "year"],
                             ["GLOT59", "R1", "outcome", "x", "1" + "0" * 400, "5", "2018"]])


def _header_only(f):
    write_folder(f, publications=[PUBLICATIONS[0]])


def _control_character(f):
    replace_line(f / "web_stories.csv", 2, "Story one", "Bad\x07title")


MALFORMED = [
    # (id, how the folder is spoiled, exit status, words of the located line)
    ("stray-quote", _stray_quote, 2, "activities.csv, row 6"),
    ("extra-cells", _extra_cells, 2, "activities.csv, row 11: value 'surplus': at most 11"),
    ("same-header-twice", _same_header_twice, 2, "publications.csv, row 1, column title"),
    ("copy-beside-table", _copy_named, 2, "participants (1).csv: a file named like the "
     "participants table"),
    ("only-a-copy", _only_copy, 2, "rename it participants.csv"),
    ("folder-in-place", _folder_in_place, 2, "cases.csv: a folder, not a file"),
    ("dangling-link", _dangling_link, 2, "cases.csv: a broken or looping link"),
    ("looping-link", _looping_link, 2, "cases.csv: a broken or looping link"),
    ("utf-16", _utf16, 2, "cases.csv: UTF-16 text"),
    ("nul-byte", _nul_byte, 2, "cases.csv: binary content (a NUL byte"),
    ("csv-named-xlsx", _csv_named_xlsx, 2, "web_stories.xlsx: text, not a workbook"),
    ("truncated-xlsx", _truncated_xlsx, 2, "web_traffic.xlsx: a damaged or truncated workbook"),
    ("password-xlsx", _password_xlsx, 2, "web_traffic.xlsx: password-protected: save an "
     "unprotected copy"),
    ("two-workbooks", _two_workbooks, 2, "HTMSS 2018.xlsx[web_traffic], "
     "draft_web_traffic.xlsx[web_traffic]"),
    ("workbook-beside-csv", _workbook_beside_csv, 2, "one source for table web_traffic, not 2"),
    ("two-blank-keys", _two_blank_keys, 2, "activities.csv, row 2, column activity_id"),
    ("count-beyond-2^63", _huge_count, 2, "web_traffic.csv, row 2, column page_views"),
    ("twenty-digits", _twenty_digits, 2, "publications.csv, row 2, column downloads"),
    ("400-digit-number", _huge_number, 2, "results.csv, row 2, column baseline"),
    ("header-only", _header_only, 0, ""),
    ("control-character", _control_character, 2, "web_stories.csv, row 2, column title: "
     "value 'Bad?title': text without control characters"),
]


def check_here(folder: Path, capsys) -> tuple[int, str]:
    """Run `check` in this process (an uncaught exception fails the test as a traceback)."""
    from htmss_analysis.cli import main

    try:
        code = main(["check", "--data", str(folder)])
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("spoil", "status", "words"), [c[1:] for c in MALFORMED],
                         ids=[c[0] for c in MALFORMED])
def test_malformed_input_is_one_located_line_never_a_traceback(tmp_path, capsys, spoil,
                                                               status, words):
    folder = write_folder(tmp_path / "d")
    spoil(folder)
    code, err = check_here(folder, capsys)
    assert code == status, err
    assert "dtype(" not in err and "\x00" not in err
    if words:
        assert words in err, err


def test_the_command_itself_prints_no_traceback(tmp_path):
    folder = write_folder(tmp_path / "d")
    _truncated_xlsx(folder)
    proc = check(folder)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "web_traffic.xlsx: a damaged or truncated workbook" in proc.stderr


def test_a_header_only_table_counts_zero_rows(tmp_path):
    data = h.load(write_folder(tmp_path / "d", publications=[PUBLICATIONS[0]]))
    assert len(data.publications) == 0 and h.compute(data, 2018)["tools_and_publications"] == 0


@pytest.mark.parametrize("target", ["file.txt", "/dev/null", "missing"])
def test_data_that_is_neither_a_folder_nor_a_workbook(tmp_path, target):
    path = tmp_path / target if not target.startswith("/") else Path(target)
    if target == "file.txt":
        path.write_text("hello", encoding="utf-8")
    proc = check(path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "a data folder" in proc.stderr


def test_a_link_to_a_data_folder_is_a_data_folder(tmp_path):
    # data/sample is such a link; a broken one is still refused with its reason.
    real = write_folder(tmp_path / "real")
    os.symlink(real, tmp_path / "link")
    assert len(h.load(tmp_path / "link").activities) == len(h.load(real).activities) > 0
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    proc = check(tmp_path / "broken")
    assert proc.returncode == 2 and "a broken or looping link" in proc.stderr


def test_a_legitimate_multi_line_cell_is_kept(tmp_path):
    folder = write_folder(tmp_path / "d")
    (folder / "stories.csv").write_text(
        'story_id,programme,country,year,title,summary\n'
        'S1,GLOT59,BRA,2018,T,"line one\nline two, with a comma"\n', encoding="utf-8")
    data = h.load(folder)
    assert data.stories["summary"].tolist() == ["line one\nline two, with a comma"]


def test_absent_optional_tables_are_listed(tmp_path, capsys):
    folder = write_folder(tmp_path / "d", web_traffic=None)
    data = h.load(folder)
    # A contract version 1 folder: the tables of versions 2 and 3 are absent too.
    assert data.absent == ["web_traffic", "results", "engagements", "priorities", "stories",
                           "narrative"]
    code, err = check_here(folder, capsys)
    assert code == 0
    assert ("optional tables absent (their figures are 0): web_traffic, results, engagements, "
            "priorities, stories, narrative") in err


def test_a_hidden_sheet_is_used_with_a_warning(tmp_path):
    folder = write_folder(tmp_path / "d", web_traffic=None)
    xlsx(folder / "extra.xlsx", {"notes": [["x"]], "web_traffic": WEB_TRAFFIC},
         hidden=("web_traffic",))
    data = h.load(folder)
    # 2018 page views: 1,000 + 2,000 + 500 from the hidden sheet's rows.
    assert h.compute(data, 2018)["page_views"] == 3500
    assert any("hidden sheet" in w.expected for w in data.warnings)


def test_bad_public_source_is_exit_2_without_traceback(tmp_path):
    bad = tmp_path / "g.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    proc = build_cli("--glotip", str(bad), "--out", str(tmp_path / "out"), "--config", "none")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "g.xlsx: text, not a workbook" in proc.stderr


@pytest.mark.parametrize("args", [["indicators", "--year", "0"], ["build", "--timeout", "0"],
                                  ["build", "--jobs", "0"]])
def test_nonsense_options_are_refused(args):
    proc = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


# --- output with a bound --------------------------------------------------------------------


def test_repeated_problems_are_grouped_after_the_first_200():
    problems = [Problem("p.csv", i, "sex", "x", "one of female, male") for i in range(2, 1002)]
    problems += [Problem("p.csv", 5, "group", "y", "one of law_enforcement")]
    first, rest = grouped(problems)
    assert len(first) == 200 and first[0].row == 2
    assert rest == ["error: and 800 more in p.csv, column sex: one of female, male",
                    "error: and 1 more in p.csv, column group: one of law_enforcement"]
    # Keys repeated from many different rows still make one group; the first left over
    # (i = 203, naming row 202) is the example.
    dups = [Problem("a.csv", i, "activity_id", f"A{i}", f"a unique activity_id; row {i - 1} "
                    "has the same") for i in range(3, 5003)]
    assert grouped(dups)[1] == ["error: and 4,800 more in a.csv, column activity_id: a "
                                "unique activity_id; row 202 has the same (and the like)"]


@pytest.mark.slow
def test_a_million_bad_rows_print_a_bounded_report(tmp_path):
    folder = write_folder(tmp_path / "d")
    with (folder / "participants.csv").open("a", encoding="utf-8") as fh:
        for i in range(1_000_000):
            fh.write(f"A1,q{i},zebra,BRA,,,,,\n")
    proc = check(folder)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) < 250
    assert "error: and 999,800 more in participants.csv, column sex:" in proc.stderr


# --- the cache runs no code and trusts nothing --------------------------------------------


GLOTIP_CSV = [["iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension",
               "Category", "Sex", "Age", "Year", "txtVALUE", "Source"],
              ["BRA", "Brazil", "Americas", "South America", "Detected trafficking victims",
               "Total", "Total", "Total", "Total", "2022", "539", "NA"]]


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _glotip(tmp_path) -> Path:
    from conftest import write_csv

    return write_csv(tmp_path / "g.csv", GLOTIP_CSV)


def test_a_planted_or_damaged_entry_is_a_miss_and_runs_nothing(tmp_path, own_cache):
    path = _glotip(tmp_path)
    first = sources.load_glotip(path)
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700
    (entry,) = own_cache.glob("glotip-*.json")
    marker = tmp_path / "pwned"
    # A pickle that would create the marker if it were ever unpickled.
    entry.write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    with pytest.warns(UserWarning, match="damaged or not ours"):
        again = sources.load_glotip(path)
    assert not marker.exists()
    assert again.equals(first)
    entry.write_text('{"format": 1, "rows": 1, "dtypes": {}, "columns": {"x": [1]}}',
                     encoding="utf-8")
    assert sources.load_glotip(path).equals(first)  # wrong columns: parsed again


def test_a_cache_folder_open_to_others_or_a_link_is_not_used(tmp_path, own_cache):
    path = _glotip(tmp_path)
    own_cache.mkdir(mode=0o777)
    os.chmod(own_cache, 0o777)
    with pytest.warns(UserWarning, match="not private"):
        sources.load_glotip(path)
    assert list(own_cache.iterdir()) == []
    own_cache.rmdir()
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    os.symlink(real, own_cache)
    with pytest.warns(UserWarning, match="a link"):
        sources.load_glotip(path)
    assert list(real.iterdir()) == []


def test_a_file_changed_with_the_same_size_and_time_is_read_again(tmp_path, own_cache):
    path = _glotip(tmp_path)
    assert sources.load_glotip(path)["value"].tolist() == [539.0]
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("539", "540"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime
    assert sources.load_glotip(path)["value"].tolist() == [540.0]


# --- build faults leave a true state --------------------------------------------------------


def test_atomic_write_leaves_the_old_file_or_the_new_one(tmp_path, monkeypatch):
    from htmss_analysis.io.files import write_file

    target = tmp_path / "r.html"
    target.write_bytes(b"old")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        write_file(target, b"new report")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no half-written temporary


@pytest.mark.slow
def test_a_lost_worker_fails_its_report_only_and_a_failed_report_leaves_no_html(tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    path = notebooks / "programme_report.ipynb"
    nb = nbformat.read(path, as_version=4)
    # The kernel's parent is the build's worker: killing it is what the OOM killer does.
    nb.cells.insert(3, nbformat.v4.new_code_cell(
        'import os, signal\nif programme == "GLOT92":\n    os.kill(os.getppid(), signal.SIGKILL)'))
    nbformat.write(nb, path)
    data = write_folder(tmp_path / "data")
    out = tmp_path / "out"
    built_earlier(out / "2018", "GLOT92", text="a report of an earlier build")
    proc = build_cli("--data", str(data), "--out", str(out), "--notebooks", str(notebooks),
                     "--programme", "GLOT59", "GLOT92", "GLOACT", "--config", "none")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "2 built, 1 failed" in proc.stdout
    assert "GLOT92: the worker building it stopped, exit code -9" in proc.stdout
    assert (out / "2018" / "GLOT59.html").exists() and (out / "2018" / "GLOACT.html").exists()
    assert not (out / "2018" / "GLOT92.html").exists()
    assert "Traceback" not in proc.stdout + proc.stderr


@pytest.mark.slow  # builds reports
def test_two_builds_into_one_folder_are_refused(tmp_path):
    out = tmp_path / "out"
    with builder.locked(out / "2018"):
        proc = build_cli("--out", str(out), "--config", "none")
    assert proc.returncode == 2
    assert f"is writing to {out / '2018'}" in proc.stderr


@pytest.mark.slow
def test_a_terminated_build_stops_its_workers_and_sums_up(tmp_path):
    import time

    proc = subprocess.Popen([str(SCRIPT), "build", "--out", str(tmp_path / "out"), "--config",
                             "none", "--country", "none"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    time.sleep(6)
    proc.terminate()
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130
    # The highlights, their technical companion and the three programme reports.
    assert "interrupted: 0 built, 5 failed" in out
    assert not list((tmp_path / "out" / "2018").glob("*.html"))


def test_the_report_lists_200_warnings_then_counts_the_rest(tmp_path):
    from conftest import PARTICIPANTS
    from htmss_analysis import report as s

    # 250 repeats of p5's attendance at A3: 250 duplicate-attendance warnings, plus the
    # fixture's own repeat of (A1, p2) and its unknown sex and nationality: 253 in all.
    rows = [list(r) for r in PARTICIPANTS] + [["A3", "p5", "female", "KEN", "", "", "", "",
                                                ""]] * 250
    data = h.load(write_folder(tmp_path / "d", participants=rows))
    assert len(data.warnings) == 253
    html = str(s.data_quality(s.context(data, 2018, None)))
    assert "253 warnings" in html
    # Listed: the 2 unknown-sex/nationality warnings and 198 repeats; then one line for
    # the other 53 repeats, whose messages differ only in the row they name.
    assert html.count("one attendance per person and activity; same as row") == 198 + 1
    assert ("and 53 more in participants.csv, column activity_id, participant_id: one "
            "attendance per person and activity; same as row 7, counted once (and the like)"
            ) in html


@pytest.mark.slow
def _descendants(pid: int) -> set[int]:
    """The processes under ``pid`` (its workers and their kernels), from /proc."""
    parents = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parents.setdefault(int(fields[1]), set()).add(int(entry.parent.name))
    found, todo = set(), [pid]
    while todo:
        children = parents.get(todo.pop(), set()) - found
        found |= children
        todo.extend(children)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; it waits for its parent to read its status


@pytest.mark.slow  # builds reports
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the processes in /proc")
def test_a_build_killed_outright_leaves_no_worker_writing_reports(tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    proc = subprocess.Popen([str(SCRIPT), "build", "--out", str(out), "--config", "none",
                             "--country", "none"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for _ in range(200):  # until the workers are executing notebooks
        if "started" in proc.stdout.readline():
            break
    time.sleep(0.5)
    workers = _descendants(proc.pid)
    assert workers  # the worker processes and their kernels
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    # Each worker (and each kernel with it) notices its build is gone and stops: none is
    # left to write a report. A report takes seconds; the workers stop within one.
    end = time.monotonic() + 60
    while any(_alive(p) for p in workers) and time.monotonic() < end:
        time.sleep(0.2)
    assert not [p for p in workers if _alive(p)], "a worker outlived its build"
    assert not list((out / "2018").glob("*.html"))


def test_the_cache_key_follows_the_code_that_parses(tmp_path, monkeypatch):
    # A change to how cells are parsed (say, SDG targets sorted in the UN's order) must never
    # be served tables parsed the old way from the cache.
    from htmss_analysis.data import load as loaders
    from htmss_analysis.data.locate import find_sources

    located = find_sources(write_folder(tmp_path / "d"))
    before = loaders._dataset_key(located)
    assert loaders._dataset_key(located) == before  # the same files and code: the same entry
    monkeypatch.setattr(loaders, "code_digest", lambda: "another version of the parser")
    assert loaders._dataset_key(located) != before

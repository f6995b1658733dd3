"""Reading CSV cells: Arrow's fast path and the exact csv path agree, row numbers included."""

from __future__ import annotations

import pandas as pd
import pytest

from htmss_analysis import countries
from htmss_analysis.io.files import FileProblem, read_cells

# (bytes, header, {row number: cells}, empty lines skipped or read as blank rows)
CASES = {
    "plain": (b"a,b\n1,2\n3,4\n", ["a", "b"], {2: ["1", "2"], 3: ["3", "4"]}),
    "no final line break": (b"a,b\n1,2", ["a", "b"], {2: ["1", "2"]}),
    "BOM and CRLF": (b"\xef\xbb\xbfa,b\r\n1,2\r\n3,4\r\n", ["a", "b"],
                     {2: ["1", "2"], 3: ["3", "4"]}),
    # The record on line 2 runs to line 3, so the next one starts on line 4.
    # A record spanning two lines is one row, as a spreadsheet opening the file shows it.
    "quoted line break": (b'a,b\n1,"x\ny"\n3,4\n', ["a", "b"], {2: ["1", "x\ny"], 3: ["3", "4"]}),
    "quoted comma and quote": (b'a,b\n"1,5","say ""hi"""\n', ["a", "b"],
                               {2: ["1,5", 'say "hi"']}),
    "quote inside an unquoted cell": (b'a,b\n1,x"y\n', ["a", "b"], {2: ["1", 'x"y']}),
    "Windows-1252": (b"a,b\n1,caf\xe9\n", ["a", "b"], {2: ["1", "caf\u00e9"]}),
    "lone carriage returns": (b"a,b\r1,2\r3,4\r", ["a", "b"], {2: ["1", "2"], 3: ["3", "4"]}),
    "narrow row": (b"a,b,c\n1\n2,3,4\n", ["a", "b", "c"], {2: ["1", "", ""], 3: ["2", "3", "4"]}),
}


def _rows(cells) -> dict[int, list[str]]:
    return {int(i): list(r) for i, r in zip(cells.body.index, cells.body.to_numpy().tolist(),
                                            strict=True)}


@pytest.mark.parametrize("name", CASES)
def test_cells_and_row_numbers(tmp_path, name):
    data, header, rows = CASES[name]
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    got = read_cells(path)
    assert got.header == header
    assert _rows(got) == rows


def test_empty_lines_are_counted_as_blank_rows(tmp_path):
    # Lines 3 and 5 are empty; the line break at the very end ends line 6.
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1,2\n\n3,4\n\n5,6\n")
    got = read_cells(path)
    assert _rows(got) == {2: ["1", "2"], 4: ["3", "4"], 6: ["5", "6"]}
    assert got.blank_rows + sum(1 for r in got.body.to_numpy().tolist() if not any(r)) == 2


def test_a_stray_quote_is_located_not_parsed_leniently(tmp_path):
    # Arrow alone would read '"x"y' as 'xy'; the exact path refuses it at its line.
    path = tmp_path / "t.csv"
    path.write_bytes(b'a,b\n1,2\n3,"x"y\n')
    with pytest.raises(FileProblem) as err:
        read_cells(path)
    assert err.value.row == 3


def test_a_quote_left_open_is_located(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b'a,b\n1,2\n3,"x\n4,5\n6,7\n')
    with pytest.raises(FileProblem) as err:
        read_cells(path)
    assert err.value.row == 3


def test_a_paragraph_with_commas_in_a_quoted_cell_is_text_a_swallowed_record_is_not(tmp_path):
    # Three columns: a second paragraph holding two commas (three cells' worth) is prose.
    path = tmp_path / "t.csv"
    path.write_bytes(b'year,part,text\n2018,sdgs,"One.\n\nTraining, mentoring, and more."\n'
                     b'2019,sdgs,x\n')
    assert _rows(read_cells(path)) == {
        2: ["2018", "sdgs", "One.\n\nTraining, mentoring, and more."], 3: ["2019", "sdgs", "x"]}
    # A quote closed only two records later swallows the record between: refused.
    path.write_bytes(b'year,part,text\n2018,sdgs,"One.\n2019,sdgs,x\n2020,sdgs,y"\n')
    with pytest.raises(FileProblem) as err:
        read_cells(path)
    assert err.value.row == 2


def test_a_hundred_thousand_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path):
    # Every tenth record holds a quoted line break: record k is still row k + 1 (the
    # header is row 1), as a spreadsheet shows the file, whatever line it starts on.
    lines = ["id,text"]
    for i in range(100_000):
        lines.append(f'{i},"two\nlines"' if i % 10 == 0 else f"{i},one")
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read_cells(path)
    assert len(got.body) == 100_000
    # Records 0..9 take lines 2-3, then 4..12 (rows 2 to 11); record 10 is row 12.
    assert got.body.index[:3].tolist() == [2, 3, 4]
    assert got.body.index[10] == 12
    assert got.body.loc[12].tolist() == ["10", "two\nlines"]
    assert pd.Series(got.body.index).is_monotonic_increasing


def test_the_country_table_is_the_librarys_own():
    from hdx.location.country import Country

    Country._countriesdata = None  # make the library read its table its own way
    try:
        own = Country.countriesdata(use_live=False)["countries"]
        assert countries._rows() == own
    finally:
        Country._countriesdata = None
        countries._matcher_once.cache_clear()


@pytest.mark.parametrize("name", CASES)
def test_both_paths_give_the_same_cells(name):
    from htmss_analysis.io import files

    data = CASES[name][0].removeprefix(b"\xef\xbb\xbf")
    encoding = "utf-8" if name != "Windows-1252" else "windows-1252"
    fast = files._arrow_cells(data, encoding)
    exact = files._cells_of(files.csv_rows(data.decode("cp1252" if name == "Windows-1252"
                                                       else "utf-8")), encoding)
    if fast is None:  # quoting or line ends that only the exact path reads
        assert name in ("quote inside an unquoted cell", "lone carriage returns", "narrow row")
        return
    assert fast.header == exact.header
    assert _rows(fast) == _rows(exact)


def test_plain_large_files_take_the_fast_path():
    from htmss_analysis.io import files

    data = b"a,b\n" + b"".join(b"%d,x\n" % i for i in range(1000))
    assert files._arrow_cells(data, "utf-8") is not None


def test_a_stray_quote_message_does_not_quote_the_rest_of_the_line(tmp_path):
    # The cells after the fault may be personal data (a name, an e-mail): not shown.
    path = tmp_path / "t.csv"
    path.write_bytes(b'id,sex,full_name,email\nP1,"fem"ale,Maria Secret,maria@example.org\n')
    with pytest.raises(FileProblem) as err:
        read_cells(path)
    assert err.value.row == 2 and '"fem"ale' in str(err.value)
    assert "Maria" not in str(err.value) and "example.org" not in str(err.value)

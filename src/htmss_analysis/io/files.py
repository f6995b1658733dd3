"""Reading files: decode text, open workbooks, read rows of cells, hash bytes. No rules here.

Every way a file can fail to be read ends in :class:`FileProblem` with a
message an analyst can act on ("password-protected: save an unprotected
copy"), never in a library's traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import re
import stat as stat_module
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from . import excel

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
"""Workbook file endings the package reads."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
CONTROL_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
"""Control characters (other than tab and line breaks): never part of a cell's text."""
_CONTROL = re.compile(CONTROL_PATTERN)


class FileProblem(Exception):
    """A file, or a row of it, that cannot be read (the message says why and what to do).

    Attributes
    ----------
    row : int or None
        The physical line where the fault starts, when it is one line's.
    """

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


def regular_file(path: Path) -> None:
    """Refuse anything but a regular file (a pipe or a device would never end, or block).

    Raises
    ------
    FileProblem
        For a named pipe, a device (``/dev/zero``), a socket, or a link to one.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise FileProblem(f"cannot be read ({exc.strerror})") from None
    if not stat_module.S_ISREG(mode):
        raise FileProblem("not a regular file (a pipe, device or socket, or a link to one): "
                          "give a regular file")


# --- hashing -------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes, computed once per version of the file.

    The memo is keyed by path, size, modification and change times and inode:
    a file rewritten with the same size and a restored modification time has a
    new change time, so it is hashed again, never answered from the memo.
    """
    stat = Path(path).stat()
    return _sha256(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns,
                   stat.st_ctime_ns, stat.st_ino)


@cache
def _sha256(path: str, size: int, mtime_ns: int, ctime_ns: int, inode: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- writing -------------------------------------------------------------------------


@contextlib.contextmanager
def new_file(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a private temporary path beside ``path``; on success, move it to ``path``.

    The temporary file is created by this process (exclusively, never
    through a link: ``mkstemp`` opens it ``O_EXCL | O_NOFOLLOW``), so what is
    written there goes nowhere else, and the final rename replaces whatever
    is at ``path`` (a link included) instead of writing through it. A failure
    or a kill mid-write leaves the previous file, never a truncated one.
    """
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    try:
        # mkstemp makes the file private (0600); an output is shared as any other file.
        os.fchmod(fd, 0o666 & ~_umask())
    finally:
        os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@cache
def _umask() -> int:
    """Return the process's file-creation mask (read once: reading it means setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as a whole new file of this process's (see :func:`new_file`)."""
    with new_file(path) as tmp, open(tmp, "r+b") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def read_own(path: Path, limit: int = 64 << 20) -> bytes | None:
    """Return the bytes of a regular file (not through a link), or None.

    For the records a program keeps beside its outputs: a link, a folder, a
    device or a file too large is no record of its own.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat_module.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        return fh.read(limit + 1)


# --- text ----------------------------------------------------------------------------


def decode(path: Path) -> tuple[str, str]:
    """Return a text file's content and encoding: UTF-8 (BOM allowed), else Windows-1252.

    Raises
    ------
    FileProblem
        For UTF-16 text, binary content (NUL bytes) or bytes that are neither.
    """
    regular_file(path)
    data = Path(path).read_bytes()
    encoding = _text_encoding(data)
    return data.decode("utf-8-sig" if encoding == "utf-8" else "cp1252", errors="replace"), \
        encoding


def csv_rows(text: str, private: Callable[[str], bool] | None = None
             ) -> list[tuple[int, list[str]]]:
    """Split CSV text into records, each with its row number as a spreadsheet shows it.

    A record whose quoted cell spans lines is one row, and an empty line a
    row too, as when the file is opened in a spreadsheet; a malformed record
    is named by the physical line it starts on, for a text editor.

    A quote must open a whole field and close before a comma or the end of a
    line; a record may span lines only inside such a quoted cell, and a cell
    that holds what looks like further records (as many commas per line as
    the header has columns) is a stray quote that swallowed them.

    ``private(header)`` tells the columns whose cells a message never quotes.

    Raises
    ------
    FileProblem
        At the physical line where a malformed record starts.
    """
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[tuple[int, list[str]]] = []
    start, width, row = 1, None, 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise FileProblem(f"a cell of more than {excel.MAX_CELL_CHARS:,} characters, "
                                  "more than a spreadsheet cell holds, in the record starting "
                                  f"on line {start}: shorten it", start) from None
            raise FileProblem(_quote_message(lines, start, str(exc), private), start) from None
        end = reader.line_num
        width = len(record) if width is None else width  # the header's
        if end > start:
            for cell in record:
                looks_like_records = any(_a_record(line, width)
                                         for line in cell.splitlines()[1:])
                if looks_like_records:
                    raise FileProblem(_quote_message(lines, start, "a quoted cell runs over "
                                                     f"{end - start + 1} lines", private),
                                      start)
        if len(record) > excel.MAX_COLUMNS:
            raise FileProblem(f"line {start} has {len(record):,} cells, more than the "
                              f"{excel.MAX_COLUMNS:,} columns the package reads: a table has "
                              "a dozen; remove the columns after it, or check the separator",
                              start)
        row += 1  # an empty line is a record too (csv gives []): a row of the sheet
        out.append((row, record))
        start = end + 1
    return out


def _a_record(line: str, width: int) -> bool:
    """Say whether a line inside a quoted cell reads as a record a stray quote swallowed.

    A record has the header's number of cells (at least two), starts with a
    value of its first column (a code, id, year or name without spaces) and,
    as spreadsheets write it, has no space after its commas. A paragraph of
    narrative text that happens to hold commas starts with words and spaces,
    puts a space after each comma, or splits into another number of cells.
    """
    cells = next(csv.reader([line]), [])
    first = cells[0].strip() if cells else ""
    return (width > 1 and len(cells) == width and bool(first) and " " not in first
            and not any(c.startswith(" ") for c in cells[1:]))


def _quote_message(lines: list[str], start: int, what: str,
                   private: Callable[[str], bool] | None = None) -> str:
    shown = lines[start - 1].rstrip("\r\n") if 0 < start <= len(lines) else ""
    quote = shown.find('"')
    if quote < 0:
        where = f"The record starting on line {start}"
    else:
        # Only the cell holding the quote is named, and quoted only up to the quote and a
        # few characters on: never the other cells of the line (a participant's name or
        # e-mail), and not a personal-data cell at all.
        column = shown.count(",", 0, quote)
        header = next(csv.reader([lines[0]])) if lines else []
        name = header[column].strip() if column < len(header) else ""
        cell = shown[shown.rfind(",", 0, quote) + 1:quote + 8].split(",")[0]
        where = f"Line {start}, column {column + 1}" + (f" ({name})" if name else "")
        if private is None or not private(name):
            where += f", cell starting {cell + '...'!r}"
    return (f"a quote (\") that does not close its cell ({what}): records after it would be "
            f"swallowed into one cell. {where}: remove the stray quote, or quote the whole "
            "cell and double any quote inside it (\"\")")


# --- workbooks -------------------------------------------------------------------------


def open_workbook(path: Path) -> CalamineWorkbook:
    """Open a workbook whatever its ending says, or say plainly why it cannot be opened.

    A workbook is read once per version of the file: finding the tables lists
    its sheets, and reading each table's sheet reuses the same open workbook.

    Raises
    ------
    FileProblem
        For an empty, text, password-protected, damaged or truncated file.
    """
    regular_file(path)
    stat = Path(path).stat()
    return _open_workbook(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns,
                          stat.st_ctime_ns, stat.st_ino)


@lru_cache(maxsize=4)
def _open_workbook(path: str, size: int, mtime_ns: int, ctime_ns: int, inode: int
                   ) -> CalamineWorkbook:
    data = Path(path).read_bytes()
    if not data:
        raise FileProblem("an empty file, not a workbook")
    if data.startswith(_OLE) and _ENCRYPTED in data:
        raise FileProblem("password-protected: save an unprotected copy (File > Info > "
                          "Protect Workbook > Encrypt with Password: clear it)")
    if not data.startswith((_ZIP, _OLE)):
        if data[:4096].count(b"\x00") == 0:
            raise FileProblem("text, not a workbook (a CSV saved under a workbook name?): "
                              "give it the .csv ending, or save it from Excel as .xlsx")
        raise FileProblem("not a workbook Excel or LibreOffice wrote: open it and save it "
                          "again as .xlsx")
    try:
        excel.check_workbook(data)
    except excel.SheetRefused as exc:
        raise FileProblem(str(exc)) from None
    with _calamine("a damaged or truncated workbook"):
        return CalamineWorkbook.from_filelike(io.BytesIO(data))


@contextlib.contextmanager
def _calamine(what: str):
    """Turn every failure of the Excel reader into a :class:`FileProblem` saying ``what``.

    calamine's Rust panics reach Python as ``PanicException``, which derives
    from ``BaseException``, not ``Exception``; they are caught here too (only
    an interrupt or an exit passes through).
    """
    try:
        yield
    except (KeyboardInterrupt, SystemExit):
        raise
    except MemoryError:
        raise FileProblem(f"{what}: too large to read in memory; save the table as CSV"
                          ) from None
    except BaseException as exc:  # noqa: BLE001 - calamine raises several kinds, panics too
        raise FileProblem(f"{what} ({type(exc).__name__}: {str(exc)[:80]}): open it in Excel "
                          "and save it again") from None


def hidden_sheets(book: CalamineWorkbook) -> set[str]:
    """Return the names of the sheets a user does not see in Excel."""
    return {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}


def cell_text(value: object) -> str:
    """Return an Excel cell as the text the contract expects (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return _number_text(value)
    # Line breaks typed in a cell (Alt+Enter) are kept, as a CSV file keeps them: the
    # paragraphs of a narrative text are separated by them.
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _number_text(value: float) -> str:
    """Write a number cell's value as text with one reading.

    ``1.234`` typed as a number is a decimal; written ``1.2340`` it cannot be
    taken for one thousand two hundred and thirty-four (see
    :func:`htmss_analysis.data.schema.ambiguous`).
    """
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    whole, _, fraction = text.partition(".")
    return f"{text}0" if len(fraction) == 3 and "e" not in text else text


@dataclass(frozen=True)
class CellNote:
    """A cell whose value Excel does not hold as it looks (columns numbered from 0).

    ``value`` is the cell's text as shown, ``expected`` what to do about it.
    """

    row: int
    column: int
    value: str
    expected: str


@dataclass
class Sheet:
    """A sheet's rows of text cells, with what its values alone do not say.

    Attributes
    ----------
    rows : list of (int, list of str)
        Each row's number (first = 1) and cells as text.
    notes : list of CellNote
        Error values, formulas never calculated, merged cells over data rows.
    numbers : dict
        Column (from 0) to the rows where Excel holds a number with a
        fraction (``16.10`` typed in a General cell is the number 16.1).
    """

    rows: list[tuple[int, list[str]]]
    notes: list[CellNote] = field(default_factory=list)
    numbers: dict[int, list[int]] = field(default_factory=dict)


def read_sheet(path: Path, sheet: str | None = None,
               track: Callable[[str], bool] | None = None) -> Sheet:
    """Read a workbook's sheet, refusing one too large before reading it (:mod:`.excel`).

    Percent cells read as the percentage they show (``50%``), never as the
    fraction Excel stores; error values, formulas never calculated and merged
    cells over data rows are noted, each at its cell. For the columns whose
    header ``track`` accepts, the rows holding a number with a fraction are
    listed (``Sheet.numbers``).

    Raises
    ------
    FileProblem
        When the sheet is beyond the limits of :mod:`htmss_analysis.io.excel`, or
        its content cannot be read.
    """
    book = open_workbook(path)
    name = sheet or book.sheet_names[0]
    try:
        facts = excel.scan(path, name)
    except excel.SheetRefused as exc:
        raise FileProblem(str(exc)) from None
    return _sheet(book, name, facts, track)


def _sheet(book: CalamineWorkbook, name: str, facts: excel.SheetFacts | None,
           track: Callable[[str], bool] | None = None) -> Sheet:
    with _calamine(f"sheet {name!r} cannot be read"):
        ws = book.get_sheet_by_name(name)
        raw = ws.to_python(skip_empty_area=False)
        merged = ws.merged_cell_ranges or []
    rows = [(i, [cell_text(v) for v in row]) for i, row in enumerate(raw, 1)]
    for r, c in facts.percent if facts else ():
        value = raw[r - 1][c - 1] if r <= len(raw) and c <= len(raw[r - 1]) else None
        if isinstance(value, float):  # shown as 50%: read as the 50 it shows, not 0.5
            rows[r - 1][1][c - 1] = _number_text(round(value * 100, 9)) + "%"
    numbers: dict[int, list[int]] = {}
    header = [str(v) for v in raw[0]] if raw and track else []
    for j in (j for j, h in enumerate(header) if track(h)):
        numbers[j] = [i for i, row in enumerate(raw, 1) if j < len(row)
                      and isinstance(row[j], float) and not row[j].is_integer()]
    notes = []
    for (r0, c0), (r1, c1) in merged:
        if r1 >= 1 and (r1 > r0 or c1 > c0):  # over a row below the header
            where = f"{excel.column_letters(c0 + 1)}{r0 + 1}:{excel.column_letters(c1 + 1)}" \
                    f"{r1 + 1}"
            shown = rows[r0][1][c0] if r0 < len(rows) and c0 < len(rows[r0][1]) else ""
            notes.append(CellNote(r0 + 1, c0, shown,
                                  f"one value per cell; this cell is merged over {where}, so "
                                  "the cells it covers read as blank: unmerge it (Home > "
                                  "Merge & Center) and fill every row"))
    for r, c, value in facts.errors if facts else []:
        notes.append(CellNote(r, c - 1, value, f"a value, not the Excel error {value}: correct "
                              "the formula or the cells it uses, or type the value"))
    for r, c, formula in facts.uncalculated if facts else []:
        notes.append(CellNote(r, c - 1, f"={formula}" if formula else "(a shared formula)",
                              "a value; this formula was saved "
                              "without its result (by a program, not Excel): open the file "
                              "in Excel and save it, or type the value"))
    return Sheet(rows, notes, numbers)


@dataclass(frozen=True)
class Rows:
    """The cells of one table as read: text rows, each with the row number the analyst sees."""

    rows: list[tuple[int, list[str]]]
    encoding: str


def read_rows(path: Path, sheet: str | None = None) -> Rows:
    """Read a CSV file or a workbook's sheet as rows of text cells.

    Raises
    ------
    FileProblem
        For anything that keeps the file or one of its records from being read.
    """
    if Path(path).suffix.lower() == ".csv":
        text, encoding = decode(path)
        return Rows(csv_rows(text), encoding)
    return Rows(read_sheet(path, sheet).rows, "excel")


@dataclass(frozen=True)
class Cells:
    """The cells of one table as read, column by column.

    Attributes
    ----------
    header : list of str
        The first row's cells, as written (empty for an empty file).
    header_row : int
        The row number of the header.
    body : DataFrame
        The other rows' cells as text (columns numbered from 0, blank = ``""``,
        not yet stripped), indexed by the row number the analyst sees: the
        physical line a CSV record starts on, or the sheet row.
    blank_rows : int
        Empty lines skipped rather than read as rows of blank cells.
    encoding : str
        ``utf-8``, ``windows-1252`` or ``excel``.
    control : bool
        Whether any cell may hold a control character (``False`` only when
        the whole file was seen to have none).
    notes, numbers
        For a workbook's sheet, as :class:`Sheet` has them.
    """

    header: list[str]
    header_row: int
    body: pd.DataFrame
    blank_rows: int
    encoding: str
    control: bool = True
    notes: list[CellNote] = field(default_factory=list)
    numbers: dict[int, list[int]] = field(default_factory=dict)
    short: dict[int, int] = field(default_factory=dict)
    """Rows of a CSV file with fewer cells than the header: row -> its number of cells."""


def read_cells(path: Path, sheet: str | None = None,
               private: Callable[[str], bool] | None = None,
               track: Callable[[str], bool] | None = None) -> Cells:
    """Read a CSV file or a workbook's sheet as columns of text cells.

    A CSV file is tokenised by Arrow's multi-threaded reader when its quoting
    is plain (every quote opens and closes a whole cell), its lines end alike
    and every record has the header's width; any other file goes through
    :func:`csv_rows`, which names the line of a malformed record. Both paths
    give the same cells and row numbers.

    Raises
    ------
    FileProblem
        For anything that keeps the file or one of its records from being read.
    """
    if Path(path).suffix.lower() != ".csv":
        got = read_sheet(path, sheet, track)
        cells = _cells_of(got.rows, "excel")
        cells.notes.extend(got.notes)
        cells.numbers.update(got.numbers)
        return cells
    regular_file(path)
    data = Path(path).read_bytes()
    encoding = _text_encoding(data)
    data = data.removeprefix(_BOM)
    first = data.find(b"\n")
    wide = data.count(b",", 0, first if first >= 0 else len(data)) >= excel.MAX_COLUMNS
    # A header wider than any table goes to the exact reader, which refuses it at its line.
    fast = None if wide else _arrow_cells(data, encoding)
    if fast is not None:
        return fast
    return _cells_of(csv_rows(data.decode("utf-8" if encoding == "utf-8" else "cp1252",
                                          errors="replace"), private),
                     encoding)


_BOM = b"\xef\xbb\xbf"
# A quoted cell: atomic, so that a quote left open fails in one pass, not exponentially.
_QUOTED = re.compile(rb'"(?>[^"]+|"")*"')


def _text_encoding(data: bytes) -> str:
    """Return the encoding of CSV bytes, or raise for what is not CSV text (see :func:`decode`)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("UTF-16 text (Excel's 'Unicode Text'): save it from Excel as "
                          "'CSV UTF-8 (comma delimited)'")
    if data.startswith((_ZIP, _OLE)):
        raise FileProblem("a workbook, not a CSV file: give it the .xlsx (or .xls) ending it "
                          "has, or save it from Excel as 'CSV UTF-8'")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise FileProblem(f"binary content (a NUL byte at byte {nul}), not CSV "
                          "text: save it from Excel as 'CSV UTF-8'")
    if data.isascii():
        return "utf-8"
    try:
        codecs.utf_8_decode(data, "strict", True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8"  # a few bad bytes, each shown as U+FFFD and refused at its cell
    try:
        # Excel on Windows saves "CSV" in the ANSI code page.
        codecs.decode(data, "cp1252")
        return "windows-1252"
    except UnicodeDecodeError as exc:
        raise FileProblem(f"a UTF-8 or Windows-1252 text file; byte {exc.start} is neither "
                          "(save it from Excel as 'CSV UTF-8')") from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not all UTF-8 are UTF-8 but for a few bytes.

    A Windows-1252 file hardly ever holds a valid UTF-8 sequence of two bytes
    or more; a UTF-8 file where one character was typed in another encoding
    holds many, and only a few bad bytes.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT)
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 0 and bad <= good


REPLACEMENT = "\ufffd"
"""What a byte that is not UTF-8 in a UTF-8 file is read as (each one refused at its cell)."""


def _record_lines(data: bytes) -> tuple[np.ndarray, int, list[bytes]] | None:
    """Find where each record starts, for a file Arrow can read as Python's csv would.

    Returns
    -------
    (lines, blank, spanning) or None
        The row of each non-empty record (header first; a record spanning
        lines is one row, an empty line a row too), the number of
        empty lines, and the quoted cells that span lines. ``None`` when a
        quote does not open and close a whole cell, a line ends in a lone
        carriage return, or the first line is empty.
    """
    import numpy as np
    if not data or data.startswith((b"\n", b"\r\n")) or (
            b"\r" in data and data.count(b"\r") != data.count(b"\r\n")):
        return None
    raw = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(raw == 10)
    boundary = np.ones(len(newlines), dtype=bool)
    spanning: list[bytes] = []
    if b'"' in data:
        left = data.count(b'"')
        for m in _QUOTED.finditer(data):
            start, end = m.span()
            if data[start - 1:start] not in (b"", b",", b"\n") or \
                    data[end:end + 1] not in (b"", b",", b"\r", b"\n"):
                return None
            cell = m.group()
            left -= cell.count(b'"')
            if b"\n" in cell:
                lo, hi = np.searchsorted(newlines, [start, end])
                boundary[lo:hi] = False
                spanning.append(cell)
        if left:
            return None  # a quote left open
    cuts = newlines[boundary]
    starts = np.concatenate(([0], cuts + 1))
    ends = np.concatenate((cuts, [len(data)]))
    length = ends - starts
    empty = (length == 0) | ((length == 1) & (raw[np.maximum(ends - 1, 0)] == 13))
    if len(data) == 0 or data.endswith(b"\n"):
        starts, empty = starts[:-1], empty[:-1]  # after the final line break: no line
    # Each record is a row of the sheet, empty ones included, however many lines it spans.
    lines = np.arange(1, len(starts) + 1)
    return lines[~empty], int(empty.sum()), spanning


def _arrow_cells(data: bytes, encoding: str) -> Cells | None:
    """Read plain CSV bytes with Arrow; ``None`` sends the file to the exact path."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.csv as pacsv

    wide = 1 << 12

    def read(spanning: bool):
        return pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(
                autogenerate_column_names=True,
                encoding="utf8" if encoding == "utf-8" else "cp1252"),
            parse_options=pacsv.ParseOptions(newlines_in_values=spanning),
            convert_options=pacsv.ConvertOptions(
                # large_string is what pandas' str dtype holds: no conversion on the way.
                column_types={f"f{i}": pa.large_string() for i in range(wide)},
                strings_can_be_null=False, quoted_strings_can_be_null=False))

    table = found = None
    plain = b'"' not in data and not data.startswith((b"\n", b"\r\n")) and (
        b"\r" not in data or data.count(b"\r") == data.count(b"\r\n"))
    try:
        if plain:
            # No quotes: each line is one record. When no line is empty (Arrow skips
            # empty lines, so its row count tells), record k is on line k.
            table = read(False)
            count = data.count(b"\n") + (not data.endswith(b"\n"))
            if table.num_rows == count:
                found = np.arange(1, count + 1), 0, []
        if found is None:
            found = _record_lines(data)
            if found is None or not len(found[0]):
                return None
            table = table if table is not None else read(bool(found[2]))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None  # a record wider or narrower than the header: the exact path says where
    lines, blank, spanning = found
    if table.num_rows != len(lines) or table.num_columns >= wide:
        return None
    width = table.num_columns
    for cell in spanning:
        if any(line.count(b",") >= max(1, width - 1) for line in cell.splitlines()[1:]):
            return None  # a stray quote swallowed records: the exact path says where
    header = [str(v) for v in table.slice(0, 1).to_pylist()[0].values()]
    body = table.slice(1).to_pandas()
    body.columns = range(width)
    body.index = pd.Index(lines[1:], dtype="int64")
    return Cells(header, int(lines[0]), body, blank, encoding, control=_has_control(data))


def _has_control(data: bytes) -> bool:
    """Whether bytes hold a control character other than tab and line breaks.

    In UTF-8 and Windows-1252 alike these are single bytes that never occur
    inside another character's encoding, so the bytes can be scanned whole.
    """
    return bool(data.translate(None, _NOT_CONTROL))


_NOT_CONTROL = bytes(b for b in range(256) if b in (9, 10, 13) or 32 <= b != 127)


def _cells_of(rows: list[tuple[int, list[str]]], encoding: str) -> Cells:
    """Turn rows of text cells (from :func:`csv_rows` or :func:`read_sheet`) into columns."""
    import pandas as pd
    if not rows:
        return Cells([], 1, pd.DataFrame(), 0, encoding)
    (first, header), rest = rows[0], rows[1:]
    width = max([len(header)] + [len(cells) for _, cells in rest])
    body = pd.DataFrame([cells + [""] * (width - len(cells)) for _, cells in rest],
                        columns=range(width), index=pd.Index([n for n, _ in rest], dtype="int64"),
                        dtype="str")
    short = {} if encoding == "excel" else {
        n: len(cells) for n, cells in rest if 0 < len(cells) < len(header)}
    return Cells(list(header), first, body, 0, encoding, short=short)


def control_characters(text: str) -> str | None:
    """Return the first control character (other than tab and line breaks) in ``text``."""
    m = _CONTROL.search(text)
    return m.group(0) if m else None


def describe_path_problem(path: Path) -> str | None:
    """Say why ``path`` cannot be read as a file: a folder, a broken or looping link."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a broken or looping link: point it at the real file, or remove it"
    if path.is_dir():
        return "a folder, not a file"
    try:
        regular_file(path)
    except FileProblem as exc:
        return str(exc)
    if not os.access(path, os.R_OK):
        return "not readable (permissions)"
    return None


# --- workbooks the package writes --------------------------------------------------------

CREATED = datetime(2000, 1, 1)
"""The creation date property of every workbook written: fixed, for byte-identical rebuilds."""


def os_error(exc: Exception, path: Path) -> OSError:
    """Return XlsxWriter's failure to create ``path`` as the OS error it wraps, with the path.

    XlsxWriter says where only in its own words; the command line reports
    the path and the system's reason of an ``OSError``.
    """
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc
    return OSError(getattr(cause, "errno", None), getattr(cause, "strerror", str(cause)),
                   str(path))


@contextlib.contextmanager
def new_workbook(path: str | Path, title: str, comments: str) -> Iterator:
    """Open an xlsxwriter workbook that becomes ``path`` once whole; yield it.

    Every text written stays text (never read back as a formula, number or
    link); the creation date is fixed, so the same content gives the same
    bytes. The workbook is written to a file this process creates and moved
    into place when the ``with`` block ends (never written through a link
    planted at the path); a file system error is raised as ``os_error``'s,
    naming ``path``.
    """
    import xlsxwriter

    path = Path(path)
    try:
        with new_file(path, suffix=".xlsx") as tmp:
            wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                                "strings_to_numbers": False,
                                                "strings_to_urls": False})
            wb.set_properties({"title": title, "author": "htmss-analysis", "created": CREATED,
                               "comments": comments})
            yield wb
            wb.close()
    except (OSError, xlsxwriter.exceptions.FileCreateError) as exc:
        raise os_error(exc, path) from None

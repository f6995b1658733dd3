"""Reading files: decode text, open workbooks, read rows of cells, hash bytes. No rules here.

Every way a file can fail to be read ends in :class:`FileProblem` with a
message an analyst can act on ("password-protected: save an unprotected
copy"), never in a library's traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from python_calamine import CalamineWorkbook, SheetVisibleEnum

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
"""Workbook file endings the package reads."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


# --- text ----------------------------------------------------------------------------


def decode(path: Path) -> tuple[str, str]:
    """Return a text file's content and encoding: UTF-8 (BOM allowed), else Windows-1252.

    Raises
    ------
    FileProblem
        For UTF-16 text, binary content (NUL bytes) or bytes that are neither.
    """
    data = Path(path).read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("UTF-16 text (Excel's 'Unicode Text'): save it from Excel as "
                          "'CSV UTF-8 (comma delimited)'")
    if data.startswith((_ZIP, _OLE)):
        raise FileProblem("a workbook, not a CSV file: give it the .xlsx (or .xls) ending it "
                          "has, or save it from Excel as 'CSV UTF-8'")
    if b"\x00" in data:
        raise FileProblem(f"binary content (a NUL byte at byte {data.index(0)}), not CSV "
                          "text: save it from Excel as 'CSV UTF-8'")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV" in the ANSI code page.
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise FileProblem(f"a UTF-8 or Windows-1252 text file; byte {exc.start} is neither "
                          "(save it from Excel as 'CSV UTF-8')") from None


def csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """Split CSV text into records, each with the physical line it starts on.

    A quote must open a whole field and close before a comma or the end of a
    line; a record may span lines only inside such a quoted cell, and a cell
    that holds what looks like further records (as many commas per line as
    the header has columns) is a stray quote that swallowed them.

    Raises
    ------
    FileProblem
        At the physical line where a malformed record starts.
    """
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[tuple[int, list[str]]] = []
    start, width = 1, None
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FileProblem(_quote_message(lines, start, str(exc)), start) from None
        end = reader.line_num
        width = len(record) if width is None else width  # the header's
        if end > start:
            for cell in record:
                looks_like_records = any(line.count(",") >= max(1, width - 1)
                                         for line in cell.splitlines()[1:])
                if looks_like_records:
                    raise FileProblem(_quote_message(lines, start, "a quoted cell runs over "
                                                     f"{end - start + 1} lines"), start)
        out.append((start, record))
        start = end + 1
    return out


def _quote_message(lines: list[str], start: int, what: str) -> str:
    shown = lines[start - 1].rstrip("\r\n") if 0 < start <= len(lines) else ""
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return (f"a quote (\") that does not close its cell ({what}): records after it would be "
            f"swallowed into one cell. Line {start} starts {shown!r}: remove the stray quote, "
            "or quote the whole cell and double any quote inside it (\"\")")


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
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises several kinds; all mean "damaged"
        raise FileProblem(f"a damaged or truncated workbook ({type(exc).__name__}: "
                          f"{str(exc)[:80]}): open it in Excel and save it again") from None


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
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split()) if "\n" in str(value) else str(value).strip()


def sheet_rows(book: CalamineWorkbook, sheet: str | None = None) -> list[tuple[int, list[str]]]:
    """Return the rows of a sheet as text cells, each with its row number (first = 1).

    Raises
    ------
    FileProblem
        When the sheet's content cannot be read.
    """
    try:
        ws = book.get_sheet_by_name(sheet or book.sheet_names[0])
        rows = ws.to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet, whatever calamine calls it
        raise FileProblem(f"sheet {sheet!r} cannot be read ({type(exc).__name__}): open the "
                          "workbook in Excel and save it again") from None
    return [(i, [cell_text(v) for v in row]) for i, row in enumerate(rows, 1)]


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
    return Rows(sheet_rows(open_workbook(path), sheet), "excel")


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
    if not os.access(path, os.R_OK):
        return "not readable (permissions)"
    return None

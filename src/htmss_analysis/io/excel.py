"""What an .xlsx sheet holds beyond its values, read from the file before calamine reads it.

python-calamine gives a sheet's values, fast. It does not say which cells
are formulas Excel never calculated, which hold an error value, which are
formatted as a percentage, and it allocates the whole used range of a sheet
(rows times columns) before anyone can look at it: one stray cell in column
XFD of a 20,000-row sheet asks for gigabytes. This module reads the sheet's
XML as a stream of bytes, never as a tree, and returns those facts, or
refuses a sheet beyond :data:`MAX_ROWS`, :data:`MAX_COLUMNS`,
:data:`MAX_CELLS` or a cell beyond :data:`MAX_CELL_CHARS` characters before
a byte of it is allocated. No rules about the tables here: positions and
facts only.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

MAX_ROWS = 1_000_000
"""Rows read from one sheet (Excel's own limit is 1,048,576; a larger table goes in CSV)."""

MAX_COLUMNS = 1_000
"""Columns read from one sheet (column ALL)."""

MAX_CELLS = 15_000_000
"""Cells of a sheet's used range (rows times columns) read in memory at once."""

MAX_CELL_CHARS = 32_767
"""Characters in one cell: Excel's own limit."""

# A run of XML text this long holds more than MAX_CELL_CHARS characters however it is
# written: a character takes at most 6 bytes in the file (4 in UTF-8, 6 as "&quot;").
_TEXT_RUN = 6 * MAX_CELL_CHARS + 64
_CHUNK = 1 << 22

_PERCENT_FORMATS = {9, 10}  # Excel's built-in 0% and 0.00%
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class SheetRefused(Exception):
    """A sheet too large to read, or whose parts cannot be found (the message says which)."""


@dataclass
class SheetFacts:
    """What the XML of one sheet says beyond its values.

    Attributes
    ----------
    errors : list of (row, column, value)
        Cells holding an Excel error value (``#DIV/0!``, ``#N/A``, ...),
        rows and columns numbered from 1.
    uncalculated : list of (row, column, formula)
        Formula cells saved without a calculated value (files written by a
        program, never opened and saved in Excel).
    percent : set of (row, column)
        Number cells formatted as a percentage (a cell showing ``50%`` holds 0.5).
    """

    errors: list[tuple[int, int, str]] = field(default_factory=list)
    uncalculated: list[tuple[int, int, str]] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)


def column_number(letters: str) -> int:
    """Return a column's number from its letters (``A`` = 1, ``XFD`` = 16,384)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(number: int) -> str:
    """Return a column's letters from its number (1 = ``A``)."""
    out = ""
    while number:
        number, rem = divmod(number - 1, 26)
        out = chr(65 + rem) + out
    return out


def scan(path: Path, sheet: str) -> SheetFacts | None:
    """Read the facts of one sheet of an .xlsx/.xlsm file; ``None`` for other formats.

    Raises
    ------
    SheetRefused
        When the sheet's used range or one of its cells (or a shared text)
        is beyond the limits of this module.
    """
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None  # not an .xlsx: calamine reads it (and says what is wrong)
    with book:
        names = set(book.namelist())
        if "xl/workbook.xml" not in names:
            return None  # .ods and others
        part = _sheet_part(book, sheet, names)
        percent_styles = _percent_styles(book, names)
        if part is None:
            # Relationships not found as Excel writes them: every worksheet is checked, so
            # that no sheet reaches calamine unmeasured (its facts are not known then).
            for member in sorted(n for n in names if n.startswith("xl/worksheets/")
                                 and n.endswith(".xml")):
                with book.open(member) as fh:
                    _scan_sheet(fh, sheet, set())
            return None
        with book.open(part) as fh:
            return _scan_sheet(fh, sheet, percent_styles)


def check_workbook(data: bytes) -> None:
    """Refuse an .xlsx whose shared texts (or other parts) hold a text longer than a cell.

    calamine reads every shared text when it opens a workbook, and a text of a
    gigabyte ends the process (an allocation failure in Rust is no Python
    exception): this runs before it.

    Raises
    ------
    SheetRefused
        Naming the problem (no sheet: the shared texts are the workbook's).
    """
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        return
    with book:
        # The shared texts, whatever the part is called, and every other part calamine
        # may read at opening (the worksheets are measured when each is read).
        for member in book.namelist():
            if member.startswith("xl/worksheets/") or not member.endswith((".xml", ".rels")):
                continue
            try:
                with book.open(member) as fh:
                    _check_text_runs(fh, None)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
                return  # damaged: calamine says so


def _xml(book: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    info = book.getinfo(name)
    if info.file_size > 64 << 20:  # a workbook's index or styles: small in any real file
        raise SheetRefused(f"its part {name} is {info.file_size:,} bytes: not a workbook "
                           "Excel wrote; open it and save it again as .xlsx")
    try:
        return ElementTree.fromstring(book.read(name))
    except ElementTree.ParseError:
        return None


def _sheet_part(book: zipfile.ZipFile, sheet: str, names: set[str]) -> str | None:
    """Return the zip member holding ``sheet``'s XML, from the workbook's relationships."""
    workbook = _xml(book, "xl/workbook.xml")
    rels = _xml(book, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names \
        else None
    if workbook is None or rels is None:
        return None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    for s in workbook.iter(f"{_MAIN}sheet"):
        if s.get("name") == sheet:
            target = targets.get(s.get(f"{_REL}id"), "")
            member = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            return member if member in names else None
    return None


def _percent_styles(book: zipfile.ZipFile, names: set[str]) -> set[int]:
    """Return the style indexes (``s="3"``) whose number format shows a percentage."""
    if "xl/styles.xml" not in names:
        return set()
    styles = _xml(book, "xl/styles.xml")
    if styles is None:
        return set()
    formats = set(_PERCENT_FORMATS)
    for fmt in styles.iter(f"{_MAIN}numFmt"):
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", ""))  # quoted text aside
        if "%" in code:
            formats.add(int(fmt.get("numFmtId", "-1")))
    xfs = styles.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs.iter(f"{_MAIN}xf"))
            if int(xf.get("numFmtId", "0")) in formats}


def _chunks(fh, cut: bytes):
    """Yield the stream in pieces that end just after ``cut`` (the last piece: the rest)."""
    rest = b""
    while True:
        block = fh.read(_CHUNK)
        if not block:
            if rest:
                yield rest
            return
        data = rest + block
        end = data.rfind(cut)
        if end < 0:
            rest = data
            if len(rest) > 4 * _CHUNK:
                # No element ends in 16 MB: yield it anyway (the text check still applies).
                yield rest
                rest = b""
            continue
        end += len(cut)
        yield data[:end]
        rest = data[end:]


def _check_text_runs(fh, sheet: str | None) -> None:
    """Refuse a part holding a text longer than a cell can hold (read as a stream)."""
    run = 0  # the run of bytes without "<" that ends the part read so far
    while True:
        block = fh.read(_CHUNK)
        if not block:
            return
        first = block.find(b"<")
        if first < 0:
            run += len(block)
        else:
            if run + first > _TEXT_RUN or _has_long_run(block):
                raise _too_long(sheet)
            run = len(block) - block.rfind(b"<") - 1
        if run > _TEXT_RUN:
            raise _too_long(sheet)


def _has_long_run(data: bytes) -> bool:
    """Whether ``data`` holds more than :data:`_TEXT_RUN` bytes in a row without a ``<``.

    Such a run covers a whole window of half that length: a window with no
    ``<`` in it (found by ``memchr``, not a regular expression) is measured.
    """
    step = _TEXT_RUN // 2
    for start in range(0, len(data), step):
        if data.find(b"<", start, start + step) < 0:
            left = data.rfind(b"<", 0, start)
            right = data.find(b"<", start + step)
            right = len(data) if right < 0 else right
            if right - left - 1 > _TEXT_RUN:
                return True
    return False


def _too_long(sheet: str | None) -> SheetRefused:
    where = f"sheet {sheet!r}" if sheet else "the workbook"
    return SheetRefused(f"{where} holds a text of more than {MAX_CELL_CHARS:,} characters, "
                        "more than a cell holds: shorten it, or save the table as CSV")


_ROW = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
# A cell with content (not self-closing: a formatted empty cell costs calamine nothing) in
# column AA or beyond.
_WIDE = re.compile(rb'\sr="([A-Z]{2,3})\d+"[^>]*(?<!/)>')
_WIDE_HINT = re.compile(rb'r="[A-Z]{2}')  # fast: most sheets have no such cell at all
_IMPLICIT = re.compile(rb'<c(?=[\s>/])(?![^>]*\sr=")')
_FORMULA = rb"(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?"
_ERROR = re.compile(rb'<c\b(?=[^>]*\st="e")[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>' + _FORMULA
                    + rb"<v>([^<]*)</v>")
_UNCALCULATED = re.compile(rb'(<c\b[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>)(<f\b[^>]*?/>|<f\b[^>]*>'
                           rb'[^<]*</f>)(<v\s*/>|<v></v>)?</c>')


def _scan_sheet(fh, sheet: str, percent_styles: set[int]) -> SheetFacts:
    """Stream a sheet's XML; the costly patterns run only where a cheap search finds a hint."""
    facts = SheetFacts()
    last_row = max_col = 0
    # Number cells (no type, or t="n") with a percent style, in either attribute order.
    styles = [b's="%d"' % s for s in sorted(percent_styles)]
    percent = (re.compile(rb'<c\b(?=[^>]*\ss="(?:%s)")(?![^>]*\st="[^n])[^>]*?\sr="([A-Z]+)'
                          rb'(\d+)"[^>]*>' % b"|".join(str(s).encode() for s in
                                                       sorted(percent_styles))
                          + _FORMULA + rb"<v>")
               if percent_styles else None)
    for chunk in _chunks(fh, b"</row>"):
        if _has_long_run(chunk):
            raise _too_long(sheet)
        content = max(chunk.rfind(b"<v>"), chunk.rfind(b"<is>"))
        if content >= 0:  # the last row holding a value (a formatted empty cell costs nothing)
            row = _ROW.search(chunk, chunk.rfind(b"<row", 0, content))
            last_row = max(last_row, int(row.group(1)) if row else 0)
            if last_row > MAX_ROWS:
                raise _too_large(sheet, f"a cell in row {last_row:,}")
        wide = set(_WIDE.findall(chunk)) if _WIDE_HINT.search(chunk) else set()
        if wide:
            max_col = max(max_col, *(column_number(w.decode()) for w in wide))
            if max_col > MAX_COLUMNS:
                far = max(wide, key=lambda w: column_number(w.decode())).decode()
                raise _too_large(sheet, f"a cell in column {far} (column "
                                 f"{column_number(far):,})")
        if chunk.count(b"<c>") or chunk.count(b"<c ") > chunk.count(b'<c r="'):
            if _IMPLICIT.search(chunk):
                # Cells without a reference take the next column: count them row by row.
                width = max(row.count(b"<c ") + row.count(b"<c>")
                            for row in chunk.split(b"</row>"))
                max_col = max(max_col, width)
                if max_col > MAX_COLUMNS:
                    raise _too_large(sheet, f"a row of {width:,} cells")
        if b't="e"' in chunk:
            for letters, number, value in _ERROR.findall(chunk):
                facts.errors.append((int(number), column_number(letters.decode()),
                                     value.decode("utf-8", "replace")))
        if b"<f" in chunk:
            for tag, letters, number, formula, empty in _UNCALCULATED.findall(chunk):
                if empty and b't="str"' in tag:
                    continue  # a formula whose calculated result is empty text
                text = re.sub(rb"<[^>]*>", b"", formula).decode("utf-8", "replace")
                facts.uncalculated.append((int(number), column_number(letters.decode()),
                                           text))
        if percent is not None and any(style in chunk for style in styles):
            for letters, number in percent.findall(chunk):
                facts.percent.add((int(number), column_number(letters.decode())))
    if last_row * max(max_col, 26) > MAX_CELLS:
        raise _too_large(sheet, f"{last_row:,} rows by {max_col:,} columns")
    facts.errors = sorted(set(facts.errors))
    return facts


def _too_large(sheet: str, what: str) -> SheetRefused:
    return SheetRefused(
        f"sheet {sheet!r} reaches {what}, beyond what the package reads from a sheet "
        f"({MAX_ROWS:,} rows, {MAX_COLUMNS:,} columns, {MAX_CELLS:,} cells from A1 to the "
        "last): delete the rows and columns after "
        "the table (select them, right-click > Delete) and save, or save the table as CSV")


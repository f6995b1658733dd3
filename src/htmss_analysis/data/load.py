"""Read an HTMSS data folder (CSV files or Excel workbooks) into validated tables."""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field, make_dataclass
from functools import cached_property
from importlib import import_module
from pathlib import Path

import numpy as np
import pandas as pd

from .. import countries, programmes
from ..io.files import (
    CONTROL_PATTERN,
    FileProblem,
    control_characters,
    file_sha256,
    read_cells,
)
from ..languages import N_
from ..problems import DataError, Problem, warning
from . import schema
from .cache import SHARED_ENV
from .locate import Located, find_sources, looks_like  # noqa: F401 - API
from .schema import Table

SET_ASIDE: dict[str, str] = {
    "blank_rows": N_("blank rows"),
    "duplicate_attendances": N_("duplicate attendances"),
}
"""Why a row read is set aside, as a code (a column of :attr:`Dataset.accounting`, holding
how many rows of the table for that reason) and its words, which the report writes."""


@dataclass(frozen=True)
class Source:
    """Where a table was read from.

    Attributes
    ----------
    table : str
        Table name.
    path : Path
        The file.
    sheet : str or None
        The sheet, for a workbook.
    sha256 : str
        Hex digest of the file's bytes, for the method annex.
    encoding : str
        ``utf-8``, ``windows-1252`` or ``excel``.
    """

    table: str
    path: Path
    sheet: str | None
    sha256: str
    encoding: str

    @property
    def label(self) -> str:
        """File name as messages show it, with the sheet for a workbook."""
        return f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name


ATTENDANCE_COLUMNS = ("activity_id", "activity_type", "level", "country", "programme",
                      "start_date")
"""The activity's columns an attendance carries (:attr:`Dataset.attendances`)."""


class _Dataset:
    """What a :class:`Dataset` does; its fields are made from the contract (below)."""

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by its contract name, in the contract's order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    @cached_property
    def attendances(self) -> pd.DataFrame:
        """Every attendance with its activity's columns joined (``programme``, ``start_date``...).

        Indexed as :attr:`participants` (the row numbers of the file); an
        attendance whose activity is unknown has those columns blank. Joined
        once per dataset: the figures that count people all start here.
        """
        acts = self.activities[list(ATTENDANCE_COLUMNS)]
        joined = self.participants.merge(acts, on="activity_id", how="left",
                                         suffixes=("", "_activity"))
        joined.index = self.participants.index
        return joined

    @property
    def years(self) -> list[int]:
        """Years in which at least one table has a row, ascending.

        A row's year is that of the table's period column (an activity's
        start, a case's added date, a month of web traffic, ...).
        """
        if "years" in self.memo:
            return list(self.memo["years"])
        years: set[int] = set()
        for name, table in schema.TABLES.items():
            if not table.period:
                continue
            values = getattr(self, name)[table.period].dropna()
            years |= set((values.dt.year if hasattr(values, "dt") else values).astype(int))
        self.memo["years"] = sorted(int(y) for y in years)
        return list(self.memo["years"])

    @property
    def synthetic(self) -> bool:
        """True when every file read is the package's synthetic sample, byte for byte.

        Judged by content (SHA-256), not by path: a copy of the sample
        anywhere is still invented data, and reports say so.
        """
        from ..paths import sample_data

        sample = sample_data()
        return bool(self.sources) and all(
            (sample / s.path.name).is_file()
            and file_sha256(sample / s.path.name) == s.sha256 for s in self.sources)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k} {len(v):,}" for k, v in self.tables.items() if len(v))
        lines = [f"<Dataset {self.folder.name}: {sizes}; years {years_text(self.years)}; "
                 f"{len(self.warnings)} warning{'s' * (len(self.warnings) != 1)}>"]
        shown = 10
        lines += [f"  {w}" for w in self.warnings[:shown]]
        if len(self.warnings) > shown:
            lines.append(f"  ... and {len(self.warnings) - shown} more (data.warnings)")
        return "\n".join(lines)


Dataset = make_dataclass(
    "Dataset",
    [("folder", Path), *((name, pd.DataFrame) for name in schema.TABLES),
     ("sources", list, field(default_factory=list)),
     ("warnings", list, field(default_factory=list)),
     ("accounting", pd.DataFrame, field(default_factory=pd.DataFrame)),
     ("absent", list, field(default_factory=list)), ("key", str, field(default="")),
     ("memo", dict, field(default_factory=dict, compare=False))],
    bases=(_Dataset,), repr=False)
Dataset.__module__ = __name__  # where pickle finds it (make_dataclass names no module in 3.11)
Dataset.__doc__ = """A loaded, validated HTMSS data folder: a DataFrame per contract table.

    Every table of the contract is an attribute (``data.activities``,
    ``data.participants``, ...), made from the contract's declaration
    (:data:`htmss_analysis.data.schema.TABLES`): a new table is declared there
    only. An optional table that is absent is an empty frame with the
    contract's columns.

    Attributes
    ----------
    folder : Path
        The folder (or workbook) it came from.
    sources : list of Source
        The file (and sheet) behind each table read.
    warnings : list of Problem
        Data-quality warnings, for the reports.
    accounting : DataFrame
        Per table: rows read, used and set aside, and how many for each
        reason of :data:`SET_ASIDE` (a column each).
    absent : list of str
        Optional tables the folder does not have (their figures are 0).
    key : str
        The validated tables' cache key: a digest of the files' bytes and the
        code that parsed them ("" when the data was not loaded from files).
    memo : dict
        What the metrics ask of these tables more than once (every country's
        figures of a year), computed once per dataset as :attr:`attendances`.
        A dataset is read-only: change a table, and load it again.
    """


def years_text(years: list[int]) -> str:
    """Write years as ranges: ``2012, 2016-2019``; ``none`` for no year."""
    if not years:
        return "none"
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def check_year(data: Dataset, year: int) -> None:
    """Raise :class:`DataError` when no table has a row in ``year``, naming the years covered.

    A report of such a year would be a page of zeros that looks like a result.
    """
    if year not in data.years:
        raise DataError([Problem(data.folder.name, None, "", str(year),
                                 f"a year in which at least one table has a row; the data "
                                 f"covers {years_text(data.years)}")])


# --- reading files -------------------------------------------------------------


def read_raw(path: Path, sheet: str | None = None, table: Table | None = None
             ) -> tuple[pd.DataFrame, str, list[Problem], int]:
    """Read one table as text cells, indexed by the row number the analyst sees.

    Parameters
    ----------
    path : Path
        A CSV file or a workbook.
    sheet : str, optional
        The sheet of a workbook; the first sheet when omitted.
    table : Table, optional
        The table it is read as: its SDG target columns refuse a number Excel
        may have shortened (16.10 held as 16.1).

    Returns
    -------
    DataFrame, str, list of Problem, int
        Cells as stripped strings (blank = ``""``), columns named as in the
        header folded to lower case, personal-data columns already dropped,
        index = file row (header = row 1); the encoding read (``excel`` for
        workbooks); the problems of the rows themselves (more cells than the
        header, control characters, a header given twice); and the number of
        empty lines skipped (blank rows not in the frame).

    Raises
    ------
    FileProblem
        When the file cannot be read at all.
    """
    targets = {f.name for f in table.fields if f.kind is schema.SDG_TARGETS} if table else set()
    got = read_cells(path, sheet, private=schema.is_personal,
                     track=lambda h: " ".join(h.split()).lower() in targets)
    label = f"{path.name}[{sheet}]" if sheet else path.name
    if not got.header:
        return pd.DataFrame(), got.encoding, [], got.blank_rows
    problems: list[Problem] = []
    header = [" ".join(str(h).split()).lower() for h in got.header]
    for note in got.notes:
        name = header[note.column] if note.column < len(header) else ""
        private = schema.is_personal(name)
        problems.append(Problem(label, note.row, name, "" if private else note.value,
                                note.expected))
    while header and header[-1] == "":
        header.pop()  # trailing blank header cells: Excel's empty columns
    width = len(header)
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        if name and name in seen:
            problems.append(Problem(label, got.header_row, name, got.header[i].strip(),
                                    f"one column named '{name}'; column {seen[name] + 1} "
                                    f"('{got.header[seen[name]].strip()}') has the same name"))
        seen.setdefault(name, i)
    body = got.body
    for i in range(body.shape[1], width):
        body[i] = ""
    misplaced = _header_below(table, [str(h).strip() for h in got.header], body, label)
    if misplaced is not None:
        return pd.DataFrame(), got.encoding, [misplaced], got.blank_rows
    private = any(schema.is_personal(name) for name in header)
    problems += _extra_cells(body.iloc[:, width:], width, label, got.encoding != "excel",
                             quote=not private)
    keep = [i for i, name in enumerate(header) if not schema.is_personal(name)]
    frame = body.iloc[:, keep].copy()
    frame.columns = [header[i] for i in keep]
    # Arrow's string kernels release the GIL: columns are stripped side by side.
    stripped = _threads(lambda i: frame.iloc[:, i].str.strip(), range(frame.shape[1]))
    for i, cells in enumerate(stripped):
        frame.isetitem(i, _blank_if_invisible(cells))
    problems += _too_long(frame, label)
    if table is not None:
        problems += _shortened_targets(table, frame, got.numbers, header, label)
    if got.encoding == "utf-8":
        problems += _not_utf8(frame, label)
    for i, column in enumerate(frame.columns):
        if not got.control:
            break
        cells = frame.iloc[:, i]
        for row in cells.index[cells.str.contains(CONTROL_PATTERN, regex=True)]:
            cell = cells.at[row] if cells.index.is_unique else cells.loc[row].iloc[0]
            char = control_characters(cell)
            problems.append(Problem(label, int(row), column, cell.replace(char, "?"),
                                    f"text without control characters (found "
                                    f"U+{ord(char):04X})"))
    # A row shorter than its header may have shifted its cells: in a table with personal
    # data no problem of such a row quotes a cell (see :func:`unquoted`).
    frame.attrs["short"] = ({r: (n, width) for r, n in got.short.items()}
                            if any(schema.is_personal(name) for name in header) else {})
    return frame, got.encoding, unquoted(problems, frame.attrs["short"]), got.blank_rows


NOT_QUOTED = "(not quoted)"
"""The value a message shows for a cell it must not quote (it may hold personal data)."""


def unquoted(problems: list[Problem], short: dict[int, tuple[int, int]]) -> list[Problem]:
    """Quote no cell of a row shorter than its header, in a table with personal data.

    Its cells may have shifted: a name read as a score would be quoted as one.
    ``short`` maps such rows to their number of cells and the header's.
    """
    if not short:
        return problems
    import dataclasses

    return [dataclasses.replace(p, value=NOT_QUOTED, expected=(
        f"{p.expected} (this row has {short[p.row][0]} cells where the header has "
        f"{short[p.row][1]}: its cells may have shifted)"))
        if p.row in short and p.value else p for p in problems]


_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e" \
    "\u2060-\u206f\u3164\ufeff\uffa0"
"""Characters that show nothing: zero-width spaces and joiners, direction marks, a BOM."""


def _blank_if_invisible(cells: pd.Series) -> pd.Series:
    """Make blank a cell that holds only invisible characters (and spaces).

    A title of zero-width spaces looks blank in every spreadsheet: it is
    blank (a missing translation, not a translation that hides the English).
    """
    odd = cells.str.contains(f"[{_INVISIBLE}]", regex=True)
    if not odd.any():
        return cells
    empty = odd & cells.str.fullmatch(f"[\\s{_INVISIBLE}]+")
    return cells.mask(empty, "")


def _header_below(table: Table | None, header: list[str], body: pd.DataFrame, label: str
                  ) -> Problem | None:
    """Say so when the column names are not in row 1 but a few rows below (a title above).

    Row 1 holds no column of the table; a row of the first ten holds two or
    more: the rows above it are a title or notes, to be deleted.
    """
    if table is None or {h.lower() for h in header} & set(table.columns) or body.empty:
        return None
    names = set(table.columns)
    for row, cells in body.head(10).iterrows():
        found = [c for c in (" ".join(str(v).split()).lower() for v in cells) if c in names]
        if len(found) >= 2:
            title = next((h for h in header if h), "")
            return Problem(label, 1, "", title[:60],
                           f"the column names in row 1; they are in row {row} ("
                           f"{', '.join(found[:4])}{', ...' if len(found) > 4 else ''}): "
                           "delete the rows above them")
    return None


def _not_utf8(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Refuse each cell of a UTF-8 file holding a byte that is not UTF-8 (read as U+FFFD).

    A file that is UTF-8 but for a few bytes (one character typed in another
    encoding) is read as UTF-8; each bad byte is named at its cell, rather
    than the whole file read in another encoding and every accent garbled.
    """
    from ..io.files import REPLACEMENT

    problems = []
    for i, column in enumerate(frame.columns):
        cells = frame.iloc[:, i]
        for row in cells.index[cells.str.contains(REPLACEMENT, regex=False)]:
            cell = cells.at[row] if cells.index.is_unique else cells.loc[row].iloc[0]
            problems.append(Problem(label, int(row), column,
                                    "" if schema.is_personal(column) else cell,
                                    "text in UTF-8; a byte here is not UTF-8 (shown as "
                                    f"{REPLACEMENT}): type the character again, or save the "
                                    "file as 'CSV UTF-8'"))
    return problems


def _too_long(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Refuse cells longer than a spreadsheet cell holds (Excel's 32,767 characters)."""
    from ..io.excel import MAX_CELL_CHARS

    problems = []
    for i, column in enumerate(frame.columns):
        cells = frame.iloc[:, i]
        lengths = cells.str.len()
        for at in np.flatnonzero((lengths > MAX_CELL_CHARS).to_numpy())[:20]:
            row, cell = cells.index[at], cells.iloc[at]
            problems.append(Problem(label, int(row), column, cell[:40] + "...",
                                    f"at most {MAX_CELL_CHARS:,} characters, as a "
                                    f"spreadsheet cell holds; this cell has {len(cell):,}"))
    return problems


def _shortened_targets(table: Table, frame: pd.DataFrame, numbers: dict[int, list[int]],
                       header: list[str], label: str) -> list[Problem]:
    """Refuse SDG targets Excel holds as numbers when the number may have lost a zero.

    ``16.10`` typed in a General cell is stored as the number 16.1, itself a
    target: the two cannot be told apart, so neither is guessed.
    """
    from .. import sdg

    problems = []
    for f in table.fields:
        if f.kind is not schema.SDG_TARGETS or f.name not in frame.columns:
            continue
        rows = numbers.get(header.index(f.name), [])
        for row in rows:
            if row not in frame.index:
                continue
            cell = frame.at[row, f.name]
            try:
                sdg.parse_target(cell + "0")
            except ValueError:
                continue  # 5.2 cannot be 5.20: no target is lost
            problems.append(Problem(label, int(row), f.name, cell,
                                    f"an SDG target typed as text: Excel holds {cell} as a "
                                    f"number, so it may have been {cell}0 (target {cell}0 "
                                    "typed in a General cell is stored as the number "
                                    f"{cell}): format the column as Text and type the target "
                                    "again"))
    return problems


def _threads(work, items) -> list:
    """Run ``work`` on each item in two threads (for work that releases the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    items = list(items)
    if len(items) < 2:
        return [work(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(work, items))


def _extra_cells(extra: pd.DataFrame, width: int, label: str, csv: bool = True,
                 quote: bool = True) -> list[Problem]:
    """Report rows with filled cells beyond the header's width (vectorised by column).

    In a table with personal data (``quote`` false) no cell is quoted: in a
    row wider than its header every cell may have shifted, a name or an
    e-mail address into any column.
    """
    if extra.empty:
        return []
    filled = np.column_stack([(extra.iloc[:, j].str.strip() != "").to_numpy(dtype=bool)
                              for j in range(extra.shape[1])])
    rows = np.flatnonzero(filled.any(axis=1))
    if not len(rows):
        return []
    nonempty = np.column_stack([(extra.iloc[:, j] != "").to_numpy(dtype=bool)
                                for j in range(extra.shape[1])]).sum(axis=1)
    first = filled.argmax(axis=1)
    problems = []
    advice = "a comma inside a cell needs quotes" if csv else \
        "delete the cells right of the last named column"
    for at in rows:
        value = extra.iloc[:, int(first[at])].iloc[at] if quote else NOT_QUOTED
        problems.append(Problem(label, int(extra.index[at]), "", value,
                                f"at most {width} cells, as the header has; this row has "
                                f"{width + int(nonempty[at])} or more (a filled one in column "
                                f"{width + int(first[at]) + 1}): {advice}"))
    return problems


_LIST_KINDS = tuple(k for k in vars(schema).values() if isinstance(k, schema.Kind) and k.many)
"""Kinds whose cells hold lists (kept as tuples): programmes, countries, SDG targets, ids."""


# --- validation ------------------------------------------------------------------


def _schema_problems(table: Table, frame: pd.DataFrame, label: str,
                     distinct: dict[str, tuple] | None = None) -> list[Problem]:
    if frame.empty:  # a header without rows: only the columns can be wrong
        found = ", ".join(c for c in frame.columns if c) or "none"
        return [Problem(label, 1, f.name, "", f"a column named '{f.name}' (required); found "
                        f"columns: {found}") for f in table.fields
                if f.required and f.name not in frame.columns]
    import pandera.pandas as pa

    try:
        schema.pandera_schema(table, list(frame.columns), distinct).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _from_failure_cases(table, exc.failure_cases, frame, label)
    return []


def _from_failure_cases(table: Table, cases: pd.DataFrame, frame: pd.DataFrame,
                        label: str) -> list[Problem]:
    problems = []
    for case in cases.itertuples(index=False):
        if case.check == "column_in_dataframe":
            found = ", ".join(c for c in frame.columns if c) or "none"
            problems.append(Problem(label, 1, str(case.failure_case), "",
                                    f"a column named '{case.failure_case}' (required); "
                                    f"found columns: {found}"))
        elif case.index is not None and not pd.isna(case.index):
            expected = str(case.check)
            kind = table.field(str(case.column)).kind if str(case.column) in table.columns \
                else None
            if kind in (schema.COUNTRY, schema.JURISDICTION, schema.COUNTRIES_LIST):
                close = countries.suggest(str(case.failure_case))
                expected += f" (did you mean {close}?)" if close else ""
            elif kind in (schema.COUNT, schema.NUMBER, schema.SCORE):
                expected = schema.ambiguity(str(case.failure_case), expected) or expected
            problems.append(Problem(label, int(case.index), str(case.column),
                                    str(case.failure_case), expected))
        else:
            problems.append(Problem(label, None, str(case.column or ""), str(case.failure_case),
                                    str(case.check)))
    return problems


def _factorized(table: Table, frame: pd.DataFrame) -> dict[str, tuple]:
    """Factorize every coded column (side by side): each distinct cell is then parsed once.

    An attendance's participant_id is factorized too, for finding repeated attendances.
    """
    names = [f.name for f in table.fields if f.name in frame and (
        f.kind is not schema.TEXT or (table.name, f.name) == ("participants", "participant_id"))]
    found = _threads(lambda name: pd.factorize(frame[name]), names)
    return dict(zip(names, found, strict=True))


def _convert(table: Table, frame: pd.DataFrame,
             distinct: dict[str, tuple] | None = None) -> pd.DataFrame:
    """Turn checked text cells into typed columns, parsing each distinct cell once.

    A column of a million attendances holds a few hundred distinct values
    (sexes, countries, scores), so the cost follows the distinct values, not
    the rows. Text stays text; a blank optional cell takes the field's default.
    ``distinct`` holds columns already factorized by the schema check.
    """
    distinct = distinct or {}
    out = pd.DataFrame(index=frame.index)
    for f in table.fields:
        if f.name not in frame.columns:
            column = pd.Series([f.default] * len(frame), index=frame.index, dtype=object)
        elif f.kind is schema.TEXT:
            column = frame[f.name]
        else:
            codes, uniques = distinct.get(f.name) or pd.factorize(frame[f.name])
            values = np.empty(len(uniques), dtype=object)
            for i, cell in enumerate(uniques):
                values[i] = _parse_or_default(f, cell)
            column = _typed(f, pd.Series(values, dtype=object))
            column = pd.Series(column.array.take(codes), index=frame.index)
        out[f.name] = _typed(f, column)
    return out


def _typed(f: schema.Field, column: pd.Series) -> pd.Series:
    """Give a column its contract dtype: dates, floats, nullable integers, text or tuples.

    Text (codes, countries, names) is pandas' string dtype, missing = NaN;
    lists (programmes, countries, SDG targets) are tuples in an object column.
    """
    if f.kind in (schema.DATE, schema.MONTH):
        return pd.to_datetime(column).astype("datetime64[ns]")
    if f.kind in (schema.NUMBER, schema.SCORE):
        return pd.to_numeric(column).astype("float64")
    if f.kind in (schema.COUNT, schema.YEAR):
        return column.astype("Int64")
    if f.kind in _LIST_KINDS:
        return column.astype(object)
    return column.astype("str")


def _parse_or_default(f: schema.Field, cell: str) -> object:
    if cell == "":
        return f.default
    try:
        return f.kind.parse(cell)
    except ValueError:
        return f.default  # already reported by the schema check


def _duplicate_keys(table: Table, typed: pd.DataFrame, label: str,
                    raw: pd.DataFrame | None = None) -> list[Problem]:
    if not table.key or typed.empty:
        return []
    # Missing cells are "" here; a blank key is reported once already, as a
    # required cell left blank.
    cells = pd.DataFrame({k: typed[k].astype(object).map(_key_text) for k in table.key})
    dup = cells.duplicated(keep=False)
    if not dup.any():
        return []
    cells = cells[dup]
    first = pd.Series(cells.index, index=cells.index).groupby(
        [cells[k] for k in table.key], sort=False).transform("first")
    problems = []
    for row, key in zip(cells.index, cells.itertuples(index=False, name=None), strict=True):
        if first.at[row] == row or "" in key:
            continue
        if raw is not None and all(k in raw.columns for k in table.key):
            key = tuple(raw.at[row, k] for k in table.key)  # as written, not as read
        problems.append(Problem(label, int(row), ", ".join(table.key), " / ".join(key),
                                f"a unique {' + '.join(table.key)}; row {first.at[row]} "
                                "has the same"))
    return problems


def _canonical_ids(table: Table, typed: pd.DataFrame, label: str,
                   known: dict[str, dict[str, str]] | None = None,
                   distinct: dict[str, tuple] | None = None) -> list[Problem]:
    """Write every id as people read it: one spelling per id (see :func:`schema.id_key`).

    Cells that differ only in case, width or invisible characters are one id,
    written as its first spelling in the file, or as ``known[column]`` (key ->
    spelling) gives it (an attendance's activity as the activities table
    writes it). Each other spelling is a warning naming the rows it was
    found in. Changes ``typed`` in place.
    """
    warnings = []
    for f in table.fields:
        if not f.identifier or f.name not in typed.columns or typed.empty:
            continue
        codes, uniques = (distinct or {}).get(f.name) or pd.factorize(typed[f.name])
        if not len(uniques):
            continue
        # Arrow's string kernels for the plain ids; the Unicode rule for the others only.
        spelled = pd.Series(np.asarray(uniques, dtype=object), dtype="str")
        keys = spelled.str.strip().str.lower()
        plain = spelled.str.isascii().to_numpy(dtype=bool)
        if not plain.all():
            keys[~plain] = [schema.id_key(u) for u in spelled[~plain]]
        reference = (known or {}).get(f.name, {})
        canonical = spelled.groupby(keys.to_numpy(), sort=False).transform("first")
        if reference:
            mapped = keys.map(reference)
            canonical = mapped.where(mapped.notna(), canonical)
        changed = np.flatnonzero((canonical != spelled).to_numpy(dtype=bool))
        if not len(changed):
            continue
        canonical = canonical.to_numpy(dtype=object)
        firsts = pd.Series(typed.index[codes >= 0]).groupby(codes[codes >= 0]).first()
        moved = set(changed.tolist())
        origin: dict[str, int] = {}
        for j, target in enumerate(canonical):
            if j not in moved:
                origin.setdefault(target, j)
        for i in changed:
            target = canonical[i]
            if target in origin:
                text = N_("the same id as {id} in row {same}, written differently: ids are "
                          "compared ignoring case, width and invisible characters; read as "
                          "{id}")
                fields = {"id": target, "same": int(firsts.at[origin[target]])}
            else:
                text = N_("the same id as {id} in the activities table, written differently: "
                          "ids are compared ignoring case, width and invisible characters; "
                          "read as {id}")
                fields = {"id": target}
            warnings.append(warning(label, int(firsts.at[i]), f.name, str(uniques[i]), text,
                                    **fields))
        typed[f.name] = pd.Series(pd.array(canonical, dtype="str").take(codes, allow_fill=True),
                                  index=typed.index)
    return warnings


def _key_text(value: object) -> str:
    return "" if value is None or (not isinstance(value, tuple) and pd.isna(value)) else str(value)


# --- table rules -----------------------------------------------------------------


def _percentages(table: Table, raw: pd.DataFrame, label: str) -> list[Problem]:
    """Refuse a percentage (``50%``) in a number column unless the row's unit is percent.

    A percent cell reads as its percentage (50, not Excel's 0.5): right where
    the unit says %, a wrong number anywhere else.
    """
    problems = []
    for f in table.fields:
        if f.kind is not schema.NUMBER or f.name not in raw.columns:
            continue
        cells = raw[f.name]
        marked = cells.map(schema.is_percentage).astype(bool)
        if not marked.any():
            continue
        units = raw["unit"] if "unit" in raw.columns else pd.Series("", index=raw.index)
        for row in cells.index[marked & ~units.map(schema.is_percent_unit).astype(bool)]:
            problems.append(Problem(label, int(row), f.name, cells.at[row],
                                    "a number in the row's unit; this is a percentage: write "
                                    "% in the unit column, or type the number without %"))
    return problems


def _activities_rules(typed: pd.DataFrame, raw: pd.DataFrame, label: str) -> list[Problem]:
    problems = []
    end = typed["end_date"].fillna(typed["start_date"])
    for row in typed.index[(end < typed["start_date"])]:
        problems.append(Problem(label, int(row), "end_date", raw.at[row, "end_date"],
                                f"a date not before start_date {raw.at[row, 'start_date']}"))
    typed["end_date"] = end
    national_blank = (typed["level"] == "national") & typed["country"].isna()
    has_col = "country" in raw.columns
    for row in typed.index[national_blank]:
        if not has_col or raw.at[row, "country"] == "":
            problems.append(Problem(label, int(row), "country", "",
                                    "a country: a national-level activity names the country "
                                    "assisted"))
    return problems


def _participants_rules(typed: pd.DataFrame, raw: pd.DataFrame, label: str,
                        activity: np.ndarray | None) -> tuple[list[Problem], list[Problem]]:
    errors, warnings = [], []
    if activity is not None:
        for row in typed.index[activity < 0]:
            errors.append(Problem(label, int(row), "activity_id", typed.at[row, "activity_id"],
                                  "an activity_id of the activities table"))
    for column, meaning in (("sex", "sex"), ("nationality", "nationality")):
        blank = raw[column] == "" if column in raw.columns else pd.Series(True, raw.index)
        if blank.any():
            rows = blank.index[blank].tolist()
            most = 8
            shown = ", ".join(str(r) for r in rows[:most])
            texts = {("sex", False): N_("{n} attendance rows with unknown sex (rows {rows})"),
                     ("sex", True): N_("{n} attendance rows with unknown sex (rows {rows} and "
                                       "{more} more)"),
                     ("nationality", False): N_("{n} attendance rows with unknown nationality "
                                                "(rows {rows})"),
                     ("nationality", True): N_("{n} attendance rows with unknown nationality "
                                               "(rows {rows} and {more} more)")}
            text = texts[meaning, len(rows) > most]
            warnings.append(warning(label, None, column, "", text, n=len(rows), rows=shown,
                                    more=len(rows) - most))
    both = typed["pre_test"].notna() & typed["post_test"].notna()
    for row in typed.index[both & (typed["post_test"] < typed["pre_test"])]:
        warnings.append(warning(label, int(row), "post_test", raw.at[row, "post_test"],
                                N_("post-test below its pre-test score {score}"),
                                score=raw.at[row, "pre_test"]))
    return errors, warnings


def _positions(cells: pd.Series, known: pd.Series) -> np.ndarray:
    """Return where each text cell is found in ``known`` (-1 where it is not).

    Arrow's hash lookup: no Python loop, and the positions double as integer
    codes of the activity an attendance belongs to.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    def arrow(column: pd.Series):
        values = pa.array(column.astype("str").array)
        return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values

    found = pc.index_in(arrow(cells), value_set=arrow(known))
    return found.fill_null(-1).to_numpy(zero_copy_only=False)


def _dedupe_attendance(typed: pd.DataFrame, label: str, activity: np.ndarray | None = None,
                       person: tuple | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    # One integer per (activity, person): hashing integers beats hashing pairs of strings.
    if activity is None:
        activity, _ = pd.factorize(typed["activity_id"])
    person, people = person if person is not None else pd.factorize(typed["participant_id"])
    pair = pd.Series(activity.astype("int64") * max(1, len(people)) + person, index=typed.index)
    dup = pair.duplicated(keep="first")
    if not dup.any():
        return typed, []
    again = pair[pair.duplicated(keep=False)]
    first = pd.Series(again.index, index=again.index).groupby(again, sort=False).transform("first")
    warnings = []
    for row in typed.index[dup]:
        activity, person = typed.at[row, "activity_id"], typed.at[row, "participant_id"]
        warnings.append(warning(label, int(row), "activity_id, participant_id",
                                f"{activity} / {person}",
                                N_("one attendance per person and activity; same as row "
                                   "{same}, counted once"), same=first.at[row]))
    return typed[~dup], warnings


def _defaults(name: str, typed: pd.DataFrame) -> None:
    if name == "cases":
        blank = typed["programme"].isna()
        typed.loc[blank, "programme"] = typed.loc[blank, "database"].map(
            programmes.case_programme)
    if name in ("participants",):
        codes, uniques = pd.factorize(typed["nationality"])
        regions = pd.array([countries.region(c) for c in uniques] + ["Unknown"], dtype="str")
        typed["region"] = regions.take(codes)  # code -1 (no nationality) takes the last


def _far_dates(tables: dict[str, pd.DataFrame], sources: dict[str, Source]) -> list[Problem]:
    """Warn of dates and months more than a year away from the years the data covers.

    The years covered are those holding at least 5% of the activities' start
    dates, so that one mistyped year among many does not widen the range.
    """
    starts = tables["activities"]["start_date"].dropna()
    if starts.empty:
        return []
    share = starts.dt.year.value_counts(normalize=True)
    present = sorted(y for y, s in share.items() if s >= 0.05)
    warnings = []
    for name, frame in tables.items():
        for f in schema.TABLES[name].fields:
            if f.kind not in (schema.DATE, schema.MONTH) or f.name not in frame:
                continue
            values = frame[f.name]
            if name == "activities" and f.name == "end_date":
                values = values[values != frame["start_date"]]  # a blank end is the start
            values = values.dropna()
            years = values.dt.year.to_numpy()
            near = np.zeros(len(values), dtype=bool)
            for y in present:
                near |= np.abs(years - y) <= 1
            for row, v in values[~near].items():
                shown = v.strftime("%Y-%m") if f.kind is schema.MONTH else v.date().isoformat()
                warnings.append(warning(sources[name].label, int(row), f.name, shown,
                                        N_("a date near the years the data covers "
                                           "({first}-{last})"),
                                        first=present[0], last=present[-1]))
    return warnings


# --- the whole folder ----------------------------------------------------------------


def load(path: str | Path | None = None) -> Dataset:
    """Load and validate an HTMSS data folder.

    Parameters
    ----------
    path : str or Path, optional
        A data folder or workbook (see the data contract). Defaults to the
        synthetic sample data shipped with the package.

    Returns
    -------
    Dataset
        Validated tables with warnings and row accounting; its repr lists the
        warnings.

    Raises
    ------
    DataError
        When the data has errors; it lists every error found.
    """
    from ..paths import local, sample_data

    folder = local(path) if path is not None else sample_data()
    located = find_sources(folder)
    key = None if located.errors else _dataset_key(located)
    if key is not None and os.environ.get(SHARED_ENV) and key in _KEPT:
        return _own_copy(_KEPT[key])
    if key is not None:
        hit = _from_cache(key, folder, located)
        if hit is not None:
            return _kept(hit)
    # Pure-Python set-up (pandera's import, the country matcher) runs in threads while
    # the files are hashed and read by code that releases the interpreter lock.
    threading.Thread(target=import_module, args=("pandera.pandas",), daemon=True).start()
    countries.warm_up()
    writer = _cache_writer(key)
    errors: list[Problem] = list(located.errors)
    warnings: list[Problem] = list(located.warnings)
    tables: dict[str, pd.DataFrame] = {}
    sources: dict[str, Source] = {}
    raws: dict[str, pd.DataFrame] = {}
    accounting = []
    for name, table in schema.TABLES.items():
        tables[name] = _convert(table, pd.DataFrame(columns=table.columns, dtype=object))
        if name not in located.tables:
            continue
        file, sheet = located.tables[name]
        label = f"{file.name}[{sheet}]" if sheet else file.name
        try:
            raw, encoding, row_problems, skipped = read_raw(file, sheet, table)
        except FileProblem as exc:
            errors.append(Problem(label, exc.row, "", "", str(exc)))
            continue
        except OSError as exc:
            errors.append(Problem(label, None, "", "", f"cannot be read ({exc.strerror})"))
            continue
        errors += row_problems
        sources[name] = Source(name, file, sheet, file_sha256(file), encoding)
        if encoding == "windows-1252":
            warnings.append(warning(label, None, "", "",
                                    N_("file is not UTF-8; read as Windows-1252")))
        raw = raw.drop(columns=[c for c in raw.columns if schema.is_personal(c)])
        raw = raw.loc[:, ~raw.columns.duplicated()]
        blank = raw.eq("").all(axis=1) if len(raw.columns) else pd.Series(True, raw.index)
        n_read = len(raw) + skipped
        short = raw.attrs.get("short", {})
        raw = raw[~blank]
        distinct = _factorized(table, raw)
        errors += unquoted(_schema_problems(table, raw, label, distinct), short)
        present = set(raw.columns)
        if any(f.required and f.name not in present for f in table.fields):
            continue
        typed = _convert(table, raw, distinct)
        known = {"activity_id": {schema.id_key(a): a for a in
                                 tables["activities"]["activity_id"].dropna()}
                 } if name == "participants" and "activities" in raws else None
        id_warnings = _canonical_ids(table, typed, label, known, distinct)
        warnings += id_warnings
        if id_warnings and "participant_id" in distinct:
            distinct["participant_id"] = pd.factorize(typed["participant_id"])
        errors += _percentages(table, raw, label)
        errors += _duplicate_keys(table, typed, label, raw)
        set_aside = dict.fromkeys(SET_ASIDE, 0)
        set_aside["blank_rows"] = int(blank.sum()) + skipped
        if name == "activities":
            errors += _activities_rules(typed, raw, label)
        if name == "participants":
            activity = (_positions(typed["activity_id"], tables["activities"]["activity_id"])
                        if "activities" in raws else None)
            errs, warns = _participants_rules(typed, raw, label, activity)
            errors += errs
            warnings += warns
            typed, dup_warnings = _dedupe_attendance(typed, label, activity,
                                                     distinct.get("participant_id"))
            warnings += dup_warnings
            set_aside["duplicate_attendances"] = len(dup_warnings)
        _defaults(name, typed)
        tables[name] = typed
        if writer is not None:
            writer.add(name, typed)
        raws[name] = raw
        accounting.append({
            "table": name, "file": label, "rows_read": n_read, "rows_used": len(typed),
            "rows_set_aside": n_read - len(typed), **set_aside,
        })
    if errors:
        if writer is not None:
            writer.discard()
        raise DataError(errors)
    warnings += _far_dates(tables, sources)
    data = Dataset(folder=folder, **tables, sources=list(sources.values()),
                   warnings=warnings, accounting=pd.DataFrame(accounting),
                   absent=located.absent, key=key or "")
    if writer is not None:
        _to_cache(writer, data)
    return _kept(data)


# --- the validated dataset, cached ---------------------------------------------------------



_KEPT: dict[str, Dataset] = {}
"""The dataset a build's kernel keeps for its next report (see ``cache.SHARED_ENV``)."""


def _kept(data: Dataset) -> Dataset:
    """Keep a dataset for the next :func:`load` of the same files, in a build's kernel.

    The kept one is never handed out: each report gets its own copy
    (:func:`_own_copy`), so a notebook that changes its tables changes no
    other report's figures.
    """
    if data.key and os.environ.get(SHARED_ENV):
        _KEPT.clear()  # one dataset at a time: a kernel's reports read one folder
        _KEPT[data.key] = data
        return _own_copy(data)
    return data


def _own_copy(data: Dataset) -> Dataset:
    """Return a dataset of the report's own: its tables, lists and memo its to change.

    Tables are copied shallowly, which pandas' copy-on-write makes safe and
    cheap: a change to a copy copies the data it changes, never the kept
    tables. What the metrics worked out (the memo) is still shared, each
    value handed out as a copy of its own (:class:`SharedMemo`).
    """
    import dataclasses

    tables = {name: frame.copy(deep=False) for name, frame in data.tables.items()}
    copy = dataclasses.replace(data, **tables, sources=list(data.sources),
                               warnings=list(data.warnings),
                               accounting=data.accounting.copy(deep=False),
                               absent=list(data.absent),
                               memo=SharedMemo(data.memo if not isinstance(data.memo, SharedMemo)
                                               else data.memo.shared))
    if "attendances" in data.__dict__:
        copy.__dict__["attendances"] = data.__dict__["attendances"].copy(deep=False)
    return copy


class SharedMemo(dict):
    """A report's memo over a kernel's shared one: what one report works out, the next reuses.

    Every value read is a copy of its own (frames shallowly, under
    copy-on-write), and every value stored is stored as a copy: a report
    that changes a frame it got from the memo changes only its own.
    """

    def __init__(self, shared: dict):
        super().__init__()
        self.shared = shared

    def __missing__(self, key):
        value = _detached(self.shared[key])
        super().__setitem__(key, value)
        return value

    def __contains__(self, key) -> bool:
        return super().__contains__(key) or key in self.shared

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.shared[key] = _detached(value)

    def get(self, key, default=None):
        """Return the value of ``key`` (a copy of its own), or ``default``."""
        return self[key] if key in self else default


def _detached(value):
    """Return ``value`` with every frame in it copied (lists, tuples and dicts of them too)."""
    if isinstance(value, pd.DataFrame | pd.Series | pd.Index):
        return value.copy(deep=False)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_detached(v) for v in value))
    if isinstance(value, tuple | list):
        return type(value)(_detached(v) for v in value)
    if isinstance(value, dict):
        return {k: _detached(v) for k, v in value.items()}
    if isinstance(value, set):
        return set(value)
    return value


def _dataset_key(located: Located) -> str:
    """Name the cache entry of a folder's validated tables: its files' bytes and the code."""
    import hashlib
    import json

    from .. import __version__

    parts = [[name, file.name, sheet or "", file_sha256(file)]
             for name, (file, sheet) in sorted(located.tables.items())]
    # The contract's columns too: a cache written before a column was added is not reused.
    columns = [[name, table.columns] for name, table in schema.TABLES.items()]
    text = json.dumps([parts, __version__, pd.__version__, columns, code_digest()])
    return "dataset-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:40] + ".json"


@functools.cache
def code_digest() -> str:
    """Return the SHA-256 of the modules that turn files into validated tables.

    Part of the cache key: a change to how a cell is parsed (an editable install
    between releases, say) is never served tables parsed the old way.
    """
    from ..paths import code_digest as digest_of

    return digest_of("*.py")  # the package's own modules, no reports


def _columns(name: str) -> list[str]:
    return schema.TABLES[name].columns + (["region"] if name == "participants" else [])


def _cache_writer(key: str | None):
    """Return the writer of this dataset's cache entry, or None (no key: not cacheable)."""
    from .cache import TableWriter

    return None if key is None else TableWriter(key)


def _to_cache(writer, data: Dataset) -> None:
    from .cache import frame_to_payload

    for name, frame in data.tables.items():
        writer.add(name, frame)  # the tables absent from the folder (empty)
    writer.commit({
        "sources": [[s.table, s.encoding] for s in data.sources],
        "warnings": [[w.file, w.row, w.column, w.value, w.expected, w.severity, w.message,
                      [list(f) for f in w.fields]] for w in data.warnings],
        "accounting": frame_to_payload(data.accounting)})


def _from_cache(key: str, folder: Path, located: Located) -> Dataset | None:
    """Return the validated dataset of these very files from the cache, or ``None``.

    Anything that does not rebuild exactly into the contract's tables is a miss.
    """
    from .cache import frame_from_payload, read_tables

    hit = read_tables(key)
    if hit is None:
        return None
    tables, entry = hit
    try:
        if list(tables) != list(schema.TABLES) or any(
                list(tables[n].columns) != _columns(n) for n in schema.TABLES):
            return None
        encodings = dict(entry["sources"])
        sources = [Source(name, file, sheet, file_sha256(file), encodings[name])
                   for name, (file, sheet) in located.tables.items()]
        warnings = [Problem(f, r, c, v, e, sev, m, tuple(tuple(p) for p in fields))
                    for f, r, c, v, e, sev, m, fields in entry["warnings"]]
        accounting = frame_from_payload(entry["accounting"], list(entry["accounting"]["columns"]))
    except (KeyError, TypeError, ValueError):
        return None
    if accounting is None:
        return None
    return Dataset(folder=folder, **tables, sources=sources, warnings=warnings,
                   accounting=accounting, absent=located.absent, key=key)


def set_aside_reasons(row) -> list[tuple[str, int]]:
    """Return why rows of one accounting row were set aside: ``(code, count)``, counts above 0."""
    return [(code, int(row[code])) for code in SET_ASIDE if code in row and int(row[code])]

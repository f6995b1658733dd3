"""Read an HTMSS data folder (CSV files or Excel workbooks) into validated tables."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from python_calamine import CalamineWorkbook

from . import countries, programmes, schema
from .problems import DataError, Problem
from .schema import Table

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


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


@dataclass(repr=False)
class Dataset:
    """A loaded, validated HTMSS data folder: one DataFrame attribute per contract table.

    Every table of the contract is an attribute (``data.activities``,
    ``data.participants``, ...); an optional table that is absent is an empty
    frame with the contract's columns.

    Attributes
    ----------
    folder : Path
        The folder (or workbook) it came from.
    sources : list of Source
        The file (and sheet) behind each table read.
    warnings : list of Problem
        Data-quality warnings, for the reports.
    accounting : DataFrame
        Per table: rows read, used and set aside, and why.
    """

    folder: Path
    activities: pd.DataFrame
    participants: pd.DataFrame
    cases: pd.DataFrame
    publications: pd.DataFrame
    web_stories: pd.DataFrame
    web_traffic: pd.DataFrame
    social_media: pd.DataFrame
    results: pd.DataFrame
    stories: pd.DataFrame
    sources: list[Source] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    accounting: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by its contract name, in the contract's order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    @property
    def years(self) -> list[int]:
        """Years in which at least one table has a row, ascending.

        A row's year is that of the table's period column (an activity's
        start, a case's added date, a month of web traffic, ...).
        """
        years: set[int] = set()
        for name, table in schema.TABLES.items():
            if not table.period:
                continue
            values = getattr(self, name)[table.period].dropna()
            years |= set((values.dt.year if hasattr(values, "dt") else values).astype(int))
        return sorted(int(y) for y in years)

    @property
    def synthetic(self) -> bool:
        """True when every file read is the package's synthetic sample, byte for byte.

        Judged by content (SHA-256), not by path: a copy of the sample
        anywhere is still invented data, and reports say so.
        """
        from .paths import sample_data

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


# --- finding and reading files -------------------------------------------------


def find_sources(path: str | Path) -> tuple[dict[str, tuple[Path, str | None]], list[Problem]]:
    """Locate the file (and sheet) of each table in a data folder or workbook.

    Parameters
    ----------
    path : str or Path
        A folder with one file per table, a folder holding a single workbook
        with one sheet per table, or such a workbook itself.

    Returns
    -------
    dict, list of Problem
        Table name to (file, sheet or None), and problems found (missing
        required tables, a table given twice).
    """
    path = Path(path)
    found: dict[str, tuple[Path, str | None]] = {}
    problems: list[Problem] = []
    if not path.exists():
        return found, [Problem(str(path), None, "", "", "a data folder or workbook; none found")]
    workbooks: list[Path] = []
    if path.is_file():
        workbooks = [path]
    else:
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("~$"))
        for name in schema.TABLES:
            candidates = [p for p in files if p.stem.lower() == name
                          and p.suffix.lower() in (".csv", *EXCEL_SUFFIXES)]
            if len(candidates) > 1:
                problems.append(Problem(path.name, None, "", ", ".join(c.name for c in candidates),
                                        f"one file for table {name}, not several"))
            if candidates:
                found[name] = (candidates[0], None)
        if not found:
            workbooks = [p for p in files if p.suffix.lower() in EXCEL_SUFFIXES]
    for book in workbooks:
        sheets = CalamineWorkbook.from_path(str(book)).sheet_names
        for sheet in sheets:
            name = sheet.strip().lower()
            if name in schema.TABLES and name not in found:
                found[name] = (book, sheet)
    for name, table in schema.TABLES.items():
        if table.required and name not in found:
            problems.append(Problem(path.name, None, "", "",
                                    f"a table '{name}' ({name}.csv, {name}.xlsx or a sheet "
                                    f"'{name}' in a workbook); none found"))
    return found, problems


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes, computed once per file version.

    A build hashes each input for the method annex and for the cache key; the
    memo (keyed by path, size and modification time) makes that one read.
    """
    stat = Path(path).stat()
    return _sha256(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@cache
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def decode(path: Path) -> tuple[str, str]:
    """Return a text file's content and encoding: UTF-8 (BOM allowed), else Windows-1252."""
    data = path.read_bytes()
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


class FileProblem(Exception):
    """A file that cannot be read at all (its message says why)."""


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


def read_raw(path: Path, sheet: str | None = None) -> tuple[pd.DataFrame, str]:
    """Read one table as text cells, indexed by the row number the analyst sees.

    Parameters
    ----------
    path : Path
        A CSV file or a workbook.
    sheet : str, optional
        The sheet of a workbook; the first sheet when omitted.

    Returns
    -------
    DataFrame, str
        Cells as stripped strings (blank = ``""``), columns named as in the
        header folded to lower case, index = file row (header = row 1); and the
        encoding read (``excel`` for workbooks).
    """
    if path.suffix.lower() == ".csv":
        text, encoding = decode(path)
        import csv
        import io

        rows = list(csv.reader(io.StringIO(text, newline="")))
    else:
        book = CalamineWorkbook.from_path(str(path))
        ws = book.get_sheet_by_name(sheet or book.sheet_names[0])
        rows = [[cell_text(v) for v in row] for row in ws.to_python(skip_empty_area=False)]
        encoding = "excel"
    if not rows:
        return pd.DataFrame(), encoding
    header = [" ".join(str(h).split()).lower() for h in rows[0]]
    width = len(header)
    body = [[c.strip() for c in (r + [""] * width)[:width]] for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, index=range(2, len(body) + 2), dtype=object)
    return frame, encoding


# --- validation ------------------------------------------------------------------


def _schema_problems(table: Table, frame: pd.DataFrame, label: str) -> list[Problem]:
    try:
        schema.pandera_schema(table, list(frame.columns)).validate(frame, lazy=True)
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
            problems.append(Problem(label, int(case.index), str(case.column),
                                    str(case.failure_case), str(case.check)))
        else:
            problems.append(Problem(label, None, str(case.column or ""), str(case.failure_case),
                                    str(case.check)))
    return problems


def _convert(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for f in table.fields:
        if f.name in frame.columns:
            out[f.name] = [_parse_or_default(f, cell) for cell in frame[f.name]]
        else:
            out[f.name] = [f.default] * len(frame)
        if f.kind in (schema.DATE, schema.MONTH):
            out[f.name] = pd.to_datetime(out[f.name])
        elif f.kind in (schema.NUMBER, schema.SCORE):
            out[f.name] = pd.to_numeric(out[f.name]).astype("float64")
        elif f.kind in (schema.COUNT, schema.YEAR):
            out[f.name] = out[f.name].astype("Int64")
        else:
            out[f.name] = out[f.name].astype(object)
    return out


def _parse_or_default(f: schema.Field, cell: str) -> object:
    if cell == "":
        return f.default
    try:
        return f.kind.parse(cell)
    except ValueError:
        return f.default  # already reported by the schema check


def _duplicate_keys(table: Table, typed: pd.DataFrame, label: str) -> list[Problem]:
    if not table.key or typed.empty:
        return []
    keys = typed[list(table.key)].astype(str).apply(tuple, axis=1)
    first_row = {key: row for row, key in keys.drop_duplicates().items()}
    problems = []
    for row, key in keys[keys.duplicated(keep="first")].items():
        if "None" in key:
            continue
        problems.append(Problem(label, int(row), ", ".join(table.key), " / ".join(key),
                                f"a unique {' + '.join(table.key)}; row {first_row[key]} "
                                "has the same"))
    return problems


# --- table rules -----------------------------------------------------------------


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
                        activity_ids: set[str] | None) -> tuple[list[Problem], list[Problem]]:
    errors, warnings = [], []
    if activity_ids is not None:
        for row in typed.index[~typed["activity_id"].isin(activity_ids)]:
            errors.append(Problem(label, int(row), "activity_id", typed.at[row, "activity_id"],
                                  "an activity_id of the activities table"))
    for column, meaning in (("sex", "sex"), ("nationality", "nationality")):
        blank = raw[column] == "" if column in raw.columns else pd.Series(True, raw.index)
        if blank.any():
            rows = blank.index[blank].tolist()
            warnings.append(Problem(label, None, column, "",
                                    f"{len(rows)} attendance rows with unknown {meaning} "
                                    f"(rows {_rows_text(rows)})", "warning"))
    both = typed["pre_test"].notna() & typed["post_test"].notna()
    for row in typed.index[both & (typed["post_test"] < typed["pre_test"])]:
        warnings.append(Problem(label, int(row), "post_test", raw.at[row, "post_test"],
                                f"post-test below its pre-test score "
                                f"{raw.at[row, 'pre_test']}", "warning"))
    return errors, warnings


def _rows_text(rows: list[int], most: int = 8) -> str:
    shown = ", ".join(str(r) for r in rows[:most])
    return shown + (f" and {len(rows) - most} more" if len(rows) > most else "")


def _dedupe_attendance(typed: pd.DataFrame, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    dup = typed.duplicated(["activity_id", "participant_id"], keep="first")
    warnings = []
    firsts = typed[~dup].reset_index().set_index(["activity_id", "participant_id"])["index"]
    for row in typed.index[dup]:
        key = (typed.at[row, "activity_id"], typed.at[row, "participant_id"])
        warnings.append(Problem(label, int(row), "activity_id, participant_id",
                                f"{key[0]} / {key[1]}",
                                f"one attendance per person and activity; same as row "
                                f"{firsts[key]}, counted once", "warning"))
    return typed[~dup], warnings


def _defaults(name: str, typed: pd.DataFrame) -> None:
    if name == "cases":
        blank = typed["programme"].isna()
        typed.loc[blank, "programme"] = typed.loc[blank, "database"].map(
            programmes.case_programme)
    if name in ("participants",):
        typed["region"] = typed["nationality"].map(
            lambda c: countries.region(c) if isinstance(c, str) else "Unknown")


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
            for row, v in values.dropna().items():
                if min(abs(v.year - y) for y in present) <= 1:
                    continue
                shown = v.strftime("%Y-%m") if f.kind is schema.MONTH else v.date().isoformat()
                warnings.append(Problem(sources[name].label, int(row), f.name, shown,
                                        f"a date near the years the data covers "
                                        f"({present[0]}-{present[-1]})", "warning"))
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
    from .paths import sample_data

    folder = Path(path) if path is not None else sample_data()
    located, errors = find_sources(folder)
    warnings: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {}
    sources: dict[str, Source] = {}
    raws: dict[str, pd.DataFrame] = {}
    accounting = []
    for name, table in schema.TABLES.items():
        if name not in located:
            tables[name] = _convert(table, pd.DataFrame(columns=table.columns, dtype=object))
            continue
        file, sheet = located[name]
        label = f"{file.name}[{sheet}]" if sheet else file.name
        try:
            raw, encoding = read_raw(file, sheet)
        except FileProblem as exc:
            errors.append(Problem(label, None, "", "", str(exc)))
            continue
        sources[name] = Source(name, file, sheet, file_sha256(file), encoding)
        if encoding == "windows-1252":
            warnings.append(Problem(label, None, "", "", "file is not UTF-8; read as Windows-1252",
                                    "warning"))
        raw = raw.drop(columns=[c for c in raw.columns if c in schema.PERSONAL_DATA])
        raw = raw.loc[:, ~raw.columns.duplicated()]
        blank = raw.eq("").all(axis=1) if len(raw.columns) else pd.Series(True, raw.index)
        n_read = len(raw)
        raw = raw[~blank]
        errors += _schema_problems(table, raw, label)
        present = set(raw.columns)
        if any(f.required and f.name not in present for f in table.fields):
            continue
        typed = _convert(table, raw)
        errors += _duplicate_keys(table, typed, label)
        set_aside = {"blank rows": int(blank.sum())}
        if name == "activities":
            errors += _activities_rules(typed, raw, label)
        if name == "participants":
            ids = set(tables["activities"]["activity_id"]) if "activities" in raws else None
            errs, warns = _participants_rules(typed, raw, label, ids)
            errors += errs
            warnings += warns
            typed, dup_warnings = _dedupe_attendance(typed, label)
            warnings += dup_warnings
            set_aside["duplicate attendances"] = len(dup_warnings)
        _defaults(name, typed)
        tables[name] = typed
        raws[name] = raw
        accounting.append({
            "table": name, "file": label, "rows_read": n_read, "rows_used": len(typed),
            "rows_set_aside": n_read - len(typed),
            "why_set_aside": "; ".join(f"{v} {k}" for k, v in set_aside.items() if v) or "",
        })
    if errors:
        raise DataError(errors)
    warnings += _far_dates(tables, sources)
    return Dataset(folder=folder, **tables, sources=list(sources.values()),
                   warnings=warnings, accounting=pd.DataFrame(accounting))


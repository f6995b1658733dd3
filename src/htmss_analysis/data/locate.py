"""Where each table of a data folder comes from: one file, or one sheet, per table.

Finding the tables reads no cells, so it is cheap: a build uses it to decide
what is up to date before anything is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..io.files import (
    EXCEL_SUFFIXES,
    FileProblem,
    describe_path_problem,
    hidden_sheets,
    open_workbook,
)
from ..languages import N_
from ..problems import Problem, warning
from . import schema


@dataclass
class Located:
    """Where each table of a data folder comes from, and what was found on the way.

    Attributes
    ----------
    tables : dict
        Table name to (file, sheet or None): exactly one source per table.
    absent : list of str
        Optional tables with no source.
    errors, warnings : list of Problem
        Ambiguous or unreadable sources (errors); hidden sheets used (warnings).
    """

    tables: dict[str, tuple[Path, str | None]] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def _utf8(name: str) -> bool:
    """Whether a file name is text (Python keeps the bytes of one that is not as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def looks_like(stem: str) -> str | None:
    """Return the table a file name looks like without being it (``participants (1)``)."""
    words = _words(stem)
    best = None
    for name in schema.TABLES:
        target = name.split("_")
        if any(words[i:i + len(target)] == target for i in range(len(words))):
            if best is None or len(target) > len(best.split("_")):
                best = name  # "web_stories" beats "stories"
    return best


def find_sources(path: str | Path) -> Located:
    """Locate the one file (and sheet) of each table in a data folder or workbook.

    The rule: a table comes from a file named after it (``activities.csv``,
    ``activities.xlsx``) or from a sheet named after it in any workbook of the
    folder, and from exactly one of these. Two candidates are an error naming
    both; a file that looks like a table (``participants (1).csv``) but is not
    named after it, a folder or a broken link in its place, is an error; an
    optional table with no candidate is listed as absent.

    Parameters
    ----------
    path : str or Path
        A data folder, or a workbook with one sheet per table.
    """
    path = Path(path)
    out = Located()
    candidates: dict[str, list[tuple[Path, str | None]]] = {n: [] for n in schema.TABLES}
    if not path.exists() and not path.is_symlink():
        out.errors.append(Problem(str(path), None, "", "", "a data folder or workbook; "
                                  "nothing is there"))
        return out
    # A link to a data folder is a data folder (data/sample is one); only a broken or
    # looping link is a problem here.
    problem = describe_path_problem(path) if path.is_symlink() and not path.is_dir() else None
    if problem:
        out.errors.append(Problem(path.name, None, "", "", problem))
        return out
    if path.is_dir():
        entries = sorted(p for p in path.iterdir() if not p.name.startswith(("~$", ".")))
    elif path.is_file() and path.suffix.lower() in EXCEL_SUFFIXES:
        entries = [path]
    else:
        out.errors.append(Problem(path.name, None, "", "", "a data folder, or a workbook "
                                  f"({', '.join(EXCEL_SUFFIXES)}) with a sheet per table"))
        return out
    for entry in entries:
        suffix = entry.suffix.lower()
        if suffix not in (".csv", *EXCEL_SUFFIXES):
            continue
        if not _utf8(entry.name):
            shown = entry.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            out.errors.append(Problem(shown, None, "", "", (
                "a file name that is not valid UTF-8 (its odd characters shown as \ufffd): "
                "rename the file")))
            continue
        exact = entry.stem.strip().lower()
        resembles = exact if exact in schema.TABLES else looks_like(entry.stem)
        trouble = describe_path_problem(entry)
        if trouble:
            if resembles or suffix in EXCEL_SUFFIXES:
                out.errors.append(Problem(entry.name, None, "", "", trouble))
            continue
        if exact in schema.TABLES and path.is_dir():
            candidates[exact].append((entry, None))
            continue
        if suffix == ".csv":
            if resembles:
                out.errors.append(Problem(entry.name, None, "", "", (
                    f"a file named like the {resembles} table but not '{resembles}.csv': "
                    f"rename it {resembles}.csv, or move it out of the folder")))
            continue
        try:
            book = open_workbook(entry)
        except FileProblem as exc:
            out.errors.append(Problem(entry.name, None, "", "", str(exc)))
            continue
        hidden = hidden_sheets(book)
        used = False
        for sheet in book.sheet_names:
            name = sheet.strip().lower()
            if name in schema.TABLES:
                candidates[name].append((entry, sheet))
                used = True
                if sheet in hidden:
                    out.warnings.append(warning(
                        f"{entry.name}[{sheet}]", None, "", "",
                        N_("a hidden sheet, used as the table it is named after")))
        if not used and resembles:
            out.errors.append(Problem(entry.name, None, "", "", (
                f"a workbook named like the {resembles} table with no sheet named after a "
                f"table: rename it {resembles}{suffix}, name its sheet '{resembles}', or move "
                "it out of the folder")))
    for name, table in schema.TABLES.items():
        found = candidates[name]
        if len(found) > 1:
            shown = ", ".join(f"{f.name}[{s}]" if s else f.name for f, s in found)
            out.errors.append(Problem(path.name, None, "", shown,
                                      f"one source for table {name}, not {len(found)}: keep "
                                      "one and move the others out of the folder"))
        elif found:
            out.tables[name] = found[0]
        elif table.required:
            out.errors.append(Problem(path.name, None, "", "",
                                      f"a table '{name}' ({name}.csv, {name}.xlsx or a sheet "
                                      f"'{name}' in a workbook); none found"))
        else:
            out.absent.append(name)
    return out

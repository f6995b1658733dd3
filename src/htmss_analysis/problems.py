"""Problems found in input data: errors that stop a run and warnings that do not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import _, number


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one cell (or row, or file) of the input.

    Attributes
    ----------
    file : str
        The file name, with ``[sheet]`` for a workbook sheet.
    row : int or None
        The row as the analyst sees it in the file (header = row 1).
    column : str
        The column concerned (blank for a whole-file problem).
    value : str
        The offending value as read.
    expected : str
        What was expected, in plain words.
    severity : str
        ``"error"`` or ``"warning"``.
    message : str
        For a warning a report shows: ``expected`` as a message with
        ``{fields}``, for the report's language (empty: ``expected`` as it is).
    fields : tuple of (str, str)
        The values of the message's fields.
    """

    file: str
    row: int | None
    column: str
    value: str
    expected: str
    severity: str = "error"
    message: str = ""
    fields: tuple[tuple[str, str], ...] = ()

    def said(self) -> str:
        """Return ``expected`` in the current language (:mod:`htmss_analysis.languages`)."""
        if not self.message:
            return self.expected
        return _(self.message).format(**dict(self.fields))

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        shown = f": value {value!r}" if self.value != "" or self.row is not None else ""
        return f"{self.severity}: {where}{shown}: {self.expected}"


class DataError(Exception):
    """Raised when the input has errors; carries every error found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


def warning(file: str, row: int | None, column: str, value: str, message: str,
            **fields: object) -> Problem:
    """Return a warning whose words a report can translate.

    ``message`` is English with ``{fields}`` (marked ``N_`` where it is written);
    ``expected`` holds it filled in, as the command line prints it.
    """
    filled = tuple((k, str(v)) for k, v in fields.items())
    return Problem(file, row, column, value, message.format(**dict(filled)), "warning",
                   message, filled)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.column, problem.value, problem.expected)


SHOWN = 200
"""How many problems are listed one by one before the rest are counted by kind."""


def grouped(problems: list[Problem], shown: int = SHOWN) -> tuple[list[Problem], list[str]]:
    """Split problems into the first ``shown`` and a count of the rest by file, column and kind.

    A million bad rows thus print 200 located lines and a few counts, not a
    million lines; nothing is dropped from the count.

    Returns
    -------
    list of Problem, list of str
        The problems listed one by one, and one line per group of the rest,
        e.g. ``"and 12,345 more in participants.csv, column sex: one of female, male"``.
    """
    first, rest = problems[:shown], problems[shown:]
    # Messages that name another row or value ("same as row 13362") group by their shape;
    # the first one of each group is shown as the example.
    groups: dict[tuple[str, str, str, str], list] = {}
    for p in rest:
        key = (p.severity, p.file, p.column, re.sub(r"\d+", "#", p.expected))
        groups.setdefault(key, [0, p])[0] += 1
    lines = []
    # In the current language: English on the command line, the report's in a report.
    for (severity, file, column, shape), (n, example) in groups.items():
        where = _("{file}, column {column}").format(file=file, column=column) if column \
            else file
        text = example.said()
        if shape != example.expected:
            text = _("{example} (and the like)").format(example=text)
        lines.append(f"{severity}: " + _("and {n} more in {where}: {text}").format(
            n=number(n), where=where, text=text))
    return first, lines

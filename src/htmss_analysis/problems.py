"""Problems found in input data: errors that stop a run and warnings that do not."""

from __future__ import annotations

from dataclasses import dataclass


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
    """

    file: str
    row: int | None
    column: str
    value: str
    expected: str
    severity: str = "error"

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


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.column, problem.value, problem.expected)

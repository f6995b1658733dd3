"""Paths resolved from the package, never from the working directory."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed package folder."""

PROJECT = PACKAGE.parents[1]
"""The project checkout (the package is installed from ``src/`` in editable mode)."""


def sample_data() -> Path:
    """Return the folder of the synthetic sample data (``data/sample``)."""
    return PROJECT / "data" / "sample"


def notebooks() -> Path:
    """Return the folder of the report notebooks (``notebooks/``)."""
    return PROJECT / "notebooks"


def reports() -> Path:
    """Return the default output folder of reports (``reports/``)."""
    return PROJECT / "reports"


def templates() -> Path:
    """Return the folder of the nbconvert templates shipped with the package."""
    return PACKAGE / "templates"

"""Paths resolved from the package, never from the working directory.

The package runs from a source checkout (``pip install -e``) or from any
environment it was pip- or conda-installed into. What a checkout keeps at its
top level (the notebooks) an installed package finds where the wheel put it:
``<prefix>/share/htmss-analysis/``.
"""

from __future__ import annotations

import functools
import sys
import sysconfig
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed package folder."""

PROJECT = PACKAGE.parents[1]
"""The project checkout, when the package is installed from ``src/`` in editable mode."""

CONFIG_NAME = Path("config") / "public-sources.toml"
"""Where a project keeps the TOML file naming its public data files."""


def _shared(*parts: str) -> Path | None:
    """Return ``<prefix>/share/htmss-analysis/...`` of this environment, where it exists."""
    prefixes = [sysconfig.get_path("data"), sys.prefix, sysconfig.get_path("data", "posix_user")]
    for prefix in dict.fromkeys(p for p in prefixes if p):
        candidate = Path(prefix, "share", "htmss-analysis", *parts)
        if candidate.exists():
            return candidate
    return None


def parameter(path: str | Path) -> str:
    """Write a path as a notebook parameter: as it is, or a ``file:`` URI when it must be.

    A notebook's parameters are JSON, UTF-8 text; a path whose bytes are not
    UTF-8 (kept by Python as surrogates) cannot be written there as it is,
    so it travels as a ``file:`` URI, its bytes percent-encoded
    (:func:`local` reads either back).
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Path(path).resolve().as_uri()
    return text


def local(value: str | Path) -> Path:
    """Return the path a parameter names (see :func:`parameter`): a path, or a ``file:`` URI."""
    text = str(value)
    if text.startswith("file:///"):
        from urllib.parse import unquote

        return Path(unquote(text[len("file://"):], errors="surrogateescape"))
    return Path(text)


def sample_data() -> Path:
    """Return the folder of the synthetic sample data shipped with the package."""
    return PACKAGE / "sample_data"


def notebooks() -> Path:
    """Return the folder of the report notebooks: the checkout's, else the installed copy."""
    checkout = PROJECT / "notebooks"
    if (checkout / "programme_report.ipynb").is_file():
        return checkout
    return _shared("notebooks") or checkout


def reports() -> Path:
    """Return the default output folder of reports.

    The checkout's ``reports/`` when the package runs from a checkout; for an
    installed package, ``reports/`` of the working directory.
    """
    if (PROJECT / "pyproject.toml").is_file():
        return PROJECT / "reports"
    return Path.cwd() / "reports"


def templates() -> Path:
    """Return the folder of the nbconvert templates shipped with the package."""
    return PACKAGE / "templates"


def project_config(start: str | Path | None = None) -> Path | None:
    """Find the project's ``config/public-sources.toml``, if there is one.

    Looked for in ``start`` (default: the working directory) and each folder
    above it, as git finds ``.git``, then in the checkout the package was
    installed from. A notebook opened in ``notebooks/`` of a project thus
    finds ``../config/public-sources.toml``.
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents, PROJECT):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def code_digest(pattern: str = "*.py") -> str:
    """Return the SHA-256 of the package's own modules matching ``pattern`` (and their names).

    ``*.py``: the top-level modules, which turn files into validated tables (a
    cache key: a parser changed between releases is never served old tables);
    ``**/*.py``: every module, the metrics too.
    """
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob(pattern)):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0"
                      + path.read_bytes())
    return digest.hexdigest()

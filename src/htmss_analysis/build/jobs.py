"""What a build is made of: a job (one report to build), its outcome, and its fingerprint."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import paths

CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the report is declared failed."""

TEMPLATE = "htmss"
"""The nbconvert template of the reports."""

@dataclass(frozen=True)
class Job:
    """One report to build.

    ``fingerprint`` digests what the report is made from: the notebook, its
    parameters, the bytes of every input it reads, the template and the
    package version and code. ``inputs`` are those input files and ``hashes`` their
    SHA-256 when the job was planned, by file name. A report is up to date
    when its fingerprint and the digests of its outputs are recorded beside
    it (see :func:`up_to_date`).
    """

    name: str
    notebook: Path
    parameters: dict
    out_dir: Path
    timeout: int
    fingerprint: str = ""
    inputs: tuple[Path, ...] = ()
    hashes: tuple[tuple[str, str], ...] = ()
    root: Path | None = None
    """The output folder the build was given: nothing under it is reached through a link."""
    printed: bool = False
    """Whether the report is printed too (:attr:`pdf`), its kind's print edition."""

    @property
    def html(self) -> Path:
        """Path of the HTML report."""
        return self.out_dir / f"{self.name}.html"

    @property
    def lang(self) -> str:
        """The report's language (``en`` unless its parameters say)."""
        return str(self.parameters.get("lang", "en"))

    @property
    def label(self) -> str:
        """How progress names the report: ``GLOT59``, ``fr/GLOT59``."""
        return self.name if self.lang == "en" else f"{self.lang}/{self.name}"

    @property
    def executed(self) -> Path:
        """Path of the executed notebook kept beside the report."""
        return self.out_dir / f"{self.name}.ipynb"

    @property
    def workbook(self) -> Path:
        """Path of the workbook of the report's tables, which its last cell writes."""
        return self.out_dir / f"{self.name}.xlsx"

    @property
    def pdf(self) -> Path:
        """Path of the report's print edition (A4 PDF), for a printed report."""
        return self.out_dir / f"{self.name}.pdf"

    @property
    def outputs(self) -> tuple[Path, ...]:
        """Every file a finished run of the report leaves: HTML, notebook, workbook (, PDF)."""
        return (self.html, self.executed, self.workbook, *((self.pdf,) if self.printed else ()))

@dataclass(frozen=True)
class Outcome:
    """What became of a job."""

    job: Job
    ok: bool
    seconds: float
    error: str = ""
    skipped: bool = False
    refused: bool = False
    """Not built: a file the build did not make is in the way (exit status 2)."""

def _failed(job: Job, start: float, error: str) -> Outcome:
    # A reader opens the page and the workbook: neither stays beside a failed run, where an
    # earlier build's would look current. The executed notebook stays, to see what failed.
    job.html.unlink(missing_ok=True)
    job.workbook.unlink(missing_ok=True)
    if job.printed:
        job.pdf.unlink(missing_ok=True)
    try:
        import nbformat

        nbformat.read(job.executed, as_version=4)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - cut short (a full disk, a kill): no use to anyone
        job.executed.unlink(missing_ok=True)
    return Outcome(job, False, time.monotonic() - start, error)

def fingerprint(notebook: Path, parameters: dict, inputs: list[Path],
                sha: Callable[[Path], str] | None = None) -> str:
    """Digest what a report is made from (see :class:`Job`).

    ``sha`` gives a file's SHA-256 (default :func:`~htmss_analysis.io.files.file_sha256`); a
    plan of hundreds of reports passes one that asks once per file.
    """
    import hashlib
    import json

    from .. import __version__
    from ..io.files import file_sha256

    sha = sha or file_sha256
    template = sorted((p.name, sha(p)) for p in (paths.templates() / TEMPLATE).iterdir())
    parts = {"notebook": sha(notebook), "parameters": parameters, "template": template,
             "inputs": sorted((p.name, sha(p)) for p in inputs),
             "version": __version__, "code": paths.code_digest("**/*.py")}
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()

def _relative(target: Path, folder: Path) -> str:
    """Return the address of ``target`` from a page in ``folder``, with forward slashes."""
    return Path(os.path.relpath(target, folder)).as_posix()

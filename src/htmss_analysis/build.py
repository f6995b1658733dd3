"""Build the HTML reports: run the parameterised notebooks with papermill, export with nbconvert.

One report per programme (``reports/<year>/<programme>.html``) and the
section's highlights (``reports/<year>/highlights.html``), each beside the
executed notebook it came from. Reports run in parallel; a failed report does
not stop the others. This layer plans, runs and exports, and prints nothing:
the command line (:mod:`htmss_analysis.cli`) reports progress and outcomes.

The export is the package's nbconvert template ``htmss`` and nothing else, so
``jupyter nbconvert --to html --template htmss executed.ipynb`` gives the very
same bytes as a build.
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from . import paths, programmes

CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the report is declared failed."""

HIGHLIGHTS = "highlights"
"""The name of the section-wide report, beside the programme codes."""

TEMPLATE = "htmss"
"""The nbconvert template of the reports."""


@dataclass(frozen=True)
class Job:
    """One report to build."""

    name: str
    notebook: Path
    parameters: dict
    out_dir: Path
    timeout: int

    @property
    def html(self) -> Path:
        """Path of the HTML report."""
        return self.out_dir / f"{self.name}.html"

    @property
    def executed(self) -> Path:
        """Path of the executed notebook kept beside the report."""
        return self.out_dir / f"{self.name}.ipynb"


@dataclass(frozen=True)
class Outcome:
    """What became of a job."""

    job: Job
    ok: bool
    seconds: float
    error: str = ""


def parse_report_name(text: str) -> str:
    """Return a report name: a programme code or ``highlights``.

    Raises
    ------
    ValueError
        For anything else.
    """
    if text.strip().lower() == HIGHLIGHTS:
        return HIGHLIGHTS
    try:
        return programmes.parse_programme(text)
    except ValueError:
        raise ValueError(f"unknown report {text!r}: expected {programmes.EXPECTED} or "
                         f"{HIGHLIGHTS}") from None


def _kernel_manager_class():
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class BuildKernelManager(AsyncKernelManager):
        """Runs a notebook in this very interpreter, over local sockets.

        The notebooks declare the standard ``python3`` kernel. A build runs
        them with the Python it runs in, whatever kernels the user has
        registered, and writes no kernelspec anywhere. Each kernel gets its
        own IPC socket path (not TCP ports in plain text): kernels built in
        parallel must not share one.
        """

        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(Path(tempfile.gettempdir())
                                        / f"htmss-kernel-{uuid.uuid4().hex}"))
            super().__init__(**kwargs)

        @property
        def kernel_spec(self):
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                          "{connection_file}"],
                    display_name="Python (htmss-analysis build)", language="python")
            return self._kernel_spec

    return BuildKernelManager


def export_html(executed: Path, html_path: Path) -> int:
    """Export an executed notebook with the ``htmss`` template; return the bytes written.

    The template hides code, parameters and notes to the analyst, embeds
    images, loads nothing from the network and names the page from the
    report's own title, so the same outputs always give the same bytes.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(template_name=TEMPLATE,
                            extra_template_basedirs=[str(paths.templates())])
    body, _ = exporter.from_notebook_node(nb)
    data = body.encode("utf-8")
    html_path.write_bytes(data)
    return len(data)


def run_job(job: Job) -> Outcome:
    """Execute one notebook and export it; never raises, reports the failure instead."""
    import papermill as pm

    start = time.monotonic()
    try:
        job.out_dir.mkdir(parents=True, exist_ok=True)
        pm.execute_notebook(str(job.notebook), str(job.executed), parameters=job.parameters,
                            kernel_name="python3", execution_timeout=job.timeout,
                            progress_bar=False, log_output=False, cwd=str(job.out_dir),
                            kernel_manager_class=_kernel_manager_class())
        export_html(job.executed, job.html)
    except pm.PapermillExecutionError as exc:
        return Outcome(job, False, time.monotonic() - start,
                       f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}".strip())
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the build
        return Outcome(job, False, time.monotonic() - start,
                       f"{type(exc).__name__}: {exc}".splitlines()[0])
    return Outcome(job, True, time.monotonic() - start)


def plan(data_dir: Path | None, year: int, names: list[str], out_dir: Path,
         notebooks: Path | None = None, timeout: int = CELL_TIMEOUT,
         extra: dict | None = None) -> list[Job]:
    """List the jobs of a build.

    Parameters
    ----------
    data_dir : Path or None
        Data folder or workbook; ``None`` for the sample data.
    year : int
        Reporting year.
    names : list of str
        Programme codes and/or ``"highlights"``.
    out_dir : Path
        Root output folder; reports go to ``out_dir/<year>/``.
    notebooks : Path, optional
        Folder holding ``programme_report.ipynb`` and ``highlights.ipynb``
        (default: the package's, see :func:`htmss_analysis.paths.notebooks`).
    timeout : int
        Seconds a cell may run.
    extra : dict, optional
        Further notebook parameters (the public-sources config and paths).
    """
    notebooks = notebooks or paths.notebooks()
    data = str(Path(data_dir).resolve()) if data_dir else ""
    jobs = []
    for name in names:
        params = {"year": year, "data_dir": data, **(extra or {})}
        if name == HIGHLIGHTS:
            nb = notebooks / "highlights.ipynb"
        else:
            nb = notebooks / "programme_report.ipynb"
            params["programme"] = name
        jobs.append(Job(name, nb, params, out_dir / str(year), timeout))
    return jobs


def build(jobs: list[Job], workers: int = 2,
          on_done: Callable[[Outcome, int, int], None] | None = None) -> list[Outcome]:
    """Run ``jobs`` with up to ``workers`` in parallel; return their outcomes in job order.

    ``on_done(outcome, n, total)`` is called as each job ends, for progress.
    """
    outcomes = []
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx) as pool:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for n, future in enumerate(as_completed(futures), 1):
            outcome = future.result()
            outcomes.append(outcome)
            if on_done:
                on_done(outcome, n, len(jobs))
    order = {job.name: i for i, job in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.job.name])

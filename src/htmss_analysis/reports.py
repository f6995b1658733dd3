"""Build the HTML reports: run the parameterised notebooks with papermill, export with nbconvert.

One report per programme (``reports/<year>/<programme>.html``) and the
section's highlights (``reports/<year>/highlights.html``), each beside the
executed notebook it came from. Reports run in parallel; a failed report does
not stop the others, and the build ends with a summary and a non-zero exit
status if any failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .schema import PROGRAMMES
from .sources import SOURCES, PublicSources, read_config

KERNEL_NAME = "htmss-analysis"
"""The Jupyter kernel the reports run in: this package's own Python."""

CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the report is declared failed."""

HIGHLIGHTS = "highlights"


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
        """Path of the executed notebook kept for debugging."""
        return self.out_dir / f"{self.name}.ipynb"


@dataclass(frozen=True)
class Outcome:
    """What became of a job."""

    job: Job
    ok: bool
    seconds: float
    error: str = ""


def _ipc_kernel_manager():
    import tempfile
    import uuid

    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        """Talks to the kernel over local sockets (IPC), not over TCP ports in plain text.

        Each kernel gets its own socket path: kernels built in parallel must not share one.
        """

        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(Path(tempfile.gettempdir())
                                        / f"htmss-kernel-{uuid.uuid4().hex}"))
            super().__init__(**kwargs)

    return IPCKernelManager


def ensure_kernel() -> None:
    """Register this interpreter as the ``htmss-analysis`` Jupyter kernel if it is not yet.

    The kernel is installed into ``sys.prefix`` (the virtual environment), so
    the notebooks run with the very Python and packages of the build, whatever
    other kernels a user has.
    """
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        if spec.argv and Path(spec.argv[0]).resolve() == Path(sys.executable).resolve():
            return
    except NoSuchKernel:
        pass
    install(kernel_name=KERNEL_NAME, display_name="Python (htmss-analysis)", prefix=sys.prefix)


def export_html(executed: Path, html_path: Path, title: str) -> int:
    """Export an executed notebook to one self-contained HTML file without code.

    Cell ids are renumbered and the title fixed so that the same outputs give
    the same bytes. Cells tagged ``remove_cell`` (notes to the analyst) and
    error-stream output are left out.

    Returns
    -------
    int
        Size of the file written, in bytes.
    """
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    nb = nbformat.read(executed, as_version=4)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="htmss",
                            extra_template_basedirs=[str(paths.templates())])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"remove_cell"},
                                                         enabled=True), enabled=True)
    body, _ = exporter.from_notebook_node(nb)
    data = body.encode("utf-8")
    html_path.write_bytes(data)
    return len(data)


def _title(job: Job) -> str:
    year = job.parameters["year"]
    if job.name == HIGHLIGHTS:
        return f"HTMSS {year} highlights at a glance"
    from .schema import PROGRAMME_LABELS

    return f"{PROGRAMME_LABELS[job.name]} {year} programme report"


def run_job(job: Job) -> Outcome:
    """Execute one notebook and export it; never raises, reports the failure instead."""
    import papermill as pm

    start = time.monotonic()
    try:
        job.out_dir.mkdir(parents=True, exist_ok=True)
        pm.execute_notebook(str(job.notebook), str(job.executed), parameters=job.parameters,
                            kernel_name=KERNEL_NAME, execution_timeout=job.timeout,
                            progress_bar=False, log_output=False, cwd=str(job.out_dir),
                            kernel_manager_class=_ipc_kernel_manager())
        export_html(job.executed, job.html, _title(job))
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
        (default: the project's ``notebooks/``).
    timeout : int
        Seconds a cell may run.
    extra : dict, optional
        Further notebook parameters (e.g. paths of public data sources).
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


def build(jobs: list[Job], workers: int = 2, echo=print) -> list[Outcome]:
    """Run ``jobs`` with up to ``workers`` in parallel, printing progress as each ends."""
    ensure_kernel()
    outcomes = []
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx) as pool:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for n, future in enumerate(as_completed(futures), 1):
            outcome = future.result()
            outcomes.append(outcome)
            job = outcome.job
            if outcome.ok:
                size = job.html.stat().st_size / 1024
                echo(f"[{n}/{len(jobs)}] ok      {job.name:<10} {job.html} "
                     f"({outcome.seconds:.0f} s, {size:,.0f} KB)")
            else:
                echo(f"[{n}/{len(jobs)}] FAILED  {job.name:<10} {outcome.error}")
    order = {job.name: i for i, job in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.job.name])


def add_build_parser(sub: argparse._SubParsersAction) -> None:
    """Register the ``build`` sub-command."""
    b = sub.add_parser("build", help="build the HTML reports of a year")
    b.add_argument("--data", type=Path, default=None,
                   help="data folder or workbook (default: the synthetic sample data)")
    b.add_argument("--year", type=int, default=2018, help="reporting year (default 2018)")
    b.add_argument("--programme", nargs="+", default=None, metavar="P",
                   help="GLOT59, GLOT92, GLOACT and/or highlights (default: all four reports)")
    b.add_argument("--out", type=Path, default=None,
                   help="output folder; reports go to OUT/<year>/ (default: reports/)")
    b.add_argument("--jobs", type=int, default=2, help="reports built in parallel (default 2)")
    b.add_argument("--timeout", type=int, default=CELL_TIMEOUT,
                   help=f"seconds one notebook cell may run (default {CELL_TIMEOUT})")
    b.add_argument("--notebooks", type=Path, default=None,
                   help="folder with your own programme_report.ipynb and highlights.ipynb")
    pub = b.add_argument_group("public data for the country context (optional)")
    pub.add_argument("--config", type=Path, default=None,
                     help="TOML file whose [sources] table names the files below")
    for key, (title, _) in SOURCES.items():
        pub.add_argument(f"--{key.replace('_', '-')}", dest=key, type=Path, default=None,
                         help=title)


def _sources_or_exit(args: argparse.Namespace) -> PublicSources:
    """Gather the public source paths from --config and the options, and load them once.

    Loading here reports a bad file before any notebook starts and fills the
    cache, so the notebooks read the parsed sources back instead of re-parsing.
    """
    from .problems import DataError

    try:
        paths_ = read_config(args.config) if args.config else {}
        paths_.update({k: str(Path(getattr(args, k)).resolve()) for k in SOURCES
                       if getattr(args, k, None)})
        sources = PublicSources(paths_)
        sources.validate()
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(2) from None
    for key in SOURCES:
        if sources.status(key) == "missing":
            print(f"note: {sources.note(key)}", file=sys.stderr)
    return sources


def run_build(args: argparse.Namespace, load_or_exit) -> int:
    """Carry out ``htmss-analysis build``; return the exit status."""
    names = []
    for item in args.programme or [*PROGRAMMES, HIGHLIGHTS]:
        key = item.strip()
        if key.lower() == HIGHLIGHTS:
            names.append(HIGHLIGHTS)
            continue
        code = key.upper().replace(".", "")
        if code not in PROGRAMMES:
            print(f"error: --programme: unknown {item!r}: expected GLOT59, GLOT92, GLOACT or "
                  "highlights", file=sys.stderr)
            return 2
        names.append(code)
    # Validate once, before any notebook starts: bad data is one clear list, not four tracebacks.
    load_or_exit(args.data)
    sources = _sources_or_exit(args)
    out = args.out or paths.reports()
    jobs = plan(args.data, args.year, list(dict.fromkeys(names)), out, args.notebooks,
                args.timeout, extra={k: sources.paths.get(k, "") for k in SOURCES})
    print(f"building {len(jobs)} report(s) for {args.year} from "
          f"{args.data or 'the synthetic sample data'} into {out / str(args.year)} "
          f"({args.jobs} at a time)", flush=True)
    outcomes = build(jobs, args.jobs, echo=lambda line: print(line, flush=True))
    failed = [o for o in outcomes if not o.ok]
    print(f"{len(outcomes) - len(failed)} built, {len(failed)} failed")
    for o in failed:
        print(f"  {o.job.name}: {o.error} (executed notebook: {o.job.executed})")
    return 1 if failed else 0

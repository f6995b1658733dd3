"""Running one report: a warm kernel runs the notebook (papermill), nbconvert exports it.

The export is the package's nbconvert template ``htmss`` and nothing else, so
``jupyter nbconvert --to html --template htmss executed.ipynb`` gives the very
same bytes as a build. A run is trusted only when it wrote every output from
the inputs it was planned with (:func:`verified`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from .. import paths
from ..io.files import new_file, write_file
from .jobs import TEMPLATE, Job, Outcome, _failed, fingerprint


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

def export_html(executed: Path, html_path: Path, nb=None) -> int:
    """Export an executed notebook with the ``htmss`` template; return the bytes written.

    The template hides code, parameters and notes to the analyst, embeds
    images, loads nothing from the network and names the page from the
    report's own title, so the same outputs always give the same bytes.
    ``nb`` is the notebook as just written to ``executed``, if at hand.
    """
    import nbformat

    if nb is None:
        nb = nbformat.read(executed, as_version=4)
    body, _ = _exporter().from_notebook_node(nb)
    data = body.encode("utf-8")
    write_file(html_path, data)
    return len(data)

@lru_cache(maxsize=1)
def _exporter():
    """Return the HTML exporter with the ``htmss`` template, compiled once per process."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(paths.templates())])

def warm_up() -> None:
    """Import the runner and compile the export template, before the first report."""
    import papermill  # noqa: F401

    _exporter().environment.get_template(_exporter().template_file)

PRELOAD = "__import__('htmss_analysis.report')"
"""What a kernel started ahead of its report imports before the report runs (every section).

``__import__`` binds no name: a notebook that forgot an import fails in a
build as it would anywhere else.
"""

def start_kernel():
    """Start a report kernel and import the package in it; return its manager.

    The kernel is what the report would have started (this interpreter's
    Python, over IPC), in the temporary folder until :func:`run_job` moves it
    to the report's folder (which may not exist before the data is
    validated). It has run nothing but imports, silently (no output, no
    history, no name bound), so the report runs as in a fresh kernel: it just
    does not wait for them.
    """
    km = _kernel_manager_class()()

    async def go() -> None:
        # Its stderr (IPKernelApp's start-up and shut-down notices) would interleave with
        # the build's progress; what goes wrong in a report reaches its outcome instead.
        await km.start_kernel(cwd=tempfile.gettempdir(), stderr=subprocess.DEVNULL)
        await _run_silently(km, PRELOAD)

    import asyncio

    asyncio.run(go())
    return km

async def _run_silently(km, code: str, handshake: bool = True) -> None:
    client = km.client()
    client.start_channels()
    try:
        if handshake:  # a kernel that has just run a report needs none: it is up
            await client.wait_for_ready(timeout=60)
        sent = client.execute(code, silent=True, store_history=False)
        while True:
            reply = await client.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == sent:
                if reply["content"].get("status") != "ok":
                    raise RuntimeError(f"kernel set-up failed: {reply['content'].get('evalue')}")
                return
    finally:
        client.stop_channels()

RESET = ("get_ipython().reset(new_session=True); "
         "__import__('warnings')._filters_mutated()")
"""What makes a kernel that ran a report as fresh as a new one for the next.

Every name the report defined goes (a notebook that forgot an import fails
as in a new kernel), numbering restarts at 1, and warnings shown once show
again. The imported modules stay: that is the time saved.
"""

def _reusable(km) -> bool:
    """Say whether a kernel that ran a report can run the next; stop it if not."""
    import asyncio

    try:
        if asyncio.run(_alive(km)):
            return True
    except Exception:  # noqa: BLE001 - any doubt costs only a fresh kernel
        pass
    _stop_kernel(km)
    return False

async def _alive(km) -> bool:
    from jupyter_client.utils import ensure_async

    return bool(await ensure_async(km.is_alive()))

def _moved(km, folder: Path, reset: bool = False) -> bool:
    """Make ``folder`` the working folder of a kernel started ahead, as papermill's ``cwd``.

    With ``reset``, a kernel that ran a report is first made as fresh as a
    new one (:data:`RESET`), in the same round trip. Returns False (and stops
    the kernel) when that fails: the report then starts a kernel of its own.
    """
    import asyncio

    chdir = f"__import__('os').chdir({str(Path(folder).resolve())!r})"
    try:
        asyncio.run(_run_silently(km, f"{RESET}; {chdir}" if reset else chdir,
                                  handshake=not reset))
    except Exception:  # noqa: BLE001 - any failure here only costs the head start
        _stop_kernel(km)
        return False
    return True

def _stop_kernel(km) -> None:
    import asyncio

    try:
        asyncio.run(km.shutdown_kernel(now=True))
    except Exception:  # noqa: BLE001 - a kernel already gone needs no stopping
        pass

def run_job(job: Job, on_cell: Callable[[int, int, str], None] | None = None,
            kernel=None, keep: bool = False, used: bool = False) -> Outcome:
    """Execute one notebook and export it; never raises, reports the failure instead.

    ``on_cell(number, total, source's first line)`` is called as each code
    cell starts, for a live progress line. ``kernel`` is a kernel manager
    whose kernel :func:`start_kernel` started for this job's folder; it is
    shut down when the notebook has run, unless ``keep`` and the report
    succeeded (the caller then owns it); ``used`` says it ran a report
    before, and is reset first. A report that fails leaves no HTML and no
    workbook behind: a previous build's would look current beside the new,
    failed notebook.
    """
    import papermill as pm

    start = time.monotonic()
    hooks = {}
    if on_cell:
        def cell_started(cell, cell_index):
            total = getattr(cell_started, "total", 0)
            first = (cell.source.strip().splitlines() or [""])[0]
            on_cell(cell_index + 1, total, first[:60])

        cell_started.total = _cell_count(job.notebook) + 1  # + the injected parameters
        hooks["on_cell_start"] = cell_started
    try:
        job.out_dir.mkdir(parents=True, exist_ok=True)
        if kernel is not None and not _moved(kernel, job.out_dir, reset=used):
            kernel = None  # the report starts its own, as without a kernel started ahead
        if kernel is not None:
            hooks["km"] = kernel
        ran, failure = False, None
        # papermill writes into a file this process created (never through a link planted
        # at the notebook's path), moved into place whether the run succeeded or failed.
        with new_file(job.executed, suffix=".ipynb") as tmp:
            try:
                # The executed notebook is written once, when it has run (or failed), not
                # after every cell: 30 writes of a growing notebook cost more than a brief.
                executed = pm.execute_notebook(str(job.notebook), str(tmp),
                                               parameters=job.parameters, kernel_name="python3",
                                               execution_timeout=job.timeout,
                                               progress_bar=False, log_output=False,
                                               cwd=str(job.out_dir),
                                               request_save_on_cell_execute=False,
                                               kernel_manager_class=_kernel_manager_class(),
                                               **hooks)
                ran = True
            except pm.PapermillExecutionError as exc:
                failure = exc
            finally:
                if kernel is not None and not (keep and ran):
                    _stop_kernel(kernel)
        if failure is not None:
            raise failure
        export_html(job.executed, job.html, executed)
        if job.printed:
            from ..io.pdf import print_pdf

            print_pdf(job.html, job.pdf)
    except pm.PapermillExecutionError as exc:
        return _failed(job, start, f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}".strip())
    except OSError as exc:  # the output folder: deleted, read-only, the disk full
        where = exc.filename or job.out_dir
        return _failed(job, start, f"cannot write in {where}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the build
        return _failed(job, start, f"{type(exc).__name__}: {exc}".splitlines()[0])
    return Outcome(job, True, time.monotonic() - start)

def _cell_count(notebook: Path) -> int:
    """Count a notebook's cells, read once per worker while the file is unchanged."""
    st = notebook.stat()
    return _counted_cells(str(notebook), st.st_mtime_ns, st.st_size)

@lru_cache(maxsize=16)
def _counted_cells(path: str, _mtime_ns: int, _size: int) -> int:
    return len(_cells(Path(path)))

def _cells(notebook: Path) -> list:
    import nbformat

    return nbformat.read(notebook, as_version=4).cells

def verified(outcome: Outcome) -> Outcome:
    """Return the outcome of a report that ran, failed if what it made cannot be trusted.

    It must have written every output, and have been made from its inputs as
    they were planned and still are: the inputs its own run read (recorded by
    the notebook's last cell) and the inputs as they are now must both match
    the plan. A file replaced during the build, even if put back since, fails
    the report (it is built again next time) instead of being called current.
    """
    job = outcome.job
    if not outcome.ok or outcome.skipped:
        return outcome
    read = inputs_read(job.executed)
    # The package's notebooks end by writing the workbook and recording what they read; a
    # notebook of the user's own (--notebooks) that writes no workbook owes none.
    expected = job.outputs if read or job.workbook.exists() else (job.html, job.executed)
    missing = [p.name for p in expected if not p.is_file()]
    if missing:
        return _failed(job, time.monotonic() - outcome.seconds,
                       f"the run did not write {', '.join(missing)}")
    planned = dict(job.hashes)
    changed = sorted({name for name, digest in read
                      if name in planned and planned[name] != digest})
    try:
        now = fingerprint(job.notebook, job.parameters, list(job.inputs)) if job.inputs \
            else job.fingerprint
    except OSError:
        now = ""
    if now != job.fingerprint and not changed:
        from ..io.files import file_sha256

        changed = sorted(p.name for p in job.inputs
                         if not p.is_file() or file_sha256(p) != planned.get(p.name))
    if changed or now != job.fingerprint:
        return _failed(job, time.monotonic() - outcome.seconds,
                       f"an input changed while the report was built "
                       f"({', '.join(changed) or 'the notebook or template'}): build again")
    return outcome

def _report_facts(executed: Path) -> Iterator[dict]:
    """Yield the ``htmss`` metadata of every output of an executed report (none if unreadable)."""
    import json

    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            meta = output.get("metadata", {}).get("htmss", {}) if isinstance(output, dict) \
                else {}
            if isinstance(meta, dict):
                yield meta

def inputs_read(executed: Path) -> list[tuple[str, str]]:
    """Return the input files (name, SHA-256) an executed report says it read.

    The report's last cell records them in its output's metadata
    (``htmss.inputs``); a notebook that records none gives an empty list.
    """
    return [(str(pair[0]), str(pair[1])) for meta in _report_facts(executed)
            for pair in meta.get("inputs", []) if isinstance(pair, list) and len(pair) == 2]

def untranslated(executed: Path) -> int:
    """Return how many texts of the data a report showed in English for want of a translation.

    A report in another language than English records the count in its
    data-quality section's output metadata (``htmss.untranslated``); 0 when
    none is recorded.
    """
    return sum(count for meta in _report_facts(executed)
               if isinstance(count := meta.get("untranslated", 0), int))


# --- the page that leads to every report ---------------------------------------------------

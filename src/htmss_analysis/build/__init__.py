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

import contextlib
import errno
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import wait
from pathlib import Path

from .. import kinds, paths, programmes
from ..files import new_file, write_file
from . import manifest as records
from .manifest import INDEX, MANIFEST, Refusal

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
    def outputs(self) -> tuple[Path, Path, Path]:
        """Every file a finished run of the report leaves: HTML, notebook, workbook."""
        return self.html, self.executed, self.workbook


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


def _failed(job: Job, start: float, error: str) -> Outcome:
    # A reader opens the page and the workbook: neither stays beside a failed run, where an
    # earlier build's would look current. The executed notebook stays, to see what failed.
    job.html.unlink(missing_ok=True)
    job.workbook.unlink(missing_ok=True)
    try:
        import nbformat

        nbformat.read(job.executed, as_version=4)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - cut short (a full disk, a kill): no use to anyone
        job.executed.unlink(missing_ok=True)
    return Outcome(job, False, time.monotonic() - start, error)


def public_inputs(name: str, folder: str = "") -> tuple[str, ...]:
    """Return the keys of the public sources report ``name`` (in kind folder ``folder``) reads."""
    kind = kinds.kind_of(folder, name, kinds.REGISTRY)
    return kind.public(name) if kind else ()


def fingerprint(notebook: Path, parameters: dict, inputs: list[Path],
                sha: Callable[[Path], str] | None = None) -> str:
    """Digest what a report is made from (see :class:`Job`).

    ``sha`` gives a file's SHA-256 (default :func:`~htmss_analysis.files.file_sha256`); a
    plan of hundreds of reports passes one that asks once per file.
    """
    import hashlib
    import json

    from .. import __version__
    from ..files import file_sha256

    sha = sha or file_sha256
    template = sorted((p.name, sha(p)) for p in (paths.templates() / TEMPLATE).iterdir())
    parts = {"notebook": sha(notebook), "parameters": parameters, "template": template,
             "inputs": sorted((p.name, sha(p)) for p in inputs),
             "version": __version__, "code": paths.code_digest("**/*.py")}
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


BRIEF_RULES = ("worked", "all")
"""The briefs a rule picks, from the data: where the section worked (the default), or all.

The notebooks take these words as they are (``brief_countries``) and work the
countries out alike.
"""


def plan(data_dir: Path | None, year: int, names: list[str], out_dir: Path,
         notebooks: Path | None = None, timeout: int = CELL_TIMEOUT,
         extra: dict | None = None, data_files: list[Path] | None = None,
         public: dict[str, str] | None = None, countries: list[str] | None = None,
         brief_rule: str = "chosen", langs: tuple[str, ...] = ("en",),
         regions: list[str] | None = None, region_rule: str = "chosen",
         subjects: dict[str, list[str]] | None = None) -> list[Job]:
    """List the jobs of a build.

    Parameters
    ----------
    data_dir : Path or None
        Data folder or workbook; ``None`` for the sample data.
    year : int
        Reporting year.
    names : list of str
        Reports of the language's own folder: programme codes and/or
        ``"highlights"`` (see :data:`htmss_analysis.report.kinds.REGISTRY`).
    out_dir : Path
        Root output folder; reports go to ``out_dir/<year>/``, and
        ``out_dir/index.html`` (:data:`HOME`) leads to all of them.
    notebooks : Path, optional
        Folder holding each kind's notebook (default: the package's, see
        :func:`htmss_analysis.paths.notebooks`).
    timeout : int
        Seconds a cell may run.
    extra : dict, optional
        Further notebook parameters (the public-sources config and paths).
    data_files : list of Path, optional
        The data files every report reads, for the fingerprints.
    public : dict, optional
        Public source key to path; each report's fingerprint covers those it reads.
    countries : list of str, optional
        ISO3 codes of the countries to brief: ``countries/<ISO3>.html`` each,
        and ``countries/index.html`` listing them. The other reports of the
        run link to these briefs.
    brief_rule : str
        How ``countries`` were chosen: ``"worked"`` (where the section worked
        in the year, the default set), ``"all"`` (every country with a
        figure) or ``"chosen"`` (codes); the notebooks work the first two out
        alike, and the index says which.
    langs : tuple of str
        The languages to write every report in: English reports go to
        ``out_dir/<year>/``, the others to ``out_dir/<year>/<lang>/``, each
        with its own folder of briefs.
    regions : list of str, optional
        M49 codes of the regions to brief: ``regions/<code>.html`` each, and
        ``regions/index.html`` listing them.
    region_rule : str
        How ``regions`` were chosen: ``"worked"`` (the default set: a build
        of it drops the briefs of regions no longer in it) or ``"chosen"``.
    subjects : dict, optional
        Further reports by kind key (any kind of the registry): the reports
        of that kind to build.

    Notes
    -----
    A report's links are to what the output folder holds once the build is
    done: the same report in every other language, built now or by an
    earlier build (and still there as it made it), and the briefs of its
    language's folder. So a build of one report in one language gives it the
    parameters, and the fingerprint, a build of everything gives it: a
    report up to date stays so, and no report loses its links to reports
    this build was not asked to make.
    """
    registry = kinds.REGISTRY
    notebooks = notebooks or paths.notebooks()
    data = paths.parameter(Path(data_dir).resolve()) if data_dir else ""
    langs = tuple(dict.fromkeys(langs))
    countries = list(countries or [])
    # What each kind fans out to in this build, and whether a rule chose it (a build of a
    # rule replaces the kind's earlier reports) or names did (added to them).
    wanted: dict[str, list[str]] = {key: [] for key in registry}
    ruled: set[str] = set()
    for name in names:
        kind = kinds.kind_of("", name, registry)
        if kind is None:
            raise ValueError(f"unknown report {name!r}")
        wanted[kind.key].append(name)
    for key, chosen, rule in ((kinds.BRIEFED, countries, brief_rule),
                              (kinds.REGIONAL, list(regions or []), region_rule)):
        wanted[key] += chosen
        if rule in BRIEF_RULES:
            ruled.add(key)
    for key, chosen in (subjects or {}).items():
        wanted[key] += list(chosen)
    for kind in registry.values():
        index = kinds.index_of(kind, registry)
        if index and (wanted[kind.key] or kind.key in ruled):
            if kind.key in ruled:
                ruled.add(index.key)
            if wanted[kind.key]:
                wanted[index.key] = [kinds.INDEX]
    folders = tuple(dict.fromkeys(k.folder for k in registry.values()))
    jobs = []
    known: dict[Path, str] = {}

    def sha(path: Path) -> str:
        """Each file's SHA-256, asked once for the whole plan (hundreds of jobs share them)."""
        if path not in known:
            from ..files import file_sha256

            known[path] = file_sha256(path)
        return known[path]

    def root(lang: str) -> Path:
        return out_dir / str(year) if lang == "en" else out_dir / str(year) / lang

    def within(lang: str, folder: str) -> Path:
        return root(lang) / folder if folder else root(lang)

    # What each folder holds once the build is done: the reports a build made there (and
    # there as it made them), and those this build makes; a build of a rule prunes the
    # reports the rule no longer picks.
    after: dict[tuple[str, str], set[str]] = {}
    recorded: dict[tuple[str, str], dict[str, dict]] = {}
    for lang in programmes.LANGUAGES:
        for folder in folders:
            here = within(lang, folder)
            recorded[lang, folder] = records.read(here)
            held = set(built(here, recorded[lang, folder]))
            if lang in langs:
                of_folder = kinds.in_folder(folder, registry)
                if any(k.key in ruled for k in of_folder):
                    held = {n for k in of_folder if k.key not in ruled for n in held
                            if k.is_name(n)}
                for kind in of_folder:
                    held |= {n for n in wanted[kind.key] if not records.foreign(
                        here, [f"{n}{suffix}" for suffix in records.SUFFIXES],
                        recorded[lang, folder])} if folder else set(wanted[kind.key])
            after[lang, folder] = held

    def listing(lang: str, kind: kinds.Kind) -> str:
        """Return what an index of ``kind`` lists once built: a rule's word, or names."""
        folder = kind.folder
        names_ = sorted(n for n in after[lang, folder] if kind.is_name(n))
        if kind.key != kinds.BRIEFED:
            return " ".join(names_)
        if brief_rule in BRIEF_RULES and countries:
            return brief_rule
        earlier = recorded[lang, folder].get(INDEX, {}).get("links", {}).get(folder, "")
        if earlier in BRIEF_RULES and not countries:
            return earlier  # nothing briefed now: what the index lists is unchanged
        if earlier in BRIEF_RULES and data_files and \
                set(recorded_briefs(out_dir, year, earlier, data_files) or ()) == set(names_):
            return earlier  # the briefs of a rule, one of them rebuilt: still the rule's
        return " ".join(names_)

    def add(name: str, nb: Path, params: dict, folder: Path, lang: str) -> None:
        # The report writes its workbook where it is told: its own folder, never the
        # kernel's working folder. Its links to itself in the other languages and to the
        # page of every report are relative: the folder can be moved or e-mailed whole.
        here = folder.relative_to(root(lang))
        sub = here.as_posix() if here.parts else ""
        others = " ".join(f"{other}={_relative(root(other) / here / f'{name}.html', folder)}"
                          for other in programmes.LANGUAGES
                          if other != lang and name in after[other, sub])
        params = {**params, "out_dir": paths.parameter(folder.resolve()),
                  **({"other_languages": others} if others else {}),
                  "home": _relative(out_dir / HOME, folder)}

        inputs = [*(data_files or []), *(p for k, p in public_paths.items()
                                          if k in public_inputs(name, sub))]
        jobs.append(Job(name, nb, params, folder, timeout, fingerprint(nb, params, inputs, sha),
                        tuple(inputs), tuple((p.name, sha(p)) for p in inputs), out_dir))

    public_paths = {k: Path(p) for k, p in (public or {}).items() if Path(p).is_file()}
    briefs_folder = registry[kinds.BRIEFED].folder

    for lang in langs:
        said = {} if lang == "en" else {"lang": lang}
        base = {"year": year, "data_dir": data}
        index = kinds.index_of(registry[kinds.BRIEFED], registry)
        listed = listing(lang, registry[kinds.BRIEFED]) \
            if index and INDEX in after[lang, index.folder] else ""
        for kind in registry.values():
            folder = within(lang, kind.folder)
            for name in wanted[kind.key]:
                params = dict(base)
                if not kind.lists:
                    params.update(extra or {})
                if kind.subject:
                    params[kind.subject] = name
                if kind.lists:
                    params[registry[kind.lists].folder] = listing(lang, registry[kind.lists])
                if kind.links_briefs and listed:
                    params.update({"briefs": _relative(within(lang, briefs_folder), folder),
                                   "brief_countries": listed})
                add(name, notebooks / kind.notebook, {**params, **said}, folder, lang)
    return jobs


LINK_PARAMETERS = ("other_languages", "home", "briefs", "brief_countries",
                   *dict.fromkeys(kinds.REGISTRY[k.lists].folder
                                  for k in kinds.REGISTRY.values() if k.lists))
"""The parameters of a report that link it to others, recorded in its manifest entry."""


BRIEFS = ".htmss-briefs.json"
"""The file, in a year's folder, recording which countries a rule picked from which data."""


def _briefs_key(year: int, rule: str, data_files: list[Path]) -> str:
    """Digest what decides the countries a rule picks: the data's bytes and the package's code."""
    import hashlib
    import json

    from .. import __version__
    from ..files import file_sha256

    parts = [year, rule, sorted((p.name, file_sha256(p)) for p in data_files), __version__,
             paths.code_digest("**/*.py")]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def recorded_briefs(out_dir: Path, year: int, rule: str, data_files: list[Path]
                    ) -> list[str] | None:
    """Return the countries ``rule`` picked when a build last read these very data files.

    ``None`` when no build recorded them (or the data or the package changed
    since): the data must then be read, validated, to know. A rebuild with
    nothing changed so reads no table at all.
    """
    entry = _briefs_record(out_dir / str(year)).get(rule, {})
    if entry.get("key") == _briefs_key(year, rule, data_files):
        return list(entry["names"])
    return None


def _briefs_record(folder: Path) -> dict[str, dict]:
    """Read the briefs record of a year's folder, keeping only entries that hold up.

    The record is the output folder's, so anyone's: a rule the build does not
    know, a key that is not a digest, or a "country" that is not the ISO3
    code of a country known (a path, say) voids its entry, and the data is
    read again instead.
    """
    return {rule: entry for rule, entry in records.read_record(folder / BRIEFS).items()
            if rule in BRIEF_RULES and isinstance(entry, dict)
            and isinstance(entry.get("key"), str) and records.is_digest(entry["key"])
            and isinstance(entry.get("names"), list)
            and all(records.is_brief_name(c) for c in entry["names"])}


def record_briefs(out_dir: Path, year: int, rule: str, data_files: list[Path],
                  countries: list[str]) -> None:
    """Record the countries ``rule`` picked from these data files (:func:`recorded_briefs`)."""
    import json

    folder = out_dir / str(year)
    record = _briefs_record(folder)
    record[rule] = {"key": _briefs_key(year, rule, data_files), "names": list(countries)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(folder / BRIEFS, json.dumps(record, indent=1, sort_keys=True).encode())
    except OSError:
        pass  # only a shortcut for the next build: it will read the data instead


HOME = "index.html"
"""The page, in the output folder, that leads to every report built (:func:`write_home`)."""


def _relative(target: Path, folder: Path) -> str:
    """Return the address of ``target`` from a page in ``folder``, with forward slashes."""
    return Path(os.path.relpath(target, folder)).as_posix()


def built(folder: Path, manifest: dict[str, dict] | None = None) -> list[str]:
    """Return the reports a build made in ``folder`` and that are there as it made them.

    Read from the folder's manifest (never from file names: an analyst's
    ``FAQ.html`` is no report), each with its page there, its bytes those
    recorded.
    """
    manifest = records.read(folder) if manifest is None else manifest
    return sorted(name for name, entry in manifest.items()
                  if f"{name}.html" in entry["outputs"]
                  and records.state(folder / f"{name}.html",
                                    entry["outputs"][f"{name}.html"]) == "ours")


def briefs_in(folder: Path) -> list[str]:
    """Return the ISO3 codes of the country briefs a build made in ``folder``."""
    return [name for name in built(folder) if records.is_brief_name(name)]


def prune_briefs(jobs: list[Job], folders: tuple[str, ...] | None = None
                 ) -> tuple[list[Path], list[Path]]:
    """Delete the briefs an earlier build made of subjects no longer briefed.

    For a build of a rule (``worked`` or ``all``), in each kind folder of
    ``folders`` an index is built to: a country (or region) the rule no
    longer picks keeps no brief (the index would not list it). A file is
    deleted only when the manifest records it and its bytes are still those
    recorded; a file changed since (an annotated workbook), or a link, is
    kept. Returns the files deleted and those kept.
    """
    folders = (kinds.REGISTRY[kinds.BRIEFED].folder,) if folders is None else folders
    gone, kept = [], []
    for folder in sorted({j.out_dir for j in jobs if j.name == INDEX
                          and records.kind_folder(j.out_dir) in folders}):
        keep = {j.name for j in jobs if j.out_dir == folder}
        manifest = records.read(folder)
        kind = records.kind_folder(folder)
        stale = sorted(name for name in manifest
                       if name not in keep and records.is_brief_name(name, kind))
        for name in stale:
            for file, digest in sorted(manifest[name]["outputs"].items()):
                path = folder / file
                state = records.state(path, digest)
                if state == "ours":
                    path.unlink()
                    gone.append(path)
                elif state == "foreign":
                    kept.append(path)
            manifest.pop(name)
        if stale:
            records.write(folder, manifest)
    return gone, kept


def _entry(job: Job, ok: bool = True) -> dict:
    """Return the manifest entry of a report just run: fingerprint and outputs' digests.

    A failed report is recorded too, without a fingerprint (so never current):
    its executed notebook is the build's, to be replaced by the next run.
    """
    from ..files import file_sha256

    files = job.outputs if ok else (job.executed,)
    return {"fingerprint": job.fingerprint if ok else "", "built": build_day(),
            "links": {k: str(v) for k, v in job.parameters.items() if k in LINK_PARAMETERS},
            "outputs": {p.name: file_sha256(p) for p in files
                        if p.is_file() and not p.is_symlink()}}


def build_day() -> str:
    """Return the day a report is built (``2026-12-01``, UTC), for the page of every report.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it.
    """
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.date().isoformat()


def up_to_date(jobs: list[Job]) -> list[Job]:
    """Return the jobs whose report is current: nothing to build again.

    A report is current when the manifest beside it records its fingerprint
    (so it was made from these very inputs, notebook, parameters, template
    and package version) and the digest of each of its outputs (HTML,
    executed notebook, workbook), and each output is there with those very
    bytes. The manifest entry is written last, after every output is in
    place, and removed before a report is built again: a run that was killed,
    failed or wrote only part of its files leaves nothing a later build trusts.
    """
    manifests: dict[Path, dict[str, dict]] = {}
    out = []
    for job in jobs:
        if job.out_dir not in manifests:
            manifests[job.out_dir] = records.read(job.out_dir)
        entry = manifests[job.out_dir].get(job.name, {})
        outputs = entry.get("outputs")
        if not job.fingerprint or entry.get("fingerprint") != job.fingerprint or \
                not isinstance(outputs, dict):
            continue
        if job.html.name not in outputs or job.executed.name not in outputs:
            continue
        if all(records.state(job.out_dir / name, digest) == "ours"
               for name, digest in outputs.items()):
            out.append(job)
    return out


def _forget(jobs: list[Job]) -> None:
    """Mark the reports about to be built as not current (see :func:`up_to_date`).

    Their entries lose their fingerprint but keep the digests of the files
    an earlier build made: a build killed before it replaced them leaves
    files the next build still knows as its own.
    """
    folders: dict[Path, list[str]] = {}
    for job in jobs:
        folders.setdefault(job.out_dir, []).append(job.name)
    for folder, names in folders.items():
        manifest = records.read(folder)
        if any(manifest.get(n, {}).get("fingerprint") for n in names):
            for n in names:
                if n in manifest:
                    manifest[n]["fingerprint"] = ""
            records.write(folder, manifest)


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
        from ..files import file_sha256

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


def catalogue(out_dir: Path) -> list:
    """Return the reports built under ``out_dir``, as the manifests beside them record them.

    Every year folder, every language's folder in it, and their briefs: a
    report is listed when its manifest entry holds up (see
    :func:`htmss_analysis.build.manifest.read`) and its page is there with
    the bytes recorded. Returns :class:`htmss_analysis.report.home.Entry`-shaped dicts.
    """
    rows = []
    registry = kinds.REGISTRY
    folders = tuple(dict.fromkeys(k.folder for k in registry.values()))
    for year_dir in sorted(p for p in out_dir.glob("[0-9][0-9][0-9][0-9]")
                           if p.is_dir() and not p.is_symlink()):
        for lang in programmes.LANGUAGES:
            root = year_dir if lang == "en" else year_dir / lang
            for folder in folders:
                where = root / folder if folder else root
                if where.is_symlink():
                    continue
                manifest = records.read(where)
                names = built(where, manifest)
                for name in names:
                    kind = kinds.kind_of(folder, name, registry)
                    if kind is None or not kind.home:
                        continue
                    entry, book = manifest[name], f"{name}.xlsx"
                    lists = registry.get(kind.lists)
                    rows.append({
                        "year": int(year_dir.name), "lang": lang, "kind": kind.key,
                        "name": name, "html": _relative(where / f"{name}.html", out_dir),
                        "workbook": _relative(where / book, out_dir)
                        if records.state(where / book, entry["outputs"].get(book)) == "ours"
                        else "",
                        "built": entry["built"], "fingerprint": entry["fingerprint"],
                        "briefs": sum(1 for n in names if lists and lists.is_name(n))})
    return rows


HOME_RECORD = ".htmss-home.json"
"""The record, beside :data:`HOME`, of the page the build last wrote (its rows and bytes)."""


def write_home(out_dir: Path) -> tuple[Path, bool]:
    """Write ``out_dir/index.html``, the page leading to every report there; say if it changed.

    Rebuilt from the manifests after every build, so a report added or
    removed shows up; the same reports give the same bytes, and a page
    already current is not rewritten (nor is pandas imported to find out).

    Raises
    ------
    NotOurs
        When ``index.html`` is there and is not the page a build wrote (an
        analyst's own, a link): it is left as it is.
    """
    import hashlib
    import json

    page = out_dir / HOME
    rows = catalogue(out_dir)
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
    known = records.read_record(out_dir / HOME_RECORD)
    state = records.state(page, known.get("page") if records.is_digest(known.get("page"))
                          else None)
    if state == "foreign":
        raise NotOurs(Refusal(page))
    if state == "ours" and known.get("rows") == digest:
        return page, False
    import nbformat

    from ..report.home import Entry, home_page

    shown = home_page([Entry(**row) for row in rows])
    data, meta = shown._repr_mimebundle_()
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data=data, metadata=meta)]))
    body, _ = _exporter().from_notebook_node(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = body.encode("utf-8")
    # The record first: a build stopped between the two leaves a page it still knows.
    write_file(out_dir / HOME_RECORD, json.dumps(
        {"rows": digest, "page": hashlib.sha256(data).hexdigest()}).encode("utf-8"))
    write_file(page, data)
    return page, True


class NotOurs(Exception):
    """A file the build would write is there, and is not one it made (see :class:`Refusal`)."""


class BuildInterrupted(Exception):
    """The build was interrupted; ``outcomes`` says what became of every report."""

    def __init__(self, outcomes: list[Outcome]):
        super().__init__("interrupted")
        self.outcomes = outcomes


class BuildLocked(Exception):
    """Another build is writing to the same output folder."""


class SchedulerUnreachable(Exception):
    """The Dask scheduler given to :func:`build_on_cluster` could not be reached."""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on an output folder for the length of a build.

    Two builds into one folder would interleave their files and logs; the
    second is refused with :class:`BuildLocked` instead. The lock is the
    operating system's (released when the process ends, however it ends).
    """
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".htmss-build.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link: the lock is never taken through one
            raise NotOurs(Refusal(path)) from None
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:  # a device, a hard link to elsewhere
        os.close(fd)
        raise NotOurs(Refusal(path))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise BuildLocked(f"another build (process {holder or '?'}) is writing to "
                              f"{folder}; wait for it to end, or build into another --out"
                              ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)


def _watch_parent(parent: int) -> None:
    # A build killed outright (SIGKILL) cannot stop its workers: each one stops itself
    # when its parent is gone, rather than write reports after the build has ended.
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(0.5)


def _worker(conn, parent: int) -> None:
    """Build the reports the parent sends, one after the other, until told to stop.

    The imports and the template are paid for once per worker, not once per
    report. Each report's notebook runs in a kernel of its own, started (and
    its imports done) ahead: while the worker waits for the data to be
    validated, and then while it builds the report before (so a fan-out of
    many small reports, such as country briefs, does not wait for a kernel
    to start and import pandas each time).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build itself handles Ctrl-C
    # The report kernels it starts share one validated dataset, and what the metrics work
    # out for every country, from one report to the next (they only read it).
    from ..cache import SHARED_ENV

    os.environ[SHARED_ENV] = "1"
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    # papermill (with nbclient and jupyter_client) is imported before the kernel's thread
    # starts: two threads importing jupyter_client at once can meet a half-initialised
    # module ("cannot import name 'AsyncKernelManager' ... circular import").
    import papermill  # noqa: F401

    _kernel_manager_class()
    ahead = _Ahead()
    warm_up()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            ahead.discard()
            return
        if message is None:
            ahead.discard()
            return
        used = ahead.used
        kernel = ahead.take()
        outcome = run_job(message, lambda n, total, text: conn.send(("cell", n, total, text)),
                          kernel=kernel, keep=True, used=used)
        conn.send(("done", outcome))
        # The kernel of a report that ran serves the next (reset as it starts, imports
        # kept); any other is stopped and a new one started while the worker waits.
        if kernel is not None and outcome.ok and _reusable(kernel):
            ahead = _Ahead(kernel)
        else:
            if kernel is not None and not outcome.ok:
                _stop_kernel(kernel)
            ahead = _Ahead()


class _Ahead:
    """The kernel a worker starts ahead of its next report, in a thread of its own.

    Given a kernel (one that ran a report: ``used``), it holds that one instead.
    """

    def __init__(self, kernel=None):
        self.used = kernel is not None
        self._result: list = []
        if kernel is not None:
            self._result.append(kernel)
            self._thread: threading.Thread | None = None
            self._given = True
            return
        self._given = False

        def run() -> None:
            try:
                self._result.append(start_kernel())
            except Exception:  # noqa: BLE001 - the report will start its own kernel
                pass

        self._thread: threading.Thread | None = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def take(self):
        """Return the kernel started ahead, once; then None (reports start their own)."""
        if self._given:
            self._given = False
            return self._result.pop() if self._result else None
        if self._thread is None:
            return None
        self._thread.join()
        self._thread = None
        return self._result[0] if self._result else None

    def discard(self) -> None:
        kernel = self.take()
        if kernel is not None:
            _stop_kernel(kernel)


def _lost(job: Job, start: float, exitcode: int | None) -> Outcome:
    why = {-9: " (killed: out of memory?)", -15: " (terminated)"}.get(exitcode or 0, "")
    return _failed(job, start, f"the worker building it stopped, exit code {exitcode}{why}")


class Workers:
    """Worker processes that drive report notebooks, started ahead of the first report.

    Start them (``with Workers(2) as pool:``) before validating the data: they
    import papermill and nbconvert and compile the template meanwhile. A
    worker that dies fails the report it was building only; a fresh one takes
    its place for the reports still to build.
    """

    def __init__(self, count: int = 2):
        self.count = max(1, count)
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[tuple] = []

    def __enter__(self) -> Workers:
        for _ in range(self.count):
            self._idle.append(self._spawn())
        return self

    def __exit__(self, exc_type, *exc) -> None:
        # Leaving on an error (bad data found while the workers warmed up): they are not
        # waited for, so the message is not kept waiting behind their imports.
        if exc_type is not None:
            self.abandon()
        else:
            self.close()

    def _spawn(self) -> tuple:
        conn, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_worker, args=(child, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return proc, conn

    def abandon(self) -> None:
        """Stop workers never given a report at once, without waiting for them to warm up.

        Their report kernels end with them (a kernel stops when its parent does).
        """
        for proc, conn in self._idle:
            proc.terminate()
            conn.close()
        for proc, _ in self._idle:
            proc.join(timeout=5)
        self._idle = []

    def close(self) -> None:
        """Stop the idle workers (a busy one is stopped by :meth:`run`)."""
        for _, conn in self._idle:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc, _ in self._idle:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        self._idle = []

    def run(self, pending: list[Job], finish: Callable[[Outcome], None],
            on_cell: Callable[[Job, int, int, str], None] | None = None) -> None:
        """Build ``pending`` on the workers, calling ``finish(outcome)`` as each ends.

        Raises
        ------
        KeyboardInterrupt
            After stopping every busy worker; the outcomes of the reports not
            finished are recorded first as failed ("interrupted", "not started").
        """
        pending = list(pending)
        busy: dict[object, tuple] = {}
        try:
            while pending or busy:
                while pending and self._idle:
                    proc, conn = self._idle.pop()
                    if not proc.is_alive():
                        proc, conn = self._spawn()
                    job = pending.pop(0)
                    conn.send(job)
                    busy[conn] = (proc, job, time.monotonic())
                wait([*busy, *(p.sentinel for p, _, _ in busy.values())], timeout=1)
                for conn in list(busy):
                    proc, job, start = busy[conn]
                    outcome, closed = None, False
                    while conn.poll():
                        try:
                            message = conn.recv()
                        except (EOFError, OSError):
                            closed = True
                            break
                        if message[0] == "cell":
                            if on_cell:
                                on_cell(job, *message[1:])
                        else:
                            outcome = message[1]
                            break
                    if outcome is None and not closed and proc.is_alive():
                        continue
                    del busy[conn]
                    if outcome is not None:
                        self._idle.append((proc, conn))
                    else:
                        proc.join(timeout=30)
                        conn.close()
                        if pending:
                            self._idle.append(self._spawn())
                    finish(outcome or _lost(job, start, proc.exitcode))
        except KeyboardInterrupt:
            for proc, _, _ in busy.values():
                proc.terminate()
            for proc, job, start in busy.values():
                proc.join(timeout=10)
                if proc.is_alive():
                    proc.kill()
                finish(_failed(job, start, "interrupted"))
            for job in pending:
                finish(Outcome(job, False, 0.0, "not started: interrupted"))
            raise


def build(jobs: list[Job], workers: int | Workers = 2,
          on_done: Callable[[Outcome, int, int], None] | None = None,
          force: bool = False,
          on_cell: Callable[[Job, int, int, str], None] | None = None) -> list[Outcome]:
    """Run ``jobs`` with up to ``workers`` in parallel; return their outcomes in job order.

    Each report's notebook runs in a kernel of its own, driven by one of
    ``workers`` worker processes (a number, or :class:`Workers` already
    started). ``on_done(outcome, n, total)`` is called as each job ends, and
    ``on_cell(job, number, total, text)`` as each of its cells starts, for
    progress. A report up to date (see :func:`up_to_date`) is not built
    again, nor rewritten, unless ``force``.

    Raises
    ------
    BuildInterrupted
        On Ctrl-C (or SIGTERM): every worker is stopped at once, and the
        exception carries the outcome of every report, finished or not.
    """
    outcomes: list[Outcome] = []
    finish, pending = _start(jobs, outcomes, on_done, force)
    if not pending:
        return _in_order(jobs, outcomes)
    pool = workers if isinstance(workers, Workers) else Workers(min(workers, len(pending)))
    try:
        # A pool the caller started is the caller's to close.
        with pool if pool is not workers else contextlib.nullcontext(pool):
            pool.run(pending, finish, on_cell)
    except KeyboardInterrupt:
        raise BuildInterrupted(_in_order(jobs, outcomes)) from None
    return _in_order(jobs, outcomes)


def _start(jobs: list[Job], outcomes: list[Outcome],
           on_done: Callable[[Outcome, int, int], None] | None, force: bool):
    """Record the reports already up to date; return the recorder and the jobs to run."""
    current = [] if force else up_to_date(jobs)

    def finish(outcome: Outcome) -> None:
        if not outcome.skipped and not outcome.refused:
            outcome = verified(outcome)
            try:
                # A failed report is recorded too (no fingerprint): its notebook is the
                # build's own, for the next run to replace.
                manifest = records.read(outcome.job.out_dir)
                entry = _entry(outcome.job, outcome.ok)
                if entry["outputs"]:
                    manifest[outcome.job.name] = entry
                    records.write(outcome.job.out_dir, manifest)
                elif manifest.pop(outcome.job.name, None) is not None:
                    records.write(outcome.job.out_dir, manifest)
            except OSError as exc:  # a full disk: the report cannot be called current
                if outcome.ok:
                    outcome = _failed(outcome.job, time.monotonic() - outcome.seconds,
                                      f"cannot record it in {MANIFEST} "
                                      f"({exc.strerror or exc}): build again")
        outcomes.append(outcome)
        if on_done:
            on_done(outcome, len(outcomes), len(jobs))

    for job in current:
        finish(Outcome(job, True, 0.0, skipped=True))
    pending = []
    for job in (job for job in jobs if job not in current):
        refusal = in_the_way(job)
        if refusal is None:
            pending.append(job)
        else:
            finish(Outcome(job, False, 0.0, str(refusal), refused=True))
    _forget(pending)
    return finish, pending


def in_the_way(job: Job) -> Refusal | None:
    """Return what stops ``job`` from writing its files, if anything.

    A link on the way to its folder, or at any of its output paths, or a
    file there that the manifest does not record as the build's with those
    very bytes (an analyst's own ``BRA.html``, a workbook annotated since):
    the build replaces none of them.
    """
    if job.root is not None:
        links = records.linked_folders(job.root, job.out_dir)
        if links:
            return Refusal(links[0])
    manifest = records.read(job.out_dir)
    foreign = records.foreign(job.out_dir, [p.name for p in job.outputs], manifest)
    return Refusal(foreign[0]) if foreign else None


def build_on_cluster(jobs: list[Job], scheduler: str,
                     on_done: Callable[[Outcome, int, int], None] | None = None,
                     force: bool = False, connect_timeout: float = 30) -> list[Outcome]:
    """Run ``jobs`` on an existing Dask distributed cluster; same outputs as :func:`build`.

    Parameters
    ----------
    jobs : list of Job
        The reports to build (:func:`plan`).
    scheduler : str
        The scheduler's address (``tcp://host:8786``). Its workers run this
        package in an environment like this one and see the output folder
        (the same machine, or a shared file system).
    on_done : callable, optional
        ``on_done(outcome, n, total)`` as each report ends.
    force : bool
        Rebuild reports that are up to date.
    connect_timeout : float
        Seconds to wait for the scheduler to answer.

    Raises
    ------
    BuildInterrupted
        On Ctrl-C: the reports not finished are cancelled on the cluster.
    OSError
        When the scheduler cannot be reached.
    """
    from distributed import Client, as_completed

    outcomes: list[Outcome] = []
    finish, pending = _start(jobs, outcomes, on_done, force)
    if not pending:
        return _in_order(jobs, outcomes)
    try:
        client = Client(scheduler, timeout=f"{connect_timeout}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(str(exc) or type(exc).__name__) from None
    with client:
        futures = {client.submit(run_job, job, pure=False,
                                 key=f"htmss-{job.lang}-{job.name}-{uuid.uuid4().hex}"): job
                   for job in pending}
        start = time.monotonic()
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    finish(future.result())
                except Exception as exc:  # noqa: BLE001 - a lost worker fails its report only
                    finish(_failed(job, start, f"on the cluster: {type(exc).__name__}: "
                                               f"{str(exc)[:120]}"))
        except KeyboardInterrupt:
            client.cancel(list(futures))
            done = {o.job.html for o in outcomes}
            outcomes += [_failed(j, start, "interrupted") for j in pending if j.html not in done]
            raise BuildInterrupted(_in_order(jobs, outcomes)) from None
    return _in_order(jobs, outcomes)


def _in_order(jobs: list[Job], outcomes: list[Outcome]) -> list[Outcome]:
    order = {job.html: i for i, job in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.job.html])

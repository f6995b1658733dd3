"""Running the jobs: a pool of local worker processes (warm kernels), or a Dask cluster.

A failed report does not stop the others; the folder is locked while a build
runs; Ctrl-C stops the build, keeping what is done.
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import signal
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from pathlib import Path

from . import manifest as records
from .home import NotOurs
from .jobs import Job, Outcome, _failed
from .kernels import (
    _kernel_manager_class,
    _reusable,
    _stop_kernel,
    run_job,
    start_kernel,
    verified,
    warm_up,
)
from .manifest import MANIFEST, Refusal, _entry, _forget, up_to_date


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
    from ..data.cache import SHARED_ENV

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

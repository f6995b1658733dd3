"""Build the HTML reports: run the parameterised notebooks with papermill, export with nbconvert.

One report per programme (``reports/<year>/<programme>.html``), the section's
highlights (``reports/<year>/highlights.html``), the briefs of countries and
regions with their indexes, each beside the executed notebook it came from:
every kind of report as :data:`htmss_analysis.kinds.REGISTRY` declares it.
Reports run in parallel; a failed report does not stop the others. This layer
plans, runs and exports, and prints nothing: the command line
(:mod:`htmss_analysis.cli`) reports progress and outcomes.

Rooms: :mod:`.jobs` (a job, its outcome, its fingerprint), :mod:`.plan` (which
reports, with which parameters and links), :mod:`.kernels` (running one report
and exporting it), :mod:`.pool` (running many: local workers or Dask),
:mod:`.manifest` (what the output folder records, read as untrusted input),
:mod:`.home` (the page of every report).
"""

from __future__ import annotations

from .home import HOME, HOME_RECORD, NotOurs, catalogue, write_home
from .jobs import CELL_TIMEOUT, TEMPLATE, Job, Outcome, fingerprint
from .kernels import (
    PRELOAD,
    _exporter,
    _kernel_manager_class,
    export_html,
    inputs_read,
    run_job,
    start_kernel,
    untranslated,
    verified,
    warm_up,
)
from .manifest import (
    INDEX,
    LINK_PARAMETERS,
    MANIFEST,
    Refusal,
    briefs_in,
    build_day,
    built,
    prune_briefs,
    up_to_date,
)
from .plan import BRIEF_RULES, BRIEFS, plan, public_inputs, record_briefs, recorded_briefs
from .pool import (
    BuildInterrupted,
    BuildLocked,
    SchedulerUnreachable,
    Workers,
    _start,
    build,
    build_on_cluster,
    in_the_way,
    locked,
)

__all__ = ["BRIEFS", "BRIEF_RULES", "CELL_TIMEOUT", "HOME", "HOME_RECORD", "INDEX",
           "LINK_PARAMETERS", "MANIFEST", "PRELOAD", "TEMPLATE", "BuildInterrupted",
           "BuildLocked", "Job", "NotOurs", "Outcome", "Refusal", "SchedulerUnreachable",
           "Workers", "_exporter", "_kernel_manager_class", "_start", "briefs_in", "build",
           "build_day", "build_on_cluster", "built", "catalogue", "export_html", "fingerprint",
           "in_the_way", "inputs_read", "locked", "plan", "prune_briefs", "public_inputs",
           "record_briefs", "recorded_briefs", "run_job", "start_kernel", "untranslated",
           "up_to_date", "verified", "warm_up", "write_home"]

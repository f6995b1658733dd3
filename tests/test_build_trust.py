"""A build never calls a report up to date that was not made, whole, from the inputs as they are.

The unit tests fake a job's files; the slow tests kill a real build (SIGKILL) and
change an input while a real build runs, then check that the next build rebuilds.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import build_cli
from htmss_analysis import build as builder
from htmss_analysis import paths
from htmss_analysis.io.files import file_sha256

SCRIPT = Path(sys.executable).with_name("htmss-analysis")


def fake_job(tmp_path: Path, inputs: list[Path]) -> builder.Job:
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text("{}")
    fp = builder.fingerprint(notebook, {"year": 2018}, inputs)
    return builder.Job("GLOT59", notebook, {"year": 2018}, tmp_path / "out", 60, fp,
                       tuple(inputs), tuple((p.name, file_sha256(p)) for p in inputs))


def planned(tmp_path: Path) -> tuple[builder.Job, Path]:
    """Return a job planned with one small input file, and that file."""
    data = tmp_path / "activities.csv"
    data.write_text("a\n1\n")
    return fake_job(tmp_path, [data]), data


def executed(job: builder.Job, read: list[tuple[str, str]]) -> None:
    """Write the job's three outputs, the notebook recording the inputs its run read."""
    job.out_dir.mkdir(parents=True, exist_ok=True)
    nb = {"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data", "data": {"text/html": "<p>wb</p>"},
         "metadata": {"htmss": {"inputs": [list(p) for p in read]}}}]}]}
    job.executed.write_text(json.dumps(nb))
    job.html.write_text("<html>report</html>")
    job.workbook.write_bytes(b"PK workbook")


def finished(job: builder.Job) -> builder.Outcome:
    """Start a build of ``job``, let its run leave the outputs written, and finish it."""
    outcomes: list[builder.Outcome] = []
    # The run writes its outputs after the build found nothing in their way.
    written = {p: p.read_bytes() for p in job.outputs if p.exists()}
    for p in written:
        p.unlink()
    finish, pending = builder._start([job], outcomes, None, force=True)
    assert pending == [job]
    for p, data in written.items():
        p.write_bytes(data)
    finish(builder.Outcome(job, True, 1.0))
    return outcomes[0]


def test_a_report_made_whole_from_its_inputs_is_current(tmp_path):
    job, data = planned(tmp_path)
    executed(job, [("activities.csv", file_sha256(data))])
    assert finished(job).ok
    assert builder.up_to_date([job]) == [job]


@pytest.mark.parametrize("damage", ["truncated html", "no workbook", "notebook rewritten",
                                    "old manifest"])
def test_a_report_with_an_output_missing_or_altered_is_built_again(tmp_path, damage):
    job, data = planned(tmp_path)
    executed(job, [("activities.csv", file_sha256(data))])
    assert finished(job).ok
    if damage == "truncated html":
        job.html.write_text("<html>rep")
    elif damage == "no workbook":
        job.workbook.unlink()
    elif damage == "notebook rewritten":  # what a killed run leaves: cells not yet run
        job.executed.write_text(json.dumps({"cells": []}))
    else:  # a manifest from before this version: a fingerprint only
        (job.out_dir / builder.MANIFEST).write_text(json.dumps({"GLOT59": job.fingerprint}))
    assert builder.up_to_date([job]) == []


def test_the_entry_of_a_report_is_removed_before_it_is_built_again(tmp_path):
    job, data = planned(tmp_path)
    executed(job, [("activities.csv", file_sha256(data))])
    assert finished(job).ok
    builder._start([job], [], None, force=True)  # a build starts, then is killed
    assert builder.up_to_date([job]) == []


def test_a_report_whose_run_read_other_bytes_is_failed_not_recorded(tmp_path):
    job, data = planned(tmp_path)
    # The run read a replaced file (put back since): the notebook says which bytes it read.
    executed(job, [("activities.csv", "0" * 64)])
    outcome = finished(job)
    assert not outcome.ok
    assert outcome.error == ("an input changed while the report was built (activities.csv): "
                             "build again")
    assert not job.html.exists() and builder.up_to_date([job]) == []


def test_a_report_whose_input_changed_after_its_run_is_failed(tmp_path):
    job, data = planned(tmp_path)
    executed(job, [("activities.csv", file_sha256(data))])
    data.write_text("a\n2\n")  # changed after the report read it, not put back
    outcome = finished(job)
    assert not outcome.ok and "activities.csv" in outcome.error


def test_a_run_that_wrote_no_workbook_is_failed(tmp_path):
    job, data = planned(tmp_path)
    executed(job, [("activities.csv", file_sha256(data))])
    job.workbook.unlink()
    outcome = finished(job)
    assert not outcome.ok and outcome.error == "the run did not write GLOT59.xlsx"


# --- real builds: killed, and fed a file that changes under them --------------------------


def _start_build(out: Path, data: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([str(SCRIPT), "build", "--programme", "GLOT59", "--out", str(out),
                             "--data", str(data), "--config", "none", "--jobs", "1", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def _wait_for(proc: subprocess.Popen, text: str, limit: float = 300) -> list[str]:
    lines, end = [], time.monotonic() + limit
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if text in line:
            return lines
    raise AssertionError(f"never printed {text!r}: {''.join(lines)}")


def _build(out: Path, data: Path) -> subprocess.CompletedProcess:
    return build_cli("--programme", "GLOT59", "--out", str(out), "--data", str(data),
                     "--config", "none", "--jobs", "1")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(paths.sample_data(), tmp_path / "data"))


@pytest.mark.slow
def test_a_build_killed_mid_run_leaves_nothing_a_later_build_trusts(tmp_path, sample_copy):
    out = tmp_path / "reports"
    assert _build(out, sample_copy).returncode == 0
    proc = _start_build(out, sample_copy, "--force")
    _wait_for(proc, "started GLOT59")
    time.sleep(1)  # a few cells run (the report takes about 6 s): half written
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    again = _build(out, sample_copy)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "ok      GLOT59" in again.stdout and "up to date" not in again.stdout


@pytest.mark.slow
def test_an_input_changed_during_a_build_and_put_back_is_built_again(tmp_path, sample_copy):
    out = tmp_path / "reports"
    traffic = sample_copy / "web_traffic.csv"
    original = traffic.read_bytes()
    header, *rows = original.decode("utf-8").splitlines()
    # Page views ten times over, as a wrong file swapped in for a moment would give.
    cols = header.split(",")
    at = cols.index("page_views")
    wrong = [header] + [",".join(c + "0" if i == at else c for i, c in enumerate(r.split(",")))
                        for r in rows]
    proc = _start_build(out, sample_copy)
    _wait_for(proc, "building 1 of 1")  # the data was validated; the report has not read it
    traffic.write_text("\n".join(wrong) + "\n", encoding="utf-8")
    rest = proc.communicate(timeout=900)[0]
    traffic.write_bytes(original)  # put back: the fingerprint is the planned one again
    assert proc.returncode == 1, rest
    assert "an input changed while the report was built (web_traffic.csv): build again" in rest
    again = _build(out, sample_copy)
    assert again.returncode == 0 and "ok      GLOT59" in again.stdout, again.stdout
    assert _build(out, sample_copy).stdout.count("up to date GLOT59") == 1


@pytest.mark.slow
def test_a_full_disk_fails_the_report_with_its_cause_and_leaves_no_debris(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(small)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a small file system to fill needs mount (root in a machine that allows it)")
    try:
        proc = subprocess.run([str(SCRIPT), "build", "--programme", "GLOT59", "--out",
                               str(small), "--config", "none", "--jobs", "1"],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        assert "0 built, 1 failed" in proc.stdout and "No space left on device" in proc.stdout
        assert "Traceback" not in proc.stdout + proc.stderr
        left = sorted(p.name for p in (small / "2018").iterdir())
        assert left == [".htmss-build.lock"]  # no temporary file, no half-written notebook
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


def test_a_notebook_of_ones_own_that_writes_no_workbook_owes_none(tmp_path):
    job, data = planned(tmp_path)
    executed(job, [])  # records nothing: not the package's notebook
    job.workbook.unlink()
    assert finished(job).ok
    assert builder.up_to_date([job]) == [job]

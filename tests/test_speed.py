"""Fast builds: the validated dataset is cached and shared; unchanged reports are skipped."""

import pandas as pd
import pytest

import htmss_analysis as h
from conftest import write_csv, write_folder
from htmss_analysis.data import load as loaders


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("HTMSS_CACHE_DIR", str(folder))
    return folder


def test_a_second_load_reads_the_validated_tables_from_the_cache(tmp_path, own_cache,
                                                                  monkeypatch):
    folder = write_folder(tmp_path / "d")
    first = h.load(folder)
    assert len(list(own_cache.glob("dataset-*.json"))) == 1

    def parse_again(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(loaders, "read_raw", parse_again)
    again = h.load(folder)
    for name in first.tables:
        pd.testing.assert_frame_equal(again.tables[name], first.tables[name])
    assert again.warnings == first.warnings and again.absent == first.absent
    assert h.compute(again, 2018) == h.compute(first, 2018)
    # The cached tuples stay tuples: a joint activity still counts for each programme.
    assert again.activities.loc[3, "programme"] == ("GLOT59", "GLOT92")


def test_a_changed_file_is_validated_again(tmp_path, own_cache):
    folder = write_folder(tmp_path / "d")
    assert h.compute(h.load(folder), 2018)["page_views"] == 3500
    write_csv(folder / "web_traffic.csv", [["site", "month", "page_views"],
                                           ["UNODC/HTMSS", "2018-01", "7"]])
    assert h.compute(h.load(folder), 2018)["page_views"] == 7
    assert len(list(own_cache.glob("dataset-*.json"))) == 2


def test_a_damaged_dataset_entry_is_a_miss(tmp_path, own_cache):
    folder = write_folder(tmp_path / "d")
    h.load(folder)
    (entry,) = own_cache.glob("dataset-*.json")
    entry.write_text('{"format": 1, "tables": {"activities": {"columns": {}}}}',
                     encoding="utf-8")
    assert h.compute(h.load(folder), 2018)["technical_cooperation_activities"] == 5


def test_a_tampered_table_file_is_a_miss(tmp_path, own_cache):
    folder = write_folder(tmp_path / "d")
    h.load(folder)
    (table,) = own_cache.glob("dataset-*.web_traffic.arrow")
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: not the bytes the entry recorded
    table.write_bytes(bytes(data))
    with pytest.warns(UserWarning, match="damaged or not ours"):
        again = h.load(folder)
    assert h.compute(again, 2018)["page_views"] == 3500


def test_text_is_pandas_string_dtype_and_lists_are_tuples(tmp_path, own_cache):
    folder = write_folder(tmp_path / "d")
    for data in (h.load(folder), h.load(folder)):  # parsed, then from the cache
        assert str(data.activities["activity_id"].dtype) == "str"
        assert str(data.participants["nationality"].dtype) == "str"
        assert data.activities["programme"].dtype == object
        assert all(isinstance(v, tuple) for v in data.activities["programme"])


def test_errors_are_never_served_from_the_cache(tmp_path, own_cache):
    folder = write_folder(tmp_path / "d")
    (folder / "cases.csv").write_text("case_id,database\nC1,XYZ\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(h.DataError):
            h.load(folder)
    assert not list(own_cache.glob("dataset-*"))  # no entry, and no table written ahead


@pytest.mark.slow
def test_a_rebuild_redoes_exactly_the_reports_whose_inputs_changed(tmp_path):
    from conftest import build_cli

    data = write_folder(tmp_path / "data")
    untoc = write_csv(tmp_path / "untoc.csv", [["Participant", "Signature", "Consent"],
                                               ["Albania", "12 Dec 2000", "21 Aug 2002"]])
    out = tmp_path / "out"
    # A country brief reads the treaty status, the index of briefs no public source: two
    # quick reports, one reading the file that changes and one not.
    args = ["--data", str(data), "--out", str(out), "--programme", "none", "--country", "BRA",
            "--config", "none", "--treaty-untoc", str(untoc)]
    reports = {name: out / "2018" / "countries" / f"{name}.html" for name in ("BRA", "index")}

    def times():
        return {name: path.stat().st_mtime_ns for name, path in reports.items()}

    first = build_cli(*args)
    assert first.returncode == 0 and "2 built, 0 failed" in first.stdout, first.stderr
    built = times()

    again = build_cli(*args)  # nothing changed: nothing is rewritten
    assert again.returncode == 0 and "0 built, 2 up to date, 0 failed" in again.stdout
    assert times() == built

    # The UNTOC status is read by the brief only.
    write_csv(untoc, [["Participant", "Signature", "Consent"],
                      ["Albania", "12 Dec 2000", "21 Aug 2002"], ["Chad", "", "2 Jan 2018 a"]])
    third = build_cli(*args)
    assert "1 built, 1 up to date, 0 failed" in third.stdout
    now = times()
    assert now["index"] == built["index"] and now["BRA"] > built["BRA"]

    # Every report reads the data; --force rebuilds whatever changed or not.
    write_csv(data / "web_traffic.csv", [["site", "month", "page_views"],
                                         ["UNODC/HTMSS", "2018-01", "7"]])
    assert "2 built, 0 failed" in build_cli(*args).stdout
    assert "2 built, 0 failed" in build_cli(*args, "--force").stdout


@pytest.mark.slow
def test_the_reports_of_a_build_read_the_validated_tables_not_the_files(tmp_path, monkeypatch):
    import subprocess
    import sys
    from pathlib import Path

    from conftest import build_cli

    cache = tmp_path / "cache"
    monkeypatch.setenv("HTMSS_CACHE_DIR", str(cache))
    data = write_folder(tmp_path / "data")
    check = Path(sys.executable).with_name("htmss-analysis")
    subprocess.run([str(check), "check", "--data", str(data)], check=True, capture_output=True)
    entries = sorted(cache.glob("dataset-*"))
    assert len([e for e in entries if e.suffix == ".json"]) == 1

    def stamps():
        return {e.name: (e.stat().st_ino, e.stat().st_mtime_ns) for e in entries}

    before = stamps()
    proc = build_cli("--data", str(data), "--out", str(tmp_path / "out"), "--programme",
                     "GLOT59", "highlights", "--config", "none")
    # GLOT59, the highlights and their technical companion.
    assert "3 built, 0 failed" in proc.stdout, proc.stderr
    # A parse anywhere (the build's validation, any report's kernel) would have
    # rewritten the entry (a new file renamed into place); all four read it back.
    assert stamps() == before
    assert sorted(cache.glob("dataset-*")) == entries


@pytest.mark.slow
def test_progress_names_the_report_and_the_cell_while_it_runs(tmp_path):
    import nbformat

    from htmss_analysis import build as builder
    from htmss_analysis import paths

    data = write_folder(tmp_path / "data")
    jobs = builder.plan(data, 2018, ["GLOT59"], tmp_path / "out",
                        extra={"config": "none"})
    seen = []
    outcomes = builder.build(jobs, 1, on_cell=lambda job, n, total, text: seen.append(
        (job.name, n, total, text)))
    assert outcomes[0].ok, outcomes[0].error
    # Every cell of the notebook (the injected parameters cell too), in order.
    cells = len(nbformat.read(paths.notebooks() / "programme_report.ipynb", 4).cells) + 1
    assert [n for _, n, _, _ in seen] == list(range(1, cells + 1))
    assert {(name, total) for name, _, total, _ in seen} == {("GLOT59", cells)}
    assert ("GLOT59", cells, cells, "r.tables_workbook(ctx, out_dir)") in seen


@pytest.fixture
def dask_cluster(tmp_path):
    """A Dask scheduler and two workers on 127.0.0.1, stopped at the end."""
    import json
    import subprocess
    import sys
    import time
    from pathlib import Path

    dask = Path(sys.executable).with_name("dask")
    spec = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(spec)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(120):
            if spec.exists():
                break
            time.sleep(0.5)
        address = json.loads(spec.read_text(encoding="utf-8"))["address"]
        procs += [subprocess.Popen([str(dask), "worker", address, "--nthreads", "1",
                                    "--no-dashboard", "--host", "127.0.0.1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                  for _ in range(2)]
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


@pytest.mark.slow
def test_a_build_on_a_dask_cluster_gives_the_same_bytes(tmp_path, dask_cluster):
    from conftest import build_cli

    data = write_folder(tmp_path / "data")
    common = ["--data", str(data), "--programme", "GLOT59", "highlights", "--config", "none"]
    local = build_cli(*common, "--out", str(tmp_path / "local"))
    remote = build_cli(*common, "--out", str(tmp_path / "remote"), "--scheduler", dask_cluster)
    assert local.returncode == 0 and remote.returncode == 0, remote.stdout + remote.stderr
    # GLOT59, the highlights and their technical companion.
    assert f"(on {dask_cluster})" in remote.stdout and "3 built, 0 failed" in remote.stdout
    for name in ("GLOT59", "highlights", "highlights-technical"):
        assert ((tmp_path / "remote" / "2018" / f"{name}.html").read_bytes()
                == (tmp_path / "local" / "2018" / f"{name}.html").read_bytes()), name


@pytest.mark.slow
def test_an_unreachable_scheduler_is_exit_2(tmp_path):
    from conftest import build_cli

    data = write_folder(tmp_path / "data")
    proc = build_cli("--data", str(data), "--programme", "GLOT59", "--config", "none",
                     "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9",
                     "--scheduler-timeout", "2")
    assert proc.returncode == 2 and "--scheduler tcp://127.0.0.1:9" in proc.stderr
    assert "Traceback" not in proc.stderr

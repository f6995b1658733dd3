"""The output folder is untrusted input: records checked, links never followed, nothing
replaced or deleted that the build did not make (issue 29, rules 1-3)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import built_earlier
from htmss_analysis import build as builder
from htmss_analysis.build import manifest as records
from htmss_analysis.io.files import write_file


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the output folder, that no build may touch."""
    target = tmp_path / "elsewhere" / "evil"
    target.parent.mkdir()
    target.write_text("secret")
    return target


def test_a_manifest_entry_naming_anything_but_its_own_report_files_is_left_out(tmp_path):
    good = "a" * 64
    (tmp_path / records.MANIFEST).write_text(json.dumps({
        "GLOT59": {"fingerprint": good, "outputs": {"GLOT59.html": good}},
        "../../evil": {"fingerprint": good, "outputs": {"../../evil.html": good}},
        "BRA": {"fingerprint": good, "outputs": {"BRA.docx": good}},  # not a report's file
        "MEX": {"fingerprint": good, "outputs": {"MEX.html": "not a digest"}},
        "FAQ": {"fingerprint": good, "outputs": {"FAQ.html": good}},  # no country
        "KGZ": "not an entry",
    }))
    assert list(records.read(tmp_path)) == ["GLOT59"]


def test_a_manifest_that_is_a_link_is_not_read(tmp_path, outside):
    outside.write_text(json.dumps({"GLOT59": {"fingerprint": "a" * 64, "outputs": {}}}))
    (tmp_path / records.MANIFEST).symlink_to(outside)
    assert records.read(tmp_path) == {}


def test_a_tampered_briefs_record_is_not_trusted(tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("x\n")
    builder.record_briefs(tmp_path, 2018, "worked", [data], ["BRA", "MEX"])
    assert builder.recorded_briefs(tmp_path, 2018, "worked", [data]) == ["BRA", "MEX"]
    path = tmp_path / "2018" / builder.BRIEFS
    record = json.loads(path.read_text())
    # Its key recomputed, as anyone holding the data can: the country is still no country.
    record["worked"]["names"] = ["../../../../elsewhere/evil"]
    path.write_text(json.dumps(record))
    assert builder.recorded_briefs(tmp_path, 2018, "worked", [data]) is None


def _brief(tmp_path: Path, iso3: str = "BRA") -> builder.Job:
    jobs = builder.plan(None, 2018, [], tmp_path, countries=[iso3])
    return next(j for j in jobs if j.name == iso3)


def test_an_analysts_file_at_a_reports_path_stops_that_report(tmp_path):
    job = _brief(tmp_path)
    job.out_dir.mkdir(parents=True)
    job.workbook.write_text("my own notes")
    refusal = builder.in_the_way(job)
    assert refusal is not None and refusal.path == job.workbook
    assert "move it or delete it yourself" in str(refusal)


def test_a_file_the_build_made_and_nobody_changed_is_the_builds(tmp_path):
    job = _brief(tmp_path)
    built_earlier(job.out_dir, "BRA")
    assert builder.in_the_way(job) is None
    job.html.write_text("annotated since")  # bytes no longer those recorded
    assert builder.in_the_way(job).path == job.html


@pytest.mark.parametrize("output", ["html", "executed", "workbook"])
def test_a_link_planted_at_any_output_stops_the_report(tmp_path, outside, output):
    job = _brief(tmp_path)
    job.out_dir.mkdir(parents=True)
    getattr(job, output).symlink_to(outside)
    assert builder.in_the_way(job).path == getattr(job, output)
    assert outside.read_text() == "secret"


def test_a_link_on_the_way_to_a_reports_folder_stops_it(tmp_path, outside):
    (tmp_path / "2018").mkdir()
    (tmp_path / "2018" / "countries").symlink_to(outside.parent, target_is_directory=True)
    job = _brief(tmp_path)
    assert builder.in_the_way(job).path == tmp_path / "2018" / "countries"


def test_a_file_is_written_beside_a_link_never_through_it(tmp_path, outside):
    page = tmp_path / "highlights.html"
    page.symlink_to(outside)
    write_file(page, b"report")
    assert outside.read_text() == "secret"
    assert not page.is_symlink() and page.read_bytes() == b"report"
    assert [p.name for p in tmp_path.iterdir()] == ["highlights.html", "elsewhere"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "highlights.html"]


def test_the_lock_is_never_taken_through_a_link(tmp_path, outside):
    folder = tmp_path / "2018"
    folder.mkdir()
    (folder / ".htmss-build.lock").symlink_to(outside)
    with pytest.raises(builder.NotOurs), builder.locked(folder):
        pass
    assert outside.read_text() == "secret"
    os.unlink(folder / ".htmss-build.lock")
    os.link(outside, folder / ".htmss-build.lock")  # a hard link: not a lock of its own
    with pytest.raises(builder.NotOurs), builder.locked(folder):
        pass
    assert outside.read_text() == "secret"


def test_an_analysts_index_html_is_kept(tmp_path):
    page = tmp_path / builder.HOME
    page.write_text("my own index")
    with pytest.raises(builder.NotOurs):
        builder.write_home(tmp_path)
    assert page.read_text() == "my own index"


def test_the_page_of_every_report_is_rewritten_once_it_is_the_builds(tmp_path):
    page, changed = builder.write_home(tmp_path)
    assert changed
    assert builder.write_home(tmp_path) == (page, False)  # current: left as it is
    page.write_text("edited by hand")
    with pytest.raises(builder.NotOurs):
        builder.write_home(tmp_path)


def test_a_fake_manifest_entry_is_not_listed_on_the_home_page(tmp_path):
    folder = tmp_path / "2018"
    built_earlier(folder, "GLOT59")
    (folder / "GLOT92.html").write_text("an analyst's page")
    entries = json.loads((folder / records.MANIFEST).read_text())
    entries["GLOT92"] = {"fingerprint": "b" * 64, "outputs": {"GLOT92.html": "c" * 64}}
    (folder / records.MANIFEST).write_text(json.dumps(entries))
    assert [row["name"] for row in builder.catalogue(tmp_path)] == ["GLOT59"]


def test_pruning_deletes_only_unchanged_files_the_build_made(tmp_path):
    folder = tmp_path / "2018" / "countries"
    built_earlier(folder, "MEX", "BRA", "index")
    (folder / "MEX.xlsx").write_text("workbook as built")
    entries = json.loads((folder / records.MANIFEST).read_text())
    entries["MEX"]["outputs"]["MEX.xlsx"] = _sha(folder / "MEX.xlsx")
    (folder / records.MANIFEST).write_text(json.dumps(entries))
    (folder / "MEX.xlsx").write_text("workbook annotated since")
    (folder / "BRA.docx").write_text("an analyst's document")
    jobs = builder.plan(None, 2018, [], tmp_path, countries=["KGZ"], brief_rule="worked")
    gone, kept = builder.prune_briefs(jobs)
    assert sorted(p.name for p in gone) == ["BRA.html", "MEX.html"]
    assert [p.name for p in kept] == ["MEX.xlsx"]
    assert (folder / "MEX.xlsx").read_text() == "workbook annotated since"
    assert (folder / "BRA.docx").exists()


def test_an_analysts_pages_in_countries_are_no_briefs(tmp_path):
    folder = tmp_path / "2018" / "countries"
    built_earlier(folder, "ALB")
    for name in ("FAQ", "TOC", "KGZ"):  # KGZ.html: a country's code, but no build made it
        (folder / f"{name}.html").write_text("an analyst's page")
    assert builder.briefs_in(folder) == ["ALB"]


# --- a partial build changes only what it was asked for (rule 3) ---------------------------


def test_a_report_of_one_language_links_to_the_others_already_built(tmp_path):
    for lang in ("en", "fr", "es"):
        folder = tmp_path / "2018" / ("" if lang == "en" else lang)
        built_earlier(folder, "GLOT92")
    jobs = builder.plan(None, 2018, ["GLOT92"], tmp_path, langs=("fr",))
    assert [j.label for j in jobs] == ["fr/GLOT92"]
    assert jobs[0].parameters["other_languages"] == "en=../GLOT92.html es=../es/GLOT92.html"


def test_the_main_reports_keep_their_links_to_the_briefs_already_built(tmp_path):
    folder = tmp_path / "2018" / "countries"
    built_earlier(folder, "ALB", "KGZ", "index")
    entries = json.loads((folder / records.MANIFEST).read_text())
    entries["index"]["links"] = {"countries": "worked"}
    (folder / records.MANIFEST).write_text(json.dumps(entries))
    full = builder.plan(None, 2018, ["GLOT92"], tmp_path, countries=["ALB", "KGZ"],
                        brief_rule="worked")
    alone = builder.plan(None, 2018, ["GLOT92"], tmp_path)  # no brief asked for
    assert alone[0].parameters["brief_countries"] == "worked"
    assert alone[0].fingerprint == next(j for j in full if j.name == "GLOT92").fingerprint


def test_a_brief_alone_builds_no_main_report():
    from htmss_analysis.cli import _parser

    args = _parser().parse_args(["build", "--country", "Kyrgyz Republic"])
    assert args.programme is None  # and then the main reports are not planned (below)


@pytest.mark.parametrize("argv, said", [
    (["--country", "BRA", "none"], "'none' stands alone"),
    (["--country", "all", "BRA"], "'all' stands alone"),
    (["--programme", "none", "GLOT59"], "'none' stands alone"),
    (["--programme", "none", "--country", "none"], "nothing to build"),
])
def test_contradictory_choices_are_refused(tmp_path, argv, said, capsys):
    from htmss_analysis.cli import main

    assert main(["build", "--out", str(tmp_path), "--config", "none", *argv]) == 2
    assert said in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_a_brief_in_the_way_of_an_analysts_file_is_not_listed_in_the_index(tmp_path):
    folder = tmp_path / "2018" / "countries"
    built_earlier(folder, "ALB", "index")
    (folder / "BRA.html").write_text("my own brief of Brazil")
    jobs = builder.plan(None, 2018, [], tmp_path, countries=["BRA", "KGZ"])
    index = next(j for j in jobs if j.name == builder.INDEX)
    assert index.parameters["countries"] == "ALB KGZ"


@pytest.mark.parametrize("record", [records.MANIFEST, builder.BRIEFS, builder.HOME_RECORD])
def test_a_link_at_a_record_is_replaced_never_written_through(tmp_path, outside, record):
    (tmp_path / record).symlink_to(outside)
    if record == records.MANIFEST:
        records.write(tmp_path, {})
    elif record == builder.BRIEFS:
        data = tmp_path / "data.csv"
        data.write_text("x\n")
        (tmp_path / "2018").mkdir()
        (tmp_path / record).rename(tmp_path / "2018" / record)
        builder.record_briefs(tmp_path, 2018, "worked", [data], ["BRA"])
    else:
        builder.write_home(tmp_path)
    assert outside.read_text() == "secret"

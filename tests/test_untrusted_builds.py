"""Real builds into folders holding what a build did not make (issue 29, rules 1-3).

One small build is made once for the module; each test works on a copy of it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conftest import build_cli, write_folder

pytestmark = pytest.mark.slow


def _bytes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links as their target), by path: its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".htmss-build.lock"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """GLOT92 and the briefs of KGZ and ALB with their index, in English and French.

    Returns the folder built and a pristine copy: a report's parameters name
    its folder, so each test works in the very folder built, put back first.
    """
    root = tmp_path_factory.mktemp("built")
    out = root / "out"
    proc = build_cli("--out", str(out), "--config", "none", "--programme", "GLOT92",
                     "--country", "KGZ", "ALB", "--lang", "en", "fr")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out, Path(shutil.copytree(out, root / "pristine", symlinks=True))


@pytest.fixture
def out(built: tuple[Path, Path]) -> Path:
    folder, pristine = built
    shutil.rmtree(folder)
    return Path(shutil.copytree(pristine, folder, symlinks=True))


def test_a_partial_build_leaves_every_report_as_it_was(out):
    before = _bytes(out)
    proc = build_cli("--out", str(out), "--config", "none", "--programme", "GLOT92",
                     "--lang", "fr")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 built, 1 up to date" in proc.stdout
    brief = build_cli("--out", str(out), "--config", "none", "--country", "Kyrgyz Republic")
    assert brief.returncode == 0, brief.stdout + brief.stderr
    assert "GLOT92" not in brief.stdout  # a brief alone: the main reports are not touched
    assert _bytes(out) == before


def test_links_to_the_reports_built_stay_after_a_one_language_build(out):
    page = (out / "2018" / "fr" / "GLOT92.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in page and "countries/KGZ.html" in page


MAIN = ("--programme", "GLOT92", "--country", "none")


@pytest.mark.parametrize("planted, asked", [
    ("2018/.htmss-build.lock", MAIN), ("2018/GLOT92.html", (*MAIN, "--force")),
    ("2018/GLOT92.ipynb", (*MAIN, "--force")), ("2018/GLOT92.xlsx", (*MAIN, "--force")),
    ("2018/countries/KGZ.xlsx", ("--country", "KGZ", "--force")), ("index.html", MAIN)])
def test_a_link_planted_where_the_build_writes_is_never_written_through(out, tmp_path,
                                                                       planted, asked):
    target = tmp_path / "elsewhere"
    target.write_text("secret")
    path = out / planted
    path.unlink(missing_ok=True)
    path.symlink_to(target)
    proc = build_cli("--out", str(out), "--config", "none", *asked)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{path} is not a file this build made" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert target.read_text() == "secret" and path.is_symlink()


def test_a_tampered_manifest_and_briefs_record_reach_nothing_outside(out, tmp_path):
    victim = tmp_path / "elsewhere" / "evil.html"
    victim.parent.mkdir()
    victim.write_text("someone's page")
    manifest = out / "2018" / "countries" / ".htmss-manifest.json"
    entries = json.loads(manifest.read_text())
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    entries["../../../elsewhere/evil"] = {"fingerprint": "0" * 64,
                                          "outputs": {"../../../elsewhere/evil.html": digest}}
    manifest.write_text(json.dumps(entries))
    record = out / "2018" / ".htmss-briefs.json"
    record.write_text(json.dumps({"worked": {"key": "0" * 64,
                                             "countries": ["../../../elsewhere/evil"]}}))
    tiny = write_folder(tmp_path / "tiny")  # few countries: a rule's briefs are quick
    proc = build_cli("--out", str(out), "--data", str(tiny), "--config", "none",
                     "--country", "all", "--programme", "none", "--lang", "en")
    assert victim.read_text() == "someone's page"
    assert not (tmp_path / "elsewhere" / "evil.ipynb").exists()
    assert "Traceback" not in proc.stdout + proc.stderr


def test_an_analysts_files_are_kept_and_named(out):
    countries = out / "2018" / "countries"
    (countries / "BRA.html").write_text("my own brief of Brazil")
    (countries / "BRA.xlsx").write_text("my own workbook")
    (countries / "FAQ.html").write_text("questions")
    (out / "2018" / "GLOT92.xlsx").write_text("annotated by hand")
    proc = build_cli("--out", str(out), "--config", "none", "--programme", "GLOT92",
                     "--country", "BRA", "--force")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    said = proc.stdout + proc.stderr
    assert f"{countries / 'BRA.html'} is not a file this build made" in said
    assert f"{out / '2018' / 'GLOT92.xlsx'} is not a file this build made" in said
    assert (countries / "BRA.html").read_text() == "my own brief of Brazil"
    assert (countries / "BRA.xlsx").read_text() == "my own workbook"
    assert (countries / "FAQ.html").read_text() == "questions"
    assert (out / "2018" / "GLOT92.xlsx").read_text() == "annotated by hand"
    index = (countries / "index.html").read_text(encoding="utf-8")
    assert "FAQ" not in index


def test_a_failing_report_beside_an_analysts_file_deletes_nothing_of_theirs(out, tmp_path):
    notebooks = tmp_path / "notebooks"
    from htmss_analysis import paths

    shutil.copytree(paths.notebooks(), notebooks)
    brief = json.loads((notebooks / "country_brief.ipynb").read_text())
    brief["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [],
                           "execution_count": None, "source": "raise RuntimeError('broken')"})
    (notebooks / "country_brief.ipynb").write_text(json.dumps(brief))
    countries = out / "2018" / "countries"
    (countries / "notes.xlsx").write_text("an analyst's notes")
    proc = build_cli("--out", str(out), "--config", "none", "--country", "KGZ",
                     "--notebooks", str(notebooks))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "KGZ: cell" in proc.stdout and "RuntimeError: broken" in proc.stdout
    assert (countries / "notes.xlsx").read_text() == "an analyst's notes"
    assert not (countries / "KGZ.html").exists()  # the build's own page of KGZ: gone
    again = build_cli("--out", str(out), "--config", "none", "--country", "KGZ")
    assert again.returncode == 0, again.stdout + again.stderr  # its failed notebook: the build's


def test_a_notebook_that_changes_its_data_changes_no_other_report(tmp_path):
    """Rule 4, in a real kernel: GLOT59's notebook drops most attendances, then the
    highlights run next in the same kernel (one worker) and count the section's own."""
    import openpyxl

    from htmss_analysis import paths

    notebooks = tmp_path / "notebooks"
    shutil.copytree(paths.notebooks(), notebooks)
    path = notebooks / "programme_report.ipynb"
    nb = json.loads(path.read_text())
    at = next(i for i, c in enumerate(nb["cells"]) if "h.load(" in "".join(c["source"]))
    nb["cells"].insert(at + 1, {
        "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
        "source": "data.participants.drop(index=data.participants.index[:10000], "
                  "inplace=True)\ndata.activities = data.activities.iloc[:10]"})
    path.write_text(json.dumps(nb))
    out = tmp_path / "out"
    proc = build_cli("--out", str(out), "--config", "none", "--notebooks", str(notebooks),
                     "--programme", "GLOT59", "highlights", "--jobs", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wb = openpyxl.load_workbook(out / "2018" / "highlights.xlsx", read_only=True)
    rows = {r[0]: r[2] for r in wb["headline"].iter_rows(min_row=2, values_only=True)}
    wb.close()
    # The published 2018 figures the sample reproduces: 4,587 trained, 261 activities.
    assert rows["people_trained"] == 4587
    assert rows["technical_cooperation_activities"] == 261

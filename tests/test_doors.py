"""Three doors, one report: `build`, papermill + stock nbconvert, and a fresh install.

JupyterLab, the third door, is driven in headless Chromium in test_browser.py.
"""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_stock_nbconvert_with_the_template_gives_the_build_bytes(sample_build, tmp_path):
    out = tmp_path / "stock.html"
    proc = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--template",
                           "htmss", str(sample_build / "GLOT92.ipynb"), "--output", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (sample_build / "GLOT92.html").read_bytes()
    french = tmp_path / "fr.html"
    proc = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--template",
                           "htmss", str(sample_build / "fr" / "GLOT92.ipynb"), "--output",
                           str(french)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert french.read_bytes() == (sample_build / "fr" / "GLOT92.html").read_bytes()


def _run(*args, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_a_fresh_pip_install_gives_the_same_report_through_every_door(tmp_path):
    """`pip install .` only (no Makefile, no -e): papermill + nbconvert equals build.

    The package is installed from its source into a new environment, as a wheel,
    with what it ships (notebooks, template, catalogs, sample data) and nothing of
    the checkout. Its third-party packages are the test environment's, seen
    through a path file rather than installed again (which took a minute and a
    half): that every one of them is declared is the test below.
    """
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=lambda folder, names: [
        n for n in names if n in (".venv", ".git", "*.egg-info", ".pytest_cache", "__pycache__",
                                  ".ruff_cache") or n.endswith(".egg-info")
        # The checkout's own build/ and reports/ folders, not the package's build module.
        or (Path(folder) == ROOT and n in ("reports", "build"))])
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    bin_ = venv / "bin"
    site = Path(_run(bin_ / "python", "-c", "import sysconfig; print(sysconfig.get_path("
                     "'purelib'))", cwd=tmp_path).stdout.strip())
    # A plain path, not a site folder: the test environment's own path files (its editable
    # install of this checkout) are not read.
    (site / "test-environment.pth").write_text(sysconfig.get_path("purelib") + "\n")
    # Their data files too (nbconvert's base templates, the kernel's spec), but not the
    # Makefile's link to this checkout's template: only the wheel's may serve.
    environment = Path(sys.prefix).resolve()
    shutil.copytree(environment / "share", venv / "share", symlinks=True,
                    ignore=lambda folder, names: [
                        n for n in names if (Path(folder) / n).is_symlink()
                        and not (Path(folder) / n).resolve().is_relative_to(environment)])
    _run(bin_ / "python", "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-warn-script-location", source, cwd=tmp_path)
    found = _run(bin_ / "python", "-c", "import htmss_analysis; print(htmss_analysis.__file__)",
                 cwd=tmp_path).stdout
    assert found.startswith(str(venv)), found  # the wheel, not the checkout
    # The stock tools as modules: their console scripts belong to the environment that
    # installed them.
    papermill, nbconvert = ([bin_ / "python", "-m", tool] for tool in ("papermill", "nbconvert"))
    work = tmp_path / "work"  # outside any project: no config file to find
    work.mkdir()
    sample = source / "data" / "sample"

    loaded = _run(bin_ / "python", "-c", "import htmss_analysis as h; print(repr(h.load()))",
                  cwd=work)
    assert loaded.stdout.startswith("<Dataset sample_data: activities 950")

    _run(*papermill, source / "notebooks" / "programme_report.ipynb", "out.ipynb",
         "-p", "programme", "GLOT92", "-p", "data_dir", sample, "-p", "out_dir", work,
         # where a build puts its page of every report, seen from the report: the same
         # parameters give the same bytes through every door
         "-p", "home", "../index.html", cwd=work)
    _run(*nbconvert, "--to", "html", "--template", "htmss", "out.ipynb",
         cwd=work)
    _run(bin_ / "htmss-analysis", "build", "--programme", "GLOT92", "--data", sample,
         "--out", "built", cwd=work)
    stock = (work / "out.html").read_bytes()
    assert stock == (work / "built" / "2018" / "GLOT92.html").read_bytes()
    assert b"GLOT92 2018 programme report</title>" in stock
    assert (work / "built" / "index.html").is_file()  # the page the report links back to
    # A country brief in Spanish, and its workbook, through the stock tools and through the
    # build: the installed package carries its catalogs.
    briefs = work / "brief"
    briefs.mkdir()
    elsewhere = tmp_path / "elsewhere"  # the working folder gets nothing but what is asked
    elsewhere.mkdir()
    _run(*papermill, source / "notebooks" / "country_brief.ipynb",
         briefs / "KGZ.ipynb", "-p", "country", "Kyrgyz Republic", "-p", "data_dir", sample,
         "-p", "lang", "es", "-p", "out_dir", briefs, "-p", "home", "../../../index.html",
         cwd=elsewhere)
    assert list(elsewhere.iterdir()) == []
    _run(*nbconvert, "--to", "html", "--template", "htmss", "KGZ.ipynb",
         cwd=briefs)
    _run(bin_ / "htmss-analysis", "build", "--programme", "GLOT92", "--country", "KGZ",
         "--data", sample, "--out", "built_briefs", "--lang", "es", cwd=work)
    built = work / "built_briefs" / "2018" / "es" / "countries"
    spanish = (briefs / "KGZ.html").read_bytes()
    assert spanish == (built / "KGZ.html").read_bytes()
    assert b'<html dir="ltr" lang="es">' in spanish and "Kirguistán".encode() in spanish
    assert (briefs / "KGZ.xlsx").read_bytes() == (built / "KGZ.xlsx").read_bytes()
    assert (built / "index.html").is_file()
    kernels = venv / "share" / "jupyter" / "kernels"
    assert not (kernels / "htmss-analysis").exists()  # the build registered no kernel

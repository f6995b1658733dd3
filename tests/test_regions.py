"""Regional briefs: the contract's regional figures, worked out by hand, and the briefs built.

The hand-made data (conftest) in 2018, by region (UN M49 intermediate region,
else sub-region):

- South America (005), Brazil: A1 (GLOT59 training, national, 1 Jan). People
  of Brazil at capacity building: p1 (A1, A2 workshop, A4 e-learning) and p2
  (A1, written "Brazil" once) - 2. TIP cases of Brazil added: C1 (1 Mar) and
  C3 (written "Brazil", 1 Jun) - 2; no SOM case.
- Central America (013), Mexico: A2 (GLOT59 and GLOT92 workshop, national,
  31 Dec). People of Mexico: p4 (A2, and A3 abroad) - 1. SOM case C1 (1 Apr)
  - 1; C4 is added in 2019.
- Western Europe (155), Austria: A3 (regional training) and A9 (global
  conference): 2 activities, no national capacity building, nobody of the
  region at capacity building (p11 of France attended A9, a conference).
- Eastern Africa (014): no activity held there; p5 (Kenya) and p6 (Uganda)
  trained at A3 in Austria - 2 people, and no brief by default.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build_cli, write_folder
from htmss_analysis.metrics.scope import Scope

SOUTH_AMERICA = {"activities_in_region": 1, "capacity_building_in_region": 1,
                 "countries_assisted": 1, "people_trained": 2, "cases_added_tip": 2,
                 "cases_added_som": 0}
CENTRAL_AMERICA = {"activities_in_region": 1, "capacity_building_in_region": 1,
                   "countries_assisted": 1, "people_trained": 1, "cases_added_tip": 0,
                   "cases_added_som": 1}
WESTERN_EUROPE = {"activities_in_region": 2, "capacity_building_in_region": 0,
                  "countries_assisted": 0, "people_trained": 0, "cases_added_tip": 0,
                  "cases_added_som": 0}
WORKED = ["005", "011", "013", "034", "155"]
"""Where an activity of 2018 was held: Brazil, Nigeria (Western Africa), Mexico, Pakistan
(Southern Asia), Austria."""


def test_a_country_is_in_its_intermediate_region_else_its_sub_region():
    from htmss_analysis import countries

    assert countries.region_of("KEN") == "014"  # Eastern Africa, in Sub-Saharan Africa
    assert countries.region_of("SAU") == "145"  # Western Asia: no intermediate region
    assert countries.region_of("XKX") == "039"  # Kosovo, added to the table: Southern Europe
    assert countries.region_of("International and regional bodies") is None
    assert countries.to_region("29") == countries.to_region("caribbean") == "029"
    assert countries.to_region(14) == "014"  # papermill -p region 014 passes an integer
    with pytest.raises(countries.UnknownCountry, match="Africa"):
        countries.to_region("Africa")  # a continent spans several regions


def test_regional_figures_by_hand(tiny_data):
    from htmss_analysis.metrics.figures import compute_region

    assert compute_region(tiny_data, 2018, "005") == SOUTH_AMERICA
    assert compute_region(tiny_data, 2018, "013") == CENTRAL_AMERICA
    assert compute_region(tiny_data, 2018, "155") == WESTERN_EUROPE
    assert compute_region(tiny_data, 2018, "014")["people_trained"] == 2
    # GLOT92 in Central America: A2 is joint; p4 attended A2 and A3, both GLOT92's
    glot92 = compute_region(tiny_data, 2018, "013", "GLOT92")
    assert glot92["activities_in_region"] == 1 and glot92["people_trained"] == 1
    # South America has nothing of GLOT92's: A1 is GLOT59's
    assert compute_region(tiny_data, 2018, "005", "GLOT92")["activities_in_region"] == 0


def test_the_regions_worked_in(tiny_data):
    from htmss_analysis.metrics.region import worked_regions

    assert worked_regions(tiny_data, Scope(2018)) == WORKED


def test_indicators_region_prints_the_contracts_object(tiny):
    from conftest import run_cli

    proc = run_cli("indicators", "--data", str(tiny), "--year", "2018", "--region",
                   "South America", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"year": 2018, "region": "005", "programme": "all",
                                       "indicators": SOUTH_AMERICA}
    wrong = run_cli("indicators", "--data", str(tiny), "--year", "2018", "--region", "Atlantis")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--region: 'Atlantis' is not a UN M49 intermediate region" in wrong.stderr


def test_explain_region_names_the_records_behind_a_regional_figure(tiny):
    from conftest import run_cli

    proc = run_cli("explain", "people_trained", "--data", str(tiny), "--year", "2018",
                   "--region", "005", "--json")
    assert proc.returncode == 0, proc.stderr
    said = json.loads(proc.stdout)
    assert (said["region"], said["value"]) == ("005", 2)
    assert [r["id"] for r in said["records"]] == ["p1", "p2"]


def test_explain_follows_the_regional_figure(tiny_data):
    from htmss_analysis.report.rules import explain

    records = explain(tiny_data, "people_trained", 2018, region="005")
    assert records.attrs["value"] == 2 and list(records["id"]) == ["p1", "p2"]
    # attendances of Brazil at 2018 capacity building: p1 at A1, A2 and A4, p2 at A1
    assert list(records.attrs["steps"]["rows"])[-2:] == [4, 2]


def test_a_regional_brief_shows_its_figures_countries_and_activities(tiny_data):
    from htmss_analysis import report as r

    ctx = r.context(tiny_data, 2018, None, 1, region="013", briefs="../countries",
                    brief_countries="MEX")
    page = "".join(str(s(ctx)) for s in (r.region.figures, r.region.countries,
                                         r.region.activities, r.region.stories))
    assert "Central America" in str(r.title(ctx, "regional brief"))
    assert 'href="../countries/MEX.html"' in page
    french = r.context(tiny_data, 2018, None, 1, region="013", lang="fr")
    assert "Amérique centrale" in str(r.title(french, "regional brief"))
    assert "fiche régionale" in str(r.title(french, "regional brief"))


# --- built -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regions_build(tmp_path_factory) -> Path:
    """The briefs of the default set of the hand-made data, in English and French, built once."""
    root = tmp_path_factory.mktemp("regions")
    data = write_folder(root / "data")
    proc = build_cli("--data", str(data), "--year", "2018", "--out", str(root / "out"),
                     "--programme", "none", "--config", "none", "--jobs", "2",
                     "--lang", "en", "fr")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.mark.slow
def test_a_regional_brief_for_each_region_worked_in_and_an_index(regions_build):
    year = regions_build / "out" / "2018"
    for folder in (year / "regions", year / "fr" / "regions"):
        assert sorted(p.stem for p in folder.glob("*.html")) == [*WORKED, "index"]
        assert sorted(p.stem for p in folder.glob("*.xlsx")) == [*WORKED, "index"]
    index = (year / "regions" / "index.html").read_text(encoding="utf-8")
    for code in WORKED:
        assert f'href="{code}.html"' in index
    home = (regions_build / "out" / "index.html").read_text(encoding="utf-8")
    assert "Regional briefs (5)" in home and 'href="2018/regions/index.html"' in home
    assert 'href="2018/fr/regions/index.html"' in home


@pytest.mark.slow
def test_every_link_of_a_regional_brief_resolves(regions_build):
    year = regions_build / "out" / "2018"
    pages = [*(year / "regions").glob("*.html"), *(year / "fr" / "regions").glob("*.html")]
    checked = 0
    for page in pages:
        for href in re.findall(r'href="([^"#:]+)"', page.read_text(encoding="utf-8")):
            assert (page.parent / href).resolve().is_file(), (page, href)
            checked += "countries/" in href
    assert checked  # the briefs link to the country briefs built beside them


@pytest.mark.slow
def test_a_regional_brief_in_figures_and_in_its_workbook(regions_build):
    from python_calamine import CalamineWorkbook

    brief = regions_build / "out" / "2018" / "regions" / "005.html"
    text = re.sub(r"<[^>]+>", " ", brief.read_text(encoding="utf-8"))
    assert "South America 2018: regional brief" in text
    book = CalamineWorkbook.from_path(str(brief.with_suffix(".xlsx")))
    rows = book.get_sheet_by_index(0).to_python()
    values = {row[0]: row[2] for row in rows[1:]}
    assert values == SOUTH_AMERICA


@pytest.mark.slow
def test_a_regional_brief_through_the_stock_doors_gives_the_build_bytes(regions_build, tmp_path):
    """papermill with the build's parameters, then stock nbconvert with the template."""
    import subprocess
    import sys

    from htmss_analysis import paths

    folder = regions_build / "out" / "2018" / "fr" / "regions"
    executed = json.loads((folder / "013.ipynb").read_text(encoding="utf-8"))
    injected = next(c for c in executed["cells"]
                    if "injected-parameters" in c["metadata"].get("tags", []))
    params = {}
    exec("".join(injected["source"]), {}, params)  # noqa: S102 - the build's own literals
    params["out_dir"] = str(tmp_path)
    args = [a for k, v in params.items() for a in ("-p", k, str(v))]
    run = subprocess.run([sys.executable, "-m", "papermill",
                          str(paths.notebooks() / "region_brief.ipynb"),
                          str(tmp_path / "013.ipynb"), *args],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--template",
                          "htmss", str(tmp_path / "013.ipynb")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "013.html").read_bytes() == (folder / "013.html").read_bytes()
    assert (tmp_path / "013.xlsx").read_bytes() == (folder / "013.xlsx").read_bytes()


def test_a_reports_scope_is_read_once_at_its_door(tiny_data):
    from htmss_analysis import report as r
    from htmss_analysis.metrics.scope import Scope

    assert Scope.of(2018, "GLO.ACT") == Scope(2018, "GLOACT")
    assert Scope.of(2018, "all", country="Kyrgyz Republic") == Scope(2018, None, "KGZ")
    assert Scope.of("2018", region=14) == Scope.of(2018, region="eastern africa") == \
        Scope(2018, region="014")
    with pytest.raises(ValueError, match="GLOT99"):
        Scope.of(2018, "GLOT99")
    ctx = r.context(tiny_data, 2018, "glo.act", region="Central America")
    assert ctx.scope == Scope(2018, "GLOACT", region="013")


def test_a_countrys_or_a_regions_count_of_a_scope_without_one_is_an_error(tiny_data):
    # Never the section's answer under a country's name.
    from htmss_analysis.metrics import country, region

    with pytest.raises(ValueError, match="names no country"):
        country.activities_in(tiny_data, Scope(2018))
    with pytest.raises(ValueError, match="names no region"):
        region.activities_in(tiny_data, Scope.of(2018, None, "BRA"))
    # A1 (training, 2018-01-01) and A2 (workshop, 2018-12-31) were held in Brazil and Mexico.
    assert list(country.activities_in(tiny_data, Scope.of(2018, None, "Brazil"))["activity_id"]
                ) == ["A1"]
    assert list(region.activities_in(tiny_data, Scope.of(2018, None, region="013"))[
        "activity_id"]) == ["A2"]

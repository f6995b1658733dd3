"""The synthetic sample data reproduces the published 2018 highlights."""

import json
import sys

import htmss_analysis as h
from conftest import ROOT
from htmss_analysis import cli, paths
from htmss_analysis.metrics import breakdowns

sys.path.insert(0, str(ROOT / "tools"))
import make_sample as sample  # noqa: E402 - the generator is a tool, not the package

from htmss_analysis.metrics.scope import Scope

# The figures printed in ../shared/seed/htmss-2018-highlights.txt.
PUBLISHED_2018 = {"technical_cooperation_activities": 261, "countries_assisted": 25,
                  "countries_represented": 80, "tools_and_publications": 5,
                  "cases_added": 2313, "jurisdictions_tip": 106, "jurisdictions_som": 43,
                  "web_stories": 145, "page_views": 615232}


def test_cli_json_prints_the_published_2018_figures():
    from conftest import run_cli

    proc = run_cli("indicators", "--year", "2018", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["year"] == 2018 and out["programme"] == "all"
    assert set(out["indicators"]) == set(h.REGISTRY)
    for key, value in PUBLISHED_2018.items():
        assert out["indicators"][key] == value, key
    assert out["indicators"]["people_trained"] > 4500  # "over 4,500"
    assert out["indicators"]["social_media_posts"] > 1000  # "over 1,000 tweets"


def test_programmes_differ_and_joint_work_is_not_double_counted():
    data = h.load()
    section = h.compute(data, 2018)
    per = {p: h.compute(data, 2018, p) for p in ("GLOT59", "GLOT92", "GLOACT")}
    assert len({tuple(v.values()) for v in per.values()}) == 3
    for key in ("technical_cooperation_activities", "people_trained"):
        total = sum(v[key] for v in per.values())
        assert total > section[key]  # joint activities and shared people
        assert all(v[key] < section[key] for v in per.values())


def test_generator_is_reproducible_and_both_copies_are_its_output(tmp_path):
    sample.generate(tmp_path)
    generated = sorted(p.name for p in tmp_path.glob("*.csv"))
    for folder in (ROOT / "data" / "sample", paths.sample_data()):
        assert sorted(p.name for p in folder.glob("*.csv")) == generated, folder
        for name in generated:
            assert (folder / name).read_bytes() == (tmp_path / name).read_bytes(), (folder, name)


def test_generated_docs_are_current():
    for name, text in cli.generated_docs().items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == text, (
            f"docs/{name} is stale: run make docs")


def test_shipped_sample_meets_every_published_figure_and_has_the_campaigns():
    data = h.load()
    assert sample.check(data) == []
    campaigns = breakdowns.awareness_raising(data, Scope(2018)).set_index("country")
    assert campaigns.loc["KGZ", "title"].startswith("\u201c100 days against Trafficking")
    assert campaigns.loc["PAK", "programme"] == ("GLOACT",)

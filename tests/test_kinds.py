"""Report kinds are data: a kind registered in a scratch registry is planned, built,
recorded in its folder's manifest and listed on the page of every report, with no other edit.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

TOY = """{
 "cells": [
  {"cell_type": "code", "execution_count": null, "id": "toy-01",
   "metadata": {"tags": ["parameters"]}, "outputs": [],
   "source": ["year: int = 2018  # reporting year\\n", "data_dir: str = \\"\\"  # data\\n",
              "out_dir: str = \\"\\"  # folder\\n", "home: str = \\"\\"  # page of every report"]},
  {"cell_type": "code", "execution_count": null, "id": "toy-02", "metadata": {},
   "outputs": [], "source": ["print(f'a toy report of {year}')"]}
 ],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                             "name": "python3"}, "language_info": {"name": "python"}},
 "nbformat": 4, "nbformat_minor": 5
}
"""


@pytest.mark.slow
def test_a_kind_registered_in_a_scratch_registry_is_built_recorded_and_listed(
        tmp_path, monkeypatch):
    from htmss_analysis import build as builder
    from htmss_analysis import kinds

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "toy.ipynb").write_text(TOY)
    toy = replace(kinds.REGISTRY["highlights"], key="toy", notebook="toy.ipynb",
                  fixed=("toy",), label="A toy report", public=lambda _name: (),
                  links_briefs=False, printed=False)
    monkeypatch.setattr(kinds, "REGISTRY", {**kinds.REGISTRY, "toy": toy})
    out = tmp_path / "out"
    jobs = builder.plan(None, 2018, [], out, notebooks, subjects={"toy": ["toy"]})
    assert [(j.name, j.notebook.name) for j in jobs] == [("toy", "toy.ipynb")]
    outcomes = builder.build(jobs, 1)
    assert [o.ok for o in outcomes] == [True], outcomes
    manifest = json.loads((out / "2018" / ".htmss-manifest.json").read_text())
    assert set(manifest["toy"]["outputs"]) == {"toy.html", "toy.ipynb"}
    page, _ = builder.write_home(out)
    home = page.read_text(encoding="utf-8")
    assert 'href="2018/toy.html"' in home and "A toy report" in home
    # and a kind the registry no longer holds is nobody's: not listed, never touched
    monkeypatch.setattr(kinds, "REGISTRY", {k: v for k, v in kinds.REGISTRY.items()
                                            if k != "toy"})
    assert builder.catalogue(out) == []
    assert (out / "2018" / "toy.html").is_file()


def test_every_kind_has_its_notebook_and_a_label(tmp_path: Path):
    from htmss_analysis import kinds, paths

    for kind in kinds.REGISTRY.values():
        assert (paths.notebooks() / kind.notebook).is_file(), kind.key
        assert not kind.home or kind.label, kind.key
        index = kinds.index_of(kind)
        assert index is None or index.folder == kind.folder, kind.key

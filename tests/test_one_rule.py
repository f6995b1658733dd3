"""Each counting rule is written once: change one step of one declaration, and every use follows.

On the hand-made data (conftest), 2018: national capacity building was held in
Brazil (A1, training) and Mexico (A2, workshop): 2 countries assisted. A3 is a
regional training in Austria: with "national or regional level" instead of
"national level", Austria is assisted too, 3 countries.
"""

from __future__ import annotations

import re
from dataclasses import replace

from htmss_analysis.metrics.scope import Scope


def test_one_changed_step_is_followed_by_every_count_and_every_page(tiny_data, monkeypatch):
    from htmss_analysis import report as r
    from htmss_analysis.metrics import breakdowns, figures
    from htmss_analysis.report.rules import explain
    from htmss_analysis.report.workbook import headline_rows

    assert figures.compute(tiny_data, 2018)["countries_assisted"] == 2  # as declared
    declared = figures.REGISTRY["countries_assisted"]
    steps = tuple(figures.NATIONAL_REGIONAL if s is figures.NATIONAL else s
                  for s in declared.steps)
    monkeypatch.setitem(figures.REGISTRY, "countries_assisted", replace(declared, steps=steps))

    assert figures.compute(tiny_data, 2018)["countries_assisted"] == 3
    records = explain(tiny_data, "countries_assisted", 2018)
    assert records.attrs["value"] == 3 and list(records["id"]) == ["AUT", "BRA", "MEX"]
    assert "national or regional level" in list(records.attrs["steps"]["step"])
    listed = breakdowns.countries_list(tiny_data, Scope(2018), which="assisted")
    assert list(listed["iso3"]) == ["AUT", "BRA", "MEX"]

    ctx = r.context(tiny_data, 2018, None)
    annex = str(r.method(ctx))
    rule = re.search(r'<div class="rule" id="rule-countries_assisted">.*?</div>', annex, re.S)
    assert rule and "national or regional level" in rule.group(0) and ": 3</h4>" in rule.group(0)
    rows = headline_rows(ctx).set_index("key")
    assert rows.loc["countries_assisted", "value"] == 3


def test_a_number_that_is_not_there_travels_as_its_reason_not_its_words():
    import pandas as pd

    from htmss_analysis import languages
    from htmss_analysis.report.words import Unknown
    from htmss_analysis.report.workbook import numbers_only

    with languages.using("fr"):
        frame = pd.DataFrame({"figure": ["Web", "no records"],
                              "GLOT59": [Unknown("not_attributed"), 12],
                              "2017": [Unknown("no_records"), 3]})
        out = numbers_only(frame)
    assert frame.loc[0, "GLOT59"] == "non attribué"  # the table shows the words
    assert out["GLOT59"].tolist() == [None, 12] and out["2017"].tolist() == [None, 3]
    # a text of the data that happens to read like the words is a text, never a gap
    assert out["figure"].tolist() == ["Web", "no records"]
    assert out.iloc[0, -1] == "non attribué: GLOT59; aucun enregistrement: 2017"

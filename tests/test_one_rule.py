"""Each counting rule is written once: change one step of one declaration, and every use follows.

On the hand-made data (conftest), 2018: national capacity building was held in
Brazil (A1, training) and Mexico (A2, workshop): 2 countries assisted. A3 is a
regional training in Austria: with "national or regional level" instead of
"national level", Austria is assisted too, 3 countries.
"""

from __future__ import annotations

import re
from dataclasses import replace


def test_one_changed_step_is_followed_by_every_count_and_every_page(tiny_data, monkeypatch):
    from htmss_analysis import report as r
    from htmss_analysis.metrics import breakdowns, figures
    from htmss_analysis.metrics.explain import explain
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
    listed = breakdowns.countries_list(tiny_data, 2018, which="assisted")
    assert list(listed["iso3"]) == ["AUT", "BRA", "MEX"]

    ctx = r.context(tiny_data, 2018, None)
    annex = str(r.method(ctx))
    rule = re.search(r'<div class="rule" id="rule-countries_assisted">.*?</div>', annex, re.S)
    assert rule and "national or regional level" in rule.group(0) and ": 3</h4>" in rule.group(0)
    rows = headline_rows(ctx).set_index("key")
    assert rows.loc["countries_assisted", "value"] == 3

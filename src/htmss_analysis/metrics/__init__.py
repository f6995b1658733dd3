"""All counting: pure functions of (Dataset, year, programme or country).

- :mod:`.figures`: every figure declared once (key, title, definition, unit,
  table, named steps, measure); ``compute``, ``compute_country``, ``headline``,
  ``trend``, attribution.
- :mod:`.select`: the selections counts start from (a programme's, a year's rows).
- :mod:`.breakdowns`: a year's work by type, level, region, group, month...
- :mod:`.results`: results frameworks against UNDP's rule.
- :mod:`.country`: what a country brief counts.
- :mod:`.context`: public data (GLOTIP, treaties, SHERLOC) set against countries.
- :mod:`.explain`: the records behind a figure and its waterfall of steps.

Nothing here formats, labels or writes: the report layer does. Nothing here
imports the report, the build or the command line (a test checks).
"""

"""Pure counting beyond the headline registry (see ``docs`` and the architecture notes).

:mod:`htmss_analysis.indicators` (the registry, headline figures and breakdowns) is
still a module of its own at the package's top; new counting goes here.
"""

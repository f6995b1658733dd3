"""htmss-analysis: reproducible figures and reports from HTMSS monitoring data.

Typical use in JupyterLab::

    import htmss_analysis as h
    data = h.load()                      # the synthetic sample, or h.load("my/folder")
    h.headline(data, 2018)               # the section's headline table
    h.headline(data, 2018, "GLOT59")     # one programme's
    h.explain(data, "people_trained", 2018)   # the records behind a figure
    h.breakdowns.people_by(data, h.Scope(2018), "sex")   # by sex; h.Scope(2018, "GLOT59")
    glotip = h.load_glotip("data_glotip.xlsx")

Importing the package has no side effects: no matplotlib backend switch, no
pandas option set.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("htmss-analysis")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

# The analyst's names, imported on first use: `htmss-analysis build` with nothing to
# rebuild (and any command that needs no tables) does not pay for pandas.
_LAZY = {
    "metrics": ("metrics", None), "breakdowns": ("metrics.breakdowns", None),
    "programmes": ("programmes", None),
    "public": ("public", None), "sources": ("public", None),
    "Frame": ("frames", "Frame"), "Scope": ("metrics.scope", "Scope"),
    "REGISTRY": ("metrics.figures", "REGISTRY"), "compute": ("metrics.figures", "compute"),
    "COUNTRY_REGISTRY": ("metrics.figures", "COUNTRY_REGISTRY"),
    "compute_country": ("metrics.figures", "compute_country"),
    "explain": ("report.rules", "explain"), "trend": ("metrics.figures", "trend"),
    "headline": ("metrics.figures", "headline"), "Dataset": ("data.load", "Dataset"),
    "load": ("links", "load"), "DataError": ("problems", "DataError"),
    "Problem": ("problems", "Problem"), "load_glotip": ("public.sources", "load_glotip"),
    "load_sherloc_cases": ("public.sources", "load_sherloc_cases"),
    "load_treaty_status": ("public.sources", "load_treaty_status"),
}

__all__ = ["COUNTRY_REGISTRY", "REGISTRY", "DataError", "Dataset", "Frame", "Problem", "Scope",
           "breakdowns", "compute", "compute_country", "explain", "headline", "metrics",
           "trend", "load", "load_glotip", "load_sherloc_cases", "load_treaty_status",
           "programmes", "public", "__version__"]
# `h.sources` is the older name of `h.public` (notebooks of one's own may still say it).


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'htmss_analysis' has no attribute {name!r}")
    from importlib import import_module

    module, attribute = _LAZY[name]
    value = import_module(f".{module}", __name__)
    value = value if attribute is None else getattr(value, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

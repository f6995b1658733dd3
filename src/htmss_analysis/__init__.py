"""htmss-analysis: reproducible figures and reports from HTMSS monitoring data.

Typical use in JupyterLab::

    import htmss_analysis as h
    data = h.load()                      # the synthetic sample, or h.load("my/folder")
    h.headline(data, 2018)               # the section's headline table
    h.headline(data, 2018, "GLOT59")     # one programme's
"""

from importlib.metadata import PackageNotFoundError, version

from .indicators import REGISTRY, compute, headline
from .loaders import Dataset, load
from .problems import DataError, Problem

try:
    __version__ = version("htmss-analysis")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["REGISTRY", "DataError", "Dataset", "Problem", "compute", "headline", "load",
           "__version__"]

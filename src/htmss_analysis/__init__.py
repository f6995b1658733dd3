"""htmss-analysis: reproducible figures and reports from HTMSS monitoring data.

Typical use in JupyterLab::

    import htmss_analysis as h
    data = h.load()                      # the synthetic sample, or h.load("my/folder")
    h.headline(data, 2018)               # the section's headline table
    h.headline(data, 2018, "GLOT59")     # one programme's
    glotip = h.load_glotip("data_glotip.xlsx")

Importing the package has no side effects: no matplotlib backend switch, no
pandas option set.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("htmss-analysis")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

# `__version__` comes first: the modules below read it.
from . import indicators, programmes, sources  # noqa: E402
from .frames import Frame  # noqa: E402
from .indicators import REGISTRY, compute, headline  # noqa: E402
from .loaders import Dataset, load  # noqa: E402
from .problems import DataError, Problem  # noqa: E402
from .sources import load_glotip, load_sherloc_cases, load_treaty_status  # noqa: E402

__all__ = ["REGISTRY", "DataError", "Dataset", "Frame", "Problem", "compute", "headline",
           "indicators", "load", "load_glotip", "load_sherloc_cases", "load_treaty_status",
           "programmes", "sources", "__version__"]

"""Public data: UNODC GLOTIP, the SHERLOC case lists and the UN treaty status.

Read as their publishers export them (:mod:`.sources`); a notebook asks for them
with ``h.public.public_sources(config, ...)``.
"""

from .sources import (
    NO_CONFIG,
    SOURCES,
    PublicSources,
    detected_victims,
    detected_victims_all_years,
    load_glotip,
    load_sherloc_cases,
    load_treaty_status,
    public_sources,
    read_config,
)

__all__ = ["NO_CONFIG", "SOURCES", "PublicSources", "detected_victims",
           "detected_victims_all_years", "load_glotip", "load_sherloc_cases",
           "load_treaty_status", "public_sources", "read_config"]

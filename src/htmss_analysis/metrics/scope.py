"""What a figure, a selection or a report is about: a year, and a programme, a country or a region.

Made and checked once, at the report's door (:func:`Scope.of`): a programme
written ``GLO.ACT`` or ``all``, a country written as a name, a region written
as its English name or as a number, all become the codes the counting reads.
Everything below takes the scope as given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import countries
from ..programmes import programme_code


@dataclass(frozen=True)
class Scope:
    """A year, and a programme (None: the section), a country or a region (None: all).

    Attributes
    ----------
    year : int
        The reporting year.
    programme : str or None
        A programme code (``GLOACT``), or None for the section as a whole.
    country : str or None
        An ISO3 code, for a country's figures.
    region : str or None
        A UN M49 code (:func:`htmss_analysis.countries.region_of`), for a region's.
    """

    year: int
    programme: str | None = None
    country: str | None = None
    region: str | None = None

    def needs(self, part: str) -> str:
        """Return the scope's ``country`` or ``region``; ValueError for a scope without it.

        A country's (a region's) count asked of a scope that names none is an
        error, never the section's answer.
        """
        value = getattr(self, part)
        if value is None:
            raise ValueError(f"{self} names no {part}: Scope.of(year, programme, {part}=...)")
        return value

    def in_year(self, year: int) -> Scope:
        """Return the same scope in another year (the year before, the priorities of the next)."""
        return replace(self, year=year)

    @classmethod
    def of(cls, year: int, programme: str | None = None, country: str | None = None,
           region: str | int | None = None) -> Scope:
        """Read a scope as a user writes it; raise ValueError (or UnknownCountry) if it is none.

        ``programme``: a code, ``GLO.ACT``, ``all`` or None; ``country``: an ISO3
        code or a name the contract accepts; ``region``: an M49 code (as text
        or a number) or a region's English name.
        """
        return cls(int(year), programme_code(programme),
                   countries.to_iso3(country) if country else None,
                   countries.to_region(region) if region not in (None, "") else None)

"""Every kind of report a build makes, declared once.

One :class:`Kind` per kind: its notebook, the folder its reports go to, the
notebook parameter naming the report's subject, which reports of the kind
exist (its fan-out), the public inputs a report reads, the kind an index
lists, and its label on the page of every report. The build (plan,
manifests, the page of every report), the report's context and the CLI read
:data:`REGISTRY`; nothing else tells one kind from another by its name.

A new kind is one entry here, its notebook and its words in the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import countries, programmes

INDEX = "index"
"""The name of an index of briefs (``countries/index.html``, ``regions/index.html``)."""


def _never(_name: str) -> bool:
    return False


@dataclass(frozen=True)
class Kind:
    """One kind of report.

    Attributes
    ----------
    key : str
        The kind's key (``programme``, ``country``).
    notebook : str
        The notebook, in :func:`htmss_analysis.paths.notebooks`, that makes it.
    folder : str
        The folder under a language's folder its reports go to (``countries``);
        empty: the language's folder itself.
    subject : str
        The notebook parameter naming what one report is about (``country``);
        empty when the kind has one report (the highlights, an index).
    names : callable
        ``names(name) -> bool``: whether ``name`` (a file name without suffix)
        is one of this kind's reports.
    fixed : tuple of str
        The reports of a kind whose reports are known without data (the
        programme codes); empty when the data decides (:attr:`fan_out`).
    fan_out : str
        For a kind the data decides: what gets a report, as the CLI explains it.
    public : callable
        ``public(name) -> tuple`` of the public sources' keys report ``name`` reads.
    lists : str
        For an index: the key of the kind it lists, and the notebook parameter
        naming those listed is that kind's :attr:`folder`.
    links_briefs : bool
        Whether its pages name countries linked to their briefs (the notebook
        takes ``briefs`` and ``brief_countries``).
    label : str
        How the page of every report names one of its reports (English; a
        ``{name}`` field is the programme's label, ``{n}`` the briefs listed).
    home : bool
        Whether the page of every report lists each report of the kind (briefs
        are reached through their index).
    parse : callable, optional
        ``parse(text) -> name``: read a report of the kind as a user writes it
        (``GLO.ACT`` for ``GLOACT``); raises ValueError for none of its reports.
    shown : callable
        ``shown(name) -> text``: how its :attr:`label` names report ``name``
        (``GLO.ACT`` for ``GLOACT``).
    printed : bool
        Whether the build prints its reports too, as an A4 PDF beside the HTML
        (where the machine has Chromium): the print edition.
    companion_of : str
        For a technical companion: the key of the kind whose one report it
        accompanies (the publication). It is built whenever that report is, in
        the same folder, and the two pages link to each other (the notebook
        parameters :data:`TECHNICAL` and :data:`PUBLICATION`).
    """

    key: str
    notebook: str
    folder: str = ""
    subject: str = ""
    names: Callable[[str], bool] = _never
    fixed: tuple[str, ...] = ()
    fan_out: str = ""
    public: Callable[[str], tuple[str, ...]] = lambda _name: ()
    lists: str = ""
    links_briefs: bool = False
    label: str = ""
    home: bool = False
    parse: Callable[[str], str] | None = None
    shown: Callable[[str], str] = str
    companion_of: str = ""
    printed: bool = False

    def is_name(self, name: object) -> bool:
        """Say whether ``name`` is one of this kind's reports."""
        return isinstance(name, str) and (name in self.fixed or self.names(name))

    def home_label(self, name: str, listed: int = 0) -> str:
        """Return the kind's label for report ``name`` on the page of every report."""
        return self.label.format(name=self.shown(name), n=listed)


BRIEF_PUBLIC = ("glotip", "sherloc_tip", "sherloc_som", *programmes.TREATIES)
"""The public sources a brief (of a country or a region) reads."""


def _programme_public(name: str) -> tuple[str, ...]:
    return ("glotip", "sherloc_tip", "sherloc_som", *programmes.PROGRAMMES[name].treaties)


def _is_region(name: str) -> bool:
    return name in countries.regions()


REGISTRY: dict[str, Kind] = {k.key: k for k in (
    Kind("highlights", "highlights.ipynb", fixed=("highlights",), links_briefs=True,
         label="Highlights at a glance", home=True, printed=True),
    Kind("technical", "highlights_technical.ipynb", fixed=("highlights-technical",),
         public=lambda _name: tuple(programmes.TREATIES),
         label="Highlights at a glance: technical companion", home=True,
         companion_of="highlights"),
    Kind("programme", "programme_report.ipynb", subject="programme",
         fixed=tuple(programmes.CODES), public=_programme_public, links_briefs=True,
         label="{name} programme report", home=True, parse=programmes.parse_programme,
         shown=programmes.label),
    Kind("country", "country_brief.ipynb", folder="countries", subject="country",
         names=countries.is_code, public=lambda _name: BRIEF_PUBLIC,
         fan_out="a country where the section worked in the year (an activity held there)"),
    Kind("countries", "country_index.ipynb", folder="countries", fixed=(INDEX,),
         lists="country", label="Country briefs ({n})", home=True),
    Kind("region", "region_brief.ipynb", folder="regions", subject="region", names=_is_region,
         links_briefs=True,
         fan_out="a region (UN M49 intermediate region, else sub-region) where the section "
                 "worked in the year (an activity held in one of its countries)"),
    Kind("regions", "region_index.ipynb", folder="regions", fixed=(INDEX,), lists="region",
         label="Regional briefs ({n})", home=True),
)}
"""Every kind of report, in the order the page of every report lists them."""

FOLDERS: tuple[str, ...] = tuple(dict.fromkeys(k.folder for k in REGISTRY.values()))
"""The folders of a language's reports: its own (``""``) first, then each kind's."""

BRIEF_RULES = ("worked", "all")
"""The words that choose briefs by a rule, from the data: where the section worked (the
default set), or ``all``; anything else names the subjects. A build of a rule replaces
the briefs an earlier build of it made; the notebooks take the words as they are
(``brief_countries``) and work the countries out alike.
"""

TECHNICAL = "technical"
"""The parameter of a publication's notebook giving its companion's address (``companion_of``)."""

PUBLICATION = "publication"
"""The parameter of a companion's notebook giving its publication's address."""

PRINT_EDITION = "print_edition"
"""The parameter of a printed kind's notebook giving its print edition's address (PDF)."""

BRIEFED = "country"
"""The kind whose reports other pages link country names to (``briefs``, ``brief_countries``)."""

REGIONAL = "region"
"""The kind of the regional briefs."""


def main_reports(registry: dict[str, Kind] | None = None) -> list[str]:
    """Return every report of a language's own folder one asks for, in the registry's order.

    A technical companion is not among them: it comes with its publication.
    """
    return [name for kind in in_folder("", registry) if not kind.companion_of
            for name in kind.fixed]


def companion(kind: Kind, registry: dict[str, Kind] | None = None) -> Kind | None:
    """Return the technical companion of ``kind``'s report, if it has one."""
    return next((k for k in (registry or REGISTRY).values() if k.companion_of == kind.key),
                None)


def parse_report_name(text: str, registry: dict[str, Kind] | None = None) -> str:
    """Return the report of a language's own folder that ``text`` names.

    Raises
    ------
    ValueError
        For anything else (the message lists the reports).
    """
    for kind in in_folder("", registry):
        said = {name.lower(): name for name in kind.fixed}
        if text.strip().lower() in said:
            return said[text.strip().lower()]
        if kind.parse is not None:
            try:
                return kind.parse(text)
            except ValueError:
                pass
    raise ValueError(f"unknown report {text!r}: expected {', '.join(main_reports(registry))}")


def in_folder(folder: str, registry: dict[str, Kind] | None = None) -> list[Kind]:
    """Return the kinds whose reports go to ``folder`` (``""`` for a language's own)."""
    return [k for k in (registry or REGISTRY).values() if k.folder == folder]


def kind_of(folder: str, name: object, registry: dict[str, Kind] | None = None) -> Kind | None:
    """Return the kind of report ``name`` in ``folder``, or None when it is no report's."""
    return next((k for k in in_folder(folder, registry) if k.is_name(name)), None)


def index_of(kind: Kind, registry: dict[str, Kind] | None = None) -> Kind | None:
    """Return the index kind listing ``kind``'s reports, if one does."""
    return next((k for k in (registry or REGISTRY).values() if k.lists == kind.key), None)



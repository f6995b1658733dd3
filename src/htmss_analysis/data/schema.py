"""The tables of the HTMSS data contract, declared once.

Each table is a list of :class:`Field`. The same declaration drives the
validation (a pandera schema built from it), the error messages (each kind
says what it expects) and the data dictionary in ``docs/data-dictionary.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from .. import countries, programmes, sdg
from ..programmes import LANGUAGE_NAMES, LANGUAGES

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

CAPACITY_BUILDING: frozenset[str] = frozenset(
    {"training", "training_of_trainers", "mentoring", "e_learning", "workshop"}
)
"""Activity types that count as capacity building."""

PERSONAL_DATA: tuple[str, ...] = ("full_name", "email", "phone")
"""Columns accepted on input and dropped at once: never kept, never written."""

PERSONAL_ALIASES: frozenset[str] = frozenset({
    "fullname", "name", "first_name", "last_name", "surname", "e_mail", "mail",
    "email_address", "e_mail_address", "phone_number", "telephone", "mobile"})
"""Other names the personal-data columns go by in offices' sheets: dropped alike."""


def is_personal(header: str) -> bool:
    """Whether a column of this name holds personal data (``E-mail``, ``Full name``, ...)."""
    folded = re.sub(r"[\s\-]+", "_", header.strip().lower())
    return folded in PERSONAL_DATA or folded in PERSONAL_ALIASES


# --- cell kinds ---------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """How one kind of cell is read.

    Attributes
    ----------
    name : str
        Short name used in the data dictionary.
    expected : str
        What a valid cell looks like, for messages and the dictionary.
    parse : callable
        Text (stripped, non-blank) to value; raises ``ValueError`` when invalid.
    options : tuple of str
        For a coded cell, the codes it takes (the data-entry template offers
        them in a drop-down list).
    many : bool
        The cell takes several of them, separated by ``;``.
    """

    name: str
    expected: str
    parse: Callable[[str], object]
    options: tuple[str, ...] = ()
    many: bool = False


FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Dates, months and years outside these are typing slips (and beyond pandas' dates)."""


def _date(text: str) -> pd.Timestamp:
    import pandas as pd
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or \
            not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR:
        raise ValueError(text)
    return pd.Timestamp(date.fromisoformat(text))  # ValueError for 2019-02-31


def _month(text: str) -> pd.Timestamp:
    # Excel turns "2018-03" typed in a cell into the date 2018-03-01.
    import pandas as pd
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-01)?", text)
    if not m or not 1 <= int(m.group(2)) <= 12 or \
            not FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR:
        raise ValueError(text)
    return pd.Timestamp(int(m.group(1)), int(m.group(2)), 1)


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise ValueError(text)
    return int(text)


LARGEST = 10**15
"""Counts and numbers stay below this: beyond it a cell is a typing slip (or would overflow)."""


_SPACES = " \u00a0\u202f\u2009"  # space, no-break, narrow no-break (French), thin
_GROUPED = {  # a whole number written with thousands separators (the first group no zero)
    ",": re.compile(r"[1-9]\d{0,2}(?:,\d{3})+"),
    " ": re.compile(r"[1-9]\d{0,2}(?:[" + _SPACES + r"]\d{3})+"),
    ".": re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+"),
}


def _whole(text: str, decimal: str) -> str | None:
    """Return the digits of a whole number as written, or None.

    Thousands may be grouped by commas (``1,234``) or spaces (``1 234``), and
    by points where the decimal mark is a comma (``1.234,5``); never by the
    decimal mark itself.
    """
    if re.fullmatch(r"\d+", text):
        return text
    for sep, pattern in _GROUPED.items():
        if sep != decimal and pattern.fullmatch(text):
            return re.sub(r"[^\d]", "", text)
    return None


_AMBIGUOUS = re.compile(r"[-+\u2212]?([1-9]\d{0,2})\.(\d{3})")


def ambiguous(text: str) -> tuple[str, str] | None:
    """Return the two readings of a number written ``1.500``, or None if it has one.

    One point followed by exactly three digits is a decimal point to some
    (1.5) and a thousands separator to others (1,500): such a cell is
    refused, never guessed. ``0.500``, ``1.5``, ``1.500,25`` and
    ``2.500.000`` each have one reading.
    """
    body = text.strip().removesuffix("%").rstrip(_SPACES)
    match = _AMBIGUOUS.fullmatch(body)
    if match is None:
        return None
    sign = "-" if body[:1] in "-\u2212" else ""
    whole, part = match.groups()
    return f"{sign}{whole}.{part.rstrip('0') or '0'}", f"{sign}{int(whole + part):,}"


def ambiguity(text: str, expected: str) -> str | None:
    """Say how to write a number that reads two ways (see :func:`ambiguous`), or None.

    ``expected`` is what the column takes, said first as in every message.
    """
    readings = ambiguous(text)
    if readings is None:
        return None
    decimal, thousands = readings
    whole, _, fraction = decimal.partition(".")
    # Written with a fourth decimal, a decimal reading is one number again.
    plain_decimal = whole if fraction == "0" else decimal + ("0" if len(fraction) == 3 else "")
    return (f"{expected}; '{text.strip()}' reads two ways, {decimal} or {thousands}: write "
            f"{thousands.replace(',', '')} or {plain_decimal}")


def _count(text: str) -> int:
    if ambiguous(text):
        raise ValueError(text)
    digits = _whole(text, "")
    if digits is None or int(digits) >= LARGEST:
        raise ValueError(text)
    return int(digits)


def _decimal(text: str) -> float:
    """Read a number as people type it, never as a larger one.

    A decimal point (``4.5``) or a decimal comma (``4,5``, ``0,75``) where the
    comma cannot be a thousands separator: ``1,234`` is one thousand two
    hundred and thirty-four, ``0,750`` and ``4,5`` are decimals. Thousands may
    be grouped by commas or spaces, or by points before a decimal comma
    (``1.234,5``). A sign may lead (``-``, ``+`` or the minus sign ``−``).
    """
    if ambiguous(text):
        raise ValueError(text)
    sign, body = "", text
    if body[:1] in "-+\u2212":
        sign, body = ("-" if body[0] != "+" else ""), body[1:]
    if body.startswith("."):
        body = "0" + body
    for decimal in (".", ","):
        whole, _, fraction = body.partition(decimal)
        if fraction and not fraction.isdigit():
            continue
        if decimal == "," and _GROUPED[","].fullmatch(body):
            break  # 1,234: thousands, read below with the point as the mark
        digits = _whole(whole, decimal)
        if digits is not None and (fraction or decimal not in body):
            return float(f"{sign}{digits}.{fraction or 0}")
    digits = _whole(body, ".")
    if digits is None:
        raise ValueError(text)
    return float(f"{sign}{digits}")


def _number(text: str) -> float:
    """Read a number (see :func:`_decimal`), or a percentage (``50%``) as its percent (50)."""
    percent = is_percentage(text)
    body = text.rstrip().removesuffix("%").rstrip(_SPACES) if percent else text
    try:
        value = _decimal(body)
    except (ValueError, OverflowError):
        raise ValueError(text) from None
    if not abs(value) < LARGEST:
        raise ValueError(text)
    return value


def is_percentage(text: str) -> bool:
    """Whether a number cell is written as a percentage (``50%``, as Excel shows one)."""
    return text.rstrip().endswith("%")


def is_percent_unit(unit: str) -> bool:
    """Whether a unit says its numbers are percentages (``%``, ``percent``, ``porcentaje``)."""
    folded = unit.strip().lower()
    return folded.startswith("%") or bool(re.search(
        r"\b(per ?cent(age)?|pourcentage|porcentaje|por ciento)\b", folded))


def _score(text: str) -> float:
    value = _number(text)
    if not 0 <= value <= 100:
        raise ValueError(text)
    return value


def _programme(text: str) -> str:
    return programmes.parse_programme(text)


def _country(text: str) -> str:
    try:
        return countries.to_iso3(text)
    except countries.UnknownCountry as exc:
        raise ValueError(str(exc)) from None


def _jurisdiction(text: str) -> str:
    if " ".join(text.split()).casefold() == countries.INTERNATIONAL_BODIES.casefold():
        return countries.INTERNATIONAL_BODIES
    return _country(text)


def _list_of(parse: Callable[[str], object],
             order: Callable[[object], object] | None = None) -> Callable[[str], tuple]:
    def parse_list(text: str) -> tuple:
        items = [item.strip() for item in text.split(";") if item.strip()]
        if not items:
            raise ValueError(text)
        # Sorted and deduplicated so that "TIP;SOM" and "SOM;TIP" are one value; ``order``
        # gives the sort its own sense (SDG targets in the UN's order: 5.2 before 10.7).
        return tuple(sorted({parse(item) for item in items}, key=order))

    return parse_list


def _choice(*options: str, synonyms: dict[str, str] | None = None) -> Callable[[str], str]:
    table = {o.casefold(): o for o in options} | {
        k.casefold(): v for k, v in (synonyms or {}).items()
    }

    def parse_choice(text: str) -> str:
        key = text.strip().casefold()
        if key not in table:
            raise ValueError(text)
        return table[key]

    return parse_choice


def choice(*options: str, synonyms: dict[str, str] | None = None) -> Kind:
    """Build the kind of a cell that takes one of ``options``."""
    shown = ", ".join(options)
    if synonyms:
        shown += " (" + ", ".join(f"{k} = {v}" for k, v in synonyms.items()) + ")"
    return Kind("choice", f"one of {shown}", _choice(*options, synonyms=synonyms), options)


TEXT = Kind("text", "text", str)
DATE = Kind("date", "a date that exists, written YYYY-MM-DD (or an Excel date cell), in "
            "1900-2100", _date)
MONTH = Kind("month", "a month written YYYY-MM, in 1900-2100", _month)
YEAR = Kind("year", "a four-digit year, 1900-2100", _year)
COUNT = Kind("count", "a whole number, 0 or more, below 10^15 (thousands may be grouped: "
             "1,234 or 1 234)", _count)
NUMBER = Kind("number", "a number between -10^15 and 10^15, decimals after a point or a "
              "comma (4.5 or 4,5; 1,234 is a thousand and more), a percentage (50%) only where "
              "the row's unit is %", _number)
SCORE = Kind("score", "a score from 0 to 100 (7.5 or 7,5; a percentage cell such as 75% "
             "reads 75)", _score)
PROGRAMME = Kind("programme", f"a programme code: {programmes.EXPECTED}", _programme,
                 programmes.CODES)
PROGRAMMES_LIST = Kind(
    "programmes", f"programme codes ({programmes.EXPECTED}) separated by ';'",
    _list_of(_programme), programmes.CODES, many=True,
)
COUNTRY = Kind("country", "an ISO3 code or a country name the UN or UNODC uses", _country)
COUNTRIES_LIST = Kind(
    "countries", "ISO3 codes or country names separated by ';'", _list_of(_country), many=True
)
JURISDICTION = Kind(
    "jurisdiction",
    "an ISO3 code, a country name, or 'International and regional bodies'",
    _jurisdiction,
)
IDS = Kind("ids", "identifiers separated by ';'", _list_of(str.strip), many=True)
SDG_TARGETS = Kind(
    "sdg_targets",
    "official SDG target codes such as 5.2, 8.7, 16.2 separated by ';'",
    _list_of(sdg.parse_target, sdg.TARGETS.index), sdg.TARGETS, many=True,
)
THEMES = Kind("themes", "TIP, SOM or TIP;SOM", _list_of(_choice("TIP", "SOM")), ("TIP", "SOM"),
              many=True)


# --- tables -------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One column of a table.

    Attributes
    ----------
    name : str
        Column name (matched without regard to case or surrounding spaces).
    kind : Kind
        How its cells are read.
    description : str
        What it means, for the data dictionary.
    required : bool
        The column must be present and every cell filled.
    default : object
        Value of a blank cell in an optional column.
    identifier : bool
        An id: two cells are the same id when they differ only in case, width
        or invisible characters (see :func:`id_key`).
    translated : bool
        Free text that may carry its translations (contract version 3): the
        table then has an optional ``<name>_<lang>`` column after it for every
        report language but English (see :func:`translations`).
    """

    name: str
    kind: Kind
    description: str
    required: bool = True
    default: object = None
    identifier: bool = False
    translated: bool = False


@dataclass(frozen=True)
class Table:
    """One table of the contract.

    Attributes
    ----------
    name : str
        Table name, which is also its file or sheet name.
    description : str
        What one row is.
    fields : tuple of Field
        Its columns.
    key : tuple of str
        Columns that together identify a row (unique).
    required : bool
        Whether a data folder must contain it.
    period : str
        The column that places a row in a year (a date, month or year);
        blank for a table whose rows take the year of another's (attendances
        take their activity's).
    """

    name: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ()
    required: bool = True
    period: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def columns(self) -> list[str]:
        """The names of its fields, in order."""
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        """Return the field named ``name``."""
        return next(f for f in self.fields if f.name == name)


ACTIVITY_TYPES = (
    "training", "training_of_trainers", "mentoring", "e_learning", "workshop", "conference",
    "expert_meeting", "legislative_assistance", "policy_advice", "awareness_raising",
    "research", "other",
)  # fmt: skip
GROUPS = (
    "law_enforcement", "prosecution", "judiciary", "labour_inspection", "government",
    "civil_society", "international_organization", "academia", "other",
)  # fmt: skip
SEXES = ("female", "male", "other", "unknown")
PUBLICATION_CATEGORIES = ("standard_setting_tool", "technical_cooperation_tool", "publication",
                          "teaching_module")
ENGAGEMENT_KINDS = ("session_serviced", "meeting_organized", "briefing", "report_input",
                    "report_prepared", "joint_publication")
"""Kinds of intergovernmental and inter-agency work (contract version 2; ``joint_publication``,
a publication made with other agencies, version 3: listed, counted in no figure)."""

ORDER_NOTE = ("position on the page's list; blank = file order, after the numbered ones; "
              "figures never depend on it (contract version 3)")
"""What the optional ``order`` column of engagements, publications and stories means."""
PRIORITY_AREAS = ("technical_cooperation", "intergovernmental", "knowledge")

STORY_QUALIFIERS = ("more_than", "about")
"""How a story's figure may be qualified, as the publication writes it ("more than 20")."""

NARRATIVE_PARTS = ("what_we_do", "technical_cooperation", "intergovernmental", "knowledge",
                   "sdgs")
"""The parts of the highlights a narrative text belongs to, in the publication's order."""

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "activities",
            "one technical cooperation activity",
            (
                Field("activity_id", TEXT, "unique identifier", identifier=True),
                Field("programme", PROGRAMMES_LIST, "programme(s); a joint activity lists each"),
                Field("title", TEXT, "title of the activity", translated=True),
                Field("activity_type", choice(*ACTIVITY_TYPES), "kind of activity"),
                Field("role", choice("organized", "contributed"), "organized or contributed to"),
                Field("level", choice("national", "regional", "global"), "geographic level"),
                Field("start_date", DATE, "first day"),
                Field("end_date", DATE, "last day, not before start_date; blank = start_date",
                      required=False),
                Field("country", COUNTRY, "the country assisted (national level, required); "
                      "the host country (regional, global), may be blank", required=False),
                Field("theme", THEMES, "TIP, SOM or both"),
                Field("sdg_targets", SDG_TARGETS, "SDG targets it contributes to",
                      required=False, default=()),
                Field("partners", TEXT, "partner organisations", required=False, default="",
                      translated=True),
            ),
            key=("activity_id",),
            period="start_date",
            notes=(
                "Capacity-building activities are those of type training, training_of_trainers, "
                "mentoring, e_learning or workshop.",
            ),
        ),
        Table(
            "participants",
            "one person's attendance at one activity",
            (
                Field("activity_id", TEXT, "an activity_id of the activities table",
                      identifier=True),
                Field("participant_id", TEXT, "pseudonymous id, the same across activities",
                      identifier=True),
                Field("sex", choice(*SEXES, synonyms={"F": "female", "M": "male"}),
                      "sex; blank = unknown", required=False, default="unknown"),
                Field("nationality", COUNTRY, "country of nationality; blank = unknown",
                      required=False),
                Field("group", choice(*GROUPS), "professional group; blank = other",
                      required=False, default="other"),
                Field("pre_test", SCORE, "knowledge test score before", required=False),
                Field("post_test", SCORE, "knowledge test score after", required=False),
            ),
            required=False,
            notes=(
                "full_name, email and phone are personal data: accepted on input, dropped on "
                "reading, never written to any output.",
                "The same (activity_id, participant_id) twice is one attendance (a warning).",
            ),
        ),
        Table(
            "cases",
            "one case entered in a UNODC case law database",
            (
                Field("case_id", TEXT, "unique within its database", identifier=True),
                Field("database", choice("TIP", "SOM"), "case law database"),
                Field("jurisdiction", JURISDICTION, "country, or International and regional "
                      "bodies"),
                Field("added_date", DATE, "date the case was analysed and added"),
                Field("decision_year", YEAR, "year of the decision", required=False),
                Field("programme", PROGRAMME, "blank = " + ", ".join(
                    f"{p.code} for {p.case_database}" for p in programmes.PROGRAMMES.values()
                    if p.case_database),
                      required=False),
                Field("title", TEXT, "case title", required=False, default=""),
                Field("url", TEXT, "case page", required=False, default=""),
            ),
            key=("case_id", "database"),
            period="added_date",
            required=False,
        ),
        Table(
            "publications",
            "one tool or publication",
            (
                Field("publication_id", TEXT, "unique identifier", identifier=True),
                Field("programme", PROGRAMMES_LIST, "programme(s)"),
                Field("title", TEXT, "title", translated=True),
                Field("category", choice(*PUBLICATION_CATEGORIES), "category; teaching "
                      "modules (e.g. the E4J university modules) are counted apart from tools "
                      "and publications"),
                Field("published_date", DATE, "date of publication"),
                Field("downloads", COUNT, "downloads", required=False),
                Field("order", COUNT, ORDER_NOTE, required=False),
            ),
            key=("publication_id",),
            period="published_date",
            required=False,
        ),
        Table(
            "web_stories",
            "one web story",
            (
                Field("story_id", TEXT, "unique identifier", identifier=True),
                Field("site", TEXT, "web site, e.g. UNODC/HTMSS or GLO.ACT"),
                Field("published_date", DATE, "date published"),
                Field("title", TEXT, "headline", translated=True),
                Field("programme", PROGRAMMES_LIST, "programme(s); blank = the section as a whole",
                      required=False, default=()),
            ),
            key=("story_id",),
            period="published_date",
            required=False,
        ),
        Table(
            "web_traffic",
            "page views of one site in one month",
            (
                Field("site", TEXT, "web site"),
                Field("month", MONTH, "month"),
                Field("page_views", COUNT, "page views in the month"),
                Field("programme", PROGRAMME, "programme; blank = the section as a whole",
                      required=False),
            ),
            key=("site", "month"),
            period="month",
            required=False,
        ),
        Table(
            "social_media",
            "posts of one account in one month",
            (
                Field("account", TEXT, "account, e.g. @UNODC_HTMSS"),
                Field("month", MONTH, "month"),
                Field("posts", COUNT, "posts in the month"),
                Field("programme", PROGRAMME, "programme; blank = the section as a whole",
                      required=False),
            ),
            key=("account", "month"),
            period="month",
            required=False,
        ),
        Table(
            "results",
            "one indicator of a programme's results framework in one year",
            (
                Field("programme", PROGRAMME, "programme"),
                Field("result_id", TEXT, "identifier, unique within programme and year",
                      identifier=True),
                Field("level", choice("outcome", "output"), "level of the result"),
                Field("indicator", TEXT, "indicator wording", translated=True),
                Field("unit", TEXT, "unit", required=False, default="", translated=True),
                Field("direction", choice("increase", "decrease"), "desired direction",
                      required=False, default="increase"),
                Field("baseline", NUMBER, "baseline value"),
                Field("target", NUMBER, "target value"),
                Field("actual", NUMBER, "actual value", required=False),
                Field("year", YEAR, "year"),
                Field("figure", TEXT, "a headline figure key (e.g. people_trained): the actual "
                      "is then computed for the row's programme and year, and a typed actual "
                      "that differs is a warning (contract version 3)", required=False,
                      default=""),
            ),
            key=("programme", "result_id", "year"),
            period="year",
            required=False,
        ),
        Table(
            "engagements",
            "one piece of intergovernmental or inter-agency work (contract version 2)",
            (
                Field("engagement_id", TEXT, "unique identifier", identifier=True),
                Field("date", DATE, "the session's or meeting's first day, the report's "
                      "submission date"),
                Field("kind", choice(*ENGAGEMENT_KINDS),
                      "session_serviced (a session of an intergovernmental body the section "
                      "serviced), meeting_organized, briefing (briefing or side event), "
                      "report_input (input to a report of the Secretary-General, General "
                      "Assembly, Security Council, ECOSOC), report_prepared (a report the "
                      "section drafted or coordinated), joint_publication (a publication "
                      "made with other agencies, e.g. an ICAT Issue Brief; counted in no "
                      "figure)"),
                Field("body", TEXT, "the body or process, e.g. CCPCJ, UNTOC COP, Working "
                      "Group on TIP, ICAT, Security Council", translated=True),
                Field("title", TEXT, "title", translated=True),
                Field("programme", PROGRAMMES_LIST, "programme(s); blank = the section as a "
                      "whole", required=False, default=()),
                Field("place", TEXT, "place", required=False, default="", translated=True),
                Field("note", TEXT, "note", required=False, default="", translated=True),
                Field("order", COUNT, ORDER_NOTE, required=False),
            ),
            key=("engagement_id",),
            period="date",
            required=False,
        ),
        Table(
            "priorities",
            "one priority for a coming year (contract version 2)",
            (
                Field("year", YEAR, "the year the priorities are for (the 2018 highlights "
                      "show those for 2019)"),
                Field("area", choice(*PRIORITY_AREAS), "technical_cooperation, "
                      "intergovernmental or knowledge"),
                Field("text", TEXT, "the priority", translated=True),
                Field("order", COUNT, "position in its area; blank = file order",
                      required=False),
            ),
            required=False,
        ),
        Table(
            "stories",
            "one results story",
            (
                Field("story_id", TEXT, "unique identifier", identifier=True),
                Field("programme", PROGRAMMES_LIST, "programme(s)"),
                Field("country", COUNTRIES_LIST, "countries", required=False, default=()),
                Field("year", YEAR, "year"),
                Field("title", TEXT, "title", translated=True),
                Field("summary", TEXT, "summary", translated=True),
                Field("figure", NUMBER, "a headline number", required=False),
                Field("unit", TEXT, "what the figure counts", required=False, default="",
                      translated=True),
                Field("qualifier", choice(*STORY_QUALIFIERS), "how the figure reads: "
                      "more_than ('more than 20'), about ('about 60,000'); blank = exactly",
                      required=False, default=""),
                Field("sdg_targets", SDG_TARGETS, "SDG targets", required=False, default=()),
                Field("activity_ids", IDS, "the activities the story reports on (activity_id "
                      "values, ';'); an unknown id is an error, a story whose programmes are "
                      "not among its activities' is a warning (contract version 3)",
                      required=False, default=()),
                Field("order", COUNT, ORDER_NOTE, required=False),
            ),
            key=("story_id",),
            period="year",
            required=False,
        ),
        Table(
            "narrative",
            "one paragraph (or more) of the publication's own words (contract version 3)",
            (
                Field("year", YEAR, "the year of the publication the text belongs to"),
                Field("part", choice(*NARRATIVE_PARTS), "what_we_do, technical_cooperation, "
                      "intergovernmental, knowledge or sdgs"),
                Field("order", COUNT, "position in its part; blank = file order",
                      required=False),
                Field("heading", TEXT, "heading", required=False, default="",
                      translated=True),
                Field("text", TEXT, "plain text; a blank line separates paragraphs; no markup "
                      "is interpreted", translated=True),
            ),
            required=False,
        ),
    )
}
"""Every table of the contract, by name."""


def translations(field: Field) -> tuple[Field, ...]:
    """Return the optional translated columns of a free-text field (contract version 3).

    One ``<name>_<lang>`` per report language but English, in
    :data:`htmss_analysis.programmes.LANGUAGES`' order; a blank cell means
    "no translation".
    """
    if not field.translated:
        return ()
    return tuple(Field(f"{field.name}_{lang}", TEXT,
                       f"{field.description}, in {LANGUAGE_NAMES[lang]} (contract version 3)",
                       required=False, default="") for lang in LANGUAGES[1:])


TABLES = {name: replace(table, fields=tuple(f for field in table.fields
                                             for f in (field, *translations(field))))
          for name, table in TABLES.items()}


def id_key(text: str) -> str:
    """Return the form in which ids are compared: as people read them.

    Unicode compatibility forms folded (NFKC: a full-width ``Ｈ`` is ``H``),
    invisible characters removed (zero-width spaces, soft hyphens: Unicode
    category Cf), spaces at the ends dropped and case folded, so that
    ``HT002657``, ``ht002657`` and ``HT002657`` followed by a zero-width
    space are one id.
    """
    import unicodedata

    if text.isascii():
        return text.strip().lower()
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf").strip().casefold()


def pandera_schema(table: Table, present: list[str],
                   distinct: dict[str, tuple] | None = None) -> pa.DataFrameSchema:
    """Build the pandera schema that checks a table's raw text cells.

    Parameters
    ----------
    table : Table
        The table declaration.
    present : list of str
        Columns present in the file; optional fields absent from it are skipped.
    distinct : dict, optional
        Column name to ``(codes, uniques)`` as :func:`pandas.factorize` gives
        them, filled as columns are checked so that the caller can convert
        each distinct cell without factorizing the column again.

    Returns
    -------
    pandera.DataFrameSchema
        Checks that required columns exist, required cells are filled and every
        filled cell parses as its kind. Cells are strings, blank = ``""``.
    """
    import pandera.pandas as pa
    columns = {}
    for f in table.fields:
        if not f.required and f.name not in present:
            continue
        checks = [] if f.kind is TEXT else [
            pa.Check(_parses(f.kind, f.name, {} if distinct is None else distinct),
                     error=f.kind.expected)]
        if f.required:
            checks.insert(0, pa.Check(_filled, error="a value (it is required)"))
        # No dtype check: cells are text by construction, whichever string storage holds them.
        columns[f.name] = pa.Column(None, checks=checks, required=True, coerce=False)
    return pa.DataFrameSchema(columns, strict=False, name=table.name)


def _filled(cells: pd.Series) -> pd.Series:
    return cells != ""


def _parses(kind: Kind, name: str, distinct: dict[str, tuple]
            ) -> Callable[[pd.Series], pd.Series]:
    """Check a column by parsing each distinct cell once (blank cells pass)."""
    import numpy as np
    import pandas as pd

    def check(cells: pd.Series) -> pd.Series:
        if name not in distinct or len(distinct[name][0]) != len(cells):
            distinct[name] = pd.factorize(cells)
        codes, uniques = distinct[name]
        ok = np.fromiter((cell == "" or _valid(kind, cell) for cell in uniques), dtype=bool,
                         count=len(uniques))
        return pd.Series(ok.take(codes), index=cells.index)

    return check


def _valid(kind: Kind, cell: str) -> bool:
    try:
        kind.parse(cell)
    except ValueError:
        return False
    return True


def _reading_rules() -> list[str]:
    """Return the rules every cell is read by, for the data dictionary."""
    from ..io.excel import MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS

    return [
        "## How cells are read",
        "",
        "- Numbers: a decimal point (`4.5`) or a decimal comma (`4,5`, `0,75`) where the comma "
        "cannot be a thousands separator; `1,234` is one thousand two hundred and thirty-four. "
        "Thousands may be grouped by commas or spaces (`1 234`), or by points before a decimal "
        "comma (`1.234,5`). Counts are whole numbers (`615.232` is refused, not guessed).",
        "- Percentages: an Excel cell formatted as a percentage is read as the percentage it "
        "shows (`50%` is 50, not 0.5), as is `50%` typed in a CSV file. A score (0-100) takes "
        "it as it is; any other number takes it only where the row's `unit` is a percentage "
        "(`%`, `percent`, `pourcentage`, `porcentaje`), and refuses it elsewhere.",
        f"- Dates, months and years: {FIRST_YEAR}-{LAST_YEAR}, and the day must exist "
        "(`2019-02-31` is refused).",
        "- Ids (`activity_id`, `participant_id`, and every other `..._id`) are compared as "
        "people read them: Unicode compatibility forms folded (NFKC), invisible characters "
        "(zero-width spaces, soft hyphens) removed, case ignored. `HT002657` and `ht002657` are "
        "one person, written as first found, with a warning.",
        "- SDG targets typed in a General cell are numbers to Excel, and `16.10` becomes "
        "`16.1`: such a number is refused wherever it could have lost a zero (format the "
        "column as Text).",
        f"- Excel: a sheet is read up to {MAX_ROWS:,} rows, {MAX_COLUMNS:,} columns and "
        f"{MAX_CELLS:,} cells (A1 to the last value), and a cell up to {MAX_CELL_CHARS:,} "
        f"characters (Excel's own limit; CSV cells too, and a CSV record up to {MAX_COLUMNS:,} "
        "cells); a larger "
        "sheet is refused before it is read. Error values (`#DIV/0!`, `#N/A`), formulas saved "
        "without their result and merged cells over data rows are errors at their cell, "
        "never blanks.",
        "- Files: only regular files are read (not a pipe or a device). Personal-data columns "
        f"({', '.join(PERSONAL_DATA)}, and the like: `E-mail`, `Full name`, `Telephone`) are "
        "dropped on reading and never quoted in a message.",
        "",
    ]


def data_dictionary() -> str:
    """Render the data dictionary of every table as Markdown.

    Returns
    -------
    str
        One section per table with each column's kind, whether it is required,
        its accepted values and meaning.
    """
    lines = [
        "# Data dictionary",
        "",
        "Generated from `src/htmss_analysis/schema.py` by `htmss-analysis docs`;",
        "do not edit by hand. Column names are matched without regard to case or",
        "surrounding spaces; extra columns are ignored.",
        "",
        *_reading_rules(),
    ]
    for t in TABLES.values():
        lines += [f"## {t.name}", "", f"One row: {t.description}. "
                  f"{'Required table.' if t.required else 'Optional table.'}"]
        if t.key:
            lines[-1] += f" Unique key: {', '.join(t.key)}."
        lines += ["", "| column | required | accepted values | meaning |", "|---|---|---|---|"]
        for f in t.fields:
            lines.append(f"| {f.name} | {'yes' if f.required else 'no'} | {f.kind.expected} "
                         f"| {f.description} |")
        lines += [""] + [f"- {n}" for n in t.notes] + ([""] if t.notes else [])
    return "\n".join(lines).rstrip() + "\n"

"""The report's vocabulary: codes and column names as words, in the report's language.

Coded values of the contract (``training_of_trainers``) and the package's
column names (``rows_left``) are shown as words and translated here; nothing
else. Declared as messages so that Babel extracts them into the catalogs.
"""

from __future__ import annotations

from ..languages import _
from ..marks import N_

NOT_ATTRIBUTED = N_("not attributed")
"""How a figure the data never attributes to a programme reads in a table (translated)."""

NO_RECORDS = N_("no records")
"""How a figure reads when no row of the year could count it: unknown, not 0 (translated)."""

REASONS = {"not_attributed": NOT_ATTRIBUTED, "no_records": NO_RECORDS}
"""Why a table shows no number where a number would stand, by code, with its words."""


class Unknown(str):
    """No number where a number would stand: the words of its reason, and the reason's code.

    A table shows the words ("not attributed", in the report's language); the
    workbook leaves the cell empty and notes the reason (see
    :func:`htmss_analysis.report.workbook.numbers_only`), reading the code,
    never the words back.
    """

    reason: str

    def __new__(cls, reason: str, text: str | None = None) -> Unknown:
        """Make the words of ``reason`` in the current language (or ``text``, as written)."""
        made = super().__new__(cls, _(REASONS[reason]) if text is None else text)
        made.reason = reason
        return made

    def __reduce__(self):
        return (Unknown, (self.reason, str(self)))


def words(value: object) -> str:
    """Show a code such as ``training_of_trainers`` as words, in the report's language."""
    return _(str(value).replace("_", " "))


VOCABULARY = (
    # Coded values of the data contract, as the reports show them (``words``).
    N_("training"), N_("training of trainers"), N_("mentoring"), N_("e learning"),
    N_("workshop"), N_("conference"), N_("expert meeting"), N_("legislative assistance"),
    N_("policy advice"), N_("awareness raising"), N_("research"), N_("other"),
    N_("law enforcement"), N_("prosecution"), N_("judiciary"), N_("labour inspection"),
    N_("government"), N_("civil society"), N_("international organization"), N_("academia"),
    N_("female"), N_("male"), N_("unknown"), N_("organized"), N_("contributed"),
    N_("national"), N_("regional"), N_("global"), N_("all levels"),
    N_("standard setting tool"), N_("technical cooperation tool"), N_("publication"),
    N_("teaching module"), N_("session serviced"), N_("meeting organized"), N_("briefing"),
    N_("report input"), N_("report prepared"), N_("joint publication"), N_("outcome"), N_("output"),
    N_("increase"), N_("decrease"), N_("ratification"), N_("accession"), N_("succession"),
    N_("acceptance"), N_("approval"), N_("signature"), N_("women"), N_("men"), N_("girls"),
    N_("boys"), N_("victims"), N_("Unknown"), N_("International and regional bodies"),
    N_("all"), N_("none"), N_("synthetic sample"), N_("yes"), N_("as published"),
    # The two themes, as the case law databases' column shows them: the codes in English,
    # the crimes' names elsewhere (a French reader does not read "TIP" as a word).
    N_("TIP"), N_("SOM"),
    # Column names of the package's tables, shown as headers (``header``).
    N_("action"), N_("activities"), N_("activity id"), N_("actual"), N_("attendances"),
    N_("baseline"), N_("case"), N_("cases"), N_("category"), N_("code"), N_("column"),
    N_("component"), N_("countries"), N_("countries assisted by each"), N_("country"),
    N_("data"), N_("database"), N_("decision year"), N_("definition"), N_("downloads"),
    N_("encoding"), N_("engagement id"), N_("file"), N_("group"), N_("host"), N_("id"),
    N_("indicator"), N_("iso3"), N_("joint activities"), N_("jurisdiction"),
    N_("jurisdictions"), N_("key"), N_("lang"), N_("level"), N_("name"), N_("nationality"),
    N_("parameter"), N_("participant id"), N_("people"), N_("people trained by each"),
    N_("posts"), N_("page views"), N_("previous year"), N_("programmes"), N_("progress"),
    N_("public sources config"), N_("publication id"), N_("publications"), N_("published"),
    N_("region"), N_("role"), N_("row"), N_("rows"), N_("rows left"), N_("rows read"),
    N_("rows set aside"), N_("rows used"), N_("sex"), N_("sha256"), N_("since"),
    N_("start"), N_("status"), N_("step"), N_("story id"), N_("table"), N_("tables"),
    N_("target"), N_("text"), N_("title"), N_("type"), N_("unit"), N_("value"), N_("version"),
    N_("warning"), N_("web stories"), N_("why set aside"), N_("year"), N_("years back"),
    N_("month"), N_("programme"), N_("countries assisted"), N_("instrument"), N_("notes"),
)
"""Words the reports show that come from codes and column names, not from sentences.

Declared here so that Babel extracts them into the catalogs; :func:`words`
and :func:`header` translate them when shown.
"""


def header(column: object) -> str:
    """Show a column name as a table header: ``web_stories`` as words, translated.

    Only a plain lower-case name (``web_stories``, ``rows left``) is one of the
    package's words; a year, a code (``ISO3``, ``GLO.ACT``) or a header a
    section already wrote in the report's language stays as it is.
    """
    text = str(column).replace("_", " ")
    plain = text.isascii() and text.islower() and not any(ch.isdigit() for ch in text)
    return _(text) if isinstance(column, str) and plain else text

"""The words of the counting rules: steps, definitions, the waterfall behind a figure.

The rules themselves are declared in :mod:`htmss_analysis.metrics.figures` as
data (a step's words are a message, not yet a sentence); the counting and
:func:`htmss_analysis.metrics.explain.trace` work with them as values. Here
they become sentences in the current language: for the method annex, the
workbook, the data dictionary and ``htmss-analysis explain``.
"""

from __future__ import annotations

from ..data.load import SET_ASIDE
from ..frames import Frame
from ..languages import _, number
from ..metrics import explain as tracing
from ..metrics.figures import COUNTRY_REGISTRY, REGION_REGISTRY, REGISTRY, Figure, Scope, Step
from ..programmes import label
from ..public.sources import SOURCES, PublicSources


def step_text(step: Step) -> str:
    """Return a step's words in the current language, its fields filled in."""
    return _(step.words).format(**dict(step.fill))


def described(figure: Figure) -> str:
    """Return a figure's whole definition, with its note, in the current language."""
    return " ".join(_(text) for text in (figure.definition, figure.note) if text)


def measured(figure: Figure) -> str:
    """Say what a rule measures at its last step: ``distinct activity id``, ``sum of posts``."""
    column = _(figure.column.replace("_", " "))
    text = _("distinct {column}") if figure.measure == "distinct" else _("sum of {column}")
    return text.format(column=column)


def said(entry: object, scope: Scope) -> str:
    """Return the words of one entry of a waterfall (:func:`~.tracing.trace`)."""
    if isinstance(entry, Step):
        if entry.when == "programme":
            return _("of {programme}").format(programme=label(scope.programme))
        return step_text(entry)
    if isinstance(entry, tracing.Read):
        attendances = entry.table == "participants"
        if entry.file is None:
            text = (_("attendances of {table} (table absent)") if attendances
                    else _("rows of {table} (table absent)"))
            return text.format(table=entry.table)
        text = _("attendances read from {file}") if attendances else _("rows read from {file}")
        return text.format(file=entry.file)
    if isinstance(entry, tracing.Used):
        why = "; ".join(f"{n} {_(SET_ASIDE[code])}" for code, n in entry.reasons) \
            or _("set aside")
        text = (_("attendances used ({n} set aside: {why})") if entry.table == "participants"
                else _("rows used ({n} set aside: {why})"))
        return text.format(n=number(entry.aside), why=why)
    if isinstance(entry, tracing.Measured):
        return measured(entry.figure)
    raise TypeError(f"not a step of a waterfall: {entry!r}")


def explain(data, key: str, year: int, programme: str | None = None,
            country: str | None = None, region: str | None = None) -> Frame:
    """Return the records that make figure ``key``, its rule's steps in words.

    As :func:`htmss_analysis.metrics.explain.trace` (same parameters, same
    records and ``attrs``), with ``attrs["steps"]["step"]`` the steps' words
    in the current language.
    """
    records = tracing.trace(data, key, year, programme, country, region)
    scope, steps = records.attrs["scope"], records.attrs["steps"]
    records.attrs["steps"] = steps.assign(step=[said(s, scope) for s in steps["step"]])
    return records


def steps_of(key: str, country: bool = False, region: bool = False) -> list[str]:
    """Return the words of a figure's rule, step by step (for the method annex and docs)."""
    rule = tracing.rule(key, country, region)
    return [step_text(s) + (" " + _("(a programme's figure only)") if s.when == "programme"
                            else "") for s in rule.steps] + [measured(rule)]


def registry_table(countries: bool = False, regions: bool = False) -> Frame:
    """Return the registry (the country or the regional figures') as a table.

    Columns: key, title, definition, unit (those three in the current
    language), tables.
    """
    entries = REGION_REGISTRY if regions else COUNTRY_REGISTRY if countries else REGISTRY
    return Frame([{"key": f.key, "title": _(f.title), "definition": described(f),
                   "unit": _(f.unit), "tables": ", ".join(f.tables)}
                  for f in entries.values()])


def source_note(sources: PublicSources, key: str) -> str:
    """Say in one sentence where a public source came from, or that it was not provided."""
    title = _(SOURCES[key][0])
    state = sources.status(key)
    name = sources.file_name(key)
    if state == "absent":
        return _("{source}: not provided.").format(source=title)
    if state == "missing":
        return _("{source}: file not found ({file}); not used.").format(source=title, file=name)
    return _("{source}: {file}.").format(source=title, file=name)

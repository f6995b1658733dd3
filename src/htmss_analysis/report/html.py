"""Report HTML: escaping, tables, cards, and the styles every piece carries with it.

Every display object renders as ``<style data-htmss>…</style><div class="htmss">…</div>``:
the styles travel with the output, scoped to the report's own class names,
so a section looks the same in JupyterLab, in stock ``jupyter nbconvert`` and
in the package's own template (which keeps one copy of the style in the page
head). Every piece of text that comes from the data is escaped here, so a
title such as ``<script>alert(1)</script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from html.parser import HTMLParser

import pandas as pd
from pandas.api.types import is_numeric_dtype

from ..frames import number_format
from ..frames import signed as with_sign
from ..languages import _, direction, short_date
from . import collect
from .words import header, words  # noqa: F401 - words: the sections' vocabulary, here too

STYLE_MARK = "data-htmss"
"""Attribute of the ``<style>`` element every output opens with; the template keeps one."""

# Selectors start with `div.htmss` so that they outrank JupyterLab's own rendered-HTML
# rules (`.jp-RenderedHTMLCommon td` right-aligns every cell) and leak nowhere else.
# Sides are logical (inline-start, end): a page in a right-to-left language (<html dir>,
# from its language record) mirrors itself. The scroll shadow's background positions are
# the one exception: CSS has no logical background position yet.
CSS = """
div.htmss{--ink:#1d2733;--muted:#56606b;--rule:#d5dbe1;--accent:#0b5394;--head:#eef2f6;
--green:#1a7f37;--amber:#8f4a00;--red:#b3261e;--grey:#5b6470;color:var(--ink);background:#fff;
font-family:"Segoe UI","Helvetica Neue",Arial,"DejaVu Sans",sans-serif;font-size:15px;
line-height:1.45;text-align:start;max-width:100%;padding:0;margin:0}
div.htmss *{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
div.htmss h1{font-size:2em;font-weight:700;line-height:1.2;margin:.2em 0;color:var(--accent);
border:0;padding:0}
div.htmss h2{font-size:1.35em;font-weight:600;line-height:1.3;margin:1.6em 0 .6em;
padding:0 0 .25em;color:var(--ink);border:0;border-bottom:2px solid var(--accent)}
div.htmss h3{font-size:1.05em;font-weight:600;line-height:1.3;margin:1.2em 0 .4em;padding:0;
color:var(--ink)}
div.htmss h4{font-size:.95em;font-weight:600;margin:1em 0 .2em;padding:0;color:var(--ink);
break-after:avoid;page-break-after:avoid}
div.htmss h2,div.htmss h3{break-after:avoid;page-break-after:avoid}
div.htmss .card a.figure{text-decoration:none;color:var(--accent)}
div.htmss .rule{break-inside:avoid;border-top:1px solid var(--rule);margin-top:.6em}
div.htmss p{margin:.4em 0 .8em;text-align:start}
div.htmss p.note,div.htmss p.empty{color:var(--muted);font-size:.9em}
div.htmss a,div.htmss a:link,div.htmss a:visited{color:var(--accent);text-decoration:underline}
div.htmss header.report-title{border-bottom:4px solid var(--accent);padding-bottom:.8em}
div.htmss .kicker{letter-spacing:.02em;font-size:.85em;
color:var(--muted);margin:0}
div.htmss .subtitle{margin:.2em 0 0;color:var(--muted)}
div.htmss nav.report-links{display:flex;flex-wrap:wrap;gap:.2em 1.2em;margin:.5em 0 0;
font-size:.9em}
div.htmss .card .card-note{display:block;font-size:.85em;color:var(--muted);margin-top:.2em}
div.htmss td code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
font-size:.88em;background:none;padding:0;color:inherit}
div.htmss .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(12.5em,100%),1fr));
gap:.7em;margin:.6em 0 1em}
div.htmss .card{border:1px solid var(--rule);border-inline-start:5px solid var(--accent);
padding:.6em .8em;break-inside:avoid;background:#fff}
div.htmss .card .figure.words{white-space:normal;font-size:1.6em}
div.htmss .card-group{border:1px solid var(--rule);border-inline-start:5px solid var(--accent);
break-inside:avoid;background:#fff}
div.htmss .card-group>.card{border:0;padding-bottom:.2em}
div.htmss .card-group>.card+.card{padding-top:0}
div.htmss .card-group>.card+.card .figure{font-size:1.35em}
div.htmss .card .figure{display:block;font-size:1.9em;font-weight:700;line-height:1.2;
color:var(--accent);white-space:nowrap}
div.htmss .card .label{display:block;font-size:.88em}
div.htmss .scroll{overflow-x:auto;max-width:100%;margin:.5em 0 1em;background:
linear-gradient(to left,#fff 40%,rgba(255,255,255,0)) right center/3em 100% no-repeat local,
radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.22),rgba(0,0,0,0)) right center/1em 100%
no-repeat scroll #fff}
div.htmss table.data{border-collapse:separate;border-spacing:0;border:0;margin:0;
font-size:.88em;width:auto;
table-layout:auto}
div.htmss table.data caption{text-align:start;font-weight:600;padding:0 0 .3em;color:var(--ink)}
div.htmss table.data th,div.htmss table.data td{border:0;border-bottom:1px solid var(--rule);
padding:.3em .6em;text-align:start;vertical-align:top;color:var(--ink);background:transparent;
white-space:normal;max-width:28em;overflow-wrap:break-word;line-height:1.35}
div.htmss table.data thead th{background:var(--head);font-weight:600}
div.htmss table.data tbody tr:nth-child(odd),div.htmss table.data tbody tr:nth-child(even),
div.htmss table.data tbody tr:hover{background:transparent}
div.htmss table.data tr>:first-child{position:sticky;inset-inline-start:0;z-index:1;background:#fff}
div.htmss table.data thead tr>:first-child{background:var(--head)}
div.htmss table.data .num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
div.htmss table.data .nowrap{white-space:nowrap;overflow-wrap:normal}
div.htmss table.small{font-size:.8em}
div.htmss table.files td:last-child{font-family:"DejaVu Sans Mono",monospace;font-size:.75em;
overflow-wrap:anywhere}
div.htmss .two{display:flex;flex-wrap:wrap;gap:0 2em;align-items:flex-start}
div.htmss .two>.scroll{flex:0 1 auto;min-width:0}
div.htmss figure.chart{margin:1em 0;padding:0;break-inside:avoid}
div.htmss figure.chart img,div.htmss figure.chart svg{max-width:100%;height:auto;display:block}
div.htmss figure.chart figcaption{font-weight:600;margin-bottom:.3em}
div.htmss ul{padding-inline-start:1.2em;margin:.4em 0 .8em}
div.htmss li{margin:.25em 0}
div.htmss .status{font-weight:600;padding:.05em .4em;border-radius:.2em;color:#fff;
white-space:nowrap}
div.htmss .status.green{background:var(--green)}div.htmss .status.amber{background:var(--amber)}
div.htmss .status.red{background:var(--red)}div.htmss .status.grey{background:var(--grey)}
div.htmss article.story{border-top:1px solid var(--rule);padding:.6em 0;break-inside:avoid}
div.htmss .story-head{display:flex;flex-wrap:wrap;justify-content:space-between;
align-items:baseline;gap:.2em 1em}
div.htmss .story-head h3{margin:.2em 0;flex:1 1 16em}
div.htmss .story-figure{margin:0;font-size:1.6em;font-weight:700;color:var(--accent);
text-align:end;line-height:1.1;flex:0 0 auto}
div.htmss .story-figure span{display:block;font-size:.47em;font-weight:400;color:var(--muted)}
div.htmss .story .meta{color:var(--muted);font-size:.85em}
div.htmss nav.toc{font-size:.9em;margin:1em 0;display:flex;flex-wrap:wrap;gap:.3em .9em}
div.htmss nav.toc a{white-space:nowrap}
@media print{div.htmss{font-size:11pt}
div.htmss table.data thead{display:table-header-group}
div.htmss table.data tr,div.htmss .card,div.htmss figure.chart,div.htmss article.story{
break-inside:avoid;page-break-inside:avoid}
div.htmss .scroll{overflow:visible}div.htmss nav.toc{display:none}
div.htmss nav.report-links,div.htmss .screen{display:none}
div.htmss li,div.htmss .card-group,div.htmss .rule,div.htmss header.story-head{
break-inside:avoid;page-break-inside:avoid}
div.htmss h2,div.htmss h3,div.htmss h4{break-after:avoid;page-break-after:avoid}
div.htmss a{color:inherit;text-decoration:none}}
""".strip()

STYLE = f"<style {STYLE_MARK}>{CSS}</style>"


def esc(value: object) -> str:
    """Escape any value for HTML text or attributes ("–" when missing)."""
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return "–"
    return html.escape(str(value), quote=True)


class Markup(str):
    """Markup the package wrote itself, already escaped: shown as it is (a card's label).

    Only ever made from escaped text and the package's own tags (an identifier
    marked ``translate="no"``), never from the data.
    """


def untranslated(value: object) -> Markup:
    """Mark a value that no language translates (a site, an account) inside a sentence."""
    return Markup(f'<span translate="no">{esc(value)}</span>')


class English(str):
    """A text of the data shown in English on a page of another language.

    The HTML marks it ``lang="en"`` (:func:`shown`, :func:`table`), so that a
    screen reader switches voice and a reader sees why; a workbook holds it as
    the text it is.
    """


def shown(value: object) -> str:
    """Escape a text of the data; one shown in English on another language's page is marked."""
    if isinstance(value, English):
        return f'<span lang="en">{esc(value)}</span>'
    return esc(value)


def num(value: object) -> str:
    """Format one count with thousands separators ("–" when missing)."""
    return number_format(pd.Series([value]))(value)


def cell_text(value: object) -> str:
    """Return a table cell's text: a date as the report's language writes it (ISO in English)."""
    if isinstance(value, pd.Timestamp | date) and not pd.isna(value):
        return short_date(value)
    return value


class _Text(HTMLParser):
    """Turns report HTML into plain text a terminal can show."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "li", "tr", "caption", "figcaption", "header",
              "article", "nav", "table", "ul"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.cells: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self.skip += 1
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append("")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.out.append(f"\n[chart] {alt}\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "span":
            self.out.append(" ")
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag == "style":
            self.skip -= 1
        elif tag == "tr" and self.cells is not None:
            self.out.append("\n" + " | ".join(c.strip() for c in self.cells))
            self.cells = None
        elif tag in ("h1", "h2"):
            self.out.append("\n" + "=" * 20 + "\n")
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.cells is not None and self.cells:
            self.cells[-1] += data
        else:
            self.out.append(data)


def to_text(markup: str) -> str:
    """Return readable plain text of report HTML (tables as ``a | b`` rows, charts by alt)."""
    parser = _Text()
    parser.feed(markup)
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    text, blank = [], False
    for line in lines:
        if line or not blank:
            text.append(line)
        blank = not line
    return "\n".join(text).strip()


class Html:
    """A piece of a report that displays as HTML (with its styles) and as plain text.

    Parameters
    ----------
    *parts : object
        Markup strings, or objects with ``_repr_html_`` (charts, other pieces).
    title : str, optional
        The report's title, for the page ``<title>``: carried in the output's
        metadata so every door names the page alike.
    lang : str, optional
        With ``title``: the report's language, for ``<html lang>``.
    meta : dict, optional
        Further facts for the output's ``htmss`` metadata (the build reads the
        input files a report's run read from it).
    technical : bool, optional
        A piece of the report's technical part (data quality, method, the
        workbook): the only place a page may name files, figure keys, rows,
        hashes or commands. Marked ``data-part="technical"``.
    """

    def __init__(self, *parts: object, title: str = "", lang: str = "",
                 meta: dict | None = None, technical: bool = False):
        self.parts = parts
        self.title = title
        self.lang = lang
        self.meta = meta or {}
        self.technical = technical

    def __str__(self) -> str:
        return "".join(p.markup() if hasattr(p, "markup") else
                       p._repr_html_() if hasattr(p, "_repr_html_") else str(p)
                       for p in self.parts)

    def markup(self) -> str:
        """Return the HTML without the style element."""
        return str(self)

    def _repr_html_(self) -> str:
        part = ' data-part="technical"' if self.technical else ""
        return f'{STYLE}<div class="htmss"{part}>{self}</div>'

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": self._repr_html_(), "text/plain": repr(self)}
        lang = self.lang or "en"
        facts = {"title": self.title, "lang": lang, "dir": direction(lang)} \
            if self.title else {}
        facts.update(self.meta)
        return data, ({"htmss": facts} if facts else {})

    def __repr__(self) -> str:
        return to_text(str(self))


_DEPTH: ContextVar[int] = ContextVar("htmss_heading_depth", default=0)


@contextmanager
def nested(depth: int) -> Iterator[None]:
    """Render the headings inside the ``with`` block ``depth`` levels down (under a part)."""
    token = _DEPTH.set(depth)
    try:
        yield
    finally:
        _DEPTH.reset(token)


def shifted(level: int) -> int:
    """Return the HTML level of a heading of ``level`` where it is rendered (see :func:`nested`)."""
    return min(level + _DEPTH.get(), 6)


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    """Return a section heading (the tables below it are exported under its name).

    Inside :func:`nested` it goes that many levels down (an ``h2`` of a section
    placed under one of the highlights' parts is an ``h3``); the workbook names
    its sheets as before.
    """
    collect.note_heading(text, level)
    ident = f' id="{esc(anchor)}"' if anchor else ""
    level = shifted(level)
    return f"<h{level}{ident}>{esc(text)}</h{level}>"


def para(text: str, cls: str = "") -> str:
    """Return a paragraph of escaped text."""
    return f'<p class="{cls}">{esc(text)}</p>' if cls else f"<p>{esc(text)}</p>"


def cards(items: Iterable[tuple], rules: str | None = None,
          groups: Iterable[tuple[str, ...]] = ()) -> str:
    """Return headline cards: ``(key, value, label)`` or ``(key, value, label, note)`` each.

    A value is a number, or a text already written (``more than 4,500``); a
    note goes under the label (the exact figure). With ``rules`` (an address
    ending ``#rule-``), each number links to its figure's entry in the method
    annex (``#rule-<key>``, on this page or its technical companion), where
    its rule and records are. ``groups`` puts the cards of each group of keys
    in one box, the first as the main figure (as the publication prints
    "2,313 cases ... TIP (106 jurisdictions) and SOM (43 jurisdictions)").
    """
    def figure(key: str, value: object) -> str:
        # A figure in words ("more than 4,500") may wrap; a number never does.
        shown_, cls = (esc(value), "figure words") if isinstance(value, str) else (
            num(value), "figure")
        if rules is not None:
            how = esc(_("How this figure is made"))
            return f'<a class="{cls}" href="{esc(rules)}{esc(key)}" title="{how}">{shown_}</a>'
        return f'<span class="{cls}">{shown_}</span>'

    def card(key: str, value: object, label: str, note: str = "") -> str:
        under = f'<span class="card-note">{esc(note)}</span>' if note else ""
        text = label if isinstance(label, Markup) else esc(label)
        return (f'<div class="card" data-key="{esc(key)}">{figure(key, value)}'
                f'<span class="label">{text}</span>{under}</div>')

    shown = {item[0]: card(*item) for item in items}
    boxes, placed = [], set()
    for key in shown:
        if key in placed:
            continue
        group = next((g for g in groups if key in g), (key,))
        members = [k for k in group if k in shown]
        placed.update(members)
        boxes.append(shown[key] if len(members) == 1 else
                     '<div class="card-group">' + "".join(shown[k] for k in members) + "</div>")
    return f'<div class="cards">{"".join(boxes)}</div>'


def _formats(frame: pd.DataFrame, numeric: tuple[str, ...]) -> dict:
    """One formatter per numeric column; pre-formatted text ("<5", "–") passes through."""
    out = {}
    for column in numeric:
        if column not in frame.columns:
            continue
        values = frame[column]
        numbers = values if is_numeric_dtype(values) else pd.to_numeric(
            values.where(values.map(lambda v: not isinstance(v, str))), errors="coerce")
        out[column] = number_format(numbers)
    return out


def table(frame: pd.DataFrame, numeric: tuple[str, ...] = (), caption: str = "",
          cls: str = "data", nowrap: tuple[str, ...] = (),
          links: dict[str, str] | None = None, exported: bool = True,
          signed: tuple[str, ...] = (), codes: tuple[str, ...] = ()) -> str:
    """Render a frame as an HTML table with every cell escaped.

    Parameters
    ----------
    frame : DataFrame
        Rows to show; column names are shown with ``_`` as spaces.
    numeric : tuple of str
        Columns shown right-aligned, with thousands separators and one number
        of decimals for the whole column.
    caption : str
        Optional caption above the table.
    cls : str
        CSS classes of the table.
    nowrap : tuple of str
        Columns whose values never break (identifiers, dates).
    links : dict of str to str, optional
        Column shown as a link -> column of the frame holding its address
        (relative, or empty for no link). The address columns are not shown.
    exported : bool
        Note the table for the report's workbook (False for one the
        workbook holds in another form).
    signed : tuple of str
        Columns of changes, shown with their sign (``+12``, ``−3``); the
        workbook holds them as numbers.
    codes : tuple of str
        Columns of identifiers (figure keys, table and column names of the
        contract), shown as code and marked ``translate="no"``: the same in
        every language, never words of the page's language.

    Notes
    -----
    The table is noted for the report's workbook (:mod:`.collect`) as shown,
    without the address columns.
    """
    links = links or {}
    hrefs = {header(c): frame[h].to_list() for c, h in links.items()}
    frame = frame.drop(columns=list(dict.fromkeys(links.values())))
    if frame.empty:
        return para(_("No rows for this selection."), "empty")
    # Headers are shown (and exported) in the report's language.
    numeric, nowrap = tuple(map(header, numeric)), tuple(map(header, nowrap))
    signed, codes = tuple(map(header, signed)), tuple(map(header, codes))
    frame = frame.rename(columns=header)
    if exported:
        collect.note_table(frame, caption)
    formats = _formats(frame, numeric)

    def cell(column: str, value: object, i: int) -> str:
        if column in signed and not isinstance(value, str):
            return f'<td class="num">{esc(with_sign(value))}</td>'
        if column in formats:
            text = esc(value) if isinstance(value, str) else formats[column](value)
            return f'<td class="num">{text}</td>'
        if isinstance(value, tuple):
            value = ", ".join(map(str, value))
        value = cell_text(value)
        attr = ' class="nowrap"' if column in nowrap else ""
        href = hrefs[column][i] if column in hrefs else ""
        if isinstance(value, English):  # a text of the data left in English
            attr += ' lang="en"'
        if isinstance(href, str) and href:
            return f'<td{attr}><a href="{esc(href)}">{esc(value)}</a></td>'
        if column in codes:
            return f'<td{attr}><code translate="no">{esc(value)}</code></td>'
        return f"<td{attr}>{esc(value)}</td>"

    num_class = ' class="num"'
    head = "".join(f'<th scope="col"{num_class if c in formats or c in signed else ""}>'
                   f"{esc(c)}</th>" for c in frame.columns)
    columns = list(frame.columns)
    rows = "".join("<tr>" + "".join(cell(c, v, i) for c, v in zip(columns, row, strict=True))
                   + "</tr>" for i, row in enumerate(frame.itertuples(index=False, name=None)))
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (f'<div class="scroll"><table class="{esc(cls)}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")

"""Charts for the reports: seaborn, colour-blind-safe, inline SVG with their text as text.

Every chart is returned as a :class:`Chart` that displays in JupyterLab and
renders into report HTML as an inline ``<svg>`` whose labels are text
(selectable, translatable, crisp at any width), so a report stays one
self-contained file. Charts are drawn 5 inches wide with no text under 11
points: on a 390-pixel phone, where a chart shrinks to the screen, no label is
smaller than 10 CSS pixels. The SVG carries no date, and its identifiers are
made unique per chart from its content, so a rebuild from the same inputs
gives the same bytes and two charts on a page never share an id.

Figures are drawn on matplotlib's Agg canvas directly, never through pyplot:
the package switches no backend and leaves no figure open, so an analyst's
own ``plt.show()`` in the same notebook behaves as it would without it.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import threading
from dataclasses import dataclass, field

import matplotlib as mpl
import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..languages import _, labelled, month_names, number, semicolons
from . import collect

PALETTE = sns.color_palette("colorblind")
"""Okabe-Ito-like palette that stays distinguishable with common colour-vision deficiencies."""

WIDTH = 5.0
"""A chart's width in inches (480 CSS pixels): at 11 points its text stays 10 pixels or more
when it shrinks to a phone's 350-pixel column."""

FONT = 11
"""The smallest text of a chart, in points."""

_STYLE = {
    "figure.dpi": 100, "savefig.dpi": 110, "font.family": "DejaVu Sans", "font.size": FONT,
    "xtick.labelsize": FONT, "ytick.labelsize": FONT, "axes.labelsize": FONT,
    "legend.fontsize": FONT, "axes.spines.top": False, "axes.spines.right": False,
    "svg.hashsalt": "htmss", "svg.fonttype": "none",
}


# matplotlib's style settings (rcParams) are one per process: a chart is drawn, and saved,
# by one thread at a time, so reports made in threads never borrow each other's style.
_DRAWING = threading.RLock()


@dataclass(frozen=True)
class Chart:
    """A rendered chart.

    Attributes
    ----------
    title : str
        Caption shown above the chart (the image itself carries no title).
    alt : str
        Text alternative listing the values shown, for screen readers and
        for e-mail clients that block images.
    svg : str
        The drawing: an ``<svg>`` element, labelled by ``alt``.
    """

    title: str
    alt: str
    svg: str = field(repr=False)

    def markup(self) -> str:
        """Return the chart as a ``<figure>`` with its SVG inline."""
        return (f'<figure class="chart"><figcaption>{html.escape(self.title)}</figcaption>'
                f"{self.svg}</figure>")

    def _repr_html_(self) -> str:
        from .html import STYLE

        return f'{STYLE}<div class="htmss">{self.markup()}</div>'

    def __repr__(self) -> str:
        return f"[chart] {self.title}: {self.alt}"


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _render(fig: Figure, title: str, alt: str) -> Chart:
    buf = io.StringIO()
    with mpl.rc_context(_STYLE):
        fig.savefig(buf, format="svg", bbox_inches="tight",
                    metadata={"Date": None, "Creator": None})
    return Chart(title, alt, inline_svg(buf.getvalue(), alt))


def inline_svg(document: str, alt: str) -> str:
    """Make matplotlib's SVG document an element to inline in a page.

    The XML prologue and metadata go; the element is an image labelled by
    ``alt`` that scales to its column; and every identifier (and reference to
    one) takes a prefix made from the drawing itself, so that two charts on a
    page never share an id.
    """
    svg = document[document.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    # matplotlib's <style> (``*{stroke-linejoin: round; stroke-linecap: butt}``) would
    # style the whole page it is inlined in; the same, as the drawing's own attributes.
    svg = re.sub(r"<style[^>]*>.*?</style>\s*", "", svg, flags=re.S)
    svg = svg.replace("<svg ", '<svg stroke-linejoin="round" stroke-linecap="butt" ', 1)
    prefix = "c" + hashlib.sha256(svg.encode("utf-8")).hexdigest()[:8] + "-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}{m.group(1)}"', svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(alt)}" ', 1).strip()


def _count(value: float, _position: object = None) -> str:
    """Write a bar's value as the report's language writes numbers."""
    return number(value)


def _tick(value: float, _position: object = None) -> str:
    """Write an axis tick as its value, decimals included (7.5 never reads 8)."""
    for decimals in range(4):
        if round(value, decimals) == round(value, 9):
            return number(value, decimals=decimals)
    return number(value, decimals=4)


def _value_axis(axis, counts: bool) -> None:
    """Tick a value axis: whole numbers for counts; each label its tick's value."""
    if counts:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(_tick))


def _alt(title: str, labels: list, values: list, unit: str) -> str:
    pairs = semicolons(labelled(label, _count(value)) for label, value in zip(labels, values,
                                                                         strict=True))
    if not pairs:
        return _("{title}: no data.").format(title=title)
    return _("Bar chart of {title} ({unit}). {values}.").format(title=title.lower(), unit=unit,
                                                              values=pairs)


def bar(frame: pd.DataFrame, label: str, value: str, title: str, unit: str,
        horizontal: bool = False, color_index: int = 0) -> Chart:
    """Draw a bar chart of ``value`` by ``label``.

    Parameters
    ----------
    frame : DataFrame
        One row per bar, in display order.
    label, value : str
        Columns of the bar labels and heights.
    title : str
        Chart title.
    unit : str
        What the values count, for the axis and the alt text.
    horizontal : bool
        Bars along the y axis (for long labels).
    color_index : int
        Which colour of :data:`PALETTE` to use.
    """
    labels = [str(v) for v in frame[label]]
    values = [float(v) for v in frame[value]]
    # The numbers behind the chart go to the report's workbook, named by its title.
    collect.note_table(frame[[label, value]].rename(columns={value: unit}), title)
    with _DRAWING, mpl.rc_context(_STYLE):
        height = max(2.4, 0.36 * len(labels) + 1) if horizontal else 3.4
        fig, ax = _figure(WIDTH, height)
        if labels:
            color = PALETTE[color_index % len(PALETTE)]
            if horizontal:
                sns.barplot(x=values, y=labels, ax=ax, color=color, orient="h")
                ax.set_xlabel(unit)
                ax.set_ylabel("")
            else:
                sns.barplot(x=labels, y=values, ax=ax, color=color)
                ax.set_ylabel(unit)
                ax.set_xlabel("")
                if sum(len(label) + 1 for label in labels) > 40:  # they would run together
                    for tick in ax.get_xticklabels():
                        tick.set_rotation(45)
                        tick.set_horizontalalignment("right")
                        tick.set_rotation_mode("anchor")
            for container in ax.containers:
                ax.bar_label(container, fmt=_count, padding=2, fontsize=FONT)
            _value_axis(ax.xaxis if horizontal else ax.yaxis, counts=True)
        else:
            ax.text(0.5, 0.5, _("no data"), ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        fig.tight_layout()
    with _DRAWING:
        return _render(fig, title, _alt(title, labels, values, unit))


def grouped_bar(frame: pd.DataFrame, label: str, series: dict[str, str], title: str, unit: str
                ) -> Chart:
    """Draw bars for several columns side by side for each ``label``.

    ``series`` maps each column to the words its legend entry shows.
    """
    long = frame.rename(columns=series).melt(id_vars=[label], value_vars=list(series.values()),
                                             var_name="series", value_name="value")
    long[label] = long[label].astype(str)
    collect.note_table(frame[[label, *series]].rename(columns=series), title)
    with _DRAWING, mpl.rc_context(_STYLE):
        fig, ax = _figure(WIDTH, 3.4)
        if len(long):
            sns.barplot(data=long, x=label, y="value", hue="series", ax=ax,
                        palette=PALETTE[: len(series)])
            ax.legend(title="", frameon=False)
            for container in ax.containers:
                ax.bar_label(container, fmt=_count, padding=2, fontsize=FONT)
            _value_axis(ax.yaxis, counts=False)
        ax.set_xlabel("")
        ax.set_ylabel(unit)
        fig.tight_layout()
    parts = []
    for column, words in series.items():
        parts.append(f"{words}: " + ", ".join(f"{lab} {_count(val)}" for lab, val in
                                              zip(frame[label], frame[column], strict=True)))
    with _DRAWING:
        return _render(fig, title, _("Grouped bar chart of {title} ({unit}). {values}.").format(
            title=title.lower(), unit=unit, values=semicolons(parts)))


def monthly(frame: pd.DataFrame, column: str, title: str, unit: str, color_index: int = 0
            ) -> Chart:
    """Draw twelve monthly bars of ``column`` (``frame`` has a ``month`` column 1-12)."""
    shown = pd.DataFrame({_("month"): month_names(),
                          column: frame.sort_values("month")[column].to_list()})
    return bar(shown, _("month"), column, title, unit, color_index=color_index)

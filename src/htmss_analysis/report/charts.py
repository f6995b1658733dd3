"""Charts for the reports: seaborn, colour-blind-safe, embedded as PNG with alt text.

Every chart is returned as a :class:`Chart` that displays in JupyterLab and
renders into report HTML as an ``<img>`` with a ``data:`` URI, so a report is
one self-contained file. PNGs carry no timestamp or software metadata, so a
rebuild from the same inputs gives the same bytes.

Figures are drawn on matplotlib's Agg canvas directly, never through pyplot:
the package switches no backend and leaves no figure open, so an analyst's
own ``plt.show()`` in the same notebook behaves as it would without it.
"""

from __future__ import annotations

import base64
import html
import io
import threading
from dataclasses import dataclass, field

import matplotlib as mpl
import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..languages import _, labelled, month_names, number, semicolons
from . import collect

PALETTE = sns.color_palette("colorblind")
"""Okabe-Ito-like palette that stays distinguishable with common colour-vision deficiencies."""

_STYLE = {
    "figure.dpi": 100, "savefig.dpi": 110, "font.family": "DejaVu Sans", "font.size": 10,
    "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "htmss",
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
    png : bytes
        The image.
    """

    title: str
    alt: str
    png: bytes = field(repr=False)

    def markup(self) -> str:
        """Return the chart as a ``<figure>`` with the PNG inline."""
        data = base64.b64encode(self.png).decode("ascii")
        return (f'<figure class="chart"><figcaption>{html.escape(self.title)}</figcaption>'
                f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt)}">'
                "</figure>")

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
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
    return Chart(title, alt, buf.getvalue())


def _count(value: float, _position: object = None) -> str:
    """Write a bar's value or an axis tick as the report's language writes numbers."""
    return number(value)


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
        height = max(2.2, 0.32 * len(labels) + 1) if horizontal else 3.2
        fig, ax = _figure(7.5, height)
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
            for container in ax.containers:
                ax.bar_label(container, fmt=_count, padding=2, fontsize=8)
            axis = ax.xaxis if horizontal else ax.yaxis
            axis.set_major_formatter(FuncFormatter(_count))
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
        fig, ax = _figure(7.5, 3.2)
        if len(long):
            sns.barplot(data=long, x=label, y="value", hue="series", ax=ax,
                        palette=PALETTE[: len(series)])
            ax.legend(title="", frameon=False)
            for container in ax.containers:
                ax.bar_label(container, fmt=_count, padding=2, fontsize=7)
            ax.yaxis.set_major_formatter(FuncFormatter(_count))
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

"""Record the reports and workbooks the tests rebuild, as readable text, for tests/recorded/.

The tests build the sample's reports (``conftest.sample_build``) and the
hand-made briefs (``test_briefs.briefs_build``) and compare every HTML report
and workbook with what is recorded:

- ``tests/recorded/<build>/<path>.txt``: what a reader sees, as text: a
  page's visible text, a block a line, a table row a line with its cells
  between ``|``, a chart's words and numbers; a workbook's sheets, each
  with its size and its first rows. A diff of these files says what changed
  ("GLOT59.html: 4,587 became 4,588"), not only that something did.
- ``tests/recorded/outputs.json``: the SHA-256 of every output, with the
  reason it was last recorded for. The bytes are compared too, so a change
  of markup alone (a style, an attribute) is seen as well.

When a change of the reports is deliberate, rebuild as those fixtures do and
record again, saying why::

    python tools/record_outputs.py --build sample path/to/out/2018 --because "why"
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

RECORDED = Path(__file__).resolve().parents[1] / "tests" / "recorded" / "outputs.json"
"""The file of recorded digests, by build and path (relative to the year's folder)."""

SUFFIXES = (".html", ".xlsx")
"""The outputs recorded: reports and workbooks (an executed notebook holds its code)."""

ROWS_SHOWN = 25
"""How many rows of each workbook sheet the text keeps (the digest covers them all)."""

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "li", "div", "section", "header",
           "nav", "table", "caption", "figure", "figcaption", "br", "article", "title", "ul",
           "ol", "dt", "dd", "footer", "main", "svg", "text", "details", "summary"}
_HIDDEN = {"style", "script"}


class _Visible(HTMLParser):
    """Collect the text a reader sees: blocks on their own lines, table cells between |."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.closed = False  # the last thing read closed an element: the next one is apart

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.closed and tag not in _BLOCKS and tag not in ("td", "th"):
            self.line.append(" ")
        self.closed = False
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._end_line()
        elif tag in ("td", "th") and "".join(self.line).strip():
            self.line.append(" | ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.line.append(f" [image: {alt}] ")

    def handle_endtag(self, tag: str) -> None:
        self.closed = True
        if tag in _HIDDEN:
            self.hidden -= 1
        elif tag in _BLOCKS:
            self._end_line()
        elif tag in ("td", "th", "span", "a"):
            self.line.append("")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.line.append(data)
            self.closed = self.closed and not data.strip()


def page_text(html: str) -> str:
    """Return the visible text of a page, a block a line."""
    reader = _Visible()
    reader.feed(html)
    reader.close()
    reader._end_line()
    return "\n".join(reader.lines) + "\n"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return re.sub(r"\s+", " ", text).strip()


def workbook_text(path: Path) -> str:
    """Return each sheet of a workbook: its name and size, then its first rows, tab-separated."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    out = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        width = max((len(r) for r in rows), default=0)
        out.append(f"## {name} ({len(rows)} rows, {width} columns)")
        out += ["\t".join(_cell(v) for v in row) for row in rows[:ROWS_SHOWN]]
        if len(rows) > ROWS_SHOWN:
            out.append(f"… {len(rows) - ROWS_SHOWN} more rows")
    return "\n".join(out) + "\n"


def readable(path: Path) -> str:
    """Return an output as the text recorded for it (:func:`page_text`, :func:`workbook_text`)."""
    if path.suffix == ".html":
        return page_text(path.read_text(encoding="utf-8"))
    return workbook_text(path)


def outputs(folder: Path) -> dict[str, Path]:
    """Return every report and workbook under ``folder``, by path relative to it."""
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.suffix in SUFFIXES}


def digests(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every report and workbook under ``folder``, by relative path."""
    return {name: hashlib.sha256(p.read_bytes()).hexdigest()
            for name, p in outputs(folder).items()}


def record(build: str, folder: Path, because: str, path: Path = RECORDED) -> dict:
    """Record the outputs of ``folder`` as build ``build``; keep the reasons of those unchanged.

    Writes each output's text under ``tests/recorded/<build>/`` (removing the
    texts of outputs no longer built) and its digest in ``outputs.json``.
    Returns the whole digest record, as written.
    """
    whole = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    before = whole.get(build, {})
    now = {}
    texts = path.parent / build
    if texts.is_dir():
        shutil.rmtree(texts)
    for name, file in outputs(folder).items():
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        kept = before.get(name)
        now[name] = kept if kept and kept["sha256"] == digest else {
            "sha256": digest, "because": because}
        target = texts / f"{name}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(readable(file), encoding="utf-8")
    whole[build] = now
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(whole, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return whole


def main(argv: list[str] | None = None) -> int:
    """Record one build's outputs (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, choices=("sample", "briefs"),
                        help="which of the tests' builds the folder is")
    parser.add_argument("folder", type=Path, help="the build's year folder (OUT/2018)")
    parser.add_argument("--because", required=True, help="why the outputs changed")
    args = parser.parse_args(argv)
    whole = record(args.build, args.folder, args.because)
    print(f"recorded {len(whole[args.build])} outputs of the {args.build} build in "
          f"{RECORDED.parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

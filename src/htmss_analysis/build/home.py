"""The page that leads to every report a build made (``OUT/index.html``), from the manifests."""

from __future__ import annotations

from pathlib import Path

from .. import kinds, programmes
from ..io.files import write_file
from . import manifest as records
from .jobs import _relative
from .kernels import _exporter
from .manifest import Refusal, built

HOME = "index.html"
"""The page, in the output folder, that leads to every report built (:func:`write_home`)."""

def catalogue(out_dir: Path) -> list:
    """Return the reports built under ``out_dir``, as the manifests beside them record them.

    Every year folder, every language's folder in it, and their briefs: a
    report is listed when its manifest entry holds up (see
    :func:`htmss_analysis.build.manifest.read`) and its page is there with
    the bytes recorded. Returns :class:`htmss_analysis.report.home.Entry`-shaped dicts.
    """
    rows = []
    registry = kinds.REGISTRY
    folders = tuple(dict.fromkeys(k.folder for k in registry.values()))
    for year_dir in sorted(p for p in out_dir.glob("[0-9][0-9][0-9][0-9]")
                           if p.is_dir() and not p.is_symlink()):
        for lang in programmes.LANGUAGES:
            root = year_dir if lang == "en" else year_dir / lang
            for folder in folders:
                where = root / folder if folder else root
                if where.is_symlink():
                    continue
                manifest = records.read(where)
                names = built(where, manifest)
                for name in names:
                    kind = kinds.kind_of(folder, name, registry)
                    if kind is None or not kind.home:
                        continue
                    entry, book, pdf = manifest[name], f"{name}.xlsx", f"{name}.pdf"
                    lists = registry.get(kind.lists)
                    rows.append({
                        "year": int(year_dir.name), "lang": lang, "kind": kind.key,
                        "name": name, "html": _relative(where / f"{name}.html", out_dir),
                        "workbook": _relative(where / book, out_dir)
                        if records.state(where / book, entry["outputs"].get(book)) == "ours"
                        else "",
                        "pdf": _relative(where / pdf, out_dir)
                        if pdf in entry["outputs"]
                        and records.state(where / pdf, entry["outputs"][pdf]) == "ours" else "",
                        "built": entry["built"], "fingerprint": entry["fingerprint"],
                        "briefs": sum(1 for n in names if lists and lists.is_name(n))})
    return rows

HOME_RECORD = ".htmss-home.json"
"""The record, beside :data:`HOME`, of the page the build last wrote (its rows and bytes)."""

def write_home(out_dir: Path) -> tuple[Path, bool]:
    """Write ``out_dir/index.html``, the page leading to every report there; say if it changed.

    Rebuilt from the manifests after every build, so a report added or
    removed shows up; the same reports give the same bytes, and a page
    already current is not rewritten (nor is pandas imported to find out).

    Raises
    ------
    NotOurs
        When ``index.html`` is there and is not the page a build wrote (an
        analyst's own, a link): it is left as it is.
    """
    import hashlib
    import json

    page = out_dir / HOME
    rows = catalogue(out_dir)
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
    known = records.read_record(out_dir / HOME_RECORD)
    state = records.state(page, known.get("page") if records.is_digest(known.get("page"))
                          else None)
    if state == "foreign":
        raise NotOurs(Refusal(page))
    if state == "ours" and known.get("rows") == digest:
        return page, False
    import nbformat

    from ..report.home import Entry, home_page

    shown = home_page([Entry(**row) for row in rows])
    data, meta = shown._repr_mimebundle_()
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data=data, metadata=meta)]))
    body, _ = _exporter().from_notebook_node(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = body.encode("utf-8")
    # The record first: a build stopped between the two leaves a page it still knows.
    write_file(out_dir / HOME_RECORD, json.dumps(
        {"rows": digest, "page": hashlib.sha256(data).hexdigest()}).encode("utf-8"))
    write_file(page, data)
    return page, True

class NotOurs(Exception):
    """A file the build would write is there, and is not one it made (see :class:`Refusal`)."""

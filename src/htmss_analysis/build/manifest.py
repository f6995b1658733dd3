"""The records a build keeps in its output folder, read as untrusted input.

Beside its reports a build keeps a manifest per folder (each report's
fingerprint and the SHA-256 of every file it wrote), a record of the
countries a rule picked, and a record of the page of every report. Anyone
can edit those files, or plant a link where one goes: so every record is
read without following links, every entry is checked (a report name the
build knows, file names that are that report's own, digests of the right
shape), and a file counts as the build's only while its bytes are those the
manifest recorded. Everything else is someone else's, and a build never
deletes or replaces it.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import kinds
from ..files import file_sha256, read_own, write_file

MANIFEST = ".htmss-manifest.json"
"""The file beside the reports recording each one's fingerprint and outputs."""

INDEX = kinds.INDEX
"""The name of an index of briefs (``countries/index.html``)."""

SUFFIXES = (".html", ".ipynb", ".xlsx")
"""What a report leaves: its page, its executed notebook, its workbook."""

_DIGEST = re.compile(r"[0-9a-f]{64}")


def is_digest(text: object) -> bool:
    """Say whether ``text`` is a hex SHA-256 digest."""
    return isinstance(text, str) and _DIGEST.fullmatch(text) is not None


def is_report_name(name: object, folder: str = "") -> bool:
    """Say whether ``name`` names a report a build makes in a folder of kind folder ``folder``.

    ``folder`` is ``""`` for a language's own folder, else a kind's folder
    (``countries``): the names are those the kinds of that folder declare
    (:data:`htmss_analysis.report.kinds.REGISTRY`).
    """
    return kinds.kind_of(folder, name, kinds.REGISTRY) is not None


def is_brief_name(name: object, folder: str | None = None) -> bool:
    """Say whether ``name`` names a brief (a report of a kind with a subject) in ``folder``.

    ``folder`` is a kind folder; by default that of the country briefs.
    """
    folder = kinds.REGISTRY[kinds.BRIEFED].folder if folder is None else folder
    kind = kinds.kind_of(folder, name, kinds.REGISTRY)
    return kind is not None and bool(kind.subject) and bool(folder)


def kind_folder(folder: Path) -> str:
    """Return the kind folder ``folder`` is (``countries``), or ``""`` for a language's own."""
    name = Path(folder).name
    return name if name and name in {k.folder for k in kinds.REGISTRY.values()} else ""


def _valid_entry(name: str, entry: object, folder: str = "") -> dict | None:
    if not is_report_name(name, folder) or not isinstance(entry, dict):
        return None
    outputs = entry.get("outputs")
    fingerprint = entry.get("fingerprint", "")
    if not isinstance(outputs, dict) or not isinstance(fingerprint, str) or \
            (fingerprint and not is_digest(fingerprint)):
        return None
    own = {f"{name}{suffix}" for suffix in SUFFIXES}
    if not all(isinstance(f, str) and f in own and is_digest(d) for f, d in outputs.items()):
        return None
    built = entry.get("built", "")
    links = entry.get("links", {})
    return {"fingerprint": fingerprint, "outputs": dict(outputs),
            "built": built if isinstance(built, str) and len(built) <= 10 else "",
            "links": links if isinstance(links, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in links.items()) else {}}


def read_record(path: Path) -> dict:
    """Return a JSON object the build keeps in the output folder, or ``{}``.

    Read without following a link; anything but a JSON object (a link, a
    folder, bytes that are not JSON, a list) is no record.
    """
    data = read_own(path)
    try:
        record = json.loads(data.decode("utf-8")) if data is not None else {}
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def read(folder: Path) -> dict[str, dict]:
    """Return the valid entries of the manifest in ``folder`` (none if absent or unreadable).

    An entry whose name is not a report's, whose files are not that
    report's own, or whose digests are not SHA-256 digests is left out: what
    it names is then nobody's the build knows, and is never touched.
    """
    out = {}
    kind = kind_folder(folder)
    for name, entry in read_record(Path(folder) / MANIFEST).items():
        valid = _valid_entry(name, entry, kind)
        if valid is not None:
            out[name] = valid
    return out


def write(folder: Path, manifest: dict[str, dict]) -> None:
    """Write the manifest of ``folder`` (a new file, never through a link)."""
    write_file(Path(folder) / MANIFEST,
               json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))


def state(path: Path, digest: str | None) -> str:
    """Say what is at ``path``: ``"free"`` (nothing), ``"ours"`` or ``"foreign"``.

    A file is ours when it is a regular file (not a link) whose SHA-256 is
    ``digest``, the one a build recorded for it; anything else there (an
    analyst's own file, a link, a folder, a file edited since) is foreign.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return "free"
    except OSError:
        return "foreign"
    if not stat.S_ISREG(st.st_mode) or not digest:
        return "foreign"
    try:
        return "ours" if file_sha256(path) == digest else "foreign"
    except OSError:
        return "foreign"


def recorded_digest(manifest: dict[str, dict], file: str) -> str | None:
    """Return the SHA-256 a manifest records for ``file``, whichever report wrote it."""
    for entry in manifest.values():
        digest = entry["outputs"].get(file)
        if digest:
            return digest
    return None


def foreign(folder: Path, files: list[str], manifest: dict[str, dict]) -> list[Path]:
    """Return those of ``files`` in ``folder`` that are there and not the build's own."""
    return [Path(folder) / f for f in files
            if state(Path(folder) / f, recorded_digest(manifest, f)) == "foreign"]


def linked_folders(root: Path, folder: Path) -> list[Path]:
    """Return the links on the way from ``root`` down to ``folder`` (a build never follows them)."""
    out = []
    here = Path(root)
    for part in Path(folder).relative_to(root).parts:
        here = here / part
        if here.is_symlink():
            out.append(here)
    return out


@dataclass(frozen=True)
class Refusal:
    """A file in the way of a report: there, and not a file a build made."""

    path: Path

    def __str__(self) -> str:
        return (f"{self.path} is not a file this build made (or it was changed since): "
                f"move it or delete it yourself, then build again")

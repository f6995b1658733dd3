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
from ..io.files import file_sha256, read_own, write_file
from .jobs import Job

MANIFEST = ".htmss-manifest.json"
"""The file beside the reports recording each one's fingerprint and outputs."""

INDEX = kinds.INDEX
"""The name of an index of briefs (``countries/index.html``)."""

SUFFIXES = (".html", ".ipynb", ".xlsx", ".pdf")
"""What a report leaves: its page, its executed notebook, its workbook."""

_DIGEST = re.compile(r"[0-9a-f]{64}")


def is_digest(text: object) -> bool:
    """Say whether ``text`` is a hex SHA-256 digest."""
    return isinstance(text, str) and _DIGEST.fullmatch(text) is not None


def is_report_name(name: object, folder: str = "") -> bool:
    """Say whether ``name`` names a report a build makes in a folder of kind folder ``folder``.

    ``folder`` is ``""`` for a language's own folder, else a kind's folder
    (``countries``): the names are those the kinds of that folder declare
    (:data:`htmss_analysis.kinds.REGISTRY`).
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


LINK_PARAMETERS = ("other_languages", "home", "briefs", "brief_countries", kinds.TECHNICAL,
                   kinds.PUBLICATION,
                   *dict.fromkeys(kinds.REGISTRY[k.lists].folder
                                  for k in kinds.REGISTRY.values() if k.lists))
"""The parameters of a report that link it to others, recorded in its manifest entry."""

def built(folder: Path, manifest: dict[str, dict] | None = None) -> list[str]:
    """Return the reports a build made in ``folder`` and that are there as it made them.

    Read from the folder's manifest (never from file names: an analyst's
    ``FAQ.html`` is no report), each with its page there, its bytes those
    recorded.
    """
    manifest = read(folder) if manifest is None else manifest
    return sorted(name for name, entry in manifest.items()
                  if f"{name}.html" in entry["outputs"]
                  and state(folder / f"{name}.html",
                                    entry["outputs"][f"{name}.html"]) == "ours")

def briefs_in(folder: Path) -> list[str]:
    """Return the ISO3 codes of the country briefs a build made in ``folder``."""
    return [name for name in built(folder) if is_brief_name(name)]

def prune_briefs(jobs: list[Job], folders: tuple[str, ...] | None = None
                 ) -> tuple[list[Path], list[Path]]:
    """Delete the briefs an earlier build made of subjects no longer briefed.

    For a build of a rule (``worked`` or ``all``), in each kind folder of
    ``folders`` an index is built to: a country (or region) the rule no
    longer picks keeps no brief (the index would not list it). A file is
    deleted only when the manifest records it and its bytes are still those
    recorded; a file changed since (an annotated workbook), or a link, is
    kept. Returns the files deleted and those kept.
    """
    folders = (kinds.REGISTRY[kinds.BRIEFED].folder,) if folders is None else folders
    gone, kept = [], []
    for folder in sorted({j.out_dir for j in jobs if j.name == INDEX
                          and kind_folder(j.out_dir) in folders}):
        keep = {j.name for j in jobs if j.out_dir == folder}
        manifest = read(folder)
        kind = kind_folder(folder)
        stale = sorted(name for name in manifest
                       if name not in keep and is_brief_name(name, kind))
        for name in stale:
            for file, digest in sorted(manifest[name]["outputs"].items()):
                path = folder / file
                held = state(path, digest)
                if held == "ours":
                    path.unlink()
                    gone.append(path)
                elif held == "foreign":
                    kept.append(path)
            manifest.pop(name)
        if stale:
            write(folder, manifest)
    return gone, kept

def _entry(job: Job, ok: bool = True) -> dict:
    """Return the manifest entry of a report just run: fingerprint and outputs' digests.

    A failed report is recorded too, without a fingerprint (so never current):
    its executed notebook is the build's, to be replaced by the next run.
    """
    from ..io.files import file_sha256

    files = job.outputs if ok else (job.executed,)
    return {"fingerprint": job.fingerprint if ok else "", "built": build_day(),
            "links": {k: str(v) for k, v in job.parameters.items() if k in LINK_PARAMETERS},
            "outputs": {p.name: file_sha256(p) for p in files
                        if p.is_file() and not p.is_symlink()}}

def build_day() -> str:
    """Return the day a report is built (``2026-12-01``, UTC), for the page of every report.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it.
    """
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.date().isoformat()

def up_to_date(jobs: list[Job]) -> list[Job]:
    """Return the jobs whose report is current: nothing to build again.

    A report is current when the manifest beside it records its fingerprint
    (so it was made from these very inputs, notebook, parameters, template
    and package version) and the digest of each of its outputs (HTML,
    executed notebook, workbook), and each output is there with those very
    bytes. The manifest entry is written last, after every output is in
    place, and removed before a report is built again: a run that was killed,
    failed or wrote only part of its files leaves nothing a later build trusts.
    """
    manifests: dict[Path, dict[str, dict]] = {}
    out = []
    for job in jobs:
        if job.out_dir not in manifests:
            manifests[job.out_dir] = read(job.out_dir)
        entry = manifests[job.out_dir].get(job.name, {})
        outputs = entry.get("outputs")
        if not job.fingerprint or entry.get("fingerprint") != job.fingerprint or \
                not isinstance(outputs, dict):
            continue
        if job.html.name not in outputs or job.executed.name not in outputs:
            continue
        if all(state(job.out_dir / name, digest) == "ours"
               for name, digest in outputs.items()):
            out.append(job)
    return out

def _forget(jobs: list[Job]) -> None:
    """Mark the reports about to be built as not current (see :func:`up_to_date`).

    Their entries lose their fingerprint but keep the digests of the files
    an earlier build made: a build killed before it replaced them leaves
    files the next build still knows as its own.
    """
    folders: dict[Path, list[str]] = {}
    for job in jobs:
        folders.setdefault(job.out_dir, []).append(job.name)
    for folder, names in folders.items():
        manifest = read(folder)
        if any(manifest.get(n, {}).get("fingerprint") for n in names):
            for n in names:
                if n in manifest:
                    manifest[n]["fingerprint"] = ""
            write(folder, manifest)

"""A cache of parsed tables that runs no code, trusts nothing it reads, and stays private.

Entries are JSON (column names, dtypes, rows) and, for large tables, Arrow IPC
files whose SHA-256 the JSON entry records; never pickle: a file planted in
the cache can at worst be wrong, and a wrong, damaged or foreign entry is a
miss (the source is parsed again, and a warning said once), never an error
and never stale rows. The folder must be the user's own and private (0700);
a cache folder or entry that is a symbolic link, another user's, or open to
others is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir

if TYPE_CHECKING:
    import pandas as pd

CACHE_ENV = "HTMSS_CACHE_DIR"
"""Environment variable that moves the cache (default: the platform's user cache folder)."""

SHARED_ENV = "HTMSS_SHARED_DATA"
"""Set (by a build, for its report kernels): the reports a kernel runs share one dataset.

A build's reports only read the data, so a kernel that runs one country
brief after another validates the tables once and keeps, with them, what the
metrics worked out for every country (see :func:`htmss_analysis.data.load.load`).
Anywhere else (JupyterLab, papermill by hand) each load gives a dataset of
its own.
"""

FORMAT = 1
"""Version of the entry layout; an entry of another version is a miss."""

_DTYPES = {"object", "str", "string", "bool", "int64", "Int64", "float64", "datetime64[ns]",
           "datetime64[us]", "datetime64[ms]", "datetime64[s]"}
_warned: set[str] = set()


def cache_dir() -> Path:
    """Return the folder of cached parsed sources (created, private, when first written)."""
    return Path(os.environ.get(CACHE_ENV) or user_cache_dir("htmss-analysis", appauthor=False))


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        warnings.warn(message, stacklevel=3)


def _private_folder(create: bool) -> Path | None:
    """Return the cache folder if it is safe to use: a real folder, the user's own, 0700."""
    folder = cache_dir()
    if create and not os.path.lexists(folder):
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
        except OSError as exc:
            _unwritable(folder, exc)
            return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        _warn_once(f"cache folder {folder} is a link or not a folder: not used")
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
        _warn_once(f"cache folder {folder} is not private to this user (mode "
                   f"{stat.S_IMODE(info.st_mode):o}): not used; `chmod 700` it or remove it")
        return None
    return folder


def frame_to_payload(frame: pd.DataFrame) -> dict:
    """Return a frame as plain JSON-able data: dtypes, columns of values, attrs."""
    import pandas as pd
    columns = {}
    for name in frame.columns:
        values = frame[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            columns[name] = [None if pd.isna(v) else v.isoformat() for v in values]
        else:
            columns[name] = [_plain(v) for v in values]
    # The index is kept: a table's index is the row number the analyst sees in the file.
    index = [int(i) for i in frame.index] if pd.api.types.is_integer_dtype(frame.index) else None
    return {"rows": len(frame), "dtypes": {c: str(frame[c].dtype) for c in frame.columns},
            "columns": columns, "attrs": frame.attrs, "index": index}


def _plain(value: object) -> object:
    import pandas as pd
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if value is None or (not isinstance(value, (str, list)) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def frame_from_payload(entry: dict, columns: list[str]) -> pd.DataFrame | None:
    """Rebuild a frame from :func:`frame_to_payload`'s data; ``None`` if it is not that."""
    import pandas as pd
    try:
        if list(entry["columns"]) != columns:
            return None
        dtypes, rows = entry["dtypes"], int(entry["rows"])
        index = entry.get("index")
        frame = pd.DataFrame({c: pd.Series(entry["columns"][c], dtype=object) for c in columns})
        if columns and len(frame) != rows:
            return None
        if index is not None and rows:
            if len(index) != rows:
                return None
            frame.index = pd.Index([int(i) for i in index])
        for c in columns:
            dtype = dtypes[c]
            if dtype not in _DTYPES:
                return None
            if dtype.startswith("datetime64"):
                frame[c] = pd.to_datetime(frame[c]).astype(dtype)
            elif dtype == "object":
                frame[c] = frame[c].map(lambda v: tuple(v) if isinstance(v, list) else v
                                        ).astype(object)
            else:
                frame[c] = frame[c].astype(dtype)
        frame.attrs.update(entry.get("attrs") or {})
        return frame
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None


def read_entry(name: str) -> dict | None:
    """Return a cache entry's JSON data, or ``None`` (absent, unsafe, unreadable, foreign)."""
    folder = _private_folder(create=False)
    if folder is None:
        return None
    target = folder / name
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, encoding="utf-8") as fh:
        try:
            entry = json.loads(fh.read())
        except (OSError, UnicodeDecodeError, ValueError):
            entry = None
    # An entry names its own key and the digest of its content: one copied under another
    # key (another folder's), or edited since, is not used.
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or \
            entry.get("key") != name or entry.get("digest") != _entry_digest(entry):
        _warn_once(f"cache entry {target.name} is damaged or not ours: parsed again")
        return None
    return entry


def _entry_digest(entry: dict) -> str:
    """Digest an entry's content (all but its own digest), as written."""
    body = {k: v for k, v in entry.items() if k != "digest"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, allow_nan=False).encode()).hexdigest()


def _unwritable(folder: Path, exc: BaseException) -> None:
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    _warn_once(f"cache folder {folder} cannot be written ({reason}): going on without it")


def write_entry(name: str, entry: dict) -> None:
    """Write a cache entry privately and atomically; an unwritable cache only costs speed."""
    folder = _private_folder(create=True)
    if folder is None:
        return
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        body = {"format": FORMAT, **entry, "key": name}
        body["digest"] = _entry_digest(body)
        text = json.dumps(body, allow_nan=False)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, folder / name)
    except OSError as exc:
        _unwritable(folder, exc)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    except (ValueError, TypeError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def cached(name: str, columns: list[str], parse: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """Return the frame cached under ``name``, or parse it, cache it and return it.

    Parameters
    ----------
    name : str
        The entry's file name (its key: source digest, versions).
    columns : list of str
        The columns the frame must have, in order; an entry with others is a miss.
    parse : callable
        Makes the frame on a miss.
    """
    entry = read_entry(name)
    if entry is not None:
        frame = frame_from_payload(entry.get("frame") or {}, columns)
        if frame is not None:
            return frame
        _warn_once(f"cache entry {name} is damaged or not ours: parsed again")
    frame = parse()
    write_entry(name, {"frame": frame_to_payload(frame)})
    return frame


# --- large tables: Arrow IPC files named in a JSON entry -------------------------------------


def _write_arrow(fh, frame: pd.DataFrame) -> list[str]:
    """Write a frame to an open binary file as Arrow IPC; return its columns of tuples."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=True)
    # LZ4: faster to write than the uncompressed bytes, and half their size.
    options = pa.ipc.IpcWriteOptions(compression="lz4")
    with pa.ipc.new_file(pa.PythonFile(fh, mode="w"), table.schema, options=options) as writer:
        writer.write_table(table)
    return [c for c in frame.columns if frame[c].dtype == object
            and pa.types.is_list(table.schema.field(str(c)).type)]


def _frame_of_arrow(data: bytes, dtypes: dict[str, str], tuples: list[str]
                    ) -> pd.DataFrame | None:
    import pyarrow as pa

    try:
        frame = pa.ipc.open_file(pa.py_buffer(data)).read_all().to_pandas()
    except (pa.ArrowException, ValueError, TypeError, KeyError):
        return None
    if list(frame.columns) != list(dtypes):
        return None
    for name, dtype in dtypes.items():
        if dtype not in _DTYPES:
            return None
        column = frame[name]
        if dtype == "object":
            # Arrow has no "object": text comes back as strings, tuples as arrays.
            values = column.astype(object)
            values = values.where(column.notna(), None)
            if name in tuples:
                values = values.map(lambda v: None if v is None else tuple(v))
            frame[name] = values.astype(object)
        elif str(column.dtype) != dtype:
            frame[name] = column.astype(dtype)
    return frame


def pa_errors() -> type[Exception]:
    """Return Arrow's base exception (a frame Arrow cannot hold is not cached)."""
    import pyarrow as pa

    return pa.ArrowException


class TableWriter:
    """Cache the tables of one entry as each is ready, in a background thread.

    Writing a million validated rows (compressing, hashing) then overlaps with
    validating the next tables. :meth:`commit` writes the JSON entry that
    names them, last, so an entry that can be read always names complete
    tables; :meth:`discard` removes them (data with errors is never cached).
    """

    def __init__(self, name: str):
        from concurrent.futures import ThreadPoolExecutor

        self.name = name
        self._folder = _private_folder(create=True)
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._written: dict[str, object] = {}

    def add(self, table: str, frame: pd.DataFrame) -> None:
        """Start writing ``frame`` as the entry's table ``table`` (once per table)."""
        if self._folder is not None and table not in self._written:
            self._written[table] = self._pool.submit(self._write, table, frame)

    def _write(self, table: str, frame: pd.DataFrame) -> dict | None:
        file = f"{self.name}.{table}.arrow"
        tmp = self._folder / f".{file}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as fh:
                tuples = _write_arrow(fh, frame)
            digest = _file_digest(tmp)
            os.replace(tmp, self._folder / file)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            _unwritable(self._folder, exc)
            return None
        except (ValueError, TypeError, OverflowError, pa_errors()) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            _warn_once(f"table {table} cannot be cached ({type(exc).__name__}): not cached")
            return None
        return {"file": file, "sha256": digest, "tuples": tuples,
                "dtypes": {c: str(frame[c].dtype) for c in frame.columns}}

    def commit(self, entry: dict) -> None:
        """Wait for the tables, then write the entry naming them (unless one failed)."""
        self._pool.shutdown(wait=True)
        listed = {table: future.result() for table, future in self._written.items()}
        if self._folder is not None and all(listed.values()):
            write_entry(self.name, {**entry, "arrow_tables": listed})

    def discard(self) -> None:
        """Wait for the tables and remove them: nothing of this entry is kept."""
        self._pool.shutdown(wait=True)
        for table in self._written:
            if self._folder is not None:
                with contextlib.suppress(OSError):
                    (self._folder / f"{self.name}.{table}.arrow").unlink(missing_ok=True)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def read_tables(name: str) -> tuple[dict[str, pd.DataFrame], dict] | None:
    """Return the tables and JSON entry cached under ``name``, or ``None`` (a miss).

    A table file that is missing, a link, or not the bytes the entry recorded
    is a miss.
    """
    entry = read_entry(name)
    folder = _private_folder(create=False)
    if entry is None or folder is None or not isinstance(entry.get("arrow_tables"), dict):
        return None
    tables = {}
    for table, about in entry["arrow_tables"].items():
        try:
            if about["file"] != f"{name}.{table}.arrow":
                return None  # another entry's table
            fd = os.open(folder / about["file"], os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                data = fh.read()
            if hashlib.sha256(data).hexdigest() != about["sha256"]:
                _warn_once(f"cache entry {about['file']} is damaged or not ours: parsed again")
                return None
            frame = _frame_of_arrow(data, dict(about["dtypes"]), list(about["tuples"]))
        except (OSError, KeyError, TypeError):
            return None
        if frame is None:
            return None
        tables[table] = frame
    return tables, entry

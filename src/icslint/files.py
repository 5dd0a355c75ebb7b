"""Finding the files to check and reading their bytes, with the standard library only (the
cached `icslint check` finds the same files as the full one without importing the rest)."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no FIFOs to wait on
    fcntl = None  # type: ignore[assignment]

YAML_SUFFIXES = (".yaml", ".yml")
# A folder is searched for files whose top-level `kind:` is one of icslint's, or looks like one
# (`kind: icb-consitution`, `kind: ICB-Constitution`), so that a misspelt kind is reported
# (ICL003) rather than the file silently left out; other YAML in a repository (CI workflows,
# Kubernetes manifests with `kind: Deployment`) is left alone. A byte-order mark is allowed.
# A file named on the command line is always checked, unless `--only-documents` is given.
_KIND_LINE = re.compile(rb"^(?:\xef\xbb\xbf)?kind:\s*['\"]?ic[bp](?![a-z0-9])", re.M | re.I)


class PathError(Exception):
    """A path on the command line that does not exist or cannot be read."""


# Byte-order marks, longest first (a UTF-32 little-endian mark begins like a UTF-16 one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def encoding_of(raw: bytes) -> tuple[str, int, str]:
    """The codec a file is written in, the length of its byte-order mark, and the encoding's
    name for people. A byte-order mark decides; without one, the NUL bytes around the first
    character tell UTF-16 and UTF-32 from UTF-8, as the YAML specification (5.2) says."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return codec, len(bom), name
    head = raw[:4]
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be", 0, "UTF-32"
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "utf-32-le", 0, "UTF-32"
    if len(head) >= 2 and not head[0] and head[1]:
        return "utf-16-be", 0, "UTF-16"
    if len(head) >= 2 and head[0] and not head[1]:
        return "utf-16-le", 0, "UTF-16"
    return "utf-8", 0, "UTF-8"


def as_utf8(raw: bytes) -> bytes:
    """The start of a file as UTF-8 bytes (to look for `kind:` in a UTF-16 or UTF-32 file)."""
    codec, bom, _ = encoding_of(raw)
    if codec == "utf-8":
        return raw
    return raw[bom:].decode(codec, "replace").encode("utf-8")


class FileTooLarge(Exception):
    """A file larger than icslint reads (the `max-file-size` setting)."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size
        """Its size in bytes, if known (a pipe's is not)."""


def read_source(path: Path, limit: int) -> bytes:
    """The bytes of a file of at most `limit` bytes. Raises FileTooLarge, without reading a
    regular file at all, past the limit, and OSError if the file cannot be read. A named pipe
    with no writer reads as empty rather than waiting for one."""
    nonblocking = getattr(os, "O_NONBLOCK", 0) if fcntl is not None else 0
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if stat.S_ISREG(status.st_mode) and status.st_size > limit:
            raise FileTooLarge(status.st_size)
        if nonblocking and fcntl is not None:  # opened without waiting; now read as usual
            mode = fcntl.fcntl(descriptor, fcntl.F_GETFL)
            fcntl.fcntl(descriptor, fcntl.F_SETFL, mode & ~nonblocking)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLarge(status.st_size if stat.S_ISREG(status.st_mode) else None)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def unreadable(path: Path, error: OSError | None = None) -> str:
    """Why a file cannot be read, naming it: `cannot read PATH: REASON`."""
    shown = path.as_posix()
    if path.is_symlink():
        try:
            path.stat()
        except OSError as problem:
            if problem.errno == errno.ELOOP:
                return f"cannot read {shown}: it is a link that leads back to itself (a loop)"
            if problem.errno == errno.ENOENT:
                target = os.readlink(path)
                return f"cannot read {shown}: it is a link to {target}, which does not exist"
    reason = (error.strerror if error is not None else None) or str(error or "unknown error")
    return f"cannot read {shown}: {reason[:1].lower()}{reason[1:]}"


def find_files(paths: Sequence[Path], only_documents: bool = False) -> list[Path]:
    """The files to check: files as given, and icslint documents found in folders.

    With `only_documents`, a named file is skipped unless a folder search would pick it (its
    `kind:` is icslint's, or looks like a misspelling of it).
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(_documents_in(path))
        elif path.exists():
            if not only_documents or _declares_kind(path, unreadable=True):
                files.append(path)
        elif path.is_symlink():  # a link to nothing, or to itself
            raise PathError(unreadable(path))
        else:
            raise PathError(f"{path.as_posix()}: no such file or folder")
    return list(dict.fromkeys(files))


def _documents_in(folder: Path) -> list[Path]:
    """The icslint documents in a folder and the folders in it (not those starting with a dot,
    nor linked folders). A YAML file that cannot be read (a broken or looping link, no
    permission) is returned too, so that checking it says why: it may be a document. Named
    pipes, sockets and devices are not files of a repository and are left alone."""

    def cannot_read(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        reason = (error.strerror or str(error)).lower()
        raise PathError(f"cannot read the folder {where.as_posix()}: {reason}")

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=cannot_read):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            candidate = Path(root) / name
            if candidate.suffix not in YAML_SUFFIXES:
                continue
            if candidate.exists() and not candidate.is_file():
                continue
            if _declares_kind(candidate, unreadable=True):
                found.append(candidate)
    return found


def _declares_kind(path: Path, unreadable: bool = False) -> bool:
    """Whether the file's `kind:` is icslint's; `unreadable` is the answer if it cannot be read
    (True for a named file, so that the check reports why). Only a regular file is looked
    into: reading the start of a pipe would take it from the check."""
    try:
        if not path.is_file():
            return unreadable
        with path.open("rb") as handle:
            return bool(_KIND_LINE.search(as_utf8(handle.read(65536))))
    except OSError:
        return unreadable

"""Writing files the user asked for: atomically, and never over a file unless told to."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path


class OutputExists(Exception):
    """The output file is already there and replacing it was not allowed."""


def write_file(path: Path, data: bytes, *, replace: bool) -> None:
    """Write `data` to `path` so that readers see the old file or the new, never half of one.

    The bytes go to a temporary file beside the target first. Without `replace`, the temporary
    file is hard-linked into place, which fails if the target exists even when another program
    creates it meanwhile; so an existing file is never touched.
    """
    if replace and path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            with contextlib.suppress(FileNotFoundError):
                # The replacement keeps the permissions of the file it replaces.
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise OutputExists(path.as_posix()) from None
        except OSError:
            # A file system without hard links: fall back to an exclusive create.
            _write_exclusive(path, data)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _write_exclusive(path: Path, data: bytes) -> None:
    try:
        with path.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise OutputExists(path.as_posix()) from None

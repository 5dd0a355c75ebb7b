"""Reading a version of a document to compare: a file, or a file at a Git revision."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from icslint.diagnostics import Diagnostic
from icslint.loader import decode
from icslint.registry import KINDS
from icslint.source import SourceDocument, YamlSyntaxError, parse_yaml


class VersionError(Exception):
    """A version that cannot be read or compared; the message names the file and, where it
    can, the line and column."""


@dataclass(frozen=True)
class Version:
    """One version of a document: where it was read from, and its data."""

    shown: str
    source: SourceDocument
    kind: str

    @property
    def data(self) -> object:
        return self.source.data

    def position(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        return self.source.position(loc)

    def title(self) -> str:
        """The version's number, as the document gives it, for a heading."""
        data = self.data
        meta = data.get("meta") if isinstance(data, dict) else None
        version = meta.get("version") if isinstance(meta, dict) else None
        return f" (version {version})" if version is not None else ""


def read_version(spec: str) -> Version:
    """A file, or `REV:path` from Git (the path as Git reads it: from the top of the
    repository, or from the current folder if it starts with ./). Raises VersionError."""
    path = Path(spec)
    if path.is_file() or ":" not in spec:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise VersionError(f"{spec}: cannot read: {error.strerror or error}") from None
    else:
        raw = _from_git(spec)
    text = decode(raw, spec)
    if isinstance(text, Diagnostic):
        raise VersionError(f"{text.path}:{text.line}:{text.column}: {text.message}")
    try:
        source = parse_yaml(text)
    except YamlSyntaxError as error:
        raise VersionError(f"{spec}:{error.line}:{error.column}: {error.message}") from None
    for repeat in source.repeated:
        # Which of the two values the version means cannot be known, so neither is compared.
        line, column = repeat.at
        where = f" (first on line {repeat.first_line})" if repeat.first_line else ""
        raise VersionError(
            f'{spec}:{line}:{column}: the key "{repeat.key}" appears twice in the same '
            f"mapping{where}, so which value this version means is not known; remove the "
            "duplicate and compare again"
        )
    data = source.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in KINDS:
        raise VersionError(
            f"{spec}:1:1: not an icslint document: its top-level `kind:` must be "
            f"{' or '.join(KINDS)}"
        )
    return Version(spec, source, str(kind))


def _from_git(spec: str) -> bytes:
    try:
        shown = subprocess.run(["git", "show", spec], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise VersionError(f"{spec}: cannot run git to read it: {error}") from None
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1].removeprefix("fatal: ") if said else "git could not read it"
        raise VersionError(f"{spec}: no such file, and not a Git revision and path: {reason}")
    return shown.stdout

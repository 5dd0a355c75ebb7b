"""Running rules over documents: findings in, diagnostics out."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from icslint.diagnostics import Diagnostic, Severity
from icslint.loader import decode, load, tool_diagnostic
from icslint.placeholders import find_comment_placeholders, find_placeholders
from icslint.registry import RuleSpec
from icslint.source import SourceDocument
from icslint.tool_codes import PLACEHOLDER, RULE_CRASHED

YAML_SUFFIXES = (".yaml", ".yml")
# A folder is searched for files that declare a kind icslint knows; other YAML files in a
# repository (CI configuration, pre-commit hooks) are left alone. A file named on the command
# line is always checked.
_KIND_LINE = re.compile(rb"^kind:\s*['\"]?(icb-constitution|icp-terms-of-reference)\b", re.M)


class PathError(Exception):
    """A path on the command line that does not exist or cannot be read."""


@dataclass(frozen=True)
class Result:
    """The outcome of checking some files."""

    diagnostics: tuple[Diagnostic, ...]
    files: int

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def fails(self, fail_on: Severity) -> bool:
        return any(d.severity.rank >= fail_on.rank for d in self.diagnostics)


def lint_text(text: str, path: str, rules: Sequence[RuleSpec]) -> list[Diagnostic]:
    """Check one document's text against the given rules."""
    loaded = load(text, path)
    if loaded.source is None:
        return list(loaded.problems)
    diagnostics = [*loaded.problems, *_placeholders(loaded.source, text, path)]
    if loaded.document is None:
        return sorted(diagnostics)
    document, source = loaded.document, loaded.source
    for spec in rules:
        if spec.applies_to != document.kind or spec.check is None:
            continue
        try:
            findings = list(spec.check(document, spec.options()))
        except Exception as error:  # a fault in a rule must not hide the other findings
            diagnostics.append(
                tool_diagnostic(
                    RULE_CRASHED, path, 1, 1, f"{spec.code} failed: {type(error).__name__}: {error}"
                )
            )
            continue
        for finding in findings:
            line, column = source.position(finding.loc)
            diagnostics.append(
                Diagnostic(
                    path=path,
                    line=line,
                    column=column,
                    code=spec.code,
                    rule=spec.slug,
                    severity=spec.severity,
                    level=spec.level,
                    message=finding.message,
                    citations=spec.citations,
                    loc=finding.loc,
                )
            )
    return sorted(diagnostics)


def _placeholders(source: SourceDocument, text: str, path: str) -> list[Diagnostic]:
    found = [
        tool_diagnostic(
            PLACEHOLDER,
            path,
            line,
            column,
            f"{blank}: the value on this line is a stand-in from `icslint init`. Confirm or "
            "correct it, then delete this comment.",
        )
        for line, column, blank in find_comment_placeholders(text)
    ]
    for loc, blank in find_placeholders(source.data):
        line, column = source.position(loc)
        found.append(
            tool_diagnostic(
                PLACEHOLDER,
                path,
                line,
                column,
                f"{blank} is a placeholder from `icslint init`: replace it with the real value.",
                loc,
            )
        )
    return found


def lint_file(path: Path, rules: Sequence[RuleSpec]) -> list[Diagnostic]:
    shown = path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PathError(f"cannot read {shown}: {error.strerror or error}") from None
    text = decode(raw, shown)
    if isinstance(text, Diagnostic):
        return [text]
    return lint_text(text, shown, rules)


def find_files(paths: Sequence[Path]) -> list[Path]:
    """The files to check: files as given, and icslint documents found in folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(_documents_in(path))
        elif path.exists():
            files.append(path)
        else:
            raise PathError(f"{path.as_posix()}: no such file or folder")
    return list(dict.fromkeys(files))


def _documents_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            candidate = Path(root) / name
            if candidate.suffix in YAML_SUFFIXES and _declares_kind(candidate):
                found.append(candidate)
    return found


def _declares_kind(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return bool(_KIND_LINE.search(handle.read(65536)))
    except OSError:
        return False


def lint_paths(paths: Sequence[Path], rules: Sequence[RuleSpec]) -> Result:
    """Check files and folders. Raises PathError for a path that is missing or unreadable."""
    files = find_files(paths)
    diagnostics = [d for path in files for d in lint_file(path, rules)]
    return Result(diagnostics=tuple(diagnostics), files=len(files))

"""Stable fingerprints for findings, shared by the SARIF and GitLab reports.

A fingerprint lets a code-review tool recognise the same finding in the next run, so it can
tell new findings from old ones. It is built from the file path, the rule code and the YAML
path of the finding (`board.seats[3].role`), never from line numbers or the message (some
messages quote line numbers), so it survives lines being inserted or removed above the
finding. Findings that share all three get an occurrence index, counted in the order of the
findings in the file, so every fingerprint in one report is different.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from icslint.diagnostics import Diagnostic, yaml_path
from icslint.engine import Result


def fingerprint(path: str, code: str, where: str, occurrence: int = 0) -> str:
    """sha256 (hex) of `path NUL code NUL yaml-path NUL occurrence`."""
    key = "\0".join((path, code, where, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One fingerprint for each diagnostic, in the order given, all different.

    The occurrence index of findings with the same path, code and YAML path follows the
    diagnostics' own order (path, line, column, code), which inserting lines does not change.
    """
    order = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i])
    seen: dict[tuple[str, str, str], int] = {}
    prints = [""] * len(diagnostics)
    for i in order:
        d = diagnostics[i]
        key = (d.path, d.code, yaml_path(d.loc))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        prints[i] = fingerprint(*key, occurrence)
    return prints


def result_fingerprints(result: Result) -> tuple[list[str], list[str]]:
    """Fingerprints of the reported and of the suppressed findings of a result.

    Both are numbered together, so suppressing one finding does not change the fingerprint of
    another with the same path, code and YAML path.
    """
    every: list[Diagnostic] = [*result.diagnostics, *_suppressed(result)]
    prints = fingerprints(every)
    reported = len(result.diagnostics)
    return prints[:reported], prints[reported:]


def _suppressed(result: Result) -> Iterable[Diagnostic]:
    return (s.diagnostic for s in result.suppressed)

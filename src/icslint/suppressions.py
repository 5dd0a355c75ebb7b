"""`# icslint: disable=CODE -- reason` comments: suppressions that leave an audit trail.

A suppression must give a reason after ` -- `; one without a reason suppresses nothing and is
itself reported (ICL005). A suppression that matches no finding is reported too (ICL006), so
stale suppressions do not pile up after the text they excused has been fixed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from icslint.comments import Comment, content_lines, yaml_comments
from icslint.diagnostics import Diagnostic
from icslint.loader import tool_diagnostic
from icslint.registry import RuleSpec
from icslint.tool_codes import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

# At the start of the comment, or after another comment's text: `# [ICB051]  # icslint: ...`.
_DIRECTIVE = re.compile(r"(?:^|\s#\s*)icslint\s*:\s*(?P<body>.*)$", re.I)
_FORM = re.compile(
    r"^(?P<scope>disable|disable-file)\s*=\s*(?P<codes>[A-Za-z0-9_, -]*?)\s*"
    r"(?:--\s*(?P<reason>.*?))?\s*$"
)
_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
# The findings about the file itself or about suppressions cannot be suppressed in the file.
UNSUPPRESSIBLE = frozenset({"ICL001", "ICL002", "ICL003", "ICL005", "ICL006", "ICL999"})


@dataclass
class Suppression:
    line: int
    """The line of the comment."""
    column: int
    target: int | None
    """The line it applies to; None for the whole file."""
    codes: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Outcome:
    kept: tuple[Diagnostic, ...]
    suppressed: tuple[tuple[Diagnostic, Suppression], ...]


def apply(
    text: str,
    path: str,
    diagnostics: Sequence[Diagnostic],
    known_codes: Collection[str],
    run_codes: Collection[str],
) -> Outcome:
    """Drop the findings that a valid suppression names; add findings about the suppressions.

    `known_codes` are all codes icslint has (to spot a misspelt code); `run_codes` the codes
    that ran in this check (a suppression of a rule that did not run cannot be called unused).
    """
    suppressions, problems = _parse(text, path, known_codes)
    kept: list[Diagnostic] = []
    suppressed: list[tuple[Diagnostic, Suppression]] = []
    for diagnostic in diagnostics:
        match = next(
            (
                s
                for s in suppressions
                if diagnostic.code in s.codes
                and diagnostic.code not in UNSUPPRESSIBLE
                and s.target in (None, diagnostic.line)
            ),
            None,
        )
        if match is None:
            kept.append(diagnostic)
        else:
            match.used.add(diagnostic.code)
            suppressed.append((diagnostic, match))
    for s in suppressions:
        for code in s.codes:
            if code in run_codes and code in known_codes and code not in s.used:
                where = "in this file" if s.target is None else f"on line {s.target}"
                problems.append(
                    tool_diagnostic(
                        UNUSED_SUPPRESSION,
                        path,
                        s.line,
                        s.column,
                        f"The suppression of {code} matches no {code} finding {where}. Remove "
                        f"{code} from the comment, so that suppressions stay an accurate record.",
                    )
                )
    return Outcome(tuple(sorted([*kept, *problems])), tuple(suppressed))


def _parse(
    text: str, path: str, known_codes: Collection[str]
) -> tuple[list[Suppression], list[Diagnostic]]:
    suppressions: list[Suppression] = []
    problems: list[Diagnostic] = []
    content = content_lines(text)
    for comment in yaml_comments(text):
        directive = _DIRECTIVE.search(comment.text)
        if directive is None:
            continue

        form = _FORM.match(directive.group("body"))
        codes = tuple(c.strip().upper() for c in (form.group("codes") if form else "").split(","))
        codes = tuple(c for c in codes if c)
        if form is None or not codes or not all(_CODE.match(c) for c in codes):
            problems.append(
                _about(
                    INVALID_SUPPRESSION,
                    path,
                    comment,
                    "This icslint comment is not a suppression icslint understands. Write "
                    "`# icslint: disable=CODE -- reason` (or disable-file=CODE) with rule codes "
                    "such as ICB052.",
                )
            )
            continue
        reason = (form.group("reason") or "").strip()
        if not reason:
            problems.append(
                _about(
                    INVALID_SUPPRESSION,
                    path,
                    comment,
                    f"The suppression of {', '.join(codes)} gives no reason, so it does not "
                    "suppress anything. Add the reason after ' -- ', for example "
                    f"`# icslint: disable={codes[0]} -- agreed with NHS England on 1 May 2025`.",
                )
            )
            continue
        unknown = [c for c in codes if c not in known_codes]
        for code in unknown:
            problems.append(
                _about(
                    UNUSED_SUPPRESSION,
                    path,
                    comment,
                    f"{code} is not an icslint rule, so this suppression suppresses nothing. "
                    "Check the code with `icslint rules`.",
                )
            )
        target: int | None = None
        if form.group("scope").lower() == "disable":
            target = comment.line if not comment.alone else _next(content, comment.line)
            if target < 0:
                problems.append(
                    _about(
                        UNUSED_SUPPRESSION,
                        path,
                        comment,
                        "This suppression is alone on the last line, so it applies to no line. "
                        "Put it on the line with the finding or the line above it.",
                    )
                )
                continue
        suppressions.append(Suppression(comment.line, comment.column, target, codes, reason))
    return suppressions, problems


def _next(content: list[int], line: int) -> int:
    """The first line with YAML content after `line` (a comment alone applies to it)."""
    return next((n for n in content if n > line), -1)


def _about(spec: RuleSpec, path: str, comment: Comment, message: str) -> Diagnostic:
    return tool_diagnostic(spec, path, comment.line, comment.column, message)

"""`--format text`: breaches, then what the documents do not state, then a summary, for people."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from icslint.diagnostics import Diagnostic, Level, Outcome, Severity
from icslint.engine import Result

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_NOT_STATED_STYLE = "cyan"
NOT_STATED_HEADING = (
    "Not stated (the documents do not say these things; they are not breaches, but check "
    "whether each should be stated):"
)


PENDING_HEADING = (
    "Pending law (not yet in force, so not breaches: what will need to change when each "
    "measure commences):"
)

NOTES_HEADING = "Passed because of what the documents record (check that each still holds):"


def quiet(result: Result, stream: TextIO) -> None:
    """`--quiet`: the findings only, one line each, with no headings, notes or summary."""
    console = Console(file=stream, soft_wrap=True, highlight=False)
    for diagnostic in (*result.breaches, *result.not_stated, *result.pending):
        console.print(headline(diagnostic))


def statistics(result: Result, stream: TextIO) -> None:
    """`--statistics`: how many findings each rule gave, most first, then the summary."""
    console = Console(file=stream, soft_wrap=True, highlight=False)
    counts = Counter(
        (d.code, d.rule, d.outcome.label if not d.is_breach else d.severity.value)
        for d in result.diagnostics
    )
    width = max((len(str(n)) for n in counts.values()), default=1)
    for (code, rule, label), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        console.print(Text(f"{n:>{width}}  {code}  [{rule}]  {label}"))
    console.print(summary(result))


def report(result: Result, stream: TextIO) -> None:
    # soft_wrap: never break a line at the terminal width, so CI logs and editors can parse
    # `path:line:col:` from every diagnostic line.
    console = Console(file=stream, soft_wrap=True, highlight=False)
    snippets = _Excerpts() if console.is_terminal else None
    for diagnostic in result.breaches:
        _print(console, diagnostic, snippets)
    if result.not_stated:
        if result.breaches:
            console.print()
        console.print(Text(NOT_STATED_HEADING, style="bold"))
        for diagnostic in result.not_stated:
            _print(console, diagnostic, snippets)
    if result.pending:
        if result.breaches or result.not_stated:
            console.print()
        console.print(Text(PENDING_HEADING, style="bold"))
        for diagnostic in result.pending:
            _print(console, diagnostic, snippets)
    noted = [r for r in result.outcomes if r.outcome is Outcome.PASSED and r.reason]
    if noted:
        if result.diagnostics:
            console.print()
        console.print(Text(NOTES_HEADING, style="bold"))
        for passed in noted:
            console.print(Text(f"{passed.path}: {passed.code} passed: {passed.reason}"))
    console.print(summary(result))


def _print(console: Console, diagnostic: Diagnostic, snippets: _Excerpts | None) -> None:
    console.print(headline(diagnostic))
    for place in diagnostic.related:
        console.print(Text(f"  also {place}"))
    for citation in diagnostic.citations:
        console.print(Text(f"  = {citation}: {citation.url}", style="dim"))
    if snippets is not None:
        _snippet(console, diagnostic, snippets.lines(diagnostic.path))


def headline(d: Diagnostic) -> Text:
    style = _STYLE[d.severity] if d.is_breach else _NOT_STATED_STYLE
    label = d.severity.value if d.is_breach else d.outcome.label
    line = Text()
    line.append(f"{d.path}:{d.line}:{d.column}: ", style="bold")
    line.append(d.code, style=style)
    line.append(f" [{d.rule}] ")
    line.append(label, style=style)
    line.append(f": {d.message}")
    return line


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(result: Result) -> Text:
    """`3 breaches (2 statute, 1 NHS England policy) · 41 not stated · 97 passed · 12 not
    applicable in 1 file`. Breaches and not-stated items are counted as listed above the
    summary; passed and not applicable count rules, once for each file."""
    files = _plural(result.files, "file", "files")
    breaches = result.breaches
    if not result.files and not result.diagnostics:
        return Text("No documents checked.")
    by_level = Counter(d.level for d in breaches)
    levels = ", ".join(
        # "2 statute" counts breaches of that level; a file problem is a thing, and counts.
        _plural(by_level[level], level.label, f"{level.label}s")
        if level is Level.TOOL
        else f"{by_level[level]} {level.label}"
        for level in Level
        if by_level[level]
    )
    parts = [
        _plural(len(breaches), "breach", "breaches") + (f" ({levels})" if levels else ""),
        f"{len(result.not_stated)} not stated",
        f"{result.count_outcome(Outcome.PASSED)} passed",
        f"{result.count_outcome(Outcome.NOT_APPLICABLE)} not applicable",
    ]
    parts += [
        f"{n} {label}"
        for n, label in (
            (len(result.pending), "pending"),
            (result.count_suppressed("comment"), "suppressed"),
            (result.count_suppressed("waiver"), "waived"),
        )
        if n
    ]
    line = f"{' · '.join(parts)} in {files}."
    if breaches:
        return Text(line, style="bold")
    if result.not_stated:
        return Text(line)
    return Text(f"All checks passed: {line}", style="green")


class _Excerpts:
    """The lines of each file a terminal report shows excerpts of, read once, as icslint read
    them (never more than it would read, and never waiting on a pipe)."""

    def __init__(self) -> None:
        self.read: dict[str, list[str]] = {}

    def lines(self, path: str) -> list[str]:
        if path not in self.read:
            self.read[path] = _lines_of(path)
        return self.read[path]


def _lines_of(path: str) -> list[str]:
    from icslint.config import DEFAULT_MAX_FILE_SIZE
    from icslint.files import FileTooLarge, read_source
    from icslint.loader import decode

    try:
        text = decode(read_source(Path(path), DEFAULT_MAX_FILE_SIZE), path)
    except (OSError, FileTooLarge):
        return []
    # YAML's line breaks only, so that the excerpt is the line the finding names.
    return re.split(r"\r\n|\r|\n", text) if isinstance(text, str) else []


def _snippet(console: Console, d: Diagnostic, lines: list[str]) -> None:
    if 1 <= d.line <= len(lines):
        style = _STYLE[d.severity] if d.is_breach else _NOT_STATED_STYLE
        console.print(Text(f"  {d.line:>4} | {lines[d.line - 1]}", style="dim"))
        console.print(Text(f"       | {' ' * (d.column - 1)}^", style=style))

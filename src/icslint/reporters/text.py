"""`--format text`: one line per finding, its citation, and a summary, for people."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from icslint.diagnostics import Diagnostic, Severity
from icslint.engine import Result

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(result: Result, stream: TextIO) -> None:
    # soft_wrap: never break a line at the terminal width, so CI logs and editors can parse
    # `path:line:col:` from every diagnostic line.
    console = Console(file=stream, soft_wrap=True, highlight=False)
    snippets = console.is_terminal
    for diagnostic in result.diagnostics:
        console.print(headline(diagnostic))
        for citation in diagnostic.citations:
            console.print(Text(f"  = {citation}: {citation.url}", style="dim"))
        if snippets:
            _snippet(console, diagnostic)
    console.print(summary(result))


def headline(d: Diagnostic) -> Text:
    line = Text()
    line.append(f"{d.path}:{d.line}:{d.column}: ", style="bold")
    line.append(d.code, style=_STYLE[d.severity])
    line.append(f" [{d.rule}] ")
    line.append(d.severity.value, style=_STYLE[d.severity])
    line.append(f": {d.message}")
    return line


def summary(result: Result) -> Text:
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    counts = [
        (result.count(severity), severity.value) for severity in Severity if result.count(severity)
    ]
    quiet = [
        f"{n} {label}"
        for n, label in (
            (result.count_suppressed("comment"), "suppressed"),
            (result.count_suppressed("waiver"), "waived"),
        )
        if n
    ]
    if not counts:
        extra = f"; {', '.join(quiet)}" if quiet else ""
        return Text(f"All checks passed ({files} checked{extra}).", style="green")
    parts = ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for n, name in counts)
    extra = f" ({', '.join(quiet)})" if quiet else ""
    return Text(f"Found {parts} in {files}{extra}.", style="bold")


def _snippet(console: Console, d: Diagnostic) -> None:
    try:
        lines = Path(d.path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    if 1 <= d.line <= len(lines):
        console.print(Text(f"  {d.line:>4} | {lines[d.line - 1]}", style="dim"))
        console.print(Text(f"       | {' ' * (d.column - 1)}^", style=_STYLE[d.severity]))

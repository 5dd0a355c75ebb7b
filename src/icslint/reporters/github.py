"""`--format github`: GitHub Actions workflow commands, shown as annotations on a pull request.

One `::error`, `::warning` or `::notice` line per finding, then the plain summary line. GitHub
shows only the first 10 annotations of each kind per step, so when `GITHUB_STEP_SUMMARY` names
a file, a Markdown table of every finding is appended to it for the job's summary page.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TextIO

from icslint.diagnostics import Diagnostic, Severity
from icslint.engine import Result
from icslint.reporters.text import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"


def report(result: Result, stream: TextIO) -> None:
    for diagnostic in result.diagnostics:
        stream.write(annotation(diagnostic) + "\n")
        # A whole-system finding is shown on each file it is about.
        for place in diagnostic.related:
            elsewhere = replace(
                diagnostic,
                path=place.path,
                line=place.line,
                column=place.column,
                message=f"{diagnostic.message} (reported at {diagnostic.path}:{diagnostic.line})",
                related=(),
            )
            stream.write(annotation(elsewhere) + "\n")
    stream.write(summary(result).plain + "\n")
    target = os.environ.get(STEP_SUMMARY)
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(step_summary(result))
        except OSError as error:
            reason = escape_data(f"cannot write the step summary to {target}: {error}")
            stream.write(f"::warning title=icslint::{reason}\n")


def annotation(d: Diagnostic) -> str:
    """The workflow command for one finding."""
    properties = {
        "file": d.path,
        "line": str(d.line),
        "col": str(d.column),
        "title": f"{d.code} [{d.rule}]" + ("" if d.is_breach else f" {d.outcome.label}"),
    }
    fields = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{COMMANDS[d.severity]} {fields}::{escape_data(d.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message, as the Actions runner's `toCommandValue` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value: as a message, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def step_summary(result: Result) -> str:
    """The Markdown appended to the job summary: counts and every finding."""
    lines = ["## icslint", ""]
    if not result.diagnostics:
        lines.append(f"All checks passed: no findings in {_files(result.files)}.")
    else:
        lines += [summary(result).plain, "", "| Outcome | Findings |", "| --- | ---: |"]
        lines += [
            f"| breach ({severity.value}) | {result.count(severity)} |" for severity in Severity
        ]
        lines += [f"| not stated | {len(result.not_stated)} |"]
        if result.pending:
            lines += [f"| pending | {len(result.pending)} |"]
        lines += ["", "| File:line | Code | Outcome | Message |", "| --- | --- | --- | --- |"]
        lines += [_row(d) for d in (*result.breaches, *result.not_stated, *result.pending)]
    if result.suppressed:
        lines += ["", f"{len(result.suppressed)} suppressed finding(s) not shown."]
    return "\n".join(lines) + "\n\n"


def _row(d: Diagnostic) -> str:
    # The path sits in a code span, where Markdown is not read; only a | would end the cell.
    where = d.path.replace("|", "\\|").replace("`", "'")
    cells: Iterable[str] = (
        f"`{where}:{d.line}`",
        f"{d.code} [{d.rule}]",
        f"breach ({d.severity.value})" if d.is_breach else d.outcome.label,
        escape_cell(d.message),
    )
    return "| " + " | ".join(cells) + " |"


def escape_cell(text: str) -> str:
    """Text for a Markdown table cell that shows as written: document values may contain
    HTML or Markdown, which the job summary would otherwise render."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"([\\`*_\[\]|~])", r"\\\1", escaped)
    return escaped.replace("\r\n", "<br>").replace("\n", "<br>")


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"

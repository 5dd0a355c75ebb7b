"""`icslint render`: check the document, refuse or stamp it DRAFT, render, write atomically.

A final render is refused when the check finds errors, or when the text needs a fact the file
does not state (a gap: see `icslint.render.gaps`). `--draft` renders either way, marked DRAFT,
with each gap shown in the text and both listed in an annex.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from icslint import law
from icslint.diagnostics import Severity
from icslint.engine import Result, check_file, combine
from icslint.files import PathError
from icslint.output import OutputExists, write_file
from icslint.render import OutputFormat
from icslint.render.facts import facts_of
from icslint.render.formats import convert, plain_title
from icslint.render.gaps import Gap
from icslint.render.markdown import compose
from icslint.render.pdf import PdfUnavailable
from icslint.tool_codes import NOT_A_DOCUMENT, SCHEMA, YAML_SYNTAX

if TYPE_CHECKING:
    from icslint.settings import Plan

STDOUT = "-"
# File problems that mean part of the file was not read.
_UNREADABLE = {YAML_SYNTAX.code, SCHEMA.code, NOT_A_DOCUMENT.code}


class RenderError(Exception):
    """A problem with the command itself: the output exists, the format is unknown, ..."""


class Refused(Exception):
    """The document has error-level findings, or leaves out facts its text needs, and
    `--draft` was not given."""

    def __init__(self, message: str, result: Result, gaps: tuple[Gap, ...] = ()) -> None:
        super().__init__(message)
        self.result = result
        self.gaps = gaps


def choose_format(output: Path, given: OutputFormat | None) -> OutputFormat:
    if given is not None:
        return given
    if str(output) == STDOUT:
        return OutputFormat.md
    found = OutputFormat.from_suffix(output.suffix)
    if found is None:
        raise RenderError(
            f"cannot tell the format from {output.name!r}; name the file .md, .html, .docx or "
            ".pdf, or give --format"
        )
    return found


def render_file(
    path: Path,
    output: Path,
    given_format: OutputFormat | None,
    *,
    draft: bool,
    force: bool,
    plan: Plan,
    as_at: law.AsAt | None = None,
) -> str | None:
    """Render `path` to `output`; returns what was written (None for stdout).

    The document is checked exactly as `icslint check` would check it with the same
    configuration: the same rules, severities, suppressions and waivers.
    """
    output_format = choose_format(output, given_format)
    to_stdout = str(output) == STDOUT
    if to_stdout and not output_format.is_text:
        raise RenderError(f"{output_format.value} output cannot go to stdout; give a file name")
    if not to_stdout and output.exists() and not force:
        raise RenderError(f"{output.as_posix()} already exists; use --force to replace it")

    if not path.is_file():
        raise PathError(f"{path.as_posix()}: no such file")
    # Pending law is not an open finding on a document to be adopted under today's law.
    law_applied = dataclasses.replace(plan.applied_law(as_at), pending=False)
    outcome = check_file(path, plan.rules, law_applied, plan.max_file_size)
    result = combine([outcome], plan.rules, plan)
    findings = result.diagnostics
    errors = result.count(Severity.ERROR)
    document = outcome.document
    unreadable = [d for d in findings if d.code in _UNREADABLE]
    if document is None or unreadable:
        # Even a draft would silently leave out what could not be read.
        raise Refused(
            f"cannot render {path.as_posix()}: it is not a valid document (parts of it could "
            "not be read; correct the ICL001 and ICL002 problems first)",
            result,
        )
    composed = compose(document, draft=draft, findings=findings)
    if (errors or composed.gaps) and not draft:
        raise Refused(refusal(path, errors, composed.gaps), result, composed.gaps)
    try:
        facts = facts_of(
            document, plain_title(composed.markdown), draft=draft, today=dt.date.today()
        )
        data = convert(composed.markdown, output_format, facts)
    except PdfUnavailable as error:
        raise RenderError(str(error)) from None
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    try:
        write_file(output, data, replace=force)
    except OutputExists:
        raise RenderError(
            f"{output.as_posix()} already exists; use --force to replace it"
        ) from None
    except OSError as error:
        raise RenderError(f"cannot write {output.as_posix()}: {error.strerror or error}") from None
    return f"{output.as_posix()} ({output_format.value}{', DRAFT' if draft else ''})"


def refusal(path: Path, errors: int, gaps: tuple[Gap, ...]) -> str:
    """Why a final render was refused: the errors, and each fact the text needs."""
    problems = []
    if errors:
        problems.append(f"has {errors} error{'s' if errors != 1 else ''}")
    if gaps:
        count = len(gaps)
        problems.append(
            f"does not state {count} fact{'s' if count != 1 else ''} the document needs"
        )
    message = f"not rendered: {path.as_posix()} {' and '.join(problems)}"
    if not gaps:
        return f"{message}. Fix them, or use --draft for a copy marked DRAFT that lists them."
    lines = [f"{message}:"]
    lines += [f"  - {gap}" for gap in gaps]
    fix = "Fix the errors and add these facts" if errors else "Add these facts to the file"
    lines.append(
        f"{fix}, or use --draft for a copy marked DRAFT that shows each one as "
        "[not stated: ...] and lists them."
    )
    return "\n".join(lines)

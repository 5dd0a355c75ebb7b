"""`icslint render`: check the document, refuse or stamp it DRAFT, render, write atomically."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from icslint.diagnostics import Severity
from icslint.engine import PathError, Result, check_file, combine
from icslint.output import OutputExists, write_file
from icslint.render import OutputFormat
from icslint.render.formats import render
from icslint.render.pdf import PdfUnavailable

if TYPE_CHECKING:
    from icslint.settings import Plan

STDOUT = "-"


class RenderError(Exception):
    """A problem with the command itself: the output exists, the format is unknown, ..."""


class Refused(Exception):
    """The document has error-level findings and `--draft` was not given."""

    def __init__(self, message: str, result: Result) -> None:
        super().__init__(message)
        self.result = result


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
    outcome = check_file(path, plan.rules)
    result = combine([outcome], plan.rules, plan)
    findings = result.diagnostics
    errors = result.count(Severity.ERROR)
    document = outcome.document
    if document is None:
        raise Refused(f"cannot render {path.as_posix()}: it is not a valid document", result)
    if errors and not draft:
        raise Refused(
            f"not rendered: {path.as_posix()} has {errors} error{'s' if errors != 1 else ''}. "
            "Fix them, or use --draft for a copy marked DRAFT that lists them.",
            result,
        )
    try:
        data = render(document, output_format, draft=draft, findings=findings)
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

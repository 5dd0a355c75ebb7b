"""From text to a validated document, or to the ICL001-ICL003 diagnostics that say why not."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

from icslint.diagnostics import Diagnostic, Loc
from icslint.models import MODELS, Document
from icslint.printable import printable
from icslint.reading import Unread, file_loc, read_document
from icslint.registry import RuleSpec
from icslint.source import SourceDocument, YamlSyntaxError, parse_yaml
from icslint.tool_codes import NOT_A_DOCUMENT, SCHEMA, YAML_SYNTAX


@dataclass(frozen=True)
class Loaded:
    """The outcome of loading one file: a document, or the diagnostics that stopped it."""

    path: str
    source: SourceDocument | None
    document: Document | None
    problems: tuple[Diagnostic, ...]
    unread: tuple[Unread, ...] = ()
    """Parts of the file left out of `document` because they could not be read (ICL002)."""
    kept: Mapping[Loc, tuple[int, ...]] = field(default_factory=dict)
    """For each list that lost items: the indices (in the file) of the items kept."""

    def file_loc(self, loc: Loc) -> Loc:
        """Where a location in `document` is in the file."""
        return file_loc(loc, self.kept)


def tool_diagnostic(
    spec: RuleSpec, path: str, line: int, column: int, message: str, loc: Loc = ()
) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=spec.code,
        rule=spec.slug,
        severity=spec.severity,
        level=spec.level,
        message=printable(message),
        citations=spec.citations,
        loc=loc,
    )


def decode(raw: bytes, path: str) -> str | Diagnostic:
    """UTF-8 text (a byte-order mark is dropped), or ICL001 at the first byte that is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return tool_diagnostic(
            YAML_SYNTAX,
            path,
            line,
            column,
            "The file is not UTF-8 text. Save it as UTF-8 (in Word or a text editor: "
            "'Save as', encoding UTF-8).",
        )


def load(text: str, path: str) -> Loaded:
    try:
        source = parse_yaml(text)
    except YamlSyntaxError as error:
        problem = tool_diagnostic(YAML_SYNTAX, path, error.line, error.column, error.message)
        return Loaded(path, None, None, (problem,))

    data = source.data
    if not isinstance(data, dict):
        what = {type(None): "empty", list: "a list"}.get(type(data), "a single value")
        return _not_a_document(
            path,
            source,
            f"The file is {what}, not an icslint document. It must be a mapping that starts "
            "with `kind: icb-constitution` or `kind: icp-terms-of-reference`.",
            (),
        )
    kind = data.get("kind")
    if kind is None:
        return _not_a_document(
            path,
            source,
            "The file has no `kind`. Add `kind: icb-constitution` or "
            "`kind: icp-terms-of-reference` at the top.",
            (),
        )
    model = MODELS.get(str(kind))
    if model is None:
        close = difflib.get_close_matches(str(kind), list(MODELS), n=1, cutoff=0.5)
        hint = f' Did you mean "{close[0]}"?' if close else ""
        return _not_a_document(
            path,
            source,
            f'Unknown kind "{kind}".{hint} icslint checks `icb-constitution` and '
            "`icp-terms-of-reference` documents.",
            ("kind",),
        )
    repeated = [r.first for r in source.repeated if r.first is not None]
    reading = read_document(model, data, repeated)
    problems = [
        tool_diagnostic(YAML_SYNTAX, path, *r.at, r.message, r.first or ()) for r in source.repeated
    ]
    for loc, message in reading.problems:
        line, column = source.position(loc)
        problems.append(tool_diagnostic(SCHEMA, path, line, column, message, loc))
    return Loaded(
        path,
        source,
        reading.document,
        tuple(sorted(problems)),
        reading.unread,
        reading.kept,
    )


def _not_a_document(path: str, source: SourceDocument, message: str, loc: Loc) -> Loaded:
    line, column = source.position(loc)
    return Loaded(
        path, source, None, (tool_diagnostic(NOT_A_DOCUMENT, path, line, column, message, loc),)
    )

"""From text to a validated document, or to the ICL001-ICL003 diagnostics that say why not."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from icslint.diagnostics import Diagnostic, Loc
from icslint.files import encoding_of
from icslint.indentation import folded_items
from icslint.models import MODELS, Document
from icslint.printable import printable
from icslint.reading import Unread, file_loc, read_document
from icslint.registry import RuleSpec
from icslint.source import SourceDocument, YamlSyntaxError, parse_yaml, position_of
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
        message=printable(_shortened(message)),
        citations=spec.citations,
        loc=loc,
    )


# A long value quoted in a message is cut to its first 100 characters, so that a 3 MB `kind:`
# does not make a 3 MB message.
_QUOTED = re.compile(r'"([^"]{200,})"')


def _shortened(message: str) -> str:
    return _QUOTED.sub(lambda m: f'"{m[1][:100]}…" ({len(m[1]):,} characters)', message)


def decode(raw: bytes, path: str) -> str | Diagnostic:
    """The text of a file: UTF-8, or UTF-16 or UTF-32 (which Word and Notepad write), with any
    byte-order mark dropped. A binary file, or bytes that are not text in the encoding, are
    ICL001 at the first byte that is not."""
    codec, bom, name = encoding_of(raw)
    if codec != "utf-8" and not bom:
        # Guessed from NUL bytes alone: if it is not UTF-16 or UTF-32 either, say it is binary.
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            codec = "utf-8"
    if codec == "utf-8" and b"\0" in raw:
        index = raw.index(b"\0")
        return _undecodable(
            raw[bom:index],
            path,
            "The file holds a NUL byte here, so it is binary, not text: icslint reads YAML "
            "text. Check that this is the file you meant.",
        )
    try:
        return raw[bom:].decode(codec)
    except UnicodeDecodeError as error:
        body = raw[bom:]
        if codec == "utf-8":
            byte = body[error.start]
            guess = bytes([byte]).decode("cp1252", "replace")
            seen = f" (in Windows-1252, the usual encoding before UTF-8, it is {guess!r})"
            message = (
                f"The file is not UTF-8 text: the byte 0x{byte:02X} here is not UTF-8"
                + (seen if guess != "\ufffd" else "")
                + ". Save it as UTF-8 (in Word or a text editor: 'Save as', encoding UTF-8)."
            )
        else:
            message = (
                f"The file looks like {name} text (a byte-order mark or NUL bytes say so), but "
                f"the bytes here are not {name}. Save it as UTF-8 (in Word or a text editor: "
                "'Save as', encoding UTF-8)."
            )
        return _undecodable(body[: error.start], path, message, codec)


def _undecodable(before: bytes, path: str, message: str, codec: str = "utf-8") -> Diagnostic:
    """ICL001 just after `before`, the readable start of the file."""
    # As an editor shows it: a byte that is not text counts as one character.
    text = before.decode(codec, "replace")
    line, column = position_of(text, len(text))
    return tool_diagnostic(YAML_SYNTAX, path, line, column, message)


def too_large(path: str, size: int | None, limit: int) -> Diagnostic:
    """ICL001 for a file refused, before it is read, for its size."""
    from icslint.config import format_size

    limit_shown = f"{format_size(limit)}, the `max-file-size` setting"
    if size is None:  # a pipe or a device, read up to the limit
        said = f"The file holds more than icslint reads ({limit_shown}), so it was not checked."
    else:
        said = (
            f"The file is {format_size(size)} ({size:,} bytes), larger than icslint reads "
            f"({limit_shown}), so it was not read."
        )
    return tool_diagnostic(
        YAML_SYNTAX,
        path,
        1,
        1,
        f"{said} A constitution or terms of reference "
        "is well under 1 MB: check that this is the file you meant. To check it anyway, raise "
        'the limit, for example `max-file-size: "50 MB"` in .icslint.yaml or '
        '`max-file-size = "50 MB"` under [tool.icslint] in pyproject.toml.',
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
    # A list item indented into the plain text above it is read, as YAML reads it, as part of
    # that text; it is reported so that the file fails the check and cannot be rendered.
    problems += [
        tool_diagnostic(YAML_SYNTAX, path, f.line, f.column, f.message, f.loc)
        for f in folded_items(text, source)
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

"""The comments in YAML text, found line by line (ruamel.yaml keeps them, but not reliably with
their line numbers, and a suppression must name the exact line it sits on).

A `#` is a comment only where YAML says so: at the start of a line or after whitespace, and
not inside a quoted string (which may run over several lines, with escaped quotes) or a block
scalar (`|` or `>` text, whose lines are document content however they look).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A block scalar's indicator closes the content of its line: `key: |`, `- >-`, `|2`.
_BLOCK_INDICATOR = re.compile(r"(?:^\s*|:\s+|-\s+)[|>][+-]?[1-9]?[+-]?\s*$")
_OPENS_QUOTE_AFTER = " \t:-[{,"


@dataclass(frozen=True)
class Comment:
    line: int
    column: int
    """1-based column of the `#`."""
    text: str
    """What follows the `#`, stripped."""
    alone: bool
    """Whether the comment is the only thing on its line."""


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    comment_at: int | None
    """0-based index of the comment's `#`, if the line has a comment."""
    content: bool
    """Whether the line holds YAML content (not blank, not only a comment)."""


def yaml_comments(text: str) -> Iterator[Comment]:
    for line in _scan(text):
        if line.comment_at is not None:
            at = line.comment_at
            yield Comment(line.number, at + 1, line.text[at + 1 :].strip(), not line.content)


def content_lines(text: str) -> list[int]:
    """The numbers of the lines that hold YAML content (not blank, not only a comment)."""
    return [line.number for line in _scan(text) if line.content]


def _scan(text: str) -> Iterator[_Line]:
    quote = ""
    block_parent: int | None = None  # indentation of the line that opened a block scalar
    for number, raw in enumerate(text.splitlines(), start=1):
        indent = len(raw) - len(raw.lstrip(" "))
        if block_parent is not None:
            if not raw.strip() or indent > block_parent:
                yield _Line(number, raw, None, bool(raw.strip()))
                continue
            block_parent = None
        at, quote_after = _comment_start(raw, quote)
        body = raw[:at] if at is not None else raw
        yield _Line(number, raw, at, bool(body.strip()) or bool(quote))
        quote = quote_after
        if not quote and _BLOCK_INDICATOR.search(body):
            block_parent = indent


def _comment_start(line: str, quote: str) -> tuple[int | None, str]:
    """Where a comment starts on the line (if it does), and the quote still open at its end."""
    index = 0
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2  # an escaped character, perhaps a quote
            continue
        if quote == "'" and line.startswith("''", index):
            index += 2  # '' is a single quote inside a single-quoted string
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"" and (index == 0 or line[index - 1] in _OPENS_QUOTE_AFTER):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index, ""
        index += 1
    return None, quote

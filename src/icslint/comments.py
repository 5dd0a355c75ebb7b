"""The comments in YAML text, found line by line (ruamel.yaml keeps them, but not reliably with
their line numbers, and a suppression must name the exact line it sits on)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Comment:
    line: int
    column: int
    """1-based column of the `#`."""
    text: str
    """What follows the `#`, stripped."""
    alone: bool
    """Whether the comment is the only thing on its line."""


def yaml_comments(text: str) -> Iterator[Comment]:
    for number, line in enumerate(text.splitlines(), start=1):
        start = comment_start(line)
        if start is not None:
            yield Comment(number, start + 1, line[start + 1 :].strip(), not line[:start].strip())


def comment_start(line: str) -> int | None:
    """Where a YAML comment begins on this line: a # at the start of the line or after a space,
    outside quotes. (A # inside a plain value, as in a URL's #fragment, is not a comment.)"""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t:-[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def content_lines(text: str) -> list[int]:
    """The numbers of the lines that hold YAML content (not blank, not only a comment)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        start = comment_start(line)
        if (line[:start] if start is not None else line).strip():
            found.append(number)
    return found

"""List items indented so far that YAML reads them as text (ICL001).

A list item indented more than the item above it is valid YAML, but not a list item: when the
item above holds plain (unquoted) text, the line goes on with that text, and "- The ICB
reports ..." silently becomes the end of the clause before it. The YAML library keeps no trace
of this, so the lines are read again here: a value is reported only when it is plain text over
several lines, the text of those lines folds to exactly the value that was read, and one of
its continuation lines begins with '- '. Text after `|` or `>`, quoted text and nested lists
never fold to the value, so they are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from icslint.diagnostics import Loc
from icslint.source import LINE_BREAK, SourceDocument

# A value that may hold a folded list item: "- " (or a bare "-") after a folded line break.
_FOLDED_DASH = re.compile(r"[ \n]-(?: |$)", re.MULTILINE)
# What may stand before a key or a list item's value on its line in block style: indentation
# and the dashes of list items. Anything else (a `{` or `[`) means flow style, not read here.
_BLOCK_PREFIX = re.compile(r"[ ]*(?:-[ ]+)*")
# A key at the start of the text, quoted or plain, and its colon.
_KEY = re.compile(
    r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]|$)"""
)
# An anchor or a tag before a value (`&base`, `!!str`).
_PROPERTIES = re.compile(r"^(?:[&!]\S*[ \t]+)*")
# How text that is not plain starts: after `|` or `>`, in quotes, an alias, a flow list or
# mapping.
_NOT_PLAIN = frozenset("|>\"'*[{")
# A continuation line that starts like a list item.
_ITEM = re.compile(r"-(?:[ \t]|$)")


@dataclass(frozen=True)
class FoldedItem:
    """A line written as a list item that YAML read as part of the plain text above it."""

    loc: Loc
    """The value it was folded into."""
    line: int
    column: int
    """Where its '-' is (1-based)."""
    message: str


def folded_items(text: str, source: SourceDocument) -> list[FoldedItem]:
    """Each line in `text` that is written as a list item but read as part of plain text."""
    found: list[FoldedItem] = []
    lines: list[str] | None = None
    for loc, value in _texts(source.data, ()):
        if not _FOLDED_DASH.search(value) or loc not in source.positions:
            continue
        if lines is None:
            lines = LINE_BREAK.split(text)
        found.extend(_in_value(lines, loc, value, source.positions[loc]))
    return found


def _texts(data: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*loc, index))


def _in_value(lines: list[str], loc: Loc, value: str, at: tuple[int, int]) -> Iterator[FoldedItem]:
    line, column = at[0] - 1, at[1] - 1  # 0-based from here on
    if line >= len(lines):
        return
    written = lines[line]
    prefix = written[:column]
    if _BLOCK_PREFIX.fullmatch(prefix) is None:
        return
    if loc and isinstance(loc[-1], str):  # a key's value: the text starts after `key:`
        key = _KEY.match(written, column)
        if key is None:
            return
        holder = column  # continuation lines are indented more than the key
        held_by: str | None = f"`{key['key']}:`"
        rest = written[key.end() :]
    else:  # a list item's value: positions point at the text, after the '- '
        if not prefix.rstrip(" ").endswith("-"):
            return  # the text starts on a line below its '-': too rare to read here
        holder = prefix.rstrip(" ").rfind("-")  # continuation lines go further than the dash
        held_by = None
        rest = written[column:]
    rest = _PROPERTIES.sub("", rest.lstrip(" \t"), count=1)
    if rest[:1] in _NOT_PLAIN:
        return
    first = line
    if not rest.strip(" \t") or rest.lstrip(" \t").startswith("#"):
        # The text starts on a line below (`key:` alone): the next line with anything on it.
        first = line + 1
        while first < len(lines) and not lines[first].strip(" \t"):
            first += 1
        if first >= len(lines) or _indent(lines[first]) <= holder:
            return
        rest = lines[first].lstrip(" ")
        if rest[:1] in _NOT_PLAIN:
            return
    continued = list(_continuation(lines, first + 1, holder))
    # Only plain text folds to exactly the value read: text after `|` or `>` keeps its line
    # breaks, quoted text keeps its quotes, and a nested list is not text at all.
    if not continued or _fold(rest, [lines[n] for n in continued]) != value:
        return
    for number in continued:
        content = lines[number].lstrip(" ")
        if _ITEM.match(content):
            indent = _indent(lines[number])
            yield FoldedItem(
                loc,
                number + 1,
                indent + 1,
                _message(indent, holder, held_by, line + 1),
            )


def _continuation(lines: list[str], start: int, holder: int) -> Iterator[int]:
    """The numbers of the lines from `start` that go on with plain text held at `holder`: each
    indented more than `holder`, up to the first line that is not or is a comment (blank lines
    between them are part of the text)."""
    blank: list[int] = []
    for number in range(start, len(lines)):
        written = lines[number]
        if not written.strip(" \t"):
            blank.append(number)
            continue
        if _indent(written) <= holder or written.lstrip(" \t").startswith("#"):
            return
        yield from blank
        blank = []
        yield number


def _fold(first: str, continued: list[str]) -> str:
    """Plain text over several lines as YAML reads it: each line break is a space, and each
    blank line a line break."""
    text = first.strip(" \t")
    breaks = 0
    for written in continued:
        content = written.strip(" \t")
        if not content:
            breaks += 1
            continue
        text += ("\n" * breaks if breaks else " ") + content
        breaks = 0
    return text


def _indent(written: str) -> int:
    return len(written) - len(written.lstrip(" "))


def _spaces(count: int) -> str:
    return "not indented" if count == 0 else f"{count} space{'' if count == 1 else 's'}"


def _message(indent: int, holder: int, held_by: str | None, holder_line: int) -> str:
    quote_it = "put the whole text in quotes or use `>-`"
    if held_by is None:
        to_fix = (
            "Start it at the beginning of the line"
            if holder == 0
            else f"Indent it by {_spaces(holder)}"
        )
        return (
            f"This list item is indented by {_spaces(indent)}, more than the item above it on "
            f"line {holder_line} ({_spaces(holder)}), so it is read as part of that item's "
            f"text. {to_fix}, like the item on line {holder_line}, to make it an item of its "
            f"own; or, if the dash is part of the text, {quote_it}."
        )
    return (
        f"This list item is indented by {_spaces(indent)}, more than {held_by} on line "
        f"{holder_line} ({_spaces(holder)}), so it is read as part of the text of {held_by}. If "
        f"the dash is part of the text, {quote_it}; if {held_by} is meant to hold a list, put "
        "each item, the first "
        "one too, on a line of its own beginning with '- '."
    )

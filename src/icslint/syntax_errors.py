"""ruamel.yaml's syntax errors, reworded for the person who wrote the YAML (ICL001).

ruamel.yaml words its errors for people who know how YAML is parsed ("expected <block end>,
but found '<block mapping start>'"). Here each one a person can make is said in plain words,
with the fix, at the place to fix it.

Indentation is the mistake people make most, and the parser often reports it as something
else: a key indented too far reads as the value above it going on, so the parser complains of
a colon in that value. Where a complaint could come from indentation, the lines themselves are
read: the line the parser stopped at is compared with the keys and list items above it (the
ones it should line up with, and the one it belongs to), and the mistake is called one of
indentation only when the lines show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from icslint.source import LINE_BREAK

Position = tuple[int, int]
"""A 1-based (line, column)."""

# YAML allows a plain `key:` of at most 1024 characters.
MAX_SIMPLE_KEY = 1024


# `key:` at the start of a line's content (after any `- `): a quoted key, or plain text up to
# the first colon that is followed by a space or ends the line.
_KEY = re.compile(
    r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]|$)"""
)
# A key as people write them (`chair`, `removal_by`, `x-notes`, `"Partner member"`). Text that
# only looks like a key when a value goes on over lines ("(trusts: acute)") is not one.
_WORDS = re.compile(r"""[\w.-]+(?: [\w.-]+)*|"[^"]*"|'[^']*'""")
# The `|` or `>` that starts text on the lines below, with its optional indicators.
_BLOCK_TEXT = re.compile(r"[|>][-+0-9]*")
# An anchor or a tag alone (`&base`, `!!map`): what follows comes on the lines below.
_PROPERTIES = re.compile(r"(?:[&!]\S*[ \t]*)+")


@dataclass(frozen=True)
class Complaint:
    """What ruamel.yaml said: its error's class name, and its context and problem, each with
    where in the text it was found (1-based), as its errors give them."""

    kind: str
    context: str
    context_at: Position | None
    problem: str
    problem_at: Position | None


def describe(complaint: Complaint, text: str) -> tuple[str, Position]:
    """What is wrong, in plain words with the fix, and where: always a place in the text."""
    lines = LINE_BREAK.split(text)
    message, (line, column) = _explain(complaint, lines)
    if line > len(lines):  # the parser stopped at the end of the text
        line, column = len(lines), len(lines[-1]) + 1
    return message, (max(line, 1), max(1, min(column, len(lines[line - 1]) + 1)))


def _explain(complaint: Complaint, lines: list[str]) -> tuple[str, Position]:
    problem, context = complaint.problem, complaint.context
    at = complaint.problem_at or complaint.context_at or (1, 1)
    opened = complaint.context_at or at
    found = _found(problem)
    if complaint.kind == "DuplicateKeyError":
        # ruamel: 'found duplicate key "c" with value "3" (original value: "2")'
        key = problem.split('"')[1] if problem.count('"') >= 2 else "?"
        first = _earlier_key_line(lines, key, *at)
        where = f" (first on line {first})" if first else ""
        return (
            f'The key "{key}" appears twice in the same mapping{where}. '
            "Each key may appear once: remove the duplicate or merge the two entries."
        ), at
    if "'\\t'" in problem:
        return _TAB, at
    directive = _directive_without_start(lines)
    if directive is not None:
        return _DIRECTIVE, directive
    if "single document" in context:
        return _SECOND_DOCUMENT, at
    if "could not find expected ':'" in problem:
        return _no_colon(lines, complaint)
    if "mapping values are not allowed" in problem:
        return _colon_in_value(lines, at)
    if "expected <block end>" in problem:
        return _out_of_place(lines, at, found)
    if "found unexpected end of stream" in problem:
        return _never_closed(lines, opened), opened
    if "unexpected document separator" in problem:
        return _never_closed(lines, opened, at[0]), opened
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")):
        return _open_brackets(lines, opened, at, found)
    if "expected the node content" in problem:
        return _nothing_before(found), at
    if "cannot start any token" in problem:
        return _reserved(_character(lines, at)), at
    if "sequence entries are not allowed" in problem:
        return _ITEM_AFTER_KEY, at
    if "mapping keys are not allowed" in problem:
        return _QUESTION_MARK, at
    if "directive" in context or re.search(r"YAML (directive|document)|duplicate tag", problem):
        return _DIRECTIVE, at
    if "document start" in problem:  # a directive, and no '---' line after it
        return _DIRECTIVE, _last_directive(lines, at[0]) or at
    if "after document end marker" in problem:
        return _AFTER_END, at
    if context.startswith("while scanning an anchor"):
        return _ANCHOR_NAME, opened
    if context.startswith("while scanning an alias"):
        return _ALIAS_NAME, opened
    if "tag" in context or "tag handle" in problem or "URI" in problem:
        return _TAG, opened
    if "more indented follow up line" in context:
        return _BLANK_LINES_INDENTED, at
    if context.startswith("while scanning a block scalar"):
        return _BLOCK_INDICATOR, at
    if "escape" in problem:
        return _ESCAPE, at
    if "undefined alias" in problem:
        name = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return (
            f"The alias *{name} refers to no anchor: no value above it is marked &{name}. "
            f"Mark the value to repeat with &{name}, or write the value out here. If the text "
            "starts with '*', put it in quotes."
        ), at
    if "for merging" in problem:
        return _MERGE, at
    return _fallback(found), at


_TAB = "A tab character is used where YAML expects spaces. Indent with spaces only."

_SECOND_DOCUMENT = (
    "The file holds more than one YAML document (a line '---' starts one, and '...' ends one). "
    "Put each constitution or terms of reference in a file of its own."
)

_COLON_IN_VALUE = (
    "A colon followed by a space inside a value starts a new key here. Put the whole value in "
    'quotes, for example title: "Partner Member (trusts: acute)".'
)

_ITEM_AFTER_KEY = (
    "A list item ('- ') cannot start on the same line as its key. Put each item on a line of "
    "its own below the key, indented more than the key; or, if the '-' is part of the text, "
    "put the whole value in quotes."
)

_QUESTION_MARK = (
    "A '?' followed by a space cannot start a value. If the text starts with '?', put the "
    "whole value in quotes."
)

_AFTER_END = (
    "A line '...' ends the document, and only a comment may follow it on the same line. "
    "Remove the text after it, or the '...'."
)

_ANCHOR_NAME = (
    "An '&' starts an anchor, which needs a name right after it (for example &chair). If the "
    "text starts with '&', put the whole value in quotes."
)

_ALIAS_NAME = (
    "A '*' starts an alias, which needs the name of an anchor right after it (for example "
    "*chair). If the text starts with '*', put the whole value in quotes."
)

_TAG = (
    "A value starting with '!' is read as a YAML tag, and this one cannot be read. icslint "
    "documents need no tags: if the text starts with '!', put the whole value in quotes."
)

_BLOCK_INDICATOR = (
    "After '|' or '>', which start text on the lines below, only '-', '+', a digit from 1 to 9 "
    "or a comment may follow on the same line. Start the text on the next line, indented more "
    "than its key, or put the value in quotes instead."
)

_BLANK_LINES_INDENTED = (
    "The text after '|' or '>' above starts with blank lines that hold more spaces than its "
    "first line of text. Remove the spaces from those blank lines."
)

_ESCAPE = (
    'In double quotes a backslash starts an escape such as \\n or \\", and the one here is '
    "not one YAML knows. Write \\\\ for a backslash, or use single quotes, inside which a "
    "backslash is an ordinary character."
)

_DIRECTIVE = (
    "A line starting with '%' is a YAML directive, and this one cannot be used. icslint "
    "documents need no directives: remove the line, or, if it is text, indent it under its key "
    "or put it in quotes."
)

_MERGE = (
    "A merge key ('<<') takes an alias of a mapping (for example <<: *defaults) or a list of "
    "them, and here it is given something else. Write the keys out instead."
)


# The parser's names for what it found, in words.
_FOUND = {
    "<scalar>": "a value",
    "<block mapping start>": "a key",
    "?": "a key",
    "<block sequence start>": "a list item ('- ')",
    "-": "a list item ('- ')",
    "<anchor>": "an anchor ('&')",
    "<alias>": "an alias ('*')",
    "<tag>": "a tag ('!')",
    "<stream end>": "the end of the file",
    "<document start>": "a line '---'",
    "<document end>": "a line '...'",
    "<directive>": "a line starting with '%'",
    "<block end>": "the end of an indented block",
    "[": "a '['",
    "]": "a ']'",
    "{": "a '{'",
    "}": "a '}'",
    ",": "a ','",
    ":": "a ':'",
}


def _found(problem: str) -> str:
    """What the parser found, as its error names it ('<scalar>', ']'), or ''."""
    match = re.search(r"(?:found|got) \(?'([^']*)'", problem)
    return match.group(1) if match else ""


def _fallback(found: str) -> str:
    what = _FOUND.get(found)
    said = f": it did not expect {what} here" if what else ""
    return (
        f"icslint cannot read the YAML here{said}. Check this line and the lines above it for "
        "an unclosed quote or bracket, a missing or extra ':' or '- ', or indentation that does "
        "not line up."
    )


# The lines of the text, as the parts that matter for indentation.


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    """Spaces before the first character."""
    dashes: tuple[int, ...]
    """Where each `- ` that opens a list item on this line stands (0-based)."""
    column: int
    """Where the content after any `- ` starts (0-based)."""
    key: str | None
    """The key this line starts, if it starts one."""
    value: str
    """The text after the key's colon (or the whole content, if no key), without a comment."""
    body: str
    """The line from its first character."""

    @property
    def plain_value(self) -> bool:
        """Whether a value is written on the line, unquoted, so that it may go on below."""
        return bool(self.value) and not self.block_text and self.value[0] not in "\"'[{&!*"

    @property
    def has_value(self) -> bool:
        """Whether a value is written on the line, so nothing can be nested under it."""
        return bool(self.value) and not self.block_text and not _PROPERTIES.fullmatch(self.value)

    @property
    def block_text(self) -> bool:
        """Whether the value is `|` or `>`, which starts text on the lines below."""
        return bool(_BLOCK_TEXT.fullmatch(self.value))

    @property
    def levels(self) -> list[_Level]:
        """The keys and list items this line opens, innermost first."""
        found = [_Level(self.column, self)] if self.key is not None else []
        return found + [_Level(dash, self) for dash in reversed(self.dashes)]


@dataclass(frozen=True)
class _Level:
    """A key or list item that a line below may line up with, or be nested under."""

    column: int
    line: _Line

    @property
    def item(self) -> bool:
        return self.column in self.line.dashes

    def __str__(self) -> str:
        if self.item:
            return f"the list item on line {self.line.number}"
        return f"`{self.line.key}:` on line {self.line.number}"


def _line(lines: list[str], number: int) -> _Line | None:
    """Line `number` (1-based), or None if it is blank, only a comment, or not in the text."""
    if not 1 <= number <= len(lines):
        return None
    raw = lines[number - 1]
    body = raw.lstrip(" ")
    if not body or body.startswith("#"):
        return None
    indent = len(raw) - len(body)
    dashes: list[int] = []
    column, rest = indent, body
    while rest == "-" or rest.startswith(("- ", "-\t")):
        dashes.append(column)
        after = rest[1:].lstrip(" \t")
        column += len(rest) - len(after)
        rest = after
    match = _KEY.match(rest)
    key = match.group("key") if match else None
    value = rest[match.end() :] if match else rest
    value = re.split(r"(?:^|[ \t])#", value, maxsplit=1)[0].strip()
    return _Line(number, indent, tuple(dashes), column, key, value, body)


def _above(lines: list[str], number: int) -> Iterator[_Line]:
    """The lines with content above line `number`, nearest first, read as far as asked for."""
    for above in range(min(number, len(lines) + 1) - 1, 0, -1):
        line = _line(lines, above)
        if line is not None:
            yield line


def _below(lines: list[str], number: int) -> _Line | None:
    """The first line with content below line `number`."""
    return next(filter(None, (_line(lines, n) for n in range(number + 1, len(lines) + 1))), None)


def _open_levels(lines: list[str], number: int) -> list[_Level]:
    """The keys and list items above line `number` that a line there could line up with or be
    nested under, nearest first: each is less indented than the one before it."""
    levels: list[_Level] = []
    for line in _above(lines, number):
        if line.key is not None and line.block_text and levels:
            # What is indented under `key: |` is its text, not keys or items.
            levels = [level for level in levels if level.column <= line.column]
        for level in line.levels:
            if not levels or level.column < levels[-1].column:
                levels.append(level)
        if levels and levels[-1].column == 0:
            break
    return levels


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _indent_to(column: int) -> str:
    return f"indent it by {_spaces(column)}" if column else "start it at the beginning of the line"


def _how_indented(level: _Level) -> str:
    return f"indented by {_spaces(level.column)}" if level.column else "not indented"


def _shown(text: str) -> str:
    """A line's text, short enough to quote."""
    text = text.strip()
    return text if len(text) <= 40 else text[:37].rstrip() + "..."


# Each kind of mistake.


def _colon_in_value(lines: list[str], at: Position) -> tuple[str, Position]:
    """A ': ' where the parser reads a value. A key indented further than the key before it,
    whose value is on its own line, reads as that value going on; anything else is a colon
    inside a value, which needs quotes."""
    line = _line(lines, at[0])
    above = next((a for a in _above(lines, at[0]) if a.key or a.dashes), None)
    if (
        line is None
        or above is None
        or line.dashes
        or line.key is None
        or not _WORDS.fullmatch(line.key)
        or _colon(lines, line) != at[1] - 1
        or above.key is None
        or not above.plain_value
        or above.column >= line.indent
    ):
        return _COLON_IN_VALUE, at
    return _over_indented(line, _Level(above.column, above)), (line.number, line.indent + 1)


def _colon(lines: list[str], line: _Line) -> int:
    """Where the colon after the key that `line` starts stands (0-based)."""
    text = lines[line.number - 1]
    return text.index(":", line.column + len(line.key or "")) if line.key else -1


def _over_indented(line: _Line, sibling: _Level) -> str:
    key = f"`{sibling.line.key}:`"
    return (
        f"This key is indented by {_spaces(line.indent)}, more than {sibling} "
        f"({_how_indented(sibling)}), but {key} already has a value, so `{line.key}:` cannot "
        f"be a key inside it and YAML cannot read it. To put it beside {key}, "
        f"{_indent_to(sibling.column)}, like {key}. If this line instead continues the value "
        f"of {key}, put that whole value in quotes."
    )


def _out_of_place(lines: list[str], at: Position, found: str) -> tuple[str, Position]:
    """The parser expected the end of a mapping or list, and found something else: at the
    start of a line, a key or item indented out of line with those above, or text that is
    not indented enough to belong to the value above; within a line, something after a value."""
    line = _line(lines, at[0])
    if found in ("]", "}"):
        return _unopened(found), at
    if line is None or at[1] - 1 != line.indent:
        return _after_value(lines, at, found), at
    said = _inside_text(lines, line)
    if said is None:
        if line.dashes or line.key is not None:
            said = _misaligned(lines, line)
        else:
            said = _value_out_of_line(lines, line)
    return (said, (line.number, line.indent + 1)) if said else (_fallback(found), at)


def _misaligned(lines: list[str], line: _Line) -> str | None:
    """A key or list item that does not line up with the keys and items above it, said with
    the indentation it could line up with; None if the lines do not show that."""
    item = bool(line.dashes)
    if not item and line.key is None:
        return None
    levels = _open_levels(lines, line.number)
    deeper = [level for level in levels if level.column > line.indent]
    outer = [level for level in levels if level.column <= line.indent]
    inner = deeper[-1] if deeper else None  # the nearest level indented more than this line
    out = outer[0] if outer else None  # the nearest level indented no more than this line
    if out is not None and out.column == line.indent:
        return _at_other_level(line, inner, out, outer[1:])
    if inner is None:  # indented more than every key and item above
        if out is None or not out.line.has_value or out.item != item:
            return None
        if not item:
            return _over_indented(line, out)
        return (
            f"This list item is indented by {_spaces(line.indent)}, more than {out} "
            f"({_how_indented(out)}), but that item already has a value, so this one cannot be "
            f"inside it and YAML cannot read it. To put it beside the item on line "
            f"{out.line.number}, {_indent_to(out.column)}."
        )
    fits = [level for level in (inner, out) if level is not None and level.item == item]
    fix = "; ".join(
        f"to put it beside {level}, {_indent_to(level.column)}"
        + ("" if level.item else f", like `{level.line.key}:`")
        for level in fits
    )
    others = f"{inner} is {_how_indented(inner)}"
    if out is not None:
        others += f" and {out} is {_how_indented(out)}"
    return (
        f"This {'list item' if item else 'key'} is indented by {_spaces(line.indent)}, so it "
        f"lines up with no key or list item above it: {others}. "
        + (f"{fix[0].upper()}{fix[1:]}." if fix else "Line it up with the one it belongs beside.")
    )


def _at_other_level(
    line: _Line, inner: _Level | None, out: _Level, outside: list[_Level]
) -> str | None:
    """A list item lined up with keys, or a key lined up with the '- ' of list items."""
    item = bool(line.dashes)
    if inner is not None and inner.item == item:  # indented less than the ones it belongs with
        if item:
            return (
                f"This list item is indented by {_spaces(line.indent)}, less than {inner} "
                f"({_spaces(inner.column)}), so YAML reads it as one of the keys beside {out}, "
                f"which a list item cannot be. {_indent_to(inner.column).capitalize()}, like the "
                f"item on line {inner.line.number}."
            )
        where = "that list item" if out.line is inner.line else str(out)
        key = f"`{inner.line.key}:`"
        return (
            f"This key is indented by {_spaces(line.indent)}, less than {inner} "
            f"({_spaces(inner.column)}), so it stands at the '- ' of {where}, where only a new "
            f"list item can start. If it belongs to the same item as {key}, "
            f"{_indent_to(inner.column)}, like {key}; if it starts a new item, begin it with '- '."
        )
    if item and not out.item:
        return (
            f"This list item is at the same indentation as {out}, among the keys of a mapping, "
            "where a list item cannot stand. Put it under the key it belongs to, indented more "
            "than that key; or, if it is meant as a key, remove the '- '."
        )
    if not item and out.item:
        beside = next((level for level in outside if not level.item), None)
        also = (
            f"; if it belongs beside {beside}, {_indent_to(beside.column)}, like "
            f"`{beside.line.key}:`"
            if beside
            else ""
        )
        return (
            f"This key is at the same indentation as {out}, where only a new list item can "
            f"start. If it starts a new item, begin it with '- '{also}."
        )
    return None


def _inside_text(lines: list[str], line: _Line) -> str | None:
    """A line indented less than the text below a `key: |` above it, but more than the key."""
    owner = next((a for a in _above(lines, line.number) if a.key is not None or a.dashes), None)
    if owner is None or not owner.block_text:
        return None
    first = _below(lines, owner.number)
    first = first if first is not None and first.number < line.number else None
    parent = owner.column if owner.key is not None else owner.dashes[-1]
    if first is None or not parent < line.indent < first.indent:
        return None
    name = f"`{owner.key}:`" if owner.key is not None else f"the list item on line {owner.number}"
    return (
        f"This line is indented by {_spaces(line.indent)}: less than the text below "
        f"`{_shown(owner.body)}` on line {owner.number} ({_spaces(first.indent)}, from line "
        f"{first.number}), and more than {name}, so it is neither part of that text nor beside "
        f"{name}, and YAML cannot read it. If it is part of the text, "
        f"{_indent_to(first.indent)}, like line {first.number}; if it belongs beside {name}, "
        f"{_indent_to(parent)}."
    )


def _value_out_of_line(lines: list[str], line: _Line) -> str | None:
    """A line of text that is not indented enough to continue the value of the key above."""
    previous = next(_above(lines, line.number), None)
    if previous is None or not previous.plain_value:
        return None
    if previous.key is None:
        if not previous.dashes or line.indent > previous.dashes[-1]:
            return None
        dash = previous.dashes[-1]
        return (
            f"This line is not indented more than the list item on line {previous.number}, so "
            "YAML cannot read it as part of that item, and it is neither a key nor a list item. "
            f"If it is a new item, begin it with '- ' and {_indent_to(dash)}, like the item on "
            f"line {previous.number}; if it continues that item, {_indent_to(dash + 2)}."
        )
    if line.indent > previous.column:
        return None
    key = f"`{previous.key}:`"
    return (
        f"This line is not indented more than {key} on line {previous.number}, so YAML cannot "
        f"read it as part of the value of {key}, and it has no ':' to make it a key. If it "
        f"continues the value of {key}, {_indent_to(previous.column + 2)}, more than {key}; if "
        "it is a key, add ':' and its value."
    )


def _no_colon(lines: list[str], complaint: Complaint) -> tuple[str, Position]:
    """A line the parser took for a key, which has no ':' after it: a key without its colon, or
    a value that goes on over lines without being indented more than its key."""
    start = complaint.context_at or complaint.problem_at or (1, 1)
    end = complaint.problem_at
    if end is not None and end[0] == start[0] and end[1] - start[1] >= MAX_SIMPLE_KEY:
        return (
            f"This key, or a line with no ':' after its key, is longer than YAML allows for a "
            f"key ({MAX_SIMPLE_KEY:,} characters). Shorten the key, or give it a ':'."
        ), start
    line = _line(lines, start[0])
    if line is None:
        return _fallback(""), start
    here = (line.number, start[1])
    written = _shown(lines[line.number - 1][start[1] - 1 :])
    shown = f'"{written}"' if "`" in written else f"`{written}`"
    colon = "no ':' followed by a space" if ":" in written else "no ':' after it"
    said = f"{shown} on this line has {colon}, so YAML cannot read it as a key"
    if re.match(r"[\w.-]+:\S", written):
        as_key = "if it is a key, put a space after its ':'"
    else:
        as_key = "if it is a key, add ':' and its value"
    previous = next(_above(lines, line.number), None)
    if start[1] - 1 == line.indent and previous is not None:
        if previous.key is not None and line.indent <= previous.column:
            key = f"`{previous.key}:`"
            return (
                f"{said}, and it is not indented more than {key} on line {previous.number}, "
                f"so it is not part of the value of {key} either. {as_key.capitalize()}; if it "
                f"belongs to the value of {key}, {_indent_to(previous.column + 2)}, more than "
                f"{key}."
            ), here
        if previous.dashes and line.indent <= previous.dashes[-1]:
            item = previous.dashes[-1]
            return (
                f"{said}, and it is not indented more than the list item on line "
                f"{previous.number}, so it is not part of that item either. If it is a new "
                f"list item, begin it with '- '; if it continues the item on line "
                f"{previous.number}, {_indent_to(item + 2)}; {as_key}."
            ), here
    return f"{said}. {as_key.capitalize()}.", here


def _after_value(lines: list[str], at: Position, found: str) -> str:
    """Something the parser found after a complete value on the same line."""
    before = lines[at[0] - 1][: at[1] - 1].rstrip() if at[0] <= len(lines) else ""
    if found == "<scalar>" and before.endswith(("'", '"')):
        quote = before[-1]
        apostrophe = (
            " Inside single quotes, write an apostrophe as two ('')." if quote == "'" else ""
        )
        return (
            f"Text follows the closing {quote} of a quoted value. Put the whole value inside "
            f"the quotes, or remove the text after them.{apostrophe}"
        )
    if found == "<anchor>":
        return "A value may have only one anchor ('&name'). Remove the second one."
    if found == "<alias>":
        return (
            "An alias ('*name') stands for a value written elsewhere, so it cannot have an "
            "anchor or a tag of its own. Remove the '&' or '!' before it."
        )
    if found == "<tag>":
        return "A value may have only one tag ('!'). Remove the second one."
    return _fallback(found)


def _unopened(found: str) -> str:
    what = "list" if found == "]" else "mapping"
    opener = "[" if found == "]" else "{"
    return (
        f"This '{found}' closes a {what} that was never opened with '{opener}'. Remove it, or "
        "put the whole value in quotes if it is part of the text."
    )


def _nothing_before(found: str) -> str:
    """The parser wanted a value and found punctuation."""
    if found in ("]", "}"):
        return _unopened(found)
    if found == ",":
        return (
            "This ',' has no value before it. Remove it, or put the whole value in quotes if it "
            "is part of the text."
        )
    return _fallback(found)


def _never_closed(lines: list[str], opened: Position, before: int | None = None) -> str:
    line = lines[opened[0] - 1] if opened[0] <= len(lines) else ""
    quote = line[opened[1] - 1] if opened[1] <= len(line) else '"'
    until = f" before the line '{lines[before - 1][:3]}' on line {before}" if before else ""
    if quote == "'":
        return (
            f"This quoted value is never closed{until}: add the closing ' where the value "
            "ends. Inside single quotes, write an apostrophe as two ('')."
        )
    return f'This quoted value is never closed{until}: add the closing " where the value ends.'


def _open_brackets(
    lines: list[str], opened: Position, at: Position, found: str
) -> tuple[str, Position]:
    """A '[' or '{' whose list or mapping the parser could not read to its end."""
    opener = lines[opened[0] - 1][opened[1] - 1 : opened[1]] if opened[0] <= len(lines) else ""
    what, closer, parts = ("list", "]", "items") if opener == "[" else ("mapping", "}", "entries")
    if found == "<stream end>":
        return (
            f"This {what}, opened with '{opener}', is never closed: add '{closer}' where it ends."
        ), opened
    if at[0] != opened[0]:
        return (
            f"This {what}, opened with '{opener}', is not closed before line {at[0]}: add "
            f"'{closer}' where it ends."
        ), opened
    return (
        f"The {parts} of the {what} opened with '{opener}' at column {opened[1]} are separated "
        f"by commas: add the missing ',' before this point, or close the {what} with "
        f"'{closer}'. If a value holds ': ', put it in quotes."
    ), at


def _character(lines: list[str], at: Position) -> str:
    line = lines[at[0] - 1] if at[0] <= len(lines) else ""
    return line[at[1] - 1] if at[1] <= len(line) else ""


def _reserved(character: str) -> str:
    if character in ("@", "`"):
        return (
            f"A value cannot start with '{character}': YAML keeps it for future use. Put the "
            "whole value in quotes."
        )
    return (
        f"YAML does not allow the character {character!r} here. Put the whole value in quotes, "
        "or remove the character."
    )


def _directive_without_start(lines: list[str]) -> Position | None:
    """The last of the '%' lines at the top of the text, if no '---' line follows them: the
    parser then reads the document as more directives, and complains of something else."""
    last = None
    for number, line in enumerate(lines, start=1):
        if line.startswith("%"):
            last = number
        elif line.strip() and not line.lstrip().startswith("#"):
            return (last, 1) if last is not None and not line.startswith("---") else None
    return None


def _last_directive(lines: list[str], before: int) -> Position | None:
    """The last line above line `before` that starts with '%' (a directive)."""
    for number in range(min(before, len(lines)), 0, -1):
        if lines[number - 1].startswith("%"):
            return (number, 1)
    return None


def _earlier_key_line(lines: list[str], key: str, line: int, column: int) -> int | None:
    """The line where a duplicated block-mapping key first appears, above its repeat."""
    for number in range(min(line, len(lines) + 1) - 1, 0, -1):
        candidate = lines[number - 1]
        body = candidate.lstrip(" ")
        start = len(candidate) - len(body)
        while body.startswith("- "):  # a key that opens a list item
            body = body[2:].lstrip(" ")
            start = len(candidate) - len(body)
        if not body or body.startswith("#"):
            continue
        if start == column - 1 and body.split(":", 1)[0].strip("'\" ") == key:
            return number
        if start < column - 1:
            return None  # left the mapping without finding the key
    return None

"""Reading YAML text into plain data with a position for every key and item.

This is the only module that knows ruamel.yaml's types and its 0-based positions. Everything
else sees plain dicts, lists and scalars, and asks `SourceDocument.position(loc)` for a 1-based
(line, column).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from icslint.diagnostics import Loc

# Aliases let a short file expand into a huge tree ("billion laughs"). No real constitution has
# anywhere near this many values, so past it the file is refused instead of eating memory.
MAX_NODES = 200_000

# Tags that plain YAML data may carry; anything else (!!python/object, !custom, !!binary) is
# refused, so a document can never ask for code to run or for a non-text value.
_PLAIN_TAGS = {
    None,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:omap",
}

Position = tuple[int, int]


class _DatesAsText(RoundTripConstructor):
    """Reads a date such as 2025-03-14 as the text it is. The document models read dates,
    including dates known only in part, and report one that does not exist (2025-02-30) at its
    line, where the YAML library would stop with an error of its own.

    A key repeated in one mapping is recorded rather than stopping the reading, so that the
    rest of the document can still be checked; the first value is kept in the tree, and the
    loader treats the key as unreadable."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.repeated: list[tuple[str, Position]] = []

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            mark = key_node.start_mark
            self.repeated.append((str(key), (mark.line + 1, mark.column + 1)))
            return False
        return True


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


class YamlSyntaxError(Exception):
    """The text is not YAML icslint can read. Line and column are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Repeated:
    """A key that appears a second time in the same mapping."""

    key: str
    at: Position
    """Where the repeat is."""
    first: Loc | None
    """Where the key first appears, as a location in the data (None if not found)."""
    first_line: int | None

    @property
    def message(self) -> str:
        where = f" (first on line {self.first_line})" if self.first_line else ""
        return (
            f'The key "{self.key}" appears twice in the same mapping{where}. Each key may '
            "appear once: remove the duplicate or merge the two entries. Until then icslint "
            "reads neither value."
        )


@dataclass(frozen=True)
class SourceDocument:
    """Plain data from one YAML document, and where each key and item stands in the text."""

    data: object
    positions: Mapping[Loc, Position]
    repeated: tuple[Repeated, ...] = ()
    """Keys that appear twice in one mapping: each is reported and treated as unreadable."""

    def position(self, loc: Loc) -> Position:
        """The 1-based (line, column) of `loc`, or of its nearest parent that is in the file.

        A key that is missing is reported at the mapping that should hold it.
        """
        for end in range(len(loc), -1, -1):
            found = self.positions.get(loc[:end])
            if found is not None:
                return found
        return (1, 1)


def parse_yaml(text: str) -> SourceDocument:
    """Parse one YAML document. Raises YamlSyntaxError for anything that is not plain YAML data."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsText
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except YAMLError as error:  # errors without a position
        raise YamlSyntaxError(f"The file is not valid YAML: {error}") from None
    positions: dict[Loc, Position] = {(): (1, 1)}
    converter = _Converter(positions)
    data = converter.convert(tree, (), (1, 1))
    constructor = yaml.constructor
    repeated = tuple(
        _repeated(key, at, positions, text) for key, at in getattr(constructor, "repeated", [])
    )
    return SourceDocument(data=data, positions=positions, repeated=repeated)


def _repeated(key: str, at: Position, positions: Mapping[Loc, Position], text: str) -> Repeated:
    first_line = _earlier_key_line(text, key, *at)
    first = next(
        (
            loc
            for loc, (line, column) in positions.items()
            if loc and loc[-1] == key and line == first_line and column == at[1]
        ),
        None,
    )
    return Repeated(key, at, first, first_line)


def _syntax_error(error: MarkedYAMLError, text: str) -> YamlSyntaxError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (error.problem or "").strip()
    name = type(error).__name__
    if name == "DuplicateKeyError":
        # ruamel: 'found duplicate key "c" with value "3" (original value: "2")'
        key = problem.split('"')[1] if problem.count('"') >= 2 else "?"
        first = _earlier_key_line(text, key, line, column)
        where = f" (first on line {first})" if first else ""
        return YamlSyntaxError(
            f'The key "{key}" appears twice in the same mapping{where}. '
            "Each key may appear once: remove the duplicate or merge the two entries.",
            line,
            column,
        )
    if "\t" in problem or "'\\t'" in problem:
        return YamlSyntaxError(
            "A tab character is used where YAML expects spaces. Indent with spaces only.",
            line,
            column,
        )
    if name == "ComposerError" and "single document" in str(error):
        return YamlSyntaxError(
            "The file holds more than one YAML document (a '---' line). "
            "Put each constitution or terms of reference in a file of its own.",
            line,
            column,
        )
    if "mapping values are not allowed" in problem:
        return YamlSyntaxError(
            "A colon followed by a space inside a value starts a new key here. Put the whole "
            'value in quotes, for example title: "Partner Member (trusts: acute)".',
            line,
            column,
        )
    context = (error.context or "").strip()
    detail = f"{problem} ({context})" if context and problem else problem or context or str(error)
    return YamlSyntaxError(f"The file is not valid YAML: {detail}.", line, column)


def _earlier_key_line(text: str, key: str, line: int, column: int) -> int | None:
    """The line where a duplicated block-mapping key first appears, above its repeat."""
    lines = text.splitlines()
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


class _Converter:
    """Turns ruamel's round-trip tree into plain data, recording positions as it goes."""

    def __init__(self, positions: dict[Loc, Position]) -> None:
        self.positions = positions
        self.nodes = 0
        self.active: set[int] = set()

    def convert(self, node: object, loc: Loc, here: Position) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlSyntaxError(
                f"The file expands to more than {MAX_NODES:,} values (anchors and aliases "
                "repeated many times). icslint refuses it to protect your machine.",
                *here,
            )
        if isinstance(node, TaggedScalar) or _custom_tag(node):
            raise YamlSyntaxError(
                f"The tag {_tag_name(node)} is not allowed. icslint documents hold plain "
                "text, numbers, dates, true/false, lists and mappings only.",
                *here,
            )
        if isinstance(node, CommentedMap):
            return self._mapping(node, loc)
        if isinstance(node, CommentedSeq):
            return self._sequence(node, loc)
        if isinstance(node, bytes):
            raise YamlSyntaxError("Binary values (!!binary) are not allowed.", *here)
        if isinstance(node, dt.datetime):
            return dt.datetime(*node.timetuple()[:6])
        return node

    def _mapping(self, node: CommentedMap, loc: Loc) -> dict[str, object]:
        self._enter(node, loc)
        result: dict[str, object] = {}
        for key, value in node.items():
            name = key if isinstance(key, str) else str(key)
            key_pos = self._lc(node, "key", key) or self.positions[loc]
            if not loc and not result:
                # The document as a whole is reported at its first key, not at a leading comment.
                self.positions[()] = key_pos
            value_pos = self._lc(node, "value", key) or key_pos
            child = (*loc, name)
            # A mapping entry points at its key.
            self.positions[child] = key_pos
            result[name] = self.convert(value, child, value_pos)
            self.positions[child] = key_pos
        self.active.discard(id(node))
        return result

    def _sequence(self, node: CommentedSeq, loc: Loc) -> list[object]:
        self._enter(node, loc)
        result: list[object] = []
        for index, value in enumerate(node):
            item_pos = self._lc(node, "item", index) or self.positions[loc]
            child = (*loc, index)
            # A list item points at the item itself.
            self.positions[child] = item_pos
            result.append(self.convert(value, child, item_pos))
            self.positions[child] = item_pos
        self.active.discard(id(node))
        return result

    def _enter(self, node: object, loc: Loc) -> None:
        if id(node) in self.active:
            raise YamlSyntaxError(
                "An alias refers to a mapping or list that contains it, which would repeat "
                "for ever. Write the values out instead.",
                *self.positions.get(loc, (1, 1)),
            )
        self.active.add(id(node))

    @staticmethod
    def _lc(node: CommentedMap | CommentedSeq, kind: str, key: object) -> Position | None:
        try:
            line, column = getattr(node.lc, kind)(key)
        except (KeyError, IndexError, TypeError, AttributeError):
            return None  # keys brought in by a merge (<<) have no position of their own
        return (int(line) + 1, int(column) + 1)


def _custom_tag(node: object) -> bool:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None) if tag is not None else None
    return value not in _PLAIN_TAGS


def _tag_name(node: object) -> str:
    tag = getattr(node, "tag", None)
    value = str(getattr(tag, "value", tag))
    return value.replace("tag:yaml.org,2002:", "!!")

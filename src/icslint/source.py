"""Reading YAML text into plain data with a position for every key and item.

This is the only module that knows ruamel.yaml's types and its 0-based positions. Everything
else sees plain dicts, lists and scalars, and asks `SourceDocument.position(loc)` for a 1-based
(line, column).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, CommentedSet, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from icslint.diagnostics import Loc

try:  # ruamel.yaml.clib: libyaml's scanner and parser, about eight times quicker than ruamel's
    from _ruamel_yaml import CParser as _LibyamlEvents  # type: ignore[import-not-found]
except ImportError:  # not CPython, or the wheel is not installed: ruamel's own parser reads all
    _LibyamlEvents = None

# Aliases let a short file expand into a huge tree ("billion laughs"). No real constitution has
# anywhere near this many values (one has about a thousand), so past it the file is refused
# instead of eating memory. The limit counts the values written (while parsing, so that a file
# of nothing but values stops early) and the values the aliases expand to.
MAX_NODES = 200_000

# Lists and mappings nested deeper than this are refused: a constitution nests a few levels, and
# without a limit a file of 100,000 `[` would exhaust Python's stack.
MAX_DEPTH = 100

# A number with more digits than this is refused rather than read: no document needs one, and
# past 4,300 digits Python cannot even turn it into text.
MAX_NUMBER_DIGITS = 100

# Where YAML 1.2 ends a line: the line and column of a position are counted the same way.
LINE_BREAK = re.compile(r"\r\n|\r|\n")

_CORE = "tag:yaml.org,2002:"

# Tags that plain YAML data may carry; anything else (!!python/object, !custom, !!binary, !!set)
# is refused, so a document can never ask for code to run or for a value that is not data.
_MAPPING_TAGS = {None, f"{_CORE}map", f"{_CORE}omap"}
_SEQUENCE_TAGS = {None, f"{_CORE}seq"}
# Scalars with one of these tags written out (`!!str 2025`) are read as the text they hold.
_TEXT_TAGS = {f"{_CORE}str", f"{_CORE}timestamp"}
_PLAIN_TAGS = {
    None,
    f"{_CORE}str",
    f"{_CORE}int",
    f"{_CORE}float",
    f"{_CORE}bool",
    f"{_CORE}null",
    f"{_CORE}timestamp",
}
_PLAIN_SCALARS = (str, int, float, bool, dt.date, type(None))

Position = tuple[int, int]


class YamlSyntaxError(Exception):
    """The text is not YAML icslint can read. Line and column are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _at(mark: Any) -> Position:
    """A ruamel mark (0-based) as a 1-based (line, column)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Composer(Composer):
    """Builds the node tree with limits: values written, how deep they nest, and no alias to a
    list or mapping from inside it (which ruamel would otherwise read as an empty value)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warn_double_anchors = False  # YAML allows an anchor to be defined again
        self.values = 0
        self.nesting = 0
        self.mark: Any = None
        """Where the last value began, for an error that comes without a position."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        self.mark = event.start_mark
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and target.end_mark is None:
                raise YamlSyntaxError(_RECURSIVE, *_at(event.start_mark))
            return super().compose_node(parent, index)
        self.values += 1
        if self.values > MAX_NODES:
            raise YamlSyntaxError(_TOO_MANY, *_at(event.start_mark))
        self.nesting += 1
        try:
            if self.nesting > MAX_DEPTH:
                raise YamlSyntaxError(_TOO_DEEP, *_at(event.start_mark))
            return super().compose_node(parent, index)
        finally:
            self.nesting -= 1


_RECURSIVE = (
    "An alias refers to a mapping or list that contains it, which would repeat for ever. "
    "Write the values out instead."
)
_TOO_MANY = (
    f"The file holds or expands to more than {MAX_NODES:,} values (a constitution holds about "
    "a thousand; anchors and aliases can repeat values many times). icslint refuses it to "
    "protect your machine."
)
_TOO_DEEP = (
    f"Lists and mappings are nested more than {MAX_DEPTH} deep here. An icslint document "
    "nests a few levels: check the brackets and the indentation above this line."
)

_TOO_DEEP_BY_ALIAS = (
    f"Where aliases repeat the value anchored here, lists and mappings are nested more than "
    f"{MAX_DEPTH} deep. An icslint document nests a few levels: write the values out instead."
)


class _DatesAsText(RoundTripConstructor):
    """Reads a date such as 2025-03-14 as the text it is. The document models read dates,
    including dates known only in part, and report one that does not exist (2025-02-30) at its
    line, where the YAML library would stop with an error of its own.

    A key repeated in one mapping is recorded rather than stopping the reading, so that the
    rest of the document can still be checked; the first value is kept in the tree, and the
    loader treats the key as unreadable. A key that is a list or a mapping, and a number too
    long to be a number anyone means, stop the reading at their line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.repeated: list[tuple[str, Position, Position | None]] = []

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if not isinstance(key, _PLAIN_SCALARS):
            raise YamlSyntaxError(
                "This key is a list, a mapping or a tagged value. Keys in an icslint document "
                "are plain text.",
                *_at(key_node.start_mark),
            )
        if key in mapping:
            first = mapping.lc.data.get(key)
            self.repeated.append(
                (
                    str(key),
                    _at(key_node.start_mark),
                    (int(first[0]) + 1, int(first[1]) + 1) if first else None,
                )
            )
            return False
        return True

    def construct_yaml_int(self, node: Any) -> Any:
        written = str(node.value).lstrip("+-").replace("_", "")
        if written[:2].lower() in ("0x", "0o", "0b"):
            written = written[2:]
        digits = sum(1 for character in written if character.isalnum())
        if digits > MAX_NUMBER_DIGITS:
            raise YamlSyntaxError(
                f"This number has {digits:,} digits; icslint reads numbers of up to "
                f"{MAX_NUMBER_DIGITS}. If it is meant as text, put it in quotes.",
                *_at(node.start_mark),
            )
        return super().construct_yaml_int(node)


_DatesAsText.add_constructor(f"{_CORE}timestamp", RoundTripConstructor.construct_yaml_str)
_DatesAsText.add_constructor(f"{_CORE}int", _DatesAsText.construct_yaml_int)


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
    """Parse one YAML document. Raises YamlSyntaxError for anything that is not plain YAML data.

    Whatever the text, this returns or raises YamlSyntaxError, in time and memory bounded by
    the length of the text: values, nesting and numbers are limited (MAX_NODES, MAX_DEPTH,
    MAX_NUMBER_DIGITS), and no tag can make it run code.
    """
    if _LibyamlEvents is not None and not _NEEDS_RUAMEL_SCANNER.search(text):
        loader = _LibyamlLoader(text)
        try:
            tree = loader.constructor.get_single_data()
        except YamlSyntaxError:
            raise
        except Exception:  # ruamel's own parser reads it again, and says what is wrong
            pass
        else:
            # A document is a mapping; anything else (a bare text, an empty file) is reported
            # from ruamel's reading, which differs from libyaml's at the edges of the spec.
            if isinstance(tree, CommentedMap):
                return _plain(tree, loader.constructor)
    return _parse_with_ruamel_scanner(text)


# What libyaml reads otherwise than ruamel's own scanner, so such a file takes the slower path,
# read as before: a %YAML directive (which sets the version values are read by); the line
# breaks of YAML 1.1 (NEL, LS, PS), which libyaml counts as new lines and YAML 1.2 does not; a
# tab or a byte-order mark within the text, which libyaml accepts in places ruamel refuses; a
# tag (`!!str`, `!custom`), which libyaml can attach to a different value; and the `...` that
# ends a document, which libyaml allows twice.
_NEEDS_RUAMEL_SCANNER = re.compile(
    r"^(?:%|\.\.\.)|[\t\x85\ufeff\u2028\u2029]|(?:^|[\s\[{,])!", re.MULTILINE
)


class _LibyamlLoader:
    """libyaml's events, composed and constructed exactly as on ruamel's own path (the same
    limits, the same values, the same 0-based positions), in a fraction of the time: scanning
    and parsing were nine tenths of the cost of reading a constitution."""

    max_depth = None  # the composer applies icslint's own limit, MAX_DEPTH
    comment_handling = None

    def __init__(self, text: str) -> None:
        self._parser = _LibyamlEvents(text)
        self._resolver = VersionedResolver(loader=self)  # YAML 1.2, as on ruamel's path
        self._composer = self.composer = _Composer(loader=self)
        self._constructor = self.constructor = _DatesAsText(loader=self)


def _parse_with_ruamel_scanner(text: str) -> SourceDocument:
    """ruamel.yaml's pure-Python reading, which also words every syntax error."""
    yaml = YAML(typ="rt")
    yaml.Composer = _Composer
    yaml.Constructor = _DatesAsText
    try:
        tree = yaml.load(text)
    except YamlSyntaxError:
        raise
    except MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except ReaderError as error:
        raise _reader_error(error, text) from None
    except YAMLError as error:  # errors without a position
        raise YamlSyntaxError(f"The file is not valid YAML: {error}") from None
    except Exception as error:  # the YAML library failing on input it did not foresee
        composer = getattr(yaml, "_composer", None)
        raise YamlSyntaxError(
            "icslint cannot read the YAML here: the YAML library stopped with "
            f"{type(error).__name__}: {error}. Write this part more simply (without anchors, "
            "aliases or tags).",
            *_at(getattr(composer, "mark", None)),
        ) from None
    return _plain(tree, yaml.constructor)


def _plain(tree: object, constructor: _DatesAsText) -> SourceDocument:
    """The constructed tree as plain data with positions, and the keys found repeated."""
    positions: dict[Loc, Position] = {(): (1, 1)}
    converter = _Converter(positions)
    data = converter.convert(tree, (), (1, 1))
    found = constructor.repeated
    locs: dict[tuple[str, Position], Loc] = {}
    if found:
        for loc, at in positions.items():
            if loc and isinstance(loc[-1], str):
                locs.setdefault((loc[-1], at), loc)
    repeated = tuple(_repeated(key, at, first, locs) for key, at, first in found)
    return SourceDocument(data=data, positions=positions, repeated=repeated)


def _repeated(
    key: str, at: Position, first: Position | None, locs: Mapping[tuple[str, Position], Loc]
) -> Repeated:
    """A repeated key, with where in the data it first appears (found by its position)."""
    if first is None:
        return Repeated(key, at, None, None)
    return Repeated(key, at, locs.get((key, first)), first[0])


def position_of(text: str, index: int) -> Position:
    """The 1-based (line, column) of the character at `index`."""
    before = text[: max(0, min(index, len(text)))]
    breaks = list(LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return (len(breaks) + 1, len(before) - start + 1)


def _reader_error(error: ReaderError, text: str) -> YamlSyntaxError:
    """A character YAML does not allow in a file (NUL, a control character)."""
    position = error.position if isinstance(error.position, int) else 0
    character = error.character if isinstance(error.character, int) else 0
    name = {0: "NUL", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape"}.get(character)
    shown = f"U+{character:04X}" + (f", {name}" if name else "")
    hint = {
        0: " The file may be binary, not text: icslint reads YAML text.",
        0x0B: " Word writes one for a line break within a paragraph: use a new line instead.",
    }.get(character, " Delete it, or write it in a double-quoted string as an escape.")
    return YamlSyntaxError(
        f"The file holds a character that YAML does not allow ({shown}).{hint}",
        *position_of(text, position),
    )


def _syntax_error(error: MarkedYAMLError, text: str) -> YamlSyntaxError:
    """ruamel's complaint about the text, in words for the person who wrote it."""
    from icslint.syntax_errors import Complaint, describe

    complaint = Complaint(
        kind=type(error).__name__,
        context=(error.context or "").strip(),
        context_at=_at(error.context_mark) if error.context_mark is not None else None,
        problem=(error.problem or "").strip(),
        problem_at=_at(error.problem_mark) if error.problem_mark is not None else None,
    )
    message, (line, column) = describe(complaint, text)
    return YamlSyntaxError(message, line, column)


class _Converter:
    """Turns ruamel's round-trip tree into plain data, recording positions as it goes."""

    def __init__(self, positions: dict[Loc, Position]) -> None:
        self.positions = positions
        self.nodes = 0
        self.active: set[int] = set()
        self.seen: set[int] = set()
        self.alias: Position | None = None
        """Where the value is anchored that an alias is repeating (ruamel places an alias's
        value where its anchor is): a limit passed while repeating it is reported there."""

    def convert(self, node: object, loc: Loc, here: Position) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlSyntaxError(_TOO_MANY, *(self.alias or here))
        if len(loc) >= MAX_DEPTH:  # aliases can nest what is written within what refers to it
            if self.alias is not None:
                raise YamlSyntaxError(_TOO_DEEP_BY_ALIAS, *self.alias)
            raise YamlSyntaxError(_TOO_DEEP, *here)
        if isinstance(node, TaggedScalar):
            if _tag(node) in _TEXT_TAGS:
                return str(node.value)
            raise YamlSyntaxError(_not_allowed(node), *here)
        if isinstance(node, CommentedMap | CommentedSeq):
            allowed = _MAPPING_TAGS if isinstance(node, CommentedMap) else _SEQUENCE_TAGS
            if _tag(node) not in allowed:
                raise YamlSyntaxError(_not_allowed(node), *here)
            outer = self.alias
            if id(node) in self.seen and outer is None:
                self.alias = here
            self.seen.add(id(node))
            try:
                if isinstance(node, CommentedMap):
                    return self._mapping(node, loc)
                return self._sequence(node, loc)
            finally:
                self.alias = outer
        if isinstance(node, bytes):
            raise YamlSyntaxError("Binary values (!!binary) are not allowed.", *here)
        if isinstance(node, CommentedSet) or not isinstance(node, _PLAIN_SCALARS):
            raise YamlSyntaxError(
                "This value uses a tag icslint does not accept (such as !!set or !!pairs). "
                + _PLAIN_DATA,
                *here,
            )
        if _tag(node) not in _PLAIN_TAGS:
            raise YamlSyntaxError(_not_allowed(node), *here)
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
            raise YamlSyntaxError(_RECURSIVE, *self.positions.get(loc, (1, 1)))
        self.active.add(id(node))

    @staticmethod
    def _lc(node: CommentedMap | CommentedSeq, kind: str, key: object) -> Position | None:
        try:
            line, column = getattr(node.lc, kind)(key)
        except (KeyError, IndexError, TypeError, AttributeError):
            return None  # keys brought in by a merge (<<) have no position of their own
        return (int(line) + 1, int(column) + 1)


_PLAIN_DATA = (
    "icslint documents hold plain text, numbers, dates, true/false, lists and mappings only."
)


def _tag(node: object) -> str | None:
    """The tag written on a value (`!custom`, `tag:yaml.org,2002:str`), or None."""
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None) if tag is not None else None
    return value if isinstance(value, str) else None


def _not_allowed(node: object) -> str:
    name = (_tag(node) or "?").replace(_CORE, "!!")
    return f"The tag {name} is not allowed. {_PLAIN_DATA}"

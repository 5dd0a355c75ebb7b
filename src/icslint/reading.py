"""Reading as much of a document as is readable.

One misspelt key or unreadable value must not switch every rule off for the whole file. Each
schema error (and each name that is not a party icslint knows, see `icslint.vocabulary`) is
reported, and the value is left out of the document the rules see, which then treats it as not
stated. Only a file whose `kind` or `schema_version` cannot be read is not checked at all.

Leaving out a list item shifts the items after it, so the indices kept are recorded and every
location a rule reports is mapped back to the file (`file_loc`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from icslint.diagnostics import Loc
from icslint.models import Document
from icslint.schema_errors import describe
from icslint.vocabulary import unknown_parties

# Without these nothing else can be read.
_ESSENTIAL: frozenset[Loc] = frozenset({(), ("kind",), ("schema_version",)})
# Errors that mean a whole item was not the mapping or list it should be.
_NOT_A_VALUE = frozenset(
    {"model_type", "model_attributes_type", "dict_type", "tuple_type", "list_type"}
)
# Each round of validation can only reveal errors inside what the last round kept, so a few
# rounds settle any document; the limit guards against a loop.
_MAX_ROUNDS = 12


@dataclass(frozen=True)
class Unread:
    """A part of the file left out of the document because it could not be read."""

    loc: Loc
    """Where it is in the file."""
    unknown_key: bool
    """True for a key the schema does not have: nothing the rules read was lost."""
    whole: bool = False
    """True for a whole list item or mapping left out (it lacked a required key, or was not a
    mapping): every finding about what holds it may be wrong."""
    classifying: bool = False
    """True for a code that says what something is (a seat's role, a committee's kind, a
    criterion in a list) or who appointed a partnership member: findings about what holds it
    ("no seat is the chair's") may be wrong too."""


@dataclass(frozen=True)
class Reading:
    """A document as far as it could be read, and why the rest could not be."""

    document: Document | None
    problems: tuple[tuple[Loc, str], ...]
    """Each problem's location in the file, and what to tell the user."""
    unread: tuple[Unread, ...]
    kept: Mapping[Loc, tuple[int, ...]]


def read_document(model: type[BaseModel], data: object, unreadable: Sequence[Loc] = ()) -> Reading:
    """The document in `data`, less what cannot be read (and the parts at `unreadable`, already
    reported), and why each part was left out."""
    problems: dict[Loc, str] = {}
    unread: dict[Loc, Unread] = {
        loc: Unread(loc, unknown_key=False) for loc in unreadable if loc not in _ESSENTIAL
    }
    for _ in range(_MAX_ROUNDS):
        kept: dict[Loc, tuple[int, ...]] = {}
        pruned = _without(data, set(unread), (), kept)
        try:
            document: Document = model.model_validate(pruned)  # type: ignore[assignment]
        except ValidationError as error:
            progress = False
            for detail in error.errors(include_url=False):
                in_file = file_loc(tuple(detail["loc"]), kept)
                place = _leave_out(data, in_file, detail["type"])
                _, message = describe({**detail, "loc": in_file}, model)
                problems.setdefault(in_file, message)
                if place is None or place.loc in _ESSENTIAL:
                    return Reading(None, tuple(problems.items()), (), {})
                if place.loc not in unread:
                    progress = True
                    unread[place.loc] = place
            if not progress:
                return Reading(None, tuple(problems.items()), (), {})
            continue
        in_file_names = (
            (file_loc(loc, kept), message) for loc, message in unknown_parties(document)
        )
        names = [(loc, message) for loc, message in in_file_names if loc not in unread]
        if not names:
            return Reading(document, tuple(problems.items()), tuple(unread.values()), kept)
        for loc, message in names:
            problems.setdefault(loc, message)
            # Who appointed a partnership member decides which limb the member sits under.
            appointer = loc[:1] == ("members",) and loc[-1] == "appointed_by"
            unread[loc] = Unread(loc, unknown_key=False, classifying=appointer)
    return Reading(None, tuple(problems.items()), (), {})


def file_loc(loc: Loc, kept: Mapping[Loc, tuple[int, ...]]) -> Loc:
    """Where a location in the read document is in the file."""
    found: list[str | int] = []
    for step in loc:
        if isinstance(step, int):
            indices = kept.get(tuple(found))
            if indices is not None and 0 <= step < len(indices):
                step = indices[step]
        found.append(step)
    return tuple(found)


def _leave_out(data: object, loc: Loc, kind: str) -> Unread | None:
    """What to leave out for an error at `loc`: the value itself (an unknown key, a wrong
    value), or the list item or mapping that lacks a required key. None if `loc` is nowhere in
    the data."""
    if kind == "extra_forbidden":
        return Unread(loc, unknown_key=True)
    existing = _deepest(data, loc)
    if kind == "missing" or existing != loc:
        # A required key is missing (or the error is about the value's inner workings): the
        # mapping that holds it cannot be read; leave out the whole list item or mapping.
        holder = existing if existing != loc else loc[:-1]
        return Unread(holder, unknown_key=False, whole=True)
    return Unread(
        loc, unknown_key=False, whole=kind in _NOT_A_VALUE, classifying=kind == "literal_error"
    )


def _deepest(data: object, loc: Loc) -> Loc:
    """The longest start of `loc` that exists in `data`."""
    node = data
    for depth, step in enumerate(loc):
        # Two branches, not one `or`, so that the type checker narrows `node` in each.
        if isinstance(node, dict) and step in node:  # noqa: SIM114
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return loc[:depth]
    return loc


def _without(data: object, left_out: set[Loc], at: Loc, kept: dict[Loc, tuple[int, ...]]) -> object:
    """A copy of `data` without the parts at `left_out`, recording the list indices kept."""
    if not left_out:
        return data
    if isinstance(data, dict):
        return {
            key: _without(value, left_out, (*at, key), kept)
            for key, value in data.items()
            if (*at, key) not in left_out
        }
    if isinstance(data, list):
        indices = tuple(i for i in range(len(data)) if (*at, i) not in left_out)
        if len(indices) != len(data):
            kept[at] = indices
        return [_without(data[i], left_out, (*at, i), kept) for i in indices]
    return data

"""The changes between two versions of a document, by YAML path.

Mappings are compared key by key. A list of mappings whose items each carry the same kind of
identity (a seat's `id`, a committee's `name`, a member's `seat_title`) is compared item by
item, so that adding a seat at the top is one added seat, not a change to every seat below
it; a list of values is compared by value. Moving an item without changing it is no change.
Comments are not part of the data and never count.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from icslint.diagnostics import Loc

# The keys that name an item of a list, in the order they are tried.
IDENTITY_KEYS = ("id", "name", "seat_title", "title", "version", "code")


class Absent:
    """The value on one side of an addition or removal."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = Absent()


@dataclass(frozen=True)
class Change:
    """One change: where, and the value before and after (ABSENT if there was none)."""

    old_loc: Loc | None
    """Where the old value was (None for an addition)."""
    new_loc: Loc | None
    """Where the new value is (None for a removal)."""
    old: object
    new: object

    @property
    def loc(self) -> Loc:
        """The path a change is reported at: in the new version, or the old for a removal."""
        return self.new_loc if self.new_loc is not None else (self.old_loc or ())

    @property
    def spacing_only(self) -> bool:
        """Whether only spacing or line breaks in a text changed."""
        return (
            isinstance(self.old, str)
            and isinstance(self.new, str)
            and self.old.split() == self.new.split()
        )


def changes(old: object, new: object) -> list[Change]:
    """Every change from `old` to `new` (plain data as `icslint.source` reads it)."""
    return list(_compare(old, new, (), ()))


def _compare(old: object, new: object, old_loc: Loc, new_loc: Loc) -> Iterator[Change]:
    if _empty(old) and _empty(new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                yield from _compare(old[key], ABSENT, (*old_loc, key), (*new_loc, key))
        for key in new:
            yield from _compare(old.get(key, ABSENT), new[key], (*old_loc, key), (*new_loc, key))
    elif isinstance(old, list | Absent) and isinstance(new, list | Absent):
        # A list added or removed whole is its items added or removed, each classed as itself.
        yield from _compare_lists(_items(old), _items(new), old_loc, new_loc)
    elif not _same(old, new):
        yield Change(
            None if old is ABSENT or old is None else old_loc,
            None if new is ABSENT or new is None else new_loc,
            ABSENT if old is None else old,
            ABSENT if new is None else new,
        )


def _empty(value: object) -> bool:
    """Whether a value says nothing: absent, null, or an empty list or mapping."""
    return value is ABSENT or value is None or value == [] or value == {}


def _items(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _same(old: object, new: object) -> bool:
    """Whether two values say the same: equal, or a number and the same number in quotes
    ("3" and 3), which icslint reads alike."""
    if type(old) is type(new) or (_empty(old) and _empty(new)):
        return old == new
    numbers = (int, float)
    if isinstance(old, str) and isinstance(new, numbers) and not isinstance(new, bool):
        return old.strip() == str(new)
    if isinstance(new, str) and isinstance(old, numbers) and not isinstance(old, bool):
        return new.strip() == str(old)
    return False


def _compare_lists(
    old: list[object], new: list[object], old_loc: Loc, new_loc: Loc
) -> Iterator[Change]:
    key = _identity(old, new)
    if key is not None:
        old_by = {item[key]: index for index, item in enumerate(old) if isinstance(item, dict)}
        new_by = {item[key]: index for index, item in enumerate(new) if isinstance(item, dict)}
        pairs = [(old_by.get(name), new_by.get(name)) for name in _union(old_by, new_by)]
    elif all(not isinstance(item, dict | list) for item in (*old, *new)):
        pairs = _by_value(old, new)
    else:
        pairs = [
            (i if i < len(old) else None, i if i < len(new) else None)
            for i in range(max(len(old), len(new)))
        ]
    for before, after in pairs:
        if after is None:
            assert before is not None
            yield Change((*old_loc, before), None, old[before], ABSENT)
        elif before is None:
            yield Change(None, (*new_loc, after), ABSENT, new[after])
        else:
            yield from _compare(old[before], new[after], (*old_loc, before), (*new_loc, after))


def _identity(old: Sequence[object], new: Sequence[object]) -> str | None:
    """The key that names every item of both lists uniquely, if one does."""
    items = [*old, *new]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    for key in IDENTITY_KEYS:
        for side in (old, new):
            names = [item.get(key) for item in side if isinstance(item, dict)]
            if None in names or not all(isinstance(n, str | int) for n in names):
                break
            if len(set(names)) != len(names):
                break
        else:
            return key
    return None


def _union(first: dict[object, int], second: dict[object, int]) -> list[object]:
    """The names of both lists: the new list's order, then what only the old one had."""
    return [*second, *(name for name in first if name not in second)]


def _by_value(old: Sequence[object], new: Sequence[object]) -> list[tuple[int | None, int | None]]:
    """Pairs of equal values (in order, each used once), then each value only one side has."""
    unmatched = list(range(len(old)))
    pairs: list[tuple[int | None, int | None]] = []
    for after, value in enumerate(new):
        before = next((i for i in unmatched if old[i] == value), None)
        if before is not None:
            unmatched.remove(before)
        pairs.append((before, after))
    pairs += [(before, None) for before in unmatched]
    return pairs

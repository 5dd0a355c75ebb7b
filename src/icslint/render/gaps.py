"""Gaps: facts a rendered document needs that its file does not state.

A template never turns a missing fact into a sentence. Where a clause the document cannot do
without needs a fact the YAML leaves out, the template calls `gap("who appoints the Chair",
at(seat, "appointed_by"))`: the text shows a marked blank, `[not stated: who appoints the
Chair]`, and the gap is recorded. A `--draft` render lists the gaps in its annex; a final
render with any gap is refused, naming each one and the YAML key that would fill it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from icslint.diagnostics import Loc, yaml_path

NOT_STATED = "not stated"


@dataclass(frozen=True)
class Gap:
    """One fact the document needs and its file does not give."""

    what: str
    """The missing fact in words, for example "who appoints the Chair"."""
    key: str | None = None
    """The YAML key that would give it, for example `board.seats[0].appointed_by`."""
    fix: str = "add"
    """What to do with the key: "add" it, or "correct" a value that points nowhere."""

    @property
    def label(self) -> str:
        """The blank as the reader sees it: `[not stated: who appoints the Chair]`."""
        return f"[{NOT_STATED}: {self.what}]"

    def __str__(self) -> str:
        return f"{self.what} ({self.fix} {self.key})" if self.key else self.what


class Gaps:
    """The gaps one render finds, in the order the text first shows them, each listed once."""

    def __init__(self, document: BaseModel) -> None:
        self._found: dict[Gap, None] = {}
        self._paths = dict(_paths(document, ()))

    def record(self, what: str, key: str | None = None, fix: str = "add") -> Gap:
        gap = Gap(" ".join(what.split()), key, fix)
        self._found.setdefault(gap)
        return gap

    def at(self, part: object, *keys: str) -> str | None:
        """The YAML path of `part` (a model inside the document), with `keys` after it:
        `at(seat, "appointed_by")` is `board.seats[0].appointed_by`."""
        loc = self._paths.get(id(part))
        if loc is None:
            return None
        return yaml_path((*loc, *keys))

    @property
    def found(self) -> tuple[Gap, ...]:
        return tuple(self._found)


def _paths(value: object, loc: Loc) -> Iterator[tuple[int, Loc]]:
    """(id, location) of every model in the document, so templates can name a key by its
    place in the file (models are frozen, so an id stays valid for the whole render)."""
    if isinstance(value, BaseModel):
        yield id(value), loc
        for name in type(value).model_fields:
            yield from _paths(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _paths(item, (*loc, index))

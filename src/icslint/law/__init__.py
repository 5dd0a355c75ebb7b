"""The law over time: the instruments and events icslint's rules depend on, as data.

Each rule names the event its requirement came from, so that the date it came into force, and
where that date was read, can be shown to users and checked against a document's dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from ruamel.yaml import YAML

from icslint.models.values import PartialDate

COMMENCEMENT = "hca-2022-commencement"
"""The event a rule's requirement dates from unless it says otherwise."""


@dataclass(frozen=True)
class Event:
    """An instrument or event that starts or ends a requirement."""

    id: str
    title: str
    in_force: PartialDate | None
    """When it took effect; None for a measure that has not commenced."""
    provision: str
    source: str
    read: str
    """Where the date and provision were read, in words."""

    def since(self) -> str:
        """ "from 1 July 2022", "from July 2024", or "not yet in force"."""
        if self.in_force is None:
            return "not yet in force (its commencement date is not known)"
        return f"from {self.in_force.in_words()}"


@cache
def events() -> dict[str, Event]:
    """The events shipped with icslint, by id."""
    text = resources.files("icslint.law").joinpath("events.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    found: dict[str, Event] = {}
    for entry in data["events"]:
        when = entry["in_force"]
        found[entry["id"]] = Event(
            id=entry["id"],
            title=" ".join(str(entry["title"]).split()),
            in_force=None if when == "unknown" else PartialDate.parse(when),
            provision=" ".join(str(entry["provision"]).split()),
            source=entry["source"],
            read=" ".join(str(entry["read"]).split()),
        )
    return found


AsAt = dt.date | Literal["effective"]
"""The day whose law a check applies: a date, or each document's own effective date."""


def parse_as_at(text: str) -> AsAt:
    """`--as-at`: a date written YYYY-MM-DD, `today`, or `effective`. Raises ValueError."""
    word = text.strip().casefold()
    if word == "effective":
        return "effective"
    if word == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"--as-at {text!r}: give a date written YYYY-MM-DD, 'today', or 'effective' (each "
            "document's own effective date)"
        ) from None


def not_in_force(in_force: str, until: str | None, day: dt.date) -> str | None:
    """Why a requirement dating from event `in_force` (and ended by `until`) is not law on
    `day`; None when it is. An event known only to the month counts from its first day."""
    known = events()
    start = known[in_force]
    on = _words(day)
    if start.in_force is None:
        return f"not in force on {on}: {start.title} has not commenced"
    if day < start.in_force.earliest:
        since = start.in_force.in_words()
        return f"not in force on {on}: the requirement dates from {since} ({start.title})"
    end = known[until] if until else None
    if end is not None and end.in_force is not None and day >= end.in_force.earliest:
        return f"no longer in force on {on}: it ended {end.since()} ({end.title})"
    return None


def effective_date(document: object) -> dt.date | None:
    """The first day a document (this version of it) could have taken effect, if it says."""
    meta = getattr(document, "meta", None)
    for name in ("effective_from", "approved_on", "nhse_approved_on"):
        value = getattr(meta, name, None)
        if isinstance(value, PartialDate):
            return value.earliest
    return None


def _words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Icb:
    """An integrated care board, with the days it existed and what came before and after."""

    name: str
    established: dt.date
    abolished: dt.date | None
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    area: tuple[str, ...]
    name_read: bool
    area_read: bool
    sources: tuple[str, ...]

    def exists_on(self, day: dt.date) -> bool:
        return self.established <= day and (self.abolished is None or day < self.abolished)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "established": self.established.isoformat(),
            "abolished": self.abolished.isoformat() if self.abolished else None,
            "predecessors": list(self.predecessors),
            "successors": list(self.successors),
            "area": list(self.area),
            "name_read": self.name_read,
            "area_read": self.area_read,
            "sources": list(self.sources),
        }


@cache
def icbs() -> tuple[Icb, ...]:
    """Every ICB since 1 July 2022, as shipped with icslint."""
    text = resources.files("icslint.law").joinpath("icbs.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    return tuple(
        Icb(
            name=entry["name"],
            established=dt.date.fromisoformat(str(entry["established"])),
            abolished=dt.date.fromisoformat(str(entry["abolished"]))
            if entry.get("abolished")
            else None,
            predecessors=tuple(entry.get("predecessors") or ()),
            successors=tuple(entry.get("successors") or ()),
            area=tuple(entry.get("area") or ()),
            name_read=entry.get("name_read") == "read",
            area_read=entry.get("area_read") == "read",
            sources=tuple(entry.get("sources") or ()),
        )
        for entry in data["icbs"]
    )


def icbs_on(day: dt.date) -> tuple[Icb, ...]:
    """The ICBs that exist on a day, by name."""
    return tuple(sorted((i for i in icbs() if i.exists_on(day)), key=lambda i: i.name))

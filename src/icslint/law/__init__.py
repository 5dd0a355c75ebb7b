"""The law over time: the instruments and events icslint's rules depend on, as data.

Each rule names the event its requirement came from, so that the date it came into force, and
where that date was read, can be shown to users and checked against a document's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

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

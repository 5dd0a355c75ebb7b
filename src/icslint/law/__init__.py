"""The law over time: the instruments and events icslint's rules depend on, as data.

Each rule names the event its requirement came from, so that the date it came into force, and
where that date was read, can be shown to users and checked against a document's dates.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    bill: str | None = None
    """The bill the measure belongs to, for a measure not yet commenced when icslint was
    released (a user may set its commencement date for all its measures at once)."""
    set_in_configuration: bool = False
    """Whether `in_force` is a commencement date the user set in configuration."""

    def since(self) -> str:
        """ "from 1 July 2022", "from July 2024", or "not yet in force"."""
        if self.in_force is None:
            return "not yet in force (its commencement date is not known)"
        return f"from {self.when()}"

    def when(self) -> str:
        """ "1 July 2022", "July 2024", "1 April 2027, the commencement date set in
        configuration"; "" for a measure not yet commenced."""
        if self.in_force is None:
            return ""
        if self.set_in_configuration:
            return f"{self.in_force.in_words()}, the commencement date set in configuration"
        return self.in_force.in_words()


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
            bill=entry.get("bill"),
        )
    return found


Commencements = Mapping[str, dt.date]
"""Commencement dates a user set in configuration, by event id, for measures whose date was
not known when icslint was released."""


class LawSettingError(Exception):
    """A `law:` setting that names no measure, or a measure already in force."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def commencements(setting: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """The `law:` setting as commencement dates by event id. A key is an event id or a bill
    (`health-bill-2026`: each of its measures); a measure named on its own wins over its bill.
    Raises LawSettingError for a key that is neither, or a measure whose date is known."""
    known = events()
    found: dict[str, dt.date] = {}
    for key, day in sorted(setting.items(), key=lambda item: item[0] in known):
        measures = [key] if key in known else [e.id for e in known.values() if e.bill == key]
        if not measures:
            keys = sorted(
                {e.id for e in known.values() if e.in_force is None}
                | {e.bill for e in known.values() if e.bill}
            )
            close = difflib.get_close_matches(key, keys, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise LawSettingError(
                key, f"no measure or bill called {key!r}{hint} (known: {', '.join(keys)})"
            )
        for measure in measures:
            event = known[measure]
            if event.in_force is not None:
                raise LawSettingError(
                    key,
                    f"{key!r} is already in force {event.since()} ({event.title}); only a "
                    "measure whose commencement date is not yet known can be given one",
                )
            found[measure] = day
    return found


def event(event_id: str, dates: Commencements) -> Event:
    """An event, with the commencement date set in configuration if there is one."""
    known = events()[event_id]
    day = dates.get(event_id)
    if day is None:
        return known
    return Event(
        id=known.id,
        title=known.title,
        in_force=PartialDate.parse(day.isoformat()),
        provision=known.provision,
        source=known.source,
        read=known.read,
        bill=known.bill,
        set_in_configuration=True,
    )


@dataclass(frozen=True)
class LawApplied:
    """Which law a check applies: on which day, with which commencement dates set in
    configuration, and whether measures not yet in force are reported as pending."""

    as_at: AsAt | None = None
    """The day (today if None), or "effective": each document's own effective date."""
    commencements: Commencements = field(default_factory=dict)
    pending: bool = False


AsAt = dt.date | Literal["effective"]
"""The day whose law a check applies: a date, or each document's own effective date."""


def not_in_force(
    in_force: str, until: str | None, day: dt.date, dates: Commencements | None = None
) -> str | None:
    """Why a requirement dating from event `in_force` (and ended by `until`) is not law on
    `day`, given the commencement dates set in configuration; None when it is. An event known
    only to the month counts from its first day."""
    dates = dates or {}
    start = event(in_force, dates)
    on = _words(day)
    if start.in_force is None:
        return f"not in force on {on}: not yet commenced ({start.title})"
    if day < start.in_force.earliest:
        return f"not in force on {on}: the requirement dates from {start.when()} ({start.title})"
    end = event(until, dates) if until else None
    if end is not None and end.in_force is not None and day >= end.in_force.earliest:
        return f"no longer in force on {on}: it ended on {end.when()} ({end.title})"
    return None


def pending_measure(in_force: str, day: dt.date, dates: Commencements | None = None) -> bool:
    """Whether the requirement comes from a measure of a bill that has not taken effect by
    `day`: law that is pending. A requirement that simply dates from after `day` (checking a
    2023 version against the July 2024 guidance) is not pending: it is not applicable."""
    start = event(in_force, dates or {})
    return start.bill is not None and (start.in_force is None or day < start.in_force.earliest)


def effective_date(document: object) -> dt.date | None:
    """The first day a document (this version of it) could have taken effect, if it says: its
    effective date, else its approval, else the date of this version's own entry in the
    version history. Never before 1 July 2022: a constitution approved before then took
    effect when its ICB was established."""
    meta = getattr(document, "meta", None)
    found: PartialDate | None = None
    for name in ("effective_from", "approved_on", "nhse_approved_on"):
        value = getattr(meta, name, None)
        if isinstance(value, PartialDate):
            found = value
            break
    version = getattr(meta, "version", None)
    for entry in reversed(getattr(meta, "version_history", ()) or ()):
        date = getattr(entry, "date", None)
        if found is None and version is not None and entry.version == version:
            found = date if isinstance(date, PartialDate) else None
    if found is None:
        return None
    established = events()[COMMENCEMENT].in_force
    assert established is not None
    return max(found.earliest, established.earliest)


def _words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"

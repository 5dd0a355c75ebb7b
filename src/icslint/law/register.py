"""The ICB register: every integrated care board since 1 July 2022, with the days it existed
and what came before and after it, as shipped with icslint (`icbs.yaml`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ruamel.yaml import YAML


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

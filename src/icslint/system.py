"""The documents of one run read together, for the whole-system rules (ICSnnn).

An integrated care system's documents must agree: the partnership's terms of reference with the
constitution of the ICB that set it up, and the constitutions of different ICBs with each
other. A whole-system rule receives every readable document of the run as a `System`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from icslint.models.icb import IcbConstitution
from icslint.models.icp import IcpTermsOfReference
from icslint.vocabulary import icb_key


@dataclass(frozen=True)
class Constitution:
    """An ICB constitution of the run, and the file it was read from."""

    path: str
    document: IcbConstitution

    @property
    def icb(self) -> str | None:
        """The ICB's name as the constitution gives it."""
        return self.document.icb.name if self.document.icb is not None else None


@dataclass(frozen=True)
class Partnership:
    """An ICP's terms of reference of the run, and the file it was read from."""

    path: str
    document: IcpTermsOfReference

    @property
    def icb(self) -> str | None:
        """The ICB the terms of reference name as the one that set up the partnership."""
        return self.document.icp.icb_name if self.document.icp is not None else None


@dataclass(frozen=True)
class System:
    """Every readable document of one run."""

    constitutions: tuple[Constitution, ...] = ()
    partnerships: tuple[Partnership, ...] = ()

    def icbs(self) -> dict[str, list[Constitution]]:
        """The constitutions by ICB (two versions of one ICB's constitution are one ICB)."""
        found: dict[str, list[Constitution]] = {}
        for constitution in self.constitutions:
            if constitution.icb:
                found.setdefault(icb_key(constitution.icb), []).append(constitution)
        return found

    def pairs(self) -> Iterator[tuple[Partnership, Constitution]]:
        """Each partnership's terms of reference with the constitution of the ICB that set it
        up: each constitution of the ICB it names; or, where it names none in this run and the
        run holds one ICB's constitutions only, those (so that a partnership naming another
        ICB beside a constitution is reported, not passed over)."""
        icbs = self.icbs()
        for partnership in self.partnerships:
            named = icbs.get(icb_key(partnership.icb)) if partnership.icb else None
            if named is None and len(icbs) == 1:
                named = next(iter(icbs.values()))
            for constitution in named or ():
                yield partnership, constitution

    def unpaired(self) -> Iterator[str]:
        """The files of documents that `pairs` does not pair with any other."""
        paired = {path for pair in self.pairs() for path in (pair[0].path, pair[1].path)}
        members: list[Constitution | Partnership] = [*self.constitutions, *self.partnerships]
        for member in members:
            if member.path not in paired:
                yield member.path

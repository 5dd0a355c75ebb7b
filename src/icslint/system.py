"""The documents of one run read together, for the whole-system rules (ICSnnn).

An integrated care system's documents must agree: the partnership's terms of reference with the
constitution of the ICB that set it up, and the constitutions of different ICBs with each
other. A whole-system rule receives every readable document of the run as a `System`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from icslint.models import Document
from icslint.models.icb import IcbConstitution
from icslint.models.icp import IcpTermsOfReference
from icslint.vocabulary import acting_part, icb_key


def same_icb(first: str | None, second: str | None) -> bool:
    """Whether two names are of one ICB ("NHS Severnmoor ICB", "NHS Severnmoor Integrated
    Care Board (the ICB)")."""
    return bool(first and second) and icb_key(acting_part(first or "")) == icb_key(
        acting_part(second or "")
    )


def _key(name: str) -> str:
    return icb_key(acting_part(name))


def _current(versions: list[Constitution]) -> list[Constitution]:
    """The versions of one ICB's constitution a check compares: those not proposed, else the
    proposed ones; of those, the latest by effective date (all of them if none gives one)."""
    chosen = [v for v in versions if not v.proposed] or versions
    latest = max(v.effective for v in chosen)
    return [v for v in chosen if v.effective == latest]


@dataclass(frozen=True)
class Constitution:
    """An ICB constitution of the run, and the file it was read from."""

    path: str
    document: IcbConstitution

    @property
    def icb(self) -> str | None:
        """The ICB's name as the constitution gives it."""
        return self.document.icb.name if self.document.icb is not None else None

    @property
    def proposed(self) -> bool:
        """Whether this version is a draft, or submitted and not yet approved."""
        meta = self.document.meta
        return meta is not None and meta.status in ("draft", "submitted")

    @property
    def effective(self) -> str:
        """The version's effective date, for ordering versions ("" if not given)."""
        meta = self.document.meta
        when = meta.effective_from if meta is not None else None
        return when.earliest.isoformat() if when is not None else ""


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

    @classmethod
    def of(cls, documents: Iterable[tuple[str, Document]]) -> System:
        """The system of the documents of a run, each with the file it was read from."""
        read = list(documents)
        return cls(
            constitutions=tuple(
                Constitution(path, d) for path, d in read if isinstance(d, IcbConstitution)
            ),
            partnerships=tuple(
                Partnership(path, d) for path, d in read if isinstance(d, IcpTermsOfReference)
            ),
        )

    def icbs(self) -> dict[str, list[Constitution]]:
        """The constitutions in force by ICB: two versions of one ICB's constitution are one
        ICB, and a draft is left out where a version not proposed is in the run."""
        found: dict[str, list[Constitution]] = {}
        for constitution in self.constitutions:
            if constitution.icb:
                found.setdefault(_key(constitution.icb), []).append(constitution)
        return {key: _current(versions) for key, versions in found.items()}

    def pairs(self) -> Iterator[tuple[Partnership, Constitution]]:
        """Each partnership's terms of reference with the constitution of the ICB that set it
        up (its version in force): the ICB it names; or, where it names none in this run and
        the run holds one ICB's constitutions only, that ICB's (so that a partnership naming
        another ICB beside a constitution is reported, not passed over)."""
        icbs = self.icbs()
        for partnership in self.partnerships:
            named = icbs.get(_key(partnership.icb)) if partnership.icb else None
            if named is None and len(icbs) == 1:
                named = next(iter(icbs.values()))
            for constitution in named or ():
                yield partnership, constitution

    def superseded(self) -> Iterator[tuple[str, str]]:
        """Each constitution left out because another version of its ICB's is compared, with
        the file of the version compared."""
        compared = {c.path for versions in self.icbs().values() for c in versions}
        for constitution in self.constitutions:
            if constitution.path not in compared and constitution.icb:
                versions = self.icbs().get(_key(constitution.icb), [])
                if versions:
                    yield constitution.path, versions[0].path

    def unpaired(self) -> Iterator[tuple[str, str]]:
        """Each document a rule about pairs does not look at, and why, in words."""
        superseded = dict(self.superseded())
        paired = {path for pair in self.pairs() for path in (pair[0].path, pair[1].path)}
        for path, compared in superseded.items():
            yield (
                path,
                (
                    f"Another version of this ICB's constitution ({compared}) is the one compared: "
                    "this version is a draft, submitted, or earlier."
                ),
            )
        for constitution in self.constitutions:
            if constitution.path not in paired and constitution.path not in superseded:
                yield (
                    constitution.path,
                    ("No terms of reference of this ICB's partnership were checked with it."),
                )
        for partnership in self.partnerships:
            if partnership.path not in paired:
                yield (
                    partnership.path,
                    (
                        "No constitution of the ICB these terms of reference name was checked with "
                        "them."
                    ),
                )

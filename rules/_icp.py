"""Helpers for ICP rules: who the statutory parties are, and who appointed each member.

Terms of reference are often written up only as far as their published text goes: a
membership table, a list of councils without their types, a chair clause. These helpers keep
three answers apart, so that a rule can say "not stated" where the document is silent and a
breach only where it says something the Act forbids: yes, no, and not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from icslint.diagnostics import Loc
from icslint.models.icp import IcpTermsOfReference, Member
from icslint.vocabulary import acting_part, icp_appointer, names_body
from icslint.vocabulary import partnership_icb as is_icb

from ._support import RESPONSIBLE_TYPES, listed, normalise

# Council names that settle the question without a recorded type: every county council, London
# borough, royal borough, metropolitan borough or district, the City of London and the Isles of
# Scilly is a responsible local authority. No name settles the opposite: "City", "Borough" and
# "District" councils may be unitary, metropolitan or shire districts.
_RESPONSIBLE_BY_NAME = re.compile(
    r"\b(county council|london borough|royal borough|metropolitan (borough|district)|"
    r"city of london|common council|isles of scilly)\b"
)


def icb_name(doc: IcpTermsOfReference) -> str | None:
    return doc.icp.icb_name if doc.icp else None


def area_authorities(doc: IcpTermsOfReference) -> tuple[str, ...]:
    return doc.icp.area.local_authorities if doc.icp and doc.icp.area else ()


def council_type(doc: IcpTermsOfReference, name: str | None) -> str | None:
    """The type recorded under local_authorities for a council, if it is listed with one."""
    for council in doc.local_authorities:
        if normalise(council.name) == normalise(name):
            return council.type
    return None


def responsible(doc: IcpTermsOfReference, name: str) -> bool | None:
    """Whether a council is a responsible local authority: True, False, or None when neither its
    recorded type nor its name says."""
    kind = council_type(doc, name)
    if kind is not None:
        return kind in RESPONSIBLE_TYPES
    return True if _RESPONSIBLE_BY_NAME.search(normalise(name)) else None


def not_responsible(doc: IcpTermsOfReference, name: str) -> bool:
    """Whether the document records the council as one that is not a responsible authority."""
    return responsible(doc, name) is False


def area_councils(doc: IcpTermsOfReference) -> list[tuple[Loc, str]]:
    """Every council the document places in the partnership's area, once each, with where it
    is named: `icp.area.local_authorities` first, then `local_authorities`."""
    found: list[tuple[Loc, str]] = []
    seen: set[str] = set()
    named: Iterable[tuple[Loc, str]] = [
        *(
            (("icp", "area", "local_authorities", i), n)
            for i, n in enumerate(area_authorities(doc))
        ),
        *((("local_authorities", i), c.name) for i, c in enumerate(doc.local_authorities)),
    ]
    for loc, name in named:
        if normalise(name) not in seen:
            seen.add(normalise(name))
            found.append((loc, name))
    return found


def council_parties(doc: IcpTermsOfReference) -> list[tuple[int, str]]:
    """The establishing parties other than the ICB, with their index."""
    return [(i, p) for i, p in enumerate(doc.establishing_parties) if not is_icb(doc, p)]


def statutory_councils(doc: IcpTermsOfReference) -> list[tuple[Loc, str]]:
    """The councils that each appoint a member under s116ZA(2)(b), as far as the document says:
    the establishing councils (less any it records as a shire district) or, if it lists no
    establishing parties, the councils of its area that are known to be responsible."""
    if doc.establishing_parties:
        return [
            (("establishing_parties", i), name)
            for i, name in council_parties(doc)
            if not not_responsible(doc, name)
        ]
    return [(loc, name) for loc, name in area_councils(doc) if responsible(doc, name)]


# --- who appointed each member, and how many members each entry is --------------------------


def appointers(doc: IcpTermsOfReference) -> list[str | None]:
    """Who appointed each member, in the order of `members`: "icb", "icp", "la:<council>" or
    None where the document does not say (icslint.vocabulary.icp_appointer)."""
    return [icp_appointer(doc, member.appointed_by) for member in doc.members]


def council_of(key: str | None) -> str | None:
    """The council in an appointer key ("la:Wessex County Council"), if a council appointed."""
    return key[3:] if key is not None and key.startswith("la:") else None


@dataclass(frozen=True)
class Size:
    """How many members a `members` entry stands for, as far as the document says."""

    least: int
    """The members the entry certainly stands for: its count, its least count, or one."""
    exact: bool
    """Whether `least` is the number (false for "at least 2", "unknown" and a membership given
    by reference without a count)."""


def size(member: Member) -> Size:
    """An entry with no `count` is one member, unless it gives its members by reference (then
    at least one, number unknown)."""
    count = member.count
    if count is not None and count.least is not None:
        return Size(count.least, count.exact)
    if count is not None or member.by_reference:
        return Size(1, False)
    return Size(1, True)


def how_many(member: Member) -> str:
    """What an entry that is not one member stands for, as the document gives it: "2
    members", "at least 2 members", or the members given by reference."""
    count = member.count
    if count is not None and count.least is not None:
        return f"{count} members"
    if member.by_reference:
        return (
            f'the members given by reference as "{member.by_reference}", and the terms of '
            "reference do not say how many members that is"
        )
    return "a number of members the terms of reference do not give (count: unknown)"


def _labels(member: Member) -> set[str]:
    """The ways a document may name a member's seat when it names it as a substitute."""
    title = normalise(member.seat_title)
    labels = {title}
    if member.organisation:
        organisation = normalise(member.organisation)
        labels |= {f"{title} {organisation}", f"{title} of {organisation}"}
    return labels


def substitute_entries(doc: IcpTermsOfReference) -> dict[int, int]:
    """Entries that are another member's named substitute, listed as a seat of their own, with
    the index of the member each stands in for.

    A named substitute acts in a member's place: it is not a further member, so it is not a
    second appointee of the ICB or of a council (ICP004, ICP005) and does not add to the
    voting members (ICP007) or to the partnership's size (ICP038). An entry counts as the
    substitute only where its appointer is the member's own (a council's substitute counts
    for that council's one seat).
    """
    keys = appointers(doc)
    found: dict[int, int] = {}
    for index, member in enumerate(doc.members):
        if not member.substitute or index in found:
            # A substitute's own substitute stands in for the member, not beside them.
            continue
        wanted = normalise(member.substitute)
        for other, entry in enumerate(doc.members):
            if (
                other != index
                and other not in found
                and wanted in _labels(entry)
                and keys[other] == keys[index]
            ):
                found[other] = index
    return found


def partly_within(doc: IcpTermsOfReference, name: str) -> bool:
    """Whether the document records that only part of the council's area lies in the area."""
    return any(
        council.partly_within is True and normalise(council.name) == normalise(name)
        for council in doc.local_authorities
    )


def member_name(member: Member) -> str:
    where = f", {member.organisation}" if member.organisation else ""
    return f'"{member.seat_title}{where}"'


def parties_missing_from(doc: IcpTermsOfReference, names: Iterable[str]) -> list[str]:
    """The establishing parties not named in `names` (the ICB matches "ICB" or its name).

    A council the document records as a shire district is left out: it should not be a party
    at all (ICP003), so it is owed no part in approving, choosing or receiving anything.
    """
    names = tuple(names)
    named = {normalise(acting_part(name)) for name in names}
    icb_named = any(is_icb(doc, name) for name in names)
    # "The local authorities" (jointly, or each) names every establishing council at once.
    councils_named = any(names_body(name, "the local authorities") for name in names)
    missing = []
    for party in doc.establishing_parties:
        if is_icb(doc, party):
            if not icb_named:
                missing.append(party)
        elif (
            not councils_named
            and normalise(acting_part(party)) not in named
            and not not_responsible(doc, party)
        ):
            missing.append(party)
    return missing


__all__ = ["listed"]

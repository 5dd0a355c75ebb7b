"""Helpers for ICP rules: who the statutory parties are, and who appointed each member."""

from __future__ import annotations

from icslint.models.icp import IcpTermsOfReference, Member

from ._support import normalise

# LGPIHA 2007 s103: county councils, district councils with no county council above them
# (unitary and metropolitan districts), London boroughs, the Isles of Scilly and the City of
# London. A shire district in a two-tier area is not a responsible local authority.
RESPONSIBLE_TYPES = {
    "county",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "city_of_london",
    "isles_of_scilly",
}


def icb_name(doc: IcpTermsOfReference) -> str | None:
    return doc.icp.icb_name if doc.icp else None


def area_authorities(doc: IcpTermsOfReference) -> tuple[str, ...]:
    return doc.icp.area.local_authorities if doc.icp and doc.icp.area else ()


def is_responsible(doc: IcpTermsOfReference, name: str) -> bool:
    """Whether a council is a responsible local authority; unknown types count as responsible."""
    for council in doc.local_authorities:
        if normalise(council.name) == normalise(name):
            return council.type is None or council.type in RESPONSIBLE_TYPES
    return True


def is_icb(doc: IcpTermsOfReference, party: str) -> bool:
    name = icb_name(doc)
    return normalise(party) in {"icb", normalise(name)} if name else normalise(party) == "icb"


def council_parties(doc: IcpTermsOfReference) -> list[tuple[int, str]]:
    """The establishing parties other than the ICB, with their index."""
    return [(i, p) for i, p in enumerate(doc.establishing_parties) if not is_icb(doc, p)]


def appointing_council(member: Member) -> str | None:
    """The council named in `appointed_by: la:<name>`, if any."""
    if member.appointed_by and member.appointed_by.startswith("la:"):
        return member.appointed_by[3:].strip()
    return None


def member_name(member: Member) -> str:
    where = f", {member.organisation}" if member.organisation else ""
    return f'"{member.seat_title}{where}"'

"""Catalogue section P: establishing the ICP and its statutory membership (LGPIHA 2007 s116ZA)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._icp import (
    appointing_council,
    area_authorities,
    council_parties,
    icb_name,
    is_icb,
    is_responsible,
    member_name,
)
from ._support import normalise, s116za

ICP = "icp-terms-of-reference"


@rule(
    code="ICP001",
    slug="icp-establishing-parties",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116za("(1)")],
)
def icp_establishing_parties(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP is established by the ICB together with every responsible local authority.

    Requirement: The integrated care board and each responsible local authority whose area
    coincides with, or falls wholly or partly within, the ICB's area must together establish
    the integrated care partnership for that area.
    Why: The ICP is their joint committee; a council left out has not joined in establishing
    it and has no statutory seat.
    Fix: List the ICB and every responsible council of the area under
    `establishing_parties` (the councils as named in `icp.area.local_authorities`).
    Source: LGPIHA 2007 section 116ZA(1) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]); "responsible local authority" from section 103 (S06, [V]).
    """
    parties = doc.establishing_parties
    if not parties:
        yield Finding(
            ("establishing_parties",),
            "The terms of reference do not say who established the partnership. The ICB and "
            "each responsible local authority for the area must establish it together; list "
            "them under establishing_parties.",
        )
        return
    if not any(is_icb(doc, party) for party in parties):
        name = icb_name(doc) or "the ICB"
        yield Finding(
            ("establishing_parties",),
            f"{name} is not among the establishing parties. The partnership is established by "
            "the ICB together with the local authorities; add the ICB to establishing_parties "
            "(using the name given in icp.icb_name).",
        )
    named = {normalise(party) for party in parties}
    for index, council in enumerate(area_authorities(doc)):
        if is_responsible(doc, council) and normalise(council) not in named:
            yield Finding(
                ("icp", "area", "local_authorities", index),
                f"{council} is a responsible local authority for the area but is not among the "
                "establishing parties. Every such council must join in establishing the "
                "partnership; add it to establishing_parties.",
            )


@rule(
    code="ICP004",
    slug="icb-appointed-member",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116za("(2)(a)")],
)
def icb_appointed_member(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has exactly one member appointed by the ICB.

    Requirement: The partnership includes one member appointed by the integrated care board
    (limb (a) of section 116ZA(2)).
    Why: The ICB's statutory seat is single; other NHS members sit as the partnership's own
    appointees under limb (c), which keeps the statutory balance with local government.
    Fix: Mark one member `appointed_by: icb` and `statutory_limb: a`; give any other ICB
    people `appointed_by: icp` and `statutory_limb: c`.
    Source: LGPIHA 2007 section 116ZA(2)(a) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]).
    """
    limb_a = [
        (i, m)
        for i, m in enumerate(doc.members)
        if m.appointed_by == "icb" or m.statutory_limb == "a"
    ]
    proper = [(i, m) for i, m in limb_a if m.appointed_by == "icb" and m.statutory_limb == "a"]
    for index, member in limb_a:
        if member.appointed_by != "icb":
            yield Finding(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} sits under limb (a), which is the ICB's own "
                "appointee, but is not appointed by the ICB. Set appointed_by: icb, or move "
                "the member to the limb that matches who appoints them.",
            )
        elif member.statutory_limb != "a":
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} is appointed by the ICB but not under limb (a). "
                "The ICB appoints exactly one member, under limb (a); set statutory_limb: a, or "
                "if this is an extra NHS member, make them the partnership's appointee "
                "(appointed_by: icp, statutory_limb: c).",
            )
    if not proper:
        yield Finding(
            ("members",),
            "No member is appointed by the ICB. The partnership must include one member "
            "appointed by the ICB; mark that member appointed_by: icb and statutory_limb: a.",
        )
    for index, member in proper[1:]:
        yield Finding(
            ("members", index),
            f"Member {member_name(member)} is a second ICB appointee. The ICB appoints one "
            "member; other ICB members are appointed by the partnership (appointed_by: icp, "
            "statutory_limb: c).",
        )


@rule(
    code="ICP005",
    slug="local-authority-appointed-members",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116za("(2)(b)")],
)
def local_authority_appointed_members(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP has one member appointed by each responsible local authority.

    Requirement: The partnership includes one member appointed by each of the responsible
    local authorities that established it (limb (b) of section 116ZA(2)).
    Why: Each council's seat is its statutory voice in the partnership; a missing seat, or a
    council with two, upsets the equal partnership the Act sets up.
    Fix: For each council in `establishing_parties`, mark exactly one member
    `appointed_by: la:<council name>` and `statutory_limb: b`.
    Source: LGPIHA 2007 section 116ZA(2)(b) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]).
    """
    councils = {normalise(name): (index, name) for index, name in council_parties(doc)}
    seen: set[str] = set()
    for index, member in enumerate(doc.members):
        council = appointing_council(member)
        if council is None:
            if member.statutory_limb == "b":
                yield Finding(
                    ("members", index, "appointed_by"),
                    f"Member {member_name(member)} sits under limb (b), which is a local "
                    "authority's appointee, but no council appoints them. Set appointed_by: "
                    "la:<council name>.",
                )
            continue
        key = normalise(council)
        if member.statutory_limb != "b":
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} is appointed by {council} but not under limb (b). "
                "A council's appointee sits under limb (b); set statutory_limb: b. (Members "
                "from district councils are appointed by the partnership: appointed_by: icp, "
                "statutory_limb: c.)",
            )
        elif key not in councils:
            yield Finding(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} is appointed by {council}, which is not one of "
                "the establishing local authorities. Only the responsible local authorities "
                "that established the partnership appoint limb (b) members; check the "
                "council's name or add it to establishing_parties.",
            )
        elif key in seen:
            yield Finding(
                ("members", index),
                f"{council} appoints more than one member. Each responsible local authority "
                "appoints one; make the others the partnership's appointees (appointed_by: "
                "icp, statutory_limb: c).",
            )
        else:
            seen.add(key)
    for key, (index, name) in councils.items():
        if key not in seen:
            yield Finding(
                ("establishing_parties", index),
                f"{name} has no member of its own on the partnership. Each responsible local "
                f"authority appoints one member: add a member with appointed_by: la:{name} and "
                "statutory_limb: b.",
            )


@rule(
    code="ICP006",
    slug="partnership-appointed-members",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116za("(2)(c)")],
)
def partnership_appointed_members(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """Every other member is appointed by the ICP itself.

    Requirement: Apart from the ICB's appointee and one appointee of each responsible local
    authority, the members of the partnership are those the partnership appoints (limb (c)
    of section 116ZA(2)).
    Why: The statutory members cannot be added to by any other route; district councils,
    providers, the voluntary sector and others join by the partnership's own decision.
    Fix: Give every other member `appointed_by: icp` and `statutory_limb: c`.
    Source: LGPIHA 2007 section 116ZA(2)(c) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]). The Act sets no minimum and does not require the terms of
    reference to describe how the partnership appoints; this rule checks only the appointer.
    """
    for index, member in enumerate(doc.members):
        if member.statutory_limb in ("a", "b") or member.appointed_by == "icb":
            continue  # limbs (a) and (b) are checked by ICP004 and ICP005
        if appointing_council(member) is not None:
            continue
        if member.appointed_by != "icp":
            yield Finding(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} does not say who appoints them. Members other "
                "than the ICB's and the councils' appointees are appointed by the partnership: "
                "set appointed_by: icp and statutory_limb: c.",
            )
        elif member.statutory_limb != "c":
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} is appointed by the partnership but their "
                "statutory limb is not stated. Set statutory_limb: c.",
            )


@rule(
    code="ICP007",
    slug="icp-quorum",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[s116za("(3)")],
)
def icp_quorum(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference should state a quorum the partnership can meet.

    Requirement: The partnership may decide its own procedure, including its quorum. A
    terms of reference that uses this power should state the quorum, and the quorum must be
    one the membership can meet.
    Why: Without a stated quorum, or with one larger than the membership, no one can tell
    whether a meeting's decisions stand.
    Fix: Set `procedure.quorum.min_members` (or `rule_text`), no larger than the number of
    voting members.
    Source: LGPIHA 2007 section 116ZA(3) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]). It is a power, not a duty, so the rule is a warning.
    """
    quorum = doc.procedure.quorum if doc.procedure else None
    if quorum is None or (quorum.min_members is None and not quorum.rule_text):
        yield Finding(
            ("procedure", "quorum"),
            "The terms of reference do not state a quorum. The partnership sets its own "
            "procedure; state how many members, and which, must be present "
            "(procedure.quorum.min_members or rule_text).",
        )
        return
    voting = sum(1 for member in doc.members if member.voting)
    if quorum.min_members is not None and doc.members and quorum.min_members > voting:
        yield Finding(
            ("procedure", "quorum", "min_members"),
            f"The quorum is {quorum.min_members} members but the partnership has only {voting} "
            "voting members, so no meeting could ever be quorate. Lower the quorum.",
        )

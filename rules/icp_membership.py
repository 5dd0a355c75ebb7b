"""Establishing the ICP and its statutory membership (LGPIHA 2007 s116ZA).

No statute says what an ICP's terms of reference must contain: section 116ZA puts duties on
the ICB and the councils, and says who the members are. So every rule here is
`requires="conduct"`: terms of reference that are silent are "not stated". But terms of
reference that list the establishing parties, or the members and who appoints them, and list
them in a way the Act does not allow (a responsible council left out, a district council as a
party, two members appointed by the ICB) contradict the Act, and that is a breach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.icp import IcpTermsOfReference, Member
from icslint.registry import NoOptions, rule

from ._icp import (
    appointers,
    area_councils,
    council_of,
    council_parties,
    how_many,
    icb_name,
    is_icb,
    listed,
    member_name,
    not_responsible,
    parties_missing_from,
    partly_within,
    responsible,
    size,
    statutory_councils,
    substitute_entries,
)
from ._support import LGPIHA_2007, normalise, s116za, secondary

ICP = "icp-terms-of-reference"
Check = Iterator[Finding | NotApplicable]

S103 = Citation(
    LGPIHA_2007, "section 103", "https://www.legislation.gov.uk/ukpga/2007/28/part/5/chapter/1"
)
ICP_ED_URL = (
    "https://www.gov.uk/government/publications/integrated-care-partnership-icp-engagement-"
    "document/integrated-care-partnership-icp-engagement-document-integrated-care-system-ics-"
    "implementation"
)
ICP_ED = (
    "DHSC, NHS England and NHS Improvement and the LGA, Integrated care partnership (ICP) "
    "engagement document (September 2021)"
)
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, Integrated Care Systems: design framework (June 2021), "
    "as extracted in Annex A of the ICP engagement document"
)
BOUNDARY_PROCEDURE = secondary(
    "NHS England, Integrated care system boundary changes and mergers procedure",
    "paragraph 1.1 (the ICP is formed with all upper-tier local authorities in the area)",
    "https://www.england.nhs.uk/long-read/integrated-care-system-boundary-changes-and-mergers-procedure/",
)
MEMBERS = ("members",)

# Words in a seat title that show it may hold more than one member: "Elected members (at
# least two)", "Up to three VCSE representatives".
_SEVERAL = re.compile(
    r"\b(at least|up to|two|three|four|five|six|\d+|members|representatives|councillors|"
    r"leaders|directors|chairs|officers|nominees|executives)\b",
    re.IGNORECASE,
)

# What each limb of s116ZA(2) is, for messages.
LIMB = {
    "a": "the ICB's own appointee",
    "b": "a responsible local authority's appointee",
    "c": "the partnership's own appointee",
}


def _undecided(member: Member) -> bool:
    """A member whose appointer the document does not give, and who may therefore be the
    ICB's or a council's appointee: no appointed_by, and no limb, or limb (b) without a
    council."""
    return member.appointed_by is None and member.statutory_limb in (None, "b")


@rule(
    code="ICP001",
    slug="icp-establishing-parties",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(1)")],
)
def icp_establishing_parties(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP is established by the ICB together with every responsible local authority.

    Requirement: The integrated care board and each responsible local authority whose area
    coincides with, or falls wholly or partly within, the ICB's area must together establish
    the integrated care partnership for that area.
    Provision: Section 116ZA(1): "An integrated care board and each responsible local
    authority whose area coincides with or falls wholly or partly within the board's area
    must establish a joint committee". The duty is on the ICB and the councils, and no
    statute says what terms of reference contain, so terms of reference that do not list the
    establishing parties are "not stated"; a list that leaves out the ICB or a responsible
    council of the area contradicts the Act and is a breach.
    Why: The ICP is their joint committee; a council left out has not joined in establishing
    it and has no statutory seat.
    Fix: List the ICB and every responsible council of the area under
    `establishing_parties`. Give each council of the area its `type` under
    `local_authorities`, so that icslint can tell which councils must be parties. A council
    only part of whose area lies within the ICB's is a party all the same; record
    `partly_within: true` for it under `local_authorities`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(1), in force from 1 July 2022); the meaning
    of "responsible local authority" read in section 103 of the same Act. A council of the
    area that is not a party, and whose type is neither recorded nor plain from its name (as
    it is for a county council, a London or royal borough or a metropolitan borough), is
    reported as not stated, not as a breach.
    """
    parties = doc.establishing_parties
    if not parties:
        yield Missing(
            ("establishing_parties",),
            "The terms of reference do not say who established the partnership. Section "
            "116ZA(1) requires the ICB and each responsible local authority for the area to "
            "establish it together. If the terms of reference name them, list them under "
            "establishing_parties.",
        )
        return
    if not any(is_icb(doc, party) for party in parties):
        name = icb_name(doc) or "The ICB"
        yield Contradiction(
            ("establishing_parties",),
            f"{name} is not among the establishing parties the terms of reference list. "
            "Section 116ZA(1) requires the ICB to establish the partnership together with the "
            "local authorities; add the ICB to establishing_parties (under the name given in "
            "icp.icb_name).",
        )
    named = {normalise(party) for party in parties}
    for loc, council in area_councils(doc):
        if normalise(council) in named:
            continue
        status = responsible(doc, council)
        # A council only part of whose area lies in the ICB's is one of its councils all the
        # same (section 116ZA(1): "wholly or partly within"); the message says where it lies.
        partly = partly_within(doc, council)
        if status is True:
            where = (
                "part of whose area lies within the partnership's area"
                if partly
                else "for the partnership's area"
            )
            yield Contradiction(
                loc,
                f"{council} is a responsible local authority {where}, but it is not among "
                "the establishing parties the terms of reference list. Section 116ZA(1) "
                "requires every responsible local authority whose area coincides with or falls "
                "wholly or partly within the ICB's area to join in establishing the "
                "partnership; add it to establishing_parties.",
            )
        elif status is None and partly:
            yield Missing(
                loc,
                f"{council} has part of its area within the partnership's area but is not "
                "among the establishing parties, and the terms of reference do not say what "
                "kind of council it is. If it is a county or unitary council, a metropolitan "
                "district, a London borough, the City of London or the Isles of Scilly, section "
                "116ZA(1) requires it to join in establishing the partnership, though only part "
                "of its area lies within the ICB's; a district council in a two-tier area does "
                f"not. Give its type under local_authorities (name: {council}).",
            )
        elif status is None:
            yield Missing(
                loc,
                f"{council} is in the partnership's area but not among the establishing "
                "parties, and the terms of reference do not say what kind of council it is. "
                "If it is a county or unitary council, a metropolitan district, a London "
                "borough, the City of London or the Isles of Scilly, section 116ZA(1) requires "
                "it to join in establishing the partnership; a district council in a two-tier "
                f"area does not. Give its type under local_authorities (name: {council}).",
            )


@rule(
    code="ICP002",
    slug="icp-joint-committee",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[
        s116za("(1)"),
        secondary(
            DESIGN_FRAMEWORK,
            "The ICS Partnership (pages 8 to 11): a committee, not a corporate body",
            ICP_ED_URL,
        ),
    ],
)
def icp_joint_committee(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP is a joint committee of the ICB and the local authorities, not a separate body.

    Requirement: The integrated care partnership is the joint committee that the ICB and the
    responsible local authorities establish. It is not a body corporate or any other kind of
    body.
    Provision: Section 116ZA(1): the ICB and the councils "must establish a joint committee
    for the board's area (an "integrated care partnership")". The Act says what the
    partnership is, not what its terms of reference say about it, so terms of reference that
    do not describe its legal form are "not stated"; terms of reference that describe it as a
    body corporate or another kind of body contradict the Act and are in breach.
    Why: A joint committee has no legal personality of its own: it cannot employ staff, hold
    contracts or take on its members' functions. Terms of reference that treat it as a
    separate body misdescribe where accountability sits.
    Fix: Describe the partnership as the joint committee of the ICB and the councils and set
    `icp.legal_form: joint_committee`; staff and contracts stay with the member bodies.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(1)). The gloss "a committee, rather than a
    corporate body" is from the ICS design framework (June 2021) as extracted in Annex A of
    the ICP engagement document (DHSC, NHS England and NHS Improvement and the LGA, September
    2021), read on gov.uk.
    """
    form = doc.icp.legal_form if doc.icp else None
    if form is None:
        yield Missing(
            ("icp", "legal_form"),
            "The terms of reference do not say what kind of body the partnership is. Under "
            "section 116ZA(1) it is a joint committee of the ICB and the responsible local "
            "authorities. If the terms of reference say so, set icp.legal_form: "
            "joint_committee.",
        )
    elif form != "joint_committee":
        described = "a body corporate" if form == "body_corporate" else "a body of another kind"
        yield Contradiction(
            ("icp", "legal_form"),
            f"The terms of reference describe the partnership as {described}, not a joint "
            "committee. Under section 116ZA(1) it is the joint committee of the ICB and the "
            "responsible local authorities, with no legal personality of its own; describe it "
            "so and set icp.legal_form: joint_committee.",
        )


HCA_2022_S26 = Citation(
    "Health and Care Act 2022",
    "section 26(4) (inserts sections 116ZA and 116ZB into the 2007 Act)",
    "https://www.legislation.gov.uk/ukpga/2022/31/section/26",
)
# A section number as the document cites it: "section 75", "s.75", "s116ZA".
_SECTION = re.compile(r"\b(?:section|sections|s|ss)\s*(\d+[a-z]*)\b")


def cites_s116za(basis: str) -> bool:
    """Whether a statutory basis, as written, cites section 116ZA of the 2007 Act: in so many
    words, or as section 26 of the Health and Care Act 2022 that inserted it, or as the 2007
    Act (or the 2022 Act) with no other section."""
    text = normalise(basis)
    if "116za" in text.replace(" ", ""):
        return True
    sections = _SECTION.findall(text)
    if "health and care act 2022" in text and (not sections or "26" in sections):
        return True
    names_2007_act = "public involvement in health act 2007" in text or "lgpiha" in text
    return names_2007_act and not sections


@rule(
    code="ICP020",
    slug="icp-statutory-basis",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(1)"), HCA_2022_S26],
)
def icp_statutory_basis(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference cite section 116ZA of the 2007 Act as the partnership's basis.

    Requirement: The integrated care partnership is the joint committee that the ICB and the
    responsible local authorities must establish under section 116ZA of the Local Government
    and Public Involvement in Health Act 2007 (inserted by section 26 of the Health and Care
    Act 2022). Terms of reference that cite a statutory basis should cite that one.
    Provision: Section 116ZA(1): the ICB and each responsible local authority "must establish
    a joint committee for the board's area (an "integrated care partnership")". The Act
    does not require terms of reference to cite it, so terms of reference that give no
    statutory basis are "not stated"; terms of reference that give another provision as the
    basis (section 75 of the National Health Service Act 2006, the Health and Social Care Act
    2012, or any other) misstate it and are in breach. Citing section 26 of the Health and
    Care Act 2022, which inserted section 116ZA, or the 2007 Act with no section, passes.
    The partnership's own name is a local choice ("Health and Care Partnership", "Health and
    Wellbeing Partnership") and is not checked.
    Why: The basis decides what the partnership is and does: a joint committee with the
    statutory duty to prepare the integrated care strategy (section 116ZB), not a section 75
    partnership arrangement or a health and wellbeing board under the 2012 Act. Citing the
    wrong provision misleads readers about its powers and duties.
    Fix: Cite section 116ZA of the Local Government and Public Involvement in Health Act 2007
    as the basis, and set `icp.statutory_basis` to say so.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(1)), and in section 26(4) of the Health and
    Care Act 2022 on legislation.gov.uk, which inserts it. The rule reads the citation's
    words; it recognises section 116ZA however written ("s.116ZA", "section 116ZA of the
    2007 Act"). A misstated basis does not by itself breach the Act, so the rule is a
    warning.
    """
    basis = doc.icp.statutory_basis if doc.icp else None
    if not basis:
        yield Missing(
            ("icp", "statutory_basis"),
            "The terms of reference do not say under what provision the partnership is "
            "established. It is the joint committee the ICB and the responsible local "
            "authorities establish under section 116ZA of the Local Government and Public "
            "Involvement in Health Act 2007; if the terms of reference cite it, set "
            "icp.statutory_basis.",
        )
    elif not cites_s116za(basis):
        yield Contradiction(
            ("icp", "statutory_basis"),
            f'The terms of reference give the partnership\'s statutory basis as "{basis}". '
            "An integrated care partnership is the joint committee the ICB and the "
            "responsible local authorities establish under section 116ZA of the Local "
            "Government and Public Involvement in Health Act 2007 (inserted by section 26 of "
            "the Health and Care Act 2022); cite that section as its basis.",
        )


@rule(
    code="ICP003",
    slug="responsible-local-authorities-only",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[S103, s116za("(1)-(2)"), BOUNDARY_PROCEDURE],
)
def responsible_local_authorities_only(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """Only responsible local authorities establish the ICP or appoint its limb (b) members.

    Requirement: The councils that establish the partnership, and that each appoint a member
    under limb (b) of section 116ZA(2), are the responsible local authorities: county
    councils, district councils where there is no county council (unitary and metropolitan
    districts), London boroughs, the Council of the Isles of Scilly and the Common Council of
    the City of London. A district council in a two-tier county is not one.
    Provision: Section 116ZA(1) and (2)(b): "each responsible local authority" establishes
    the partnership and "one member appointed by each of the responsible local authorities"
    sits on it; section 103 defines "responsible local authority". Terms of reference need
    not list the parties at all, so this rule says nothing of silence; terms of reference
    that make a district council in a two-tier area a party, or give it a limb (b) member,
    contradict the Act and are in breach.
    Why: A shire district given a statutory seat upsets the balance the Act sets between the
    ICB and the councils with social care and public health duties. District councils are
    welcome, but as members the partnership appoints under limb (c).
    Fix: Remove the district council from `establishing_parties`, and give its member
    `appointed_by: icp` and `statutory_limb: c`. Check that each council in
    `local_authorities` has the right `type`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 103, which applies "for the purposes of this
    Chapter", the chapter of sections 116ZA and 116ZB; and section 116ZA(1) and (2)). NHS
    England's boundary procedure, paragraph 1.1 ("all upper-tier local authorities"), is
    cited as a secondary source. A council whose type is not recorded is not reported.
    """
    for index, party in enumerate(doc.establishing_parties):
        if not is_icb(doc, party) and not_responsible(doc, party):
            yield Contradiction(
                ("establishing_parties", index),
                f"{party} is listed as an establishing party, but the terms of reference record "
                "it as a district council in a two-tier area, which is not a responsible local "
                "authority (section 103), so under section 116ZA(1) it does not establish the "
                "partnership. Remove it from establishing_parties; it may join as a member the "
                "partnership appoints (limb c).",
            )
    for index, (member, key) in enumerate(zip(doc.members, appointers(doc), strict=True)):
        council = council_of(key)
        if council and member.statutory_limb in ("b", None) and not_responsible(doc, council):
            yield Contradiction(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} is appointed by {council}, which the terms of "
                "reference record as a district council in a two-tier area. Only responsible "
                "local authorities appoint members under section 116ZA(2)(b); make this member "
                "the partnership's appointee (appointed_by: icp, statutory_limb: c).",
            )


@rule(
    code="ICP004",
    slug="icb-appointed-member",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(2)(a)")],
)
def icb_appointed_member(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has exactly one member appointed by the ICB.

    Requirement: The partnership includes one member appointed by the integrated care board
    (limb (a) of section 116ZA(2)); other NHS members are appointed by the partnership.
    Provision: Section 116ZA(2): the partnership "is to consist of— (a) one member appointed
    by the integrated care board". The Act says who the members are, not what terms of
    reference say, so terms of reference that do not show who the ICB appoints are "not
    stated"; terms of reference whose membership has the ICB appoint two or more members, or
    none, contradict the Act and are in breach.
    An entry that stands for several members (`count: 2` or "at least 2") appointed by the
    ICB is a breach; one that gives its members by reference ("all voting members of the ICB
    board") with no number is at least one member, so the ICB has its appointee, and whether
    it has more than one is not stated. A named substitute stands in the member's place and
    is not a further appointee.
    Why: The ICB's statutory seat is single; other NHS members sit as the partnership's own
    appointees under limb (c), which keeps the statutory balance with local government.
    Fix: Mark one member `appointed_by: icb` (or the ICB's name) and `statutory_limb: a`;
    give any other ICB people `appointed_by: icp` and `statutory_limb: c` (the ICB may
    nominate them).
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(2)(a)).
    """
    members = doc.members
    if not members:
        yield Missing(
            MEMBERS,
            "The terms of reference do not list the partnership's members. Section "
            "116ZA(2)(a) gives the ICB one member of its own appointment. If the terms of "
            "reference list the members, add them, marking the ICB's appointee appointed_by: "
            "icb and statutory_limb: a.",
        )
        return
    keys = appointers(doc)
    substitutes = substitute_entries(doc)
    for index, member in enumerate(members):
        key = keys[index]
        if member.statutory_limb == "a" and key not in (None, "icb"):
            who = "the partnership" if key == "icp" else (council_of(key) or "a council")
            yield Contradiction(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} is shown under limb (a), which is the ICB's own "
                f"appointee, but as appointed by {who}. Section 116ZA(2)(a) is the ICB's "
                "appointee only; set appointed_by: icb, or put the member under the limb that "
                "matches who appoints them.",
            )
    appointees = [
        (i, m)
        for i, m in enumerate(members)
        # A named substitute listed as a seat of its own stands in the ICB's member's place.
        if i not in substitutes
        and (keys[i] == "icb" or (keys[i] is None and m.statutory_limb == "a"))
    ]
    # The ICB's one seat is the member shown under limb (a), if there is one.
    appointees.sort(key=lambda pair: pair[1].statutory_limb != "a")
    if appointees:
        first_index, first = appointees[0]
        if first.statutory_limb in ("b", "c"):
            yield Contradiction(
                ("members", first_index, "statutory_limb"),
                f"Member {member_name(first)} is appointed by the ICB but shown under limb "
                f"({first.statutory_limb}), which is {LIMB[first.statutory_limb]}. The ICB's "
                "member sits under limb (a) of section 116ZA(2); set statutory_limb: a.",
            )
        for index, member in appointees[1:]:
            further = (
                f"stands for {how_many(member)} appointed by the ICB"
                if size(member).least > 1
                else "is a further member appointed by the ICB"
            )
            yield Contradiction(
                ("members", index),
                f"Member {member_name(member)} {further}, besides "
                f"{member_name(first)}. Section 116ZA(2)(a) gives the ICB one appointee; the "
                "partnership appoints any other NHS members (appointed_by: icp, "
                "statutory_limb: c), on the ICB's nomination if it wishes.",
            )
        seat = size(first)
        if seat.least > 1:
            yield Contradiction(
                ("members", first_index, "count"),
                f"Member {member_name(first)} stands for {how_many(first)}, all appointed by "
                "the ICB. Section 116ZA(2)(a) gives the ICB one appointee; list that member on "
                "their own, and make the others the partnership's appointees (appointed_by: "
                "icp, statutory_limb: c), on the ICB's nomination if it wishes.",
            )
        elif not seat.exact and len(appointees) == 1:
            # "All voting members of the ICB board", count unknown: at least one member, so
            # the ICB has its appointee; whether it has more than one the document does not say.
            yield Unknown(
                ("members", first_index, "count" if first.count else "by_reference"),
                f"Member {member_name(first)} is appointed by the ICB and stands for "
                f"{how_many(first)}. Section 116ZA(2)(a) gives the ICB one appointee. If the "
                "entry is one member, set count: 1; if it is more, list the ICB's appointee on "
                "their own and make the others the partnership's appointees (appointed_by: icp, "
                "statutory_limb: c).",
            )
        return
    if any(_undecided(member) for member in members):
        yield Missing(
            MEMBERS,
            "The terms of reference do not say which member the ICB appoints. Section "
            "116ZA(2)(a) gives the ICB one member of its own appointment. If they say, mark "
            "that member appointed_by: icb and statutory_limb: a.",
        )
    else:
        yield Contradiction(
            MEMBERS,
            "None of the members the terms of reference list is appointed by the ICB: each is "
            "shown as appointed by the partnership or by a council. Section 116ZA(2)(a) "
            "requires the partnership to include one member appointed by the ICB; add that "
            "member (appointed_by: icb, statutory_limb: a).",
        )


@rule(
    code="ICP005",
    slug="local-authority-appointed-members",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(2)(b)")],
)
def local_authority_appointed_members(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has one member appointed by each responsible local authority.

    Requirement: The partnership includes one member appointed by each of the responsible
    local authorities that established it (limb (b) of section 116ZA(2)).
    Provision: Section 116ZA(2): the partnership "is to consist of— ... (b) one member
    appointed by each of the responsible local authorities". The Act says who the members
    are, not what terms of reference say, so terms of reference that do not show a council's
    appointee are "not stated"; a membership that gives a council two appointees, none, or
    gives one to a council that is not an establishing party, contradicts the Act and is in
    breach. An entry that stands for several members (`count: 2` or "at least 2") appointed
    by one council is a breach; one that gives its members by reference with no number is at
    least one member, and whether it is more than one is not stated. A council's member's
    named substitute stands in that member's place and counts for the council's one seat,
    whether given under `substitute` or listed as an entry of its own.
    Why: Each council's seat is its statutory voice in the partnership; a missing seat, or a
    council with two, upsets the equal partnership the Act sets up.
    Fix: For each council in `establishing_parties`, mark exactly one member
    `appointed_by: la:<council name>` (or the council's name) and `statutory_limb: b`.
    Further members from a council are the partnership's appointees (`appointed_by: icp`,
    `statutory_limb: c`).
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(2)(b)). Where the terms of reference list
    no establishing parties, the councils of the area known to be responsible authorities are
    used instead.
    """
    councils = statutory_councils(doc)
    members = doc.members
    if not members:
        if councils:
            yield Missing(
                MEMBERS,
                "The terms of reference do not list the partnership's members. Section "
                "116ZA(2)(b) gives each responsible local authority one member of its own "
                f"appointment ({listed([name for _, name in councils])}). If the terms of "
                "reference list the members, add them, marking each council's appointee "
                "appointed_by: la:<council name> and statutory_limb: b.",
            )
        return
    parties = {normalise(party) for _, party in council_parties(doc)}
    keys = appointers(doc)
    substitutes = substitute_entries(doc)
    seen: set[str] = set()
    # A council's only entry, where it gives its members by reference or with no number:
    # at least one member, so the council has its appointee, but perhaps more than one.
    unsure: dict[str, int] = {}
    for index, member in enumerate(members):
        council = council_of(keys[index])
        if council is None:
            if member.statutory_limb == "b" and keys[index] is None:
                yield Missing(
                    ("members", index, "appointed_by"),
                    f"Member {member_name(member)} is shown under limb (b), a council's "
                    "appointee, but the terms of reference do not say which council appoints "
                    "them. Set appointed_by: la:<council name>.",
                )
            elif member.statutory_limb == "b":
                who = "the ICB" if keys[index] == "icb" else "the partnership"
                yield Contradiction(
                    ("members", index, "statutory_limb"),
                    f"Member {member_name(member)} is shown under limb (b), a council's "
                    f"appointee, but as appointed by {who}. Section 116ZA(2)(b) is for the "
                    "councils' appointees only; put the member under the limb that matches who "
                    "appoints them.",
                )
            continue
        if not_responsible(doc, council):
            # A council the document records as not a responsible authority (a shire
            # district) appoints no member under limb (b): ICP003 and ICP053 report it.
            continue
        key = normalise(council)
        if member.statutory_limb in ("a", "c"):
            yield Contradiction(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} is appointed by {council} but shown under limb "
                f"({member.statutory_limb}), which is {LIMB[member.statutory_limb]}. A "
                "council's appointee sits under limb (b) of section 116ZA(2); set "
                "statutory_limb: b. (Further members from a council are appointed by the "
                "partnership: appointed_by: icp, statutory_limb: c.)",
            )
        elif doc.establishing_parties and key not in parties:
            yield Contradiction(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} is appointed by {council}, which is not one of "
                "the establishing local authorities the terms of reference list. Under section "
                "116ZA(2)(b) only the responsible local authorities appoint members; check the "
                "council's name, or add it to establishing_parties if it is one.",
            )
        elif index in substitutes:
            # The council's member's named substitute, listed as a seat of its own: it stands
            # in that member's place and counts for the council's one seat.
            continue
        elif key in seen:
            unsure.pop(key, None)
            yield Contradiction(
                ("members", index),
                f"{council} appoints more than one member in the terms of reference. Section "
                "116ZA(2)(b) gives each responsible local authority one appointee; make the "
                "others the partnership's appointees (appointed_by: icp, statutory_limb: c).",
            )
        else:
            seen.add(key)
            seat = size(member)
            if seat.least > 1:
                yield Contradiction(
                    ("members", index, "count"),
                    f"Member {member_name(member)} stands for {how_many(member)}, all "
                    f"appointed by {council}. Section 116ZA(2)(b) gives each responsible local "
                    "authority one appointee; list that member on their own, and make the "
                    "others the partnership's appointees (appointed_by: icp, statutory_limb: "
                    "c).",
                )
            elif not seat.exact:
                unsure[key] = index
    for index in unsure.values():
        member = members[index]
        council = council_of(keys[index])
        yield Unknown(
            ("members", index, "count" if member.count else "by_reference"),
            f"Member {member_name(member)} is appointed by {council} and stands for "
            f"{how_many(member)}. Section 116ZA(2)(b) gives each responsible local authority "
            "one appointee. If the entry is one member, set count: 1; if it is more, list the "
            "council's appointee on their own and make the others the partnership's "
            "appointees (appointed_by: icp, statutory_limb: c).",
        )
    undecided = any(_undecided(member) for member in members)
    for loc, name in councils:
        if normalise(name) in seen:
            continue
        if undecided:
            yield Missing(
                loc,
                f"The terms of reference do not show which member {name} appoints. Section "
                "116ZA(2)(b) gives each responsible local authority one member of its own "
                f"appointment. If they say, mark that member appointed_by: la:{name} and "
                "statutory_limb: b.",
            )
        else:
            yield Contradiction(
                loc,
                f"None of the members the terms of reference list is appointed by {name}: each "
                "is shown as appointed by the ICB, the partnership or another council. Section "
                "116ZA(2)(b) requires one member appointed by each responsible local "
                f"authority; add one with appointed_by: la:{name} and statutory_limb: b.",
            )


@rule(
    code="ICP006",
    slug="partnership-appointed-members",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(2)(c)")],
)
def partnership_appointed_members(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """Every other member is appointed by the ICP itself.

    Requirement: Apart from the ICB's appointee and one appointee of each responsible local
    authority, the members of the partnership are those the partnership appoints (limb (c)
    of section 116ZA(2)).
    Provision: Section 116ZA(2): the partnership "is to consist of— ... (c) any members
    appointed by the integrated care partnership". The Act sets no minimum and does not
    require terms of reference to say who appoints each member, so a member whose appointer
    is not given is "not stated". Members shown as appointed by the ICB or a council are
    checked by ICP004 and ICP005.
    Why: The statutory members cannot be added to by any other route; district councils,
    providers, the voluntary sector and others join by the partnership's own decision.
    Fix: Give every other member `appointed_by: icp` (or `statutory_limb: c`).
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(2)(c)).
    """
    members = doc.members
    if not members:
        yield NotApplicable("the terms of reference list no members")
        return
    silent = [
        index
        for index, member in enumerate(members)
        if member.appointed_by is None and member.statutory_limb is None
    ]
    if silent and len(silent) == len(members):
        yield Missing(
            MEMBERS,
            "The terms of reference do not say who appoints any of the members. Under section "
            "116ZA(2) the ICB appoints one, each responsible local authority one, and the "
            "partnership itself any others. If the terms of reference say, give each member "
            "appointed_by (icb, la:<council name> or icp).",
        )
        return
    for index in silent:
        yield Missing(
            ("members", index, "appointed_by"),
            f"The terms of reference do not say who appoints member "
            f"{member_name(members[index])}. Members other than the ICB's and the councils' "
            "appointees are appointed by the partnership under section 116ZA(2)(c); if so, set "
            "appointed_by: icp.",
        )


@rule(
    code="ICP007",
    slug="icp-quorum",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    until="health-bill-2026-icp-duty",
    citations=[s116za("(3)")],
)
def icp_quorum(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference state a quorum the partnership can meet.

    Requirement: The partnership may decide its own procedure, including its quorum. A
    quorum it sets must be one its membership can meet.
    Provision: Section 116ZA(3): "An integrated care partnership may determine its own
    procedure (including quorum)." A power of the partnership, not a requirement on its terms
    of reference, so terms of reference that state no quorum are "not stated"; a quorum
    larger than the voting members they list can never be met, and is a breach. Each entry
    counts as its `count` (2, or "at least 2"); an entry without one is one member, unless
    it gives its members by reference ("all voting members of the ICB board") or its title
    shows it may hold several ("Elected members"), when it is at least one. A named
    substitute, whether under `substitute` or listed as an entry of its own, stands in a
    member's place and adds no member. Where the entries give only the least the membership
    can be and the quorum is larger, the rule reports it as not stated.
    Why: Without a stated quorum, or with one larger than the membership, no one can tell
    whether a meeting's decisions stand.
    Fix: Set `procedure.quorum.min_members` (or `rule_text`), no larger than the number of
    voting members.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(3)). It is a power, not a duty, so the rule
    is a warning.
    """
    quorum = doc.procedure.quorum if doc.procedure else None
    if quorum is None or (quorum.min_members is None and not quorum.rule_text):
        yield Missing(
            ("procedure", "quorum"),
            "The terms of reference do not state a quorum. Section 116ZA(3) lets the "
            "partnership set its own procedure, including its quorum. If the terms of "
            "reference set one, state how many members, and which, must be present "
            "(procedure.quorum.min_members or rule_text).",
        )
        return
    if quorum.min_members is None or not doc.members:
        return
    substitutes = substitute_entries(doc)
    # A named substitute stands in a member's place, so it adds no member to the count.
    voting = [
        (index, member)
        for index, member in enumerate(doc.members)
        if member.voting and index not in substitutes
    ]
    seats = [size(member) for _, member in voting]
    least = sum(seat.least for seat in seats)
    if quorum.min_members <= least:
        return
    uncertain = [
        member
        for (_, member), seat in zip(voting, seats, strict=True)
        if not seat.exact or (member.count is None and _SEVERAL.search(member.seat_title))
    ]
    if uncertain:
        # "All voting members of the ICB board", "at least two", or a seat such as "Elected
        # members" with no count: the entries give only the least the membership can be, so
        # no number is printed and the question is left open.
        first = uncertain[0]
        holds = (
            how_many(first)
            if first.count is not None or first.by_reference
            else "a number of members its title does not give"
        )
        yield Unknown(
            ("procedure", "quorum", "min_members"),
            f"The quorum is {quorum.min_members} members, and the voting members the terms "
            f"of reference list may be fewer: member {member_name(first)} stands for {holds}, "
            "so it cannot be shown whether a meeting can be quorate. Give each entry's count, "
            "or list each member separately.",
        )
    else:
        members = "member" if least == 1 else "members"
        yield Contradiction(
            ("procedure", "quorum", "min_members"),
            f"The quorum is {quorum.min_members} members but the terms of reference list only "
            f"{least} voting {members}, so no meeting could be quorate. Lower the quorum, or "
            "list the members who make it up.",
        )


@rule(
    code="ICP008",
    slug="terms-approved-by-every-party",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        Citation(
            DESIGN_FRAMEWORK,
            "The ICS Partnership (pages 8 to 11), Establishment and membership",
            ICP_ED_URL,
        ),
        secondary(
            ICP_ED, "Principles of ICPs (NHS and local government as equal partners)", ICP_ED_URL
        ),
        s116za("(1)"),
    ],
)
def terms_approved_by_every_party(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """Every statutory party has approved the terms of reference.

    Requirement: The ICB and the local authorities set up the partnership together and agree
    between them its terms of reference, membership, ways of working and administration, as
    equal partners. So each establishing party should appear in `meta.approved_by`.
    Provision: ICS design framework, "Establishment and membership": the partnership "will
    be established locally and jointly by the relevant local authorities and the ICS NHS
    body ... with mutual agreement on its terms of reference". Guidance on how the parties
    agree, not on what terms of reference contain, so a party whose approval is not recorded
    is "not stated", never a breach.
    Why: Terms of reference that one statutory partner has not agreed do not bind it, and
    undermine the equal partnership between the NHS and local government.
    Fix: Obtain each party's approval and list the ICB and every council from
    `establishing_parties` under `meta.approved_by` (with `meta.approved_on`).
    Source: Read in the ICS design framework (June 2021), as extracted in Annex A
    ("Establishment and membership") of the ICP engagement document (DHSC, NHS England and NHS
    Improvement and the LGA, September 2021) on gov.uk, and in that document's "Principles of
    ICPs". Section 116ZA(1) of the 2007 Act makes the ICB and the councils the establishing
    parties; it says nothing about approving terms of reference, so this is guidance and only
    warns.
    """
    approved = doc.meta.approved_by if doc.meta else ()
    if not approved:
        yield Missing(
            ("meta", "approved_by"),
            "The terms of reference do not record who approved them. The ICB and the local "
            "authorities are expected to agree the partnership's terms of reference together, "
            "as equal partners. If the approvals are recorded, list each party under "
            "meta.approved_by.",
        )
        return
    missing = parties_missing_from(doc, approved)
    if missing:
        yield Missing(
            ("meta", "approved_by"),
            f"The terms of reference do not record approval by {listed(missing)}. The ICB and "
            "the local authorities are expected to agree the partnership's terms of reference "
            "together, as equal partners. If that approval was given, add it to "
            "meta.approved_by.",
        )


_MAX_REVIEW_MONTHS = 12


@rule(
    code="ICP009",
    slug="terms-amendment-and-review",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        secondary(
            "Gloucestershire Health and Wellbeing Partnership (the county's ICP), terms of "
            "reference",
            "paragraph 1.3",
            "https://www.gloucestershire.gov.uk/gcc-constitution/part-3-responsibility-for-"
            "functions/315-gloucestershire-health-and-wellbeing-partnership",
        ),
        Citation(
            DESIGN_FRAMEWORK,
            "The ICS Partnership (pages 8 to 11), Establishment and membership",
            ICP_ED_URL,
        ),
    ],
)
def terms_amendment_and_review(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """Changing the terms of reference needs every statutory party; they are reviewed yearly.

    Requirement: The terms of reference should say that they may be changed only with the
    approval of the ICB and each local authority that established the partnership, and
    should be reviewed regularly, at least every 12 months.
    Provision: Gloucestershire's ICP terms of reference, paragraph 1.3: they "may only be
    changed with the joint approval of the ICB and Gloucestershire County Council" and "will
    be subject to an annual review". Local practice, consistent with the design framework's
    "mutual agreement on its terms of reference"; nothing requires terms of reference to say
    it, so silence is "not stated". Terms of reference that let changes be made without a
    party's approval, or set a review less often than yearly, depart from the practice and
    are reported at info.
    Why: If one partner, or the partnership alone, could rewrite them, the agreement between
    the NHS and local government that ICP008 looks for would not last; a yearly review keeps
    membership and ways of working in step with the system.
    Fix: List every party from `establishing_parties` under
    `tor_amendment.requires_approval_of`, and set `meta.review_frequency_months` to 12 or
    less.
    Source: From the terms of reference of the Gloucestershire Health and Wellbeing
    Partnership (paragraph 1.3), published in Gloucestershire County Council's constitution:
    local practice, consistent with the design framework extract in Annex A of the ICP
    engagement document. Guidance from one local source, so info.
    """
    amendment = doc.tor_amendment
    approvers = amendment.requires_approval_of if amendment else ()
    if not approvers:
        yield Missing(
            ("tor_amendment", "requires_approval_of"),
            "The terms of reference do not say whose approval a change to them needs. Good "
            "practice is that they change only with the joint approval of the ICB and each "
            "local authority that established the partnership; if they say so, list every "
            "establishing party under tor_amendment.requires_approval_of.",
        )
    elif doc.establishing_parties:
        missing = parties_missing_from(doc, approvers)
        if missing:
            yield Contradiction(
                ("tor_amendment", "requires_approval_of"),
                f"Under the terms of reference a change to them does not need the approval of "
                f"{listed(missing)}. Good practice is that they change only with the joint "
                "approval of the ICB and each local authority that established the "
                "partnership; list every establishing party under "
                "tor_amendment.requires_approval_of.",
            )
    months = doc.meta.review_frequency_months if doc.meta else None
    if months is None:
        yield Missing(
            ("meta", "review_frequency_months"),
            "The terms of reference do not say how often they are reviewed. Good practice is a "
            "review at least every year; if they say, set meta.review_frequency_months.",
        )
    elif months > _MAX_REVIEW_MONTHS:
        yield Contradiction(
            ("meta", "review_frequency_months"),
            f"The terms of reference are reviewed only every {months} months. Good practice is "
            "a review at least every year; set meta.review_frequency_months to 12 or less.",
        )

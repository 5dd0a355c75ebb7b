"""Catalogue section P: establishing the ICP and its statutory membership (LGPIHA 2007 s116ZA)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._icp import (
    RESPONSIBLE_TYPES,
    appointing_council,
    area_authorities,
    council_parties,
    icb_name,
    is_icb,
    is_responsible,
    member_name,
)
from ._support import LGPIHA_2007, normalise, s116za, secondary

ICP = "icp-terms-of-reference"

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
    code="ICP002",
    slug="icp-joint-committee",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        s116za("(1)"),
        secondary(
            DESIGN_FRAMEWORK,
            "The ICS Partnership (pages 8 to 11): a committee, not a corporate body",
            ICP_ED_URL,
        ),
    ],
)
def icp_joint_committee(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP is a joint committee of the ICB and the local authorities, not a separate body.

    Requirement: The integrated care partnership is the joint committee that the ICB and the
    responsible local authorities establish; the terms of reference must describe it as such,
    not as a body corporate or any other kind of body.
    Why: A joint committee has no legal personality of its own: it cannot employ staff, hold
    contracts or take on its members' functions. Terms of reference that treat it as a
    separate body misdescribe where accountability sits.
    Fix: Set `icp.legal_form: joint_committee` and describe the partnership as the joint
    committee of the ICB and the councils; staff and contracts stay with the member bodies.
    Source: LGPIHA 2007 section 116ZA(1) read in the version of 1 July 2022 on
    legislation.gov.uk (S04, [V]: "joint committee"). The gloss "a committee, rather than a
    corporate body" is from the ICS design framework as extracted in the ICP engagement
    document, Annex A (S10, read for the catalogue, not re-read; secondary).
    """
    form = doc.icp.legal_form if doc.icp else None
    if form is None:
        yield Finding(
            ("icp", "legal_form"),
            "The terms of reference do not say what kind of body the partnership is. In law it "
            "is a joint committee of the ICB and the responsible local authorities; say so and "
            "set icp.legal_form: joint_committee.",
        )
    elif form != "joint_committee":
        described = "a body corporate" if form == "body_corporate" else "a body of another kind"
        yield Finding(
            ("icp", "legal_form"),
            f"The terms of reference describe the partnership as {described}, not a joint "
            "committee. In law it is the joint committee of the ICB and the responsible local "
            "authorities, with no legal personality of its own; describe it so and set "
            "icp.legal_form: joint_committee.",
        )


def _council_type(doc: IcpTermsOfReference, name: str) -> str | None:
    """The type recorded in local_authorities for a council, if it is listed with one."""
    for council in doc.local_authorities:
        if normalise(council.name) == normalise(name):
            return council.type
    return None


def _not_responsible(doc: IcpTermsOfReference, name: str) -> bool:
    kind = _council_type(doc, name)
    return kind is not None and kind not in RESPONSIBLE_TYPES


@rule(
    code="ICP003",
    slug="responsible-local-authorities-only",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[S103, s116za("(1)-(2)"), BOUNDARY_PROCEDURE],
)
def responsible_local_authorities_only(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """Only responsible local authorities establish the ICP or appoint its limb (b) members.

    Requirement: The councils that establish the partnership, and that each appoint a member
    under limb (b) of section 116ZA(2), are the responsible local authorities: county
    councils, district councils where there is no county council (unitary and metropolitan
    districts), London boroughs, the Council of the Isles of Scilly and the Common Council of
    the City of London. A district council in a two-tier county is not one.
    Why: A shire district given a statutory seat upsets the balance the Act sets between the
    ICB and the councils with social care and public health duties. District councils are
    welcome, but as members the partnership appoints under limb (c).
    Fix: Remove the district council from `establishing_parties`, and give its member
    `appointed_by: icp` and `statutory_limb: c`. Check that each council in
    `local_authorities` has the right `type`.
    Source: LGPIHA 2007 section 103 read on legislation.gov.uk (S06, [V]); it applies "for the
    purposes of this Chapter", and sections 116ZA and 116ZB sit in Part 5 Chapter 1, so it
    defines "responsible local authority" for them. Section 116ZA(1) and (2) read in the
    version of 1 July 2022 (S04, [V]). NHS England's boundary procedure, paragraph 1.1
    ("all upper-tier local authorities"), read as a secondary source. A council whose type is
    not recorded is not reported.
    """
    for index, party in enumerate(doc.establishing_parties):
        if not is_icb(doc, party) and _not_responsible(doc, party):
            yield Finding(
                ("establishing_parties", index),
                f"{party} is a district council in a two-tier area, which is not a responsible "
                "local authority, so it cannot be one of the bodies that establish the "
                "partnership. Remove it from establishing_parties; it may join as a member the "
                "partnership appoints (limb c).",
            )
    for index, member in enumerate(doc.members):
        council = appointing_council(member)
        if council and member.statutory_limb == "b" and _not_responsible(doc, council):
            yield Finding(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} is appointed under limb (b) by {council}, a "
                "district council in a two-tier area. Only responsible local authorities "
                "appoint limb (b) members; make this member the partnership's appointee "
                "(appointed_by: icp, statutory_limb: c).",
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


def _parties_missing_from(doc: IcpTermsOfReference, names: tuple[str, ...]) -> list[str]:
    """The establishing parties not named in `names` (the ICB matches "ICB" or its name)."""
    named = {normalise(name) for name in names}
    icb_named = any(is_icb(doc, name) for name in names)
    return [
        party
        for party in doc.establishing_parties
        if normalise(party) not in named and not (is_icb(doc, party) and icb_named)
    ]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@rule(
    code="ICP008",
    slug="terms-approved-by-every-party",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
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
def terms_approved_by_every_party(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """Every statutory party should have approved the terms of reference.

    Requirement: The ICB and the local authorities set up the partnership together and agree
    between them its terms of reference, membership, ways of working and administration, as
    equal partners. So each establishing party should appear in `meta.approved_by`.
    Why: Terms of reference that one statutory partner has not agreed do not bind it, and
    undermine the equal partnership between the NHS and local government.
    Fix: Obtain each party's approval and list the ICB and every council from
    `establishing_parties` under `meta.approved_by` (with `meta.approved_on`).
    Source: The ICS design framework's ICP section (pages 8 to 11 by its contents page, read
    this session), as extracted in Annex A "Establishment and membership" of the ICP
    engagement document, and that document's "Principles of ICPs" (S10, read for the
    catalogue; guidance [V] as guidance text). LGPIHA 2007 section 116ZA(1) (S04, [V])
    makes the ICB and the councils the establishing parties; it says nothing about
    approving terms of reference, so this is guidance and only warns.
    """
    if not doc.establishing_parties:
        return  # ICP001 reports the missing parties
    missing = _parties_missing_from(doc, doc.meta.approved_by if doc.meta else ())
    if missing:
        yield Finding(
            ("meta", "approved_by"),
            f"The terms of reference are not recorded as approved by {_listed(missing)}. The "
            "ICB and the local authorities agree the partnership's terms of reference "
            "together, as equal partners; obtain each party's approval and list it under "
            "meta.approved_by.",
        )


_MAX_REVIEW_MONTHS = 12


@rule(
    code="ICP009",
    slug="terms-amendment-and-review",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
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
def terms_amendment_and_review(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """Changing the terms of reference should need every statutory party; review them yearly.

    Requirement: The terms of reference should say that they may be changed only with the
    approval of the ICB and each local authority that established the partnership, and
    should be reviewed regularly, at least every 12 months.
    Why: If one partner, or the partnership alone, could rewrite them, the agreement between
    the NHS and local government that ICP008 looks for would not last; a yearly review keeps
    membership and ways of working in step with the system.
    Fix: List every party from `establishing_parties` under
    `tor_amendment.requires_approval_of`, and set `meta.review_frequency_months` to 12 or
    less.
    Source: Gloucestershire ICP terms of reference, paragraph 1.3, as recorded in the
    catalogue (ICP009; S35, read for the catalogue, not re-read this session): joint
    approval of changes and annual review. Local practice [S], consistent with the design
    framework extract on agreeing terms of reference jointly (ICP-ED Annex A, S10).
    Guidance from one local source, so info.
    """
    if doc.establishing_parties:
        amendment = doc.tor_amendment
        missing = _parties_missing_from(doc, amendment.requires_approval_of if amendment else ())
        if missing:
            yield Finding(
                ("tor_amendment", "requires_approval_of"),
                f"Changing the terms of reference does not need the approval of "
                f"{_listed(missing)}. Changes should need the joint approval of the ICB and each "
                "local authority that established the partnership; list every establishing "
                "party under tor_amendment.requires_approval_of.",
            )
    months = doc.meta.review_frequency_months if doc.meta else None
    if months is None:
        yield Finding(
            ("meta", "review_frequency_months"),
            "The terms of reference do not say how often they are reviewed. Review them at "
            "least every year; set meta.review_frequency_months: 12.",
        )
    elif months > _MAX_REVIEW_MONTHS:
        yield Finding(
            ("meta", "review_frequency_months"),
            f"The terms of reference are reviewed only every {months} months. Review them at "
            "least every year; set meta.review_frequency_months to 12 or less.",
        )

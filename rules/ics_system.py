"""Whole-system rules (ICS001 to ICS004, ICS009, ICS010): the documents of one run read together.

An ICB's constitution and the terms of reference of the partnership it set up must tell the
same story: the same ICB, the same councils. Constitutions of different ICBs must not claim
the same area. Each finding names the place in each file it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Loc,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.law.register import Icb, icbs
from icslint.registry import SYSTEM, NoOptions, rule
from icslint.system import Constitution, Partnership, System, same_icb
from icslint.vocabulary import acting_part, icb_key, normalise

from ._icp import appointers, council_of, council_parties
from ._support import NHS_ACT_2006, council_in_class, listed, s116za, secondary

S14Z25_3 = Citation(
    NHS_ACT_2006,
    "section 14Z25(3)",
    "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z25",
)
REGISTER = Citation(
    "NHS England, Integrated care boards in England",
    "the statutory list of ICB areas (the Integrated Care Boards (Establishment) Order 2022 and "
    "later orders)",
    "https://www.england.nhs.uk/publication/integrated-care-boards-in-england/",
)
HWE_2_1_6 = secondary(
    "NHS Herts and West Essex ICB constitution (follows the NHS England model)",
    "clause 2.1.6 (the local authority partner member, nominated by the councils responsible "
    "for social care in the area)",
    "https://hertsandwestessex.icb.nhs.uk/us/constitution/2",
)
ICP_ENGAGEMENT = secondary(
    "DHSC, Integrated care partnership (ICP) engagement document",
    "ICPs are a core part of ICSs: the ICB's and the partnership's governance aligned",
    "https://www.gov.uk/government/publications/integrated-care-partnership-icp-engagement-"
    "document/integrated-care-partnership-icp-engagement-document-integrated-care-system-ics-"
    "implementation",
)

Check = Iterator[Finding | NotApplicable]

_NO_PAIR = (
    "No ICB constitution and partnership terms of reference of the same system were checked "
    "together."
)


def _left_out(
    system: System, pairs: list[tuple[Partnership, Constitution]]
) -> Iterator[NotApplicable]:
    """Why a rule about pairs did not look at documents: every one when no pair was checked
    together, else each document it could not pair."""
    if not pairs:
        yield NotApplicable(_NO_PAIR)
        return
    for path, reason in system.unpaired():
        yield NotApplicable(reason, path=path)


def _partnerships_skipped(system: System, what: str) -> Iterator[NotApplicable]:
    """A rule about constitutions does not look at terms of reference."""
    for partnership in system.partnerships:
        yield NotApplicable(f"This rule {what}.", path=partnership.path)


def _councils_in_class(constitution: Constitution) -> list[tuple[int, str]]:
    """The councils responsible for social care that the constitution places in the ICB's
    area (those that set up the partnership with the ICB), with their index."""
    return [
        (index, council.name)
        for index, council in enumerate(constitution.document.local_authorities)
        if council_in_class(council) is True
    ]


def _same_icb(partnership: Partnership, constitution: Constitution) -> bool:
    return same_icb(partnership.icb, constitution.icb)


@rule(
    code="ICS001",
    slug="partnership-and-icb-agree",
    applies_to=SYSTEM,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116za("(1)")],
    requires="conduct",
)
def partnership_and_icb_agree(system: System, options: NoOptions) -> Check:
    """The partnership was set up by the ICB and every council of its area that the law names.

    Requirement: An integrated care partnership is the joint committee of one ICB and each
    local authority responsible for social care whose area coincides with, or lies wholly or
    partly within, the ICB's area. Checked together, the terms of reference must name the ICB
    whose constitution they are checked with, and the councils that set up the partnership
    must be those the constitution places in the ICB's area as responsible for social care.
    Provision: Section 116ZA(1) of the 2007 Act. The rule compares `icp.icb_name` with the
    constitution's `icb.name`, and `establishing_parties` with the constitution's
    `local_authorities` that are responsible for social care (`social_care_responsible`, or
    their type). It runs when one run holds a constitution and terms of reference of the same
    system (or terms of reference beside the constitutions of one ICB only).
    Why: When the two documents disagree, one of them is out of date (often after a change of
    councils or of ICB), and the partnership may not be the one the law requires.
    Fix: Correct whichever document is wrong: the ICB named in `icp.icb_name`, the
    `establishing_parties`, or the constitution's `local_authorities`.
    Source: Section 116ZA was read on legislation.gov.uk.
    """
    pairs = list(system.pairs())
    yield from _left_out(system, pairs)
    for partnership, constitution in pairs:
        if not partnership.icb:
            yield from _not_compared(
                partnership,
                constitution,
                "The terms of reference do not name the ICB that set up the partnership "
                "(icp.icb_name), so they cannot be compared with a constitution.",
            )
        elif not _same_icb(partnership, constitution):
            if constitution.icb:
                yield Contradiction(
                    ("icp", "icb_name"),
                    f"The terms of reference say the partnership was set up by "
                    f"{partnership.icb}, but they are checked with the constitution of "
                    f"{constitution.icb} ({constitution.path}). A partnership is set up by the "
                    "ICB for whose area it is (section 116ZA(1)): correct icp.icb_name, or check "
                    "the terms of reference with the constitution of the ICB they name.",
                    path=partnership.path,
                    also=((constitution.path, ("icb", "name")),),
                )
        else:
            yield from _establishing_councils(partnership, constitution)


def _not_compared(
    partnership: Partnership, constitution: Constitution, reason: str
) -> Iterator[NotApplicable]:
    """Not applicable to either document of a pair that cannot be compared."""
    yield NotApplicable(reason, path=partnership.path)
    yield NotApplicable(reason, path=constitution.path)


def _establishing_councils(
    partnership: Partnership, constitution: Constitution
) -> Iterator[Finding | NotApplicable]:
    in_class = _councils_in_class(constitution)
    parties = council_parties(partnership.document)
    if not constitution.document.local_authorities:
        yield from _not_compared(
            partnership,
            constitution,
            "The constitution does not list the councils of the ICB's area (local_authorities), "
            "so the councils that set up the partnership cannot be compared with them.",
        )
        return
    if not parties:
        yield from _not_compared(
            partnership,
            constitution,
            "The terms of reference do not name the councils that set up the partnership "
            "(establishing_parties), so they cannot be compared with the constitution.",
        )
        return
    setting_up = {normalise(name) for _, name in parties}
    for index, council in in_class:
        if normalise(council) not in setting_up:
            yield Contradiction(
                ("establishing_parties",),
                f"{council} is a council responsible for social care in the area of "
                f"{constitution.icb} ({constitution.path}), but it is not among the bodies "
                "that set up the partnership. Section 116ZA(1) makes the ICB and each such "
                "council the partnership's parties: add it to establishing_parties, or correct "
                "the constitution's local_authorities.",
                path=partnership.path,
                also=((constitution.path, ("local_authorities", index)),),
            )
    listed_in_area = {
        normalise(c.name): (i, c) for i, c in enumerate(constitution.document.local_authorities)
    }
    for index, name in parties:
        found = listed_in_area.get(normalise(name))
        if found is None:
            yield Contradiction(
                ("establishing_parties", index),
                f"{name} set up the partnership, but the constitution of {constitution.icb} "
                f"({constitution.path}) does not list it among the councils of its area. Under "
                "section 116ZA(1) the parties are the councils of the ICB's area: correct "
                "establishing_parties, or add the council to the constitution's "
                "local_authorities.",
                path=partnership.path,
                also=((constitution.path, ("local_authorities",)),),
            )
        elif council_in_class(found[1]) is False:
            yield Contradiction(
                ("establishing_parties", index),
                f"{name} set up the partnership, but the constitution of {constitution.icb} "
                f"({constitution.path}) records it as a council that is not responsible for "
                "social care. Section 116ZA(1) makes only the councils responsible for social "
                "care parties with the ICB: remove it from establishing_parties (it may still "
                "have a member appointed by the partnership), or correct the constitution.",
                path=partnership.path,
                also=((constitution.path, ("local_authorities", found[0])),),
            )


@rule(
    code="ICS002",
    slug="nominating-councils-agree",
    applies_to=SYSTEM,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[s116za("(1) and (2)(b)"), HWE_2_1_6],
    requires="conduct",
)
def nominating_councils_agree(system: System, options: NoOptions) -> Check:
    """The councils that nominate the ICB's local authority member appoint the partnership's.

    Requirement: The councils that jointly nominate the ICB's local authority partner member
    (those responsible for social care in the ICB's area) are the same councils that set up
    the partnership and each appoint a member of it. A council on one side and not the other
    usually means one document is out of date, for example after local government
    reorganisation.
    Provision: Section 116ZA(1) and (2)(b) of the 2007 Act (each responsible council appoints
    a member of the partnership) and the model constitution, clause 2.1.6 (the partner member
    nominated by the councils responsible for social care). The rule compares the
    constitution's local authority seat (`partner_sector: local_authority`,
    `nominating_bodies`) with the councils that appoint partnership members
    (`appointed_by`).
    Why: The same councils speak for local government on the ICB's board and in the
    partnership; a council left out of either has lost its voice in one of them.
    Fix: Make the two lists agree: correct the seat's `nominating_bodies`, or the members'
    `appointed_by`.
    Source: Section 116ZA was read on legislation.gov.uk; clause 2.1.6 in the constitution of
    NHS Herts and West Essex ICB, which follows NHS England's model.
    """
    pairs = [(p, c) for p, c in system.pairs() if _same_icb(p, c)]
    yield from _left_out(system, pairs)
    for partnership, constitution in pairs:
        yield from _nominators_and_appointers(partnership, constitution)


def _nominators_and_appointers(
    partnership: Partnership, constitution: Constitution
) -> Iterator[Finding | NotApplicable]:
    board = constitution.document.board
    council_seats = [
        (index, seat)
        for index, seat in enumerate(board.seats if board is not None else ())
        if seat.partner_sector == "local_authority" and seat.nominating_bodies
    ]
    keys = appointers(partnership.document)
    appointing = [
        (index, council) for index, key in enumerate(keys) if (council := council_of(key))
    ]
    if not council_seats or not appointing:
        yield from _not_compared(
            partnership,
            constitution,
            "The constitution does not name the councils that nominate its local authority "
            "member, or the terms of reference do not say which councils appoint members.",
        )
        return
    seat_loc: Loc = ("board", "seats", council_seats[0][0], "nominating_bodies")
    nominators = list(dict.fromkeys(n for _, seat in council_seats for n in seat.nominating_bodies))
    nominating = {normalise(n) for n in nominators}
    appointing_names = {normalise(council) for _, council in appointing}
    missing = [n for n in nominators if normalise(n) not in appointing_names]
    if missing:
        said = (
            f"{listed(missing)} {'nominates' if len(missing) == 1 else 'nominate'} the ICB's "
            f"local authority partner member in the constitution of {constitution.icb} "
            f"({constitution.path})"
        )
        if None in keys:
            # Some members' appointers are not given: the council may be one of them.
            yield Unknown(
                ("members",),
                f"{said}, and the terms of reference do not say that "
                f"{'it appoints' if len(missing) == 1 else 'they appoint'} a member of the "
                "partnership; some members' appointed_by is not given. Each council "
                "responsible for social care in the ICB's area appoints a member (section "
                "116ZA(2)(b)).",
                path=partnership.path,
                also=((constitution.path, seat_loc),),
            )
        else:
            yield Contradiction(
                ("members",),
                f"{said} but {'appoints' if len(missing) == 1 else 'appoint'} no member of the "
                "partnership. Each council responsible for social care in the ICB's area "
                "appoints a member (section 116ZA(2)(b)); make the two documents agree.",
                path=partnership.path,
                also=((constitution.path, seat_loc),),
            )
    not_in_class = {
        normalise(c.name)
        for c in constitution.document.local_authorities
        if council_in_class(c) is False
    }
    for index, council in appointing:
        # A district council's member is not one of these (ICP003 looks at that).
        if normalise(council) not in nominating and normalise(council) not in not_in_class:
            yield Contradiction(
                ("members", index, "appointed_by"),
                f"{council} appoints a member of the partnership but is not among the "
                "councils that nominate the ICB's local authority partner member in the "
                f"constitution of {constitution.icb} ({constitution.path}). The same "
                "councils do both; make the two documents agree.",
                path=partnership.path,
                also=((constitution.path, seat_loc),),
            )


# An ICB's name: "NHS Severnmoor ICB", "NHS Severnmoor and Vale Integrated Care Board". A name
# never runs across another "NHS" ("Severnmoor Hospitals NHS Foundation Trust and NHS ...").
_ICB_NAMED = re.compile(r"\bNHS (?:(?!NHS\b)[\w'&-]+ )+?(?:ICB|Integrated Care Board)\b")


@rule(
    code="ICS004",
    slug="partnership-names-its-icb-alike",
    applies_to=SYSTEM,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[s116za("(1)"), ICP_ENGAGEMENT],
    requires="conduct",
)
def partnership_names_its_icb_alike(system: System, options: NoOptions) -> Check:
    """Members and chairs the partnership shares with the ICB name the same ICB.

    Requirement: Where the partnership's terms of reference describe the ICB's own member or a
    chair by a post in an ICB ("Chair of NHS Severnmoor ICB"), they name the ICB whose
    constitution they are checked with, or another ICB with which the constitution records
    sharing posts (its cluster, or a seat's `shared_with`).
    Provision: The ICP engagement document expects the ICB's and the partnership's governance
    to be aligned; section 116ZA(1) makes the ICB a party to its own partnership. The rule
    reads the `seat_title`, `organisation` and `substitute` of members the ICB appoints, and
    the chairs' `held_by`; members from other bodies may come from any ICB.
    Why: A post described as another ICB's is either out of date or wrong; those reading the
    terms of reference cannot tell who sits in it.
    Fix: Correct the name of the ICB in the entry shown, or record the shared post in the
    constitution.
    Source: The engagement document was read on GOV.UK.
    """
    pairs = [(p, c) for p, c in system.pairs() if _same_icb(p, c)]
    yield from _left_out(system, pairs)
    for partnership, constitution in pairs:
        sharing = _sharing(constitution)
        for loc, text in _posts(partnership):
            for named in _ICB_NAMED.findall(text):
                if not same_icb(named, constitution.icb) and not any(
                    same_icb(named, other) for other in sharing
                ):
                    yield Contradiction(
                        loc,
                        f'The terms of reference describe "{text}" by a post in {named}, but '
                        f"the partnership's ICB is {constitution.icb} ({constitution.path}), "
                        "whose constitution records no post shared with it. Correct the name of "
                        "the ICB, or record the shared post in the constitution.",
                        path=partnership.path,
                        also=((constitution.path, ("icb", "name")),),
                    )


def _sharing(constitution: Constitution) -> list[str]:
    """The other ICBs the constitution records sharing posts with."""
    document = constitution.document
    cluster = list(document.cluster.icbs) if document.cluster is not None else []
    board = document.board
    shared = [name for seat in (board.seats if board else ()) for name in seat.shared_with]
    return [*cluster, *shared]


def _posts(partnership: Partnership) -> Iterator[tuple[Loc, str]]:
    """The words that describe the ICB's own members and the chairs."""
    document = partnership.document
    keys = appointers(document)
    for index, member in enumerate(document.members):
        if keys[index] != "icb":
            continue
        for field in ("seat_title", "organisation", "substitute"):
            text = getattr(member, field)
            if text:
                yield ("members", index, field), text
    for where in ("chair", "vice_chair"):
        chair = getattr(document, where)
        if chair is not None and chair.held_by:
            yield (where, "held_by"), chair.held_by
    for index, chair in enumerate(document.co_chairs):
        if chair.held_by:
            yield ("co_chairs", index, "held_by"), chair.held_by


def _wholly_within(constitution: Constitution) -> dict[str, tuple[Loc, str]]:
    """The councils whose whole area the constitution places in the ICB's area, by normalised
    name, with where each is named: those of its area, less any it marks `partly_within` or
    names in an exclusion from the area."""
    document = constitution.document
    area = document.icb.area if document.icb is not None else None
    partly = {normalise(c.name) for c in document.local_authorities if c.partly_within}
    excluded = " ".join(
        normalise(f"{e.description or ''} {e.identifier or ''}")
        for e in (area.exclusions if area is not None else ())
    )
    found: dict[str, tuple[Loc, str]] = {}
    named: list[tuple[Loc, str]] = [
        (("icb", "area", "local_authorities", i), n)
        for i, n in enumerate(area.local_authorities if area is not None else ())
    ]
    named += [
        (("local_authorities", i), c.name)
        for i, c in enumerate(document.local_authorities)
        if not c.partly_within
    ]
    for loc, name in named:
        key = normalise(name)
        if key not in partly and key not in excluded:
            found.setdefault(key, (loc, name))
    return found


def _coexist(first: str, second: str, known: dict[str, Icb]) -> bool:
    """Whether two ICBs existed on a common day, as far as the register knows (ICBs it does
    not list are taken to)."""
    a, b = known.get(icb_key(first)), known.get(icb_key(second))
    if a is None or b is None:
        return True
    start = max(a.established, b.established)
    ends = [d for d in (a.abolished, b.abolished) if d is not None]
    return not ends or start < min(ends)


@rule(
    code="ICS009",
    slug="icb-areas-do-not-overlap",
    applies_to=SYSTEM,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[S14Z25_3],
    requires="conduct",
)
def icb_areas_do_not_overlap(system: System, options: NoOptions) -> Check:
    """No two ICBs' constitutions claim the same council's whole area.

    Requirement: The area of an ICB must not coincide or overlap with the area of any other
    ICB. Checked together, constitutions of different ICBs (that existed at the same time)
    must not both place the whole of one council's area in their ICB's area.
    Provision: Section 14Z25(3) of the 2006 Act. The rule compares the councils each
    constitution places wholly in its area (`icb.area.local_authorities`, and
    `local_authorities` not marked `partly_within`); versions of one ICB's constitution are
    one ICB, and ICBs the register shows never existed at the same time are not compared.
    Why: An area claimed by two ICBs leaves its people unsure which board is responsible for
    their care; one of the constitutions is wrong or out of date.
    Fix: Correct the area of the constitution that is wrong, or mark the council
    `partly_within: true` where only part of its area is in the ICB's.
    Source: Section 14Z25 was read on legislation.gov.uk.
    """
    by_icb = system.icbs()
    if len(by_icb) < 2:
        yield NotApplicable("Fewer than two ICBs' constitutions were checked together.")
        return
    yield from _partnerships_skipped(system, "compares ICB constitutions")
    known = {icb_key(i.name): i for i in icbs()}
    groups = list(by_icb.values())
    for position, first_group in enumerate(groups):
        for second_group in groups[position + 1 :]:
            for first in first_group:
                for second in second_group:
                    if _coexist(first.icb or "", second.icb or "", known):
                        yield from _overlap(first, second)


def _overlap(first: Constitution, second: Constitution) -> Iterator[Finding]:
    theirs = _wholly_within(second)
    for key, (loc, name) in _wholly_within(first).items():
        if key in theirs:
            yield Contradiction(
                loc,
                f"The constitution places the whole area of {name} in the area of "
                f"{first.icb}, and the constitution of {second.icb} ({second.path}) places it "
                "in that ICB's. Two ICBs' areas must not overlap (section 14Z25(3)): correct "
                "the area that is wrong, or, where only part of the council's area is in each "
                "ICB's, mark it partly_within in both.",
                path=first.path,
                also=((second.path, theirs[key][0]),),
            )


_COUNCIL_WORDS = re.compile(
    r"\b(the|royal|london|metropolitan|borough|county|city|district|council|of)\b"
)


def _area_name(text: str) -> str:
    """A council's or an area's name reduced to the place: "Derbyshire County Council" and
    "Derbyshire" both give "derbyshire"; "&" is "and"; words in brackets ("Nottinghamshire
    (including Bassetlaw)") are left out."""
    text = re.sub(r"\([^)]*\)", " ", text.replace("&", " and "))
    return " ".join(_COUNCIL_WORDS.sub(" ", normalise(text)).split())


@rule(
    code="ICS010",
    slug="icb-area-matches-register",
    applies_to=SYSTEM,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[S14Z25_3, REGISTER],
    requires="conduct",
)
def icb_area_matches_register(system: System, options: NoOptions) -> Check:
    """A constitution gives its ICB the area on NHS England's statutory list.

    Requirement: An ICB's area is the one its establishment order gives it, and the
    constitution states it. Where icslint's register of ICBs holds the area as read in NHS
    England's statutory list, every area the list places wholly in the ICB's must be among the
    councils the constitution names for its area (it may name their district councils too).
    Provision: Section 14Z25(2) and (3) of the 2006 Act (an ICB is established by order for an
    area, which no other ICB's area overlaps), and NHS England's statutory list of ICB areas.
    Only ICBs whose area the register marks as read are checked; areas listed only in part
    ("Hampshire (part: ...)") are not required.
    Why: A constitution whose area differs from the order's describes an ICB that does not
    exist as written.
    Fix: Correct `icb.area.local_authorities` (and `local_authorities`) to the area of the
    establishment order as varied.
    Source: The register's areas were read in NHS England's page Integrated care boards in
    England and local publications; shipped as a warning because most areas could not be read.
    """
    register = {icb_key(i.name): i for i in icbs() if i.area_read and i.area}
    yield from _partnerships_skipped(system, "checks ICB constitutions against the register")
    for constitution in system.constitutions:
        entry = register.get(icb_key(acting_part(constitution.icb or "")))
        area = constitution.document.icb.area if constitution.document.icb else None
        if entry is None:
            yield NotApplicable(
                "icslint's register does not hold this ICB's area as read in NHS England's "
                "statutory list.",
                path=constitution.path,
            )
            continue
        if area is None or not area.local_authorities:
            yield NotApplicable(
                "The constitution does not name the councils of the ICB's area.",
                path=constitution.path,
            )
            continue
        # Only what the list places wholly in the area is required: a constitution may also
        # name the district councils within it.
        whole = [a for a in entry.area if "(part" not in a]
        stated = {_area_name(n) for n in area.local_authorities}
        left_out = [a for a in whole if _area_name(a) not in stated]
        if left_out:
            yield Contradiction(
                ("icb", "area", "local_authorities"),
                f"NHS England's statutory list places {listed(left_out)} in the area of "
                f"{entry.name}, but the constitution does not. Correct the area to the "
                "establishment order's.",
                path=constitution.path,
            )

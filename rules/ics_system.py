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
)
from icslint.law.register import icbs
from icslint.registry import SYSTEM, NoOptions, rule
from icslint.system import Constitution, Partnership, System
from icslint.vocabulary import icb_key, normalise

from ._icp import appointers, council_of, council_parties
from ._support import NHS_ACT_2006, listed, s116za, secondary
from .icb_board_composition import council_in_class

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


def _unpaired(system: System) -> Iterator[NotApplicable]:
    """Why a pair rule did not look at each document it could not pair."""
    constitutions = {c.path for c in system.constitutions}
    for path in system.unpaired():
        yield NotApplicable(
            "No terms of reference of this ICB's partnership were checked with it."
            if path in constitutions
            else "No constitution of the ICB these terms of reference name was checked with them.",
            path=path,
        )


def _partnerships_skipped(system: System) -> Iterator[NotApplicable]:
    """A rule about constitutions does not look at terms of reference."""
    for partnership in system.partnerships:
        yield NotApplicable("This rule compares ICB constitutions.", path=partnership.path)


def _councils_in_class(constitution: Constitution) -> list[tuple[int, str]]:
    """The councils responsible for social care that the constitution places in the ICB's
    area (those that set up the partnership with the ICB), with their index."""
    return [
        (index, council.name)
        for index, council in enumerate(constitution.document.local_authorities)
        if council_in_class(council) is True
    ]


def _same_icb(partnership: Partnership, constitution: Constitution) -> bool:
    return bool(partnership.icb and constitution.icb) and icb_key(partnership.icb or "") == icb_key(
        constitution.icb or ""
    )


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
    if not pairs:
        yield NotApplicable(_NO_PAIR)
        return
    yield from _unpaired(system)
    for partnership, constitution in pairs:
        if not _same_icb(partnership, constitution):
            if partnership.icb and constitution.icb:
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
            continue
        yield from _establishing_councils(partnership, constitution)


def _establishing_councils(
    partnership: Partnership, constitution: Constitution
) -> Iterator[Finding]:
    in_class = _councils_in_class(constitution)
    parties = council_parties(partnership.document)
    if not in_class or not parties:
        return  # one document is silent: each document's own rules report that
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
    listed_in_area = {normalise(c.name) for c in constitution.document.local_authorities}
    for index, name in parties:
        if normalise(name) not in listed_in_area:
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
    if not pairs:
        yield NotApplicable(_NO_PAIR)
        return
    yield from _unpaired(system)
    for partnership, constitution in pairs:
        seat = next(
            (
                (index, s)
                for index, s in enumerate(
                    constitution.document.board.seats if constitution.document.board else ()
                )
                if s.partner_sector == "local_authority" and s.nominating_bodies
            ),
            None,
        )
        appointing = [
            (index, council)
            for index, key in enumerate(appointers(partnership.document))
            if (council := council_of(key)) is not None
        ]
        if seat is None or not appointing:
            continue  # one document is silent: each document's own rules report that
        seat_index, nominators = seat
        nominating = {normalise(n) for n in nominators.nominating_bodies}
        appointing_names = {normalise(council) for _, council in appointing}
        seat_loc: Loc = ("board", "seats", seat_index, "nominating_bodies")
        missing = [n for n in nominators.nominating_bodies if normalise(n) not in appointing_names]
        if missing:
            yield Contradiction(
                ("members",),
                f"{listed(missing)} {'nominates' if len(missing) == 1 else 'nominate'} the "
                f"ICB's local authority partner member in the constitution of {constitution.icb} "
                f"({constitution.path}) but {'appoints' if len(missing) == 1 else 'appoint'} no "
                "member of the partnership. Each council responsible for social care in the "
                "ICB's area appoints a member (section 116ZA(2)(b)); make the two documents "
                "agree.",
                path=partnership.path,
                also=((constitution.path, seat_loc),),
            )
        for index, council in appointing:
            if normalise(council) not in nominating:
                yield Contradiction(
                    ("members", index, "appointed_by"),
                    f"{council} appoints a member of the partnership but is not among the "
                    "councils that nominate the ICB's local authority partner member in the "
                    f"constitution of {constitution.icb} ({constitution.path}). The same "
                    "councils do both; make the two documents agree.",
                    path=partnership.path,
                    also=((constitution.path, seat_loc),),
                )


_ICB_NAMED = re.compile(r"\bNHS [A-Z][\w,&' -]*? (?:ICB|Integrated Care Board)\b")


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

    Requirement: Where the partnership's terms of reference describe a member or chair by
    their post in the ICB ("Chair of NHS Severnmoor ICB", an organisation "NHS Severnmoor
    Integrated Care Board"), they name the ICB whose constitution they are checked with.
    Provision: The ICP engagement document expects the ICB's and the partnership's governance
    to be aligned; section 116ZA(1) makes the ICB a party to its own partnership. The rule
    reads members' `seat_title`, `organisation` and `substitute`, and the chair's and
    co-chairs' `held_by`.
    Why: A post described as another ICB's is either out of date or wrong; those reading the
    terms of reference cannot tell who sits in it.
    Fix: Correct the name of the ICB in the entry shown.
    Source: The engagement document was read on GOV.UK.
    """
    pairs = [(p, c) for p, c in system.pairs() if _same_icb(p, c)]
    if not pairs:
        yield NotApplicable(_NO_PAIR)
        return
    yield from _unpaired(system)
    for partnership, constitution in pairs:
        own = icb_key(constitution.icb or "")
        for loc, text in _posts(partnership):
            for named in _ICB_NAMED.findall(text):
                if icb_key(named) != own:
                    yield Contradiction(
                        loc,
                        f'The terms of reference describe "{text}" by a post in {named}, but '
                        f"the partnership's ICB is {constitution.icb} ({constitution.path}). "
                        "Correct the name of the ICB.",
                        path=partnership.path,
                        also=((constitution.path, ("icb", "name")),),
                    )


def _posts(partnership: Partnership) -> Iterator[tuple[Loc, str]]:
    document = partnership.document
    for index, member in enumerate(document.members):
        for field in ("seat_title", "organisation", "substitute"):
            text = getattr(member, field)
            if text:
                yield ("members", index, field), text
    chairs = [("chair",), ("vice_chair",)]
    for where in chairs:
        chair = getattr(document, where[0])
        if chair is not None and chair.held_by:
            yield (*where, "held_by"), chair.held_by
    for index, chair in enumerate(document.co_chairs):
        if chair.held_by:
            yield ("co_chairs", index, "held_by"), chair.held_by


def _wholly_within(constitution: Constitution) -> dict[str, tuple[Loc, str]]:
    """The councils whose whole area the constitution places in the ICB's area, by normalised
    name, with where each is named."""
    document = constitution.document
    found: dict[str, tuple[Loc, str]] = {}
    area = document.icb.area if document.icb is not None else None
    for index, name in enumerate(area.local_authorities if area is not None else ()):
        found.setdefault(normalise(name), (("icb", "area", "local_authorities", index), name))
    for index, council in enumerate(document.local_authorities):
        if council.partly_within is not True:
            found.setdefault(normalise(council.name), (("local_authorities", index), council.name))
    return found


def _coexist(first: str, second: str) -> bool:
    """Whether two ICBs existed on a common day, as far as the register knows (ICBs it does
    not list are taken to)."""
    known = {icb_key(i.name): i for i in icbs()}
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
    yield from _partnerships_skipped(system)
    groups = list(by_icb.values())
    for position, first_group in enumerate(groups):
        for second_group in groups[position + 1 :]:
            first, second = first_group[0], second_group[0]
            if not _coexist(first.icb or "", second.icb or ""):
                continue
            theirs = _wholly_within(second)
            for key, (loc, name) in _wholly_within(first).items():
                if key in theirs:
                    yield Contradiction(
                        loc,
                        f"The constitution places the whole area of {name} in the area of "
                        f"{first.icb}, and the constitution of {second.icb} ({second.path}) "
                        "places it in that ICB's. Two ICBs' areas must not overlap (section "
                        "14Z25(3)): correct the area that is wrong, or mark the council "
                        "partly_within where only part of its area is in the ICB's.",
                        path=first.path,
                        also=((second.path, theirs[key][0]),),
                    )


_COUNCIL_WORDS = re.compile(
    r"\b(the|royal|london|metropolitan|borough|county|city|district|council|of)\b"
)


def _area_name(text: str) -> str:
    """A council's or an area's name reduced to the place: "Derbyshire County Council" and
    "Derbyshire" both give "derbyshire"."""
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
    England's statutory list, the councils the constitution places wholly in the area must be
    those of the list.
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
    yield from _partnerships_skipped(system)
    for constitution in system.constitutions:
        entry = register.get(icb_key(constitution.icb or ""))
        area = constitution.document.icb.area if constitution.document.icb else None
        if entry is None or area is None or not area.local_authorities:
            yield NotApplicable(
                "icslint's register does not hold the area of this ICB as read in NHS "
                "England's statutory list, or the constitution gives no area.",
                path=constitution.path,
            )
            continue
        whole = {_area_name(a): a for a in entry.area if "(part" not in a}
        stated = {_area_name(n): (i, n) for i, n in enumerate(area.local_authorities)}
        for key, (index, name) in stated.items():
            if key not in whole and not any(key in _area_name(a) for a in entry.area):
                yield Contradiction(
                    ("icb", "area", "local_authorities", index),
                    f"The constitution places {name} in the area of {entry.name}, but NHS "
                    "England's statutory list of ICB areas does not. Correct the area to the "
                    "establishment order's.",
                    path=constitution.path,
                )
        left_out = [a for key, a in whole.items() if key not in stated]
        if left_out:
            yield Contradiction(
                ("icb", "area", "local_authorities"),
                f"NHS England's statutory list places {listed(left_out)} in the area of "
                f"{entry.name}, but the constitution does not. Correct the area to the "
                "establishment order's.",
                path=constitution.path,
            )

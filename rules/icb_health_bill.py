"""What the Health Bill will change in a constitution (ICB180 to ICB182).

These rules are in force only from the commencement of the Bill's measures, which is not
known. Until then `icslint check --pending` reports what they find as pending, never a breach;
from a commencement date set in configuration (`law: {health-bill-2026: DATE}`) they apply as
law, and the rules they replace (ICB050, ICB051, ICB060, ICB160) stop.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Contradiction,
    Finding,
    Level,
    Loc,
    Missing,
    NotApplicable,
    Severity,
)
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule
from icslint.vocabulary import approval_named, healthwatch_field, names_body, normalise

from ._health_bill import (
    BROWNE_JACOBSON,
    CCN_EVIDENCE,
    HEALTHWATCH,
    MAYORAL_MEMBER,
    NHSE_ABOLITION,
    NUFFIELD,
)
from ._support import quoted, seat_loc, seat_name, seats

ICB = "icb-constitution"

# What each field gives a body power to do, for the message: "appoint the chair".
_SEAT_POWERS = (
    ("appointed_by", "appoint"),
    ("appointment_approved_by", "approve the appointment of"),
    ("removal_by", "remove"),
    ("removal_approved_by", "approve the removal of"),
)


def _holder(seat: Seat) -> str:
    """Who holds the seat, as a message names them: "the chair", "the member in seat ..."."""
    if seat.role == "chair":
        return "the chair"
    if seat.role == "chief_executive":
        return "the chief executive"
    return f"the member in seat {seat_name(seat)}"


def _nhs_england_powers(doc: IcbConstitution) -> Iterator[tuple[Loc, str]]:
    """Each place the constitution gives NHS England a power, and the power in words."""
    for index, seat in seats(doc):
        for field, power in _SEAT_POWERS:
            value = getattr(seat, field)
            if names_body(value, "NHS England"):
                yield seat_loc(index, field), f"{power} {_holder(seat)}"
            elif field in ("appointed_by", "removal_by") and approval_named(value, "NHS England"):
                # "the Chair, with the approval of NHS England"
                act = "appointment" if field == "appointed_by" else "removal"
                yield seat_loc(index, field), f"approve the {act} of {_holder(seat)}"
    variation = doc.variation
    if variation is not None and names_body(variation.approver, "NHS England"):
        yield ("variation", "approver"), "approve variations of the constitution"
    if variation is not None and variation.nhse_own_initiative:
        yield ("variation", "nhse_own_initiative"), "vary the constitution on its own initiative"


@rule(
    code="ICB180",
    slug="nhs-england-abolished",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[NHSE_ABOLITION, BROWNE_JACOBSON],
    requires="content",
    in_force="health-bill-2026-nhse-abolition",
)
def nhs_england_abolished(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution gives no power to NHS England once it is abolished.

    Requirement: When the Health Bill's abolition of NHS England commences, a constitution can
    no longer give NHS England a power: to appoint or remove the chair, to approve the chief
    executive's appointment, or to approve variations of the constitution. The Bill passes NHS
    England's functions to the Secretary of State; the constitution must then name the body the
    Act gives each power to.
    Provision: Health Bill, clause 1 and Schedule 11 as introduced (NHS England abolished; its
    functions pass to the Secretary of State). Schedule 1B paragraphs 5, 6 and 7 and section
    14Z25 of the 2006 Act, which name NHS England today, will need amending; how they are
    amended was not read.
    Why: A constitution that gives powers to a body that no longer exists leaves the chair's
    appointment, the chief executive's approval and the constitution's own variation without
    anyone to exercise them.
    Fix: When the measure commences, replace NHS England in each place shown with the body the
    Act then names (the Bill as introduced passes NHS England's functions to the Secretary of
    State). Until then NHS England is right, and `icslint check --pending` lists the places.
    Source: The clause and its effect were read in Browne Jacobson's briefing on the Bill as
    introduced (18 May 2026); the Bill's text and its commencement date were not available.
    """
    for loc, power in _nhs_england_powers(doc):
        yield Contradiction(
            loc,
            f"The constitution gives NHS England the power to {power}. The Health Bill "
            "(clause 1 and Schedule 11, as introduced) abolishes NHS England and passes its "
            "functions to the Secretary of State; from the day that takes effect, the "
            "constitution must give this power to the body the Act names instead.",
        )


def _healthwatch_entries(doc: IcbConstitution) -> Iterator[tuple[Loc, str, str]]:
    """Each board participant, observer or committee member from Healthwatch: where, the name
    as written, and what the entry is."""
    board = doc.board
    if board is not None:
        for group, what in (("participants", "a participant"), ("observers", "an observer")):
            for index, person in enumerate(getattr(board, group)):
                field = healthwatch_field(person.organisation, person.title)
                if field is not None:
                    text = getattr(person, field)
                    yield ("board", group, index, field), text, f"{what} at board meetings"
    for c_index, committee in enumerate(doc.committees):
        for m_index, member in enumerate(committee.members):
            field = healthwatch_field(member.organisation, member.title)
            if field is not None:
                loc = ("committees", c_index, "members", m_index, field)
                yield loc, getattr(member, field), f"a member of the {committee.name}"


@rule(
    code="ICB181",
    slug="healthwatch-abolished",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[HEALTHWATCH, NUFFIELD],
    requires="conduct",
    in_force="health-bill-2026-healthwatch",
)
def healthwatch_abolished(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution has no place for Healthwatch once it is abolished.

    Requirement: When the Health Bill's abolition of Healthwatch commences, a Healthwatch
    participant or observer at board meetings, or a Healthwatch member of a committee, is a
    place for a body that no longer exists.
    Provision: Health Bill as introduced: the abolition of Healthwatch (the clause number was
    not read).
    Why: A seat or invitation for an abolished body is left empty; the ICB should decide how it
    will hear patients' and the public's views instead.
    Fix: When the measure commences, remove the entry or replace it with whoever the ICB then
    invites to bring patients' views. Until then `icslint check --pending` lists the places.
    Source: Read in the Nuffield Trust's briefing on the Bill (18 May 2026) and Healthwatch
    Surrey's written evidence (24 June 2026); the Bill's text and its commencement date were
    not available.
    """
    for loc, name, what in _healthwatch_entries(doc):
        yield Contradiction(
            loc,
            f"The constitution names {quoted(name)} as {what}. The Health Bill, as introduced, "
            "abolishes Healthwatch; from the day that takes effect, this entry names a body that "
            "no longer exists: remove it or name who takes its place.",
        )


@rule(
    code="ICB182",
    slug="mayoral-member",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[MAYORAL_MEMBER, CCN_EVIDENCE],
    requires="content",
    in_force="health-bill-2026-mayoral-member",
)
def mayoral_member(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding | NotApplicable]:
    """A member nominated by each mayor replaces the local authority member.

    Requirement: When clause 21 of the Health Bill commences, the board no longer has to
    include a member nominated jointly by the local authorities; instead, an ICB whose area
    includes a mayoral strategic authority has a member nominated by the mayor of each one.
    Provision: Health Bill, clause 21 as introduced. Today the local authority member is
    required by Schedule 1B paragraph 8 of the 2006 Act (ICB016, which ends when clause 21
    commences). The rule reads `mayoral_strategic_authorities` (those whose area includes part
    of the ICB's) and the seats with `partner_sector: mayoral_strategic_authority`, matched to
    each authority by `nominating_bodies` (or, with one authority, any such seat).
    Why: The board's membership is set by its constitution; a member the Act requires and the
    constitution leaves out makes the board wrongly constituted.
    Fix: When the clause commences, add a seat with `category: partner`, `partner_sector:
    mayoral_strategic_authority` and the authority in `nominating_bodies`, for each mayoral
    strategic authority; the local authority member may then stay or go. The clause may be
    amended before it is enacted: councils have asked for the local authority member to be
    kept. Until then `icslint check --pending` lists what will need to change.
    Source: Read in the County Councils Network's written evidence to the committee on the
    Bill (June 2026); the Bill's text and its commencement date were not available.
    """
    authorities = list(doc.mayoral_strategic_authorities)
    if not authorities:
        yield NotApplicable(
            "The constitution names no mayoral strategic authority whose area includes part of "
            "the ICB's (mayoral_strategic_authorities)."
        )
        return
    mayoral = [s for _, s in seats(doc) if s.partner_sector == "mayoral_strategic_authority"]
    council_seat = next(
        (index for index, s in seats(doc) if s.partner_sector == "local_authority"), None
    )
    where = seat_loc(council_seat) if council_seat is not None else ("board", "seats")
    instead = (
        ", and no longer requires the member nominated by the local authorities that the "
        "constitution has"
        if council_seat is not None
        else ""
    )
    for authority in authorities:
        nominees = [s for s in mayoral if _nominated_by(s, authority)]
        if not nominees and not (len(authorities) == 1 and mayoral):
            yield Missing(
                where,
                f"The constitution names {authority} as a mayoral strategic authority in the "
                "ICB's area but has no member nominated by its mayor (partner_sector: "
                "mayoral_strategic_authority). Clause 21 of the Health Bill, as introduced, "
                "provides for a member nominated by the mayor of each mayoral strategic "
                f"authority{instead}; from the day it takes effect, the constitution needs "
                "that seat.",
            )


def _nominated_by(seat: Seat, authority: str) -> bool:
    """Whether a seat's nominating bodies (or its words on nomination) name the authority."""
    named = [*seat.nominating_bodies, seat.nominated_by or ""]
    return any(normalise(authority) in normalise(text) for text in named if text)

"""Appointing and removing ordinary members (Schedule 1B paragraph 8, and NHS England's model)."""

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
)
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule
from icslint.vocabulary import approval_named, names_body

from ._support import (
    HWE_MODEL,
    HWE_SECTION_2,
    NHS_ACT_2006,
    SCH_1B,
    council_in_class,
    listed,
    normalise,
    sch1b,
    seat_loc,
    seat_name,
    seats,
    seats_with_role,
    secondary,
    unless_true,
)

ICB = "icb-constitution"

HWE_SECTION_3 = "https://hertsandwestessex.icb.nhs.uk/us/constitution/3"
UNVERIFIED = "Unverified requirement: "


@rule(
    code="ICB065",
    slug="ordinary-member-appointer",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    citations=[sch1b("8(1)(a)")],
)
def ordinary_member_appointer(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must say who appoints each ordinary member.

    Requirement: For every ordinary member the constitution must specify who appoints them.
    Provision: Schedule 1B paragraph 8(1): "The constitution must— (a) specify who is to
    appoi[nt]" the ordinary members. The constitution itself must name the appointer, so a
    seat whose appointer it does not give is a breach.
    Why: Without a named appointer there is no lawful route to fill the seat. (Under the
    model constitution the chief executive appoints most ordinary members, subject to the
    chair's approval.)
    Fix: Set `appointed_by` on every seat with `role: ordinary`, for example
    `appointed_by: Chief Executive`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph
    8(1)(a)), up to its opening words "specify who is to appoi...", which carry this
    requirement; the rest of paragraph 8 was not available.
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        if not seat.appointed_by:
            yield Missing(
                seat_loc(index, "appointed_by"),
                f"The constitution must say who appoints each ordinary member (Schedule 1B "
                f"paragraph 8(1)(a)); it does not say who appoints seat {seat_name(seat)}. Add "
                "appointed_by (under the model, usually the Chief Executive with the Chair's "
                "approval).",
            )


# --- helpers for ICB066-ICB072 ----------------------------------------------------------------


def _para8(note: str) -> Citation:
    """Schedule 1B paragraph 8, whose text after 8(1)(a) was not available."""
    return Citation(NHS_ACT_2006, f"Schedule 1B, paragraph 8 ({note})", f"{SCH_1B}/paragraph/8")


def _is_partner(seat: Seat) -> bool:
    return seat.category == "partner" or seat.partner_sector is not None


def _partner_seats(doc: IcbConstitution) -> list[tuple[int, Seat]]:
    return [(i, s) for i, s in seats_with_role(doc, "ordinary") if _is_partner(s)]


def _missing_nomination_process(doc: IcbConstitution, prefix: str) -> Iterator[Finding]:
    """Partner seats that do not point to the clause on how their joint nomination works."""
    for index, seat in _partner_seats(doc):
        if not seat.nomination_process_ref:
            message = (
                f"The constitution does not say how the nomination for partner seat "
                f"{seat_name(seat)} is sought and handled (for example each eligible body being "
                "invited to put forward a nominee). If a clause or handbook section sets out "
                "the process, add nomination_process_ref naming it."
            )
            if prefix:
                message = prefix + message[0].lower() + message[1:]
            yield Missing(seat_loc(index, "nomination_process_ref"), message)


@rule(
    code="ICB066",
    slug="ordinary-member-appointment-process",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        _para8("sub-paragraph after 8(1)(a) not verified"),
        secondary(HWE_MODEL, "section 3, Appointments process for the board", HWE_SECTION_3),
        secondary(
            "Capsticks, What does the Health and Care Bill mean for the establishment and "
            "governance of integrated care systems (2021)",
            "constitution contents: how the ordinary members will be appointed",
            "https://www.capsticks.com/insights/what-does-the-health-and-care-bill-mean-for-the-"
            "establishment-and-governance-of-integrated-care-systems",
        ),
    ],
)
def ordinary_member_appointment_process(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The constitution should set out how each ordinary member is appointed (unverified).

    Requirement: For every ordinary member the constitution sets out the appointment process;
    for partner members this includes how the joint nomination is sought and handled.
    Provision: The words of paragraph 8 after 8(1)(a) were not available. Capsticks' summary
    of the Bill lists "how the ordinary members will be appointed" among the constitution's
    contents, but no provision was read that requires the constitution to set out the
    process, so a constitution that is silent on it is "not stated".
    Why: Naming an appointer (ICB065) is not enough to fill a seat fairly: candidates, the
    nominating bodies and NHS England need to see the steps, and partner seats depend on a
    joint nomination that only works if the process is written down.
    Fix: On every `role: ordinary` seat set `appointment_process` (a short description) or
    `nomination_process_ref` (the clause that describes it). Partner seats need
    `nomination_process_ref` for the joint nomination step.
    Source: The requirement is not verified: the sub-paragraph of Schedule 1B paragraph 8
    after 8(1)(a) was not available. From Capsticks' summary of the Bill and the model
    constitution's section 3, "Appointments process for the board", as published by NHS
    Hertfordshire and West Essex ICB, which sets the process out seat by seat; NHS
    England's own model text was not available. Reported below error and marked
    "Unverified requirement".
    """
    yield from _missing_nomination_process(doc, UNVERIFIED)
    for index, seat in seats_with_role(doc, "ordinary"):
        if _is_partner(seat):
            continue
        if not (seat.appointment_process or seat.nomination_process_ref):
            yield Missing(
                seat_loc(index, "appointment_process"),
                f"{UNVERIFIED}the constitution does not describe how ordinary seat "
                f"{seat_name(seat)} is appointed. If it does, add appointment_process (for "
                "example \"Open recruitment, appointed by the Chief Executive with the Chair's "
                'approval") or nomination_process_ref naming the clause that sets it out.',
            )


def _names_the_chair(name: str | None) -> bool:
    """Whether `name` is the ICB chair acting ("Chairman", "the Chair, after consulting the
    Deputy Chair") or makes the act subject to the chair's approval ("Chief Executive, with the
    Chair's approval"); not a deputy's or a committee's chair."""
    return names_body(name, "Chair") or approval_named(name, "Chair")


@rule(
    code="ICB067",
    slug="chair-approves-ordinary-members",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        _para8("sub-paragraph not verified"),
        secondary(
            "Written answer HL9462 (DHSC, 22 July 2025)",
            "the chair's approval function over ordinary members",
            "https://parallelparliament.co.uk/question/HL9462/integrated-care-boards-directors",
        ),
        secondary(
            "Written answer 80412 (DHSC, 1 December 2021)",
            "the ICB chair can veto members of the board",
            "https://parallelparliament.co.uk/question/80412/integrated-care-boards-conflict-of-"
            "interests",
        ),
        secondary(
            "NHS Providers, Trust partner members: navigating the complexities of system "
            "working (2023)",
            "final decision on appointment made by the ICB chair",
            "https://nhsproviders.org/resources/long-reads/trust-partner-members-navigating-the-"
            "complexities-of-system-working",
        ),
    ],
)
def chair_approves_ordinary_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The appointment of every ordinary member is subject to the chair's approval.

    Requirement: Whoever appoints an ordinary member, the appointment needs the approval of
    the ICB chair; for partner members the eligible bodies nominate but the chair decides.
    Provision: The words of the Act were not available. DHSC's written answer HL9462 (22 July
    2025) describes the chair's "approval function" over ordinary members, and written
    answer 80412 (1 December 2021) says the chair "can also veto members of the board": a
    power of the chair, which the constitution need not repeat. A constitution that does not
    mention the approval is "not stated"; one that gives the approval to someone else is a
    breach.
    Why: The chair's approval is the check that keeps the board suitable and balanced, and it
    is how the chair secures a member with mental-health expertise (ICB017).
    Fix: On every `role: ordinary` seat set `appointment_approved_by: Chair`. A seat the chair
    appoints (`appointed_by: Chair`) needs no separate approval and passes as it is.
    Source: Secondary. The sub-paragraph of Schedule 1B paragraph 8 that gives the chair this
    approval was not available, so its number is not verified. From DHSC's written answers
    HL9462 (22 July 2025, after the Act) and 80412 (1 December 2021, while the Bill was before
    Parliament), and NHS Providers (2023), which says the chair makes the final decision on
    trust partner members. Reported at error level, citing these sources, because a
    ministerial answer given after the Act confirms the substance.
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        approver = seat.appointment_approved_by
        if _names_the_chair(approver):
            continue
        if approver is None:
            if _names_the_chair(seat.appointed_by):
                continue
            yield Missing(
                seat_loc(index, "appointment_approved_by"),
                f"The constitution does not say that the appointment of ordinary seat "
                f"{seat_name(seat)} needs the ICB chair's approval; the appointment of every "
                "ordinary member is subject to it. If the constitution says so, set "
                "appointment_approved_by: Chair.",
            )
        else:
            yield Contradiction(
                seat_loc(index, "appointment_approved_by"),
                f"The constitution gives the approval of the appointment to ordinary seat "
                f'{seat_name(seat)} to "{approver}", not to the ICB chair; the appointment of '
                "every ordinary member is subject to the chair's approval. Set "
                "appointment_approved_by: Chair.",
            )


@rule(
    code="ICB068",
    slug="eligible-nominators-list",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        secondary(
            "Nottingham and Nottinghamshire ICB, Organisational information (Governance "
            "Handbook contents, following the NHS England model)",
            "Governance Handbook contents, bullet 3 (up-to-date list of eligible providers)",
            "https://notts.icb.nhs.uk/organisational-information",
        ),
        secondary(
            "Bristol, North Somerset and South Gloucestershire ICB, Governance handbook",
            "list of primary medical services providers eligible to nominate; joint nomination",
            "https://bnssg.icb.nhs.uk/about-us/governance/governance-handbook",
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
    ],
)
def eligible_nominators_list(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB keeps a list of the bodies eligible to nominate partner members.

    Requirement: The ICB keeps an up-to-date list of the bodies eligible to nominate for each
    partner seat (for example the primary medical services providers), usually in its
    governance handbook, and each partner seat refers to the joint nomination process.
    Provision: Practice of ICBs that follow NHS England's model: their governance handbooks
    hold "the up-to-date list of eligible providers". This is a task of the ICB, not words
    the constitution must contain, so a constitution that does not say where the list is
    kept is "not stated".
    Why: Joint nomination needs an agreed list of who may take part; without it a nomination
    can be challenged by a body that was left out.
    Fix: Set `related_documents.eligible_nominators_list` to where the list is kept (for
    example "Governance Handbook, part 5"), and give every partner seat a
    `nomination_process_ref`. The rule can only check that these references are present.
    Source: From the pages of Nottingham and Nottinghamshire ICB (its governance handbook
    holds the "up-to-date list of eligible providers" for primary medical services) and
    Bristol, North Somerset and South Gloucestershire ICB (its handbook describes the list of
    providers eligible to nominate and the joint nomination process), and the model
    constitution's clause 2.1.6 as published by NHS Hertfordshire and West Essex ICB
    (partner members are nominated and appointed under section 3). No NHS England text on
    the list was available.
    """
    related = doc.related_documents
    if related is None or not related.eligible_nominators_list:
        yield Missing(
            ("related_documents", "eligible_nominators_list"),
            "The constitution does not say where the list of bodies eligible to nominate "
            "partner members is kept; ICBs following NHS England's model keep it up to date, "
            "usually in the governance handbook. If there is one, add "
            "related_documents.eligible_nominators_list.",
        )
    yield from _missing_nomination_process(doc, "")


@rule(
    code="ICB069",
    slug="prescribed-description-clause",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 8(2) (sub-paragraph letters other than (a) not verified)",
            f"{SCH_1B}/paragraph/8",
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
        secondary(
            "Health and Care Bill, HL Bill 71 (2021)",
            "clause 14Z47(3), partner trusts of the description in paragraph 8(2)(a)",
            "https://publications.parliament.uk/pa/bills/lbill/58-02/071/5802071_en_4.html",
        ),
    ],
)
def prescribed_description_clause(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Only trusts and GP providers of a prescribed description may join in nominating.

    Requirement: The NHS trusts, foundation trusts and primary medical services providers that
    join in nominating partner members are those that provide services in the ICB's area and
    are of the description prescribed in regulations.
    Provision: Schedule 1B paragraph 8(2), as the model constitution gives it (clause 2.1.6):
    the nominating trusts and providers are those "that provide services within the ICB's
    area and are of a prescribed description". Who may nominate is fixed by the Act and the
    regulations; nothing read requires the constitution to repeat the test, so a
    constitution that is silent on it is "not stated", while one that says otherwise is a
    breach.
    Why: The right to nominate comes from the prescribed description, not from the ICB's
    choice; a constitution that lists bodies without that test can include or leave out the
    wrong ones.
    Fix: Include the clause (as the model's clause 2.1.6 does) and set
    `board.prescribed_description_clause: true`. This is a presence-of-clause rule: it can
    only check that the clause is present, not that its wording is right.
    Source: Secondary. Schedule 1B paragraph 8(2) was not available in the text of the Act;
    only its limb (a), the trust limb, is confirmed, by SI 2024/1205 regulation 2(3), so the
    other sub-paragraph letters are not verified. From the model constitution's clause 2.1.6
    as published by NHS Hertfordshire and West Essex ICB ("of a prescribed description") and
    HL Bill 71 clause 14Z47(3); NHS England's own model text was not available, and the
    regulations that prescribe the description were not found.
    """
    board = doc.board
    yield from unless_true(
        board.prescribed_description_clause if board is not None else None,
        ("board", "prescribed_description_clause"),
        "The constitution does not say that the NHS trusts, foundation trusts and primary "
        "medical services providers that nominate partner members are those that provide "
        "services in the area and are of the description prescribed in regulations; the Act "
        "limits the nominating bodies to those. If it does, set "
        "board.prescribed_description_clause: true.",
        contradicted=(
            "The constitution lets NHS trusts, foundation trusts or primary medical services "
            "providers nominate partner members without being of the description prescribed "
            "in regulations (board.prescribed_description_clause: false); the Act limits the "
            "nominating bodies to those that provide services in the area and are of that "
            "description. Bring the text into line."
        ),
    )


def _named_councils(doc: IcbConstitution, seat: Seat) -> list[str]:
    """The councils a seat says nominate it: its nominating_bodies, else the councils listed
    in local_authorities that its nominated_by names."""
    if seat.nominating_bodies:
        return list(seat.nominating_bodies)
    text = normalise(seat.nominated_by)
    return [
        c.name
        for c in doc.local_authorities
        if text and re.search(rf"\b{re.escape(normalise(c.name))}\b", text)
    ]


@rule(
    code="ICB070",
    slug="local-authority-nominators",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    citations=[
        _para8("sub-paragraph letter not verified"),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
        secondary(
            "Written answer HL6183 (DHSC, 23 February 2022)",
            "local authority partner member",
            "https://questions-statements.parliament.uk/written-questions/detail/2022-02-10/HL6183/",
        ),
    ],
)
def local_authority_nominators(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """No council outside the area's social care councils joins the local authority nomination.

    Requirement: The councils that jointly nominate the local authority partner member are
    those responsible for social care whose areas coincide with, or include all or part of,
    the ICB's area, and no others.
    Provision: Schedule 1B paragraph 8(1) opens "The constitution must—"; the sub-paragraph on
    this member was not available, and the model constitution, clause 2.1.6, gives the class:
    "the local authorities that are responsible for providing social care and whose area
    coincides with or includes the whole or any part of the ICB's area". The constitution
    must provide for the member nominated by that class, so a constitution that adds another
    council to its nomination is in breach.
    Why: Adding a council without social care responsibility (a district council in a
    two-tier area) or from outside the area gives a say to a body that has none.
    Fix: Name in the local authority seat's `nominating_bodies` (or `nominated_by`) only the
    councils in `local_authorities` that are responsible for social care. A seat is checked
    when it names at least one of those councils, since it then presents itself as their
    joint nomination; a further local authority seat nominated in another way is not. A
    council is outside the class when the document says so (`social_care_responsible:
    false`, or `type: shire_district`) or, in `nominating_bodies`, when it is not listed in
    `local_authorities` at all. That every such council takes part is ICB016's check.
    Source: Secondary. From the model constitution's clause 2.1.6 as published by NHS
    Hertfordshire and West Essex ICB (the local authorities "responsible for providing social
    care" whose area coincides with or includes the whole or any part of the ICB's area) and
    DHSC's written answer HL6183 (23 February 2022); NHS England's own model text was not
    available, nor the words of paragraph 8 after 8(1)(a), so the sub-paragraph letter is not
    verified.
    """
    if not doc.local_authorities:
        return
    status = {normalise(c.name): council_in_class(c) for c in doc.local_authorities}
    for index, seat in seats(doc):
        if seat.partner_sector != "local_authority":
            continue
        named = _named_councils(doc, seat)
        if not any(status.get(normalise(name)) for name in named):
            continue
        extra = [
            name
            for name in named
            if status.get(normalise(name)) is False
            or (seat.nominating_bodies and normalise(name) not in status)
        ]
        if extra:
            one = len(extra) == 1
            yield Contradiction(
                seat_loc(index, "nominating_bodies" if seat.nominating_bodies else "nominated_by"),
                f"Seat {seat_name(seat)} is the local authority partner member, and the "
                f"constitution names {listed(extra)} among the councils that nominate it, but "
                f"{'it is' if one else 'they are'} not among the councils in local_authorities "
                "responsible for social care for the area. Only those councils nominate the "
                f"member; remove {'it' if one else 'them'}, or correct local_authorities.",
            )


@rule(
    code="ICB071",
    slug="member-removal",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        secondary(
            "NHS England model ICB constitution, as published by Herts and West Essex ICB",
            "section 3, removal of members (clause not read, not verified)",
            HWE_SECTION_3,
        ),
    ],
)
def member_removal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should say who may remove each member other than the chair (unverified).

    Requirement: The model constitution is believed to provide for removing board members
    from office (for example on disqualification, long absence or conduct) and to say who
    decides, for every member other than the chair.
    Provision: No provision was read. The model constitution's removal clause was not
    available, so nothing read requires the constitution to say who may remove a member; a
    seat that does not say is "not stated".
    Why: Without a removal route the ICB cannot act when a member becomes disqualified or
    unsuitable, short of waiting for the term to end.
    Fix: Set `removal_by` on every seat other than the chair's (for example `removal_by:
    Chief Executive` with `removal_approved_by: Chair`). The chair is covered by ICB051:
    only NHS England may remove the chair.
    Source: The requirement is not verified. NHS England's model constitution was not
    available, and the copy of its section 3 published by NHS Hertfordshire and West Essex
    ICB was available only to clause 3.2.6, before any removal clause. Reported at info level
    and marked "Unverified requirement".
    """
    for index, seat in seats(doc):
        if seat.role != "chair" and not seat.removal_by:
            yield Missing(
                seat_loc(index, "removal_by"),
                f"{UNVERIFIED}the constitution does not say who may remove the holder of seat "
                f"{seat_name(seat)} from office. NHS England's model is believed to set this out "
                "for every member other than the chair; if the constitution does, add "
                "removal_by (and removal_approved_by if an approval is needed).",
            )


@rule(
    code="ICB072",
    slug="term-of-appointment",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        secondary(
            "NHS England model ICB constitution, as published by Herts and West Essex ICB",
            "section 3, terms of appointment (clause not read, not verified)",
            HWE_SECTION_3,
        ),
    ],
)
def term_of_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Non-executive and partner seats should state their term of appointment (unverified).

    Requirement: The model constitution is believed to state the terms of appointment (length
    of term, whether re-appointment is allowed) for each type of ordinary member, at least
    non-executive and partner members.
    Provision: No provision was read. The model constitution's terms-of-appointment clause
    was not available, so nothing read requires the constitution to state a term; a seat
    that does not is "not stated".
    Why: A fixed term lets the board plan succession and review each member's fit; an open
    term makes removal the only way to renew the board.
    Fix: Set `term_years` (and `max_terms` if re-appointment is limited) on each ordinary
    seat. Executive seats (`category: executive`, or `must_be_employee: true`) hold office
    through their employment and are not checked. No length is enforced: none could be
    verified.
    Source: The requirement is not verified. NHS England's model constitution was not
    available, the copy of its section 3 published by NHS Hertfordshire and West Essex ICB
    was available only to clause 3.2.6, and no source read gives term lengths. Reported at
    info level and marked "Unverified requirement".
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        if seat.category == "executive" or seat.must_be_employee:
            continue
        if seat.term_years is None:
            yield Missing(
                seat_loc(index, "term_years"),
                f"{UNVERIFIED}the constitution does not say how long the holder of seat "
                f"{seat_name(seat)} is appointed for. NHS England's model is believed to set a "
                "term for non-executive and partner members; if the constitution does, add "
                "term_years (and max_terms if re-appointment is limited).",
            )


CAPSTICKS_URL = (
    "https://capsticks.com/insights/establishment-of-integrated-care-boards-understanding-their-"
    "composition-avoiding-conflicts-of-interest-and-nominating-board-members"
)
_SECTORS = {
    "nhs_trust_ft": "NHS trusts and foundation trusts",
    "primary_medical_services": "primary medical services",
}


@rule(
    code="ICB064",
    slug="local-authority-member-officer-or-councillor",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(
            "Capsticks, Establishment of Integrated Care Boards: understanding their "
            "composition (13 April 2022), summarising NHS England's interim guidance on ICB "
            "functions and governance as updated in 2022",
            "ICB membership, bullet 3: the local authority partner member is often a chief "
            "executive or senior officer, and may be an elected member",
            CAPSTICKS_URL,
        ),
        secondary(
            "West Berkshire Health and Wellbeing Board, minutes on the Integrated Care System "
            "update (2022)",
            "minute on the ICB: local authority members are no longer disqualified from "
            "sitting on the ICB",
            "https://decisionmaking.westberks.gov.uk/mgAi.aspx?ID=70464",
        ),
    ],
)
def local_authority_member_officer_or_councillor(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Whether a member is a council officer or a councillor is said only of the council seat.

    Requirement: `local_authority_member` (officer, councillor or either) describes the local
    authority partner member: often a council chief executive or senior officer, though an
    elected member (a councillor) may hold the seat. It belongs on the seat with
    `partner_sector: local_authority`. A councillor in that seat is lawful: the ICB
    disqualification list has no bar on councillors (ICB037 never reports one), and no rule
    reports a councillor there.
    Provision: NHS England's interim guidance on ICB functions and governance, as updated in
    2022 and summarised by Capsticks: "The local authority partner member will often be the
    chief executive of their organisation or someone in a relevant executive level role.
    However, it may be an elected member of the local authority where locally this is deemed
    most appropriate." Nothing requires the constitution to say which, so the rule checks
    only that the document says it of the right seat: on a seat recorded as another kind of
    member it contradicts the document's own board and is in breach; on a seat whose kind is
    not stated it is "not stated".
    Why: A seat recorded as a trust or primary care partner member, or as an executive or
    non-executive member, with a councillor or council officer in it is either mislabelled,
    or brings a council's voice into a seat meant for another sector.
    Fix: Set `local_authority_member` only on the local authority partner member's seat (with
    `partner_sector: local_authority`); remove it from any other seat, or correct the seat's
    `partner_sector` or `category`.
    Source: From Capsticks' briefing of 13 April 2022 on NHS England's interim guidance on
    ICB functions and governance (as updated in 2022); the guidance's own text was not
    available. The West Berkshire Health and Wellbeing Board's minutes of 2022 record that
    local authority members are no longer disqualified from the ICB. Guidance, so it warns.
    """
    described = [(i, s) for i, s in seats(doc) if s.local_authority_member is not None]
    if not described:
        yield NotApplicable(
            "No board seat says whether its member is a council officer or a councillor."
        )
        return
    for index, seat in described:
        said = (
            f"Seat {seat_name(seat)} says whether its member is a council officer or a "
            f"councillor (local_authority_member: {seat.local_authority_member}), which "
            "describes the local authority partner member"
        )
        if seat.partner_sector == "local_authority":
            continue
        if seat.partner_sector is not None:
            yield Contradiction(
                seat_loc(index, "local_authority_member"),
                f"{said}, but the seat is the "
                f"{_SECTORS.get(seat.partner_sector, seat.partner_sector)} partner member's "
                f"(partner_sector: {seat.partner_sector}). Remove local_authority_member, or "
                "correct partner_sector.",
            )
        elif seat.role in ("chair", "chief_executive") or seat.category in (
            "executive",
            "non_executive",
        ):
            kind = (
                f"the {seat.role.replace('_', ' ')}'s seat"
                if seat.role in ("chair", "chief_executive")
                else f"a {(seat.category or '').replace('_', '-')} member's seat"
            )
            yield Contradiction(
                seat_loc(index, "local_authority_member"),
                f"{said}, but the seat is {kind}. Remove local_authority_member, or correct "
                "the seat's role or category.",
            )
        else:
            yield Missing(
                seat_loc(index, "partner_sector"),
                f"{said}, but the document does not say the seat is that member's. If it is, "
                "set partner_sector: local_authority; if not, remove local_authority_member.",
            )

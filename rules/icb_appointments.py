"""Catalogue section F: appointing and removing ordinary members."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_MODEL,
    HWE_SECTION_2,
    NHS_ACT_2006,
    SCH_1B,
    is_body,
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
    citations=[sch1b("8(1)(a)")],
)
def ordinary_member_appointer(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must say who appoints each ordinary member.

    Requirement: For every ordinary member the constitution must specify who appoints them.
    Why: Without a named appointer there is no lawful route to fill the seat. (Under the
    model constitution the chief executive appoints most ordinary members, subject to the
    chair's approval.)
    Fix: Set `appointed_by` on every seat with `role: ordinary`, for example
    `appointed_by: Chief Executive`.
    Source: Schedule 1B paragraph 8(1)(a), read in the revised text on legislation.gov.uk up
    to its opening words only ("specify who is to appoi..."), which carry this requirement
    (S01, [V] for the opening words); the rest of paragraph 8 was not available.
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        if not seat.appointed_by:
            yield Finding(
                seat_loc(index, "appointed_by"),
                f"Seat {seat_name(seat)} is an ordinary member but the constitution does not say "
                "who appoints it. Add appointed_by (under the model, usually the Chief "
                "Executive with the Chair's approval).",
            )


# --- helpers for ICB066-ICB072 ----------------------------------------------------------------


def _para8(note: str) -> Citation:
    """Schedule 1B paragraph 8, whose text after 8(1)(a) was not read in primary text."""
    return Citation(NHS_ACT_2006, f"Schedule 1B, paragraph 8 ({note})", f"{SCH_1B}/paragraph/8")


def _is_partner(seat: Seat) -> bool:
    return seat.category == "partner" or seat.partner_sector is not None


def _partner_seats(doc: IcbConstitution) -> list[tuple[int, Seat]]:
    return [(i, s) for i, s in seats_with_role(doc, "ordinary") if _is_partner(s)]


def _missing_nomination_process(doc: IcbConstitution, prefix: str) -> Iterator[Finding]:
    """Partner seats that do not point to the clause on how their joint nomination works."""
    for index, seat in _partner_seats(doc):
        if not seat.nomination_process_ref:
            yield Finding(
                seat_loc(index, "nomination_process_ref"),
                f"{prefix}Partner seat {seat_name(seat)} does not say how its joint nomination "
                "is sought and handled (for example each eligible body being invited to put "
                "forward a nominee). Add nomination_process_ref naming the clause or handbook "
                "section that sets out the process.",
            )


@rule(
    code="ICB066",
    slug="ordinary-member-appointment-process",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
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
    Why: Naming an appointer (ICB065) is not enough to fill a seat fairly: candidates, the
    nominating bodies and NHS England need to see the steps, and partner seats depend on a
    joint nomination that only works if the process is written down.
    Fix: On every `role: ordinary` seat set `appointment_process` (a short description) or
    `nomination_process_ref` (the clause that describes it). Partner seats need
    `nomination_process_ref` for the joint nomination step.
    Source: The requirement is not verified. The sub-paragraph of Schedule 1B paragraph 8
    after 8(1)(a) was not in any stored primary copy (the legislation.gov.uk text read stops
    at "specify who is to appoi..."); searches this session found no further text.
    Secondary: Capsticks' summary of the Bill lists "how the ordinary members will be
    appointed" among the constitution's contents, and the model constitution's section 3
    "Appointments process for the board" (Herts and West Essex ICB, read to 3.2.6) sets it
    out seat by seat. Catalogue tag statute [U], so this ships as a warning marked
    "Unverified requirement".
    """
    yield from _missing_nomination_process(doc, UNVERIFIED)
    for index, seat in seats_with_role(doc, "ordinary"):
        if _is_partner(seat):
            continue
        if not (seat.appointment_process or seat.nomination_process_ref):
            yield Finding(
                seat_loc(index, "appointment_process"),
                f"{UNVERIFIED}Seat {seat_name(seat)} is an ordinary member but the constitution "
                "does not describe how it is appointed. Add appointment_process (for example "
                "\"Open recruitment, appointed by the Chief Executive with the Chair's "
                'approval") or nomination_process_ref naming the clause that sets it out.',
            )


@rule(
    code="ICB067",
    slug="chair-approves-ordinary-members",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
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
    Why: The chair's approval is the check that keeps the board suitable and balanced, and it
    is how the chair secures a member with mental-health expertise (ICB017).
    Fix: On every `role: ordinary` seat set `appointment_approved_by: Chair`. A seat the chair
    appoints (`appointed_by: Chair`) needs no separate approval and passes as it is.
    Source: Secondary. The sub-paragraph of Schedule 1B paragraph 8 that gives the chair this
    approval was not read in primary text (the stored legislation.gov.uk copy stops inside
    8(1)(a)), so no sub-paragraph number is given. DHSC's written answer HL9462 (22 July
    2025, after the Act) refers to the chair's "approval function" over ordinary members;
    written answer 80412 (1 December 2021, Bill stage) says the chair can veto board members;
    NHS Providers (2023) says the chair makes the final decision on trust partner members.
    Catalogue tag: [S] for the substance (addendum section 9, ICB067), sub-paragraph [U].
    Severity: the catalogue's "warning until verified" was written while the requirement was
    [U]; it is now statute [S] with Act-era ministerial confirmation, and section 0.2 ships
    statute [S] as an error citing the secondary sources, so this is an error.
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        approver = seat.appointment_approved_by
        if is_body(approver, "Chair"):
            continue
        if approver is None and is_body(seat.appointed_by, "Chair"):
            continue
        stated = f"says {approver}" if approver else "names no approver"
        yield Finding(
            seat_loc(index, "appointment_approved_by"),
            f"Seat {seat_name(seat)} is an ordinary member; its appointment must be subject to "
            f"the approval of the ICB chair, but the constitution {stated}. Set "
            "appointment_approved_by: Chair.",
        )


@rule(
    code="ICB068",
    slug="eligible-nominators-list",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
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
    Why: Joint nomination needs an agreed list of who may take part; without it a nomination
    can be challenged by a body that was left out.
    Fix: Set `related_documents.eligible_nominators_list` to where the list is kept (for
    example "Governance Handbook, part 5"), and give every partner seat a
    `nomination_process_ref`. The rule can only check that these references are present.
    Source: Secondary. No NHS England text on the list was read; the model constitution annex
    was not available. Nottingham and Nottinghamshire ICB's page (opening read) says its
    governance handbook holds the "up-to-date list of eligible providers" for primary medical
    services, and BNSSG ICB's handbook page (opening read) describes the list of providers
    eligible to nominate and the joint nomination process; Herts and West Essex 2.1.6 (model
    text) says partner members are nominated and appointed under section 3. Catalogue tag
    nhse-policy [S], shipped at error level.
    """
    related = doc.related_documents
    if related is None or not related.eligible_nominators_list:
        yield Finding(
            ("related_documents", "eligible_nominators_list"),
            "The constitution does not say where the list of bodies eligible to nominate "
            "partner members is kept. Add related_documents.eligible_nominators_list (usually a "
            "part of the governance handbook) and keep the list up to date.",
        )
    yield from _missing_nomination_process(doc, "")


@rule(
    code="ICB069",
    slug="prescribed-description-clause",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
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
    are of the description prescribed in regulations, and the constitution says so.
    Why: The right to nominate comes from the prescribed description, not from the ICB's
    choice; a constitution that lists bodies without that test can include or leave out the
    wrong ones.
    Fix: Include the clause (as the model's clause 2.1.6 does) and set
    `board.prescribed_description_clause: true`. This is a presence-of-clause rule: it can
    only check that the clause is present, not that its wording is right.
    Source: Secondary. Schedule 1B paragraph 8(2) was not read in primary text; only its limb
    (a), the trust limb, is confirmed, by SI 2024/1205 regulation 2(3). The substance is the
    model constitution's clause 2.1.6 as published by Herts and West Essex ICB ("of a
    prescribed description") and HL Bill 71 clause 14Z47(3). The regulations that prescribe
    the description were not found. Catalogue tag statute [S], shipped at error level.
    """
    board = doc.board
    yield from unless_true(
        board.prescribed_description_clause if board is not None else None,
        ("board", "prescribed_description_clause"),
        "The constitution does not say that the NHS trusts, foundation trusts and primary "
        "medical services providers that nominate partner members must provide services in "
        "the area and be of the description prescribed in regulations. Add the clause (model "
        "clause 2.1.6) and set board.prescribed_description_clause: true.",
    )


@rule(
    code="ICB070",
    slug="local-authority-nominators",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
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
    """The local authority partner member is nominated by exactly the area's social care councils.

    Requirement: The councils that jointly nominate the local authority partner member are
    those responsible for social care whose areas coincide with, or include all or part of,
    the ICB's area: all of them, and no others.
    Why: Leaving a social care council out denies it its statutory say; adding a council
    without social care responsibility (a district council in a two-tier area) or from
    outside the area gives a say to a body that has none.
    Fix: Make `nominating_bodies` on the seat with `partner_sector: local_authority` list
    exactly the councils in `local_authorities` that have `social_care_responsible: true`.
    When a seat lists no `nominating_bodies`, the rule does not check it: the model's
    generic wording ("the local authorities ... whose area coincides with ...") is lawful,
    and ICB016 already requires `nominated_by`. Councils whose `social_care_responsible` is
    not stated are neither required nor reported, and a document with no
    `local_authorities` has nothing to compare against, so it is not checked.
    Source: Secondary. Paragraph 8 beyond 8(1)(a) was not read in primary text, so the
    sub-paragraph letter is not given. The substance is the model constitution's clause
    2.1.6 as published by Herts and West Essex ICB (re-read this session: the local
    authorities "responsible for providing social care" whose area coincides with or includes
    the whole or any part of the ICB's area) and DHSC's written answer HL6183 (23 February
    2022). Catalogue tag statute [S], shipped at error level.
    """
    if not doc.local_authorities:
        return
    responsible = {
        normalise(la.name): la.name for la in doc.local_authorities if la.social_care_responsible
    }
    unknown = {
        normalise(la.name) for la in doc.local_authorities if la.social_care_responsible is None
    }
    for index, seat in seats(doc):
        if seat.partner_sector != "local_authority" or not seat.nominating_bodies:
            continue
        named = {normalise(body): body for body in seat.nominating_bodies}
        missing = [name for key, name in responsible.items() if key not in named]
        extra = [
            body for key, body in named.items() if key not in responsible and key not in unknown
        ]
        loc = seat_loc(index, "nominating_bodies")
        if missing:
            yield Finding(
                loc,
                f"Seat {seat_name(seat)} is the local authority partner member, but its "
                f"nominating_bodies leave out {_join(missing)}, which "
                f"{'has' if len(missing) == 1 else 'have'} social care responsibility for part "
                "of the ICB's area. Every such council takes part in the joint nomination; add "
                f"{'it' if len(missing) == 1 else 'them'}.",
            )
        if extra:
            yield Finding(
                loc,
                f"Seat {seat_name(seat)} lists {_join(extra)} among its nominating_bodies, but "
                f"{'it is' if len(extra) == 1 else 'they are'} not among the councils in "
                "local_authorities with social care responsibility for the area. Only those "
                f"councils nominate; remove {'it' if len(extra) == 1 else 'them'}, or correct "
                "local_authorities.",
            )


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@rule(
    code="ICB071",
    slug="member-removal",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
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
    Why: Without a removal route the ICB cannot act when a member becomes disqualified or
    unsuitable, short of waiting for the term to end.
    Fix: Set `removal_by` on every seat other than the chair's (for example `removal_by:
    Chief Executive` with `removal_approved_by: Chair`). The chair is covered by ICB051:
    only NHS England may remove the chair.
    Source: The requirement is not verified. The model constitution's removal clause was
    not read: the NHS England model annex was not available, and the Herts and West Essex
    copy of section 3 was read only to clause 3.2.6. Searches this session for the clause
    found nothing.
    Catalogue tag nhse-policy [U], so this ships as info marked "Unverified requirement".
    """
    for index, seat in seats(doc):
        if seat.role != "chair" and not seat.removal_by:
            yield Finding(
                seat_loc(index, "removal_by"),
                f"{UNVERIFIED}Seat {seat_name(seat)} does not say who may remove its holder "
                "from office. The NHS England model is believed to set this out for every "
                "member other than the chair; add removal_by (and removal_approved_by if an "
                "approval is needed).",
            )


@rule(
    code="ICB072",
    slug="term-of-appointment",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
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
    Why: A fixed term lets the board plan succession and review each member's fit; an open
    term makes removal the only way to renew the board.
    Fix: Set `term_years` (and `max_terms` if re-appointment is limited) on each ordinary
    seat. Executive seats (`category: executive`, or `must_be_employee: true`) hold office
    through their employment and are not checked. No length is enforced: none could be
    verified.
    Source: The requirement is not verified. The model constitution's terms-of-appointment
    clause was not read (the model annex was not available; Herts and West Essex section 3
    was read only to 3.2.6), and no source read gives term lengths. Catalogue tag
    nhse-policy [U], so this ships as info marked "Unverified requirement".
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        if seat.category == "executive" or seat.must_be_employee:
            continue
        if seat.term_years is None:
            yield Finding(
                seat_loc(index, "term_years"),
                f"{UNVERIFIED}Seat {seat_name(seat)} does not state how long its holder is "
                "appointed for. The NHS England model is believed to set a term for "
                "non-executive and partner members; add term_years (and max_terms if "
                "re-appointment is limited).",
            )

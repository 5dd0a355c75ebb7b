"""Independence, eligibility and disqualification of board members."""

from __future__ import annotations

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
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, sch1b, seat_loc, seat_name, seats, seats_with_role, secondary

ICB = "icb-constitution"


@rule(
    code="ICB030",
    slug="independence-bar",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("4")],
    requires="content",
)
def independence_bar(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """No one may be appointed whose appointment could undermine the NHS's independence.

    Requirement: The constitution must prohibit anyone from appointing a board member if
    they consider that the appointment could reasonably be regarded as undermining the
    independence of the health service, because of the candidate's involvement with the
    private healthcare sector or otherwise.
    Provision: Schedule 1B paragraph 4: "The constitution must prohibit a person from
    appointing someone as a member ... if they consider that the appointment could reasonably
    be regarded as undermining the independence of the health service because of the
    candidate's involvement with the private healthcare sector or otherwise." The
    constitution itself must contain the prohibition, so a constitution that is silent on it
    is in breach.
    Why: The bar protects commissioning decisions from private-sector influence, and covers
    every appointer and every seat.
    Fix: Add `independence_private_sector` to `disqualification.criteria` (the clause that
    bars such appointments).
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 4).
    """
    if "independence_private_sector" not in _disqualification_criteria(doc):
        yield Missing(
            CRITERIA,
            "The constitution does not prohibit appointments that could reasonably be regarded "
            "as undermining the independence of the health service (for example through the "
            "candidate's involvement with private healthcare); Schedule 1B paragraph 4 "
            "requires it to. Add the prohibition and independence_private_sector to "
            "disqualification.criteria.",
        )


# --- helpers ------------------------------------------------------------------------------------

CRITERIA = ("disqualification", "criteria")
HWE_SECTION_3 = "https://hertsandwestessex.icb.nhs.uk/us/constitution/3"
DESIGN_FRAMEWORK = Citation(
    "NHS England and NHS Improvement, ICS design framework (June 2021), as summarised in the "
    "NHS Confederation briefing of 16 June 2021",
    "pages 19-22, governance and management arrangements",
    "https://www.nhsconfed.org/publications/ics-design-framework",
)
CCG_REGS_SCH_5 = secondary(
    "National Health Service (Clinical Commissioning Groups) Regulations 2012 (SI 2012/1631), "
    "the CCG list the model's disqualification list descends from",
    "Schedule 5",
    "https://www.legislation.gov.uk/uksi/2012/1631/schedule/5/made",
)
SI_2012_1290_REG_3 = secondary(
    "SI 2012/1290 (membership regulations of a national NHS body), an analogous list",
    "regulation 3(1)",
    "https://legislation.gov.uk/uksi/2012/1290/regulation/3/made/data.html",
)


def _disqualification_criteria(doc: IcbConstitution) -> tuple[str, ...]:
    return doc.disqualification.criteria if doc.disqualification else ()


def _eligibility_criteria(doc: IcbConstitution) -> tuple[str, ...]:
    return doc.eligibility.criteria if doc.eligibility else ()


def _missing_criterion(
    present: tuple[str, ...], code: str, loc: tuple[str, ...], message: str
) -> Iterator[Finding]:
    """`message` at `loc` unless the criteria list contains `code`. Leaving a criterion out of
    the list says nothing against it, so it is Missing, never a contradiction."""
    if code not in present:
        yield Missing(loc, message)


# --- ICB031-ICB033: scope of the independence bar, and independent members --------------------


_SCOPES = {"non_executive_members": "the non-executive members only"}


@rule(
    code="ICB031",
    slug="independence-bar-all-members",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        sch1b("4"),
        secondary(
            "NHS Lancashire and South Cumbria ICB, board members page",
            "independence test applied to all board members",
            "https://www.lancashireandsouthcumbria.icb.nhs.uk/about-us/board/board-members",
        ),
    ],
    requires="content",
)
def independence_bar_all_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The independence bar must cover every board member, not only the non-executives.

    Requirement: The bar on appointments that could undermine the independence of the health
    service applies to appointing anyone as a member: the chair, the chief executive, the
    executives, the non-executives and the partner members alike.
    Provision: Schedule 1B paragraph 4: "The constitution must prohibit a person from
    appointing someone as a member" on the independence ground, without limiting the kind of
    member. The constitution itself must contain the prohibition, so one that limits it to
    some members is in breach; leaving the scope unstated is read as every member.
    Why: Partner and executive members are the ones most likely to have links with providers;
    a bar limited to non-executives leaves them out of the test the Act requires.
    Fix: Set `disqualification.scope: all_members` (or leave `scope` out when the criteria
    apply to every member).
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 4).
    NHS Lancashire and South Cumbria ICB applies the test to all its board members.
    """
    disqualification = doc.disqualification
    if disqualification is None or disqualification.scope in (None, "all_members"):
        return
    limited_to = _SCOPES.get(disqualification.scope, "some members only")
    yield Contradiction(
        ("disqualification", "scope"),
        f"The disqualification criteria apply to {limited_to}. "
        "The bar on appointments that could undermine the independence of the health service "
        "applies to every board member, partner and executive members included (Schedule 1B "
        "paragraph 4); set scope: all_members.",
    )


@rule(
    code="ICB032",
    slug="non-executive-independence",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        DESIGN_FRAMEWORK,
        secondary(
            "HSJ, NHS England reveals who will sit on ICS boards (16 June 2021)",
            "independent non-executives",
            "https://www.hsj.co.uk/policy-and-regulation/nhs-england-reveals-who-will-sit-on-"
            "ics-boards/7030317.article",
        ),
    ],
    requires="conduct",
)
def non_executive_independence(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Non-executive members should normally hold no other health or care post in the area.

    Requirement: The independent non-executive members are normally not to hold positions or
    offices in other health and care organisations in the ICS area.
    Provision: NHS England's design framework (June 2021), as summarised by the NHS
    Confederation: these individuals "will normally not hold positions or offices in other
    health and care organisations within the ICS footprint". This is a condition on who is
    appointed, not words the constitution must contain, so a constitution that is silent on
    it is "not stated"; one that requires no independence of a non-executive seat contradicts
    it.
    Why: Non-executives bring independent challenge and chair the audit and remuneration
    committees; a post in a local provider would compromise that.
    Fix: On each non-executive seat set `independence_requirement: normal` (no other local
    health or care post, save by exception) or `strict`.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's ICS design
    framework ("Governance and management arrangements"), and HSJ's report of the same day;
    the framework's own text was not available. It says "normally", so the rule warns. It
    checks the seat's stated requirement only; whether a postholder has such a post needs a
    register of postholders, which icslint does not read.
    """
    for index, seat in seats(doc):
        if seat.category != "non_executive" or seat.role == "chair":
            continue
        if seat.independence_requirement is None:
            yield Missing(
                seat_loc(index, "independence_requirement"),
                f"The constitution does not say whether non-executive seat {seat_name(seat)} "
                "requires independence from local health and care organisations. NHS "
                "England's design framework says independent non-executives normally hold no "
                "post in another health or care organisation in the area; if the constitution "
                "says so, set independence_requirement: normal (or strict).",
            )
        elif seat.independence_requirement == "none":
            yield Contradiction(
                seat_loc(index, "independence_requirement"),
                f"Non-executive seat {seat_name(seat)} requires no independence from local "
                "health and care organisations. NHS England's design framework says "
                "independent non-executives normally hold no post in another health or care "
                "organisation in the area; set independence_requirement: normal (or strict).",
            )


@rule(
    code="ICB033",
    slug="chair-independence",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        Citation(
            "Written answer HL6183 (DHSC, answered 23 February 2022)",
            "UIN HL6183, eligibility for independent chair roles",
            "https://questions-statements.parliament.uk/written-questions/detail/2022-02-10/HL6183/",
        ),
    ],
    requires="conduct",
)
def chair_independence(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chair must hold no role in any health or care organisation in the area.

    Requirement: Anyone with a role in a health or care organisation in the ICB's area is not
    eligible to be its independent chair, because of actual or perceived conflicts of interest.
    The exclusion applies to everyone, not only to local authority members.
    Provision: DHSC's written answer HL6183 (23 February 2022): anyone with a role in a
    health or care organisation in the ICB's area is "not eligible" to be its independent
    chair. This is a condition applied by NHS England when it appoints, not words the
    constitution must contain, so a constitution that is silent on it is "not stated"; one
    that allows the chair a local role contradicts it.
    Why: The chair leads a board that allocates money among the area's providers; any local
    role would make the chair's impartiality open to question.
    Fix: On the chair's seat set `independence_requirement: strict`.
    Source: From DHSC's written answer HL6183 of 23 February 2022, which states the exclusion
    as the basis on which NHS England identified the first chairs; the NHS England guidance
    behind it was not available. The answer's wording ("not eligible") is firm, so a
    contradiction is an error. The rule checks the seat's stated requirement only, not the
    postholder's other roles.
    """
    for index, seat in seats_with_role(doc, "chair"):
        requirement = seat.independence_requirement
        if requirement is None:
            yield Missing(
                seat_loc(index, "independence_requirement"),
                "The constitution does not say that the chair must hold no role in a health or "
                "care organisation in the ICB's area. DHSC has said that anyone with such a "
                "role is not eligible to be the chair; if the constitution says so, set "
                "independence_requirement: strict.",
            )
        elif requirement != "strict":
            allows = "no independence" if requirement == "none" else "exceptions"
            yield Contradiction(
                seat_loc(index, "independence_requirement"),
                f"The chair's seat allows {allows} (independence_requirement: {requirement}). "
                "DHSC has said that anyone with a role in a health or care organisation in the "
                "ICB's area is not eligible to be the chair; set independence_requirement: "
                "strict.",
            )


# --- ICB034-ICB036: eligibility -----------------------------------------------------------------


@rule(
    code="ICB034",
    slug="fit-and-proper-person",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(a)", HWE_SECTION_3), DESIGN_FRAMEWORK],
    requires="conduct",
)
def fit_and_proper_person(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must meet the fit and proper person test.

    Requirement: Each member of the board must comply with the criteria of the fit and proper
    person test.
    Provision: Clause 3.1.1 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "Each member of the ICB must: comply with the criteria of the 'fit and
    proper person test'". They are conditions on who may be a member, applied by whoever
    appoints; no provision read says the constitution itself must list them (NHS England's
    own model text, which may mark them as required text, was not available), so a
    constitution that is silent on them is "not stated", not in breach.
    Why: The test screens board members for past misconduct, unfitness and dishonesty, as it
    does for directors of NHS trusts and foundation trusts.
    Fix: Add `fit_and_proper` to `eligibility.criteria`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.1.1(a)), and the NHS Confederation's briefing on NHS England's
    ICS design framework (June 2021); NHS England's own model text was not available. The
    rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "fit_and_proper",
        ("eligibility", "criteria"),
        "The constitution's eligibility criteria do not say that board members must meet the "
        "fit and proper person test. NHS England's model requires it of every member; if the "
        "constitution says so, add fit_and_proper to eligibility.criteria.",
    )


@rule(
    code="ICB035",
    slug="nolan-principles",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(b)", HWE_SECTION_3), DESIGN_FRAMEWORK],
    requires="conduct",
)
def nolan_principles(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must be willing to uphold the seven principles of public life.

    Requirement: Each member of the board must be willing to uphold the Seven Principles of
    Public Life (the Nolan principles).
    Provision: Clause 3.1.1 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "Each member of the ICB must: ... be willing to uphold the Seven
    Principles of Public Life". They are conditions on who may be a member, applied by
    whoever appoints; no provision read says the constitution itself must list them (NHS
    England's own model text, which may mark them as required text, was not available), so a
    constitution that is silent on them is "not stated", not in breach.
    Why: Board members spend public money and take decisions about public services; the Nolan
    principles are the standard every public office-holder is held to.
    Fix: Add `nolan_principles` to `eligibility.criteria`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.1.1(b)), and the NHS Confederation's briefing on NHS England's
    ICS design framework (June 2021); NHS England's own model text was not available. The
    rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "nolan_principles",
        ("eligibility", "criteria"),
        "The constitution's eligibility criteria do not say that board members must uphold "
        "the seven principles of public life (the Nolan principles). NHS England's model "
        "requires it of every member; if the constitution says so, add nolan_principles to "
        "eligibility.criteria.",
    )


@rule(
    code="ICB036",
    slug="role-specification",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(c)", HWE_SECTION_3)],
    requires="conduct",
)
def role_specification(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must meet the role specification for their seat.

    Requirement: Each member of the board must fulfil the experience, knowledge, skills and
    attributes set out in a role specification for their seat.
    Provision: Clause 3.1.1 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "Each member of the ICB must: ... fulfil the requirements relating to
    relevant experience, knowledge, skills and attributes set out in a role specification."
    They are conditions on who may be a member, applied by whoever appoints; no provision
    read says the constitution itself must list them (NHS England's own model text, which
    may mark them as required text, was not available), so a constitution that is silent on
    them is "not stated", not in breach.
    Why: A role specification is how the appointer shows the member was chosen for what the
    seat needs, not for whom they represent.
    Fix: Add `role_specification` to `eligibility.criteria` (and give each seat a
    `role_spec_ref`).
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.1.1(c)); NHS England's own model text was not available. The
    rule can only check that the criterion is listed, not that each seat has a role
    specification.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "role_specification",
        ("eligibility", "criteria"),
        "The constitution's eligibility criteria do not say that board members must meet a "
        "role specification for their seat. NHS England's model requires it of every member; "
        "if the constitution says so, add role_specification to eligibility.criteria.",
    )


# --- ICB037-ICB042: disqualification ------------------------------------------------------------


@rule(
    code="ICB037",
    slug="disqualification-mp",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.1", HWE_SECTION_3), CCG_REGS_SCH_5],
    requires="conduct",
)
def disqualification_mp(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A Member of Parliament may not be a board member.

    Requirement: A Member of Parliament is disqualified from board membership. Local
    councillors are not disqualified: the model drops the CCG-era bar on local authority
    members, and the local authority partner member may be an elected member.
    Provision: Clause 3.2.1 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB, lists "A Member of Parliament" among the "Disqualification criteria for
    board membership". They are conditions on who may be a member, applied by whoever
    appoints; no provision read says the constitution itself must list them (NHS England's
    own model text, which may mark them as required text, was not available), so a
    constitution that is silent on them is "not stated", not in breach.
    Why: Keeps national party politics out of the board of a local NHS body.
    Fix: Add `member_of_parliament` to `disqualification.criteria`. Do not add a bar on
    councillors; the model has none.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.2.1); NHS England's own model text was not available. The same
    item is paragraph 1 of Schedule 5 to the CCG Regulations 2012 (read on
    legislation.gov.uk), whose bars on local authority members and others the model does not
    carry. The rule only checks that the criterion is listed, and never flags councillors.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "member_of_parliament",
        CRITERIA,
        "The constitution's disqualification criteria do not say that a Member of Parliament "
        "may not be a board member. NHS England's model disqualifies them; if the constitution "
        "says so, add member_of_parliament to disqualification.criteria.",
    )


@rule(
    code="ICB038",
    slug="disqualification-conviction",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.3", HWE_SECTION_3), CCG_REGS_SCH_5],
    requires="conduct",
)
def disqualification_conviction(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone imprisoned for three months or more in the last five years is disqualified.

    Requirement: A person is disqualified if, in the five years before the proposed
    appointment, they were convicted (in the UK, or abroad of what would be an offence in the
    UK) and sentenced to imprisonment of at least three months, suspended or not, without the
    option of a fine.
    Provision: Clause 3.2.3 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "A person who, within the period of five years immediately preceding the
    date of the proposed appointment, has been convicted" and sentenced to "imprisonment ...
    for a period of not less than three months without the option of a fine". They are
    conditions on who may be a member, applied by whoever appoints; no provision read says
    the constitution itself must list them (NHS England's own model text was not available),
    so a constitution that is silent on them is "not stated"; one that states a different
    period or threshold contradicts the model.
    Why: The same test applies across NHS boards; a different period or threshold would let
    in, or keep out, people the rest of the NHS treats otherwise.
    Fix: Add `conviction_5y_3m` to `disqualification.criteria`; if you give
    `disqualification.conviction`, set `years: 5` and `min_sentence_months: 3`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.2.3); NHS England's own model text was not available. The same
    words are paragraph 4 of Schedule 5 to the CCG Regulations 2012 (read on
    legislation.gov.uk). The rule checks that the criterion is listed and, where the document
    states them, its period and threshold.
    """
    disqualification = doc.disqualification
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "conviction_5y_3m",
        CRITERIA,
        "The constitution's disqualification criteria do not cover recent convictions. NHS "
        "England's model disqualifies anyone convicted in the five years before appointment "
        "and sentenced to prison for three months or more without the option of a fine; if "
        "the constitution says so, add conviction_5y_3m to disqualification.criteria.",
    )
    terms = disqualification.conviction if disqualification else None
    if terms is None:
        return
    if terms.years is not None and terms.years != 5:
        yield Contradiction(
            ("disqualification", "conviction", "years"),
            f"The conviction bar looks back {terms.years} years; the model looks back five "
            "years before the proposed appointment. Set years: 5, or record NHS England's "
            "agreement to the variation.",
        )
    if terms.min_sentence_months is not None and terms.min_sentence_months != 3:
        yield Contradiction(
            ("disqualification", "conviction", "min_sentence_months"),
            f"The conviction bar applies to sentences of {terms.min_sentence_months} months or "
            "more; the model applies it to prison sentences of three months or more. Set "
            "min_sentence_months: 3.",
        )


@rule(
    code="ICB039",
    slug="disqualification-bankruptcy",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.4", HWE_SECTION_3), SI_2012_1290_REG_3],
    requires="conduct",
)
def disqualification_bankruptcy(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone subject to a bankruptcy restrictions order is disqualified.

    Requirement: A person is disqualified while subject to a bankruptcy restrictions order or
    interim order, under the law of England and Wales, Scotland or Northern Ireland.
    Provision: Clause 3.2.4 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "A person who is subject to a bankruptcy restrictions order or an interim
    bankruptcy restrictions order". They are conditions on who may be a member, applied by
    whoever appoints; no provision read says the constitution itself must list them (NHS
    England's own model text, which may mark them as required text, was not available), so a
    constitution that is silent on them is "not stated", not in breach.
    Why: Board members are responsible for large public budgets; the restriction follows the
    one for other NHS boards.
    Fix: Add `bankruptcy_restrictions_order` to `disqualification.criteria`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.2.4); NHS England's own model text was not available. The same
    wording is in SI 2012/1290 regulation 3(1)(b) (read on legislation.gov.uk). The rule can
    only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "bankruptcy_restrictions_order",
        CRITERIA,
        "The constitution's disqualification criteria do not cover bankruptcy restrictions "
        "orders. NHS England's model disqualifies anyone subject to one; if the constitution "
        "says so, add bankruptcy_restrictions_order to disqualification.criteria.",
    )


@rule(
    code="ICB040",
    slug="disqualification-dismissal",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.5", HWE_SECTION_3), SI_2012_1290_REG_3],
    requires="conduct",
)
def disqualification_dismissal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone dismissed by a health service body in the last five years is disqualified.

    Requirement: A person is disqualified if, in the five years before the proposed
    appointment, a health service body dismissed them from paid employment for a reason other
    than redundancy.
    Provision: Clause 3.2.5 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB: "A person who has been dismissed within the period of five years
    immediately preceding the date of the proposed appointment, otherwise than because of
    redundancy, from paid employment by any Health Service Body." They are conditions on who
    may be a member, applied by whoever appoints; no provision read says the constitution
    itself must list them (NHS England's own model text, which may mark them as required
    text, was not available), so a constitution that is silent on them is "not stated", not
    in breach.
    Why: Someone recently dismissed by an NHS body should not return at once to govern one.
    Fix: Add `dismissal_health_body_5y` to `disqualification.criteria`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.2.5); NHS England's own model text was not available. The same
    wording is in SI 2012/1290 regulation 3(1)(c) (read on legislation.gov.uk). The rule can
    only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "dismissal_health_body_5y",
        CRITERIA,
        "The constitution's disqualification criteria do not cover dismissal by a health "
        "service body in the five years before appointment (other than for redundancy). NHS "
        "England's model disqualifies such a person; if the constitution says so, add "
        "dismissal_health_body_5y to disqualification.criteria.",
    )


@rule(
    code="ICB041",
    slug="disqualification-office-terminated",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.6", HWE_SECTION_3), SI_2012_1290_REG_3],
    requires="conduct",
)
def disqualification_office_terminated(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """Someone removed early from office in a health service body is disqualified.

    Requirement: A person is disqualified if their term as chair, member, director or governor
    of a health service body was ended early on grounds such as: it was not in the interests of
    the body or the health service that they continue; failing to attend three meetings in a
    row without reasonable excuse; failing to declare a pecuniary interest; or misconduct.
    Provision: Clause 3.2.6 of the model constitution, as published by NHS Hertfordshire and
    West Essex ICB, opens "A person whose term of appointment as the Chair, a Member, a
    Director or a Governor" of a health service body was ended early. They are conditions on
    who may be a member, applied by whoever appoints; no provision read says the constitution
    itself must list them (NHS England's own model text, which may mark them as required
    text, was not available), so a constitution that is silent on them is "not stated", not
    in breach.
    Why: Someone removed from one NHS board for these reasons should not be appointed to another.
    Fix: Add `office_terminated_health_body` to `disqualification.criteria`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 3.2.6); the published copy available stops after the clause's
    opening words, and NHS England's own model text was not available. The opening words
    match SI 2012/1290 regulation 3(1)(d) (read on legislation.gov.uk), and the grounds above
    are that regulation's, taken by analogy. The rule can only check that the criterion is
    listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "office_terminated_health_body",
        CRITERIA,
        "The constitution's disqualification criteria do not cover people whose office as "
        "chair, member, director or governor of a health service body was ended early (for "
        "example for misconduct or non-attendance). NHS England's model disqualifies them; if "
        "the constitution says so, add office_terminated_health_body to "
        "disqualification.criteria.",
    )


# Items believed to follow 3.2.6 in the model list, by analogy with CCG Regulations Schedule 5
# and SI 2012/1290 regulation 3; the model's own list was not available.
LIKELY_FURTHER_CRITERIA = (
    "nhs_disqualification",
    "professional_register_sanction",
    "director_disqualification",
    "charity_trustee_removal",
    "barred_list",
)


@rule(
    code="ICB042",
    slug="disqualification-further-criteria",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    citations=[
        secondary(HWE_MODEL, "section 3.2 (items after clause 3.2.6 not available)", HWE_SECTION_3),
        SI_2012_1290_REG_3,
        CCG_REGS_SCH_5,
    ],
    requires="conduct",
)
def disqualification_further_criteria(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The disqualification list probably goes on past the six items known; check it.

    Requirement: Unverified. NHS England's model disqualification list is believed to continue
    after clause 3.2.6, with items such as national NHS disqualification, sanctions by a
    professional regulator, company-director disqualification, removal as a charity trustee
    and inclusion in a barred list. Which items, and their wording, are not known. The rule
    looks at a disqualification list only where the constitution gives one.
    Provision: The requirement is not verified. No text of the items after clause 3.2.6 of
    the model was available, so nothing shows that the constitution must list them; like the
    items before them they would be conditions on who may be a member, so a list without
    them is "not stated", never a breach.
    Why: If the model has further items, a constitution that stops at 3.2.6 would depart from
    required model text without NHS England's agreement.
    Fix: Compare section 3.2 with NHS England's model and add the items it lists, for example
    `nhs_disqualification` or `director_disqualification` in `disqualification.criteria`. If
    the model has no further items, ignore this finding.
    Source: The requirement is not verified. NHS England's model text was not available,
    and the published copy of NHS Hertfordshire and West Essex ICB's section 3 stops inside
    clause 3.2.6, so whether the list goes on is unknown. The candidates come from analogous
    lists read on legislation.gov.uk: SI 2012/1290 regulation 3(1), whose items (a) to (d)
    the model's 3.2.3 to 3.2.6 follow and whose item (e) is national NHS disqualification,
    and Schedule 5 to the CCG Regulations 2012. No one candidate is required: the rule
    reports only when the list has none of them, and only at info.
    """
    present = _disqualification_criteria(doc)
    if not present:
        yield NotApplicable("the constitution lists no disqualification criteria")
        return
    if any(code in present for code in LIKELY_FURTHER_CRITERIA):
        return
    yield Missing(
        CRITERIA,
        "Unverified requirement: the constitution's disqualification criteria include none of "
        "the items believed to follow clause 3.2.6 of NHS England's model, such as national "
        "NHS disqualification, company-director disqualification or sanctions by a "
        "professional regulator. Check section 3.2 against the model and add any further items "
        "it lists to disqualification.criteria.",
    )

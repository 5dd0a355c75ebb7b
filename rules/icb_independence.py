"""Catalogue section C: independence, eligibility and disqualification of board members."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
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
)
def independence_bar(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """No one may be appointed whose appointment could undermine the NHS's independence.

    Requirement: The constitution must prohibit anyone from appointing a board member if
    they consider that the appointment could reasonably be regarded as undermining the
    independence of the health service, because of the candidate's involvement with the
    private healthcare sector or otherwise.
    Why: The bar protects commissioning decisions from private-sector influence, and covers
    every appointer and every seat.
    Fix: Add `independence_private_sector` to `disqualification.criteria` (the clause that
    bars such appointments).
    Source: Schedule 1B paragraph 4 read in the revised text on legislation.gov.uk (S01, [V]).
    """
    criteria = doc.disqualification.criteria if doc.disqualification else ()
    if "independence_private_sector" not in criteria:
        yield Finding(
            ("disqualification", "criteria"),
            "The constitution does not bar appointments that could reasonably be regarded as "
            "undermining the independence of the health service (for example through the "
            "candidate's involvement with private healthcare). Add independence_private_sector "
            "to disqualification.criteria.",
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
    """Report `message` at `loc` unless the criteria list contains `code`."""
    if code not in present:
        yield Finding(loc, message)


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
)
def independence_bar_all_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The independence bar must cover every board member, not only the non-executives.

    Requirement: The bar on appointments that could undermine the independence of the health
    service applies to appointing anyone as a member: the chair, the chief executive, the
    executives, the non-executives and the partner members alike.
    Why: Partner and executive members are the ones most likely to have links with providers;
    a bar limited to non-executives leaves them out of the test the Act requires.
    Fix: Set `disqualification.scope: all_members` (or leave `scope` out when the criteria
    apply to every member).
    Source: Schedule 1B paragraph 4 read in the revised text on legislation.gov.uk (S01, [V]):
    it forbids appointing someone "as a member" without limiting the kind of member.
    Lancashire and South Cumbria ICB applies the test to all its members ([S], practice).
    """
    disqualification = doc.disqualification
    if disqualification is None or disqualification.scope in (None, "all_members"):
        return
    limited_to = _SCOPES.get(disqualification.scope, "some members only")
    yield Finding(
        ("disqualification", "scope"),
        f"The disqualification criteria apply to {limited_to}. "
        "The bar on appointments that could undermine the independence of the health service "
        "applies to every board member, partner and executive members included; set "
        "scope: all_members.",
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
)
def non_executive_independence(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Non-executive members should normally hold no other health or care post in the area.

    Requirement: The independent non-executive members are normally not to hold positions or
    offices in other health and care organisations in the ICS area.
    Why: Non-executives bring independent challenge and chair the audit and remuneration
    committees; a post in a local provider would compromise that.
    Fix: On each non-executive seat set `independence_requirement: normal` (no other local
    health or care post, save by exception) or `strict`.
    Source: The design framework (June 2021), "Governance and management arrangements", read in
    the NHS Confederation's briefing (seed 004: these individuals "will normally not hold
    positions or offices in other health and care organisations within the ICS footprint");
    nhse-policy [S]. The framework says "normally", so the rule warns (catalogue section 6,
    item 7). It checks the seat's stated requirement only; whether a postholder has such a post
    needs a register of postholders, which icslint does not read yet.
    """
    for index, seat in seats(doc):
        if seat.category != "non_executive" or seat.role == "chair":
            continue
        if seat.independence_requirement not in ("normal", "strict"):
            yield Finding(
                seat_loc(index, "independence_requirement"),
                f"Non-executive seat {seat_name(seat)} does not require independence from "
                "local health and care organisations. Independent non-executives normally hold "
                "no post in another health or care organisation in the area; set "
                "independence_requirement: normal (or strict).",
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
)
def chair_independence(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chair must hold no role in any health or care organisation in the area.

    Requirement: Anyone with a role in a health or care organisation in the ICB's area is not
    eligible to be its independent chair, because of actual or perceived conflicts of interest.
    The exclusion applies to everyone, not only to local authority members.
    Why: The chair leads a board that allocates money among the area's providers; any local
    role would make the chair's impartiality open to question.
    Fix: On the chair's seat set `independence_requirement: strict`.
    Source: Secondary ([S]). DHSC's written answer HL6183 (23 February 2022), read in full,
    states the exclusion as the basis on which NHS England identified the first chairs; the
    NHS England guidance behind it was not read. The answer's wording ("not eligible") is
    firm, so the rule is an error (catalogue section 6, item 7). It checks the seat's stated
    requirement only, not the postholder's other roles.
    """
    for index, seat in seats_with_role(doc, "chair"):
        if seat.independence_requirement != "strict":
            yield Finding(
                seat_loc(index, "independence_requirement"),
                "The chair's seat does not require strict independence. No one with a role in "
                "a health or care organisation in the ICB's area may be its chair; set "
                "independence_requirement: strict.",
            )


# --- ICB034-ICB036: eligibility -----------------------------------------------------------------


@rule(
    code="ICB034",
    slug="fit-and-proper-person",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(a)", HWE_SECTION_3), DESIGN_FRAMEWORK],
)
def fit_and_proper_person(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must meet the fit and proper person test.

    Requirement: Each member of the board must comply with the criteria of the fit and proper
    person test.
    Why: The test screens board members for past misconduct, unfitness and dishonesty, as it
    does for directors of NHS trusts and foundation trusts.
    Fix: Add `fit_and_proper` to `eligibility.criteria`.
    Source: The model constitution's eligibility clause, read at Herts and West Essex ICB
    clause 3.1.1(a), and the design framework via the NHS Confederation briefing; nhse-policy
    [S]. The rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "fit_and_proper",
        ("eligibility", "criteria"),
        "The eligibility criteria do not require board members to meet the fit and proper "
        "person test. NHS England's model requires it of every member; add fit_and_proper to "
        "eligibility.criteria.",
    )


@rule(
    code="ICB035",
    slug="nolan-principles",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(b)", HWE_SECTION_3), DESIGN_FRAMEWORK],
)
def nolan_principles(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must be willing to uphold the seven principles of public life.

    Requirement: Each member of the board must be willing to uphold the Seven Principles of
    Public Life (the Nolan principles).
    Why: Board members spend public money and take decisions about public services; the Nolan
    principles are the standard every public office-holder is held to.
    Fix: Add `nolan_principles` to `eligibility.criteria`.
    Source: The model constitution's eligibility clause, read at Herts and West Essex ICB
    clause 3.1.1(b), and the design framework via the NHS Confederation briefing; nhse-policy
    [S]. The rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "nolan_principles",
        ("eligibility", "criteria"),
        "The eligibility criteria do not require board members to uphold the seven principles "
        "of public life (the Nolan principles). Add nolan_principles to eligibility.criteria.",
    )


@rule(
    code="ICB036",
    slug="role-specification",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.1.1(c)", HWE_SECTION_3)],
)
def role_specification(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every board member must meet the role specification for their seat.

    Requirement: Each member of the board must fulfil the experience, knowledge, skills and
    attributes set out in a role specification for their seat.
    Why: A role specification is how the appointer shows the member was chosen for what the
    seat needs, not for whom they represent.
    Fix: Add `role_specification` to `eligibility.criteria` (and give each seat a
    `role_spec_ref`).
    Source: The model constitution's eligibility clause, read at Herts and West Essex ICB
    clause 3.1.1(c); nhse-policy [S]. The rule can only check that the criterion is listed;
    the catalogue's info-level check that each seat has a `role_spec_ref` is not part of it.
    """
    yield from _missing_criterion(
        _eligibility_criteria(doc),
        "role_specification",
        ("eligibility", "criteria"),
        "The eligibility criteria do not require board members to meet a role specification "
        "for their seat. Add role_specification to eligibility.criteria.",
    )


# --- ICB037-ICB042: disqualification ------------------------------------------------------------


@rule(
    code="ICB037",
    slug="disqualification-mp",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.1", HWE_SECTION_3), CCG_REGS_SCH_5],
)
def disqualification_mp(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A Member of Parliament may not be a board member.

    Requirement: The disqualification criteria must include being a Member of Parliament.
    Local councillors are not disqualified: the model drops the CCG-era bar on local authority
    members, and the local authority partner member may be an elected member.
    Why: Keeps national party politics out of the board of a local NHS body.
    Fix: Add `member_of_parliament` to `disqualification.criteria`. Do not add a bar on
    councillors; the model has none.
    Source: The model constitution's disqualification list, read at Herts and West Essex ICB
    clause 3.2.1; nhse-policy [S]. It repeats paragraph 1 of Schedule 5 to the CCG Regulations
    2012, read on legislation.gov.uk, without that Schedule's bar on local authority members
    (paragraph 2) or on MEPs and London Assembly members (catalogue section 9, 5.4). The rule
    only checks that the criterion is listed, and never flags councillors.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "member_of_parliament",
        CRITERIA,
        "The disqualification criteria do not bar Members of Parliament from the board. Add "
        "member_of_parliament to disqualification.criteria.",
    )


@rule(
    code="ICB038",
    slug="disqualification-conviction",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.3", HWE_SECTION_3), CCG_REGS_SCH_5],
)
def disqualification_conviction(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone imprisoned for three months or more in the last five years is disqualified.

    Requirement: A person is disqualified if, in the five years before the proposed
    appointment, they were convicted (in the UK, or abroad of what would be an offence in the
    UK) and sentenced to imprisonment of at least three months, suspended or not, without the
    option of a fine.
    Why: The same test applies across NHS boards; a different period or threshold would let
    in, or keep out, people the rest of the NHS treats otherwise.
    Fix: Add `conviction_5y_3m` to `disqualification.criteria`; if you give
    `disqualification.conviction`, set `years: 5` and `min_sentence_months: 3`.
    Source: The model constitution's disqualification list, read at Herts and West Essex ICB
    clause 3.2.3; nhse-policy [S]. The same words are paragraph 4 of Schedule 5 to the CCG
    Regulations 2012, read on legislation.gov.uk. The rule checks that the criterion is listed
    and, where the document states them, its period and threshold.
    """
    disqualification = doc.disqualification
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "conviction_5y_3m",
        CRITERIA,
        "The disqualification criteria do not cover recent convictions. Add conviction_5y_3m "
        "(a conviction in the five years before appointment with a prison sentence of three "
        "months or more, without the option of a fine) to disqualification.criteria.",
    )
    terms = disqualification.conviction if disqualification else None
    if terms is None:
        return
    if terms.years is not None and terms.years != 5:
        yield Finding(
            ("disqualification", "conviction", "years"),
            f"The conviction bar looks back {terms.years} years; the model looks back five "
            "years before the proposed appointment. Set years: 5, or record NHS England's "
            "agreement to the variation.",
        )
    if terms.min_sentence_months is not None and terms.min_sentence_months != 3:
        yield Finding(
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
)
def disqualification_bankruptcy(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone subject to a bankruptcy restrictions order is disqualified.

    Requirement: A person is disqualified while subject to a bankruptcy restrictions order or
    interim order, under the law of England and Wales, Scotland or Northern Ireland.
    Why: Board members are responsible for large public budgets; the restriction follows the
    one for other NHS boards.
    Fix: Add `bankruptcy_restrictions_order` to `disqualification.criteria`.
    Source: The model constitution's disqualification list, read at Herts and West Essex ICB
    clause 3.2.4; nhse-policy [S]. The same wording is in SI 2012/1290 regulation 3(1)(b),
    read on legislation.gov.uk. The rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "bankruptcy_restrictions_order",
        CRITERIA,
        "The disqualification criteria do not cover bankruptcy restrictions orders. Add "
        "bankruptcy_restrictions_order to disqualification.criteria.",
    )


@rule(
    code="ICB040",
    slug="disqualification-dismissal",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.5", HWE_SECTION_3), SI_2012_1290_REG_3],
)
def disqualification_dismissal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Someone dismissed by a health service body in the last five years is disqualified.

    Requirement: A person is disqualified if, in the five years before the proposed
    appointment, a health service body dismissed them from paid employment for a reason other
    than redundancy.
    Why: Someone recently dismissed by an NHS body should not return at once to govern one.
    Fix: Add `dismissal_health_body_5y` to `disqualification.criteria`.
    Source: The model constitution's disqualification list, read at Herts and West Essex ICB
    clause 3.2.5; nhse-policy [S]. The same wording is in SI 2012/1290 regulation 3(1)(c),
    read on legislation.gov.uk. The rule can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "dismissal_health_body_5y",
        CRITERIA,
        "The disqualification criteria do not cover dismissal by a health service body in the "
        "last five years (other than for redundancy). Add dismissal_health_body_5y to "
        "disqualification.criteria.",
    )


@rule(
    code="ICB041",
    slug="disqualification-office-terminated",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[secondary(HWE_MODEL, "clause 3.2.6", HWE_SECTION_3), SI_2012_1290_REG_3],
)
def disqualification_office_terminated(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """Someone removed early from office in a health service body is disqualified.

    Requirement: A person is disqualified if their term as chair, member, director or governor
    of a health service body was ended early on grounds such as: it was not in the interests of
    the body or the health service that they continue; failing to attend three meetings in a
    row without reasonable excuse; failing to declare a pecuniary interest; or misconduct.
    Why: Someone removed from one NHS board for these reasons should not be appointed to another.
    Fix: Add `office_terminated_health_body` to `disqualification.criteria`.
    Source: The model constitution's disqualification list, read at Herts and West Essex ICB
    clause 3.2.6, whose stored copy stops after its opening words; nhse-policy [S]. The
    opening words match SI 2012/1290 regulation 3(1)(d), read on legislation.gov.uk, and the
    grounds above are that regulation's, taken by analogy (catalogue section 9, 5.4). The rule
    can only check that the criterion is listed.
    """
    yield from _missing_criterion(
        _disqualification_criteria(doc),
        "office_terminated_health_body",
        CRITERIA,
        "The disqualification criteria do not cover people whose office as chair, member, "
        "director or governor of a health service body was ended early (for example for "
        "misconduct or non-attendance). Add office_terminated_health_body to "
        "disqualification.criteria.",
    )


# Items believed to follow 3.2.6 in the model list, by analogy with CCG Regulations Schedule 5
# and SI 2012/1290 regulation 3; not read in the model.
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
        secondary(HWE_MODEL, "section 3.2 (items after 3.2.6 not read)", HWE_SECTION_3),
        SI_2012_1290_REG_3,
        CCG_REGS_SCH_5,
    ],
)
def disqualification_further_criteria(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The disqualification list probably goes on past the six items read; check it.

    Requirement: Unverified. NHS England's model disqualification list is believed to continue
    after clause 3.2.6, with items such as national NHS disqualification, sanctions by a
    professional regulator, company-director disqualification, removal as a charity trustee
    and inclusion in a barred list. Which items, and their wording, were not read.
    Why: If the model has further items, a constitution that stops at 3.2.6 would depart from
    required model text without NHS England's agreement.
    Fix: Compare section 3.2 with NHS England's model annex and add the items it lists, for
    example `nhs_disqualification` or `director_disqualification` in
    `disqualification.criteria`. If the model has no further items, ignore this finding.
    Source: [U], shipped at info. The model annex was not found; the stored copy of Herts and
    West Essex's section 3 stops inside clause 3.2.6, so whether the list goes on is unknown.
    The candidates come from analogous lists read on legislation.gov.uk: SI 2012/1290
    regulation 3(1), whose items (a) to (d) the model's 3.2.3 to 3.2.6 follow and whose item
    (e) is national NHS disqualification, and Schedule 5 to the CCG Regulations 2012. No one
    candidate is required: the rule reports only when the list has none of them.
    """
    present = _disqualification_criteria(doc)
    if not present or any(code in present for code in LIKELY_FURTHER_CRITERIA):
        return
    yield Finding(
        CRITERIA,
        "Unverified requirement: the disqualification criteria include none of the items "
        "believed to follow clause 3.2.6 of NHS England's model, such as national NHS "
        "disqualification, company-director disqualification or sanctions by a professional "
        "regulator. Check section 3.2 against the model and add any further items it lists to "
        "disqualification.criteria.",
    )
